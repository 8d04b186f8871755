package profile

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// Symbols returns how the runtime spells the package of pass in function
// symbols: its import path, or "main" for a command.
func Symbols(pkg *types.Package) string {
	if pkg.Name() == "main" {
		return "main"
	}
	return pkg.Path()
}

// Sites returns the lines whose cost a finding from pos to end counts:
// its own lines, and, when it is reported at the name of a variable or a
// type of the package, the lines that assign the variable (where a slice
// grows, a map is filled or a string is concatenated) or mention the type
// inside a function (where values of it are made).
func Sites(pass *analysis.Pass, pos, end token.Pos) []Site {
	files := make(map[*token.File]*ast.File, len(pass.Files))
	for _, f := range pass.Files {
		files[pass.Fset.File(f.FileStart)] = f
	}
	var sites []Site
	seen := make(map[Site]bool)
	add := func(p token.Pos, lines int) {
		tf := pass.Fset.File(p)
		site, ok := enclosingSite(pass, files[tf], p)
		if !ok {
			return
		}
		first := tf.Line(p)
		for l := first; l <= first+lines; l++ {
			site.Line = l
			if !seen[site] {
				seen[site] = true
				sites = append(sites, site)
			}
		}
	}
	tf := pass.Fset.File(pos)
	if tf == nil || files[tf] == nil {
		return nil
	}
	lines := 0
	if end.IsValid() && pass.Fset.File(end) == tf {
		lines = tf.Line(end) - tf.Line(pos)
	}
	add(pos, lines)
	path, _ := astutil.PathEnclosingInterval(files[tf], pos, pos)
	if len(path) > 0 {
		if id, ok := path[0].(*ast.Ident); ok {
			for _, p := range mentions(pass, files[tf], pass.TypesInfo.ObjectOf(id)) {
				add(p, 0)
			}
		}
	}
	return sites
}

// mentions returns where the lines that make or grow obj's values are: the
// assignments to a variable, in its function or (package variables) the
// package, and the uses of a type of the package inside function bodies.
func mentions(pass *analysis.Pass, file *ast.File, obj types.Object) []token.Pos {
	var out []token.Pos
	switch obj := obj.(type) {
	case *types.Var:
		scope := []ast.Node{}
		if obj.Parent() == pass.Pkg.Scope() {
			for _, f := range pass.Files {
				scope = append(scope, f)
			}
		} else if fn := enclosingDecl(file, obj.Pos()); fn != nil {
			scope = append(scope, fn)
		}
		for _, n := range scope {
			ast.Inspect(n, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok {
					for _, lhs := range as.Lhs {
						if id := rootIdent(lhs); id != nil && pass.TypesInfo.ObjectOf(id) == obj {
							out = append(out, as.Pos())
						}
					}
				}
				return true
			})
		}
	case *types.TypeName:
		if obj.Pkg() != pass.Pkg {
			return nil
		}
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok || fn.Body == nil {
					continue
				}
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == obj {
						out = append(out, id.Pos())
					}
					return true
				})
			}
		}
	}
	return out
}

// rootIdent returns the variable an assignment to e stores into: x for
// x, x[i] and (x).
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
}

func enclosingDecl(file *ast.File, pos token.Pos) *ast.FuncDecl {
	if file == nil {
		return nil
	}
	for _, decl := range file.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Pos() <= pos && pos < fn.End() {
			return fn
		}
	}
	return nil
}

// enclosingSite returns the site of pos with its function filled in, or
// false when pos is in no function.
func enclosingSite(pass *analysis.Pass, file *ast.File, pos token.Pos) (Site, bool) {
	decl := enclosingDecl(file, pos)
	if decl == nil {
		return Site{}, false
	}
	site := Site{Func: Symbols(pass.Pkg) + "." + funcName(pass, decl), Start: pass.Fset.Position(decl.Pos()).Line}
	if decl.Body != nil {
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= pos && pos < lit.End() {
				site.Closure, site.Start = true, pass.Fset.Position(lit.Pos()).Line
			}
			return n == nil || n.Pos() <= pos && pos < n.End()
		})
	}
	return site, true
}

// funcName spells decl's name as the runtime does in symbols, after the
// package: F, F[...] for generic functions, T.M and (*T).M for methods,
// (*T[...]).M for methods of generic types, init.N for the N'th init
// function of the package.
func funcName(pass *analysis.Pass, decl *ast.FuncDecl) string {
	name := decl.Name.Name
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		if name == "init" {
			return fmt.Sprintf("init.%d", initIndex(pass, decl))
		}
		if decl.Type.TypeParams != nil {
			name += "[...]"
		}
		return name
	}
	recv := ast.Unparen(decl.Recv.List[0].Type)
	star, ok := recv.(*ast.StarExpr)
	if ok {
		recv = ast.Unparen(star.X)
	}
	var typ string
	switch r := recv.(type) {
	case *ast.Ident:
		typ = r.Name
	case *ast.IndexExpr:
		typ = fmt.Sprint(r.X) + "[...]"
	case *ast.IndexListExpr:
		typ = fmt.Sprint(r.X) + "[...]"
	}
	if star != nil {
		typ = "(*" + typ + ")"
	}
	return typ + "." + name
}

// initIndex numbers the package's init functions in the order the
// compiler does: by file, then position.
func initIndex(pass *analysis.Pass, decl *ast.FuncDecl) int {
	n := 0
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
				if fn == decl {
					return n
				}
				n++
			}
		}
	}
	return n
}
