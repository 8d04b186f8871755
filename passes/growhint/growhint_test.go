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

// TestStrict checks that cold paths are reported, as the low tier, under
// -strict (the quiet fixture checks them silent by default).
func TestStrict(t *testing.T) {
	if err := growhint.Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer growhint.Analyzer.Flags.Set("strict", "false")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), growhint.Analyzer, "growhint/strict")
}
