package subsliceleak_test

import (
	"path/filepath"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// TestFixesKeepBehaviour runs the Case functions of the behaviour fixture
// before and after the fixes (x.go and x.go.golden, which TestAnalyzer
// checks are what the fixes produce) and compares what they return, nil-ness
// included.
func TestFixesKeepBehaviour(t *testing.T) {
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "behaviour"), 5)
}
