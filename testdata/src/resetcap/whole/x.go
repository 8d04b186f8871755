package whole

import (
	"fmt"
	"hash"
	"hash/crc32"
	"strings"
	"sync"
)

// A report is pooled and filled by a collector that the package cannot
// see into: zeroing it before Put drops the rows the next scrape fills
// again. Reported without a fix: collect may keep the rows.
type row struct {
	name  string
	value float64
}

type report struct {
	source *string
	rows   []row
	total  int
}

var reports = sync.Pool{New: func() any { return new(report) }}

func collect(r *report, n int) {
	for i := range n {
		r.rows = append(r.rows, row{fmt.Sprint("m", i), float64(i)})
	}
}

func Scrape(n int) int {
	r := reports.Get().(*report)
	defer func() {
		*r = report{} // want `Scrape zeroes \*r before putting it back in reports, dropping the memory of r.rows \(grown at x.go:\d+\), which its next use allocates again; keep it with report\{rows: r.rows\[:0\]\} \(no automatic fix: r is given to collect at x.go:\d+, which may keep r.rows past Put\) \[medium: per use of the pooled value\]$`
		reports.Put(r)
	}()
	collect(r, n)
	return len(r.rows)
}

// A batch filled in place and never handed out: the fix keeps its
// capacity. Its ids hold no pointers, so truncating keeps nothing alive.
type batch struct {
	ids  []int64
	seen int
}

var batches = sync.Pool{New: func() any { return new(batch) }}

func Sum(xs []int64) int64 {
	b := batches.Get().(*batch)
	for _, x := range xs {
		if x > 0 {
			b.ids = append(b.ids, x)
		}
	}
	var s int64
	for _, id := range b.ids {
		s += id
	}
	*b = batch{} // want `Sum zeroes \*b before putting it back in batches, dropping the memory of b.ids \(grown at x.go:\d+\), which its next use allocates again; keep it with batch\{ids: b.ids\[:0\]\}`
	batches.Put(b)
	return s
}

// Words hold strings: the fix clears them before truncating, so the pool
// does not keep the old strings alive.
type words struct {
	list []string
	sep  string
}

var wordPool = sync.Pool{New: func() any { return new(words) }}

func Join(s string) string {
	w := wordPool.Get().(*words)
	w.sep = "-"
	w.list = append(w.list, strings.Fields(s)...)
	out := ""
	for _, x := range w.list {
		out += x + w.sep
	}
	*w = words{sep: ""} // want `Join zeroes \*w before putting it back in wordPool, dropping the memory of w.list \(grown at x.go:\d+\)`
	wordPool.Put(w)
	return out
}

// A pooled result zeroed before Put so that the GC can collect what it
// held: reported all the same, as maintainers fix it (keep the slice's
// capacity), with its elements cleared so that nothing they held stays.
type scope struct {
	name   string
	points []int
}

type result struct {
	scopes []scope
	source string
}

var resultPool = sync.Pool{New: func() any { return new(result) }}

func Collect(names []string) int {
	r := resultPool.Get().(*result)
	defer func() {
		// erase fields to allow the GC to collect them
		*r = result{} // want `zeroes \*r before putting it back in resultPool, dropping the memory of r.scopes`
		resultPool.Put(r)
	}()
	for _, n := range names {
		r.scopes = append(r.scopes, scope{name: n})
	}
	return len(r.scopes)
}

// Records decoded from the wire get headers built per record and set
// whole: the capacity a recycle keeps is not what decoding uses, so the
// finding is low tier.
type wireRecord struct {
	headers []string
	key     []byte
}

var wireRecords = sync.Pool{New: func() any { return new(wireRecord) }}

func (r *wireRecord) addHeader(h string) { r.headers = append(r.headers, h) }

func decode(parts []string) *wireRecord {
	r := wireRecords.Get().(*wireRecord)
	hs := make([]string, len(parts))
	copy(hs, parts)
	r.headers = hs
	return r
}

func recycle(r *wireRecord) {
	*r = wireRecord{} // want `zeroes \*r before putting it back in wireRecords, dropping the memory of r.headers .*\[low: the field is also set whole at x.go:\d+, to a slice built there`
	wireRecords.Put(r)
}

// A reader rebuilt by Reset that keeps its decoder but drops its
// checksum, which Reset then re-creates: one allocation per reset.
type reader struct {
	dec    *strings.Reader
	digest hash.Hash32
	src    string
	err    error
}

func (z *reader) Reset(src string) {
	*z = reader{dec: z.dec} // want `Reset rebuilds \*z, dropping the memory of z.digest \(re-created at x.go:\d+ when nil, and reset at x.go:\d+ otherwise\), which its next use allocates again; keep it with reader\{digest: z.digest\}`
	z.src = src
	if z.dec == nil {
		z.dec = strings.NewReader(src)
	} else {
		z.dec.Reset(src)
	}
	if z.digest != nil {
		z.digest.Reset()
	} else {
		z.digest = crc32.NewIEEE()
	}
}

func (z *reader) Sum() uint32 {
	b := make([]byte, z.dec.Len())
	n, _ := z.dec.Read(b)
	z.digest.Write(b[:n])
	return z.digest.Sum32()
}

// A parser whose Reset zeroes it whole: its stack is grown again.
type parser struct {
	stack []int
	depth int
}

func (p *parser) push(v int) { p.stack = append(p.stack, v); p.depth++ }

func (p *parser) Reset() {
	*p = parser{} // want `Reset rebuilds \*p, dropping the memory of p.stack \(grown at x.go:\d+\), which its next use allocates again; keep it with parser\{stack: p.stack\[:0\]\} \[medium: per reset\]$`
}

// An exported reader whose unexported reset only its constructors call, on
// a value just made: no other package can call it, and a new value has no
// memory to drop. Not reported.
type Scanner struct {
	src []byte
	buf []byte
	pos int
}

func NewScanner(src []byte) *Scanner {
	s := &Scanner{}
	s.reset(src)
	return s
}

func (s *Scanner) grow(n int) { s.buf = append(s.buf, make([]byte, n)...) }

func (s *Scanner) reset(src []byte) { *s = Scanner{src: src} }

// The same reader, reset again by a method that reuses it: reported.
type Tokenizer struct {
	src []byte
	buf []byte
}

func NewTokenizer(src []byte) *Tokenizer {
	t := &Tokenizer{}
	t.reset(src)
	return t
}

func (t *Tokenizer) grow(n int) { t.buf = append(t.buf, make([]byte, n)...) }

func (t *Tokenizer) Next(src []byte) { t.reset(src) }

func (t *Tokenizer) reset(src []byte) {
	*t = Tokenizer{src: src} // want `reset rebuilds \*t, dropping the memory of t.buf`
}

// Empty tests the items for nil, which the reset means to set: not reported.
type queue struct {
	items []int
}

func (q *queue) add(v int)   { q.items = append(q.items, v) }
func (q *queue) Empty() bool { return q.items == nil }
func (q *queue) Reset()      { *q = queue{} }

// Nothing to keep: a struct without slices or maps, zeroed before Put, is
// not reported.
type point struct{ x, y int }

var points = sync.Pool{New: func() any { return new(point) }}

func Dist(a, b int) int {
	p := points.Get().(*point)
	p.x, p.y = a, b
	d := p.x - p.y
	*p = point{}
	points.Put(p)
	return d
}

// A very large buffer dropped on purpose: not reported.
type frame struct {
	buf []byte
}

var frames = sync.Pool{New: func() any { return new(frame) }}

func Frame(s string) int {
	f := frames.Get().(*frame)
	f.buf = append(f.buf, s...)
	n := len(f.buf)
	if cap(f.buf) > 64<<10 {
		*f = frame{}
	} else {
		f.buf = f.buf[:0]
	}
	frames.Put(f)
	return n
}

// A buffer that may hold the caller's memory must be dropped, not
// truncated: reported without a fix, at the low tier.
type message struct {
	body []byte
}

func (m *message) SetBody(b []byte)   { m.body = b }
func (m *message) append(p []byte)    { m.body = append(m.body, p...) }
func (m *message) Reset()             { *m = message{} } // want `Reset rebuilds \*m, .* \(no automatic fix: m.body may hold memory the object does not own \(the parameter b of SetBody, .*\) \[low: the field holds the caller's memory by design\]$`
func (m *message) Len() int           { return len(m.body) }
func (m *message) Write(p []byte) int { m.append(p); return len(p) }

// An object re-created when nil but never reset: keeping it would keep
// its state, so it is not reported.
type counter struct {
	h hash.Hash32
}

func (c *counter) Reset() {
	*c = counter{}
	if c.h == nil {
		c.h = crc32.NewIEEE()
	}
}

// A window grown only while a callback is set, and Reset drops the
// callback: nothing grows the window after the reset, so dropping it
// returns memory. Not reported.
type inflater struct {
	notify func([]byte)
	window []byte
	n      int
}

func (f *inflater) block(p []byte) {
	f.n += len(p)
	if f.notify != nil {
		f.window = append(f.window[:0], p...)
		f.notify(f.window)
	}
}

func (f *inflater) Reset() {
	*f = inflater{}
}

// The cases run before and after the fixes must give the same results.

func CaseSum() string {
	a := Sum([]int64{1, -2, 3})
	b := Sum([]int64{4})
	return fmt.Sprint(a, b)
}

func CaseJoin() string { return Join("a b c") + "|" + Join("d") }

func CaseCollect() string { return fmt.Sprint(Collect([]string{"a", "b"}), Collect(nil)) }

func CaseReader() string {
	z := &reader{}
	z.Reset("hello")
	a := z.Sum()
	z.Reset("world")
	return fmt.Sprint(a, z.Sum())
}

func CaseParser() string {
	p := &parser{}
	p.push(1)
	p.push(2)
	p.Reset()
	p.push(3)
	sum := 0
	for _, v := range p.stack {
		sum += v
	}
	return fmt.Sprint(sum, len(p.stack), p.depth)
}

// A split fills new chunks, never the pooled one: zeroing the pooled
// value drops nothing that its next use grows again.
type chunk struct {
	parts []string
	size  int
}

var chunks = sync.Pool{New: func() any { return new(chunk) }}

func split(c *chunk, limit int) []*chunk {
	var out []*chunk
	var cur *chunk
	for _, p := range c.parts {
		if cur == nil || len(cur.parts) == limit {
			cur = &chunk{size: limit}
			out = append(out, cur)
		}
		cur.parts = append(cur.parts, p)
	}
	return out
}

func Chunks(text string, limit int) int {
	c := chunks.Get().(*chunk)
	defer func() {
		*c = chunk{}
		chunks.Put(c)
	}()
	c.parts = strings.Fields(text)
	return len(split(c, limit))
}

// The same split, where the pooled value also grows: the message names
// that growth, not the new chunks'.
type page struct {
	lines []string
	width int
}

var pages = sync.Pool{New: func() any { return new(page) }}

func paginate(p *page, limit int) []*page {
	var out []*page
	var cur *page
	for _, l := range p.lines {
		if cur == nil || len(cur.lines) == limit {
			cur = &page{width: p.width}
			out = append(out, cur)
		}
		cur.lines = append(cur.lines, l)
	}
	return out
}

func fill(p *page, text string) {
	for l := range strings.Lines(text) {
		p.lines = append(p.lines, l)
	}
}

func Pages(text string, limit int) int {
	p := pages.Get().(*page)
	defer func() {
		*p = page{} // want `Pages zeroes \*p before putting it back in pages, dropping the memory of p.lines \(grown at x.go:\d+\)`
		pages.Put(p)
	}()
	fill(p, text)
	return len(paginate(p, limit))
}

// A pooled context lent the caller's arguments for one call of a cost
// function the package cannot see into: the slice it drops is the
// caller's, set again on the next use, so keeping it would save nothing
// and hold the caller's memory in the pool.
type evalContext struct {
	args  []string
	depth int
}

type coster interface{ cost(*evalContext) int }

var evalContexts = sync.Pool{New: func() any { return new(evalContext) }}

func Tracker(c coster) func(args []string) int {
	return func(args []string) int {
		ctx := evalContexts.Get().(*evalContext)
		ctx.args = args
		n := c.cost(ctx)
		*ctx = evalContext{}
		evalContexts.Put(ctx)
		return n
	}
}
