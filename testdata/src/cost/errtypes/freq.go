// Package errtypes holds methods of error types that describe the error.
package errtypes

import "strings"

// ParamError says which parameter of a request failed validation.
type ParamError struct {
	context []string
	field   string
}

func (e *ParamError) Error() string { return "invalid parameter: " + e.Path() } // want `cold: a description for people \(Error\)`

// Path is the failing field's path, read when the error is reported.
func (e *ParamError) Path() string { // want `cold: describes an error \(ParamError.Path\)`
	return strings.Join(append(e.context, e.field), ".")
}

// Fields takes an argument: not a description of the error itself.
func (e *ParamError) Fields(sep string) string { // want `unknown: `
	return strings.Join(e.context, sep)
}

// Request is not an error: its string methods run as often as it is used.
type Request struct{ path []string }

func (r *Request) Path() string { return strings.Join(r.path, "/") } // want `unknown: `
