package pinning

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net"
	"os"
	"sync"
	"time"
	"unsafe"
)

// A log record borrows the caller's writer, context and tags for one use.
type record struct {
	buf  []byte
	out  io.Writer
	ctx  context.Context
	tags []string
	n    int
}

var records = sync.Pool{New: func() any { return new(record) }}

func newRecord(out io.Writer, ctx context.Context, tags []string) *record {
	r := records.Get().(*record)
	r.buf = r.buf[:0]
	r.out = out
	r.ctx = ctx
	r.tags = tags
	r.n = 0
	return r
}

func freeRecord(r *record) {
	if cap(r.buf) > 1<<16 {
		return
	}
	records.Put(r) // want `r is put back into records still referencing its last user's memory through r.out \(set from out\), r.ctx \(set from ctx\), r.tags \(set from tags\): it stays reachable, whatever its size, while r sits in the pool; r.out = nil; r.ctx = nil; r.tags = nil before Put`
}

func Log(out io.Writer, ctx context.Context, tags []string, msg string) {
	r := newRecord(out, ctx, tags)
	r.buf = append(r.buf, msg...)
	r.out.Write(r.buf)
	freeRecord(r)
}

// The same, cleared before Put: clean.
var cleanRecords = sync.Pool{New: func() any { return new(record) }}

func newClean(out io.Writer, ctx context.Context) *record {
	r := cleanRecords.Get().(*record)
	r.out, r.ctx = out, ctx
	return r
}

func freeClean(r *record) {
	r.out, r.ctx = nil, nil
	cleanRecords.Put(r)
}

func LogClean(out io.Writer, ctx context.Context) {
	r := newClean(out, ctx)
	freeClean(r)
}

// A decoder's state is set by a setter with a composite literal, through a
// field held by value and an embedded struct.
type window struct {
	data []byte
	pos  int
	src  io.Reader
}

type state struct {
	window
	depth int
}

type decoder struct{ s state }

func (s *state) reset(b []byte, r io.Reader) {
	s.window = window{data: b, src: r}
	s.depth = 0
}

var decoders = sync.Pool{New: func() any { return new(decoder) }}

func getDecoder(b []byte) *decoder {
	d := decoders.Get().(*decoder)
	d.s.reset(b, nil)
	return d
}

func putDecoder(d *decoder) {
	decoders.Put(d) // want `d is put back into decoders still referencing its last user's memory through d.s.data \(set from b\)`
}

func Count(b []byte) int {
	d := getDecoder(b)
	n := len(d.s.data)
	putDecoder(d)
	return n
}

// A setter given nil before Put drops the reference: clean.
var cleared = sync.Pool{New: func() any { return new(decoder) }}

func CountCleared(b []byte) int {
	d := cleared.Get().(*decoder)
	d.s.reset(b, nil)
	n := len(d.s.data)
	d.s.reset(nil, nil)
	cleared.Put(d)
	return n
}

// A field cleared on one path only.
var halfCleared = sync.Pool{New: func() any { return new(decoder) }}

func CountHalf(b []byte, big bool) int {
	d := halfCleared.Get().(*decoder)
	d.s.reset(b, nil)
	n := len(d.s.data)
	if big {
		d.s.data = nil
	}
	halfCleared.Put(d) // want `d is put back into halfCleared still referencing its last user's memory through d.s.data \(set from b\)`
	return n
}

// A gzip writer reset to a local buffer keeps the buffer alive in the pool;
// a buffer made with new is named by its type.
var zippers = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func Compress(body []byte) ([]byte, error) {
	zw := zippers.Get().(*gzip.Writer)
	defer zippers.Put(zw) // want `zw is put back into zippers still referencing its last user's memory through the new\(bytes.Buffer\) given to zw.Reset: it stays reachable, whatever its size, while zw sits in the pool; zw.Reset\(io.Discard\) in the deferred call, before Put`
	b := new(bytes.Buffer)
	zw.Reset(b)
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// bufio writers reset to the caller's writer, and released with Reset(nil)
// on one path only.
var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func WriteAll(w io.Writer, p []byte, keep bool) error {
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(w)
	bw.Write(p)
	err := bw.Flush()
	if !keep {
		bw.Reset(nil)
	}
	writers.Put(bw) // want `bw is put back into writers still referencing its last user's memory through the w given to bw.Reset: .*; bw.Reset\(nil\) before Put`
	return err
}

// A client's writers reset to a connection: the pool keeps the connection,
// which the client holds open anyway or has closed, not a user's data.
var connWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func SendOn(conn net.Conn, p []byte) error {
	bw := connWriters.Get().(*bufio.Writer)
	bw.Reset(conn)
	bw.Write(p)
	err := bw.Flush()
	connWriters.Put(bw) // want `bw is put back into connWriters still referencing its last user's memory through the conn given to bw.Reset: .*\[low: what it keeps is a connection, which its owner keeps open anyway or has closed: the connection's own memory, not a user's data\]$`
	return err
}

// countingWriter wraps the writer a call is given.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return c.w.Write(p)
}

// A literal given to Reset is named by its type.
var countedWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func WriteCounted(w io.Writer, p []byte) error {
	bw := countedWriters.Get().(*bufio.Writer)
	bw.Reset(&countingWriter{w: w})
	bw.Write(p)
	err := bw.Flush()
	countedWriters.Put(bw) // want `bw is put back into countedWriters still referencing its last user's memory through the &countingWriter\{...\} given to bw.Reset: .*; bw.Reset\(nil\) before Put`
	return err
}

// Reset to a package-level writer pins nothing: clean.
func WriteStdout(p []byte) error {
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(os.Stdout)
	bw.Write(p)
	err := bw.Flush()
	writers.Put(bw)
	return err
}

// A field set from the receiver, the pool's owner, pins nothing new: clean.
type server struct {
	conns sync.Pool
	name  string
}

type conn struct {
	srv *server
	buf []byte
}

func (s *server) handle(p []byte) int {
	c, _ := s.conns.Get().(*conn)
	if c == nil {
		c = new(conn)
	}
	c.srv = s
	c.buf = append(c.buf[:0], p...)
	n := len(c.buf)
	s.conns.Put(c)
	return n
}

// A Get that does not set the field, in a pool whose New leaves it zero:
// any Get may return a fresh object, so clearing it gives Peek nothing it
// could not already see. Fixed.
type job struct {
	in  []byte
	out []byte
}

var jobs = sync.Pool{New: func() any { return new(job) }}

func Run(in []byte) int {
	j := jobs.Get().(*job)
	j.in = in
	n := len(j.in) + len(j.out)
	jobs.Put(j) // want `j is put back into jobs still referencing its last user's memory through j.in \(set from in\): .*; j.in = nil before Put \[`
	return n
}

func Peek() int {
	j := jobs.Get().(*job)
	n := len(j.in)
	jobs.Put(j)
	return n
}

// A Get that does not set the field, in a pool whose New sets it: clearing
// it would give PeekTask a state no fresh object has, so no fix.
type task struct {
	data []byte
}

var tasks = sync.Pool{New: func() any { return &task{data: make([]byte, 64)} }}

func RunTask(data []byte) int {
	t := tasks.Get().(*task)
	t.data = data
	n := len(t.data)
	tasks.Put(t) // want `t is put back into tasks still referencing its last user's memory through t.data \(set from data\).* \(no automatic fix: a Get of the pool may read data before setting it\)`
	return n
}

func PeekTask() int {
	t := tasks.Get().(*task)
	n := len(t.data)
	tasks.Put(t)
	return n
}

// Slices of pointers keep their elements alive in the pool unless cleared:
// emptying them to [:0] on the next Get does not clear them.
type cmd struct{ reply []byte }

var cmdSlices = sync.Pool{New: func() any { return make([]*cmd, 0, 16) }}

func getCmds() []*cmd { return cmdSlices.Get().([]*cmd)[:0] }

func putCmds(cmds []*cmd) {
	cmdSlices.Put(cmds) // want `putting a \[\]\*cmd \(not a pointer\)` `cmds is put back into cmdSlices with its elements still set: .*; call clear\(cmds\[:cap\(cmds\)\]\) before Put`
}

func Pipeline(n int) int {
	cmds := getCmds()
	for i := range n {
		cmds = append(cmds, &cmd{reply: make([]byte, i)})
	}
	total := len(cmds)
	putCmds(cmds)
	return total
}

var clearedCmds = sync.Pool{New: func() any { return make([]*cmd, 0, 16) }}

func putCleared(cmds []*cmd) {
	clear(cmds[:cap(cmds)])
	clearedCmds.Put(cmds) // want `putting a \[\]\*cmd \(not a pointer\)`
}

var names = sync.Pool{New: func() any { return new([]string) }}

func Join(parts []string) int {
	p := names.Get().(*[]string)
	*p = (*p)[:0]
	for _, s := range parts {
		*p = append(*p, s)
	}
	n := len(*p)
	names.Put(p) // want `p is put back into names with its elements still set: .*; call clear\(\(\*p\)\[:cap\(\*p\)\]\) before Put`
	return n
}

// A writer that is itself a pooled object, pinned by a pooled bufio
// writer: its own pool keeps it anyway, so nothing is reported.
type counter struct {
	w io.Writer
	n int
}

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return c.w.Write(p) }

var counters = sync.Pool{New: func() any { return new(counter) }}

func getCounter(w io.Writer) *counter {
	c := counters.Get().(*counter)
	c.w, c.n = w, 0
	return c
}

func putCounter(c *counter) {
	c.w = nil
	counters.Put(c)
}

var bufWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func getBufWriter(w io.Writer) *bufio.Writer {
	bw := bufWriters.Get().(*bufio.Writer)
	bw.Reset(w)
	return bw
}

func putBufWriter(bw *bufio.Writer) { bufWriters.Put(bw) }

func Send(w io.Writer, p []byte) int {
	c := getCounter(w)
	bw := getBufWriter(c)
	bw.Write(p)
	bw.Flush()
	putBufWriter(bw)
	n := c.n
	putCounter(c)
	return n
}

// A record overwritten with a package variable that holds the zero value
// drops every reference; one overwritten with a variable the package
// changes may not.
var (
	emptyRecord   = record{}
	blankRecord   record
	defaultRecord = record{}
	zeroed        = sync.Pool{New: func() any { return new(record) }}
)

func SetDefaultOut(out io.Writer) { defaultRecord.out = out }

func logZeroed(out io.Writer, ctx context.Context, tags []string, blank bool) {
	r := zeroed.Get().(*record)
	r.out, r.ctx, r.tags = out, ctx, tags
	if blank {
		*r = blankRecord
	} else {
		*r = emptyRecord
	}
	zeroed.Put(r)
}

var defaulted = sync.Pool{New: func() any { return new(record) }}

func logDefaulted(out io.Writer) {
	r := defaulted.Get().(*record)
	r.out = out
	*r = defaultRecord
	defaulted.Put(r) // want `r is put back into defaulted still referencing its last user's memory through r.out \(set from out\)`
}

// A gzip writer reset to the caller's writer: what that holds is the
// caller's business (a file, a connection), and a Reset at Put clears the
// compressor's tables on top of the next Get's: no automatic fix.
var streamZippers = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func CompressTo(w io.Writer, body []byte) error {
	zw := streamZippers.Get().(*gzip.Writer)
	zw.Reset(w)
	_, err := zw.Write(body)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	streamZippers.Put(zw) // want `zw is put back into streamZippers still referencing its last user's memory through the w given to zw.Reset: .*; zw.Reset\(io.Discard\) before Put \(no automatic fix: w is the caller's, whose size the package does not show, and a Reset re-initializes the compressor's tables, as the next Get's Reset does again: worth it only when what it holds is large\)`
	return err
}

// A decoder handed back through an interface: the field that holds the
// caller's bytes is the object's, not the interface's, so the finding
// says which and offers no fix (d.data = nil would not compile).
type Scanner interface{ Next() bool }

type lineScanner struct {
	data []byte
	pos  int
}

func (s *lineScanner) Next() bool { s.pos++; return s.pos < len(s.data) }

var scanners = sync.Pool{New: func() any { return new(lineScanner) }}

func GetScanner(data []byte) Scanner {
	s := scanners.Get().(*lineScanner)
	s.data, s.pos = data, 0
	return s
}

func PutScanner(s Scanner) {
	scanners.Put(s) // want `s is put back into scanners still referencing its last user's memory through the data field of the object in s \(set from data\): .*; set its data field to nil before Put \(no automatic fix: s is an interface \(Scanner\), whose fields cannot be set without asserting its type\)`
}

// The same decoder, whose putter asserts its type to drop the caller's
// bytes before the Put: nothing is held.
type Tokens interface{ Next() bool }

type byteTokens struct {
	data []byte
	pos  int
}

func (d *byteTokens) Next() bool { d.pos++; return d.pos < len(d.data) }

var tokenPool = sync.Pool{New: func() any { return new(byteTokens) }}

func GetTokens(data []byte) Tokens {
	d := tokenPool.Get().(*byteTokens)
	d.data, d.pos = data, 0
	return d
}

func PutTokens(d Tokens) {
	bd, ok := d.(*byteTokens)
	if !ok {
		return
	}
	bd.data = nil
	tokenPool.Put(d)
}

// A context reset to a request and its writer keeps the writer inside a
// response object, through memory the package's field stores do not
// follow; a writer holds its request, so clearing ctx.req alone would
// release nothing: not reported.
type reply struct{ w io.Writer }

func (r *reply) reset(w io.Writer) { r.w = w }

type ctx struct {
	req  *bytes.Reader
	resp *reply
}

func (c *ctx) Reset(req *bytes.Reader, w io.Writer) {
	c.req = req
	c.resp.reset(w)
}

var ctxs = sync.Pool{New: func() any { return &ctx{resp: new(reply)} }}

func Serve(w io.Writer, req *bytes.Reader) {
	c := ctxs.Get().(*ctx)
	defer ctxs.Put(c)
	c.Reset(req, w)
}

// A bit reader keeps its input twice, as a slice and as a raw pointer to
// its first byte: clearing the slice alone would leave the input reachable.
type bitReader struct {
	input []byte
	base  unsafe.Pointer
	pos   int
}

func (br *bitReader) setInput(data []byte) {
	br.input = data
	br.base = unsafe.Pointer(unsafe.SliceData(data))
	br.pos = 0
}

type inflater struct{ br bitReader }

var inflaters = sync.Pool{New: func() any { return new(inflater) }}

func Inflate(data []byte) int {
	s := inflaters.Get().(*inflater)
	s.br.setInput(data)
	n := len(s.br.input) + s.br.pos
	inflaters.Put(s) // want `s is put back into inflaters still referencing its last user's memory through s.br.input \(set from data\), s.br.base \(set from data\): .*; s.br.input = nil; s.br.base = nil before Put`
	return n
}

// A Seq is a caller's sequence.
type Seq struct{ Data []byte }

// A rolling hash keeps the sequence it is given.
type rolling struct{ seq *[]byte }

func newRolling(seq *[]byte) (*rolling, error) { return &rolling{seq: seq}, nil }

func (r *rolling) next() (uint64, bool) { return uint64(len(*r.seq)), r.seq != nil }

// A kmerIter borrows a sequence per use: through its s, through the
// window that next views of it, and through the hash made from it. Its
// timer, made from a duration, holds none of the caller's memory.
type kmerIter struct {
	s      *Seq
	window []byte
	hash   *rolling
	timer  *time.Timer
	idx, k int
}

var kmerIters = sync.Pool{New: func() any { return new(kmerIter) }}

// NewKmers starts an iterator over s.
func NewKmers(s *Seq, k int, timeout time.Duration) *kmerIter {
	it := kmerIters.Get().(*kmerIter)
	it.s, it.k, it.idx = s, k, 0
	it.timer = time.NewTimer(timeout)
	return it
}

// Next returns the next window; at the end the iterator goes back to the
// pool, and the window it set on earlier calls still views s.
func (it *kmerIter) Next() ([]byte, bool) {
	if it.idx+it.k > len(it.s.Data) {
		kmerIters.Put(it) // want `it is put back into kmerIters still referencing its last user's memory through it.s \(set from s\), it.hash \(set from newRolling, given s.Data\), it.window \(set from a view of its s\): .*; it.s = nil; it.hash = nil; it.window = nil before Put`
		return nil, false
	}
	it.window = it.s.Data[it.idx : it.idx+it.k]
	it.idx++
	return it.window, true
}

// NewHashes starts an iterator that hashes s: the hash keeps what it is
// given, a copy of s.Data's header pointing at the same bytes.
func NewHashes(s *Seq) (*kmerIter, error) {
	it := kmerIters.Get().(*kmerIter)
	data := s.Data
	var err error
	it.hash, err = newRolling(&data)
	if err != nil {
		return nil, err
	}
	return it, nil
}

// NextHash returns the next hash.
func (it *kmerIter) NextHash() (uint64, bool) {
	h, ok := it.hash.next()
	if !ok {
		kmerIters.Put(it) // want `it is put back into kmerIters still referencing its last user's memory through it.s \(set from s\), it.hash \(set from newRolling, given s.Data\), it.window \(set from a view of its s\): .*; it.s = nil; it.hash = nil; it.window = nil before Put`
	}
	return h, ok
}

// A decoder keeps its buffered reader across uses: a Get resets the one it
// finds to the new source, so setting the field to nil would make every
// Get allocate a new reader and buffer. bufio's Reset(nil) keeps the
// buffer and drops the source, but the field may be nil at the Put, where
// a Reset panics: no automatic fix.
type bufDecoder struct {
	br    *bufio.Reader
	depth int
}

var bufDecoders = sync.Pool{New: func() any { return new(bufDecoder) }}

func newBufDecoder(r io.Reader) *bufDecoder {
	d := bufDecoders.Get().(*bufDecoder)
	d.depth = 0
	if d.br == nil {
		d.br = bufio.NewReader(r)
	} else {
		d.br.Reset(r)
	}
	return d
}

func DecodeByte(r io.Reader) (byte, error) {
	d := newBufDecoder(r)
	b, err := d.br.ReadByte()
	bufDecoders.Put(d) // want `d is put back into bufDecoders still referencing its last user's memory through d.br \(set from bufio.NewReader, given r; a Get reuses it through its Reset\): .*; d.br.Reset\(nil\) before Put \(no automatic fix: d.br may be nil at the Put \(a Get makes it when nil\), and a Reset of nil panics: guard it with a nil check\)`
	return b, err
}

// The same with a gzip reader, whose Reset reads a header from what it is
// given: no reader is harmless to reset it to.
type gzDecoder struct {
	zr *gzip.Reader
}

var gzDecoders = sync.Pool{New: func() any { return new(gzDecoder) }}

func DecodeGzip(r io.Reader) ([]byte, error) {
	d := gzDecoders.Get().(*gzDecoder)
	var err error
	if d.zr == nil {
		d.zr, err = gzip.NewReader(r)
	} else {
		err = d.zr.Reset(r)
	}
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(d.zr)
	gzDecoders.Put(d) // want `d is put back into gzDecoders still referencing its last user's memory through d.zr \(set from gzip.NewReader, given r; a Get reuses it through its Reset\): .*; reset it to a source that holds nothing, if it accepts one, before Put \(no automatic fix: .*\) \[low: no reader known to be harmless to reset it to\]`
	return b, err
}
