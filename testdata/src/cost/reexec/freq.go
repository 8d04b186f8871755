// Package reexec starts the program again with its own arguments: that
// does not make it a command-line parser.
package reexec

import (
	"os"
	"os/exec"
)

func Restart() error { // want `unknown: `
	return exec.Command(os.Args[0], os.Args[1:]...).Start()
}

// Serve runs per connection, as far as the package shows: unknown.
func Serve(conns []string) int { // want `unknown: `
	return len(conns)
}
