package growhint_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/growhint"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), growhint.Analyzer, "growhint/flagged", "growhint/quiet")
}
