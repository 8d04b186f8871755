package tiers

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"sync"
)

var chunks = sync.Pool{New: func() any { return make([]byte, 4096) }}

type server struct{}

// Boxing a slice on every Put matters per request.
func (server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := chunks.Get().([]byte)
	n, _ := r.Body.Read(b)
	w.Write(b[:n])
	chunks.Put(b) // want `putting a \[\]byte \(not a pointer\) into a sync.Pool allocates a 24-byte interface on every Put; store a \*\[\]byte .* \[medium: one allocation per Put, per request \(ServeHTTP\)\]$`
}

type quiet struct{}

// The maintainers' nolint for the same check (SA6002) silences it.
func (quiet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := chunks.Get().([]byte)
	w.Write(b[:0])
	chunks.Put(b) //nolint:staticcheck // boxed on purpose
}

type spaced struct{}

// golangci-lint also honours the directive written with a space.
func (spaced) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := chunks.Get().([]byte)
	w.Write(b[:0])
	chunks.Put(b) // nolint:staticcheck
}

// Where the package says nothing of how often the Put runs, one small
// allocation per Put is low tier: not reported by default.
func Compress(p []byte) int {
	b := chunks.Get().([]byte)
	n := copy(b, p)
	chunks.Put(b)
	return n
}

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// A dirty Put in an exported function: medium.
func Format(s string) string {
	b := bufs.Get().(*bytes.Buffer)
	b.WriteString(s)
	out := b.String()
	bufs.Put(b) // want `b is put back into bufs without a reset .* \[medium: the next Get sees the old state\]$`
	return out
}

// No production callers: low, not reported by default.
func formatUnused(s string) string {
	b := bufs.Get().(*bytes.Buffer)
	b.WriteString(s)
	out := b.String()
	bufs.Put(b)
	return out
}

// A writer pinned by a Put in a Write method: per I/O call.
type sink struct {
	out   io.Writer
	inner io.Writer
}

var sinks = sync.Pool{New: func() any { return new(sink) }}

type stream struct{ w io.Writer }

func (s *stream) Write(p []byte) (int, error) {
	k := sinks.Get().(*sink)
	k.out = s.w
	k.inner = nil
	n, err := k.out.Write(p)
	sinks.Put(k)
	return n, err
}

// Blocks cut to a configured size: one allocation per block is low tier
// even per I/O call.
type blockWriter struct {
	blocks sync.Pool
	size   int
	w      io.Writer
}

func (b *blockWriter) Write(p []byte) (int, error) {
	buf := b.blocks.Get().([]byte)[:b.size]
	n := copy(buf, p)
	b.w.Write(buf[:n])
	b.blocks.Put(buf)
	return n, nil
}

// A method of a type that only deprecated functions make: low tier.
type zipper struct{ pool sync.Pool }

// NewZipper makes a zipper.
//
// Deprecated: use something else.
func NewZipper() io.Writer { return &zipper{} }

func (z *zipper) Write(p []byte) (int, error) {
	b := z.pool.Get().(*bytes.Buffer)
	b.Write(p)
	n := b.Len()
	z.pool.Put(b)
	return n, nil
}

type delivery struct {
	req  *http.Request
	hops int
}

var (
	deliveries = sync.Pool{New: func() any { return new(delivery) }}
	forwards   = sync.Pool{New: func() any { return new(delivery) }}
)

type deliverer struct{}

// The code at the Put says it needs no reset (every use sets the request
// first): keeping the last request is low tier.
func (deliverer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d := deliveries.Get().(*delivery)
	d.req = r
	w.WriteHeader(d.hops)
	// No need to reset the request: every use sets it first.
	deliveries.Put(d)
}

type forwarder struct{}

// The same Put without that comment, per request.
func (forwarder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d := forwards.Get().(*delivery)
	d.req = r
	w.WriteHeader(d.hops)
	forwards.Put(d) // want `d is put back into forwards still referencing its last user's memory through d.req \(set from r\).* \[high: held until the pool drops the object, per request \(ServeHTTP\)\]$`
}

// A buffer drawn per Write and put back by the goroutine that drains
// them: the Put runs as often as the Write.
type drainWriter struct {
	bufs  sync.Pool
	queue chan []byte
}

func newDrainWriter(w io.Writer) *drainWriter {
	d := &drainWriter{queue: make(chan []byte, 16)}
	go d.drain(w)
	return d
}

func (d *drainWriter) Write(p []byte) (int, error) {
	b := append(d.bufs.Get().([]byte)[:0], p...)
	d.queue <- b
	return len(p), nil
}

func (d *drainWriter) drain(w io.Writer) {
	for b := range d.queue {
		w.Write(b)
		d.bufs.Put(b[:0]) // want `putting a \[\]byte \(not a pointer\) into a sync.Pool allocates a 24-byte interface on every Put; .* \[medium: one allocation per Put, as often as its Get, per I/O call \(Write\)\]$`
	}
}

// The same, drawn where the package says nothing of how often: low.
type drainQueue struct {
	bufs  sync.Pool
	queue chan []byte
}

func newDrainQueue(w io.Writer) *drainQueue {
	d := &drainQueue{queue: make(chan []byte, 16)}
	go d.drain(w)
	return d
}

func (d *drainQueue) Add(p []byte) {
	d.queue <- append(d.bufs.Get().([]byte)[:0], p...)
}

func (d *drainQueue) drain(w io.Writer) {
	for b := range d.queue {
		w.Write(b)
		d.bufs.Put(b[:0])
	}
}

var _, _ = newDrainWriter, newDrainQueue

// Put back truncated in the function that got it: the Put runs at that
// function's rate, not at the hot handler's that shares the pool.
func CompressSliced(p []byte) int {
	b := chunks.Get().([]byte)
	n := copy(b, p)
	chunks.Put(b[:0])
	return n
}

// Blocks that New makes at a configured size: one allocation per block is
// low tier even per I/O call.
type blockCompressor struct {
	blocks sync.Pool
	w      io.Writer
}

func newBlockCompressor(w io.Writer, size int) *blockCompressor {
	c := &blockCompressor{w: w}
	c.blocks.New = func() any { return make([]byte, 0, size+size>>4) }
	return c
}

func (c *blockCompressor) Write(p []byte) (int, error) {
	buf := append(c.blocks.Get().([]byte)[:0], p...)
	c.w.Write(buf)
	c.blocks.Put(buf)
	return len(p), nil
}

// The same, New given in the struct literal.
type windowReader struct {
	windows sync.Pool
	r       io.Reader
}

func newWindowReader(r io.Reader, window int) *windowReader {
	return &windowReader{r: r, windows: sync.Pool{New: func() any { return make([]byte, window) }}}
}

func (w *windowReader) Read(p []byte) (int, error) {
	b := w.windows.Get().([]byte)
	n, err := w.r.Read(b[:min(len(b), len(p))])
	copy(p, b[:n])
	w.windows.Put(b)
	return n, err
}

// New makes chunks of a constant size: per I/O call, reported.
type chunkCopier struct {
	chunks sync.Pool
	w      io.Writer
}

func newChunkCopier(w io.Writer) *chunkCopier {
	c := &chunkCopier{w: w}
	c.chunks.New = func() any { return make([]byte, 0, 4096) }
	return c
}

func (c *chunkCopier) Write(p []byte) (int, error) {
	buf := append(c.chunks.Get().([]byte)[:0], p...)
	c.w.Write(buf)
	c.chunks.Put(buf) // want `putting a \[\]byte \(not a pointer\) into a sync.Pool allocates a 24-byte interface on every Put; .* \[medium: one allocation per Put, per I/O call \(Write\)\]$`
	return len(p), nil
}

// A compressor reset to a writer that the getter's callers give: what it
// holds may be small (a file, a connection), and each reset re-initializes
// the compressor: low tier.
var zippers = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func AcquireZipper(w io.Writer) *gzip.Writer {
	zw := zippers.Get().(*gzip.Writer)
	zw.Reset(w)
	return zw
}

func ReleaseZipper(zw *gzip.Writer) {
	zw.Close()
	zippers.Put(zw)
}

// The same with a getter the package calls per request: what the response
// writer holds is not shown either, low.
var responseZippers = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func acquireResponseZipper(w io.Writer) *gzip.Writer {
	zw := responseZippers.Get().(*gzip.Writer)
	zw.Reset(w)
	return zw
}

type zipped struct{}

func (zipped) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	zw := acquireResponseZipper(w)
	zw.Write([]byte("body"))
	zw.Close()
	responseZippers.Put(zw)
}

// A buffer a field kept, put back once per Reset: as often as Reset, which
// the package says nothing about, not as often as the Gets in Write: low.
type framer struct {
	frames sync.Pool
	cur    []byte
	w      io.Writer
}

func newFramer(w io.Writer) *framer {
	f := &framer{w: w}
	f.frames.New = func() any { return make([]byte, 0, 512) }
	return f
}

func (f *framer) Write(p []byte) (int, error) {
	f.cur = append(f.frames.Get().([]byte)[:0], p...)
	f.w.Write(f.cur)
	return len(p), nil
}

func (f *framer) Reset(w io.Writer) {
	if f.cur != nil {
		f.frames.Put(f.cur)
		f.cur = nil
	}
	f.w = w
}

// A compressor reset to a buffer the function made: the whole compressed
// body stays reachable from the pool, reported.
var bodyZippers = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

type bodyZipper struct{}

func (bodyZipper) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	zw := bodyZippers.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write([]byte("body"))
	zw.Close()
	bodyZippers.Put(zw) // want `zw is put back into bodyZippers still referencing its last user's memory through the &buf given to zw.Reset: .* \[high: held until the pool drops the object, per request \(ServeHTTP\)\]$`
	w.Write(buf.Bytes())
}

var (
	nameLists = sync.Pool{New: func() any { return new([]string) }}
	bufLists  = sync.Pool{New: func() any { return new([]*bytes.Buffer) }}
)

// Names left in a pooled slice keep only their own bytes, keys the map
// holds anyway: low, not reported by default.
func CountNames(m map[string]int) int {
	p := nameLists.Get().(*[]string)
	for k := range m {
		*p = append(*p, k)
	}
	n := len(*p)
	*p = (*p)[:0]
	nameLists.Put(p)
	return n
}

// Buffers left in it keep their memory: medium.
func CountBuffers(m map[string]*bytes.Buffer) int {
	p := bufLists.Get().(*[]*bytes.Buffer)
	for _, b := range m {
		*p = append(*p, b)
	}
	n := len(*p)
	*p = (*p)[:0]
	bufLists.Put(p) // want `p is put back into bufLists with its elements still set: .*\[medium: held until the pool drops the slice\]$`
	return n
}
