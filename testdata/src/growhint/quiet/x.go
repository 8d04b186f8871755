package quiet

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Short writes a couple of short constant pieces: a short fixed text.
func Short(ok bool) string {
	var b strings.Builder
	b.WriteString("status: ")
	if ok {
		b.WriteString("ok")
	} else {
		b.WriteString("failed")
	}
	b.WriteByte('\n')
	return b.String()
}

// Few writes one variable piece between two constants: a concatenation is
// the better remedy, and the builder reallocates at most twice.
func Few(name string) string {
	var b strings.Builder
	b.WriteString("<")
	b.WriteString(name)
	b.WriteString(">")
	return b.String()
}

// Grown already has its size.
func Grown(parts []string) string {
	var b strings.Builder
	b.Grow(len(parts) * 8)
	for _, p := range parts {
		b.WriteString(p)
		b.WriteByte(',')
	}
	return b.String()
}

// WithCap already has its capacity.
func WithCap(data []byte) []byte {
	out := make([]byte, 0, 2*len(data))
	for _, c := range data {
		out = append(out, c, c)
	}
	return out
}

// ResetInLoop reuses one builder for every line: after the first lines
// it has the capacity it needs.
func ResetInLoop(lines [][]string) []string {
	var out []string
	var b strings.Builder
	for _, l := range lines {
		b.Reset()
		for _, w := range l {
			b.WriteString(w)
		}
		out = append(out, b.String())
	}
	return out
}

// Unknown writes pieces whose size is known only as they are made.
func Unknown(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(strconv.Itoa(x))
		b.WriteString(strconv.Itoa(x * x))
	}
	return b.String()
}

// Conditional writes a variable piece under a test that does not test
// it, inside a loop that can skip: no bound is known.
func Conditional(xs []string, verbose bool) string {
	var b strings.Builder
	for _, x := range xs {
		if x == "" {
			continue
		}
		if verbose {
			b.WriteString(strconv.Quote(x))
		}
	}
	return b.String()
}

// Handed passes the builder to code that may keep it.
func Handed(xs []string) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(x)
		b.WriteByte(' ')
	}
	keep(&b)
	return b.String()
}

func keep(*strings.Builder) {}

// Captured is written by a closure.
func Captured(xs []string) string {
	var b strings.Builder
	add := func(s string) { b.WriteString(s) }
	for _, x := range xs {
		add(x)
		add(",")
	}
	return b.String()
}

// OnePerIteration is prealloc's finding, not this pass's.
func OnePerIteration(data []byte) []byte {
	var out []byte
	for _, c := range data {
		out = append(out, c+1)
	}
	return out
}

// Reused appends to a slice the caller gave.
func Reused(dst []byte, xs []string) []byte {
	for _, x := range xs {
		dst = append(dst, x...)
		dst = append(dst, ',')
	}
	return dst
}

type parseError struct {
	line  int
	words []string
}

// Error is a cold path: error text is built once, when it is shown.
func (e *parseError) Error() string {
	var b strings.Builder
	for _, w := range e.words {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}

// debugWords is debug output.
func debugWords(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}

func init() {
	var b strings.Builder
	for _, w := range []string{"a", "b"} {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	_ = debugWords(nil)
	_ = errors.New(b.String())
}

// Formatted writes through fmt: pieces of unknown size.
func Formatted(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		fmt.Fprintf(&b, "%d=%d;", i, x)
	}
	return b.String()
}

// Lines reads lines until the reader says stop: the first piece is
// known, the bulk is not.
func Lines(first string, next func() (string, bool)) string {
	var b strings.Builder
	b.WriteString(first)
	for {
		line, ok := next()
		if !ok {
			break
		}
		b.WriteByte('\n')
		b.WriteString(line)
	}
	return b.String()
}

// Digits keeps some runes of s: the output can be much shorter than s.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Quoted copies s up to its closing quote and returns the rest: only a
// prefix of s is copied.
func Quoted(s string) (string, string) {
	b := new(strings.Builder)
	for i := 1; i < len(s); i++ {
		if s[i] == '"' {
			return b.String(), s[i+1:]
		}
		b.WriteByte(s[i])
	}
	return "", s
}

// Nested writes pieces in a loop inside the loop: the inner counts are
// not known before the writes.
func Nested(groups [][]string) string {
	var b strings.Builder
	for _, g := range groups {
		b.WriteByte('[')
		for _, x := range g {
			b.WriteString(strconv.Quote(x))
		}
	}
	return b.String()
}

type route struct {
	name     string
	handlers []string
}

// String describes a route for people, with fmt: a cold path.
func (r route) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for _, h := range r.handlers {
		b.WriteByte(' ')
		b.WriteString(h)
	}
	b.WriteByte(']')
	return fmt.Sprintf("{name:%q handlers:%s}", r.name, b.String())
}

// Pair is a name and its value.
type Pair struct{ Name, Value string }

// Pairs counts only the '=' of each pair: the names and values, the bulk
// of the text, are not known before the loop, so it offers no size.
func Pairs(ps []Pair) string {
	var b strings.Builder
	for i, p := range ps {
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(p.Value)
		if i < len(ps)-1 {
			b.WriteString(", ")
		}
	}
	return b.String()
}

// ParseQuoted copies s up to its closing quote and keeps the rest for the
// caller to parse again: only a prefix is copied, and growing by len(s)
// would allocate the rest on every call.
func ParseQuoted(s string) (string, string) {
	var rest string
	var b strings.Builder
loop:
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			rest = strings.TrimSpace(s[i+1:])
			break loop
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), rest
}

type kind = byte

func kindName(k kind) string {
	switch k {
	case 0:
		return "i32"
	case 1:
		return "i64"
	}
	return "unknown"
}

// Signature writes a name per kind: a byte maps to a string of its own
// length, and the output is not a copy of kinds.
func Signature(name string, kinds []kind) string {
	var b strings.Builder
	b.WriteString(name)
	for _, k := range kinds {
		b.WriteByte(',')
		b.WriteString(kindName(k))
	}
	return b.String()
}

// Interpolate replaces each %s of format with the next argument, formatted: the
// output has the arguments' lengths, not the format's.
func Interpolate(format string, args []string, quote func(arg, flags string) string) string {
	var b strings.Builder
	n := 0
	i := 0
	for i < len(format) {
		if format[i] == '%' {
			if i+1 < len(format) && format[i+1] == '%' {
				b.WriteByte('%')
				i += 2
				continue
			} else {
				read, val := parseClause(format[i:], args[n], quote)
				b.WriteString(val)
				n++
				i += read
			}
		} else {
			b.WriteByte(format[i])
			i++
		}
	}
	return b.String()
}

func parseClause(clause, arg string, quote func(arg, flags string) string) (int, string) {
	return 2, quote(arg, clause[1:2])
}

// UTF16 writes two or four bytes per rune: up to twice the length of s,
// not about it.
func UTF16(s string) []byte {
	var v []byte
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := 0xd800+(r-0x10000)>>10, 0xdc00+(r-0x10000)&0x3ff
			v = append(v, byte(r1), byte(r1>>8))
			v = append(v, byte(r2), byte(r2>>8))
		} else {
			v = append(v, byte(r), byte(r>>8))
		}
	}
	return v
}

// OrList joins the names one call passes: a handful, not worth a Grow at
// the default level.
func OrList(items ...string) string {
	var buf bytes.Buffer
	for _, item := range items {
		buf.WriteString(", ")
		buf.WriteString(item)
	}
	return buf.String()
}

type encoding interface{ Decode(raw string) []rune }

// DecodeText writes the runes another function decodes from raw: their
// size is not raw's (two bytes per glyph may become one or three).
func DecodeText(enc encoding, raw string) string {
	var b strings.Builder
	for _, r := range enc.Decode(raw) {
		b.WriteRune(r)
	}
	return b.String()
}

// EscapeHash writes to the builder only from the first byte that needs an
// escape, and returns s itself when none does: a Grow before the loop
// would allocate on the calls that now allocate nothing.
func EscapeHash(s string) string {
	started := false
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' || s[i] < ' ' {
			if !started {
				sb.WriteString(s[:i])
				started = true
			}
			sb.WriteString("#23")
		} else if started {
			sb.WriteByte(s[i])
		}
	}
	if !started {
		return s
	}
	return sb.String()
}

// HexRunes writes each rune of s as at least four hex digits: the output
// is not a copy of s, and its size is not known before the loop.
func HexRunes(s string) string {
	var buf bytes.Buffer
	for _, r := range s {
		h := fmt.Sprintf("%X", r)
		for len(h) < 4 {
			h = "0" + h
		}
		buf.WriteString(h)
	}
	return buf.String()
}

var glyphs = []string{"zero", "one", "two", "three"}

// Spell writes a word per digit, looked up in a table: the output is as
// long as the table's words, not as the digits.
func Spell(digits []byte) string {
	var sb strings.Builder
	for _, d := range digits {
		sb.WriteString(glyphs[d%4])
	}
	return sb.String()
}

// Colons writes the hex digits of a digest in pairs with a colon between
// them: a third more than the digits, not a copy of them.
func Colons(hexDigits string) string {
	var sb strings.Builder
	for i := 0; i+1 < len(hexDigits); i += 2 {
		if i > 0 {
			sb.WriteByte(':')
		}
		sb.WriteString(hexDigits[i : i+2])
	}
	return sb.String()
}

// QuotedValue copies a quoted value up to its closing quote, which ends
// the loop from the else of a test that reads a length: the rest of the
// header is not part of it.
func QuotedValue(params string) (string, string) {
	var sb strings.Builder
	i := 0
	for ; i < len(params); i++ {
		if params[i] == '\\' && i+1 < len(params) {
			sb.WriteByte(params[i+1])
			i++
		} else if params[i] == '"' {
			break
		} else {
			sb.WriteByte(params[i])
		}
	}
	return sb.String(), params[min(i+1, len(params)):]
}

// KnownFlags keeps the flags it knows of a list the caller passes: a switch
// without default picks some bytes, so the list's length is only an upper
// bound, and the few bytes kept fit the first allocation.
func KnownFlags(flags string) string {
	var kept strings.Builder
	for _, f := range flags {
		switch f {
		case 'i', 'm', 's':
			kept.WriteRune(f)
		}
	}
	return kept.String()
}

// QuotedNames collects the quoted names of a list ("a", "b\"c"): each
// loop copies one name, up to its closing quote, which the loop's
// condition reads; the list's length is no size for a name.
func QuotedNames(list string) []string {
	var names []string
	i := 0
	for i < len(list) {
		for i < len(list) && list[i] != '"' {
			i++
		}
		i++ // opening quote
		var name strings.Builder
		for i < len(list) && list[i] != '"' {
			if list[i] == '\\' && i+1 < len(list) {
				i++
			}
			name.WriteByte(list[i])
			i++
		}
		i++ // closing quote
		names = append(names, name.String())
	}
	return names
}

// Label keeps the letters and digits of a reason, the others replaced by
// '_', up to 32 bytes: the
// loop stops at a length of its own output, so the input's length is no
// size for it.
func Label(s string) string {
	const limit = 32
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= limit {
			break
		}
	}
	return b.String()
}

// Indented writes one of two layouts: each loop returns what it built, so
// the writes of the two never run together and no one size fits both.
func Indented(lines []string, each bool, pad string) string {
	var b strings.Builder
	if each {
		for _, l := range lines {
			b.WriteString(pad)
			b.WriteString(l)
			b.WriteByte('\n')
		}
		return b.String()
	}
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// Highlight colours the words of a text: each goes through a function that
// wraps it in terminal escapes, so the output is longer than the text by an
// amount no length before the loop gives.
func Highlight(text string, color func(...any) string) string {
	var b strings.Builder
	i := 0
	for i < len(text) {
		if text[i] == ' ' {
			b.WriteByte(' ')
			i++
			continue
		}
		end := i
		for end < len(text) && text[end] != ' ' {
			end++
		}
		b.WriteString(color(text[i:end]))
		i = end
	}
	return b.String()
}

// Shouted writes the words of a text through a helper, kept in a variable
// first: what the helper returns is not the word's length.
func Shouted(text string) string {
	var b strings.Builder
	i := 0
	for i < len(text) {
		if text[i] == ' ' {
			b.WriteByte(' ')
			i++
			continue
		}
		end := i
		for end < len(text) && text[end] != ' ' {
			end++
		}
		loud := shout(text[i:end])
		b.WriteString(loud)
		i = end
	}
	return b.String()
}

func shout(w string) string { return "<b>" + w + "</b>" }

// Literal is a string literal of a source file a parser walks.
type Literal struct{ Text string }

// LiteralAt copies the literal that starts at *pos, up to its closing
// quote: one literal of the file, not the file.
func LiteralAt(data []byte, pos *int) (*Literal, error) {
	var buf bytes.Buffer
	for *pos < len(data) {
		c := data[*pos]
		*pos++
		if c == '"' {
			lit := &Literal{Text: buf.String()}
			return lit, nil
		}
		buf.WriteByte(c)
	}
	return nil, errors.New("unterminated literal")
}

// UntilQuote returns the copy it has built at the first quote.
func UntilQuote(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			out := b.String()
			return out, true
		}
		b.WriteByte(s[i] | 0x20)
	}
	return b.String(), false
}

// LowerFrom lowers s from start on: the rest of s, not all of it.
func LowerFrom(s string, start int) string {
	var b strings.Builder
	i := start
	for i < len(s) {
		b.WriteByte(s[i] | 0x20)
		i++
	}
	return b.String()
}

// Lexer walks a source through calls, from where the last one stopped.
type Lexer struct{ off int }

// Rest lowers what is left of src.
func (l *Lexer) Rest(src string) string {
	var b strings.Builder
	for l.off < len(src) {
		b.WriteByte(src[l.off] | 0x20)
		l.off++
	}
	return b.String()
}

var directives = map[byte]string{'f': `(?P<f>[^:]+)`, 'l': `(?P<l>\d+)`, 'm': `(?P<m>.+)`}

// Pattern turns a format into a regular expression: each directive becomes
// the pattern a table maps it to, far longer than its two bytes, so the
// output is no copy of the format's size.
func Pattern(format string) (string, error) {
	var re bytes.Buffer
	var c byte
	re.WriteByte('^')
	for i := 0; i < len(format); i++ {
		c = format[i]
		if c == '%' {
			i++
			c = format[i]
			if p, ok := directives[c]; ok {
				re.WriteString(p)
			} else if c == '*' {
				re.WriteByte(c)
				re.WriteRune('+')
			} else {
				return "", errors.New("unknown directive")
			}
		} else if c == '\\' {
			re.WriteByte('\\')
			re.WriteByte(c)
		} else {
			re.WriteByte(c)
		}
	}
	re.WriteByte('$')
	return re.String(), nil
}

// Section frames a text with blank lines: the loops count the padding, but
// the text itself, formatted by a call, is not counted, and it is the bulk.
func Section(top, bottom int, format func(...any) string, a ...any) string {
	var ret strings.Builder
	for i := 0; i < top; i++ {
		ret.WriteByte('\n')
	}
	ret.WriteString(format(a...))
	for i := 0; i < bottom; i++ {
		ret.WriteByte('\n')
	}
	return ret.String()
}
