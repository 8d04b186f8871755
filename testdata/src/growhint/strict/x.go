package strict

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

type listError struct{ names []string }

// Error is a cold path: reported only under -strict, as the low tier.
func (e *listError) Error() string {
	var b strings.Builder // want `b is filled by 2 writes .* \[low: a description for people \(Error\)\]`
	for _, n := range e.names {
		b.WriteString(n)
		b.WriteByte(';')
	}
	return b.String()
}

// unexpected builds a parse error's text: it ends in errors.New, an error
// path, so it is the low tier.
func unexpected(got, context, expected string) error {
	var msg strings.Builder // want `msg is filled by 5 writes .* \[low: the text ends in a diagnostic\]`
	msg.WriteString("unexpected ")
	msg.WriteString(got)
	msg.WriteString(" in ")
	msg.WriteString(context)
	msg.WriteString(expected)
	return errors.New(msg.String())
}

// Parse keeps unexpected used in production.
func Parse(s string) error { return unexpected(s, "expression", "a number") }

// Tag is a key and a value.
type Tag struct{ Key, Value []byte }

// String writes two pieces of data: a short text that reallocates once or
// twice, the low tier.
func (t *Tag) String() string {
	var b strings.Builder // want `b is filled by 5 writes .* \[low: a few pieces of data, no loop: it reallocates once or twice\]`
	b.WriteByte('{')
	b.Write(t.Key)
	b.WriteByte(' ')
	b.Write(t.Value)
	b.WriteByte('}')
	return b.String()
}

type conn struct{ trace bool }

func (c *conn) traceOp(op, arg string) {
	if c.trace {
		println(op, arg)
	}
}

// subscribeTrace only feeds a trace helper: debug output, the low tier.
func subscribeTrace(topics []string) string {
	var b strings.Builder // want `b is filled by 2 writes .* \[low: builds diagnostics \(every call of subscribeTrace feeds one\)\]`
	for _, t := range topics {
		b.WriteString(t)
		b.WriteByte(' ')
	}
	return b.String()
}

// Subscribe keeps subscribeTrace used in production.
func (c *conn) Subscribe(topics []string) {
	c.traceOp("SUB", subscribeTrace(topics))
}

// compaction lists the files it will merge.
type compaction struct{ files []string }

// String lists the parts of one value for people: the low tier.
func (c *compaction) String() string {
	var b strings.Builder // want `b is filled by 3 writes .* \[low: a description for people \(String\)\]`
	for _, f := range c.files {
		b.WriteString("  ")
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return b.String()
}

// OrList joins the names one call passes, at most five: the low tier.
func OrList(items ...string) string {
	var buf bytes.Buffer // want `buf is filled by 3 writes .* \[low: the arguments of one call \(a variadic parameter\)\]`
	if len(items) > 5 {
		items = items[:5]
	}
	for i, item := range items {
		buf.WriteString(", ")
		buf.WriteString(item)
		buf.WriteByte(byte('0' + i))
	}
	return buf.String()
}

// NewToken draws a token of 32 letters: idFrom's loop always runs 32
// times, so its buffer never outgrows a bytes.Buffer's first 64 bytes.
func NewToken(read func([]byte)) string {
	raw := make([]byte, 32)
	read(raw)
	return idFrom(raw)
}

func idFrom(raw []byte) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	buf := new(bytes.Buffer) // want `buf is filled by a write in a loop .* \[low: a count fixed by the code\]`
	for _, c := range raw {
		buf.WriteByte(letters[int(c)%len(letters)])
	}
	return buf.String()
}

// verbosity is a leveled logger's switch, as glog's and klog's V(n) are.
type verbosity bool

func (v verbosity) Enabled() bool                 { return bool(v) }
func (v verbosity) Printf(format string, a ...any) {}

type leveled struct{ level int }

func (l *leveled) V(n int) verbosity { return verbosity(l.level >= n) }

var lg = &leveled{}

// Launch lists its arguments only when the log is that verbose.
func Launch(args []string) {
	if lg.V(9).Enabled() {
		var b strings.Builder // want `b is filled by 2 writes .* \[low: debug output \(under lg.V\(9\)\)\]$`
		for i, a := range args {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(a)
		}
		lg.V(9).Printf("launching with %s", b.String())
	}
}

// resolveError is a concrete error, built by missing.
type resolveError struct{ names string }

func (e *resolveError) Error() string { return "no such attribute in " + e.names }

func missing(names string) *resolveError { return &resolveError{names: names} }

// Resolve builds the candidates' text only for the error it returns: a
// constructor of a concrete error type is a diagnostic too.
func Resolve(candidates []string, found func(string) bool) error {
	for _, c := range candidates {
		if found(c) {
			return nil
		}
	}
	var names strings.Builder // want `names is filled by 2 writes in a loop .* \[low: the text ends in a diagnostic\]`
	for i, c := range candidates {
		if i > 0 {
			names.WriteString(", ")
		}
		names.WriteString(c)
	}
	return missing(names.String())
}

type version struct {
	major, minor, patch int
	pre, build          string
}

// String starts with a write it cannot size: a Grow of the rest, often a
// few bytes, would reserve less than that first write, so no fix.
func (v *version) String() string {
	var b strings.Builder // want `b is filled by 5 writes .*\(no automatic fix: the first write, by fmt.Fprintf, cannot be sized, and a Grow that leaves it out may reserve less than it writes\) \[low:`
	fmt.Fprintf(&b, "%d.%d.%d", v.major, v.minor, v.patch)
	if v.pre != "" {
		b.WriteByte('-')
		b.WriteString(v.pre)
	}
	if v.build != "" {
		b.WriteByte('+')
		b.WriteString(v.build)
	}
	return b.String()
}
