package poolreset

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/cost"
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
	Requires: []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer, cost.Analyzer},
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
	if !slices.ContainsFunc(pass.Pkg.Imports(), func(p *types.Package) bool { return p.Path() == "sync" }) {
		return nil, nil // no pool can be named without importing sync
	}
	rep := suppress.NewReporter(pass)
	c := findCandidates(pass, rep)
	if len(c.decls) == 0 {
		return nil, nil
	}
	funcs := ssafunc.Build(pass, c.decls)
	a := newChecker(pass, c, funcs)
	for _, f := range a.check() {
		rep.Report(f.d, f.e)
	}
	return nil, nil
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
}

// findCandidates selects the functions that call (*sync.Pool).Get or Put,
// and the functions that call those (which may be getter or putter helpers).
func findCandidates(pass *analysis.Pass, rep *suppress.Reporter) *candidates {
	c := &candidates{
		funcDecl: make(map[*types.Func]*ast.FuncDecl),
		putCall:  make(map[token.Pos]*ast.CallExpr),
		putStmt:  make(map[token.Pos]ast.Stmt),
		inList:   make(map[ast.Stmt]bool),
	}
	usesPool := make(map[*ast.FuncDecl]bool)
	calls := make(map[*ast.FuncDecl][]*types.Func) // same-package callees
	var decls []*ast.FuncDecl                      // in source order
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
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
				switch name := poolMethodName(fn); {
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

// poolMethodName returns "Get" or "Put" if fn is that method of sync.Pool.
func poolMethodName(fn *types.Func) string {
	if fn.Pkg() == nil || fn.Pkg().Path() != "sync" || (fn.Name() != "Get" && fn.Name() != "Put") {
		return ""
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if typesx.IsPointerTo(recv.Type(), "sync", "Pool") {
		return fn.Name()
	}
	return ""
}
