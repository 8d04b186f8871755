package lsp

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestAdapt checks that a pass run by the server reads the editor's
// buffers rather than the disk, and that its panics become errors.
func TestAdapt(t *testing.T) {
	const name, buffer = "/src/m.go", "package m // unsaved\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, buffer, 0)
	if err != nil {
		t.Fatal(err)
	}
	newPass := func() *analysis.Pass {
		return &analysis.Pass{Fset: fset, Files: []*ast.File{f}, ReadFile: func(string) ([]byte, error) {
			return nil, os.ErrNotExist // the checker's: the disk
		}}
	}
	reader := &analysis.Analyzer{
		Name:       "reader",
		ResultType: reflect.TypeFor[string](),
		Run: func(pass *analysis.Pass) (any, error) {
			text, err := pass.ReadFile(name)
			if _, err := pass.ReadFile("/src/other.go"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a file the editor has not open is not read from the disk: %v", err)
			}
			return string(text), err
		},
	}
	overlay := map[string][]byte{name: []byte(buffer), "/src/other.go": []byte("package other\n")}
	if got, err := adapt(reader, overlay).Run(newPass()); got != buffer || err != nil {
		t.Errorf("pass.ReadFile returned %q, %v; want the buffer", got, err)
	}

	panicky := &analysis.Analyzer{Name: "panicky", Run: func(*analysis.Pass) (any, error) { panic("bug") }}
	if _, err := adapt(panicky, overlay).Run(newPass()); err == nil || !strings.Contains(err.Error(), "bug") {
		t.Errorf("a panic gave error %v", err)
	}
}
