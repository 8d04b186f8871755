package cost

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// isDeprecated reports whether a doc comment has a paragraph that starts
// with "Deprecated: ", the convention go doc, gopls and staticcheck follow.
// It reads the lines as they are, without building the comment's text.
func isDeprecated(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		line := strings.TrimLeft(strings.TrimPrefix(c.Text, "//"), " \t")
		if strings.HasPrefix(line, "Deprecated: ") {
			return true
		}
	}
	return false
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
	// Most packages deprecate nothing: look at the bodies of the others
	// only when a deprecated function makes an unexported type.
	var deprecatedFuncs, others []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				if isDeprecated(fd.Doc) {
					deprecatedFuncs = append(deprecatedFuncs, fd)
				} else {
					others = append(others, fd)
				}
			}
		}
	}
	deprecated := make(map[*types.TypeName]string)
	for _, fd := range deprecatedFuncs {
		for tn := range madeIn(pass, fd.Body) {
			if !tn.Exported() && deprecated[tn] == "" {
				deprecated[tn] = "reachable only through deprecated API (" + fd.Name.Name + ")"
			}
		}
	}
	for _, fd := range others {
		if len(deprecated) == 0 {
			break
		}
		for tn := range madeIn(pass, fd.Body) {
			delete(deprecated, tn)
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
