package poolreset

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/typesx"
)

// checkFieldHeld reports a Put of an object held in a struct field
// between its Get and its Put (w.buf = pool.Get() in a constructor,
// pool.Put(w.buf) in Close), when the package writes to the object
// through the field and never resets it: the next Get sees the old
// contents. The Get and the Put are in different functions, so the
// evidence is the whole package's use of the field.
func (a *checker) checkFieldHeld(p *putSite) *analysis.Diagnostic {
	load, ok := p.x.(*ssa.UnOp)
	if !ok {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	field := fieldOf(fa.X.Type(), fa.Field)
	if field == nil || !a.heldByGet(p.pool, field) {
		return nil
	}
	reset, ok := a.resetIdiom(p.x.Type())
	if !ok || strings.HasPrefix(reset("x"), "*") {
		return nil
	}
	if written, resetSomewhere := a.fieldWrites(field); !written || resetSomewhere {
		return nil
	}
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil {
		return nil
	}
	name := exprString(call.Args[0])
	d := &analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s is put back into %s without a reset, and nothing in the package resets the object that the field %s holds between its Get and this Put: the next Get sees its old contents; call %s before Put",
			name, poolName(call), field.Name(), reset(name)),
	}
	if _, deferred := p.call.(*ssa.Defer); deferred {
		d.Message += " (no automatic fix: the Put is deferred)"
		return d
	}
	a.addResetFix(d, call, reset(name), name)
	return d
}

// heldByGet reports whether some Get of pool stores the object it gets in
// field.
func (a *checker) heldByGet(pool poolKey, field *types.Var) bool {
	for _, g := range a.allGets[pool] {
		for _, ref := range referrers(g.x) {
			if st, ok := ref.(*ssa.Store); ok && st.Val == g.x {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fieldOf(fa.X.Type(), fa.Field) == field {
					return true
				}
			}
		}
	}
	return false
}

// fieldWrites reads every selection of field in the analysed files and
// reports whether the package writes to the object it holds (a Write
// method, or handing it to a function of the standard library, such as
// fmt.Fprintf), and whether anything may reset it: a reset-like or
// Truncate method, an assignment other than from a Get, or handing it to
// a function outside the standard library.
func (a *checker) fieldWrites(field *types.Var) (written, reset bool) {
	info := a.pass.TypesInfo
	insp := lazyinspect.Of(a.pass)
	for fileCur := range insp.Root().Children() {
		if !slices.Contains(a.c.files, fileCur.Node().(*ast.File)) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.SelectorExpr)(nil)) {
			sel := info.Selections[cur.Node().(*ast.SelectorExpr)]
			if sel == nil || sel.Kind() != types.FieldVal || sel.Obj() != field {
				continue
			}
			parent := cur.Parent()
			switch kind, index := cur.ParentEdge(); kind {
			case edge.SelectorExpr_X: // w.buf.M(...)
				name := parent.Node().(*ast.SelectorExpr).Sel.Name
				switch {
				case isResetName(name) || name == "Truncate":
					reset = true
				case strings.HasPrefix(name, "Write"):
					written = true
				}
			case edge.AssignStmt_Lhs:
				as := parent.Node().(*ast.AssignStmt)
				if len(as.Lhs) != len(as.Rhs) || !a.isGetExpr(as.Rhs[index]) && !isNil(info, as.Rhs[index]) {
					reset = true
				}
			case edge.CallExpr_Args:
				fn, ok := typeutil.Callee(info, parent.Node().(*ast.CallExpr)).(*types.Func)
				switch {
				case ok && a.c.poolCall(fn) == "Put":
				case ok && fn.Pkg() != nil && typesx.IsStd(fn.Pkg()) && !isResetName(fn.Name()):
					written = true
				default:
					reset = true
				}
			case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			default:
				reset = true // aliased: whoever holds it may reset it
			}
		}
	}
	return written, reset
}

// isGetExpr reports whether e gets an object from a pool: pool.Get().(T),
// or a call of a getter helper or a generic pool's Get.
func (a *checker) isGetExpr(e ast.Expr) bool {
	e = ast.Unparen(e)
	if ta, ok := e.(*ast.TypeAssertExpr); ok {
		e = ast.Unparen(ta.X)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	if a.c.poolCall(fn) == "Get" {
		return true
	}
	for getter := range a.getters {
		if getter.Object() == fn {
			return true
		}
	}
	return false
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}
