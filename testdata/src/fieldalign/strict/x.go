// Package strict is checked with -fieldalign.strict: every struct whose
// size shrinks is reported, the low tier too.
package strict

import (
	"encoding/json"
	"reflect"
	"slices"
	"sync"
	"wire"
)

// lonely has no evidence of many values.
type lonely struct { // want `struct lonely of 24 bytes could be 16 .*; reorder the fields \[low: no evidence in the package that many values exist\]`
	a bool
	b int64
	c bool
}

var one lonely

// Point is public API: other packages may build it positionally.
type Point struct { // want `struct Point of 24 bytes could be 16 .*; no fix: its fields are all exported, so other packages may build it with positional literals \[low: many values: \[\]Point at x.go:\d+\]`
	Valid bool
	X     float64
	Y     bool
}

var points []Point

// Tagged is encoded by other packages, by its tags.
type Tagged struct { // want `struct Tagged of 24 bytes could be 16 .*; no fix: its json tags make the .* order the order of the encoded output \[low:`
	A bool  `json:"a"`
	B int64 `json:"b"`
	C bool  `json:"c"`
}

var tagged *Tagged

// Settings is decoded from a map by name; what reads its tags may still
// follow its order (help text, the order of errors), so it is left as is.
type Settings struct { // want `struct Settings of 24 bytes could be 16 .*; no fix: its mapstructure, validate tags may tie the .* order to the code that reads them \[low:`
	Fast  bool  `mapstructure:"fast"`
	Limit int64 `mapstructure:"limit" validate:"min=1"`
	Quiet bool  `mapstructure:"quiet"`
}

var settings *Settings

// Record's avro tags name its fields for a schema, which the encoder
// follows, unless it was derived from the struct.
type Record struct { // want `struct Record of 24 bytes could be 16 .*; no fix: its avro tags may tie the .* order to the code that reads them \[low:`
	Deleted bool  `avro:"deleted"`
	Seq     int64 `avro:"seq"`
	Sorted  bool  `avro:"sorted"`
}

var record *Record

// Hidden keeps its callbacks out of JSON: a json:"-" tag ties no order.
type Hidden struct { // want `struct Hidden of 24 bytes could be 16 .*; reorder the fields \[low:`
	a     bool
	OnTap func() `json:"-"`
	b     bool
}

var hidden *Hidden

// Grouped keeps its blank lines: a field that began a group still does.
type Grouped struct { // want `struct Grouped of 40 bytes could be 32 .*; reorder the fields \[low:`
	// names
	a string

	b bool

	// counts
	n int64
	c bool
}

var grouped *Grouped

// doc goes through encoding/json.
type doc struct { // want `struct doc of 24 bytes could be 16 .*; no fix: its values go through encoding/json at x.go:\d+, whose output follows the .* order \[low: many values: \[\]doc at x.go:\d+\]`
	A bool
	B int64
	C bool
}

func encode(d []doc) ([]byte, error) { return json.Marshal(d) }

// walked is read field by field with reflect.
type walked struct { // want `struct walked of 24 bytes could be 16 .*; no fix: its values go through reflect.ValueOf at x.go:\d+, where code can walk the fields in declaration order \[low: many values: \[\]walked at x.go:\d+\]`
	A bool
	B int64
	C bool
}

func fields(ws []walked) (n int) {
	for _, w := range ws {
		n += reflect.ValueOf(w).NumField()
	}
	return n
}

// sized is only measured with reflect: its size may change.
type sized struct { // want `struct sized of 24 bytes could be 16 .*; reorder the fields \[low: no evidence in the package that many values exist\]`
	a bool
	b int64
	c bool
}

var sizedBytes = reflect.TypeOf(sized{}).Size()

// same keeps its size class, 48 -> 40, made per call of a method.
type same struct { // want `struct same of 48 bytes could be 40 .*\[low: the size class stays 48\]`
	a       bool
	b, c, d int64
	e       bool
	f       int64
}

// packed keeps its size class too, 48 -> 40, held in a slice. Its
// elements are 48 bytes apart and each would save 8, but where the class
// stays the pass asks for more evidence than a slice: such lists were
// short.
type packed struct { // want `struct packed of 48 bytes could be 40 .*\[low: the size class stays 48\]`
	a       bool
	b, c, d int64
	e       bool
	f       int64
}

var packs []packed

type maker struct{}

func (maker) Make() *same { return &same{} }

// inner is reached from walked only through a pointer: reflect walkers
// seldom follow those, so it is reordered as any struct.
type inner struct { // want `struct inner of 24 bytes could be 16 .*; reorder the fields \[low: no evidence in the package that many values exist\]`
	a bool
	b int64
	c bool
}

type outer struct {
	in *inner
}

func walkOuter(o *outer) int { return reflect.ValueOf(o).Elem().NumField() }

// rewrite is held inline in maps, but only in the entries of a package
// table: a handful of values, written in the source.
type rewrite struct { // want `struct rewrite of 24 bytes could be 16 .*; reorder the fields \[low: no evidence in the package that many values exist\]`
	a bool
	b int64
	c bool
}

var rewrites = map[string]map[string]rewrite{
	"fmt": {
		"Print":  {a: true},
		"Sprint": {b: 1},
	},
}

// forwardData is a message that another package's Marshal writes in the
// order of its fields.
type forwardData struct { // want `struct forwardData of 48 bytes could be 40 .*; no fix: its values go through wire.Unmarshal at x.go:\d+, which may read or write the fields in declaration order`
	dest       string
	destPort   uint32
	origin     string
	originPort uint32
}

func forwarded(payload []byte) (forwardData, error) {
	var d forwardData
	err := wire.Unmarshal(payload, &d)
	return d, err
}

// connectRequest is a message that the package's own encoder walks by
// reflection, field by field in declaration order.
type connectRequest struct { // want `struct connectRequest of 24 bytes could be 16 .*; no fix: its values go through encodePacket at x.go:\d+, which may read or write the fields in declaration order`
	version int32
	timeout int64
	session int32
}

func encodePacket(buf []byte, st any) int {
	v := reflect.ValueOf(st).Elem()
	for i := range v.NumField() {
		buf = append(buf, byte(v.Field(i).Int()))
	}
	return len(buf)
}

func connect(buf []byte, timeout int64) int {
	return encodePacket(buf, &connectRequest{timeout: timeout})
}

// renderContext goes to the package's marshalInlineWithContext, a name
// of a codec, but that function converts it back to its type: it reads
// the context, it does not walk its fields.
type renderContext struct { // want `struct renderContext of 24 bytes could be 16 .*; reorder the fields \[`
	inline bool
	depth  int64
	bundle bool
}

func marshalInlineWithContext(v int64, ctx any) int64 {
	rc, ok := ctx.(*renderContext)
	if !ok || rc.inline {
		return v
	}
	return v + rc.depth
}

func render(v int64) int64 {
	return marshalInlineWithContext(v, &renderContext{depth: 1})
}

// helloMsg goes to the package's writeMessage through an interface of
// its own, which says what a message does, not that it is walked field by
// field: its order is free.
type helloMsg struct { // want `struct helloMsg of 24 bytes could be 16 .*; reorder the fields \[`
	ok   bool
	size int64
	last bool
}

type typed interface{ kind() byte }

func (helloMsg) kind() byte { return 1 }

func writeMessage(buf []byte, m typed) []byte { return append(buf, m.kind()) }

func hello(buf []byte) []byte { return writeMessage(buf, &helloMsg{}) }

// arena hands out values from pages of them, as a pool of pages does.
type arena[T any] struct {
	pages [][64]T
	n     int
}

func (a *arena[T]) next() *T {
	if a.n == 64 || len(a.pages) == 0 {
		a.pages = append(a.pages, [64]T{})
		a.n = 0
	}
	a.n++
	return &a.pages[len(a.pages)-1][a.n-1]
}

// paged's values come from an arena: the []*paged a builder keeps points
// into its pages, which says nothing of values allocated one by one.
type paged struct { // want `struct paged of 24 bytes could be 16 .*\[low: no evidence in the package that many values exist\]`
	a bool
	b int64
	c bool
}

type builder struct {
	nodes []*paged
	mem   arena[paged]
}

func (b *builder) add() { b.nodes = append(b.nodes, b.mem.next()) }

// block's values come from an arena too; the one made by itself is the
// exit block, one per graph, written into a field of the graph's literal.
type block struct { // want `struct block of 24 bytes could be 16 .*\[low: no evidence in the package that many values exist\]`
	entry bool
	id    int64
	exit  bool
}

type graph struct {
	blocks []*block
	exit   *block
	mem    arena[block]
}

func newGraph() graph { return graph{exit: &block{exit: true}} }

func (g *graph) add() { g.blocks = append(g.blocks, g.mem.next()) }

// export is only ever listed, one at a time, as a call's argument: the
// list holds the values written there.
type export struct { // want `struct export of 24 bytes could be 16 .*\[low: no evidence in the package that many values exist\]`
	ok   bool
	size int64
	last bool
}

func oneExport(size int64) int { return cap(slices.Clip([]export{{ok: true, size: size}})) }

// conn synchronizes, and a map of the client holds one per call in flight:
// the package makes it through a helper that the evidence does not follow,
// so it says what it saw and no more.
type conn struct { // want `struct conn of 32 bytes could be 24 .*\[low: few values, as far as the package shows: it synchronizes, as a long-lived client, worker or endpoint does, and is made one by one \(held by pointer in map\[int64\]\*conn at x.go:\d+\) by no method seen to make one per call\]$`
	open bool
	mu   sync.Mutex
	seq  int64
	shut bool
}

type client struct{ conns map[int64]*conn }

func newConn() *conn { return &conn{} }
