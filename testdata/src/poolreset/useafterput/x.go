package useafterput

import (
	"bytes"
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func lenAfterPut(s string) int {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(s)
	bufPool.Put(buf)
	return buf.Len() // want `buf is used after it was put back into bufPool \(another goroutine may own it now\); move the Put after the last use`
}

func bytesAfterPut(w io.Writer, s string) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(s)
	b := buf.Bytes()
	bufPool.Put(buf)
	_, err := w.Write(b) // want `the result of buf.Bytes\(\) is used after buf was put back into bufPool`
	return err
}

func returnsBytes(s string) []byte {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf) // want `the result of buf.Bytes\(\) is returned, but the deferred Put gives buf back to bufPool when the function returns`
	buf.WriteString(s)
	return buf.Bytes()
}

// The bytes are returned after the Put: moving the Put would not help.
func bytesReturnedAfterPut(s string) []byte {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(s)
	b := buf.Bytes()
	bufPool.Put(buf)
	return b // want `the result of buf.Bytes\(\) is returned after buf was put back into bufPool \(another goroutine may own it while the caller uses it\); copy it before the Put \[high: another goroutine may own the object\]$`
}

// String copies: clean.
func returnsString(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	buf.WriteString(s)
	return buf.String()
}

// Each iteration gets its own buffer: clean.
func loop(w io.Writer, lines []string) {
	for _, l := range lines {
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		buf.WriteString(l)
		w.Write(buf.Bytes())
		bufPool.Put(buf)
	}
}

// The same buffer is put back in every iteration but used in the next.
func loopReuse(w io.Writer, lines []string) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	for _, l := range lines {
		buf.WriteString(l) // want `buf is used after it was put back into bufPool`
		w.Write(buf.Bytes())
		buf.Reset()
		bufPool.Put(buf)
	}
}

// Getting a new buffer after the Put: clean.
func replace(w io.Writer, a, b string) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(a)
	w.Write(buf.Bytes())
	buf.Reset()
	bufPool.Put(buf)
	buf = bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(b)
	w.Write(buf.Bytes())
	buf.Reset()
	bufPool.Put(buf)
}

// A pointer to a slice whose contents are used after the Put.
var slicePool = sync.Pool{New: func() any { b := make([]byte, 512); return &b }}

func sliceAfterPut(r io.Reader) (byte, error) {
	bp := slicePool.Get().(*[]byte)
	b := *bp
	_, err := io.ReadFull(r, b[:1])
	slicePool.Put(bp)
	return b[0], err // want `\*bp is used after bp was put back into slicePool`
}

// A dirty Put whose object is used after it gets no fix: the reset would
// change what the use sees.
var dirtyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func dirtyAndUsedAfter(s string) []byte {
	buf := dirtyPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	dirtyPool.Put(buf) // want `buf is put back into dirtyPool without a reset on some path .*\(no automatic fix: it is used after the Put, and a reset would change what that use sees\)`
	return buf.Bytes() // want `buf is used after it was put back into dirtyPool`
}
