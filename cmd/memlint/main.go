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
	"strings"

	"golang.org/x/tools/go/analysis"
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
	if !isVetUnit(os.Args[1:]) {
		skipTestVariants(suite.Analyzers)
	}
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

// isVetUnit reports whether the command runs as go vet's or go fix's tool,
// on one package unit described by a .cfg file, as multichecker does.
func isVetUnit(args []string) bool {
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// skipTestVariants turns off the test-variants flag of every pass: loading
// with tests (-test, the default), the command analyzes each package both
// as p and as its test variant p [p.test], whose files other than the
// _test.go ones give the same findings. Under go vet the variant is the
// only unit a package has, so there the flag keeps its default.
func skipTestVariants(analyzers []*analysis.Analyzer) {
	for _, a := range analyzers {
		if f := a.Flags.Lookup("test-variants"); f != nil {
			f.Value.Set("false")
			f.DefValue = "false"
		}
	}
}
