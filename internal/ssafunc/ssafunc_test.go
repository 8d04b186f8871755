package ssafunc_test

import (
	"go/ast"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

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

const importing = `package p

import (
	"bytes"
	"os"
	"strings"
	. "unicode/utf8"
)

func wanted(s string) int {
	return len(strings.ToUpper(s)) + RuneLen('x') + len(os.Args)
}

func other(b []byte) bool { return bytes.HasPrefix(b, nil) }
`

// TestOnlyNamedImports checks that the packages of the imports the wanted
// functions name, qualified or dot-imported, are created (their functions
// and variables resolve), and no other import's.
func TestOnlyNamedImports(t *testing.T) {
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{"p/p.go": importing})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()

	var created []string
	var callees []string
	a := &analysis.Analyzer{
		Name: "probe",
		Doc:  "probe",
		Run: func(pass *analysis.Pass) (any, error) {
			var decls []*ast.FuncDecl
			for _, d := range pass.Files[0].Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "wanted" {
					decls = append(decls, fd)
				}
			}
			for _, fn := range ssafunc.Build(pass, decls) {
				for _, pkg := range fn.Prog.AllPackages() {
					if pkg != fn.Pkg {
						created = append(created, pkg.Pkg.Path())
					}
				}
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() != nil {
							callees = append(callees, call.Call.StaticCallee().String())
						}
					}
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(t, dir, a, "p")
	slices.Sort(created)
	if want := []string{"os", "strings", "unicode/utf8"}; !slices.Equal(created, want) {
		t.Errorf("created packages %v, want %v", created, want)
	}
	if want := []string{"strings.ToUpper", "unicode/utf8.RuneLen"}; !slices.Equal(callees, want) {
		t.Errorf("static callees %v, want %v", callees, want)
	}
}
