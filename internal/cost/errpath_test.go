package cost_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/internal/lazyinspect"
)

// showErrorPath reports, at each call of mark, whether it is on an error
// path.
var showErrorPath = &analysis.Analyzer{
	Name:     "showerrorpath",
	Doc:      "report whether each call of mark is on an error path",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		insp := lazyinspect.Of(pass)
		for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
			if id, ok := cur.Node().(*ast.CallExpr).Fun.(*ast.Ident); ok && id.Name == "mark" {
				what := "normal"
				if cost.OnErrorPath(pass.TypesInfo, cur) {
					what = "on error path"
				}
				pass.Reportf(id.Pos(), "%s", what)
			}
		}
		return nil, nil
	},
}

func TestOnErrorPath(t *testing.T) {
	analysistest.Run(t, fixture.Dir(t), showErrorPath, "cost/errpath")
}
