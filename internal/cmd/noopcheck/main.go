// Command noopcheck is memlint's driver with an analyzer that does nothing:
// its time and memory are the floor (loading and type-checking) against
// which make bench measures memlint's passes.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { multichecker.Main(noop) }
