package ssareach_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/memlint/memlint/internal/ssareach"
)

const src = `package p

func a() {}
func b() {}
func c() {}

func f(x bool) {
	a()
	if x {
		b()
		return
	}
	c()
}

func loop(n int) {
	for range n {
		c()
		a()
	}
}

func retry(n int) {
	for i := 0; i < 3; i++ {
		c()
		a()
	}
	b()
	for i := 0; i < n; i++ {
		c()
	}
	a()
	for i := 5; i < 3; i++ {
		c()
	}
	c()
}
`

func build(t *testing.T) *ssa.Package {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", ""), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// callOf returns a matcher of calls of the function named name.
func callOf(name string) func(ssa.Instruction) bool {
	return func(instr ssa.Instruction) bool {
		call, ok := instr.(*ssa.Call)
		return ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == name
	}
}

func first(fn *ssa.Function, match func(ssa.Instruction) bool) ssa.Instruction {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if match(instr) {
				return instr
			}
		}
	}
	return nil
}

func never(ssa.Instruction) bool { return false }

// lastCall returns the last call of the function named name in fn.
func lastCall(fn *ssa.Function, name string) ssa.Instruction {
	var last ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if callOf(name)(instr) && (last == nil || instr.Pos() > last.Pos()) {
				last = instr
			}
		}
	}
	return last
}

func isLast(fn *ssa.Function, name string) func(ssa.Instruction) bool {
	last := lastCall(fn, name)
	return func(instr ssa.Instruction) bool { return instr == last }
}

func notLast(fn *ssa.Function, name string) func(ssa.Instruction) bool {
	last := lastCall(fn, name)
	return func(instr ssa.Instruction) bool { return callOf(name)(instr) && instr != last }
}

func TestReaches(t *testing.T) {
	pkg := build(t)
	f, loop, retry := pkg.Func("f"), pkg.Func("loop"), pkg.Func("retry")
	for _, c := range []struct {
		name     string
		fn       *ssa.Function
		from     ssa.Instruction
		to, stop func(ssa.Instruction) bool
		want     bool
	}{
		{"entry to c", f, nil, callOf("c"), never, true},
		{"after a to c", f, first(f, callOf("a")), callOf("c"), never, true},
		{"after b to c", f, first(f, callOf("b")), callOf("c"), never, false},
		{"after a to c, stopped at c's block by b", f, first(f, callOf("a")), callOf("c"), callOf("c"), true},
		{"after a to c, stopped by a", f, first(f, callOf("a")), callOf("c"), callOf("a"), true},
		{"entry to c, stopped by a", f, nil, callOf("c"), callOf("a"), false},
		{"loop: after a back to c", loop, first(loop, callOf("a")), callOf("c"), never, true},
		{"loop: after c to c again", loop, first(loop, callOf("c")), callOf("c"), never, true},
		{"loop: after c to c, stopped by a", loop, first(loop, callOf("c")), callOf("c"), callOf("a"), false},
		// A loop from 0 to 3 runs its body before anything after it; one
		// to n may not; one from 5 to 3 never does.
		{"retry: entry to b, stopped by c", retry, nil, callOf("b"), callOf("c"), false},
		{"retry: after b to a, stopped by c", retry, first(retry, callOf("b")), callOf("a"), callOf("c"), true},
		{"retry: after the last a to the last c, stopped by the loop's c", retry, lastCall(retry, "a"), isLast(retry, "c"), notLast(retry, "c"), true},
	} {
		if got := ssareach.Reaches(c.fn, c.from, c.to, c.stop); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
