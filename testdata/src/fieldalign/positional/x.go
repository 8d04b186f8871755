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

// Action has a generated check that a copy written elsewhere is up to
// date: a conversion from a struct type listing its fields in this order.
type Action struct { // want `struct Action of 24 bytes could be 16 .*no fix: it is converted to or from a struct type whose fields are written out separately, at x.go:\d+, which a reorder would break`
	accept bool
	ttl    int64
	reject bool
}

var actions []*Action

var _ = Action(struct {
	accept bool
	ttl    int64
	reject bool
}{})

// Alias is declared as Keyed2 and converted to it: one field list, which
// the fix reorders for both.
type Keyed2 struct { // want `struct Keyed2 of 24 bytes could be 16 .*; reorder the fields`
	ok   bool
	n    int64
	more bool
}

type Alias Keyed2

var keyed2 []Keyed2

func toAlias(k *Keyed2) *Alias { return (*Alias)(k) }

// Printed is shown by a test, which checks the text.
type Printed struct { // want `struct Printed of 24 bytes could be 16 .*no fix: a test prints its values with fmt.Sprint at x_test.go:\d+, whose output follows the f.eld order`
	ok   bool
	n    int64
	more bool
}

var printed []Printed

// Named prints itself with its String method: the fix applies.
type Named struct { // want `struct Named of 24 bytes could be 16 .*; reorder the fields`
	ok   bool
	n    int64
	more bool
}

func (n Named) String() string { return "named" }

var named []Named
