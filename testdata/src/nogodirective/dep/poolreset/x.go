// Package poolreset is in a module whose go.mod has no go directive: the
// go command compiles it as go1.16, before the clear builtin.
package poolreset

import "sync"

// A request whose reset forgot the header map.
type request struct {
	path   string
	header map[string]string
}

func (r *request) Reset() { // want `request.Reset does not empty r.header .*; add clear\(r.header\) \(no automatic fix: clear needs go1.21, the file is go1.16; delete its keys in a loop\)`
	r.path = ""
}

func (r *request) SetHeader(k, v string) { r.header[k] = v }

var requests = sync.Pool{New: func() interface{} { return &request{header: make(map[string]string)} }}

func AcquireRequest() *request { return requests.Get().(*request) }

func ReleaseRequest(r *request) {
	r.Reset()
	requests.Put(r)
}

type node struct {
	key  string
	body []byte
}

var nodeBufs = sync.Pool{New: func() interface{} { s := make([]*node, 0, 8); return &s }}

// putNodes empties the slice, but its elements keep pointing to the last
// user's nodes.
func putNodes(p *[]*node) {
	*p = (*p)[:0]
	nodeBufs.Put(p) // want `p is put back into nodeBufs with its elements still set: .*call clear\(\(\*p\)\[:cap\(\*p\)\]\) before Put \(no automatic fix: clear needs go1.21, the file is go1.16; zero the elements in a loop\)`
}

// Nodes fills a pooled slice and puts it back.
func Nodes() int {
	p := nodeBufs.Get().(*[]*node)
	*p = append(*p, &node{key: "k"})
	n := len(*p)
	putNodes(p)
	return n
}
