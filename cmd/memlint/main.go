// Command memlint finds memory anti-patterns in Go code and fixes them.
//
// Usage:
//
//	memlint [flags] packages
//	go vet -vettool=$(command -v memlint) packages
//	memlint lsp   # a language server for editors, on stdio
//
// Run "memlint help" for the list of passes and their flags.
package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/memlint/memlint/internal/gate"
	"github.com/memlint/memlint/internal/lsp"
	"github.com/memlint/memlint/internal/suite"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		os.Exit(lsp.Main(os.Args[2:], suite.Analyzers))
	}
	suite.SharedFlags(flag.CommandLine, suite.Analyzers)
	if gate.Requested(os.Args[1:]) { // -sarif, -format, -new-from-rev, -new-from-patch
		os.Exit(gate.Main(suite.Analyzers))
	}
	multichecker.Main(suite.Analyzers...)
}
