package poolreset

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/ssafunc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports sync.Pool objects put back dirty, used after Put, or
// boxed on every Put.
var Analyzer = &analysis.Analyzer{
	Name:     "poolreset",
	Doc:      passdoc.Extract(docFile, "poolreset"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/poolreset",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() {
	// maxcap is off by default: a bounded workload never needs it.
	Analyzer.Flags.Bool("maxcap", false, "also report growable buffers put back into a sync.Pool without a capacity check")
	suppress.Register(Analyzer)
}

func run(pass *analysis.Pass) (any, error) {
	if !namesPools(pass.Pkg) {
		return nil, nil
	}
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	c := findCandidates(pass, rep)
	if len(c.decls) == 0 {
		return nil, nil
	}
	funcs := ssafunc.Build(pass, c.decls)
	a := newChecker(pass, rep, c, funcs)
	for _, f := range a.check() {
		rep.Report(f.d, f.e)
	}
	return nil, nil
}

// namesPools reports whether pkg can name a pool: it imports sync, or a
// package that declares a generic pool type (see importedWrapperKind),
// which must import sync itself. Most packages import neither, and the
// pass skips them.
func namesPools(pkg *types.Package) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool {
		return isSync(p) || slices.ContainsFunc(p.Imports(), isSync) && declaresGenericPool(p)
	})
}

func isSync(p *types.Package) bool { return p.Path() == "sync" }

// declaresGenericPool reports whether p declares a generic type whose Put
// is a pool wrapper's.
func declaresGenericPool(p *types.Package) bool {
	scope := p.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() == 0 {
			continue
		}
		for m := range named.Methods() {
			if importedWrapperKind(m) == "Put" {
				return true
			}
		}
	}
	return false
}

// candidates are the functions worth building SSA for, and the syntax the
// fixes need.
type candidates struct {
	decls    []*ast.FuncDecl               // in source order
	files    []*ast.File                   // the files analysed (tests only with include-tests)
	funcDecl map[*types.Func]*ast.FuncDecl // every function declared in the package
	putCall  map[token.Pos]*ast.CallExpr   // Put calls by Lparen
	putStmt  map[token.Pos]ast.Stmt        // Put call's Lparen -> the ExprStmt or DeferStmt holding it, if it is one
	inList   map[ast.Stmt]bool             // statements directly in a statement list
	wrappers map[*types.Func]string        // methods of generic pool types that only Get or Put: "Get" or "Put"
	pkg      *types.Package                // the package analysed
}

// findCandidates selects the functions that call (*sync.Pool).Get or Put,
// and the functions that call those (which may be getter or putter helpers).
func findCandidates(pass *analysis.Pass, rep *suppress.Reporter) *candidates {
	c := &candidates{
		funcDecl: make(map[*types.Func]*ast.FuncDecl),
		putCall:  make(map[token.Pos]*ast.CallExpr),
		putStmt:  make(map[token.Pos]ast.Stmt),
		inList:   make(map[ast.Stmt]bool),
		wrappers: genericWrappers(pass),
		pkg:      pass.Pkg,
	}
	usesPool := make(map[*ast.FuncDecl]bool)
	calls := make(map[*ast.FuncDecl][]*types.Func) // same-package callees
	var decls []*ast.FuncDecl                      // in source order
	insp := lazyinspect.Of(pass)
	for fileCur := range insp.Root().Children() {
		if rep.Skips(fileCur.Node().(*ast.File)) {
			continue
		}
		c.files = append(c.files, fileCur.Node().(*ast.File))
		for fdCur := range fileCur.Preorder((*ast.FuncDecl)(nil)) {
			fd := fdCur.Node().(*ast.FuncDecl)
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fd.Body == nil || !ok {
				continue
			}
			c.funcDecl[obj] = fd
			decls = append(decls, fd)
			for callCur := range fdCur.Preorder((*ast.CallExpr)(nil)) {
				call := callCur.Node().(*ast.CallExpr)
				fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
				if !ok {
					continue
				}
				switch name := c.poolCall(fn); {
				case name == "Get":
					usesPool[fd] = true
				case name == "Put":
					usesPool[fd] = true
					c.notePutSyntax(callCur)
				case fn.Pkg() == pass.Pkg:
					calls[fd] = append(calls[fd], fn)
				}
			}
		}
	}
	if len(usesPool) == 0 {
		return c
	}

	helper := make(map[*types.Func]bool)
	for obj, fd := range c.funcDecl {
		if usesPool[fd] {
			helper[obj] = true
		}
	}
	for _, fd := range decls {
		if usesPool[fd] || slices.ContainsFunc(calls[fd], func(fn *types.Func) bool { return helper[fn] }) {
			c.decls = append(c.decls, fd)
		}
	}
	return c
}

// notePutSyntax records the statement that holds a Put call, for the fix.
func (c *candidates) notePutSyntax(callCur inspector.Cursor) {
	call := callCur.Node().(*ast.CallExpr)
	c.putCall[call.Lparen] = call
	parent := callCur.Parent()
	var stmt ast.Stmt
	switch p := parent.Node().(type) {
	case *ast.ExprStmt:
		stmt = p
	case *ast.DeferStmt:
		stmt = p
	default:
		return
	}
	c.putStmt[call.Lparen] = stmt
	switch parent.Parent().Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		c.inList[stmt] = true
	}
}

// poolCall returns "Get" or "Put" if fn is that method of sync.Pool, or
// of a generic pool type that wraps it (of the package, or imported).
func (c *candidates) poolCall(fn *types.Func) string {
	if name := typesx.PoolMethod(fn); name != "" {
		return name
	}
	return c.wrapperCall(fn)
}

// wrapperCall returns "Get" or "Put" if fn is that method of a generic
// pool type: one of the package, or one imported (see importedWrapperKind).
func (c *candidates) wrapperCall(fn *types.Func) string {
	if name := c.wrappers[fn.Origin()]; name != "" {
		return name
	}
	if fn.Pkg() == nil || fn.Pkg() == c.pkg {
		return ""
	}
	return importedWrapperKind(fn.Origin())
}

// importedWrapperKind returns "Get" or "Put" if fn is that method of a
// generic type of another package that holds a sync.Pool, such as
// Prometheus's zeropool.Pool[T]: a Get that takes nothing and returns the
// type parameter, or a Put that takes it and returns nothing. Its body is
// not in this package, but a Put whose parameter is of a type parameter
// constrained only by any has no operation with which to reset or clear
// what it is given (short of reflection): whatever the caller left in the
// object goes into the pool with it. A type that also holds a function
// (a destructor its maker gives, as jwx's pool.New(alloc, free)) may run
// it on what Put is given, and is not such a pool.
func importedWrapperKind(fn *types.Func) string {
	sig := fn.Signature()
	if sig.RecvTypeParams().Len() == 0 || !barePool(sig.Recv().Type()) {
		return ""
	}
	anyParam := func(t types.Type) bool {
		tp, ok := t.(*types.TypeParam)
		if !ok {
			return false
		}
		iface, ok := tp.Constraint().Underlying().(*types.Interface)
		return ok && iface.NumMethods() == 0 && iface.IsMethodSet()
	}
	switch {
	case fn.Name() == "Get" && sig.Params().Len() == 0 && sig.Results().Len() == 1 && anyParam(sig.Results().At(0).Type()):
		return "Get"
	case fn.Name() == "Put" && sig.Params().Len() == 1 && sig.Results().Len() == 0 && anyParam(sig.Params().At(0).Type()):
		return "Put"
	}
	return ""
}

// barePool reports whether recv, a method's receiver, is a pointer to a
// struct with a field of type sync.Pool or *sync.Pool and no field of a
// function type.
func barePool(recv types.Type) bool {
	ptr, ok := recv.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	pool := false
	for i := range st.NumFields() {
		t := st.Field(i).Type()
		if _, hook := t.Underlying().(*types.Signature); hook {
			return false
		}
		pool = pool || typesx.IsSyncPool(t) || typesx.IsPointerTo(t, "sync", "Pool")
	}
	return pool
}

// genericWrappers returns the methods of the package's generic types that
// do nothing but get an object from a sync.Pool and return it as the type
// parameter (return p.pool.Get().(T)), or put their parameter, of the
// type parameter, back (p.pool.Put(x)): "type Pool[T any] struct{ p
// sync.Pool }". Each instance of the type is a pool of its own, and
// calls of these methods are its Get and Put.
func genericWrappers(pass *analysis.Pass) map[*types.Func]string {
	wrappers := make(map[*types.Func]string)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil || len(fd.Body.List) != 1 {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || fn.Signature().RecvTypeParams().Len() == 0 {
				continue
			}
			if name := wrapperKind(pass.TypesInfo, fn, fd.Body.List[0]); name != "" {
				wrappers[fn] = name
			}
		}
	}
	return wrappers
}

// wrapperKind returns "Get" if stmt, the only statement of the method fn,
// is "return pool.Get().(T)" with T fn's only result, a type parameter,
// and "Put" if it is "pool.Put(x)" with x fn's only parameter, of a type
// parameter.
func wrapperKind(info *types.Info, fn *types.Func, stmt ast.Stmt) string {
	sig := fn.Signature()
	isTypeParam := func(t types.Type) bool { _, ok := t.(*types.TypeParam); return ok }
	callsPool := func(e ast.Expr, method string) (*ast.CallExpr, bool) {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		m, ok := typeutil.Callee(info, call).(*types.Func)
		return call, ok && typesx.PoolMethod(m) == method
	}
	switch s := stmt.(type) {
	case *ast.ReturnStmt:
		if sig.Results().Len() != 1 || !isTypeParam(sig.Results().At(0).Type()) || len(s.Results) != 1 {
			return ""
		}
		ta, ok := ast.Unparen(s.Results[0]).(*ast.TypeAssertExpr)
		if !ok {
			return ""
		}
		if _, gets := callsPool(ta.X, "Get"); gets {
			return "Get"
		}
	case *ast.ExprStmt:
		if sig.Params().Len() != 1 || !isTypeParam(sig.Params().At(0).Type()) || sig.Results().Len() != 0 {
			return ""
		}
		call, puts := callsPool(s.X, "Put")
		if !puts || len(call.Args) != 1 {
			return ""
		}
		if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && info.Uses[id] == sig.Params().At(0) {
			return "Put"
		}
	}
	return ""
}
