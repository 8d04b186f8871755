package falseshare_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/falseshare"
)

func TestAnalyzer(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), falseshare.Analyzer,
		"falseshare/fields", "falseshare/shards", "falseshare/globals", "falseshare/quiet")
}

// TestStrict runs the pass with -falseshare.strict: the low tier is
// reported, and pairs the same goroutines write are not reported at all.
func TestStrict(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	fixture.SetFlag(t, falseshare.Analyzer, "strict", "true")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), falseshare.Analyzer, "falseshare/strict")
}
