package main_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoTool follows the README's "go tool" route from a clone: a module
// that requires memlint through a replace of this checkout adds it as a
// tool (Go 1.24+) and runs it with "go tool memlint".
func TestGoTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds memlint inside a scratch module")
	}
	checkout, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := module(t)
	for _, args := range [][]string{
		{"mod", "edit", "-require=github.com/memlint/memlint@v0.0.0", "-replace=github.com/memlint/memlint=" + checkout},
		{"mod", "edit", "-tool=github.com/memlint/memlint/cmd/memlint"},
		{"mod", "tidy"},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	out, code := run(t, dir, "go", "tool", "memlint", "./...")
	if code != 3 || !strings.Contains(out, finding) {
		t.Errorf("go tool memlint ./...: exit %d, output:\n%s\nwant exit 3 and %q", code, out, finding)
	}
}
