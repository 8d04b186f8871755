package ssafunc_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/ssafunc"
)

const src = `package p

import "strings"

var table = strings.Repeat("x", 10)

func wanted(s string) string {
	f := func() string { return other(s) }
	return f()
}

func other(s string) string { return strings.ToUpper(s) + table }

type T struct{}

func (T) method() int { return len(table) }
`

func TestBuildOnlyWanted(t *testing.T) {
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{"p/p.go": src})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()

	var builtWanted, builtMethod, otherHasBody bool
	a := &analysis.Analyzer{
		Name: "probe",
		Doc:  "probe",
		Run: func(pass *analysis.Pass) (any, error) {
			var decls []*ast.FuncDecl
			for _, d := range pass.Files[0].Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name != "other" {
					decls = append(decls, fd)
				}
			}
			funcs := ssafunc.Build(pass, decls)
			for d, fn := range funcs {
				switch d.Name.Name {
				case "wanted":
					builtWanted = len(fn.AnonFuncs) == 1 && fn.AnonFuncs[0].Blocks != nil
				case "method":
					builtMethod = fn.Blocks != nil
				}
			}
			other := funcs[decls[0]].Pkg.Func("other")
			otherHasBody = other.Blocks != nil
			return nil, nil
		},
	}
	analysistest.Run(t, dir, a, "p")
	if !builtWanted || !builtMethod {
		t.Errorf("wanted functions not built: func %v, method %v", builtWanted, builtMethod)
	}
	if otherHasBody {
		t.Errorf("function other was built, but was not asked for")
	}
}
