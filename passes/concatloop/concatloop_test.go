package concatloop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/concatloop"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), concatloop.Analyzer,
		"concatloop/fixes", "concatloop/nofix", "concatloop/quiet", "concatloop/addimport",
		"concatloop/noimports", "concatloop/aliasimport", "concatloop/harnesstest", "concatloop/compare", "concatloop/qualified")
}

// TestNonLocal checks that fields and package variables are reported, never
// fixed, under -nonlocal (the quiet fixture's field is checked silent by
// TestAnalyzer).
func TestNonLocal(t *testing.T) {
	if err := concatloop.Analyzer.Flags.Set("nonlocal", "true"); err != nil {
		t.Fatal(err)
	}
	defer concatloop.Analyzer.Flags.Set("nonlocal", "false")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), concatloop.Analyzer, "concatloop/nonlocal")
}

// TestStrict checks each finding's tier and evidence, the low tier
// included.
func TestStrict(t *testing.T) {
	if err := concatloop.Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer concatloop.Analyzer.Flags.Set("strict", "false")
	analysistest.Run(t, fixture.Dir(t), concatloop.Analyzer, "concatloop/tiers", "concatloop/command", "concatloop/catalog")
}
