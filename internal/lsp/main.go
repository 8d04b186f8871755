package lsp

import (
	"context"
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/suite"
)

// Main serves the editor on standard input and output, runs the analyzers,
// and returns the exit code; args are the command-line arguments after
// "lsp": the settings every pass has (-strict, -include-tests, -profile,
// -profile.min), as the memlint command takes them.
func Main(args []string, analyzers []*analysis.Analyzer) int {
	fs := flag.NewFlagSet("memlint lsp", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: memlint lsp [flags]\n\nServes the Language Server Protocol on standard input and output, for editors.")
		fs.PrintDefaults()
	}
	suite.SharedFlags(fs, analyzers)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if fs.NArg() > 0 {
			fs.Usage()
		}
		return 2
	}
	if err := Serve(context.Background(), stdio{}, analyzers); err != nil {
		fmt.Fprintf(os.Stderr, "memlint lsp: %v\n", err)
		return 1
	}
	return 0
}

// stdio is the connection to the editor that started the server.
type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return os.Stdin.Close() }
