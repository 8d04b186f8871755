package poolreset

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ssareach"
)

// resets returns the instructions of x's function that reset x, or may,
// following x through conversions and merges:
// calls of reset-like methods (Reset, reset, Clear, init...) on x or on a
// part of it, Truncate(0), clear, stores of a zero value or of an emptied
// slice into x or its fields, calls of functions of this package that
// contain a reset and are given x, functions of other packages known to
// reset what they are given (transform.Bytes), and closures given x that
// reset it.
// Counting too much here only makes the pass quieter.
func (a *checker) resets(x ssa.Value) map[ssa.Instruction]bool {
	ops := make(map[ssa.Instruction]bool)
	seen := map[ssa.Value]bool{x: true}
	work := []ssa.Value{x}
	follow := func(v ssa.Value) {
		if !seen[v] {
			seen[v] = true
			work = append(work, v)
		}
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, ref := range referrers(v) {
			switch r := ref.(type) {
			case *ssa.Phi, *ssa.TypeAssert, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface:
				follow(r.(ssa.Value))
			case *ssa.Extract: // of a comma-ok type assertion
				if r.Index == 0 {
					follow(r)
				}
			case *ssa.FieldAddr:
				follow(r)
			case *ssa.UnOp: // *p of a pointer to a slice: reslicing it to [:0] resets
				if isSlice(r.Type()) {
					follow(r)
				}
			case *ssa.Slice:
				if isConstZero(r.High) {
					ops[r] = true
				}
			case *ssa.Store:
				if r.Addr == v && (isConstZero(r.Val) || isEmptied(r.Val)) {
					ops[r] = true
				}
			case ssa.CallInstruction:
				if a.callResets(r.Common(), v) {
					ops[r] = true
				}
			case *ssa.MakeClosure:
				if a.closureResets(r, v) {
					ops[r] = true
				}
			}
		}
	}
	return ops
}

// callResets reports whether the call may reset v, one of its operands.
func (a *checker) callResets(c *ssa.CallCommon, v ssa.Value) bool {
	if c.IsInvoke() {
		return c.Value == v && isResetName(c.Method.Name())
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return b.Name() == "clear"
	}
	fn := c.StaticCallee()
	if fn == nil {
		return false
	}
	if fn.Signature.Recv() != nil && len(c.Args) > 0 && c.Args[0] == v {
		if isResetName(fn.Name()) {
			return true
		}
		if fn.Name() == "Truncate" && len(c.Args) == 2 && isConstZero(c.Args[1]) {
			return true
		}
	}
	obj, ok := fn.Object().(*types.Func)
	if ok && obj.Pkg() != nil && len(c.Args) > 0 && c.Args[0] == v && fn.Signature.Recv() != nil &&
		slices.Contains(resettingMethods[obj.Pkg().Path()], typeName(fn.Signature.Recv().Type())+"."+obj.Name()) {
		return true
	}
	if ok && obj.Pkg() != nil && len(c.Args) > 0 && c.Args[0] == v &&
		slices.Contains(resettingFuncs[obj.Pkg().Path()], obj.Name()) {
		return true
	}
	return ok && obj.Pkg() == a.pass.Pkg && a.mayReset(obj)
}

// resettingFuncs are, by package, the functions that reset the object
// they are given as their first argument before they use it: x/text's
// transform.Bytes and its kind call the Transformer's Reset first.
var resettingFuncs = map[string][]string{
	"golang.org/x/text/transform": {"Bytes", "String", "Append", "NewReader", "NewWriter"},
}

// resettingMethods are, by package, the methods documented to discard
// what the receiver held: maphash's SetSeed drops the bytes added before
// it, math/rand's Seed starts the sequence over.
var resettingMethods = map[string][]string{
	"hash/maphash": {"Hash.SetSeed"},
	"math/rand":    {"Rand.Seed"},
}

// closureResets reports whether the closure made by mc resets the
// variable v bound to it.
func (a *checker) closureResets(mc *ssa.MakeClosure, v ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) && len(a.resets(fn.FreeVars[i])) > 0 {
			return true
		}
	}
	return false
}

// mayReset reports whether the body of fn, a function of this package,
// contains anything that looks like a reset. Being given a pooled object,
// such a function may well reset it.
func (a *checker) mayReset(fn *types.Func) bool {
	decl := a.c.funcDecl[fn]
	if decl == nil {
		return false
	}
	if r, ok := a.mayResets[decl]; ok {
		return r
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				found = found || isResetName(f.Name)
			case *ast.SelectorExpr:
				found = found || isResetName(f.Sel.Name) || f.Sel.Name == "Truncate"
			}
		case *ast.SliceExpr:
			if lit, ok := n.High.(*ast.BasicLit); ok && lit.Value == "0" {
				found = true
			}
		}
		return !found
	})
	a.mayResets[decl] = found
	return found
}

// isEmptied reports whether v is s[:0] for some s.
func isEmptied(v ssa.Value) bool {
	s, ok := v.(*ssa.Slice)
	return ok && isConstZero(s.High)
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// reaches reports whether control can flow from just after the
// instruction from (the entry of fn if from is nil) to the instruction to
// (or, if to is nil, to a return) without executing any instruction in
// avoid.
func reaches(fn *ssa.Function, from, to ssa.Instruction, avoid map[ssa.Instruction]bool) bool {
	target := func(instr ssa.Instruction) bool {
		_, ret := instr.(*ssa.Return)
		return instr == to || to == nil && ret
	}
	return ssareach.Reaches(fn, from, target, func(instr ssa.Instruction) bool { return avoid[instr] })
}

// referrers returns the instructions that use v; none for constants,
// globals and functions, which are not tracked.
func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}
