// Package pinned holds structs whose layout is fixed on purpose or from
// outside: none is reported, though each is stored in a slice.
package pinned

import (
	"encoding/binary"
	"encoding/json"
	"io"
	"structs"
	"sync/atomic"
	"unsafe"
)

// Host has a structs.HostLayout field.
type Host struct {
	_ structs.HostLayout
	a bool
	b int64
	c bool
}

// Padded has cache-line padding.
type Padded struct {
	a bool
	b int64
	c bool
	_ [40]byte
}

// Tagged has struct tags: its field order is its JSON output order.
type Tagged struct {
	A bool  `json:"a"`
	B int64 `json:"b"`
	C bool  `json:"c"`
}

// Header is written with encoding/binary.
type Header struct {
	a uint8
	b uint32
	c uint8
}

// Record is read as a slice with encoding/binary.
type Record struct {
	a uint8
	b uint64
	c uint8
}

// Table is sized with binary.Size as an array.
type Table struct {
	a uint8
	b uint64
	c uint8
}

// Inner is a field of Outer, which is written with encoding/binary.
type Inner struct {
	a uint8
	b uint64
	c uint8
}

type Outer struct {
	in Inner
}

func wire(w io.Writer, r io.Reader) {
	var h Header
	binary.Write(w, binary.LittleEndian, h)
	var recs []Record
	binary.Read(r, binary.LittleEndian, recs)
	_ = binary.Size([4]Table{})
	binary.Write(w, binary.BigEndian, &Outer{})
}

// Doc goes through encoding/json, whose output follows the field order.
type Doc struct {
	A bool
	B int64
	C bool
}

func encode(d []Doc) ([]byte, error) { return json.Marshal(d) }

// Off is used with unsafe.Offsetof.
type Off struct {
	a bool
	b int64
	c bool
}

var offB = unsafe.Offsetof(Off{}.b)

// Sized is used in a size assertion.
type Sized struct {
	a bool
	b int64
	c bool
}

var _ [24]byte = [unsafe.Sizeof(Sized{})]byte{}

// Counter has a field accessed by sync/atomic.
type Counter struct {
	a bool
	n int64
	c bool
}

func inc(c *Counter) { atomic.AddInt64(&c.n, 1) }

// Embedder reaches an atomically accessed field through an embedded struct.
type Embedder struct {
	x bool
	Base
	y bool
}

type Base struct {
	ok bool
	n  int64
}

func load(e *Embedder) int64 { return atomic.LoadInt64(&e.n) }

// Raw is reinterpreted through unsafe.Pointer.
type Raw struct {
	a bool
	b int64
	c bool
}

func raw(p unsafe.Pointer) *Raw { return (*Raw)(p) }

// Commented says why its order matters.
//
// The fields are ordered to match the kernel's layout.
type Commented struct {
	a bool
	b int64
	c bool
}

// LineCommented says it in a field comment.
type LineCommented struct {
	a bool // must be first
	b int64
	c bool
}

// Mirror is declared twice, in two packages.
// This must match ../other/x.go:/Mirror.
type Mirror struct {
	a bool
	b int64
	c bool
}

// Field copies another package's private struct, which the function
// reached by //go:linkname returns.
type Field struct {
	name  string
	tag   bool
	index []int
	quote bool
}

// Fields is what the linked function returns.
type Fields struct {
	list []Field
}

//go:linkname typeFields example.com/other.typeFields
func typeFields(t any) Fields

// Regs is read by an assembly function.
type Regs struct {
	flag bool
	ax   uint64
	zero bool
}

func loadRegs(r *Regs)

// Linked is linked to another package's variable.
type Linked struct {
	on  bool
	n   int64
	off bool
}

//go:linkname linked example.com/other.linked
var linked Linked

var (
	fields     []Field
	regs       []Regs
	linkeds    []Linked
	mirrors    []Mirror
	hosts      []Host
	padded     []Padded
	tagged     []Tagged
	headers    []Header
	tables     []Table
	outers     []Outer
	offs       []Off
	sized      []Sized
	counters   []Counter
	embedders  []Embedder
	raws       []Raw
	commented  []Commented
	lines      []LineCommented
	docs       []Doc
	recordsAll []Record
)

// FileHeader's field comments give each field's bytes in the file's
// header: the order documents the encoding.
type FileHeader struct {
	magic   uint32 // 0-3
	version uint16 // 4-5
	size    uint64 // 6-13
	width   uint16 // 14-15
}

var headersFile []FileHeader
