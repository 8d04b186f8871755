package subsliceleak_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// TestFixesKeepBehaviour runs the Case functions of the behaviour fixture
// before and after the fixes (x.go and x.go.golden, which TestAnalyzer
// checks are what the fixes produce) and compares what they return, nil-ness
// included.
func TestFixesKeepBehaviour(t *testing.T) {
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "behaviour"), 5)
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "sharedcopy"), 2)
}

// TestReusedFixKeepsLines runs Lines of the reused fixture before and
// after its fix on an input long enough that the scanner moves its
// buffer's contents: the original's kept lines change, the fixed ones
// are the input's lines.
func TestReusedFixKeepsLines(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	const main = `package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"equiv/fixed"
	"equiv/orig"
)

func main() {
	var want []string
	for i := range 5000 {
		want = append(want, fmt.Sprintf("line %d %s", i, strings.Repeat("x", i%50)))
	}
	input := strings.Join(want, "\n")
	same := func(got [][]byte) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if !bytes.Equal(got[i], []byte(want[i])) {
				return false
			}
		}
		return true
	}
	if same(orig.Lines(strings.NewReader(input))) {
		fmt.Println("the original kept every line intact: the fixture does not show the bug")
		os.Exit(1)
	}
	if !same(fixed.Lines(strings.NewReader(input))) {
		fmt.Println("the fixed code does not keep the input's lines")
		os.Exit(1)
	}
	fmt.Println("fixed")
}
`
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "reused"), func(*ast.File) []byte { return []byte(main) })
	if !strings.Contains(out, "fixed") {
		t.Errorf("output:\n%s", out)
	}
}
