// Package basic holds structs that are stored in numbers, so that their
// padding costs memory per value.
package basic

// Span is stored in a slice: reorder it.
type Span struct { // want `struct Span of 32 bytes could be 24 \(saves 8 bytes per value; size class 32 -> 24 when allocated alone\); reorder the fields \[high: many values: \[\]Span at x.go:\d+\]`
	// open tells whether the span is open.
	open  bool
	start int64 // first byte
	done  bool  // line comment stays
	end   int64
}

var spans []Span

// grouped keeps "a, b" together, and its embedded field.
type grouped struct { // want `struct grouped of 40 bytes could be 32`
	a, b bool
	Inner
	c int64
	e bool
}

type Inner struct {
	x int64
	y int32
}

var byName map[string]grouped

// Key is a map key.
type Key struct { // want `struct Key of 24 bytes could be 16 .*\[high: many values: map\[Key\]int at`
	a bool
	b int64
	c bool
}

var counts map[Key]int

// Event travels through a channel by value: copied into the channel's
// buffer, made once, and out of it. No value on the heap: not reported.
type Event struct {
	kind byte
	at   int64
	ok   bool
}

func run(ch chan Event) {}

// Msg travels through a channel by pointer: each one is allocated.
type Msg struct { // want `struct Msg of 24 bytes could be 16 .*\[high: allocated one by one: held by pointer in <-chan \*Msg at`
	kind byte
	at   int64
	ok   bool
}

func receive(ch <-chan *Msg) {}

// Cell is held in a long array.
type Cell struct { // want `struct Cell of 24 bytes could be 16 .*\[high: many values: \[64\]Cell at`
	a bool
	b float64
	c bool
}

var board [64]Cell

// Pair is held in a short array only: a bounded table, not reported.
type Pair struct {
	a bool
	b float64
	c bool
}

var pairs [4]Pair

// Level is held in an array of 32, one per level: a bounded table, not
// reported.
type Level struct {
	a bool
	b float64
	c bool
}

var levels [32]Level

// Part is a field of Whole, which is stored in a slice: Part is as many.
type Part struct { // want `struct Part of 24 bytes could be 16 .*\[high: many values: field p of Whole, which is held in \[\]Whole at`
	a bool
	b uint64
	c bool
}

type Whole struct {
	p Part
	n int
}

func wholes(n int) []Whole { return make([]Whole, n) }

// Config is a singleton: never reported.
type Config struct {
	verbose bool
	limit   int64
	debug   bool
}

var config Config

// Tidy is already optimal.
type Tidy struct {
	b int64
	a bool
	c bool
}

var tidies []Tidy

// Tail has a trailing zero-sized field, which gets padded.
type Tail struct { // want `struct Tail of 16 bytes could be 8`
	n   int64
	end struct{}
}

var tails []Tail

func local() {
	// Row is declared in a function.
	type Row struct { // want `struct Row of 24 bytes could be 16`
		a bool
		b int64
		c bool
	}
	rows := make([]Row, 10)
	_ = rows
}

// Nested has a multi-line field.
type Nested struct { // want `struct Nested of 32 bytes could be 24`
	flag bool
	meta struct {
		n int64
		m int64
	}
	done bool
}

var nested []*Nested // allocated one by one; 32 -> 24 is a smaller size class

// Point is public API: an exported struct with exported fields, whose
// order is documentation and may be used by positional literals elsewhere.
type Point struct {
	Valid bool
	X     float64
	Y     float32
}

func Points() []Point { return nil }

// Small saves a quarter of its size class, 64 -> 48, but a slice holds its
// values inline, 56 bytes apart: each element saves 8 bytes, less than a
// fifth.
type Small struct { // want `struct Small of 56 bytes could be 48 \(saves 8 bytes per value; size class 64 -> 48 when allocated alone\); reorder the fields \[medium: many values: \[\]Small at x.go:\d+\]`
	a    bool
	b    int64
	c    bool
	d, e int64
	f    string
}

var smalls []Small

// columnMetrics are the statistics of one column of one file: a record
// held by the thousand, though a service's metrics end their name alike.
type columnMetrics struct { // want `struct columnMetrics of 24 bytes could be 16 .*\[high: many values: \[\]columnMetrics at x.go:\d+\]`
	nulls bool
	count int64
	nans  bool
}

var columns []columnMetrics

// A sheet's views: the literal writes out one, the field's slice holds
// them by the sheet; the evidence cited is the field's.
var defaultViews = []view{{id: 1}}

type view struct { // want `struct view of 24 bytes could be 16 .*\[high: many values: \[\]view at x.go:193\]$`
	active bool
	id     int64
	shown  bool
}

type sheet struct{ views []view }

// A type's fields sorted by name: the declared slice type holds no values;
// the evidence cited is the slice the function fills.
type fieldsByName []field

func (x fieldsByName) Len() int           { return len(x) }
func (x fieldsByName) Less(i, j int) bool { return x[i].name < x[j].name }
func (x fieldsByName) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type field struct { // want `struct field of 40 bytes could be 32 .*\[high: many values: \[\]field at x.go:210\]$`
	tagged bool
	index  int64
	name   string
	quoted bool
}

func typeFields(names []string) []field {
	var fields []field
	for i, n := range names {
		fields = append(fields, field{name: n, index: int64(i)})
	}
	return fields
}
