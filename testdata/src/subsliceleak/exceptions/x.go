// Package exceptions holds pieces that must not be reported.
package exceptions

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// The caller owns parameters and receivers.
func param(b []byte) []byte { return b[:4] }

type reader struct {
	buf   []byte
	raw   []byte
	rest  []byte
	parts []string
}

func (r *reader) head() []byte { return r.buf[:4] }

func paramBuffer(b *bytes.Buffer) []byte { return b.Bytes()[:4] }

// A small buffer is not worth a copy.
func small(r io.Reader) []byte {
	buf := make([]byte, 64)
	io.ReadFull(r, buf)
	return buf[:8]
}

// Copies keep nothing alive.
func copies(name string) ([]byte, []byte, []byte, string) {
	data, _ := os.ReadFile(name)
	a := make([]byte, 8)
	copy(a, data[:8])
	b := bytes.Clone(data[:8])
	c := append([]byte(nil), data[:8]...)
	d := string(data[:8])
	return a, b, c, d
}

// The whole buffer is returned: nothing is wasted.
func whole(name string) []byte {
	data, _ := os.ReadFile(name)
	if len(data) > 8 {
		return data
	}
	return data[:len(data)]
}

// Pieces that never leave the function.
func local(name string, magic []byte) bool {
	data, _ := os.ReadFile(name)
	fmt.Println(data[:8])
	head := data[:4]
	return bytes.Equal(head, magic)
}

// A suffix, or a prefix ending near the end, is most of the buffer.
func suffix(name string, n int) ([]byte, []byte) {
	data, _ := os.ReadFile(name)
	return data[n:], data[:len(data)-1]
}

// buf[:0] hands the capacity over for appending.
func scratch() []byte {
	buf := make([]byte, 64<<10)
	return buf[:0]
}

// The buffer is kept anyway.
func (r *reader) alsoStored(name string) []byte {
	data, _ := os.ReadFile(name)
	r.raw = data
	return data[:8]
}

func keep(b []byte) { last = b }

var last []byte

// A helper of this package may keep the buffer.
func passedToHelper(name string) []byte {
	data, _ := os.ReadFile(name)
	keep(data)
	return data[:8]
}

// The piece sees later writes to the buffer; a clone would not.
func writtenAfter(r io.Reader) []byte {
	buf := make([]byte, 4096)
	hdr := buf[:8]
	io.ReadFull(r, buf)
	return hdr
}

// Every entry aliases the same bytes of one buffer, refilled each time.
func reused(r io.Reader, out map[int][]byte) {
	buf := make([]byte, 4096)
	for i := 0; i < 10; i++ {
		io.ReadFull(r, buf)
		out[i] = buf[:8]
	}
}

// A piece of unknown length that is only returned may be most of the buffer.
func unknownReturned(name string, i int) []byte {
	data, _ := os.ReadFile(name)
	return data[:i]
}

// A read into a scratch buffer keeps its capacity for the next read.
func (r *reader) unknownFromMake(src io.Reader) {
	buf := make([]byte, 32<<10)
	n, _ := src.Read(buf)
	r.rest = buf[:n]
}

// Large pieces: half of the buffer, or more than a small header.
func large(r io.Reader, name string) ([]byte, []byte, []byte) {
	buf := make([]byte, 4096)
	io.ReadFull(r, buf)
	data, _ := os.ReadFile(name)
	return buf[:2048], buf[2048:], data[:1024]
}

// A line is usually short: a key of unknown length saves little.
func lineKey(br *bufio.Reader, index map[string]bool, i int) {
	line, _ := br.ReadString('\n')
	index[line[:i]] = true
}

// The bytes.Buffer that owns the array is returned too.
func ownerEscapes(r io.Reader) (*bytes.Buffer, []byte) {
	b := new(bytes.Buffer)
	b.ReadFrom(r)
	return b, b.Bytes()[:4]
}

// Pieces taken in a closure of a buffer made outside it are not followed.
func inClosure(name string) func() []byte {
	data, _ := os.ReadFile(name)
	return func() []byte { return data[:8] }
}

// The piece may be of a buffer the function did not make.
func mixed(name string, fallback []byte) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		data = fallback
	}
	return data[:8]
}

// A local struct that only gets printed.
func localStruct(name string) {
	data, _ := os.ReadFile(name)
	m := struct{ id []byte }{id: data[:8]}
	fmt.Println(m)
}

// Generic code: the buffer's element size is unknown.
func generic[T any](fill func([]T)) []T {
	buf := make([]T, 4096)
	fill(buf)
	return buf[:2]
}

// A piece that escapes only into a closure that is called, not kept.
func calledClosure(name string, use func([]byte)) {
	data, _ := os.ReadFile(name)
	head := data[:8]
	func() { use(head) }()
}

// A deferred call does not outlive the function.
func deferred(name string, use func([]byte)) {
	data, _ := os.ReadFile(name)
	defer use(data[:8])
}

// Pieces taken in a loop from one buffer may cover all of it.
func (r *reader) split(parts []int) {
	var sb strings.Builder
	for _, n := range parts {
		sb.WriteString(strings.Repeat("x", n))
	}
	all := sb.String()
	off := 0
	for _, n := range parts {
		r.parts = append(r.parts, all[off:off+n])
		off += n
	}
}

// Fixed-size records split from one buffer in a loop.
func records(r io.Reader, out map[int][]byte) {
	buf := make([]byte, 4096)
	io.ReadFull(r, buf)
	for i := 0; i < len(buf); i += 16 {
		out[i] = buf[i : i+16]
	}
}

// A function without a body (implemented in assembly) is followed by
// package-level slice expressions, outside any function.
func asm(b []byte) int

var (
	table  = string(make([]byte, 8192))
	prefix = table[:4]
)

// One returned line piece pins one short line.
func lineCode(br *bufio.Reader) string {
	line, _ := br.ReadString('\n')
	return line[:4]
}

// A write through the piece shows in the buffer, which is used after it.
func writtenThroughPiece(name string) ([]byte, bool) {
	data, _ := os.ReadFile(name)
	hdr := data[:8]
	hdr[0] = '#'
	return hdr, data[0] == '#'
}
