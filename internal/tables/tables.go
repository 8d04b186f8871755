// Package tables finds a package's tables: package variables initialized
// with a composite literal. Their length is written in the source, not set
// by input, so loops over them are short and of constant length.
package tables

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
)

// Of returns the tables of the package of pass.
func Of(pass *analysis.Pass) map[*types.Var]bool {
	tables := make(map[*types.Var]bool)
	for v, value := range packageVars(pass) {
		if _, ok := ast.Unparen(value).(*ast.CompositeLit); ok {
			tables[v] = true
		}
	}
	return tables
}

// packageVars yields the package variables declared in the files of pass
// with the value each is declared with, nil if none; not those declared
// together from one call (var a, b = f()).
func packageVars(pass *analysis.Pass) iter.Seq2[*types.Var, ast.Expr] {
	return func(yield func(*types.Var, ast.Expr) bool) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				gen, ok := decl.(*ast.GenDecl)
				if !ok || gen.Tok != token.VAR {
					continue
				}
				for _, spec := range gen.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != 0 && len(vs.Names) != len(vs.Values) {
						continue
					}
					for i, name := range vs.Names {
						v, ok := pass.TypesInfo.Defs[name].(*types.Var)
						if !ok {
							continue
						}
						var value ast.Expr
						if len(vs.Values) > 0 {
							value = vs.Values[i]
						}
						if !yield(v, value) {
							return
						}
					}
				}
			}
		}
	}
}

// Zeros returns the package variables of the package of pass that hold
// their type's zero value wherever they are read: declared without a
// value or with an empty composite literal (var emptyResponse =
// Response{}), and never assigned, incremented or addressed in the
// package. Copying one over a struct clears every field.
func Zeros(pass *analysis.Pass) map[*types.Var]bool {
	zeros := make(map[*types.Var]bool)
	for v, value := range packageVars(pass) {
		if value == nil || isEmptyLiteral(value) {
			zeros[v] = true
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					delete(zeros, rootVar(pass.TypesInfo, lhs))
				}
			case *ast.IncDecStmt:
				delete(zeros, rootVar(pass.TypesInfo, n.X))
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					delete(zeros, rootVar(pass.TypesInfo, n.X))
				}
			}
			return true
		})
	}
	return zeros
}

func isEmptyLiteral(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

func rootVar(info *types.Info, x ast.Expr) *types.Var {
	if id := astx.RootIdent(x); id != nil {
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	return nil
}
