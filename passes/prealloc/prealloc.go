package prealloc

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/tables"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports slices and maps filled in loops of known length.
var Analyzer = &analysis.Analyzer{
	Name:     "prealloc",
	Doc:      passdoc.Extract(docFile, "prealloc"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/prealloc",
	Requires: []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() { suppress.Register(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	packageTables := tables.Of(pass)
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for fileCur := range in.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || rep.Skips(file) {
			continue
		}
		c := &checker{pass: pass, rep: rep, file: file, src: astx.NewSource(pass), escaped: make(map[ast.Node]map[*types.Var]bool), tables: packageTables}
		for loop := range fileCur.Preorder((*ast.RangeStmt)(nil), (*ast.ForStmt)(nil)) {
			c.checkLoop(loop)
		}
	}
	return nil, nil
}

// checker holds what is computed at most once per file.
type checker struct {
	pass    *analysis.Pass
	rep     *suppress.Reporter
	file    *ast.File
	src     *astx.Source
	escaped map[ast.Node]map[*types.Var]bool // by outermost function: see escapedVars
	tables  map[*types.Var]bool              // package variables initialized with a literal
}

// An accumulation is the one statement of a loop body that adds an element
// to a slice (x = append(x, v)) or a map (m[k] = v).
type accumulation struct {
	v     *types.Var
	stmt  ast.Stmt
	isMap bool
}

func (c *checker) checkLoop(loopCur inspector.Cursor) {
	body := astx.LoopBody(loopCur.Node())
	accs := c.accumulations(body)
	if len(accs) == 0 {
		return
	}
	fn := outermostFunc(loopCur)
	if fn == nil || c.isColdPath(loopCur) || c.src.File(c.file.FileStart) == nil {
		return
	}
	n, ok := c.tripCount(loopCur.Node(), fn)
	if !ok || leavesEarly(body) || c.allocatesPerIteration(body) {
		return
	}

	// The loop must be a statement of a block, so that the statements
	// before it can be searched for the slice's declaration.
	stmtCur := loopCur
	if _, isLabeled := loopCur.Parent().Node().(*ast.LabeledStmt); isLabeled {
		stmtCur = loopCur.Parent()
	}
	list, idx := astx.StmtList(stmtCur)
	if list == nil {
		return
	}
	for _, acc := range accs {
		c.checkAccumulation(acc, n, fn, list, idx)
	}
}

// accumulations returns the unconditional accumulations of body: top-level
// statements only, one per variable.
func (c *checker) accumulations(body *ast.BlockStmt) []accumulation {
	var accs []accumulation
	seen := make(map[*types.Var]int)
	for _, stmt := range body.List {
		acc, ok := c.asAccumulation(stmt)
		if !ok {
			continue
		}
		seen[acc.v]++
		accs = append(accs, acc)
	}
	return slices.DeleteFunc(accs, func(a accumulation) bool { return seen[a.v] > 1 })
}

func (c *checker) asAccumulation(stmt ast.Stmt) (accumulation, bool) {
	assign, ok := stmt.(*ast.AssignStmt)
	if !ok || assign.Tok != token.ASSIGN || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return accumulation{}, false
	}
	if index, ok := assign.Lhs[0].(*ast.IndexExpr); ok {
		v := c.localVar(index.X)
		if v == nil || !isMap(v.Type()) || astx.Mentions(c.pass.TypesInfo, index.Index, v) || astx.Mentions(c.pass.TypesInfo, assign.Rhs[0], v) {
			return accumulation{}, false // m[k] = append(m[k], v) groups: the map gets fewer keys
		}
		return accumulation{v: v, stmt: stmt, isMap: true}, true
	}
	v := c.localVar(assign.Lhs[0])
	call, ok := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
	if v == nil || !ok || !c.isBuiltin(call.Fun, "append") || len(call.Args) != 2 || call.Ellipsis.IsValid() ||
		c.localVar(call.Args[0]) != v || !isSlice(v.Type()) {
		return accumulation{}, false
	}
	return accumulation{v: v, stmt: stmt}, true
}

// localVar returns the local variable that e names, if it does.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

func (c *checker) isBuiltin(fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}

func outermostFunc(cur inspector.Cursor) ast.Node {
	var fn ast.Node
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f.Node()
	}
	return fn
}

// isColdPath reports whether the loop is in code that runs to build
// diagnostics or debug output, where a few extra allocations do not matter.
func (c *checker) isColdPath(cur inspector.Cursor) bool {
	if underVerboseFlag(cur) {
		return true
	}
	for f := range cur.Enclosing((*ast.FuncDecl)(nil)) { // at most one
		decl := f.Node().(*ast.FuncDecl)
		name := decl.Name.Name
		if decl.Recv != nil && slices.Contains([]string{"Error", "String", "GoString", "Format"}, name) ||
			c.printsText(decl) || c.formatsString(decl) || c.runsOncePerProcess(decl) {
			return true
		}
		lower := strings.ToLower(name)
		return strings.Contains(lower, "debug") || strings.Contains(lower, "dump")
	}
	return false
}

// runsOncePerProcess reports whether decl is an init function or the main
// function of a command: whatever its loops save is saved once per run.
func (c *checker) runsOncePerProcess(decl *ast.FuncDecl) bool {
	if decl.Recv != nil {
		return false
	}
	return decl.Name.Name == "init" || decl.Name.Name == "main" && c.pass.Pkg.Name() == "main"
}

// formatsString reports whether decl is a formatter like String: its name
// begins with format and it returns one string.
func (c *checker) formatsString(decl *ast.FuncDecl) bool {
	results := decl.Type.Results
	if !strings.HasPrefix(strings.ToLower(decl.Name.Name), "format") || results == nil || results.NumFields() != 1 {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(results.List[0].Type)
	return t != nil && typesx.IsString(t)
}

// printsText reports whether decl is a text printer like String: it is
// given a writer (io.Writer, *bytes.Buffer, *strings.Builder) and formats
// text into it with fmt.Fprint*. Such summaries are for people to read.
func (c *checker) printsText(decl *ast.FuncDecl) bool {
	if decl.Body == nil || !slices.ContainsFunc(decl.Type.Params.List, func(f *ast.Field) bool { return isWriter(c.pass.TypesInfo.TypeOf(f.Type)) }) {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
			found = fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.HasPrefix(fn.Name(), "Fprint")
		}
		return !found
	})
	return found
}

// isWriter reports whether t is io.Writer, *bytes.Buffer or *strings.Builder.
func isWriter(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		return isBuffer(ptr.Elem())
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "io" && named.Obj().Name() == "Writer"
}

// underVerboseFlag reports whether the loop runs only when an if statement
// tests a verbose or debug flag (if Verbose { ... }): verbose-only output.
func underVerboseFlag(cur inspector.Cursor) bool {
	for ifCur := range cur.Enclosing((*ast.IfStmt)(nil)) {
		stmt := ifCur.Node().(*ast.IfStmt)
		if n := cur.Node(); n.Pos() < stmt.Body.Pos() || n.End() > stmt.Body.End() {
			continue // in the else branch or the condition
		}
		flag := false
		ast.Inspect(stmt.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				lower := strings.ToLower(id.Name)
				flag = flag || strings.Contains(lower, "verbose") || strings.Contains(lower, "debug")
			}
			return !flag
		})
		if flag {
			return true
		}
	}
	return false
}

// leavesEarly reports whether body may end the loop before its last
// iteration, or skip part of an iteration: then the trip count is only an
// upper bound on the number of appends.
func leavesEarly(body *ast.BlockStmt) bool {
	found := false
	var visit func(root ast.Node, breakCaught, continueCaught bool)
	visit = func(root ast.Node, breakCaught, continueCaught bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				switch {
				case n.Label != nil, n.Tok == token.GOTO:
					found = true
				case n.Tok == token.BREAK:
					found = !breakCaught
				case n.Tok == token.CONTINUE:
					found = !continueCaught
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
					found = true // conservatively, even if panic is shadowed
				}
			case *ast.ForStmt:
				visit(n.Body, true, true)
				return false
			case *ast.RangeStmt:
				visit(n.Body, true, true)
				return false
			case *ast.SwitchStmt:
				visit(n.Body, true, continueCaught)
				return false
			case *ast.TypeSwitchStmt:
				visit(n.Body, true, continueCaught)
				return false
			case *ast.SelectStmt:
				visit(n.Body, true, continueCaught)
				return false
			}
			return !found
		})
	}
	visit(body, false, false)
	return found
}

// allocatingCalls are functions that allocate their result on every call.
var allocatingCalls = map[string][]string{
	"fmt":     {"Sprint", "Sprintf", "Sprintln", "Errorf"},
	"errors":  {"New"},
	"strings": {"Join", "Repeat", "Split", "SplitN", "SplitAfter", "Fields", "FieldsFunc"},
}

// allocatesPerIteration reports whether body visibly allocates on every
// iteration. Then the few reallocations that a capacity would save are a
// small share of the loop's allocations, and maintainers reject the change.
func (c *checker) allocatesPerIteration(body *ast.BlockStmt) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false // keep the answer: siblings are still visited
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			found = true // a closure, and who knows what it does
		case *ast.CompositeLit:
			if t := info.TypeOf(n); t != nil {
				found = isSlice(t) || isMap(t)
			}
		case *ast.UnaryExpr:
			// &T{} allocates, and so does &v for a v declared in the loop.
			if n.Op == token.AND {
				_, isLit := ast.Unparen(n.X).(*ast.CompositeLit)
				v := c.localVar(n.X)
				found = isLit || v != nil && body.Pos() <= v.Pos() && v.Pos() < body.End()
			}
		case *ast.BinaryExpr:
			if tv, ok := info.Types[n]; ok && tv.Value == nil && n.Op == token.ADD && typesx.IsString(tv.Type) {
				found = true
			}
		case *ast.ValueSpec:
			found = isBuffer(info.TypeOf(n.Type))
		case *ast.CallExpr:
			found = c.isBuiltin(n.Fun, "make") || c.isBuiltin(n.Fun, "new") || c.isStringConversion(n) || c.isAllocatingCall(n)
		}
		return !found
	})
	return found
}

// isBuffer reports whether t is a strings.Builder or bytes.Buffer, which
// grow their own storage.
func isBuffer(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	name := named.Obj().Pkg().Path() + "." + named.Obj().Name()
	return name == "strings.Builder" || name == "bytes.Buffer"
}

func (c *checker) isStringConversion(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() || len(call.Args) != 1 {
		return false
	}
	if tv, ok := info.Types[call]; !ok || tv.Value != nil {
		return false
	}
	to, from := info.TypeOf(call), info.TypeOf(call.Args[0])
	return from != nil && (typesx.IsString(to) && isSlice(from) || isSlice(to) && typesx.IsString(from))
}

func (c *checker) isAllocatingCall(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && slices.Contains(allocatingCalls[fn.Pkg().Path()], fn.Name())
}

// mentionsDirectly is like mentions but ignores function literals, which
// can only read a variable that has not escaped.
func (c *checker) mentionsDirectly(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && (c.pass.TypesInfo.Uses[id] == v || c.pass.TypesInfo.Defs[id] == v) {
			found = true
		}
		return !found
	})
	return found
}

func (c *checker) checkAccumulation(acc accumulation, n count, fn ast.Node, list []ast.Stmt, idx int) {
	loop := list[idx]
	if c.escapedVars(fn)[acc.v] || c.mentionedOutside(loop, acc) || c.growsElsewhere(fn, loop, acc) || holdsFuncs(acc.v.Type()) || c.boxes(acc) {
		return
	}
	declIdx := -1
	for j := idx - 1; j >= 0; j-- {
		if c.mentionsDirectly(list[j], acc.v) {
			declIdx = j
			break
		}
	}
	if declIdx < 0 {
		return // declared in an outer block: its length and capacity are unknown here
	}
	init, ok := c.emptyInit(list[declIdx], acc.v)
	if !ok || init.isMap != acc.isMap {
		return
	}
	d := finding{acc: acc, count: n, init: init, loop: loop}
	if !init.isNil && c.canSetAtInit(init, n, list[declIdx+1:idx], fn) {
		fix := c.makeFix(d)
		c.report(d, c.message(d), &fix)
		return
	}
	if acc.isMap {
		return // a map can only be sized where it is made
	}
	if fix, why := c.growFix(d); fix != nil {
		c.report(d, c.message(d), fix)
	} else {
		c.report(d, c.message(d)+"; no automatic fix: "+why, nil)
	}
}

// mentionedOutside reports whether the loop refers to the accumulated
// variable anywhere but in its accumulation statement.
func (c *checker) mentionedOutside(loop ast.Stmt, acc accumulation) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if n == acc.stmt {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == acc.v {
			found = true
		}
		return !found
	})
	return found
}

// growsElsewhere reports whether fn appends to the accumulated slice
// outside the loop too, as when a second loop appends more. The loop's
// count is then only part of the final length: the first append past it
// copies everything into a new array again, and the right capacity would be
// a sum nobody wants to read. (A map sized too small is different: since
// Go 1.24 it grows one table of at most 1024 slots at a time, so the size
// hint still saves what it covers.)
func (c *checker) growsElsewhere(fn ast.Node, loop ast.Stmt, acc accumulation) bool {
	if acc.isMap {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == loop || found {
			return false
		}
		if assign, ok := n.(*ast.AssignStmt); ok && c.appendsTo(assign, acc.v) {
			found = true
		}
		return true
	})
	return found
}

// boxes reports whether the accumulation stores a concrete value into an
// interface element: each such conversion allocates a copy of the value,
// so the loop already allocates once per iteration (PRECISION.md, reason
// 12). Pointer-shaped values and constants convert without allocating.
func (c *checker) boxes(acc accumulation) bool {
	assign := acc.stmt.(*ast.AssignStmt)
	value := assign.Rhs[0]
	if !acc.isMap {
		value = ast.Unparen(value).(*ast.CallExpr).Args[1]
	}
	var elem types.Type
	switch t := acc.v.Type().Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Map:
		elem = t.Elem()
	}
	tv, ok := c.pass.TypesInfo.Types[value]
	if !ok || tv.Value != nil || tv.Type == nil || elem == nil || !types.IsInterface(elem) || types.IsInterface(tv.Type) {
		return false
	}
	switch t := tv.Type.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		return false
	case *types.Basic:
		return t.Kind() != types.UnsafePointer && t.Kind() != types.UntypedNil
	}
	return c.pass.TypesSizes == nil || c.pass.TypesSizes.Sizeof(tv.Type) > 0
}

// holdsFuncs reports whether t is a slice or map of functions: listeners,
// hooks, handlers. Code registers those, one by one, so there are few.
func holdsFuncs(t types.Type) bool {
	var elem types.Type
	switch t := t.Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Map:
		elem = t.Elem()
	default:
		return false
	}
	_, isFunc := elem.Underlying().(*types.Signature)
	return isFunc
}

// appendsTo reports whether assign is v = append(v, ...), with any
// arguments.
func (c *checker) appendsTo(assign *ast.AssignStmt, v *types.Var) bool {
	if len(assign.Lhs) != 1 || len(assign.Rhs) != 1 || c.localVar(assign.Lhs[0]) != v {
		return false
	}
	call, ok := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
	return ok && c.isBuiltin(call.Fun, "append") && len(call.Args) > 0 && c.localVar(call.Args[0]) == v
}

// escapedVars returns the local variables of fn whose address is taken, or
// that a function literal assigns although they are declared outside it:
// calls may change those at any time.
func (c *checker) escapedVars(fn ast.Node) map[*types.Var]bool {
	if vars, ok := c.escaped[fn]; ok {
		return vars
	}
	info := c.pass.TypesInfo
	vars := make(map[*types.Var]bool)
	var lits []*ast.FuncLit
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			lits = append(lits, n)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := c.root(n.X); v != nil {
					vars[v] = true
				}
			}
		case *ast.SelectorExpr:
			// x.M() with a pointer receiver takes x's address.
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && !sel.Indirect() && hasPointerReceiver(sel.Obj()) {
				if v := c.root(n.X); v != nil {
					vars[v] = true
				}
			}
		}
		return true
	})
	for _, lit := range lits {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			var written []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				written = n.Lhs
			case *ast.IncDecStmt:
				written = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					written = []ast.Expr{n.Key, n.Value}
				}
			}
			for _, e := range written {
				if v := c.root(e); v != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
					vars[v] = true
				}
			}
			return true
		})
	}
	c.escaped[fn] = vars
	return vars
}

func hasPointerReceiver(method types.Object) bool {
	sig, ok := method.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	_, isPtr := sig.Recv().Type().(*types.Pointer)
	return isPtr
}

// root returns the local variable at the root of a chain of field
// selections, indexes and parentheses, such as s in s.a[i].b.
func (c *checker) root(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return c.localVar(x)
		}
	}
}
