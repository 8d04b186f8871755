package growhint_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// calls exercises every function of the flagged fixture, with inputs
// that take each branch (empty and set parts, escapes, doubled slashes,
// invalid UTF-8, negative counts, nothing appended), and shows nil-ness
// as well as content; PKG is the package under test.
const calls = `
	for _, l := range []*PKG.Link{{}, {Scheme: "https", Host: "example.com", Path: "/a b", Query: "x=1", Anchor: "top"}, {Path: "rel"}} {
		show(l.String())
	}
	for _, in := range [][3]string{{"", "", ""}, {"a b", "c/d", "q=1&r"}, {"ü", "%", "+"}} {
		show(PKG.Escaped(in[0], in[1], in[2]))
	}
	for _, data := range [][]byte{nil, {}, {0, 0xff, 0x10}} {
		show(PKG.Hex(data))
	}
	for _, parts := range [][]string{nil, {""}, {"a", "bc", "def"}} {
		show(PKG.JoinQuoted(parts))
		show(PKG.Lines(parts))
	}
	for _, p := range []string{"", "/", "//a///b/", "a\xffb//ü"} {
		show(PKG.MarkSlashes(p))
		show(PKG.Quote("<", p, ">"))
	}
	for _, qs := range []string{"", "A=1", "A=1&&B=2&", "&"} {
		show(PKG.Rewrite(qs))
	}
	for _, n := range []int{-1, 0, 3} {
		show(PKG.Repeat(n))
	}
	show(PKG.NilChecked(nil, "a", "b", "c"))
	show(PKG.NilChecked(&PKG.Node{Name: "n"}, "a", "b", ""))
	for _, in := range [][2]string{{"", "x"}, {"*?x", "ab.c.d"}, {"?*", "é.f"}, {"**", "a"}} {
		show(PKG.Mask(in[0], in[1]))
	}
	show(PKG.Silenced("a", "b", "c", "d"))
	show(PKG.Guarded(nil, ", ", "(x)"))
	show(PKG.Guarded(&PKG.Node{}, ", ", "(x)"))
	show(PKG.Guarded(&PKG.Node{Name: "f"}, ", ", "(x)"))
	for _, r := range []*PKG.Record{{}, {Name: "a;b", Value: "v", Path: "/p;q", Secure: true}} {
		show(r.String())
	}
`

// TestFixesKeepResults runs the flagged fixture and its fixed form on the
// same inputs: a Grow or a capacity must change nothing a caller sees.
func TestFixesKeepResults(t *testing.T) {
	dir := filepath.Join(fixture.Dir(t), "src", "growhint", "flagged")
	out := fixture.RunOriginalAndFixed(t, dir, func(*ast.File) []byte {
		return []byte(`package main

import (
	"fmt"
	"os"

	fixed "equiv/fixed"
	orig "equiv/orig"
)

var results []string

func show(v any) {
	if b, ok := v.([]byte); ok {
		results = append(results, fmt.Sprintf("%q nil=%v", b, b == nil))
		return
	}
	results = append(results, fmt.Sprintf("%q", v))
}

func runOrig() {` + strings.ReplaceAll(calls, "PKG", "orig") + `}

func runFixed() {` + strings.ReplaceAll(calls, "PKG", "fixed") + `}

func main() {
	runOrig()
	want := results
	results = nil
	runFixed()
	if fmt.Sprint(want) != fmt.Sprint(results) {
		fmt.Printf("the fixed code differs:\noriginal: %q\nfixed:    %q\n", want, results)
		os.Exit(1)
	}
	fmt.Printf("compared %d results\n", len(want))
}
`)
	})
	if !strings.Contains(out, "compared 42 results") {
		t.Fatalf("want 42 results compared, got:\n%s", out)
	}
}
