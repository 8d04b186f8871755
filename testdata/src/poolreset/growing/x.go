package growing

import (
	"net/http"
	"strconv"
	"sync"
)

// A request whose reset forgot the header map added later: the next user
// of a pooled request sends the previous users' headers.
type request struct {
	method string
	path   string
	header map[string]string
}

func (r *request) Reset() { // want `request.Reset does not empty r.header \(keys added by request.SetHeader\), and nothing else in the package does: every user of a pooled request sees the entries of all previous users, and it grows with every use; add clear\(r.header\)`
	r.method = ""
	r.path = ""
}

func (r *request) SetHeader(k, v string) { r.header[k] = v }

var requests = sync.Pool{New: func() any { return &request{header: make(map[string]string)} }}

func AcquireRequest() *request { return requests.Get().(*request) }

func ReleaseRequest(r *request) {
	r.Reset()
	requests.Put(r)
}

// LeakRequest makes two requests on one goroutine and returns the headers
// the second one finds set before it sets any.
func LeakRequest() int {
	r := AcquireRequest()
	r.SetHeader("Authorization", "secret")
	ReleaseRequest(r)
	r = AcquireRequest()
	n := len(r.header)
	ReleaseRequest(r)
	return n
}

// A parser reset on Get whose reset forgot the arguments that a helper of
// the package appends.
type arg struct{ k, v string }

type parser struct {
	depth int
	args  []arg
}

func (p *parser) reset() { // want `parser.reset does not empty p.args \(elements appended by parser.add\)`
	p.depth = 0
}

func appendArg(args []arg, k, v string) []arg { return append(args, arg{k, v}) }

func (p *parser) add(k, v string) { p.args = appendArg(p.args, k, v) }

var parsers = sync.Pool{New: func() any { return new(parser) }}

func acquireParser() *parser {
	p := parsers.Get().(*parser)
	p.reset()
	return p
}

// LeakArgs parses twice and returns the arguments the second parse finds
// from the first.
func LeakArgs() int {
	p := acquireParser()
	p.add("a", "1")
	parsers.Put(p)
	p = acquireParser()
	n := len(p.args)
	parsers.Put(p)
	return n
}

// A scratch object put back with some fields cleared but not the list it
// appends to, and no reset method: the fix goes before the Put.
type scratch struct {
	n    int
	ids  []int
	tags http.Header
}

var scratches = sync.Pool{New: func() any { return &scratch{tags: http.Header{}} }}

func (s *scratch) note(id int) {
	s.n++
	s.ids = append(s.ids, id)
	s.tags.Add("id", strconv.Itoa(id))
}

func Collect(ids []int) int {
	s := scratches.Get().(*scratch)
	for _, id := range ids {
		s.note(id)
	}
	n := len(s.ids)
	s.n = 0
	scratches.Put(s) // want `s is put back into scratches without emptying s.ids \(elements appended by scratch.note\), s.tags \(keys added by scratch.note\), and nothing in the package empties them: every user of a pooled scratch sees the entries of all previous users, and they grow with every use; s.ids = s.ids\[:0\]; clear\(s.tags\) before Put`
	return n
}

// LeakScratch returns what a second use sees of the first.
func LeakScratch() int {
	Collect([]int{1, 2})
	return Collect([]int{3}) - 1
}

// A deferred Put gets the fix in a deferred func.
type seen struct {
	names map[string]struct{}
}

var seens = sync.Pool{New: func() any { return &seen{names: map[string]struct{}{}} }}

func Dedupe(names []string) []string {
	s := seens.Get().(*seen)
	defer seens.Put(s) // want `s is put back into seens without emptying s.names \(keys added by Dedupe\)`
	var out []string
	for _, n := range names {
		if _, ok := s.names[n]; ok {
			continue
		}
		s.names[n] = struct{}{}
		out = append(out, n)
	}
	return out
}

// LeakSeen returns how many names a second call drops as already seen.
func LeakSeen() int {
	Dedupe([]string{"a"})
	return 1 - len(Dedupe([]string{"a"}))
}

// Not reported: the reset empties the map.
type clean struct {
	m map[string]int
}

func (c *clean) reset() { clear(c.m) }

var cleans = sync.Pool{New: func() any { return &clean{m: map[string]int{}} }}

func useClean(k string) {
	c := cleans.Get().(*clean)
	c.m[k]++
	c.reset()
	cleans.Put(c)
}

// Not reported: a cache looked up before it is filled is kept across uses
// on purpose.
type encoder struct {
	cache map[string][]byte
}

var encoders = sync.Pool{New: func() any { return &encoder{cache: map[string][]byte{}} }}

func encode(k string) []byte {
	e := encoders.Get().(*encoder)
	defer encoders.Put(e)
	if b, ok := e.cache[k]; ok {
		return b
	}
	b := []byte(k)
	e.cache[k] = b
	return b
}

// Not reported: a stack popped as much as it is pushed, and a map deleted
// from.
type walker struct {
	stack []int
	open  map[int]bool
}

var walkers = sync.Pool{New: func() any { return &walker{open: map[int]bool{}} }}

func walk(xs []int) {
	w := walkers.Get().(*walker)
	for _, x := range xs {
		w.stack = append(w.stack, x)
		w.open[x] = true
	}
	for len(w.stack) > 0 {
		delete(w.open, w.stack[len(w.stack)-1])
		w.stack = w.stack[:len(w.stack)-1]
	}
	walkers.Put(w)
}

// Not reported: emptied on Get, replaced whole by its reset, or handed to
// a function that may empty it.
type onGet struct{ buf []byte }

var onGets = sync.Pool{New: func() any { return new(onGet) }}

func useOnGet(s string) int {
	o := onGets.Get().(*onGet)
	o.buf = o.buf[:0]
	o.buf = append(o.buf, s...)
	n := len(o.buf)
	onGets.Put(o)
	return n
}

type whole struct {
	keys []string
	n    int
}

func (w *whole) Reset() { *w = whole{keys: w.keys[:0]} }

var wholes = sync.Pool{New: func() any { return new(whole) }}

func useWhole(k string) {
	w := wholes.Get().(*whole)
	w.keys = append(w.keys, k)
	w.Reset()
	wholes.Put(w)
}

type handed struct{ m map[int]int }

var handeds = sync.Pool{New: func() any { return &handed{m: map[int]int{}} }}

func useHanded(k int) {
	h := handeds.Get().(*handed)
	h.m[k] = k
	drain(h.m)
	handeds.Put(h)
}

func drain(m map[int]int) {
	for k := range m {
		delete(m, k)
	}
}

// Not reported: fields set only while building a fresh object.
type built struct{ parts []string }

var builts = sync.Pool{New: func() any { return newBuilt() }}

func newBuilt() *built {
	b := new(built)
	b.parts = append(b.parts, "header")
	return b
}

func useBuilt() int {
	b := builts.Get().(*built)
	n := len(b.parts)
	builts.Put(b)
	return n
}

// Not reported: a stack of slots indexed by a depth counter, appended to
// only when the counter passes its length, and a table of batches grown
// to the deepest level: they grow to the deepest use, not with each use.
type layers struct {
	slots []int
	top   int
	byLvl [][]int
}

var layerPool = sync.Pool{New: func() any { return &layers{top: -1} }}

func (l *layers) push(v int) {
	l.top++
	if l.top >= len(l.slots) {
		l.slots = append(l.slots, 0)
	}
	l.slots[l.top] = v
}

func (l *layers) at(depth, v int) {
	for len(l.byLvl) <= depth {
		l.byLvl = append(l.byLvl, nil)
	}
	l.byLvl[depth] = append(l.byLvl[depth], v)
}

func nest(xs []int) int {
	l := layerPool.Get().(*layers)
	for i, x := range xs {
		l.push(x)
		l.at(i%4, x)
	}
	n := l.top
	l.top = -1
	for i := range l.byLvl {
		l.byLvl[i] = l.byLvl[i][:0]
	}
	layerPool.Put(l)
	return n
}
