// Package comments has comments that belong to no field: reported without
// a fix.
package comments

import "sync"

// Grouped has a section comment.
type Grouped struct { // want `struct Grouped of 24 bytes could be 16 .*no fix: the field list has comments that belong to no field`
	a bool

	// Section two.

	b int64
	c bool
}

var all []Grouped

// Inline is declared on one line.
type Inline struct{ a bool; b int64; c bool } // want `struct Inline of 24 bytes could be 16`

var inlines []Inline

// Brace has its closing brace on the line of its last field; the field
// with a line comment moves last, so the brace gets a line of its own.
type Brace struct { // want `struct Brace of 32 bytes could be 24`
	a bool
	b int64
	c bool // c's comment
	d int64 }

var braces []Brace

// Locked groups the fields its mutex guards after it, as its comment
// says: a reorder would move them away from the lock.
type Locked struct { // want `struct Locked of 32 bytes could be 24 .*no fix: the comment of mu says it guards the fields that follow it, which a reorder would move away`
	open bool
	mu   sync.Mutex // mu protects the following fields
	n    int64
	done bool
}

var locked []Locked

// Session's mutex guards the fields after it too, but the saving lies
// in the fields before it: the fix reorders those and keeps the lock and
// what follows it last.
type Session struct { // want `struct Session of 56 bytes could be 48 .*; reorder the fields`
	quiet bool
	id    int64
	auth  bool
	mu    sync.Mutex // protects the following
	peers []string
}

var sessions []Session

// Observed keeps its mutex with the count it guards, as the comment over
// both says: the fix moves the other fields around the group.
type Observed struct { // want `struct Observed of 32 bytes could be 24 .*; reorder the fields`
	open bool

	// The number of observers, and the mutex that protects it.
	mu sync.Mutex
	n  int64

	done bool
}

// Watched's guarded group cannot stay whole in a smallest order: the
// group's own order wastes space.
type Watched struct { // want `struct Watched of 32 bytes could be 24 .*no fix: the comment over mu and the fields next to it says the lock guards them, and the smallest order would split the group`
	open bool

	// The watchers, and the mutex that protects them.
	active bool
	n      int64
	idle   bool
	mu     sync.Mutex

	done bool
}

var watched []Watched

// Bound's group stays whole when the fields after it fill its padding,
// though its pointers then end later: without -fieldalign.scan, pointer
// bytes are no reason to refuse the order.
type Bound struct { // want `struct Bound of 40 bytes could be 32 .*; reorder the fields`
	// mu protects the connection and its state.
	mu    sync.Mutex
	conn  *int
	ready bool

	pool  *int
	black bool
}

var bound []Bound

var observed []Observed

// Sectioned heads a group of its fields with a comment: a reorder would
// scatter the section.
type Sectioned struct { // want `struct Sectioned of 32 bytes could be 24 .*no fix: a comment heads a group of fields \("Write fields"\), which a reorder would scatter`
	open bool

	// Write fields
	w bool
	n int64

	done bool
	m    int64
}

var sectioned []Sectioned

// Tallied heads a section with a comment too, but the smallest order
// moves the section whole, as the group that still ends the struct: the
// fix reorders the others.
type Tallied struct { // want `struct Tallied of 24 bytes could be 16 .*; reorder the fields`
	open bool
	n    int64

	// Flag fields
	sent bool
	recv bool
}

// Counted's section would be followed by a field that joins it: no fix.
type Counted struct { // want `struct Counted of 32 bytes could be 24 .*no fix: a comment heads a group of fields \("Count fields"\), which a reorder would scatter`
	open bool

	// Count fields
	sent int64
	recv int64

	done bool
}

var counted []Counted

var tallied []Tallied

// Limits has a field whose comment mentions guarding what follows, but it
// is no lock: the fields are reordered.
type Limits struct { // want `struct Limits of 24 bytes could be 16 \(saves 8 bytes per value; size class 24 -> 16 when allocated alone\); reorder the fields`
	on  bool
	max int64 // a guard against the following burst, not a lock
	off bool
}

var limits []Limits

// Nested documents the fields of its nested struct: those comments move
// with the field that holds them, and the fields are reordered.
type Nested struct { // want `struct Nested of 32 bytes could be 24 \(saves 8 bytes per value; size class 32 -> 24 when allocated alone\); reorder the fields`
	on    bool
	state struct {
		sync.Mutex
		// count of samples taken
		count int64
	}
	off bool
}

var nested []Nested
