package prealloc_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/prealloc"
)

// FuzzFix applies prealloc's fixes (-strict, so every tier) to a package
// of one file and checks that the result parses, type-checks, keeps every
// comment, and only adds capacity: deleting what the fix inserted gives
// back the original, so the program computes what it computed before.
// Plain go test runs the seeds, the fixtures with fixes; go test -fuzz
// explores from them.
func FuzzFix(f *testing.F) {
	for _, name := range []string{"kinds"} {
		src, err := os.ReadFile(filepath.Join(fixture.Dir(f), "src", "prealloc", name, "x.go"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	if err := prealloc.Analyzer.Flags.Set("strict", "true"); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { prealloc.Analyzer.Flags.Set("strict", "false") })
	f.Fuzz(func(t *testing.T, src []byte) {
		original, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
		if err != nil || original.Name.Name == "main" {
			return
		}
		dir := t.TempDir()
		pkgs := load(t, dir, src)
		if pkgs == nil {
			return // does not type-check: nothing to fix
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{prealloc.Analyzer}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var edits []analysis.TextEdit
		var fset *token.FileSet
		for act := range graph.All() {
			if act.Analyzer != prealloc.Analyzer {
				continue
			}
			fset = act.Package.Fset
			for _, d := range act.Diagnostics {
				for _, fix := range d.SuggestedFixes {
					edits = append(edits, fix.TextEdits...)
				}
			}
		}
		if len(edits) == 0 {
			return
		}
		fixed, inserted := apply(t, fset, src, edits)
		if load(t, dir, fixed) == nil {
			t.Fatalf("the fixed file does not type-check:\n%s", fixed)
		}
		after, err := parser.ParseFile(token.NewFileSet(), "x.go", fixed, parser.ParseComments)
		if err != nil {
			t.Fatalf("the fixed file does not parse: %v\n%s", err, fixed)
		}
		if !slices.Equal(comments(original), comments(after)) {
			t.Fatalf("the fix lost or changed comments:\n%s", fixed)
		}
		if !onlyAddsCapacity(src, inserted) {
			t.Fatalf("the fix changes more than capacities:\n%s", fixed)
		}
	})
}

// load type-checks src as the only file of a module in dir, or returns
// nil if it has errors.
func load(t *testing.T, dir string, src []byte) []*packages.Package {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module fuzz\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		if err == nil && len(pkgs) == 1 {
			t.Log(pkgs[0].Errors)
		}
		return nil
	}
	return pkgs
}

// An insertion is text the fix added at an offset of the original; a
// replacement of T{} by make(T, 0, n) counts as inserting around it.
type insertion struct {
	offset int
	text   string
}

// apply applies edits to src and returns the result and what was
// inserted, at offsets of src.
func apply(t *testing.T, fset *token.FileSet, src []byte, edits []analysis.TextEdit) ([]byte, []insertion) {
	sort.Slice(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
	var out bytes.Buffer
	var ins []insertion
	last := 0
	for i, e := range edits {
		if i > 0 && e.Pos == edits[i-1].Pos && bytes.Equal(e.NewText, edits[i-1].NewText) {
			continue // the same import, added for two findings
		}
		start, end := fset.Position(e.Pos).Offset, fset.Position(e.End).Offset
		if e.End == token.NoPos {
			end = start
		}
		if start < last {
			t.Fatalf("overlapping edits at offset %d", start)
		}
		out.Write(src[last:start])
		out.Write(e.NewText)
		if end > start {
			// T{} -> make(T, 0, n): the old text must survive inside the new.
			old := string(src[start:end])
			typ := strings.TrimSuffix(old, "{}")
			if !strings.HasPrefix(string(e.NewText), "make("+typ+", ") {
				t.Fatalf("the fix replaces %q by %q", old, e.NewText)
			}
		} else {
			ins = append(ins, insertion{start, string(e.NewText)})
		}
		last = end
	}
	out.Write(src[last:])
	return out.Bytes(), ins
}

// onlyAddsCapacity reports whether every insertion is a capacity argument
// (", n"), a slices.Grow statement or the slices import.
func onlyAddsCapacity(src []byte, ins []insertion) bool {
	for _, in := range ins {
		text := strings.TrimSpace(in.text)
		switch {
		case strings.HasPrefix(in.text, ", "):
		case strings.Contains(text, "= slices.Grow(") && !strings.Contains(text, "\n"):
		case strings.Contains(text, `"slices"`):
		default:
			return false
		}
	}
	return true
}

// comments returns the text of every comment of f, in order.
func comments(f *ast.File) []string {
	var texts []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			texts = append(texts, c.Text)
		}
	}
	return texts
}
