// Package generics has generic structs: those whose size depends on a type
// parameter are skipped; the others are measured like any struct.
package generics

import "sync/atomic"

// Box holds a T by value: its size depends on T.
type Box[T any] struct {
	ok  bool
	val T
	end bool
}

var boxes []Box[int64]

// Node refers to T only through pointers: its size is fixed.
type Node[T any] struct { // want `struct Node of 24 bytes could be 16 .*\[high: many values: \[\]Node\[int\] at`
	ok   bool
	next *Node[T]
	end  bool
}

var nodes []Node[int]

// Holder holds an instance of Box: its size depends on P.
type Holder[P any] struct {
	a bool
	b Box[P]
	c bool
}

var holders []Holder[string]

// List refers to itself through a type argument (a pointer): measured
// without looping.
type List struct { // want `struct List of 24 bytes could be 16`
	ok   bool
	next atomic.Pointer[List]
	end  bool
}

var lists []List
