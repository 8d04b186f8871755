// Package toolcmds holds a command line's table of commands, whose
// actions are function literals its framework calls once per run.
package toolcmds

import (
	"cli"
	"io"
	"os"
	"strings"
)

var commands = []cli.Command{{
	Name: "ls",
	Action: func(c *cli.Context) error {
		items := inventory(os.Stdin)
		var out []string // want `out can be preallocated .*\[low: a command-line action \(\*cli.Context\): once per command run\]$`
		for _, name := range items {
			out = append(out, strings.ToUpper(name))
		}
		return show(out)
	},
}}

func show(lines []string) error { return nil }

func inventory(r io.Reader) []string {
	b, _ := io.ReadAll(r)
	return strings.Split(string(b), "\n")
}

// Handlers is a table of functions that anyone may call, as often as
// they like.
var Handlers = []func(names []string) []string{
	func(names []string) []string {
		var out []string // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
		for _, name := range names {
			out = append(out, strings.ToUpper(name))
		}
		return out
	},
}
