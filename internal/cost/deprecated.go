package cost

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// isDeprecated reports whether a doc comment has a paragraph that starts
// with "Deprecated: ", the convention go doc, gopls and staticcheck follow.
func isDeprecated(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	text := doc.Text()
	return strings.HasPrefix(text, "Deprecated: ") || strings.Contains(text, "\nDeprecated: ")
}

// deprecatedPackage reports whether the package comment of one of the
// files says the package is deprecated.
func deprecatedPackage(files []*ast.File) bool {
	for _, f := range files {
		if isDeprecated(f.Doc) {
			return true
		}
	}
	return false
}

// deprecatedTypes returns the named types of the package that only
// deprecated API reaches, with why: those documented as deprecated, and
// unexported ones that only deprecated functions make. Maintainers do not
// invest in such code: its methods are cold, whatever their names.
func deprecatedTypes(pass *analysis.Pass) map[*types.TypeName]string {
	deprecated := make(map[*types.TypeName]string)
	makers := make(map[*types.TypeName][]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.GenDecl:
				if decl.Tok != token.TYPE {
					continue
				}
				for _, spec := range decl.Specs {
					ts := spec.(*ast.TypeSpec)
					tn, ok := pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
					if ok && (isDeprecated(ts.Doc) || len(decl.Specs) == 1 && isDeprecated(decl.Doc)) {
						deprecated[tn] = "deprecated API (" + tn.Name() + ")"
					}
				}
			case *ast.FuncDecl:
				if decl.Body == nil {
					continue
				}
				for tn := range madeIn(pass, decl.Body) {
					makers[tn] = append(makers[tn], decl)
				}
			}
		}
	}
	for tn, decls := range makers {
		if _, ok := deprecated[tn]; ok || tn.Exported() {
			continue
		}
		all := true
		for _, d := range decls {
			all = all && isDeprecated(d.Doc)
		}
		if all {
			deprecated[tn] = "reachable only through deprecated API (" + decls[0].Name.Name + ")"
		}
	}
	return deprecated
}

// madeIn returns the named types of the package whose composite literals
// body holds.
func madeIn(pass *analysis.Pass, body *ast.BlockStmt) map[*types.TypeName]bool {
	made := make(map[*types.TypeName]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			if named, ok := types.Unalias(pass.TypesInfo.TypeOf(lit)).(*types.Named); ok && named.Obj().Pkg() == pass.Pkg {
				made[named.Obj()] = true
			}
		}
		return true
	})
	return made
}

// receiverType returns the type name of decl's receiver, or nil.
func receiverType(pass *analysis.Pass, decl *ast.FuncDecl) *types.TypeName {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return nil
	}
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		return named.Obj()
	}
	return nil
}
