// Package cliaction holds the actions of a command line's commands, which
// its framework runs once per command run.
package cliaction

import (
	"kingpin"
	"strings"
)

type listCmd struct{ servers []string }

// list is the action of a list command: once per run of the command.
func (c *listCmd) list(_ *kingpin.ParseContext) error { // want `cold: a command-line action \(\*kingpin.ParseContext\): once per command run`
	_ = c.render()
	return nil
}

// render is only called from the action: during a command run, as often
// as the action calls it.
func (c *listCmd) render() string { // want `cold: a command-line action \(\*kingpin.ParseContext\): during a command run, through list`
	return strings.Join(c.servers, "\n")
}

// Render is exported: other packages may call it per request.
func Render(lines []string) string { // want `unknown: `
	return strings.Join(lines, "\n")
}
