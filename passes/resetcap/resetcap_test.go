package resetcap_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/resetcap"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), resetcap.Analyzer, "resetcap/basic")
}
