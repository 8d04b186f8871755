// Package quiet holds concatenation in loops that concatloop leaves alone.
package quiet

import (
	"errors"
	"fmt"
	"log"
	"strconv"
	"strings"
)

// Fresh declares the string in the loop body: it starts over every time.
func Fresh(xs []string) []string {
	var out []string
	for _, x := range xs {
		s := "<"
		s += x
		s += ">"
		out = append(out, s)
	}
	return out
}

// NotString accumulates numbers and bytes.
func NotString(xs []int) (int, []byte) {
	n := 0
	var b []byte
	for _, x := range xs {
		n += x
		b = append(b, byte(x))
	}
	return n, b
}

// Prepend builds from the front: a builder does not help.
func Prepend(xs []string) string {
	s := ""
	for _, x := range xs {
		s = x + s
	}
	return s
}

// Doubling appends the string to itself.
func Doubling(n int) string {
	s := "x"
	for i := 0; i < n; i++ {
		s += s
	}
	return s
}

var weekdays = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// Constant trip counts do not grow with the input.
func Constant(a [16]string, p *[4]string) string {
	s := ""
	for i := 0; i < 8; i++ {
		s += strconv.Itoa(i)
	}
	for i := 63; i >= 0; i-- {
		s += strconv.Itoa(i)
	}
	for _, x := range a {
		s += x
	}
	for _, x := range p {
		s += x
	}
	for _, x := range []string{"a", "b", "c"} {
		s += x
	}
	for _, d := range weekdays {
		s += d
	}
	for i := range 10 {
		s += strconv.Itoa(i)
	}
	for _, r := range "constant" {
		s += string(r)
	}
	return s
}

// Resets restarts the string inside the loop: it does not grow with it.
func Resets(words []string) []string {
	var lines []string
	line := ""
	for _, w := range words {
		if len(line) > 60 {
			lines = append(lines, line)
			line = ""
		}
		line += w + " "
	}
	return append(lines, line)
}

type list []string

// Error methods build messages nobody optimizes.
func (l list) Error() string {
	s := "errors:"
	for _, e := range l {
		s += " " + e + ";"
	}
	return s
}

// GoString is debug output.
func (l list) GoString() string {
	s := "list{"
	for _, e := range l {
		s += strconv.Quote(e) + ","
	}
	return s + "}"
}

// Indented returns the rows one per line, indented, for examination.
// That is debug output, by its documentation.
func Indented(rows []string) string {
	s := ""
	for _, r := range rows {
		s += "\t" + r + "\n"
	}
	return s
}

// dumpTable is debug output, by name.
func dumpTable(rows []string) string {
	s := ""
	for _, r := range rows {
		s += r + "\n"
	}
	return s
}

var verbose bool

// Verbose builds output only when a verbose flag is set.
func Verbose(xs []string) {
	if verbose {
		msg := ""
		for _, x := range xs {
			msg += x + " "
		}
		println(msg)
	}
}

// Panics builds a panic message.
func Panics(xs []string) {
	msg := "bad:"
	for _, x := range xs {
		msg += " " + x + ","
	}
	panic(msg)
}

// Errors builds an error message.
func Errors(xs []string) error {
	msg := ""
	for _, x := range xs {
		msg += x + ";"
	}
	if len(xs) > 2 {
		return fmt.Errorf("too many: %s", msg)
	}
	return errors.New(msg)
}

// Logs builds a log line.
func Logs(xs []string) {
	msg := ""
	for _, x := range xs {
		msg += x + ";"
	}
	log.Print(msg)
}

type checker struct{}

func (checker) trace(format string, args ...any) {}

// pathString only feeds trace output.
func pathString(path []string) string {
	s := ""
	for _, p := range path {
		s += p + "->"
	}
	return s
}

func (c checker) visit(path []string) {
	c.trace("path %s", pathString(path))
}

// Ignored is silenced by a directive.
func Ignored(xs []string) string {
	s := ""
	for _, x := range xs {
		//memlint:ignore concatloop at most three elements, checked by the caller
		s += x + "."
	}
	return s
}

// Closure grows a string in a function literal called per iteration: the
// string is not a variable of the loop's function.
func Closure(xs []string) string {
	s := ""
	add := func(x string) { s += x + "," }
	for _, x := range xs {
		add(strings.TrimSpace(x))
	}
	return s
}

// PathError is an error type.
type PathError struct{ Path string }

func (e *PathError) Error() string { return e.Path }

// ErrorField builds the path of an error value: an error path.
func ErrorField(parts []string) error {
	e := &PathError{}
	for _, p := range parts {
		e.Path += "/" + p
	}
	return e
}

// Formatted pieces already cost more than the copying.
func Formatted(xs []int) string {
	s := ""
	for _, x := range xs {
		s += fmt.Sprintf("%d;", x)
	}
	return s
}

type flagName struct {
	bit  uint
	name string
}

var flagNames = []flagName{{1, "a"}, {2, "b"}}

// flagString ranges over a parameter that every caller gives a table.
func flagString(f uint, names []flagName) string {
	s := ""
	for _, n := range names {
		if f&n.bit != 0 {
			s += n.name + "|"
		}
	}
	return s
}

// Flags is a caller of flagString.
func Flags(f uint) string { return flagString(f, flagNames) }

// Pad pads to a width: constant pieces in a for loop stop at a small size.
func Pad(s string, width int) string {
	for i := len(s); i < width; i++ {
		s += " "
	}
	return s
}

// Indent repeats a unit kept in a local that is never assigned again: a
// constant too, and an indent stops at a few levels.
func Indent(level int, line string) string {
	unit := "  "
	prefix := ""
	for i := 0; i < level; i++ {
		prefix += unit
	}
	return prefix + line
}

// Fence lengthens a fence until the text does not contain it.
func Fence(text string) (string, string) {
	open, close := "`", "`"
	for strings.Contains(text, close) {
		open += "`"
		close += "`"
	}
	return open, close
}

// Generic accumulates a type parameter: not a string type by go/types.
func Generic[S ~string](xs []S) S {
	var s S
	for _, x := range xs {
		s += x
	}
	return s
}

type buffer struct{ text string }

// Field accumulates into a struct field: reported only with -concatloop.nonlocal.
func (b *buffer) Field(xs []string) {
	for _, x := range xs {
		b.text += strings.TrimSpace(x) + "\n"
	}
}

// TruncateLeft pads the cut once, right before it leaves the loop: the
// string does not grow across iterations.
func TruncateLeft(s string, w int, prefix string) string {
	width, pos := 0, len(s)
	for i := range s {
		if width+2 > w {
			if width < w {
				pos = i + 1
				prefix += strings.Repeat(" ", width+2-w)
			} else {
				pos = i
			}
			break
		}
		width += 2
	}
	return prefix + s[pos:]
}

// FirstMatch appends once and returns.
func FirstMatch(names []string, suffix string) string {
	label := "match: "
	for _, n := range names {
		if strings.HasSuffix(n, suffix) {
			label += n
			return label
		}
	}
	return ""
}

// LastWord appends once and leaves through the outer label.
func LastWord(lines [][]string) string {
	out := ""
scan:
	for _, words := range lines {
		for _, w := range words {
			if w == "." {
				out += w
				break scan
			}
		}
	}
	return out
}

// prefixed ranges over a parameter that every caller writes out as a
// literal, one or two names: the variadic arguments after it do not
// make the list any longer.
func prefixed(leaders []string, format string, args ...any) string {
	leader := ""
	for _, l := range leaders {
		if l == "" {
			continue
		}
		leader += l + ": "
	}
	return leader + fmt.Sprintf(format, args...)
}

// Notice and Fail are the callers of prefixed.
func Notice(app, format string, args ...any) string {
	return prefixed([]string{app}, format, args...)
}

func Fail(app, format string, args ...any) string {
	return prefixed([]string{app, "error"}, format, args...)
}

// PacketIP reads a text from a buffer made at a constant length: the loop
// runs at most 64 times.
func PacketIP(read func([]byte) (int, error)) (string, error) {
	rb := make([]byte, 74)
	if _, err := read(rb); err != nil {
		return "", err
	}
	var ip string
	for i := 8; i < len(rb)-2; i++ {
		if rb[i] == 0 {
			break
		}
		ip += string(rb[i])
	}
	return ip, nil
}

// Name reads a name made of runs of name characters between escapes: the
// loop runs once per run, and the first += of a run copies nothing.
func Name(s string, i int) (string, int) {
	name := ""
	for i < len(s) {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			start := i
			for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
				i++
			}
			name += s[start:i]
		case c == '\\' && i+1 < len(s):
			name += string(s[i+1])
			i += 2
		default:
			return name, i
		}
	}
	return name, i
}

// FirstWord keeps the first non-blank word: its += runs only while the
// string is empty, once.
func FirstWord(words []string) string {
	w := ""
	for _, x := range words {
		if len(w) == 0 && strings.TrimSpace(x) != "" {
			w += x
		}
	}
	return w
}

// Params lists the parameters one per line, each but the last ending in
// a comma: the loop appends a new last line on every iteration, so each
// line grows once and nothing is copied twice.
func Params(head string, params []string) []string {
	lines := []string{head}
	for _, p := range params {
		lines[len(lines)-1] += ","
		lines = append(lines, "\t"+p)
	}
	lines[len(lines)-1] += ") {"
	return lines
}
