// Package imagecmd is one command of a command line, declared as a value
// the way urfave/cli's first version declares them.
package imagecmd

import (
	"cli"
	"strings"
)

var Command = cli.Command{
	Name: "images",
	Action: func(c *cli.Context) error {
		_ = upper(c.Args())
		return nil
	},
}

// upper runs once per run of the command.
func upper(names []string) []string {
	var out []string // want `out can be preallocated .*\[low: a command's code \(Command is a cli.Command\): once per command run\]$`
	for _, name := range names {
		out = append(out, strings.ToUpper(name))
	}
	return out
}
