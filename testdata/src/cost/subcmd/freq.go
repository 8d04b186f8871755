// Package subcmd is the code of one command of a command line: it
// declares the command, which the root command adds.
package subcmd

import (
	"cobra"
	"net/http"
	"strings"
)

var Cmd = &cobra.Command{
	Use: "ls",
	Run: func(_ *cobra.Command, args []string) {
		_ = show(args)
	},
}

// show is called from the command's Run, a literal in a package
// variable: once per run of the command.
func show(names []string) string { // want `cold: a command's code \(Cmd is a \*cobra.Command\): once per command run`
	go watch(names)
	return strings.Join(names, "\n")
}

// Show is exported: still the command's code.
func Show(names []string) string { // want `cold: a command's code \(Cmd is a \*cobra.Command\): once per command run`
	return show(names)
}

// watch runs in a goroutine the command starts: as long and as often as
// it likes.
func watch(names []string) { // want `unknown: `
	for range names {
	}
}

type page struct{ rows []string }

// ServeHTTP keeps its role: a command may serve.
func (p page) ServeHTTP(w http.ResponseWriter, _ *http.Request) { // want `hot: per request \(ServeHTTP\)`
	w.Write([]byte(p.render()))
}

// render runs as often as its caller.
func (p page) render() string { // want `hot: per request \(ServeHTTP\), through ServeHTTP`
	return strings.Join(p.rows, "\n")
}
