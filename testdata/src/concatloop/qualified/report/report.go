// Package report declares string types that another package builds.
package report

// Description is a report's text.
type Description string

type note string

// NewNote returns an empty note, of a type other packages cannot name.
func NewNote() note { return "" }
