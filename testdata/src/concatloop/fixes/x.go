// Package fixes holds loops that concatloop reports and fixes. Every
// exported function here is also run, before and after the fix, on the same
// inputs by the equivalence test, so the fixes must keep their results.
package fixes

import (
	"strconv"
	"strings"
)

// Seeded starts from a parameter's value, so the builder is seeded with it.
func Seeded(prefix string, xs []int) string {
	s := prefix
	for _, x := range xs {
		s += strconv.Itoa(x) + ";" // want `s grows by \+= in a loop of len\(xs\) iterations: each iteration copies the whole string built so far, so the copying is quadratic in the loop's length; use a strings.Builder \[medium: no bound on the count found here\]$`
	}
	return s
}

// Empty starts from "", so no seeding is needed; the comment stays.
func Empty(words []string) string {
	var out string
	for _, w := range words {
		// Upper-case every word.
		out = out + strings.ToUpper(w) + "." // want `out grows by out = out \+ \.\.\. in a loop`
	}
	return out
}

// Snake writes single bytes and runes with WriteByte and WriteRune.
func Snake(in string) string {
	out := ""
	for _, r := range in {
		if r >= 'A' && r <= 'Z' {
			out += "_" // want `out grows by \+= in a loop over the runes of in \(at most len\(in\)\)`
			r += 'a' - 'A'
		}
		out += string(r)
	}
	return out
}

// Wrap reads the string inside the loop only through len and == "".
func Wrap(words []string, max int) string {
	s := ""
	for _, w := range words {
		if len(s)+len(w) > max {
			break
		}
		if s != "" {
			s += " " // want `s grows by \+=`
		}
		s += strings.ToLower(w)
	}
	return s
}

// Nested grows across both loops: one diagnostic, at the outer loop.
func Nested(rows [][]string) string {
	s := "["
	for i, row := range rows {
		for _, cell := range row {
			s += cell + "|" // want `s grows by \+= in a loop of len\(rows\) iterations`
		}
		if i < len(rows)-1 {
			s += ";"
		}
	}
	return s + "]"
}

// Labeled leaves the inner loop by labeled break and continue: the string
// must be assigned back on those ways out too.
func Labeled(rows [][]string) []string {
	var out []string
	line := ""
outer:
	for _, row := range rows {
		line = ">"
		for _, cell := range row {
			if cell == "skip" {
				continue outer
			}
			if cell == "stop" {
				break outer
			}
			if cell == "" {
				break
			}
			line += cell + "," // want `line grows by \+= in a loop of len\(row\) iterations`
		}
		out = append(out, line)
	}
	return append(out, "last:"+line)
}

// Returns leaves the loop by returns that read the string.
func Returns(xs []string) (string, bool) {
	s := ""
	for _, x := range xs {
		if x == "!" {
			return s, false
		}
		if x == "?" {
			return "", true
		}
		s += "<" + x + ">" // want `s grows by \+=`
	}
	return s, true
}

// Result accumulates into a named result that a bare return reads.
func Result(xs []int) (s string) {
	for _, x := range xs {
		if x < 0 {
			return
		}
		s += strconv.Itoa(x) // want `s grows by \+=`
	}
	return
}

// Lines runs until it breaks, reading its input piece by piece.
func Lines(text string) string {
	out := ""
	for {
		line, rest, found := strings.Cut(text, "\n")
		out += "> " + line + "\n" // want `out grows by \+= in a loop that runs until it exits`
		if !found {
			break
		}
		text = rest
	}
	return out
}

// Counter loops to a bound that comes from the input.
func Counter(xs []string, n int) string {
	s := "#"
	for i := 0; i < n && i < len(xs); i++ {
		s += xs[i] + strconv.Itoa(i) // want `s grows by \+= in a loop while i < n && i < len\(xs\)`
	}
	return s
}

// Name is a named string type: conversions keep the fix compiling.
type Name string

// Named accumulates into and from named string types.
func Named(parts []Name) Name {
	var n Name = "n:"
	for _, p := range parts {
		n += p + "." // want `n grows by \+=`
	}
	return n
}

// Collides already uses sb, so the builder is called sb2.
func Collides(xs []string) (string, int) {
	sb := 0
	acc := ""
	for _, x := range xs {
		sb += len(x)
		acc += strings.TrimSpace(x) // want `acc grows by \+=`
	}
	return acc, sb
}

// Placeholders appends a constant per element, with other work in the
// loop: the final length is known, so the builder grows once.
func Placeholders(cols []string) (string, []string) {
	q := "VALUES ("
	var names []string
	for _, c := range cols {
		q += "?," // want `q grows by \+=`
		names = append(names, strings.ToUpper(c))
	}
	return q, names
}

// Join is exactly strings.Join: the fix uses it.
func Join(xs []string) string {
	s := "("
	for i, x := range xs {
		if i > 0 {
			s += ", " // want `s grows by \+= .*; use strings.Join\(xs, ", "\) \[medium: no bound on the count found here\]$`
		}
		s += x
	}
	return s
}

// JoinAfter puts the separator after all but the last element: also
// exactly strings.Join.
func JoinAfter(xs []string) string {
	s := ""
	for i, x := range xs {
		s += x // want `s grows by \+= .*; use strings.Join\(xs, "; "\) \[medium: no bound on the count found here\]$`
		if i < len(xs)-1 {
			s += "; "
		}
	}
	return s
}

// Route is a path through named hops.
type Route struct{ Hops []string }

// JoinFields counts the last element with i+1 against the same fields.
func JoinFields(r *Route) string {
	path := ""
	for i, h := range r.Hops {
		path += h // want `path grows by \+= .*; use strings.Join\(r.Hops, "->"\) \[medium: no bound on the count found here\]$`
		if i+1 != len(r.Hops) {
			path += "->"
		}
	}
	return path
}

// LeadingSep puts the separator before every element, the first too:
// strings.Join is not a drop-in replacement, a builder is.
func LeadingSep(parts []string) string {
	path := ""
	for _, p := range parts {
		path += "/" + p // want `path grows by \+= .*; use a strings.Builder \[medium: no bound on the count found here\]$`
	}
	return path
}

// OtherLen puts the separator after all but the last element, as counted
// by another collection: a set may hold as many names as the list, but
// only a builder keeps the separators where they are.
func OtherLen(set map[string]bool, list []string) string {
	msg := ""
	for i, name := range list {
		msg += name // want `msg grows by \+= .*; use a strings.Builder \[medium: no bound on the count found here\]$`
		if i < len(set)-1 {
			msg += "; "
		}
	}
	return msg
}

// ShadowedList measures the element, not the list, that the loop's
// variable shadows: not strings.Join's separators.
func ShadowedList(xs []string) string {
	s := ""
	for i, xs := range xs {
		s += xs // want `s grows by \+= .*; use a strings.Builder \[medium: no bound on the count found here\]$`
		if i < len(xs)-1 {
			s += ","
		}
	}
	return s
}

// Repeat appends the same string every time: the fix uses strings.Repeat.
func Repeat(xs []int) string {
	pad := "|"
	for range xs {
		pad += "  " // want `pad grows by \+= .*; use strings.Repeat \[medium: no bound on the count found here\]$`
	}
	return pad
}

// Leader repeats a dot n times: strings.Repeat, with a count that is
// never negative, as the loop runs no times for a negative n.
func Leader(n int) string {
	var dots string
	for range n {
		dots += ". " // want `dots grows by \+= .*; use strings.Repeat \[medium: no bound on the count found here\]$`
	}
	return dots
}

// Reset starts over in every outer iteration: only the inner loop
// accumulates, and the builder is declared inside the outer loop.
func Reset(rows [][]string) []string {
	var out []string
	var line string
	for _, row := range rows {
		line = ""
		for _, cell := range row {
			line += cell // want `line grows by \+= in a loop of len\(row\) iterations`
		}
		out = append(out, line)
	}
	return out
}

// Shadow declares strings-free names around the loop; the import exists.
func Shadow(xs []string) string {
	total := ""
	for _, x := range xs {
		if x == "" {
			continue
		}
		total += x + "\n" // want `total grows by \+=`
	}
	return total
}

// join ranges over a parameter, and one of its callers passes input, so its
// trip count is not fixed.
func join(names []string, sep string) string {
	s := ""
	for _, n := range names {
		s += strings.TrimSpace(n) + sep // want `s grows by \+=`
	}
	return s
}

// Fixed calls join with a literal list.
func Fixed() string { return join([]string{"a", "b"}, "+") }

// Input calls join with its input.
func Input(xs []string) string { return join(xs, ",") }

// Again re-enters the code before its loop by goto: the builder is
// declared and seeded again, not assumed empty.
func Again(xs []string) string {
	s := ""
	round := 0
again:
	s += "|"
	for _, x := range xs {
		s += strings.ToUpper(x) + "." // want `s grows by \+=`
	}
	if round++; round < 2 {
		goto again
	}
	return s
}

// TwoLoops is a function literal with two loops: their builders get
// different names.
var TwoLoops = func(xs []string) (string, string) {
	a := ""
	for _, x := range xs {
		a += strings.ToUpper(x) // want `a grows by \+=`
	}
	b := ""
	for _, x := range xs {
		b += strings.ToLower(x) // want `b grows by \+=`
	}
	return a, b
}

// Escape leaves the switch, not the loop, after each append: it grows on
// every iteration.
func Escape(s string) string {
	out := ""
	for _, r := range s {
		switch r {
		case '"':
			out += `\"` // want `out grows by \+= in a loop over the runes of s \(at most len\(s\)\)`
			break
		default:
			out += string(r)
		}
	}
	return out
}

// Skip continues after each append: it grows on every iteration.
func Skip(words []string) string {
	out := ""
	for _, w := range words {
		if w != "" {
			out += w + " " // want `out grows by \+= in a loop of len\(words\) iterations`
			continue
		}
	}
	return out
}
