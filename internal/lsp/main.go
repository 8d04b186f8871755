package lsp

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"
)

// Main serves the editor on standard input and output, runs the analyzers,
// and returns the exit code; args are the command-line arguments after
// "lsp", of which there must be none.
func Main(args []string, analyzers []*analysis.Analyzer) int {
	if len(args) > 0 {
		fmt.Fprintln(os.Stderr, "usage: memlint lsp\n\nServes the Language Server Protocol on standard input and output, for editors.")
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
