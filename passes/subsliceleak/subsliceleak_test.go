package subsliceleak_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/passes/subsliceleak"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), subsliceleak.Analyzer,
		"subsliceleak/sources", "subsliceleak/escapes", "subsliceleak/exceptions",
		"subsliceleak/fixes/...", "subsliceleak/behaviour")
}

// TestOldGoVersion checks that no fix calls a Clone function newer than the
// module's Go version. It is a module of its own: in GOPATH mode, and in
// files that set a version with //go:build, the version is at least go1.21.
func TestOldGoVersion(t *testing.T) {
	dir := filepath.Join(testdata(t), "src", "subsliceleak", "oldgo")
	analysistest.RunWithSuggestedFixes(t, dir, subsliceleak.Analyzer, "./...")
}
