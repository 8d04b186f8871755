package subcmd

import (
	"cobra"
	"strings"
	"testing"
)

// runTests is the code of the command's test subcommand, in a file named
// for it, which imports testing for its flags: a command's code, not test
// support.
func runTests(names []string) string { // want `cold: a command's code \(Cmd is a \*cobra.Command\): once per command run`
	if testing.Verbose() {
		return strings.Join(names, ",")
	}
	return ""
}

var TestCmd = &cobra.Command{
	Use: "test",
	Run: func(_ *cobra.Command, args []string) {
		_ = runTests(args)
	},
}
