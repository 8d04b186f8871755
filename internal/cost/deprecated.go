package cost

import (
	"go/ast"
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

// deprecatedTypes returns the unexported named types of the package that
// only deprecated functions make, with why: maintainers do not invest in
// such code, and its methods are cold, whatever their names. A type that
// is itself documented as deprecated is not: its users are told of a
// replacement, but keep it running (x/net's http2.Server).
func deprecatedTypes(pass *analysis.Pass) map[*types.TypeName]string {
	makers := make(map[*types.TypeName][]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				for tn := range madeIn(pass, fd.Body) {
					makers[tn] = append(makers[tn], fd)
				}
			}
		}
	}
	deprecated := make(map[*types.TypeName]string)
	for tn, decls := range makers {
		if tn.Exported() {
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
