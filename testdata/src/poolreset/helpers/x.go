package helpers

import (
	"bytes"
	"fmt"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuf() *bytes.Buffer { return bufPool.Get().(*bytes.Buffer) }

func putBuf(b *bytes.Buffer) {
	bufPool.Put(b) // want `b is put back into bufPool without a reset on some path \(the next Get sees its old contents\); call b.Reset\(\) before Put`
}

func format(v int) string {
	b := getBuf()
	fmt.Fprintf(b, "%d", v)
	s := b.String()
	putBuf(b)
	return s
}

// A putter that resets, and a getter that resets: both clean.
var cleanPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getClean() *bytes.Buffer {
	b := cleanPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putClean(b *bytes.Buffer) {
	b.Reset()
	cleanPool.Put(b)
}

func formatClean(v int) string {
	b := getClean()
	fmt.Fprintf(b, "%d", v)
	s := b.String()
	putClean(b)
	return s
}

// Callers reset before the putter: clean.
var callerPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getCaller() *bytes.Buffer { return callerPool.Get().(*bytes.Buffer) }

func putCaller(b *bytes.Buffer) { callerPool.Put(b) }

func formatCaller(v int) string {
	b := getCaller()
	fmt.Fprintf(b, "%d", v)
	s := b.String()
	b.Reset()
	putCaller(b)
	return s
}

// A getter that may return a fresh buffer.
var freshPool sync.Pool

func getFresh() *bytes.Buffer {
	if v := freshPool.Get(); v != nil {
		return v.(*bytes.Buffer)
	}
	return new(bytes.Buffer)
}

func formatFresh(v int) string {
	b := getFresh()
	fmt.Fprintf(b, "%d", v)
	s := b.String()
	freshPool.Put(b) // want `b is put back into freshPool without a reset`
	return s
}
