package prealloc_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/prealloc"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), prealloc.Analyzer, "prealloc/collect", "prealloc/command",
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
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "prealloc", "equiv"), func(f *ast.File) []byte {
		funcs := fixture.ExportedFuncs(f, "")
		if len(funcs) == 0 {
			t.Fatal("no functions to compare")
		}
		return []byte(harness(funcs))
	})
	if !strings.Contains(out, "same results") {
		t.Errorf("the comparison did not run to its end:\n%s", out)
	}
}

// TestOldGoFixesKeepBehaviour does the same for the fixes of a go1.20
// module, which make a nil slice only when the loop runs.
func TestOldGoFixesKeepBehaviour(t *testing.T) {
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "prealloc", "_oldgo", "equiv"), func(f *ast.File) []byte {
		return []byte(harness(fixture.ExportedFuncs(f, "")))
	})
	if !strings.Contains(out, "same results") {
		t.Errorf("the comparison did not run to its end:\n%s", out)
	}
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

	"equiv/fixed"
	"equiv/orig"
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
		b.WriteString("\t\t{" + `"` + name + `", orig.` + name + ", fixed." + name + "},\n")
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
	fmt.Println("same results")
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
// included, and the fixes of every tier on the equiv fixture, which
// TestFixesKeepBehaviour runs.
func TestStrict(t *testing.T) {
	if err := prealloc.Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer prealloc.Analyzer.Flags.Set("strict", "false")
	analysistest.Run(t, fixture.Dir(t), prealloc.Analyzer, "prealloc/tiers/...", "prealloc/dotimport")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), prealloc.Analyzer, "prealloc/equiv", "prealloc/ruleset")
}

// TestNoGoDirective checks that no fix calls slices.Grow or max in a
// dependency whose go.mod has no go directive: the go command compiles it
// as go1.16.
func TestNoGoDirective(t *testing.T) {
	dir := filepath.Join(fixture.Dir(t), "src", "nogodirective")
	analysistest.RunWithSuggestedFixes(t, dir, prealloc.Analyzer, "dep/prealloc")
}
