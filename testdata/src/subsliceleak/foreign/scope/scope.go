// Package scope declares a type whose slice another package edits.
package scope

type Var struct{ Name string }

type Scope struct{ Vars []*Var }
