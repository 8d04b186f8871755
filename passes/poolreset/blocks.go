package poolreset

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/typesx"
)

// makesConfiguredBlocks reports whether the New function of pool makes
// slices whose size is not a constant: blocks of a configured size (a
// compressor's block, a reader's window), whose work per use dwarfs a
// 24-byte box.
func (a *checker) makesConfiguredBlocks(pool poolKey) bool {
	if pool.obj == nil {
		return false
	}
	if a.news == nil {
		a.news = poolNews(a.pass)
	}
	info := a.pass.TypesInfo
	return slices.ContainsFunc(a.news[genericOrigin(pool.obj)], func(lit *ast.FuncLit) bool {
		return makesVariableSlice(info, lit)
	})
}

// poolNews maps each pool variable or field of the package to the
// function literals given as its New: in a sync.Pool literal, or assigned
// to its New field.
func poolNews(pass *analysis.Pass) map[types.Object][]*ast.FuncLit {
	news := make(map[types.Object][]*ast.FuncLit)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.FuncLit)(nil)) {
		if obj := newOwner(pass.TypesInfo, cur); obj != nil {
			news[obj] = append(news[obj], cur.Node().(*ast.FuncLit))
		}
	}
	return news
}

// newOwner returns the pool whose New the function literal at cur is, or
// nil.
func newOwner(info *types.Info, cur inspector.Cursor) types.Object {
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt: // pool.New = func() any { ... }
		i := slices.Index(p.Rhs, cur.Node().(ast.Expr))
		if i < 0 || len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		sel, ok := p.Lhs[i].(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "New" || !isPoolType(info.TypeOf(sel.X)) {
			return nil
		}
		return referent(info, sel.X)
	case *ast.KeyValueExpr: // sync.Pool{New: func() any { ... }}
		key, ok := p.Key.(*ast.Ident)
		litCur := cur.Parent().Parent()
		lit, isLit := litCur.Node().(*ast.CompositeLit)
		if !ok || !isLit || key.Name != "New" || !typesx.IsSyncPool(info.TypeOf(lit)) {
			return nil
		}
		return literalOwner(info, litCur)
	}
	return nil
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
			return genericOrigin(info.Uses[key])
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
		return genericOrigin(info.ObjectOf(e))
	case *ast.SelectorExpr:
		return genericOrigin(info.ObjectOf(e.Sel))
	}
	return nil
}

// genericOrigin returns the field of a generic type's declaration for a field of
// one of its instances, so that both name the same pool.
func genericOrigin(obj types.Object) types.Object {
	if v, ok := obj.(*types.Var); ok {
		return v.Origin()
	}
	return obj
}

func isPoolType(t types.Type) bool {
	return typesx.IsSyncPool(t) || typesx.IsPointerTo(t, "sync", "Pool")
}

// makesVariableSlice reports whether the function literal makes a slice
// whose length or capacity is not a constant.
func makesVariableSlice(info *types.Info, lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		id, _ := ast.Unparen(call.Fun).(*ast.Ident)
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "make" && len(call.Args) > 1 {
			_, slice := info.TypeOf(call.Args[0]).Underlying().(*types.Slice)
			found = slice && slices.ContainsFunc(call.Args[1:], func(size ast.Expr) bool { return info.Types[size].Value == nil })
		}
		return !found
	})
	return found
}
