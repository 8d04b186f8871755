package subsliceleak_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
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
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := filepath.Join(fixture.Dir(t), "src", "subsliceleak", "behaviour")
	orig := run(t, goCmd, filepath.Join(dir, "x.go"))
	fixed := run(t, goCmd, filepath.Join(dir, "x.go.golden"))
	if orig != fixed {
		t.Errorf("fixed code behaves differently\noriginal:\n%s\nfixed:\n%s", orig, fixed)
	}
	if strings.Count(orig, "\n") < 5 {
		t.Errorf("too few cases ran:\n%s", orig)
	}
}

// run builds src as a main package that prints the result of every Case
// function, runs it, and returns its output.
func run(t *testing.T, goCmd, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), src, data, 0)
	if err != nil {
		t.Fatal(err)
	}
	var main strings.Builder
	main.WriteString("package main\n\nimport \"fmt\"\n\nfunc main() {\n")
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && strings.HasPrefix(fd.Name.Name, "Case") {
			fmt.Fprintf(&main, "\tfmt.Printf(\"%s %%#v\\n\", %s())\n", fd.Name.Name, fd.Name.Name)
		}
	}
	main.WriteString("}\n")

	dir := t.TempDir()
	code := strings.Replace(string(data), "package "+f.Name.Name, "package main", 1)
	files := map[string]string{
		"go.mod":  "module behaviour\n\ngo 1.26\n",
		"x.go":    code,
		"main.go": main.String(),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run %s: %v\n%s", src, err, out)
	}
	return string(out)
}
