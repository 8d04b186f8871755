package subsliceleak_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/subsliceleak"
)

// The fixtures' functions have no callers, which the cost model rates
// low: they run under -strict.
func TestAnalyzer(t *testing.T) {
	fixture.SetFlag(t, subsliceleak.Analyzer, "strict", "true")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), subsliceleak.Analyzer,
		"subsliceleak/sources", "subsliceleak/escapes", "subsliceleak/exceptions",
		"subsliceleak/fixes/...", "subsliceleak/behaviour", "subsliceleak/helpers", "subsliceleak/reused", "subsliceleak/sharedcopy", "subsliceleak/vacated", "subsliceleak/foreign", "example.com/readers")
}

// TestOldGoVersion checks that no fix calls a Clone function newer than the
// module's Go version. It is a module of its own: in GOPATH mode, and in
// files that set a version with //go:build, the version is at least go1.21.
func TestOldGoVersion(t *testing.T) {
	fixture.SetFlag(t, subsliceleak.Analyzer, "strict", "true")
	dir := filepath.Join(fixture.Dir(t), "src", "subsliceleak", "oldgo")
	analysistest.RunWithSuggestedFixes(t, dir, subsliceleak.Analyzer, "./...")
}
