package poolreset

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/fieldstore"
	"github.com/memlint/memlint/internal/lazyinspect"
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
	return slices.ContainsFunc(a.news[typesx.Origin(pool.obj)], func(lit *ast.FuncLit) bool {
		return makesVariableSlice(info, lit)
	})
}

// poolNews maps each pool variable or field of the package to the
// function literals given as its New: in a sync.Pool literal, or assigned
// to its New field.
func poolNews(pass *analysis.Pass) map[types.Object][]*ast.FuncLit {
	news := make(map[types.Object][]*ast.FuncLit)
	insp := lazyinspect.Of(pass)
	for cur := range insp.Root().Preorder((*ast.FuncLit)(nil)) {
		if obj, _ := typesx.PoolNew(pass.TypesInfo, cur); obj != nil {
			news[obj] = append(news[obj], cur.Node().(*ast.FuncLit))
		}
	}
	return news
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

// newLeavesZero reports whether every New function of pool returns a
// fresh struct, new(T) or a literal, that leaves the field at path of its
// object (of type t) at its zero value. Any Get may return such an object,
// so every use of the pool copes with the zero field: clearing it before
// Put gives the next Get what New would, even where that Get does not set
// it.
func (a *checker) newLeavesZero(pool poolKey, t types.Type, path fieldstore.Path) bool {
	if pool.obj == nil || len(path) == 0 {
		return false
	}
	field := path[:1].Field(t) // a literal that leaves the outer field unset leaves all of it
	if field == nil {
		return false
	}
	if a.news == nil {
		a.news = poolNews(a.pass)
	}
	news := a.news[typesx.Origin(pool.obj)]
	return len(news) > 0 && !slices.ContainsFunc(news, func(lit *ast.FuncLit) bool {
		return !returnsFreshWithout(a.pass.TypesInfo, lit, field)
	})
}

// returnsFreshWithout reports whether lit's body is one return of new(T),
// &T{...} or T{...} whose elements, all keyed, do not set field.
func returnsFreshWithout(info *types.Info, lit *ast.FuncLit, field *types.Var) bool {
	if len(lit.Body.List) != 1 {
		return false
	}
	ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	e := ast.Unparen(ret.Results[0])
	if call, ok := e.(*ast.CallExpr); ok {
		return astx.IsBuiltin(info, call.Fun, "new")
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional: every field is set
		}
		if key, ok := kv.Key.(*ast.Ident); !ok || info.Uses[key] == field {
			return false
		}
	}
	return true
}
