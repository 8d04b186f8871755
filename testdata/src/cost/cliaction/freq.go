// Package cliaction holds the actions of a command line's commands, which
// its framework runs once per command run.
package cliaction

import (
	"flag"
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

// A command of a tool without a framework: its name, its run function and
// its flags.
type command struct {
	name string
	run  func(c *command, args []string)
	flag flag.FlagSet
}

var commands = []*command{{name: "stats", run: stats}}

// stats is the run function of the stats command: once per run.
func stats(c *command, args []string) { // want `cold: a command-line action \(\*command, a command with its flags\): once per command run`
	_ = strings.Join(args, c.name)
}

// A server keeps its flags too, but its handler is not a command.
type server struct {
	flags *flag.FlagSet
	names []string
}

// Handle runs per request.
func (s *server) Handle(req string) string { // want `unknown: `
	return strings.Join(append(s.names, req), ",")
}
