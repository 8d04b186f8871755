package resetcap_test

import (
	"path/filepath"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// TestFixesKeepBehaviour runs the Case functions of the fixture before
// and after the fixes and compares their results: keeping the memory must
// not change what the program computes.
func TestFixesKeepBehaviour(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "resetcap", "basic"), 3)
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "resetcap", "whole"), 4)
}
