package typesx

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// PoolNew reports whether the function literal at cur is the New function
// of a sync.Pool: given in a sync.Pool literal (sync.Pool{New: f}) or
// assigned to a pool's New field (p.New = f). owner is the pool's variable
// or field (see [Origin]), or nil when the code names none (a literal in a
// slice of pools).
func PoolNew(info *types.Info, cur inspector.Cursor) (owner types.Object, ok bool) {
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt: // pool.New = func() any { ... }
		i := slices.Index(p.Rhs, cur.Node().(ast.Expr))
		if i < 0 || len(p.Lhs) != len(p.Rhs) {
			return nil, false
		}
		sel, ok := p.Lhs[i].(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "New" || !IsSyncPool(info.TypeOf(sel.X)) && !IsPointerTo(info.TypeOf(sel.X), "sync", "Pool") {
			return nil, false
		}
		return referent(info, sel.X), true
	case *ast.KeyValueExpr: // sync.Pool{New: func() any { ... }}
		key, ok := p.Key.(*ast.Ident)
		litCur := cur.Parent().Parent()
		lit, isLit := litCur.Node().(*ast.CompositeLit)
		if !ok || !isLit || key.Name != "New" || !IsSyncPool(info.TypeOf(lit)) {
			return nil, false
		}
		return literalOwner(info, litCur), true
	}
	return nil, false
}

// literalOwner returns the variable or field that the composite literal
// at cur (or its address) initializes.
func literalOwner(info *types.Info, cur inspector.Cursor) types.Object {
	n := cur.Node()
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok {
		n, cur = u, cur.Parent()
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.ValueSpec:
		if i := slices.Index(p.Values, n.(ast.Expr)); i >= 0 && len(p.Names) == len(p.Values) {
			return info.Defs[p.Names[i]]
		}
	case *ast.KeyValueExpr: // a field of a struct literal
		if key, ok := p.Key.(*ast.Ident); ok && p.Value == n {
			return Origin(info.Uses[key])
		}
	case *ast.AssignStmt:
		if i := slices.Index(p.Rhs, n.(ast.Expr)); i >= 0 && len(p.Lhs) == len(p.Rhs) {
			return referent(info, p.Lhs[i])
		}
	}
	return nil
}

// referent returns the variable or field that e names.
func referent(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return Origin(info.ObjectOf(e))
	case *ast.SelectorExpr:
		return Origin(info.ObjectOf(e.Sel))
	}
	return nil
}

// Origin returns the field of a generic type's declaration for a field of
// one of its instances, so that both name the same thing; any other
// object is returned as it is.
func Origin(obj types.Object) types.Object {
	if v, ok := obj.(*types.Var); ok {
		return v.Origin()
	}
	return obj
}
