package fieldalign

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/typesx"
)

// escapes answers, from the package's own source, whether a value made in
// a call can outlive it: a per-call value that does not is one at a time,
// often kept on the stack, and no evidence that many values exist.
type escapes struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	// outlives memoizes, for locals and parameters, whether what they
	// hold may outlive the call.
	outlives map[*types.Var]bool
}

func newEscapes(pass *analysis.Pass) *escapes {
	e := &escapes{info: pass.TypesInfo, decls: make(map[*types.Func]*ast.FuncDecl), outlives: make(map[*types.Var]bool)}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					e.decls[fn] = fd
				}
			}
		}
	}
	return e
}

// outlivesCall reports whether the value allocated at cur (&T{} or
// new(T)) can outlive its function's call: it is returned, sent,
// captured, stored anywhere but a local variable, or given to code that
// may keep it; or it is assigned to a local that is.
func (e *escapes) outlivesCall(cur inspector.Cursor) bool {
	at := cur
	if un, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && un.Op == token.AND {
		at = cur.Parent()
	}
	var body *ast.BlockStmt
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fd, ok := fn.Node().(*ast.FuncDecl); ok {
			body = fd.Body
		} else {
			return true // a closure's value: when it runs, and what keeps it, is not followed
		}
		break
	}
	for {
		parent := at.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			at = parent
			continue
		case *ast.AssignStmt:
			for i, rhs := range p.Rhs {
				if rhs == at.Node() && len(p.Lhs) == len(p.Rhs) {
					return e.keptBy(p.Lhs[i], body)
				}
			}
			return true
		case *ast.ValueSpec:
			for i, v := range p.Values {
				if v == at.Node() && len(p.Names) == len(p.Values) {
					return e.keptBy(p.Names[i], body)
				}
			}
			return true
		case *ast.CallExpr:
			for i, arg := range p.Args {
				if arg == at.Node() {
					return e.argOutlives(p, i)
				}
			}
			return true
		case *ast.ExprStmt:
			return false
		case *ast.SelectorExpr:
			// (&T{}).M(): used in place, unless M hands back its receiver.
			return e.returnsReceiver(p)
		default:
			return true // returned, sent, an element of a larger value, ...
		}
	}
}

// isLocal reports whether v is a local variable or parameter.
func (e *escapes) isLocal(v *types.Var) bool {
	return v.Parent() != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() && !v.IsField()
}

// storedAway reports whether the address taken at cur (&v) is kept past
// the call where the package shows it: stored in a field, an element or a
// package variable, or given to a function of the package that keeps its
// parameter (r.readFrame(c, &head) setting f.header = head). Other uses,
// given to another package or an interface, are not counted: most only
// read what they are given.
func (e *escapes) storedAway(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == cur.Node() && len(p.Lhs) == len(p.Rhs) {
				id, isIdent := ast.Unparen(p.Lhs[i]).(*ast.Ident)
				v, isVar := e.info.ObjectOf(id).(*types.Var)
				return !isIdent || isVar && !e.isLocal(v)
			}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(e.info, p).(*types.Func)
		if !ok || e.decls[fn.Origin()] == nil {
			return false
		}
		for i, arg := range p.Args {
			if arg == cur.Node() {
				return e.argOutlives(p, i)
			}
		}
	}
	return false
}

// returnsReceiver reports whether sel selects a method that returns a
// value of its receiver's type (a builder's Set returning the builder),
// or is not a method.
func (e *escapes) returnsReceiver(sel *ast.SelectorExpr) bool {
	s := e.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return true
	}
	recv := e.info.TypeOf(sel.X)
	res := s.Obj().(*types.Func).Signature().Results()
	for v := range res.Variables() {
		if types.Identical(v.Type(), recv) {
			return true
		}
	}
	return false
}

// keptBy reports whether the target of an assignment keeps the value past
// the call: anything but a local variable, or a local that does.
func (e *escapes) keptBy(lhs ast.Expr, body *ast.BlockStmt) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return true
	}
	if id.Name == "_" {
		return false
	}
	v, ok := e.info.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return true
	}
	return e.varOutlives(v, body)
}

// varOutlives reports whether the value that the local or parameter v of
// the function with this body holds may outlive the call: every use of v
// must read it in place (v.f, v.M(), *v, a comparison) or pass it to a
// function of the package whose parameter does not outlive the call.
func (e *escapes) varOutlives(v *types.Var, body *ast.BlockStmt) bool {
	if r, ok := e.outlives[v]; ok {
		return r
	}
	e.outlives[v] = false // a recursive call that passes it on adds nothing
	found := false
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if found {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || e.info.Uses[id] != v {
			return true
		}
		for k, anc := range stack {
			if lit, ok := anc.(*ast.FuncLit); ok && !runsInPlace(lit, stack[:k]) && !e.calledBack(lit, stack[:k]) {
				found = true // captured by a closure that may run later
				return false
			}
		}
		switch p := stack[len(stack)-1].(type) {
		case *ast.SelectorExpr, *ast.StarExpr, *ast.BinaryExpr:
			return true
		case *ast.CallExpr:
			if p.Fun == ast.Expr(id) {
				return true
			}
			for i, arg := range p.Args {
				if arg == ast.Expr(id) && !e.argOutlives(p, i) {
					return true
				}
			}
		}
		found = true
		return false
	})
	e.outlives[v] = found
	return found
}

// argOutlives reports whether the call may keep its argument i past its
// own return: a function of another package, an interface method or a
// function value may; append does; so does a function of the package
// whose parameter outlives its call.
func (e *escapes) argOutlives(call *ast.CallExpr, i int) bool {
	switch callee := typeutil.Callee(e.info, call).(type) {
	case *types.Builtin:
		return callee.Name() == "append"
	case *types.Func:
		callee = callee.Origin()
		decl := e.decls[callee]
		sig := callee.Signature()
		if decl == nil || call.Ellipsis.IsValid() || sig.Variadic() && i >= sig.Params().Len()-1 || i >= sig.Params().Len() {
			return true
		}
		param := sig.Params().At(i)
		if param.Name() == "" || param.Name() == "_" {
			return false
		}
		return e.varOutlives(param, decl.Body)
	}
	return true
}

// runsInPlace reports whether the function literal lit, below the nodes
// of stack, is called where it is written or deferred to the return
// (defer func() { ... }()), not started in a goroutine: what it captures
// lives no longer than the call.
func runsInPlace(lit *ast.FuncLit, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	if !ok || call.Fun != ast.Expr(lit) {
		return false
	}
	_, spawned := stack[len(stack)-2].(*ast.GoStmt)
	return !spawned
}

// callbackPackages hold algorithms that call their function arguments
// before they return and keep none: sort.Slice's less, strings.Map's
// mapping.
var callbackPackages = []string{"sort", "slices", "maps", "strings", "bytes"}

// calledBack reports whether the function literal lit, below the nodes of
// stack, is an argument of a function of callbackPackages.
func (e *escapes) calledBack(lit *ast.FuncLit, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	if !ok || call.Fun == ast.Expr(lit) {
		return false
	}
	pkg, _ := typesx.Callee(e.info, call)
	return slices.Contains(callbackPackages, pkg)
}
