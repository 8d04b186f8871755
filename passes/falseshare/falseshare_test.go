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
