package flagged

import (
	"bytes"
	"net/url"
	"strings"
)

// Link is a web address in parts, formatted per request.
type Link struct {
	Scheme, Host, Path, Query, Anchor string
	Raw                               bool
}

// String writes the parts that are set; the size of each is known before
// the first write, and each variable piece is written only when its test
// says it is non-empty, so the count is close.
func (l *Link) String() string {
	var b strings.Builder // want `b is filled by 8 writes whose total size is known before the first write: at most len\(l.Scheme\) \+ len\(l.Host\) \+ len\(l.Path\) \+ len\(l.Query\) \+ len\(l.Anchor\) \+ 5 bytes; .*call b.Grow first \[medium: per call of Link.String, whose output is as long as the fields it writes\]`
	if l.Scheme != "" {
		b.WriteString(l.Scheme)
		b.WriteString("://")
	}
	if h := l.Host; h != "" {
		b.WriteString(h)
	}
	if l.Path != "" {
		b.WriteString(l.Path)
	}
	if l.Query != "" {
		b.WriteByte('?')
		b.WriteString(l.Query)
	}
	if l.Anchor != "" {
		b.WriteByte('#')
		b.WriteString(l.Anchor)
	}
	return b.String()
}

// Escaped writes escaped parts: the escaped length is at least the
// unescaped one, so the Grow is a lower bound.
func Escaped(dir, file, query string) string {
	var b strings.Builder // want `b is filled by 5 writes whose total size is known before the first write: at least len\(dir\) \+ len\(file\) \+ len\(query\) \+ 2 bytes \(counted at their least: url.PathEscape\(dir\) as len\(dir\), url.PathEscape\(file\) as len\(file\), url.QueryEscape\(query\) as len\(query\)\)`
	b.WriteString(url.PathEscape(dir))
	b.Write([]byte("/"))
	b.WriteString(url.PathEscape(file))
	b.WriteByte('?')
	b.WriteString(url.QueryEscape(query))
	return b.String()
}

// Hex writes a fixed number of bytes per input byte.
func Hex(data []byte) string {
	const digits = "0123456789abcdef"
	var b strings.Builder // want `b is filled by 3 writes in a loop whose total size is known before the first write: 3\*len\(data\) bytes; it starts empty`
	for _, c := range data {
		b.WriteByte(digits[c>>4])
		b.WriteByte(digits[c&15])
		b.WriteByte(' ')
	}
	return b.String()
}

// JoinQuoted writes each string of a slice with two quotes around it: the
// strings' lengths are summed by a loop before the Grow.
func JoinQuoted(parts []string) string {
	var buf bytes.Buffer // want `buf is filled by 3 writes in a loop whose total size is known before the first write: 2\*len\(parts\) bytes plus the lengths of the elements of parts; it starts empty, and past the 64 bytes its first write reserves, each write that outgrows it reallocates and copies what it holds`
	for _, p := range parts {
		buf.WriteByte('"')
		buf.WriteString(p)
		buf.WriteByte('"')
	}
	return buf.String()
}

// MarkSlashes copies a path rune by rune, marking doubled slashes: the
// output is at least the path's length.
func MarkSlashes(p string) string {
	var sb strings.Builder // want `sb is filled by 2 writes in a loop whose total size is known before the first write: at least len\(p\) bytes \(counted at their least: the runes of p, where an invalid byte becomes 3; not counted: sb.WriteByte\(0xff\)\)`
	for i, ch := range p {
		if ch == '/' && i > 0 && p[i-1] == '/' {
			sb.WriteByte(0xff)
		}
		sb.WriteRune(ch)
	}
	return sb.String()
}

// Rewrite walks a query string and writes its components back, rewritten:
// the output is about as long as the input.
func Rewrite(qs string) string {
	var sb strings.Builder // want `sb is filled by 2 writes in a loop whose total size is known before the first write: about len\(qs\) bytes \(the loop writes a rewritten copy of qs\)`
	for len(qs) > 0 {
		end := strings.IndexByte(qs, '&')
		if end < 0 {
			end = len(qs)
		}
		comp := strings.ToLower(qs[:end])
		if sb.Len() > 0 {
			sb.WriteByte('&')
		}
		sb.WriteString(comp)
		qs = qs[min(end+1, len(qs)):]
	}
	return sb.String()
}

// Repeat writes a counted number of constant pieces.
func Repeat(n int) []byte {
	buf := []byte{} // want `buf is filled by 2 writes in a loop whose total size is known before the first write: 3\*max\(n, 0\) bytes; it starts empty, so each write that outgrows its capacity reallocates and copies what it holds: make it with that capacity \[medium: per call of Repeat\]`
	for i := 0; i < n; i++ {
		buf = append(buf, "ab"...)
		buf = append(buf, ',')
	}
	return buf
}

// Quote appends a string between delimiters to a nil slice that is only
// converted: the capacity cannot change what the caller sees.
func Quote(open, s, end string) string {
	var out []byte // want `out is filled by 4 writes whose total size is known before the first write: len\(open\) \+ len\(s\) \+ len\(end\) \+ 1 bytes`
	out = append(out, open...)
	out = append(out, s...)
	out = append(out, end...)
	out = append(out, '\n')
	return string(out)
}

// Lines is returned as a slice that is nil when nothing is appended: the
// pass reports without a fix.
func Lines(lines []string) []byte {
	var out []byte // want `out is filled by 2 writes .*\(no automatic fix: out is returned and is nil when nothing is appended; with a capacity it would not be\)`
	for _, l := range lines {
		out = append(out, l...)
		out = append(out, '\n')
	}
	return out
}

// Framed returns early for no lines, so its loop runs and appends: out
// is never nil where it is returned, and the fix is safe.
func Framed(lines []string) []byte {
	if len(lines) == 0 {
		return nil
	}
	var out []byte // want `out is filled by 2 writes in a loop whose total size is known before the first write: len\(lines\) bytes plus the lengths of the elements of lines; it starts empty, so each write that outgrows its capacity reallocates and copies what it holds: make it with that capacity \[`
	for _, l := range lines {
		out = append(out, l...)
		out = append(out, '\n')
	}
	return out
}

type Node struct{ Name string }

// NilChecked reads a field through a pointer the function compares with
// nil: evaluating it before the writes could panic, so it is not counted.
func NilChecked(n *Node, a, b, c string) string {
	var sb strings.Builder // want `sb is filled by 5 writes whose total size is known before the first write: at least 2\*len\(a\) \+ len\(b\) \+ len\(c\) bytes \(not counted: n.Name\)`
	sb.WriteString(a)
	sb.WriteString(b)
	if n != nil && n.Name != "" {
		sb.WriteString(n.Name)
	}
	sb.WriteString(a)
	sb.WriteString(c)
	return sb.String()
}

// Mask walks a pattern and a name in step, copying the name where the
// pattern has '?' and skipping to the next dot where it has '*': the
// output is a rewritten copy of the name, whatever the index arithmetic
// reads from the pattern.
func Mask(pattern, name string) string {
	var sb strings.Builder // want `sb is filled by 3 writes in a loop whose total size is known before the first write: about len\(name\) bytes \(the loop writes a rewritten copy of name\)`
	i, j := 0, 0
	for {
		if i >= len(pattern) || j >= len(name) {
			break
		}
		switch pattern[i] {
		case '*':
			skip := strings.IndexByte(name[j:], '.')
			if skip < 0 {
				skip = len(name) - j
			}
			part := name[j : j+skip]
			sb.WriteString(strings.ToUpper(part))
			j += skip
		case '?':
			sb.WriteByte(name[j])
			j++
		default:
			ch := string(name[j])
			sb.WriteString(ch)
			j++
		}
		i++
	}
	return sb.String()
}

// Silenced carries the directive.
func Silenced(a, b, c, d string) string {
	//memlint:ignore growhint four short pieces, measured
	var sb strings.Builder
	sb.WriteString(a)
	sb.WriteString(b)
	sb.WriteString(c)
	sb.WriteString(d)
	return sb.String()
}

// Record is a name-value pair with attributes, written as one header.
type Record struct {
	Name, Value, Path string
	Secure            bool
}

// String writes the fields through the package's cleaner: a cleaned copy
// is about as long as its input.
func (r *Record) String() string {
	var b strings.Builder // want `b is filled by 6 writes whose total size is known before the first write: about len\(r.Name\) \+ len\(r.Value\) \+ len\(r.Path\) \+ 16 bytes \(cleaned copies counted as their input: sanitizeToken\(r.Name\) as len\(r.Name\), sanitizeToken\(r.Value\) as len\(r.Value\), sanitizeToken\(r.Path\) as len\(r.Path\)\); it starts empty`
	b.WriteString(sanitizeToken(r.Name))
	b.WriteByte('=')
	b.WriteString(sanitizeToken(r.Value))
	if r.Path != "" {
		b.WriteString("; Path=")
		b.WriteString(sanitizeToken(r.Path))
	}
	if r.Secure {
		b.WriteString("; Secure")
	}
	return b.String()
}

func sanitizeToken(s string) string { return strings.ReplaceAll(s, ";", "") }

// Guarded returns early when n is nil: past the guard n is set, so the
// size may read n's fields before the writes.
func Guarded(n *Node, sep, args string) string {
	if n == nil || n.Name == "" {
		return ""
	}
	var b strings.Builder // want `b is filled by 4 writes whose total size is known before the first write: len\(n.Name\) \+ len\(sep\) \+ len\(args\) \+ 2 bytes; it starts empty`
	b.WriteString(n.Name)
	b.WriteString(sep)
	b.WriteString(args)
	b.WriteString("()")
	return b.String()
}

// Unescape decodes the escapes of s: a bad one abandons the copy, which
// leaves the size of the rest unchanged.
func Unescape(s string) (string, bool) {
	var b strings.Builder // want `b is filled by a write in a loop whose total size is known before the first write: about len\(s\) bytes \(the loop writes a rewritten copy of s\)`
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			v, ok := unhexAt(s, i+1)
			if !ok {
				return "", false
			}
			c = v
			i += 2
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

func unhexAt(s string, i int) (byte, bool) {
	if i+1 >= len(s) {
		return 0, false
	}
	return s[i]<<4 | s[i+1]&0xf, true
}

// ASCII escapes the runes of s past ASCII into a scratch buffer it reuses:
// the scratch is where a piece is written, not data of its own.
func ASCII(s string) []byte {
	var b bytes.Buffer // want `b is filled by 2 writes in a loop whose total size is known before the first write: about len\(s\) bytes \(the loop writes a rewritten copy of s\)`
	esc := make([]byte, 0, 6)
	for _, r := range s {
		if r > 0x7f {
			esc = appendEscape(esc[:0], r)
			b.Write(esc)
		} else {
			b.WriteByte(byte(r))
		}
	}
	return b.Bytes()
}

func appendEscape(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', byte(r>>8), byte(r))
}

// CEscape writes two bytes for each quote, backslash or newline: the
// input's length is the least the output takes, not a close guess.
func CEscape(data []byte) string {
	var buf bytes.Buffer // want `buf is filled by 4 writes in a loop whose total size is known before the first write: at least len\(data\) bytes \(counted at their least: data, some of whose bytes are written as longer replacements\)`
	for _, c := range data {
		switch c {
		case '\n':
			buf.WriteString("\\n")
		case '"':
			buf.WriteString("\\\"")
		case '\\':
			buf.WriteString("\\\\")
		default:
			buf.WriteByte(c)
		}
	}
	return buf.String()
}

// Transcode replaces each byte of an invalid sequence with U+FFFD, three
// bytes: the input's length is the least the output takes.
func Transcode(s string) string {
	var out strings.Builder // want `out is filled by a write in a loop whose total size is known before the first write: at least len\(s\) bytes \(counted at their least: the runes of s, where an invalid byte becomes 3\)`
	for _, r := range s {
		out.WriteRune(r)
	}
	return out.String()
}

// JoinLines writes a separator rune between the lines: with nothing
// constant counted, the estimate is only the lines' lengths, and a Grow
// of that falls short by the separators: no automatic fix.
func JoinLines(lines []string) string {
	var b strings.Builder // want `b is filled by 2 writes in a loop whose total size is known before the first write: at least the lengths of the elements of lines \(not counted: b.WriteRune\('\\n'\)\); it starts empty, so each write that outgrows its capacity reallocates and copies what it holds: call b.Grow first \(no automatic fix: b.WriteRune\('\\n'\) on some iterations is not counted, so a Grow of this size falls short and the builder still doubles; count it per iteration for an upper bound\)`
	for i, l := range lines {
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteRune('\n')
		}
	}
	return b.String()
}

// SnakeCase appends a byte per rune and an underscore before some: a
// capacity of len(s) falls short by the underscores.
func SnakeCase(s string) []byte {
	var b []byte // want `b is filled by 2 writes in a loop .*\(no automatic fix: b = append\(b, '_'\) on some iterations is not counted, so that capacity falls short and append still doubles b; count it per iteration for an upper bound\)`
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && i > 0 {
			b = append(b, '_')
		}
		b = append(b, s[i]|0x20)
	}
	return b
}

// Quoted walks a sanitized copy of s, which is about as long as s.
func Quoted(s string) string {
	var b strings.Builder // want `b is filled by 2 writes in a loop whose total size is known before the first write: at least len\(s\) bytes`
	for _, r := range sanitize(s) {
		if r == '"' {
			b.WriteString("\\\"")
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sanitize(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// Underscored replaces control runes, then trims what it built and
// returns it under the input's name: the builder always gets the copy.
func Underscored(s string) string {
	var b strings.Builder // want `b is filled by 2 writes in a loop whose total size is known before the first write: about len\(s\) bytes \(the loop writes a rewritten copy of s\)`
	for _, r := range s {
		if r < 0x20 {
			b.WriteByte('_')
			continue
		}
		b.WriteRune(r)
	}
	s = strings.TrimSpace(b.String())
	return s
}

// Login is a user's sign-in, described per attempt.
type Login struct {
	User, Password, Realm string
	Method, Cipher        int
}

// Describe writes one name of each switch: at most one case runs, so the
// size counts the longest case of each (",method=password" and
// ",cipher=chacha20"), and the writes are those of one path.
func (l *Login) Describe() string {
	var b strings.Builder // want `b is filled by 9 writes whose total size is known before the first write: at most len\(l.User\) \+ len\(l.Password\) \+ len\(l.Realm\) \+ 54 bytes; it starts empty`
	b.WriteString("user=")
	b.WriteString(l.User)
	switch l.Method {
	case 0:
		b.WriteString(",method=none")
	case 1:
		b.WriteString(",method=password")
	case 2:
		b.WriteString(",method=key")
	}
	b.WriteString(",password=")
	b.WriteString(l.Password)
	if l.Cipher == 0 {
		b.WriteString(",cipher=aes")
	} else if l.Cipher == 1 {
		b.WriteString(",cipher=chacha20")
	} else {
		b.WriteString(",cipher=")
		b.WriteString("none")
	}
	b.WriteString(",realm=")
	b.WriteString(l.Realm)
	return b.String()
}

// GlobPattern turns a glob into a pattern: a star becomes two bytes, but
// an escape consumes two bytes of the glob and writes one, so the glob's
// length is a guess, not the least.
func GlobPattern(glob string) string {
	var b strings.Builder // want `b is filled by 4 writes \(3 in a loop\) whose total size is known before the first write: about len\(glob\) \+ 1 bytes \(the loop writes a rewritten copy of glob\)`
	for i := 0; i < len(glob); {
		if glob[i] == '\\' && i+1 < len(glob) {
			b.WriteByte(glob[i+1])
			i += 2
			continue
		}
		if glob[i] == '*' {
			b.WriteString(".*")
		} else {
			b.WriteByte(glob[i])
		}
		i++
	}
	b.WriteByte('$')
	return b.String()
}

// Markup turns underscores into an underline escape; a backslash writes
// nothing and passes the next rune through as it is, so the output can be
// shorter than the input: its length is a guess, not a floor.
func Markup(s string) string {
	var out strings.Builder // want `out is filled by 4 writes \(3 in a loop\) whose total size is known before the first write: about len\(s\) \+ 4 bytes`
	escaped := false
	for _, r := range s {
		if escaped {
			out.WriteRune(r)
			escaped = false
			continue
		}
		switch r {
		case '\\':
			escaped = true
		case '_':
			out.WriteString("\033[4m")
		default:
			out.WriteRune(r)
		}
	}
	out.WriteString("\033[0m")
	return out.String()
}

// Underline is Markup without the escape: every rune writes at least
// itself, so the input's length is the least the output takes.
func Underline(s string) string {
	var out strings.Builder // want `out is filled by 3 writes \(2 in a loop\) whose total size is known before the first write: at least len\(s\) \+ 4 bytes`
	for _, r := range s {
		if r == '_' {
			out.WriteString("\033[4m")
			continue
		}
		out.WriteRune(r)
	}
	out.WriteString("\033[0m")
	return out.String()
}

// FoldUpper writes each upper-case letter as '!' and its lower case, two
// bytes for one: the input's length is the least the output takes.
func FoldUpper(s string) string {
	var buf []byte // want `buf is filled by 2 writes in a loop whose total size is known before the first write: at least len\(s\) bytes`
	for _, r := range s {
		if 'A' <= r && r <= 'Z' {
			buf = append(buf, '!', byte(r+'a'-'A'))
		} else {
			buf = append(buf, byte(r))
		}
	}
	return string(buf)
}

type Source struct {
	Database, Policy, Name, Iterator string
	Pattern                          interface{ String() string }
}

// Path writes the name or the iterator, never both: the estimate counts
// the arms of the chain together and says so, and so writes 5, not 7.
func (s *Source) Path() string {
	var buf strings.Builder // want `buf is filled by 5 writes whose total size is known before the first write: about len\(s.Database\) \+ len\(s.Policy\) \+ len\(s.Name\) \+ len\(s.Iterator\) \+ 2 bytes \(not counted: s.Pattern.String\(\); the arms of one if-else or switch counted together, though one runs\)`
	if s.Database != "" {
		buf.WriteString(s.Database)
		buf.WriteString(".")
	}
	if s.Policy != "" {
		buf.WriteString(s.Policy)
	}
	if s.Database != "" || s.Policy != "" {
		buf.WriteString(".")
	}
	if s.Name != "" && s.Iterator == "" {
		buf.WriteString(s.Name)
	} else if s.Iterator != "" {
		buf.WriteString(s.Iterator)
	} else if s.Pattern != nil {
		buf.WriteString(s.Pattern.String())
	}
	return buf.String()
}

// Repeater returns a function that builds the text: the builder is made
// per call of that function, not of Repeater.
func Repeater(n int) func() []byte {
	return func() []byte {
		buf := []byte{} // want `buf is filled by 2 writes in a loop .*\[medium: per call of a function literal in Repeater\]`
		for i := 0; i < n; i++ {
			buf = append(buf, "ab"...)
			buf = append(buf, ',')
		}
		return buf
	}
}
