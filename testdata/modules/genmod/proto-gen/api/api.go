// Package api holds what protoc wrote, under a proto-gen directory: a
// directory ending in -gen outside cmd/ is a generator's output.
package api

// Span is a generated message.
type Span struct{ Name string }
