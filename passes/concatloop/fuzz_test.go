package concatloop_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/concatloop"
)

// FuzzBuilderFix applies concatloop's fixes to Go files mutated from the
// fixtures and checks that each fixed file parses, is gofmt-able,
// type-checks and keeps every comment. The results of the fixed functions
// are compared by TestFixesKeepResults (the seeds), not per mutated input:
// that needs a go run per input, which the fuzzing worker does not survive.
//
//	go test -run '^$' -fuzz FuzzBuilderFix -fuzztime 2m ./passes/concatloop
func FuzzBuilderFix(f *testing.F) {
	for _, pkg := range []string{"fixes", "nofix", "quiet", "addimport", "noimports", "aliasimport", "nonlocal"} {
		src, err := os.ReadFile(filepath.Join(fixture.Dir(f), "src", "concatloop", pkg, "x.go"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := token.NewFileSet()
		orig, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
		if err == nil {
			err = typeCheck(fset, orig)
		}
		if err != nil {
			if !fuzzing() {
				t.Fatalf("a seed does not compile: %v", err) // the checks below would never run
			}
			t.Skip("not a package that compiles")
		}
		fixed, n := applyFixes(t, src)
		if n == 0 {
			return
		}
		if _, err := format.Source(fixed); err != nil {
			t.Fatalf("the fixed file is not valid Go: %v\n%s", err, fixed)
		}
		fset = token.NewFileSet()
		after, err := parser.ParseFile(fset, "x.go", fixed, parser.ParseComments)
		if err != nil {
			t.Fatalf("the fixed file does not parse: %v\n%s", err, fixed)
		}
		if err := typeCheck(fset, after); err != nil {
			t.Fatalf("the fixed file does not type-check: %v\n%s", err, fixed)
		}
		if lost := lostComments(orig, after); len(lost) > 0 {
			t.Fatalf("the fix lost comments %q:\n%s", lost, fixed)
		}
	})
}

func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// stdImporter is shared by every input: it reads each standard package's
// export data once.
var stdImporter = importer.Default()

func typeCheck(fset *token.FileSet, f *ast.File) error {
	_, _, err := check(fset, f)
	return err
}

func check(fset *token.FileSet, f *ast.File) (*types.Package, *types.Info, error) {
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: stdImporter, Error: func(error) {}}
	pkg, err := conf.Check(f.Name.Name, fset, []*ast.File{f}, info)
	return pkg, info, err
}

// applyFixes runs the pass on the file src, which type-checks, and
// applies every suggested fix, as memlint -fix does; it returns the fixed
// file and how many edits it applied. It drives the analyzer and its
// requirements itself, so that an input costs no package loading.
func applyFixes(t *testing.T, src []byte) ([]byte, int) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, info, err := check(fset, f)
	if err != nil {
		t.Fatal(err)
	}
	var edits []analysis.TextEdit
	results := make(map[*analysis.Analyzer]any)
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if _, done := results[a]; done {
			return
		}
		for _, req := range a.Requires {
			run(req)
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      []*ast.File{f},
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   results,
			ReadFile: func(name string) ([]byte, error) {
				if name != "x.go" {
					return nil, os.ErrNotExist
				}
				return src, nil
			},
			Report: func(d analysis.Diagnostic) {
				for _, fix := range d.SuggestedFixes {
					for _, e := range fix.TextEdits {
						pos, end := fset.Position(e.Pos), fset.Position(e.End)
						edits = append(edits, analysis.TextEdit{Pos: token.Pos(pos.Offset), End: token.Pos(end.Offset), NewText: e.NewText})
					}
				}
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		res, err := a.Run(pass)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		results[a] = res
	}
	run(concatloop.Analyzer)
	fixed, err := apply(src, edits)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return fixed, len(edits)
}

// apply applies edits given as byte offsets; identical edits (two fixes
// adding the same import) count once, and overlapping ones are an error.
func apply(src []byte, edits []analysis.TextEdit) ([]byte, error) {
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int {
		if a.Pos != b.Pos {
			return int(a.Pos - b.Pos)
		}
		return int(a.End - b.End)
	})
	var out bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e.Pos == edits[i-1].Pos && e.End == edits[i-1].End && bytes.Equal(e.NewText, edits[i-1].NewText) {
			continue
		}
		if int(e.Pos) < last {
			return nil, fmt.Errorf("fixes overlap at offset %d", e.Pos)
		}
		out.Write(src[last:e.Pos])
		out.Write(e.NewText)
		last = int(e.End)
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// lostComments returns the comments of before that after lacks, counted
// with their repetitions.
func lostComments(before, after *ast.File) []string {
	have := make(map[string]int)
	for _, g := range after.Comments {
		for _, c := range g.List {
			have[c.Text]++
		}
	}
	var lost []string
	for _, g := range before.Comments {
		for _, c := range g.List {
			if have[c.Text] == 0 {
				lost = append(lost, c.Text)
			}
			have[c.Text]--
		}
	}
	return lost
}
