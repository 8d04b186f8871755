// Command memlint finds memory anti-patterns in Go code and fixes them.
//
// Usage:
//
//	memlint [flags] packages
//	go vet -vettool=$(command -v memlint) packages
//	memlint lsp [-strict] [-include-tests] [-profile files]   # a language server for editors, on stdio
//	memlint gopls [-strict] [-include-tests] [-profile files] [-gopls PATH] [gopls's arguments]   # gopls with memlint's findings added
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
		os.Exit(lsp.Main(serverFlags(os.Args[2:]), suite.Analyzers))
	}
	if len(os.Args) > 1 && os.Args[1] == "gopls" {
		fs := flag.NewFlagSet("memlint gopls", flag.ExitOnError)
		suite.SharedFlags(fs, suite.Analyzers)
		os.Exit(lsp.GoplsMain(os.Args[2:], fs, suite.Analyzers))
	}
	suite.SharedFlags(flag.CommandLine, suite.Analyzers)
	if gate.Requested(os.Args[1:]) { // -sarif, -format, -new-from-rev, -new-from-patch
		os.Exit(gate.Main(suite.Analyzers))
	}
	multichecker.Main(suite.Analyzers...)
}

// serverFlags applies the settings shared by every pass (-strict,
// -include-tests, -profile, -profile.min) given after "memlint lsp" and
// returns the other arguments.
func serverFlags(args []string) []string {
	fs := flag.NewFlagSet("memlint lsp", flag.ExitOnError)
	suite.SharedFlags(fs, suite.Analyzers)
	fs.Parse(args)
	return fs.Args()
}
