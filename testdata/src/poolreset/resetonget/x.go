package resetonget

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// The encoding/json idiom: every Get resets, in the getter, so Puts need not.
type encodeState struct {
	bytes.Buffer
	depth int
}

var encodeStatePool sync.Pool

func newEncodeState() *encodeState {
	if v := encodeStatePool.Get(); v != nil {
		e := v.(*encodeState)
		e.Reset()
		e.depth = 0
		return e
	}
	return new(encodeState)
}

func marshal(v any) []byte {
	e := newEncodeState()
	defer encodeStatePool.Put(e)
	fmt.Fprint(e, v)
	return append([]byte(nil), e.Bytes()...)
}

// Every Get resets directly.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func direct(v any) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	fmt.Fprint(buf, v)
	s := buf.String()
	bufPool.Put(buf)
	return s
}

func direct2(v any) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	fmt.Fprint(buf, v)
	return buf.String()
}

// The log idiom for a pointer to a slice: the getter empties it.
var slicePool = sync.Pool{New: func() any { return new([]byte) }}

func getSlice() *[]byte {
	p := slicePool.Get().(*[]byte)
	*p = (*p)[:0]
	return p
}

func putSlice(p *[]byte) {
	if cap(*p) > 64<<10 {
		*p = nil
	}
	slicePool.Put(p)
}

func output(s string) int {
	p := getSlice()
	*p = append(*p, s...)
	n := len(*p)
	putSlice(p)
	return n
}

// One Get resets, another does not: the pool is dirty.
var mixedPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func mixedClean(v any) string {
	buf := mixedPool.Get().(*bytes.Buffer)
	buf.Reset()
	fmt.Fprint(buf, v)
	s := buf.String()
	mixedPool.Put(buf) // want `buf is put back into mixedPool without a reset`
	return s
}

func mixedDirty(v any) string {
	buf := mixedPool.Get().(*bytes.Buffer)
	fmt.Fprint(buf, v)
	s := buf.String()
	buf.Reset()
	mixedPool.Put(buf)
	return s
}

// Resetting through an interface assertion, as archive/zip does with
// flate.Resetter, is a reset on Get.
type resetter interface{ Reset(s string) }

type reader struct{ s string }

func (r *reader) Reset(s string) { r.s = s }
func (r *reader) Read() string   { return r.s }

var readerPool sync.Pool

func read(s string) string {
	var r any = readerPool.Get()
	if r == nil {
		r = new(reader)
	}
	r.(resetter).Reset(s)
	out := r.(*reader).Read()
	readerPool.Put(r)
	return out
}

func read2(s string) string {
	rd, ok := readerPool.Get().(*reader)
	if !ok {
		rd = new(reader)
	}
	var rs resetter = rd
	rs.Reset(s)
	out := rd.Read()
	readerPool.Put(rd)
	return out
}

// The getter reinitializes every field, as net/http's newTextprotoReader
// does: no Put needs to reset.
type lineReader struct {
	r     io.Reader
	lines int
}

func (l *lineReader) Reset()        { *l = lineReader{} }
func (l *lineReader) Read(p []byte) { l.r.Read(p); l.lines++ }

var lineReaderPool sync.Pool

func newLineReader(r io.Reader) *lineReader {
	if v := lineReaderPool.Get(); v != nil {
		l := v.(*lineReader)
		l.r = r
		l.lines = 0
		return l
	}
	return &lineReader{r: r}
}

func readLine(r io.Reader, p []byte) int {
	l := newLineReader(r)
	l.Read(p)
	n := l.lines
	lineReaderPool.Put(l) // want `l is put back into lineReaderPool still referencing its last user.s memory through l.r \(set from r\)`
	return n
}

// Counting on from the old state is a dirty Get.
var counterPool = sync.Pool{New: func() any { return new(lineReader) }}

func count(r io.Reader, p []byte) int {
	l := counterPool.Get().(*lineReader)
	l.lines++
	l.r = r
	l.Read(p)
	n := l.lines
	counterPool.Put(l) // want `l is put back into counterPool without a reset`
	return n
}

// Reset in the branch where the Get found an object; fresh otherwise.
var branchPool sync.Pool

func branchReset(v any) string {
	buf, ok := branchPool.Get().(*bytes.Buffer)
	if ok {
		buf.Reset()
	} else {
		buf = new(bytes.Buffer)
	}
	fmt.Fprint(buf, v)
	s := buf.String()
	branchPool.Put(buf)
	return s
}

// The same in a getter helper.
var branchGetterPool sync.Pool

func getBranch() *bytes.Buffer {
	buf, ok := branchGetterPool.Get().(*bytes.Buffer)
	if ok {
		buf.Reset()
	} else {
		buf = new(bytes.Buffer)
	}
	return buf
}

func branchGetter(v any) string {
	buf := getBranch()
	fmt.Fprint(buf, v)
	s := buf.String()
	branchGetterPool.Put(buf)
	return s
}
