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
	return slices.ContainsFunc(a.news[typesx.Origin(pool.obj)], func(lit *ast.FuncLit) bool {
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
