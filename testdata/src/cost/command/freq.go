// Package main is a command: its exported functions have no callers
// outside it, so they run as often as main calls them.
package main

import (
	"fmt"
	"os"
)

func main() { // want `cold: once per process \(a command's main\)`
	for _, arg := range os.Args[1:] {
		fmt.Println(Report([]string{arg}))
	}
	fmt.Println(render(&node{}))
}

// Report is exported, but only main calls it: once per argument, not once
// per process.
func Report(lines []string) string { // want `cold: called from a command's main \(once per process\), through main`
	return indent(lines)
}

func indent(lines []string) string { // want `cold: called from a command's main \(once per process\), through main, through Report`
	s := ""
	for _, l := range lines {
		s += "  " + l
	}
	return s
}

type printer struct{}

// String may be called by fmt, through an interface of another package.
func (printer) String() string { return "" } // want `cold: a description for people \(String\)`

// Serve may be called through an interface of another package.
func (printer) Serve() {} // want `unknown: `

type node struct{ kids []*node }

// A recursive walk runs as often as the calls from outside it.
func render(n *node) string { // want `cold: called from a command's main \(once per process\), through main`
	s := "("
	for _, k := range n.kids {
		s += render(k)
	}
	return s + ")"
}

// Called only by itself: no production callers.
func orphan(n *node) int { // want `cold: no production callers`
	total := 1
	for _, k := range n.kids {
		total += orphan(k)
	}
	return total
}
