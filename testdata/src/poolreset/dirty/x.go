package dirty

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"strings"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Reset only on the success path: the error path puts a dirty buffer back.
func resetOnOneBranch(s string, fail bool) (string, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	if fail {
		bufPool.Put(buf) // want `buf is put back into bufPool without a reset on some path \(the next Get sees its old contents\); call buf.Reset\(\) before Put`
		return "", errors.New("fail")
	}
	out := buf.String()
	buf.Reset()
	bufPool.Put(buf)
	return out, nil
}

func neverReset(s string) int {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	n := buf.Len()
	bufPool.Put(buf) // want `buf is put back into bufPool without a reset`
	return n
}

func deferredPut(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf) // want `buf is put back into bufPool without a reset on some path \(the next Get sees its old contents\); call buf.Reset\(\) in the deferred call, before Put \[low: no production callers\]$`
	buf.WriteString(s)
	return buf.String()
}

// buf is assigned after the defer statement: a deferred func would reset
// and put back the other buffer.
func deferredPutReassigned(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf) // want `call buf.Reset\(\) in the deferred call, before Put \(no automatic fix: a variable of the deferred call is assigned after it`
	buf.WriteString(s)
	out := buf.String()
	buf = new(bytes.Buffer)
	buf.WriteString(out)
	return buf.String()
}

// A pool kept through a pointer that the package never reassigns: the
// deferred func reads the same pool at return.
var ptrPool = &sync.Pool{New: func() any { return new(bytes.Buffer) }}

func deferredPutPointerPool(s string) string {
	buf := ptrPool.Get().(*bytes.Buffer)
	defer ptrPool.Put(buf) // want `buf is put back into ptrPool without a reset on some path \(the next Get sees its old contents\); call buf.Reset\(\) in the deferred call, before Put \[low: no production callers\]$`
	buf.WriteString(s)
	return buf.String()
}

// swappedPool is replaced at run time: a deferred func would put back
// into whichever pool it holds at return.
var swappedPool = &sync.Pool{New: func() any { return new(bytes.Buffer) }}

func swapPool() { swappedPool = &sync.Pool{New: func() any { return new(bytes.Buffer) }} }

func deferredPutSwappedPool(s string) string {
	buf := swappedPool.Get().(*bytes.Buffer)
	defer swappedPool.Put(buf) // want `call buf.Reset\(\) in the deferred call, before Put \(no automatic fix: a variable of the deferred call is assigned after it`
	buf.WriteString(s)
	return buf.String()
}

// Resetting in the deferred call that puts back is clean.
func deferredResetAndPut(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		bufPool.Put(buf)
	}()
	buf.WriteString(s)
	return buf.String()
}

// A deferred Reset registered after the deferred Put runs first.
func deferredResetAfterDeferredPut(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	defer buf.Reset()
	buf.WriteString(s)
	return buf.String()
}

func truncated(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	out := buf.String()
	buf.Truncate(0)
	bufPool.Put(buf)
	return out
}

func inSwitch(s string, k int) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	switch k {
	case 1:
		bufPool.Put(buf) // want `buf is put back into bufPool without a reset`
	default:
		buf.Reset()
		bufPool.Put(buf)
	}
}

// A struct field pool of a type with a reset method.
type state struct {
	stack []int
	depth int
}

func (s *state) reset() { s.stack, s.depth = s.stack[:0], 0 }

type parser struct {
	states sync.Pool
}

// Followed through the nil check that makes a new object.
func (p *parser) parse(in []int) int {
	s, _ := p.states.Get().(*state)
	if s == nil {
		s = new(state)
	}
	for _, v := range in {
		s.stack = append(s.stack, v)
	}
	n := len(s.stack)
	p.states.Put(s) // want `s is put back into p.states without a reset`
	return n
}

func (p *parser) parseClean(in []int) int {
	s := p.states.Get().(*state)
	s.stack = append(s.stack, in...)
	n := len(s.stack)
	s.reset()
	p.states.Put(s)
	return n
}

func (p *parser) parseDirty(in []int) int {
	s := p.states.Get().(*state)
	s.stack = append(s.stack, in...)
	n := len(s.stack)
	p.states.Put(s) // want `s is put back into p.states without a reset on some path \(the next Get sees its old contents\); call s.reset\(\) before Put`
	return n
}

// A pointer to a slice that is appended to.
var slicePool = sync.Pool{New: func() any { return new([]byte) }}

func appendTo(s string) int {
	bp := slicePool.Get().(*[]byte)
	*bp = append(*bp, s...)
	n := len(*bp)
	slicePool.Put(bp) // want `bp is put back into slicePool without a reset on some path \(the next Get sees its old contents\); call \*bp = \(\*bp\)\[:0\] before Put`
	return n
}

// Putting back an emptied slice is a reset.
func appendThenEmpty(s string) int {
	bp := slicePool.Get().(*[]byte)
	b := append(*bp, s...)
	n := len(b)
	*bp = b[:0]
	slicePool.Put(bp)
	return n
}

// A fixed-size scratch buffer has nothing to reset.
var scratchPool = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

func copyWith(dst io.Writer, src io.Reader) (int64, error) {
	bp := scratchPool.Get().(*[]byte)
	n, err := io.CopyBuffer(dst, src, *bp)
	scratchPool.Put(bp)
	return n, err
}

// Nothing to reset: no Reset method, not a slice.
type counter struct{ n int }

var counterPool = sync.Pool{New: func() any { return new(counter) }}

func count() int {
	c := counterPool.Get().(*counter)
	c.n++
	n := c.n
	counterPool.Put(c)
	return n
}

// A local pool of strings.Builder.
func local(words []string) []string {
	var pool sync.Pool
	var out []string
	for _, w := range words {
		b, ok := pool.Get().(*strings.Builder)
		if !ok {
			b = new(strings.Builder)
		}
		b.WriteString(w)
		out = append(out, b.String())
		pool.Put(b) // want `b is put back into pool without a reset`
	}
	return out
}

func localNoNilCheck(words []string) []string {
	pool := &sync.Pool{New: func() any { return new(strings.Builder) }}
	var out []string
	for _, w := range words {
		b := pool.Get().(*strings.Builder)
		b.WriteString(w)
		out = append(out, b.String())
		pool.Put(b) // want `b is put back into pool without a reset`
	}
	return out
}

// A reset with a //memlint:ignore directive.
func ignored(s string) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	//memlint:ignore poolreset the next user truncates it
	bufPool.Put(buf)
}

// Put back unused: this function adds no state.
func putUnused(ok bool) *bytes.Buffer {
	buf := bufPool.Get().(*bytes.Buffer)
	if !ok {
		bufPool.Put(buf)
		return nil
	}
	buf.Reset()
	return buf
}

// Generic pool wrappers are not followed into their instantiations (a
// known false negative), and must not crash the pass.
type Pool[T any] struct{ p sync.Pool }

func (p *Pool[T]) Get() T  { return p.p.Get().(T) }
func (p *Pool[T]) Put(v T) { p.p.Put(v) }

func useGeneric(p *Pool[*bytes.Buffer], s string) {
	b := p.Get()
	b.WriteString(s)
	p.Put(b)
}

type resettable interface {
	*bytes.Buffer
	Reset()
}

func genericReset[T resettable](pool *sync.Pool, s string) {
	v := pool.Get().(T)
	v.Reset()
	pool.Put(v)
}

// A Put in a go statement: no fix.
func putInGo(s string) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.WriteString(s)
	go bufPool.Put(buf) // want `call buf.Reset\(\) before Put \(no automatic fix: the Put is not a statement of its own putting back a variable\)`
}

// One user appends, another reads into the buffer at its length: emptying
// the slice before Put would make io.ReadFull read nothing. No fix.
var mixedPool = sync.Pool{New: func() any { b := make([]byte, 512); return &b }}

func appendMixed(s string) int {
	bp := mixedPool.Get().(*[]byte)
	*bp = append(*bp, s...)
	n := len(*bp)
	mixedPool.Put(bp) // want `call \*bp = \(\*bp\)\[:0\] before Put \(no automatic fix: another Get of the pool uses the slice at its length, which emptying it would break\)`
	return n
}

func readMixed(r io.Reader) (byte, error) {
	bp := mixedPool.Get().(*[]byte)
	_, err := io.ReadFull(r, *bp)
	b := (*bp)[0]
	mixedPool.Put(bp)
	return b, err
}

// A batch is got through a helper and released through another, which
// resets it and then drops its links: clean. Dropping the links (a nil
// store, a test of a pointer field) leaves nothing for the next Get.
type batchState struct {
	data    []byte
	owner   *string
	compare func(a, b []byte) int
	indexed *strings.Builder
	count   int
}

type batch struct {
	batchState
}

var batchPool = sync.Pool{New: func() any { return new(batch) }}

func newBatch(owner *string) *batch {
	b := batchPool.Get().(*batch)
	b.owner = owner
	return b
}

func (b *batch) Reset() {
	b.batchState = batchState{data: b.data[:0], owner: b.owner, indexed: b.indexed}
}

func (b *batch) set(k string) { b.data = append(b.data, k...); b.count++ }

func (b *batch) release() {
	if b.owner == nil {
		return
	}
	b.owner = nil
	b.Reset()
	b.compare = nil
	if b.indexed == nil {
		batchPool.Put(b)
	}
}

func Apply(owner *string, k string) {
	b := newBatch(owner)
	b.set(k)
	b.release()
}

// releaseCounted counts after the reset: the next Get sees the count.
func (b *batch) releaseCounted() {
	b.Reset()
	b.owner = nil
	b.count = 1
	batchPool.Put(b) // want `b is put back into batchPool without a reset on some path`
}

func ApplyCounted(owner *string, k string) {
	b := newBatch(owner)
	b.set(k)
	b.releaseCounted()
}

// A pool of readers of one random source, bound in New: what one user
// leaves buffered is random bytes for the next. Reset(nil) would leave the
// reader reading from nothing: not reported.
var randomPool = sync.Pool{New: func() any { return bufio.NewReader(rand.Reader) }}

func Token(n int) []byte {
	r := randomPool.Get().(*bufio.Reader)
	defer randomPool.Put(r)
	b := make([]byte, n)
	io.ReadFull(r, b)
	return b
}

// Readers of connections, retargeted by Reset(conn) after Get: one user
// forgets to, and leaves another connection's bytes buffered.
var connReaders = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

func ReadLine(conn io.Reader) (string, error) {
	r := connReaders.Get().(*bufio.Reader)
	r.Reset(conn)
	line, err := r.ReadString('\n')
	r.Reset(nil)
	connReaders.Put(r)
	return line, err
}

func PeekByte() (byte, error) {
	r := connReaders.Get().(*bufio.Reader)
	b, err := r.ReadByte()
	connReaders.Put(r) // want `r is put back into connReaders without a reset on some path \(the next Get sees its old contents\); call r.Reset\(nil\) before Put`
	return b, err
}

// The pool holds builders behind an interface with a Reset method.
type stringBuilder interface {
	WriteString(s string) (int, error)
	Reset()
	String() string
}

var builderPool = sync.Pool{New: func() any { return new(strings.Builder) }}

// Reset through the interface before the Put: nothing to report.
func concatThroughInterface(args ...string) string {
	b := builderPool.Get().(stringBuilder)
	for _, v := range args {
		b.WriteString(v)
	}
	out := b.String()
	b.Reset()
	builderPool.Put(b)
	return out
}
