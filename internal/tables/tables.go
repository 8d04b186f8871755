// Package tables finds a package's tables: package variables initialized
// with a composite literal. Their length is written in the source, not set
// by input, so loops over them are short and of constant length.
package tables

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Of returns the tables of the package of pass.
func Of(pass *analysis.Pass) map[*types.Var]bool {
	tables := make(map[*types.Var]bool)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != len(vs.Values) {
					continue // var a, b = f(): no literal
				}
				for i, name := range vs.Names {
					if _, ok := ast.Unparen(vs.Values[i]).(*ast.CompositeLit); ok {
						if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
							tables[v] = true
						}
					}
				}
			}
		}
	}
	return tables
}
