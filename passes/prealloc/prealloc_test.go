package prealloc_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/prealloc"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), prealloc.Analyzer, "prealloc/command", "prealloc/equiv",
		"prealloc/flagged", "prealloc/fstest", "prealloc/imports/...", "prealloc/kinds", "prealloc/quiet", "prealloc/short")
}

// TestOldGo checks that a module for go1.20, which has neither slices.Grow
// nor max, gets no fix that needs them.
func TestOldGo(t *testing.T) {
	dir := filepath.Join(fixture.Dir(t), "src", "prealloc", "_oldgo")
	analysistest.RunWithSuggestedFixes(t, dir, prealloc.Analyzer, "./...")
}

// TestFixesKeepBehaviour builds the functions of the equiv fixture before
// and after their fixes into one program, and checks that they return the
// same results, nil-ness included, on the same inputs.
func TestFixesKeepBehaviour(t *testing.T) {
	fixture := filepath.Join(fixture.Dir(t), "src", "prealloc", "equiv", "x.go")
	original, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := os.ReadFile(fixture + ".golden")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(original, fixed) {
		t.Fatal("the golden file has no fixes to check")
	}
	funcs := exportedFuncs(t, original)

	dir := t.TempDir()
	write := func(name string, content []byte) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module equivtest\n\ngo 1.22\n"))
	write("original/x.go", bytes.Replace(original, []byte("package equiv"), []byte("package original"), 1))
	write("fixed/x.go", bytes.Replace(fixed, []byte("package equiv"), []byte("package fixed"), 1))
	write("main.go", []byte(harness(funcs)))

	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("original and fixed functions differ: %v\n%s", err, out)
	}
}

func exportedFuncs(t *testing.T, src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Name.IsExported() {
			names = append(names, fd.Name.Name)
		}
	}
	if len(names) == 0 {
		t.Fatal("no functions to compare")
	}
	return names
}

// harness returns a main package that runs every function, original and
// fixed, on nil, empty and non-empty inputs, and exits 1 if any differ.
func harness(funcs []string) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"fmt"
	"os"
	"reflect"

	"equivtest/fixed"
	"equivtest/original"
)

type fn = func([]int, map[int]string, int) any

func main() {
	many := make([]int, 100)
	big := make(map[int]string)
	for i := range many {
		many[i] = i * 7 % 13
		big[i] = fmt.Sprint(i)
	}
	slices := [][]int{nil, {}, {5}, many}
	maps := []map[int]string{nil, {}, {1: "a"}, big}
	counts := []int{-3, 0, 1, 100}
	pairs := []struct {
		name            string
		original, fixed fn
	}{
`)
	for _, name := range funcs {
		b.WriteString("\t\t{" + `"` + name + `", original.` + name + ", fixed." + name + "},\n")
	}
	b.WriteString(`	}
	failed := false
	for _, p := range pairs {
		for _, xs := range slices {
			for _, m := range maps {
				for _, n := range counts {
					want, got := p.original(xs, m, n), p.fixed(xs, m, n)
					if !reflect.DeepEqual(want, got) || isNil(want) != isNil(got) {
						fmt.Printf("%s(xs of len %d, nil %t; m of len %d, nil %t; n=%d): original %#v, fixed %#v\n", p.name, len(xs), xs == nil, len(m), m == nil, n, want, got)
						failed = true
					}
				}
			}
		}
	}
	if failed {
		os.Exit(1)
	}
}

func isNil(v any) bool {
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Slice, reflect.Map:
		return r.IsNil()
	}
	return false
}
`)
	return b.String()
}

// TestStrict checks each finding's tier and evidence, the low tier
// included.
func TestStrict(t *testing.T) {
	if err := prealloc.Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer prealloc.Analyzer.Flags.Set("strict", "false")
	analysistest.Run(t, fixture.Dir(t), prealloc.Analyzer, "prealloc/tiers")
}
