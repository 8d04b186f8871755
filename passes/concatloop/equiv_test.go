package concatloop_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// inputs are the argument values the equivalence test tries, by parameter
// type; %[1]s stands for the package of the function under test. They
// include the values that drive the fixtures down their break, continue,
// labeled and return paths ("skip", "stop", "", "!", "?", negatives).
var inputs = map[string][]string{
	"string": {`""`, `"a"`, `"HelloWorld"`, `"x\ny\nz"`, `"ÀbC\xff"`},
	"[]string": {`nil`, `[]string{}`, `[]string{""}`, `[]string{"a"}`, `[]string{"a", "", "b"}`,
		`[]string{"x", "!", "y"}`, `[]string{"x", "?", "y"}`, `[]string{" Pad ", "b c"}`,
		`strings.Fields(strings.Repeat("word ", 40))`},
	"[]int":           {`nil`, `[]int{}`, `[]int{1, 2, 3}`, `[]int{3, -1, 4}`, `make([]int, 50)`},
	"int":             {`-1`, `0`, `2`, `5`, `100`},
	"[][]string":      {`nil`, `[][]string{{"a", "b"}, {"c"}}`, `[][]string{{"a", "skip", "b"}, {"c", "stop"}, {"d"}}`, `[][]string{{"", "x"}, {"y"}, {}}`, `[][]string{{"a"}, {"b", "skip"}}`},
	"[]Name":          {`nil`, `[]%[1]s.Name{"p", "q"}`},
	"[]fmt.Stringer":  {`nil`, `[]fmt.Stringer{time.Second, time.Duration(3)}`},
	"map[string]bool": {`nil`, `map[string]bool{"a": true}`, `map[string]bool{"a": true, "b": false, "c": true}`},
	"*Route":          {`&%[1]s.Route{}`, `&%[1]s.Route{Hops: []string{"a"}}`, `&%[1]s.Route{Hops: []string{"a", "", "b"}}`},
}

// TestFixesKeepResults compiles each fixture with fixes and its golden file
// into one program, calls every exported function of both on the same
// inputs and compares the results.
func TestFixesKeepResults(t *testing.T) {
	for _, pkg := range []string{"fixes", "addimport", "noimports", "aliasimport"} {
		t.Run(pkg, func(t *testing.T) {
			funcs := 0
			out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "concatloop", pkg), func(f *ast.File) []byte {
				var main []byte
				main, funcs = equivalenceMain(t, pkg, f)
				return main
			})
			if want := fmt.Sprintf("compared %d functions", funcs); !strings.Contains(out, want) {
				t.Fatalf("want %q in the output, got:\n%s", want, out)
			}
			t.Log(strings.TrimSpace(out))
		})
	}
}

// equivalenceMain generates a program that calls every exported function of
// the fixture, in package orig and in package fixed, on every combination
// of inputs for its parameter types, and reports any difference in results
// or panics.
func equivalenceMain(t *testing.T, pkg string, f *ast.File) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString(`package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	fixed "equiv/fixed"
	orig "equiv/orig"
)

var _ = strings.Repeat
var _ time.Duration

func run(f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("panic: ", r)
		}
	}()
	return f()
}

func show(results ...any) string { return fmt.Sprintf("%#v", results) }

func main() {
	failed, calls := 0, 0
	check := func(call, a, b string) {
		calls++
		if a != b {
			failed++
			fmt.Printf("%s:\n  original: %s\n  fixed:    %s\n", call, a, b)
		}
	}
`)
	funcs := 0
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !fd.Name.IsExported() {
			continue
		}
		var params [][]string
		for _, field := range fd.Type.Params.List {
			typ := types.ExprString(field.Type)
			values, ok := inputs[typ]
			if !ok {
				t.Fatalf("%s: no inputs for parameter type %s; add some to inputs", fd.Name.Name, typ)
			}
			for range max(len(field.Names), 1) {
				params = append(params, values)
			}
		}
		funcs++
		for _, args := range combinations(params) {
			call := func(q string) string {
				var as []string
				for _, a := range args {
					as = append(as, strings.ReplaceAll(a, "%[1]s", q))
				}
				return q + "." + fd.Name.Name + "(" + strings.Join(as, ", ") + ")"
			}
			fmt.Fprintf(&b, "\tcheck(%q, run(func() string { return show(%s) }), run(func() string { return show(%s) }))\n",
				call(pkg), call("orig"), call("fixed"))
		}
	}
	fmt.Fprintf(&b, `	if failed > 0 {
		fmt.Printf("%%d of %%d calls differ\n", failed, calls)
		os.Exit(1)
	}
	fmt.Printf("compared %d functions, %%d calls\n", calls)
}
`, funcs)
	return b.Bytes(), funcs
}

// combinations returns every choice of one value per parameter.
func combinations(params [][]string) [][]string {
	combos := [][]string{nil}
	for _, values := range params {
		var next [][]string
		for _, c := range combos {
			for _, v := range values {
				next = append(next, append(append([]string(nil), c...), v))
			}
		}
		combos = next
	}
	return combos
}
