// Package positional builds types with positional literals, which a reorder
// would break: reported without a fix.
package positional

// Entry is built positionally in a table.
type Entry struct { // want `struct Entry of 24 bytes could be 16 \(saves 8 bytes per value; size class 24 -> 16 when allocated alone\); no fix: positional literals at x.go:\d+ would break \[high: many values: \[\]Entry at x.go:\d+\]`
	ok   bool
	n    int64
	more bool
}

var entries []Entry // many values besides the table's

var table = []Entry{
	{true, 1, false},
	{false, 2, true},
}

// Elsewhere is built positionally only in a test file of the package.
type Elsewhere struct { // want `struct Elsewhere of 24 bytes could be 16 .*no fix: positional literals at x_test.go:\d+ would break`
	ok   bool
	n    int64
	more bool
}

var elsewhere []Elsewhere

// Keyed is built with keyed literals only: fixed.
type Keyed struct { // want `struct Keyed of 24 bytes could be 16 .*; reorder the fields`
	ok   bool
	n    int64
	more bool
}

var keyedMore []Keyed

var keyed = []Keyed{{ok: true, n: 1}, {}}

// Pointed is built positionally as the elided element of a []*Pointed.
type Pointed struct { // want `struct Pointed of 24 bytes could be 16 .*no fix: positional literals at x.go:\d+ would break`
	ok   bool
	n    int64
	more bool
}

var pointedMore []*Pointed

var pointed = []*Pointed{{true, 1, false}}
