package maxcap

import (
	"bytes"
	"strconv"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func unbounded(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(s)
	out := buf.String()
	bufPool.Put(buf) // want `buf is put back into bufPool without a capacity check: one huge use pins that much memory in the pool`
	return out
}

func bounded(s string) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(s)
	out := buf.String()
	if buf.Cap() <= 64<<10 {
		bufPool.Put(buf)
	}
	return out
}

var slicePool = sync.Pool{New: func() any { return new([]byte) }}

func putSlice(p *[]byte) {
	if cap(*p) > 64<<10 {
		return
	}
	*p = (*p)[:0]
	slicePool.Put(p)
}

func appendBounded(s string) int {
	p := slicePool.Get().(*[]byte)
	*p = append((*p)[:0], s...)
	n := len(*p)
	putSlice(p)
	return n
}

// A fixed-size scratch buffer cannot grow.
var scratchPool = sync.Pool{New: func() any { b := make([]byte, 4096); return &b }}

func scratch() byte {
	p := scratchPool.Get().(*[]byte)
	b := (*p)[0]
	scratchPool.Put(p)
	return b
}

// Appending a few elements at a time cannot grow without bound
// (prometheus/common's float formatting).
var numPool = sync.Pool{New: func() any { b := make([]byte, 0, 24); return &b }}

func formatFloat(f float64) string {
	bp := numPool.Get().(*[]byte)
	*bp = strconv.AppendFloat((*bp)[:0], f, 'g', -1, 64)
	*bp = append(*bp, '.', '0')
	s := string(*bp)
	numPool.Put(bp)
	return s
}

// Appending data that comes in can.
func appendData(data []byte) string {
	bp := numPool.Get().(*[]byte)
	*bp = append((*bp)[:0], data...)
	s := string(*bp)
	numPool.Put(bp) // want `bp is put back into numPool without a capacity check`
	return s
}
