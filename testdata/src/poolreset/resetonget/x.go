package resetonget

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"poolreset/resetonget/wire"
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

// The gonum workspace idiom: the getter sets the fields of a struct the
// pooled value holds (its length, its view of the data), and every user
// overwrites or zeroes the data, so a Put needs no reset. Its Reset would
// even clear what the getter relies on (the stride New set).
type vecData struct {
	N, Inc int
	Data   []float64
}

type vector struct{ mat vecData }

func (v *vector) Reset() { v.mat = vecData{} }

var vectorPools [8]sync.Pool

func init() {
	for i := range vectorPools {
		vectorPools[i].New = func() any { return &vector{mat: vecData{Inc: 1, Data: make([]float64, 0, 1<<i)}} }
	}
}

func poolFor(n int) int { return min(n/8, 7) }

func getVector(n int, clr bool) *vector {
	v := vectorPools[poolFor(n)].Get().(*vector)
	v.mat.Data = v.mat.Data[:n]
	if clr {
		zeroAll(v.mat.Data)
	}
	v.mat.N = n
	return v
}

func putVector(v *vector) { vectorPools[poolFor(cap(v.mat.Data))].Put(v) }

func (v *vector) fill(xs []float64) {
	for i, x := range xs {
		v.mat.Data[i*v.mat.Inc] = x
	}
}

func scale(xs []float64, k float64) float64 {
	v := getVector(len(xs), false)
	v.fill(xs)
	s := 0.0
	for _, x := range v.mat.Data {
		s += x * k
	}
	putVector(v)
	return s
}

func (v *vector) copyVec(w *vector) { copy(v.mat.Data, w.mat.Data) }

func (v *vector) workspace(n int) (w *vector, restore func()) {
	w = getVector(n, false)
	return w, func() {
		v.copyVec(w)
		putVector(w)
	}
}

func (v *vector) double() {
	w, restore := v.workspace(v.mat.N)
	defer restore()
	for i, x := range v.mat.Data {
		w.mat.Data[i] = 2 * x
	}
}

func zeroAll(xs []float64) {
	for i := range xs {
		xs[i] = 0
	}
}

// Every attempt resets the buffer before it reads into it, and the loop
// of three attempts runs at least once: a reset on Get. Not reported.
var attemptPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func fetch(read func(io.Writer) error) (string, error) {
	buf := attemptPool.Get().(*bytes.Buffer)
	defer attemptPool.Put(buf)
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		buf.Reset()
		if err = read(buf); err == nil {
			break
		}
	}
	return buf.String(), err
}

// Every Get decodes into the block with a method of its own package,
// which usually starts it over but this package cannot see: low.
var blockPool = &sync.Pool{New: func() any { return new(wire.Block) }}

func decodeSum(src []byte) (int64, error) {
	b := blockPool.Get().(*wire.Block)
	defer blockPool.Put(b) // want `b is put back into blockPool without a reset on some path \(the next Get sees its old contents\); call b.Reset\(\) in the deferred call, before Put \[low: every Get first decodes into it with Block.UnmarshalPortable, which usually starts it over\]$`
	if err := b.UnmarshalPortable(src); err != nil {
		return 0, err
	}
	return b.Sum(), nil
}

// A method that adds to what the block holds is no decoding: the Get is
// dirty, and the Put is rated as usual.
var appendPool = &sync.Pool{New: func() any { return new(wire.Block) }}

func appendSum(src []byte) int64 {
	b := appendPool.Get().(*wire.Block)
	defer appendPool.Put(b) // want `b is put back into appendPool without a reset on some path \(the next Get sees its old contents\); call b.Reset\(\) in the deferred call, before Put \[low: no production callers\]$`
	b.AppendValues(src)
	return b.Sum()
}

// SetSeed discards what the hash was given before it: each Get starts
// over, so a Put needs no Reset.
var hashPool = sync.Pool{New: func() any { return new(maphash.Hash) }}

// KeyHash hashes a key with a seed.
func KeyHash(seed maphash.Seed, key string) uint64 {
	h := hashPool.Get().(*maphash.Hash)
	h.SetSeed(seed)
	h.WriteString(key)
	sum := h.Sum64()
	hashPool.Put(h)
	return sum
}
