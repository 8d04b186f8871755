package resetcap_test

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"
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
	var cases []string
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "resetcap", "basic"), func(f *ast.File) []byte {
		cases = fixture.ExportedFuncs(f, "Case")
		var main strings.Builder
		main.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"equiv/fixed\"\n\t\"equiv/orig\"\n)\n\nfunc main() {\n\tdiffer := false\n")
		for _, c := range cases {
			fmt.Fprintf(&main, "\tif o, f := orig.%[1]s(), fixed.%[1]s(); o != f {\n\t\tfmt.Printf(\"%[1]s: original %%q, fixed %%q\\n\", o, f)\n\t\tdiffer = true\n\t}\n", c)
		}
		main.WriteString("\tif differ {\n\t\tos.Exit(1)\n\t}\n\tfmt.Println(\"same results\")\n}\n")
		return []byte(main.String())
	})
	if len(cases) < 3 || !strings.Contains(out, "same results") {
		t.Errorf("compared %d cases, want 3; output:\n%s", len(cases), out)
	}
}
