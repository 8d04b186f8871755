// Package codegen is the module's code generator.
package codegen

// Field is a field of a type the generator writes.
type Field struct{ Name string }
