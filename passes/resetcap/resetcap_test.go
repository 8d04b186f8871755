package resetcap_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/resetcap"
)

// The fixture's unexported functions have no callers, which the cost
// model rates low: it runs under -strict.
func TestAnalyzer(t *testing.T) {
	fixture.SetFlag(t, resetcap.Analyzer, "strict", "true")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), resetcap.Analyzer, "resetcap/basic", "resetcap/whole", "resetcap/iface")
}

// TestOldGoVersion checks that no fix calls clear in a module older than
// go1.21. It is a module of its own: in GOPATH mode, and in files that set
// a version with //go:build, the version is at least go1.21.
func TestOldGoVersion(t *testing.T) {
	fixture.SetFlag(t, resetcap.Analyzer, "strict", "true")
	dir := filepath.Join(fixture.Dir(t), "src", "resetcap", "oldgo")
	analysistest.RunWithSuggestedFixes(t, dir, resetcap.Analyzer, "./...")
}

// TestNoGoDirective checks that no fix calls clear in a dependency whose
// go.mod has no go directive (as the go.mod made up for a +incompatible
// module): the go command compiles it as go1.16, though it tells the type
// checker no version.
func TestNoGoDirective(t *testing.T) {
	fixture.SetFlag(t, resetcap.Analyzer, "strict", "true")
	dir := filepath.Join(fixture.Dir(t), "src", "nogodirective")
	analysistest.RunWithSuggestedFixes(t, dir, resetcap.Analyzer, "dep/resetcap")
}
