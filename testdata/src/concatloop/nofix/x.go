// Package nofix holds loops that concatloop reports but cannot fix safely.
package nofix

import (
	"fmt"
	"strconv"
	"strings"
)

// Captured is read by a closure that the loop calls.
func Captured(xs []string) string {
	s := ""
	show := func() int { return strings.Count(s, ",") }
	for _, x := range xs {
		if show() > 3 {
			break
		}
		s += x + "," // want `\(no automatic fix: s is captured by a closure`
	}
	return s
}

// Address takes the string's address.
func Address(xs []string) string {
	s := ""
	p := &s
	for _, x := range xs {
		s += strconv.Quote(x) + ";" // want `\(no automatic fix: s's address is taken`
	}
	return *p
}

// Read passes the partial string to a call inside the loop.
func Read(xs []string) []string {
	var out []string
	s := ""
	for _, x := range xs {
		s += x + "/" // want `\(no automatic fix: s is read inside the loop\) \[medium: no bound on the count found here\]$`
		out = append(out, s)
	}
	return out
}

// Goto leaves the loop by goto.
func Goto(xs []string) string {
	s := ""
	for _, x := range xs {
		if x == "" {
			goto done
		}
		s += x + "." // want `\(no automatic fix: the loop contains a goto\) \[medium: no bound on the count found here\]$`
	}
done:
	return s
}

// Two grows two strings in one loop.
func Two(xs []string) (string, string) {
	a, b := "", ""
	for _, x := range xs {
		a += x + "a" // want `a grows by \+= .*\(no automatic fix: another string also grows in this loop\) \[medium: no bound on the count found here\]$`
		b += x + "b"
	}
	return a, b
}

// Deferred accumulates into a result while a deferred call could recover
// a panic and return it.
func Deferred(xs []fmt.Stringer) (s string) {
	defer func() { recover() }()
	for _, x := range xs {
		s += x.String() // want `\(no automatic fix: s is a result and the function defers a call`
	}
	return s
}

// Commented has a comment inside the statement.
func Commented(xs []string) string {
	s := "-"
	for _, x := range xs {
		s += strings.ToUpper(x) + /* keep */ ";" // want `\(no automatic fix: a comment inside the statement would be lost\) \[medium: no bound on the count found here\]$`
	}
	return s
}

// OnlyInside reads the string only inside the loop.
func OnlyInside(xs []string) int {
	s := ""
	n := 0
	for _, x := range xs {
		s += x + "," // want `\(no automatic fix: s is only read inside the loop\) \[medium: no bound on the count found here\]$`
		n += len(s)
	}
	return n
}

// PostStmt grows the string in the loop's post statement, where two
// writes would not fit.
func PostStmt(xs []string) string {
	s := ""
	for i := 0; i < len(xs); s += "," + strings.TrimSpace(xs[i-1]) { // want `\(no automatic fix: a statement that grows s is not in a statement list\) \[medium: no bound on the count found here\]$`
		i++
	}
	return s
}

// Shadowed leaves the loop for an outer one where another s hides it.
func Shadowed(rows [][]string) []string {
	var out []string
	var s string
outer:
	for _, row := range rows {
		s = ""
		for _, x := range row {
			if x == "" {
				s := 0
				_ = s
				continue outer
			}
			s += strings.ToUpper(x) + ";" // want `\(no automatic fix: s is shadowed where the loop is left\) \[medium: no bound on the count found here\]$`
		}
		out = append(out, s)
	}
	return out
}

// GotoLoop jumps back to the loop's own label, past where a builder would
// be declared.
func GotoLoop(xs []string) string {
	s := ""
	round := 0
again:
	for _, x := range xs {
		s += strings.ToUpper(x) + "." // want `\(no automatic fix: a goto to the loop's label would skip the builder's declaration\) \[medium: no bound on the count found here\]$`
	}
	s += "|"
	if round++; round < 2 {
		goto again
	}
	return s
}

// AddClasses adds each class not there yet: the condition filters, so
// strings.Join is not the remedy, and the loop reads what it builds.
func AddClasses(current string, classes []string) string {
	for _, c := range classes {
		if !strings.Contains(current, " "+c+" ") {
			current += c + " " // want `current grows by \+= .*; use a strings.Builder \(no automatic fix: `
		}
	}
	return current
}

// Expand also grows its string once as the loop ends, before its break:
// the fix rewrites the growth of every iteration (the inner loop's too,
// which continues the outer one), not that last piece.
func Expand(s string, groups []string) string {
	var out string
Outer:
	for {
		pos := strings.IndexByte(s, '$')
		if pos == -1 {
			out += s
			break
		}
		out += s[:pos] // want `out grows by \+= .*\(no automatic fix: out also grows as the loop ends \(before a break or return\), which the fix does not rewrite\)`
		s = s[pos+1:]
		for i := len(s) - 1; i >= 0; i-- {
			if int(s[i]-'0') < len(groups) {
				out += groups[s[i]-'0']
				s = s[i+1:]
				continue Outer
			}
		}
	}
	return out
}

// Quoted reads lines until one holds the closing quote, keeping what
// comes before it: the last piece is added as the loop ends, where the
// fix would not rewrite it.
func Quoted(next func() string, quote string) string {
	val := ""
	for {
		line := next()
		if pos := strings.Index(line, quote); pos >= 0 {
			val += line[:pos]
			break
		}
		val += line // want `val grows by \+= .*\(no automatic fix: val also grows as the loop ends \(before a break or return\), which the fix does not rewrite\)`
	}
	return val
}

// Pattern reads tokens up to a closing brace. Its first += runs only while
// the pattern is empty and copies nothing: the finding is on the one that
// grows it.
func Pattern(next func() (string, bool)) string {
	re := ""
	for {
		tok, more := next()
		switch {
		case !more:
			return re
		case re == "" && tok == "!":
			re += tok
		case strings.Contains(re, tok):
			return re
		case tok != "}":
			re += tok // want `re grows by \+= in a loop that runs until it exits: .*\(no automatic fix: re is read inside the loop\)`
		default:
			return re
		}
	}
}

// Terms joins a term to the one before it only after a "WITH": the
// string grows under that test, in the default case, not every time.
func Terms(words []string) []string {
	var terms []string
	joined := false
	for _, w := range words {
		switch w {
		case "AND", "OR":
			continue
		case "WITH":
			joined = true
		default:
			if joined && len(terms) > 0 {
				terms[len(terms)-1] += " WITH " + w // want `terms\[len\(terms\)-1\] grows by \+= in a loop of len\(words\) iterations, under if joined && len\(terms\) > 0: each time it copies`
				joined = false
			} else {
				terms = append(terms, w)
			}
		}
	}
	return terms
}
