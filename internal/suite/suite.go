// Package suite lists memlint's passes, in the order their names are
// documented, for every driver (the memlint command, the golangci-lint
// plugin, the language server) to run the same set.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/passes/concatloop"
	"github.com/memlint/memlint/passes/falseshare"
	"github.com/memlint/memlint/passes/fieldalign"
	"github.com/memlint/memlint/passes/growhint"
	"github.com/memlint/memlint/passes/poolreset"
	"github.com/memlint/memlint/passes/prealloc"
	"github.com/memlint/memlint/passes/resetcap"
	"github.com/memlint/memlint/passes/subsliceleak"
)

// Analyzers are memlint's passes.
var Analyzers = []*analysis.Analyzer{
	fieldalign.Analyzer,
	concatloop.Analyzer,
	prealloc.Analyzer,
	subsliceleak.Analyzer,
	poolreset.Analyzer,
	resetcap.Analyzer,
	growhint.Analyzer,
	falseshare.Analyzer,
}
