package subsliceleak_test

import (
	"fmt"
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
	var cases []string
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "behaviour"), func(f *ast.File) []byte {
		cases = fixture.ExportedFuncs(f, "Case")
		var main strings.Builder
		main.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"equiv/fixed\"\n\t\"equiv/orig\"\n)\n\nfunc main() {\n\tdiffer := false\n")
		for _, c := range cases {
			fmt.Fprintf(&main, "\tif o, f := fmt.Sprintf(\"%%#v\", orig.%[1]s()), fmt.Sprintf(\"%%#v\", fixed.%[1]s()); o != f {\n\t\tfmt.Printf(\"%[1]s: original %%s, fixed %%s\\n\", o, f)\n\t\tdiffer = true\n\t}\n", c)
		}
		main.WriteString("\tif differ {\n\t\tos.Exit(1)\n\t}\n\tfmt.Println(\"same results\")\n}\n")
		return []byte(main.String())
	})
	if len(cases) < 5 || !strings.Contains(out, "same results") {
		t.Errorf("compared %d cases, want at least 5; output:\n%s", len(cases), out)
	}
}
