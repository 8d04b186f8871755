package alias

import (
	"bytes"
	"io"
	"sync"
	"unsafe"
)

var bufs = sync.Pool{New: func() any { b := make([]byte, 64); return &b }}

type subscription struct {
	id   []byte
	name string
}

// The id keeps pointing into the pooled buffer after the Put: the next
// reader of the pool overwrites it.
func readID(r io.Reader, sub *subscription) error {
	buf := bufs.Get().(*[]byte)
	n, err := r.Read(*buf)
	sub.id = (*buf)[:n] // want `a slice of \*buf is stored in the field id of an object the function did not make, which outlives the Put of buf into bufs at line 23: the pool's next user overwrites what it shows; store a copy with bytes.Clone`
	bufs.Put(buf)
	return err
}

// Strings made with unsafe share the buffer too, and a map keeps them.
var byName = map[string]int{}

func b2s(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func register(r io.Reader, v int) {
	buf := bufs.Get().(*[]byte)
	defer bufs.Put(buf)
	n, _ := r.Read(*buf)
	byName[b2s((*buf)[:n])] = v // want `a string that shares the memory of a slice of \*buf is stored in a key of a map, which outlives the Put of buf into bufs at line 34: the pool's next user overwrites what it shows; store a copy \(no automatic fix: make it with string\(...\) or bytes.Clone instead of a conversion that shares memory\)`
}

var last []byte

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func remember(s string) {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString(s)
	last = b.Bytes() // want `the result of b.Bytes\(\) is stored in the package variable last, which outlives the Put of b into buffers at line 48`
	buffers.Put(b)
}

// Not reported: copies, local memory, the pooled object's own fields,
// and stores after the Put (of a new object).
func readName(r io.Reader, sub *subscription) error {
	buf := bufs.Get().(*[]byte)
	n, err := r.Read(*buf)
	sub.name = string((*buf)[:n])
	sub.id = bytes.Clone((*buf)[:n])
	bufs.Put(buf)
	return err
}

func local(r io.Reader) int {
	buf := bufs.Get().(*[]byte)
	n, _ := r.Read(*buf)
	var s subscription
	s.id = (*buf)[:n]
	m := map[string]int{}
	m[b2s(s.id)] = 1
	bufs.Put(buf)
	return len(m)
}

// A view stored for the duration of a call and dropped before the Put.
func handle(r io.Reader, sub *subscription, f func(*subscription)) {
	buf := bufs.Get().(*[]byte)
	n, _ := r.Read(*buf)
	sub.id = (*buf)[:n]
	f(sub)
	sub.id = nil
	bufs.Put(buf)
}

type frame struct {
	buf  []byte
	body []byte
}

var frames = sync.Pool{New: func() any { return &frame{buf: make([]byte, 64)} }}

func decode(r io.Reader) int {
	f := frames.Get().(*frame)
	n, _ := r.Read(f.buf)
	f.body = f.buf[:n]
	k := len(f.body)
	f.body = nil
	frames.Put(f)
	return k
}

// LeakID reads two ids and returns 1 if reading the second changed the
// first.
func LeakID() int {
	var a, b subscription
	readID(bytes.NewReader([]byte("first")), &a)
	readID(bytes.NewReader([]byte("other")), &b)
	if string(a.id) != "first" {
		return 1
	}
	return 0
}

// LeakLast returns 1 if a second call changed what the first remembered.
func LeakLast() int {
	remember("first")
	kept := last
	remember("other")
	if string(kept) != "first" {
		return 1
	}
	return 0
}
