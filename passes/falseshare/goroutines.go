package falseshare

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// A root is a way code of the package comes to run on a goroutine: a go
// statement of the package, or the goroutines of the package's callers
// (which call its exported functions, perhaps concurrently).
type root struct {
	pos  token.Pos // of the go statement; NoPos for the callers
	many bool      // the go statement is in a loop: many goroutines run it
	// owner is the struct whose method the go statement starts (go
	// v.loop()): the goroutine belongs to that value.
	owner *types.TypeName
}

// callersRoot stands for the goroutines of the package's callers.
var callersRoot = &root{many: true}

// goroutines maps each function of the package (a declaration, or a
// function literal started by a go statement) to the roots whose
// goroutines run it, following the package's static calls.
type goroutines struct {
	pass   *analysis.Pass
	roots  map[ast.Node][]*root    // *ast.FuncDecl or *ast.FuncLit
	calls  map[ast.Node][]ast.Node // caller to the declarations it calls
	decls  map[*types.Func]*ast.FuncDecl
	anyGo  bool
	goLits map[*ast.FuncLit]*root
}

func findGoroutines(pass *analysis.Pass, insp *inspector.Inspector) *goroutines {
	g := &goroutines{
		pass:   pass,
		roots:  make(map[ast.Node][]*root),
		calls:  make(map[ast.Node][]ast.Node),
		decls:  make(map[*types.Func]*ast.FuncDecl),
		goLits: make(map[*ast.FuncLit]*root),
	}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
			g.decls[fn] = decl
		}
	}
	var starts []struct {
		r      *root
		target ast.Node
	}
	for cur := range insp.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		if isTestFile(pass, cur.Node()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			g.anyGo = true
			r := &root{pos: n.Go, many: inLoop(cur), owner: g.methodOwner(n.Call)}
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				g.goLits[lit] = r
				starts = append(starts, struct {
					r      *root
					target ast.Node
				}{r, lit})
			} else if decl := g.callee(n.Call); decl != nil {
				starts = append(starts, struct {
					r      *root
					target ast.Node
				}{r, decl})
			}
		case *ast.CallExpr:
			if kind, _ := cur.ParentEdge(); kind == edge.GoStmt_Call {
				break // runs on the new goroutine, not its starter's
			}
			if decl := g.callee(n); decl != nil {
				caller := g.unit(cur)
				if caller != nil && !slices.Contains(g.calls[caller], ast.Node(decl)) {
					g.calls[caller] = append(g.calls[caller], decl)
				}
			}
		}
	}
	for _, s := range starts {
		g.spread(s.target, s.r)
	}
	for fn, decl := range g.decls {
		if fn.Exported() && (decl.Recv == nil || exportedRecv(fn)) {
			g.spread(decl, callersRoot)
		}
	}
	return g
}

func exportedRecv(fn *types.Func) bool {
	recv := fn.Signature().Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	n, ok := types.Unalias(recv).(*types.Named)
	return ok && n.Obj().Exported()
}

func isTestFile(pass *analysis.Pass, n ast.Node) bool {
	name := pass.Fset.File(n.Pos()).Name()
	return len(name) > 8 && name[len(name)-8:] == "_test.go"
}

// inLoop reports whether the node at cur runs once per iteration of a loop
// of its function.
func inLoop(cur inspector.Cursor) bool {
	n := cur.Node()
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch anc.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		if body := astx.LoopBody(anc.Node()); body.Pos() <= n.Pos() && n.End() <= body.End() {
			return true
		}
	}
	return false
}

// methodOwner returns the struct of the package whose method call calls
// (v.loop()), or nil.
func (g *goroutines) methodOwner(call *ast.CallExpr) *types.TypeName {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	selection := g.pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return nil
	}
	t := selection.Recv()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return typesx.LocalStruct(g.pass.Pkg, t)
}

// callee returns the declaration of the package's function or method that
// call calls statically, or nil.
func (g *goroutines) callee(call *ast.CallExpr) *ast.FuncDecl {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	case *ast.IndexExpr: // an instantiated generic function
		if x, ok := fun.X.(*ast.Ident); ok {
			id = x
		}
	}
	if id == nil {
		return nil
	}
	fn, ok := g.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok {
		return nil
	}
	return g.decls[fn.Origin()]
}

// unit returns the function that the code at cur belongs to: the function
// literal started by a go statement around it, or else its declaration;
// nil at package level.
func (g *goroutines) unit(cur inspector.Cursor) ast.Node {
	for anc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := anc.Node().(type) {
		case *ast.FuncLit:
			if _, ok := g.goLits[n]; ok {
				return n
			}
		case *ast.FuncDecl:
			return n
		}
	}
	return nil
}

// spread marks fn and everything it calls in the package as run by r.
func (g *goroutines) spread(fn ast.Node, r *root) {
	if slices.Contains(g.roots[fn], r) {
		return
	}
	g.roots[fn] = append(g.roots[fn], r)
	for _, callee := range g.calls[fn] {
		g.spread(callee, r)
	}
}

// of returns the roots whose goroutines run the code at cur.
func (g *goroutines) of(cur inspector.Cursor) []*root {
	if u := g.unit(cur); u != nil {
		return g.roots[u]
	}
	return nil
}

// concurrent reports whether some goroutine of a and a different one of b
// can run at once, one of them started by the package: two roots, or, for
// memory that all goroutines share (package variables and what they hold,
// elements of a shared array), many goroutines of one root. Many
// goroutines of one root that write a struct field usually write each its
// own value (a connection's goroutine, its connection).
func concurrent(a, b []*root, shared bool) (ra, rb *root, ok bool) {
	for _, x := range a {
		for _, y := range b {
			if x == callersRoot && y == callersRoot {
				continue
			}
			if x != y || x.many && shared {
				return x, y, true
			}
		}
	}
	return nil, nil, false
}
