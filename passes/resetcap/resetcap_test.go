package resetcap_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/resetcap"
)

// The fixture's unexported functions have no callers, which the cost
// model rates low: it runs under -strict.
func TestAnalyzer(t *testing.T) {
	fixture.SetFlag(t, resetcap.Analyzer, "strict", "true")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), resetcap.Analyzer, "resetcap/basic", "resetcap/whole")
}
