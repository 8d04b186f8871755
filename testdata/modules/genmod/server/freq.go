// Package server serves the generated types: importing them does not make
// it part of a generator.
package server

import (
	"example.com/genmod/gen/api"
	spans "example.com/genmod/proto-gen/api"
)

// Names lists the items of a request.
func Names(items []api.Item) []string { // want `unknown`
	var names []string
	for _, it := range items {
		names = append(names, it.Name)
	}
	return names
}

// SpanNames lists the spans of a trace.
func SpanNames(trace []spans.Span) []string { // want `unknown`
	var names []string
	for _, s := range trace {
		names = append(names, s.Name)
	}
	return names
}
