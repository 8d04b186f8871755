package elements

import "sync"

// Pool is a typed sync.Pool; its instances are pools of their own.
type Pool[T any] struct{ p sync.Pool }

func (p *Pool[T]) Get() T  { return p.p.Get().(T) }
func (p *Pool[T]) Put(x T) { p.p.Put(x) }

type node struct {
	key  string
	body []byte
}

var nodeBufs = Pool[[]*node]{p: sync.Pool{New: func() any { return make([]*node, 0, 8) }}}

// Put(b[:0]) empties the slice, but its elements keep pointing to the
// last user's nodes.
func putNodes(b []*node) {
	nodeBufs.Put(b[:0]) // want `b is put back into nodeBufs with its elements still set: .*; call clear\(b\[:cap\(b\)\]\) before Put`
}

func LeakNodes() int {
	b := nodeBufs.Get()[:0]
	b = append(b, &node{key: "k", body: make([]byte, 64)})
	putNodes(b)
	again := nodeBufs.Get()
	defer nodeBufs.Put(again[:0])
	if cap(again) > 0 && again[:1][0] != nil {
		return 1
	}
	return 0
}

// Elements that are structs holding a string pin it as well.
type label struct {
	id   uint64
	name string
}

var labelBufs = Pool[[]label]{p: sync.Pool{New: func() any { return make([]label, 0, 8) }}}

func putLabels(b []label) {
	labelBufs.Put(b[:0]) // want `b is put back into labelBufs with its elements still set`
}

func LeakLabels() int {
	b := labelBufs.Get()[:0]
	b = append(b, label{id: 1, name: string(make([]byte, 32))})
	putLabels(b)
	again := labelBufs.Get()
	defer labelBufs.Put(again[:0])
	if cap(again) > 0 && again[:1][0].name != "" {
		return 1
	}
	return 0
}

// A slice handed over a channel, read, then put back whole.
func drain(ch <-chan []label) int {
	n := 0
	for v := range ch {
		for _, l := range v {
			n += len(l.name)
		}
		labelBufs.Put(v) // want `v is put back into labelBufs with its elements still set: .*; call clear\(v\[:cap\(v\)\]\) before Put`
	}
	return n
}

func LeakDrained() int {
	ch := make(chan []label, 1)
	b := labelBufs.Get()[:0]
	ch <- append(b, label{id: 2, name: string(make([]byte, 32))})
	close(ch)
	drain(ch)
	again := labelBufs.Get()
	defer labelBufs.Put(again[:0])
	if cap(again) > 0 && again[:1][0].name != "" {
		return 1
	}
	return 0
}

// Not reported: the elements are cleared first, one by one or with clear.
func putNodesCleared(b []*node) {
	for i := range b {
		b[i] = nil
	}
	nodeBufs.Put(b[:0])
}

func putLabelsCleared(b []label) {
	clear(b)
	labelBufs.Put(b[:0])
}

// Not reported: elements without pointers pin nothing.
type sample struct {
	ref uint64
	v   float64
}

var sampleBufs = Pool[[]sample]{p: sync.Pool{New: func() any { return make([]sample, 0, 8) }}}

func putSamples(b []sample) {
	sampleBufs.Put(b[:0])
}

// Not reported: a slice got and put back unused adds nothing.
func unused() {
	b := nodeBufs.Get()
	nodeBufs.Put(b[:0])
}

// Not reported: the package extends such slices into their capacity to
// reuse the objects their elements point to, which clearing would defeat.
type hist struct{ buckets []float64 }

type point struct {
	t int64
	h *hist
}

var pointBufs = Pool[[]point]{p: sync.Pool{New: func() any { return make([]point, 0, 8) }}}

func putPoints(b []point) {
	pointBufs.Put(b[:0])
}

func nextPoint(b []point, t int64) []point {
	n := len(b)
	if n < cap(b) {
		b = b[:n+1]
	} else {
		b = append(b, point{})
	}
	if b[n].h == nil {
		b[n].h = new(hist)
	}
	b[n].t = t
	b[n].h.buckets = b[n].h.buckets[:0]
	return b
}

type chunk struct{ data []byte }

// MergeAll keeps its scratch slices in a pool of its own: the pool, and
// what the slices in it point to, go when the call ends. Low tier.
func MergeAll(groups [][]*chunk) int {
	pool := sync.Pool{New: func() any { return make([]*chunk, 0, 4) }}
	n := 0
	for _, g := range groups {
		s := append(pool.Get().([]*chunk), g...)
		n += len(s)
		pool.Put(s[:0]) // want `s is put back into pool with its elements still set: .*\[low: the pool is a local variable: it and what it holds go when the call ends\]$` `putting a \[\]\*chunk \(not a pointer\)`
	}
	return n
}

var keyBufs = sync.Pool{New: func() any { s := make([]*node, 0, 8); return &s }}

// Not reported: an oversized slice is dropped (*p = nil), and any other is
// cleared before it is emptied; nothing is left pointing to the nodes.
func putKeysDropOrClear(p *[]*node) {
	if cap(*p) > 1024 {
		*p = nil
	} else {
		clear(*p)
		*p = (*p)[:0]
	}
	keyBufs.Put(p)
}

// A drop on one path only leaves the other path's elements set.
func putKeysDropOnly(p *[]*node) {
	if cap(*p) > 1024 {
		*p = nil
	}
	*p = (*p)[:0]
	keyBufs.Put(p) // want `p is put back into keyBufs with its elements still set: .*`
}

func KeysOf(m map[string]*node) int {
	p := keyBufs.Get().(*[]*node)
	for _, n := range m {
		*p = append(*p, n)
	}
	n := len(*p)
	putKeysDropOrClear(p)
	q := keyBufs.Get().(*[]*node)
	*q = append(*q, m[""])
	putKeysDropOnly(q)
	return n
}

// A pool of pointers to slices, one of whose Gets hands the slice on at
// its length; the free function empties it in place before the Put, so
// every Get finds it empty and clearing the elements changes nothing they
// see: fixed.
type pair struct{ data, errs []byte }

var pairLists = sync.Pool{New: func() any { s := make([]*pair, 0, 8); return &s }}

func getPairs() *[]*pair { return pairLists.Get().(*[]*pair) }

func freePairs(s *[]*pair) {
	for i := range *s {
		(*s)[i].data = (*s)[i].data[:0]
	}
	*s = (*s)[:0]
	pairLists.Put(s) // want `s is put back into pairLists with its elements still set: .*; call clear\(\(\*s\)\[:cap\(\*s\)\]\) before Put \[`
}

func countPairs(ps []*pair) int { return len(ps) }

func Pairs(n int) int {
	s := getPairs()
	for range n {
		*s = append(*s, &pair{data: make([]byte, 16)})
	}
	got := countPairs(*s)
	freePairs(s)
	return got
}

// matcher is expensive to make: the pool recycles sets of them.
type matcher struct{ patterns []string }

func (m *matcher) match(s string) bool { return len(m.patterns) > 0 && s != "" }

var matcherSets = sync.Pool{New: func() any {
	set := []*matcher{{patterns: []string{"a"}}, {patterns: []string{"b"}}}
	return &set
}}

// putMatchers puts a set back whole: the next Get ranges over the same
// matchers, which are what the pool is for.
func putMatchers(set *[]*matcher) {
	matcherSets.Put(set)
}

func MatchAny(s string) bool {
	set := matcherSets.Get().(*[]*matcher)
	defer putMatchers(set)
	for _, m := range *set {
		if m.match(s) {
			return true
		}
	}
	return false
}
