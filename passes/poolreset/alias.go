package poolreset

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/clonefix"
	"github.com/memlint/memlint/internal/cost"
)

// An alias is a view of the memory of an object put back into a pool (a
// slice of *buf, the result of buf.Bytes(), a string made from one with
// package unsafe) that the function stores where it outlives the call.
type alias struct {
	view  ssa.Value       // the view
	desc  string          // the view, for messages
	store ssa.Instruction // where it is stored
	where string          // where it is stored, for messages
}

// checkAliasKept reports a view of the memory of the object put back at p
// that is stored, before the Put, where it outlives the function: a map,
// a package variable, a channel, a field of memory the function did not
// make. After the Put the pool's next user overwrites what the view
// shows: wrong map keys, wrong ids. The fix copies the view where it is
// made, when that is a slice expression or a Bytes call.
func (a *checker) checkAliasKept(p *putSite) (*analysis.Diagnostic, cost.Estimate) {
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil || a.getOf[p.x] == nil {
		return nil, cost.Estimate{}
	}
	name := exprString(call.Args[0])
	al := a.firstAliasKept(p, name)
	if al == nil {
		return nil, cost.Estimate{}
	}
	// A map, a package variable or a channel keeps the view for sure; a
	// field of the caller's memory keeps it as long as the caller does.
	e := cost.Estimate{Tier: cost.High, Evidence: "the view is kept after the Put"}
	if _, ok := al.store.(*ssa.Store); ok && !strings.HasPrefix(al.where, "the package variable") {
		e = cost.Estimate{Tier: cost.Medium, Evidence: "kept as long as the caller keeps it"}
	}
	d := &analysis.Diagnostic{
		Pos: al.view.Pos(),
		Message: fmt.Sprintf("%s is stored in %s, which outlives the Put of %s into %s at line %d: the pool's next user overwrites what it shows; store a copy",
			al.desc, al.where, name, poolName(call), a.pass.Fset.Position(call.Pos()).Line),
	}
	expr, file := a.viewExpr(al.view)
	if expr == nil {
		d.Message += " (no automatic fix: make it with string(...) or bytes.Clone instead of a conversion that shares memory)"
		return d, e
	}
	d.Pos, d.End = expr.Pos(), expr.End()
	fix, fn, why := clonefix.Fix(a.pass, file, expr)
	if fix == nil {
		d.Message += " (no automatic fix: " + why + ")"
		return d, e
	}
	d.Message += " with " + fn
	d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	return d, e
}

// firstAliasKept returns the first view of the memory of the object put
// back at p that is stored where it outlives the function, on a path to
// the Put.
func (a *checker) firstAliasKept(p *putSite, name string) *alias {
	fn := p.call.Parent()
	_, deferred := p.call.(*ssa.Defer)
	var first *alias
	for v, desc := range a.views(p.x, name) {
		for _, ref := range referrers(v) {
			where := a.outlivingStore(ref, v, p.x)
			if where == "" {
				continue
			}
			var to ssa.Instruction = p.call
			if deferred {
				to = nil
			}
			if !reaches(fn, ref, to, overwrites(fn, ref)) {
				continue
			}
			if first == nil || ref.Pos() < first.store.Pos() {
				first = &alias{view: v, desc: desc, store: ref, where: where}
			}
		}
	}
	return first
}

// overwrites returns the other stores of fn into the location that ref
// stores to, if it is a field or a package variable: a view stored there
// and overwritten before the Put is not kept.
func overwrites(fn *ssa.Function, ref ssa.Instruction) map[ssa.Instruction]bool {
	st, ok := ref.(*ssa.Store)
	if !ok {
		return nil
	}
	same := func(addr ssa.Value) bool {
		switch x := st.Addr.(type) {
		case *ssa.Global:
			return addr == x
		case *ssa.FieldAddr:
			y, ok := addr.(*ssa.FieldAddr)
			return ok && y.Field == x.Field && base(y.X) == base(x.X)
		}
		return false
	}
	ops := make(map[ssa.Instruction]bool)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if other, ok := instr.(*ssa.Store); ok && other != st && same(other.Addr) {
				ops[other] = true
			}
		}
	}
	return ops
}

// views returns the values that show the memory of x, other than x
// itself: ownedBy's, and strings made from them with package unsafe
// (unsafe.String, or a function of the package that uses unsafe to turn
// its []byte parameter into a string without copying).
func (a *checker) views(x ssa.Value, name string) map[ssa.Value]string {
	views := ownedBy(x, name)
	delete(views, x)
	for v, desc := range views {
		for _, ref := range referrers(v) {
			if s := a.unsafeString(ref, v); s != nil {
				views[s] = "a string that shares the memory of " + desc
			}
		}
	}
	return views
}

// unsafeString returns the string that ref makes from v, a byte slice,
// without copying it, or nil.
func (a *checker) unsafeString(ref ssa.Instruction, v ssa.Value) ssa.Value {
	switch r := ref.(type) {
	case *ssa.IndexAddr: // unsafe.String(&b[0], n)
		for _, u := range referrers(r) {
			if call, ok := u.(*ssa.Call); ok && isBuiltin(call.Call, "String") && call.Call.Args[0] == r {
				return call
			}
		}
	case *ssa.Call:
		if isBuiltin(r.Call, "SliceData") { // unsafe.String(unsafe.SliceData(b), n)
			for _, u := range referrers(r) {
				if call, ok := u.(*ssa.Call); ok && isBuiltin(call.Call, "String") && call.Call.Args[0] == r {
					return call
				}
			}
		}
		if callee := r.Call.StaticCallee(); callee != nil && len(r.Call.Args) == 1 && r.Call.Args[0] == v &&
			types.Identical(r.Type(), types.Typ[types.String]) && a.usesUnsafe(callee) {
			return r
		}
	}
	return nil
}

func isBuiltin(c ssa.CallCommon, name string) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && b.Name() == name
}

// usesUnsafe reports whether fn is a function of the package whose body
// names package unsafe.
func (a *checker) usesUnsafe(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != a.pass.Pkg {
		return false
	}
	decl := a.c.funcDecl[obj]
	if decl == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pkg, ok := a.pass.TypesInfo.Uses[id].(*types.PkgName); ok && pkg.Imported().Path() == "unsafe" {
				found = true
			}
		}
		return !found
	})
	return found
}

// outlivingStore describes where ref stores v if that outlives the
// function: a package variable, a map it did not make, a channel, or a
// field or element of memory it did not make and that x does not own.
func (a *checker) outlivingStore(ref ssa.Instruction, v, x ssa.Value) string {
	switch r := ref.(type) {
	case *ssa.Store:
		if r.Val == v {
			return a.outlivingAddr(r.Addr, x)
		}
	case *ssa.MapUpdate:
		if (r.Key == v || r.Value == v) && !madeHere(r.Map) {
			if r.Key == v {
				return "a key of a map"
			}
			return "a map"
		}
	case *ssa.Send:
		if r.X == v {
			return "a channel"
		}
	}
	return ""
}

// outlivingAddr describes the location addr if it outlives the function.
func (a *checker) outlivingAddr(addr, x ssa.Value) string {
	switch v := addr.(type) {
	case *ssa.Global:
		return "the package variable " + v.Name()
	case *ssa.FieldAddr:
		if f := fieldOf(v.X.Type(), v.Field); f != nil && !madeHere(base(v.X)) && base(v.X) != x {
			return "the field " + f.Name() + " of an object the function did not make"
		}
	case *ssa.IndexAddr:
		if !madeHere(base(v.X)) && base(v.X) != x {
			return "an element of a slice or array the function did not make"
		}
	}
	return ""
}

// base returns the value at the root of a chain of field and element
// addresses and loads.
func base(v ssa.Value) ssa.Value {
	for {
		switch w := v.(type) {
		case *ssa.FieldAddr:
			v = w.X
		case *ssa.IndexAddr:
			v = w.X
		case *ssa.UnOp:
			if w.Op != token.MUL {
				return v
			}
			v = w.X
		default:
			return v
		}
	}
}

// madeHere reports whether v is memory the function allocated: a local
// variable, a new object, a made map or slice.
func madeHere(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice, *ssa.MakeChan:
		return true
	}
	return false
}

// viewExpr returns the slice expression or Bytes call that makes view,
// and its file, or nil for any other view.
func (a *checker) viewExpr(view ssa.Value) (ast.Expr, *ast.File) {
	var pos token.Pos
	switch v := view.(type) {
	case *ssa.Slice:
		pos = v.Pos()
	case *ssa.Call:
		if callee := v.Call.StaticCallee(); callee == nil || callee.Name() != "Bytes" && callee.Name() != "AvailableBuffer" {
			return nil, nil
		}
		pos = v.Pos()
	default:
		return nil, nil
	}
	file := astx.FileOf(a.pass, pos)
	if file == nil {
		return nil, nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		switch e := n.(type) {
		case *ast.SliceExpr:
			if e.Lbrack == pos {
				return e, file
			}
		case *ast.CallExpr:
			if e.Lparen == pos {
				return e, file
			}
		}
	}
	return nil, nil
}
