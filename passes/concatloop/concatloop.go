package concatloop

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/tables"
	"github.com/memlint/memlint/internal/typesx"
)

func init() {
	// Strings that are struct fields or package variables are off by
	// default: their fix is never safe to apply blind, and maintainers
	// declined every such finding in the code we read.
	Analyzer.Flags.Bool("nonlocal", false, "also report strings that are struct fields or package variables (never fixed)")
	suppress.Register(Analyzer)
}

//go:embed doc.go
var docFile string

// Analyzer reports strings built by concatenation across loop iterations.
var Analyzer = &analysis.Analyzer{
	Name:     "concatloop",
	Doc:      passdoc.Extract(docFile, "concatloop"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/concatloop",
	Requires: []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

// A target is the string that accumulates: a variable, or a field path
// rooted at one (obj.f.g), compared by objects rather than by text.
type target struct {
	obj  *types.Var
	path string // ".f.g" for a field path, "" for the variable itself
}

// An accumulation is one statement s += x or s = s + x + ..., with the
// operands it appends, in order.
type accumulation struct {
	cur      inspector.Cursor // of stmt; zero when not needed
	stmt     *ast.AssignStmt
	target   target
	operands []ast.Expr
}

// A group is one loop and the accumulations of one string across its
// iterations: the unit of a diagnostic.
type group struct {
	loop   inspector.Cursor // *ast.ForStmt or *ast.RangeStmt
	fn     inspector.Cursor // innermost *ast.FuncDecl or *ast.FuncLit
	target target
	accums []*accumulation
	// others is set when another string also accumulates in the loop.
	others bool
}

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	insp  *inspector.Inspector
	rep   *suppress.Reporter
	src   *astx.Source
	names map[ast.Node]map[string]bool // identifiers of a top-level function, plus builders already chosen
	// listInits maps package variables initialized by a composite literal
	// to it, built on first use.
	listInits map[*types.Var]bool
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:  pass,
		info:  pass.TypesInfo,
		insp:  pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		rep:   suppress.NewReporter(pass),
		src:   astx.NewSource(pass),
		names: make(map[ast.Node]map[string]bool),
	}
	for fileCur := range c.insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if c.rep.Skips(file) {
			continue
		}
		for _, g := range c.groups(fileCur) {
			c.check(file, g)
		}
	}
	return nil, nil
}

// groups finds the accumulations of a file and groups them by the loop they
// grow across, in source order.
func (c *checker) groups(fileCur inspector.Cursor) []*group {
	var groups []*group
	byLoop := make(map[ast.Node]*group)
	for cur := range fileCur.Preorder((*ast.AssignStmt)(nil)) {
		acc := c.accumulation(cur.Node().(*ast.AssignStmt))
		if acc == nil {
			continue
		}
		acc.cur = cur
		loop, fn, ok := c.growthLoop(cur, acc.target)
		if !ok {
			continue
		}
		g := byLoop[loop.Node()]
		switch {
		case g == nil:
			g = &group{loop: loop, fn: fn, target: acc.target}
			byLoop[loop.Node()] = g
			groups = append(groups, g)
		case g.target != acc.target:
			g.others = true
			continue
		}
		g.accums = append(g.accums, acc)
	}
	return groups
}

// accumulation returns the accumulation that stmt is, or nil.
func (c *checker) accumulation(stmt *ast.AssignStmt) *accumulation {
	if len(stmt.Lhs) != 1 || len(stmt.Rhs) != 1 || !typesx.IsString(c.info.TypeOf(stmt.Lhs[0])) {
		return nil
	}
	t, ok := c.targetOf(stmt.Lhs[0])
	if !ok {
		return nil
	}
	operands := c.flattenConcat(stmt.Rhs[0])
	switch stmt.Tok {
	case token.ADD_ASSIGN:
	case token.ASSIGN:
		// s = s + x + ...; prepending (s = x + s) is not something a
		// builder can fix, so it is left alone.
		if len(operands) < 2 {
			return nil
		}
		if first, ok := c.targetOf(operands[0]); !ok || first != t {
			return nil
		}
		operands = operands[1:]
	default:
		return nil
	}
	for _, op := range operands {
		if astx.Mentions(c.info, op, t.obj) {
			return nil // s += s doubles the string; s = s + f(s) reads it
		}
	}
	return &accumulation{stmt: stmt, target: t, operands: operands}
}

// isTypedString reports whether t is a typed string: a sum of constants
// is folded by the compiler and copies nothing at run time.
func isTypedString(t types.Type) bool {
	return typesx.IsString(t) && !typesx.IsUntyped(t)
}

// flattenConcat returns the operands of a chain of string concatenations
// a + b + c, left to right. Parenthesized sums stay whole.
func (c *checker) flattenConcat(e ast.Expr) []ast.Expr {
	if bin, ok := e.(*ast.BinaryExpr); ok && bin.Op == token.ADD && isTypedString(c.info.TypeOf(bin)) {
		return append(c.flattenConcat(bin.X), bin.Y)
	}
	return []ast.Expr{e}
}

// targetOf resolves x, pkg.x or x.f.g to the variable (path) it denotes.
func (c *checker) targetOf(e ast.Expr) (target, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := c.info.ObjectOf(e).(*types.Var); ok && e.Name != "_" {
			return target{obj: v}, true
		}
	case *ast.SelectorExpr:
		if sel := c.info.Selections[e]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return target{}, false
			}
			base, ok := c.targetOf(e.X)
			return target{obj: base.obj, path: base.path + "." + e.Sel.Name}, ok
		}
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok { // pkg.V
			return target{obj: v}, true
		}
	}
	return target{}, false
}

// growthLoop returns the outermost loop around an accumulation, within its
// function, across whose iterations the target keeps growing: the target is
// declared outside it and not reassigned in it.
func (c *checker) growthLoop(cur inspector.Cursor, t target) (loop, fn inspector.Cursor, ok bool) {
	var loops []inspector.Cursor
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = anc
		default:
			loops = append(loops, anc)
			continue
		}
		break
	}
	for i := len(loops) - 1; i >= 0; i-- {
		l := loops[i]
		if !contains(l.Node(), t.obj.Pos()) && !c.reassignedIn(l, t) {
			return l, fn, true
		}
	}
	return inspector.Cursor{}, fn, false
}

func contains(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// reassignedIn reports whether the loop writes t (or the variable its
// field path starts from) other than by accumulating, or takes its address.
func (c *checker) reassignedIn(loop inspector.Cursor, t target) bool {
	overwrites := func(lhs ast.Expr) bool {
		lt, ok := c.targetOf(lhs)
		return ok && lt.obj == t.obj && strings.HasPrefix(t.path+".", lt.path+".")
	}
	for cur := range loop.Preorder((*ast.AssignStmt)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if acc := c.accumulation(n); acc != nil && acc.target == t {
				continue
			}
			for _, lhs := range n.Lhs {
				if overwrites(lhs) {
					return true
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && overwrites(n.Key) || n.Value != nil && overwrites(n.Value)) {
				return true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && astx.Mentions(c.info, n.X, t.obj) {
				return true
			}
		}
	}
	return false
}

// check reports a group unless a maintainer would not take the change.
func (c *checker) check(file *ast.File, g *group) {
	if !passflag.Bool(c.pass, "nonlocal") && !c.isLocal(g) || c.constantTripCount(g.loop.Node()) || c.padding(g) || c.cold(g) {
		return
	}
	first := g.accums[0].stmt
	name := c.src.Text(first.Lhs[0])
	how := "+="
	if first.Tok == token.ASSIGN {
		how = name + " = " + name + " + ..."
	}
	msg := fmt.Sprintf("%s grows by %s %s: each iteration copies the whole string built so far, so the copying is quadratic in the loop's length",
		name, how, c.tripCount(g.loop.Node()))

	var fix *analysis.SuggestedFix
	var why string
	switch remedy, sep := c.remedy(g); remedy {
	case "join":
		msg += fmt.Sprintf("; use strings.Join(%s, %s)", c.src.Text(g.loop.Node().(*ast.RangeStmt).X), c.src.Text(sep))
		fix, why = c.joinFix(file, g, sep)
	case "repeat":
		msg += "; use strings.Repeat"
		fix, why = c.repeatFix(file, g)
	default:
		msg += "; use a strings.Builder"
		fix, why = c.builderFix(file, g)
	}
	d := analysis.Diagnostic{Pos: first.Pos(), End: first.End(), Message: msg}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	} else {
		d.Message += " (no automatic fix: " + why + ")"
	}
	c.rep.Report(d, cost.Estimate{Tier: cost.Medium})
}

// isLocal reports whether the string is a variable (or parameter or
// result) of the loop's function, which only that function can read.
func (c *checker) isLocal(g *group) bool {
	return g.target.path == "" && contains(g.fn.Node(), g.target.obj.Pos())
}

// tripCount describes how many times the loop runs, for the message.
func (c *checker) tripCount(loop ast.Node) string {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		x := c.short(l.X)
		switch u := c.underlying(l.X).(type) {
		case *types.Chan:
			return "in a loop over every value received from " + x
		case *types.Signature:
			return "in a loop over every value " + x + " yields"
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return "in a loop of " + x + " iterations"
			}
		}
		return "in a loop of len(" + x + ") iterations"
	case *ast.ForStmt:
		if l.Cond == nil {
			return "in a loop that runs until it exits"
		}
		if n := c.countTo(l); n != nil {
			return "in a loop of " + c.short(n) + " iterations"
		}
		return "in a loop while " + c.short(l.Cond)
	}
	return "in a loop"
}

// countTo returns n for a loop for i := 0; i < n; i++, which runs n times.
func (c *checker) countTo(l *ast.ForStmt) ast.Expr {
	init, ok := l.Init.(*ast.AssignStmt)
	post, ok2 := l.Post.(*ast.IncDecStmt)
	cond, ok3 := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || !ok3 || len(init.Lhs) != 1 || len(init.Rhs) != 1 || post.Tok != token.INC ||
		cond.Op != token.LSS || !c.isCounter(cond.X, post) || !c.isCounter(init.Lhs[0], post) {
		return nil
	}
	if tv := c.info.Types[init.Rhs[0]]; tv.Value == nil || tv.Value.ExactString() != "0" {
		return nil
	}
	return cond.Y
}

// short returns the source of e, elided when it is too long for a message.
func (c *checker) short(e ast.Expr) string {
	s := c.src.Text(e)
	if len(s) > 40 || strings.Contains(s, "\n") {
		return "…"
	}
	return s
}

// constantTripCount reports whether the loop runs a number of times fixed
// by the code rather than the input: then its cost does not grow.
func (c *checker) constantTripCount(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		x := ast.Unparen(l.X)
		if _, ok := x.(*ast.CompositeLit); ok || c.info.Types[x].Value != nil {
			return true
		}
		switch t := c.underlying(x).(type) {
		case *types.Array:
			return true
		case *types.Pointer:
			_, ok := t.Elem().Underlying().(*types.Array)
			return ok
		}
		return c.isFixedList(x) || c.isFixedListParam(x)
	case *ast.ForStmt:
		return c.boundedByConstant(l.Cond, l.Post)
	}
	return false
}

// padding reports whether a for loop (not a range) appends only constants:
// padding to a width or lengthening a fence until it is unique, which stops
// at a few dozen bytes rather than growing with the input.
func (c *checker) padding(g *group) bool {
	if _, ok := g.loop.Node().(*ast.ForStmt); !ok {
		return false
	}
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			if c.info.Types[op].Value == nil {
				return false
			}
		}
	}
	return true
}

// boundedByConstant reports whether cond compares a counter stepped by post
// with a constant, as in for i := 0; i < 10; i++.
func (c *checker) boundedByConstant(cond ast.Expr, post ast.Stmt) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch bin.Op {
	case token.LAND:
		return c.boundedByConstant(bin.X, post) || c.boundedByConstant(bin.Y, post)
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
		return c.isCounter(bin.X, post) && c.info.Types[bin.Y].Value != nil ||
			c.isCounter(bin.Y, post) && c.info.Types[bin.X].Value != nil
	}
	return false
}

func (c *checker) isCounter(e ast.Expr, post ast.Stmt) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || post == nil {
		return false
	}
	var stepped ast.Expr
	switch p := post.(type) {
	case *ast.IncDecStmt:
		stepped = p.X
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && (p.Tok == token.ADD_ASSIGN || p.Tok == token.SUB_ASSIGN) {
			stepped = p.Lhs[0]
		}
	}
	sid, ok := stepped.(*ast.Ident)
	return ok && c.info.ObjectOf(sid) == c.info.ObjectOf(id) && c.info.ObjectOf(id) != nil
}

// isFixedList reports whether e is a package variable initialized with a
// composite literal: a table written in the code, not input.
func (c *checker) isFixedList(e ast.Expr) bool {
	t, ok := c.targetOf(e)
	if !ok || t.path != "" || t.obj.Pkg() != c.pass.Pkg || t.obj.Parent() != c.pass.Pkg.Scope() {
		return false
	}
	if c.listInits == nil {
		c.listInits = tables.Of(c.pass)
	}
	return c.listInits[t.obj]
}

// isFixedListParam reports whether e is a parameter of an unexported
// function that every call in the package passes a fixed list, as in
// flagName(i, shfStrings) for a table shfStrings.
func (c *checker) isFixedListParam(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	param, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	var decl *ast.FuncDecl
	index := -1
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Name.IsExported() || !contains(fd.Type, param.Pos()) || fd.Type.Params == nil {
				continue
			}
			i := 0
			for _, field := range fd.Type.Params.List {
				for _, name := range field.Names {
					if c.info.Defs[name] == param {
						decl, index = fd, i
					}
					i++
				}
			}
		}
	}
	if decl == nil || decl.Recv != nil {
		return false
	}
	fn := c.info.Defs[decl.Name]
	calls := 0
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[cur.Node().(*ast.Ident)] != fn {
			continue
		}
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != cur.Node() || index >= len(call.Args) || call.Ellipsis.IsValid() {
			return false
		}
		arg := ast.Unparen(call.Args[index])
		if _, ok := arg.(*ast.CompositeLit); !ok && !c.isFixedList(arg) {
			return false
		}
		calls++
	}
	return calls > 0
}

// remedy says whether strings.Join ("join", with the separator) or
// strings.Repeat ("repeat") fits the loop better than a builder ("").
func (c *checker) remedy(g *group) (string, ast.Expr) {
	if sep := c.joinSeparator(g); sep != nil {
		return "join", sep
	}
	// strings.Repeat fits a loop that only appends the same strings each time.
	body := astx.LoopBody(g.loop.Node())
	if len(body.List) != len(g.accums) {
		return "", nil
	}
	for i, acc := range g.accums {
		if body.List[i] != acc.stmt {
			return "", nil
		}
		for _, op := range acc.operands {
			if !c.invariant(op, g.loop) {
				return "", nil
			}
		}
	}
	return "repeat", nil
}

// invariant reports whether e has the same value in every iteration of the
// loop: a constant, or a variable declared outside it and not written in it.
func (c *checker) invariant(e ast.Expr, loop inspector.Cursor) bool {
	if c.info.Types[e].Value != nil {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && !contains(loop.Node(), v.Pos()) && !c.reassignedIn(loop, target{obj: v})
}

// joinSeparator returns sep when the loop joins the elements of a string
// slice with it: the range value x is the only other thing appended, as
// s += sep + x, s += x + sep, or if <not first> { s += sep }; s += x.
func (c *checker) joinSeparator(g *group) ast.Expr {
	rng, ok := g.loop.Node().(*ast.RangeStmt)
	if !ok || rng.Value == nil || !isStringSlice(c.info.TypeOf(rng.X)) {
		return nil
	}
	value, _ := rng.Value.(*ast.Ident)
	isValue := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && value != nil && c.info.ObjectOf(id) == c.info.ObjectOf(value)
	}
	if !c.onlyAccumulates(rng.Body, g) {
		return nil
	}
	var sep ast.Expr
	sawValue := false
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			switch {
			case isValue(op) && !sawValue:
				sawValue = true
			case c.invariant(op, g.loop) && (sep == nil || c.src.Text(sep) == c.src.Text(op)):
				sep = op
			default:
				return nil
			}
		}
	}
	if !sawValue || sep == nil {
		return nil
	}
	return sep
}

// onlyAccumulates reports whether the body does nothing but accumulate,
// some of it under an if with no else (as separators are).
func (c *checker) onlyAccumulates(body *ast.BlockStmt, g *group) bool {
	isAcc := func(s ast.Stmt) bool {
		for _, acc := range g.accums {
			if acc.stmt == s {
				return true
			}
		}
		return false
	}
	for _, s := range body.List {
		if ifs, ok := s.(*ast.IfStmt); ok && ifs.Else == nil && len(ifs.Body.List) == 1 && isAcc(ifs.Body.List[0]) {
			continue
		}
		if !isAcc(s) {
			return false
		}
	}
	return true
}

func isStringSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	return ok && types.Identical(s.Elem(), types.Typ[types.String])
}

// cold reports whether the loop runs on a path nobody optimizes: error
// and debug output, diagnostics, panics.
func (c *checker) cold(g *group) bool {
	decl := c.outerDecl(g.fn)
	if decl == nil {
		return false
	}
	if decl.Recv != nil && (decl.Name.Name == "Error" || decl.Name.Name == "GoString") {
		return true
	}
	lower := strings.ToLower(decl.Name.Name)
	if strings.Contains(lower, "debug") || strings.Contains(lower, "dump") {
		return true
	}
	return c.buildsError(g.target) || c.formatsPieces(g) || c.guardedByDebugFlag(g.loop) ||
		c.endsInDiagnostic(g) || c.onlyFeedsDiagnostics(decl)
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// buildsError reports whether the string is a field of an error value,
// such as a PathError's Path: error paths are cold.
func (c *checker) buildsError(t target) bool {
	if t.path == "" {
		return false
	}
	typ := t.obj.Type()
	return types.Implements(typ, errorType) || types.Implements(types.NewPointer(typ), errorType)
}

// formatsPieces reports whether a piece is made by fmt.Sprint and friends:
// the formatting already costs more per iteration than the copying saves
// on the short strings such loops build, and maintainers decline the change.
func (c *checker) formatsPieces(g *group) bool {
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			call, ok := ast.Unparen(op).(*ast.CallExpr)
			if !ok {
				continue
			}
			if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && fn.Pkg() != nil &&
				fn.Pkg().Path() == "fmt" && strings.HasPrefix(fn.Name(), "Sprint") {
				return true
			}
		}
	}
	return false
}

// outerDecl returns the declaration of the function around fn.
func (c *checker) outerDecl(fn inspector.Cursor) *ast.FuncDecl {
	for anc := range fn.Enclosing((*ast.FuncDecl)(nil)) {
		return anc.Node().(*ast.FuncDecl)
	}
	return nil
}

// guardedByDebugFlag reports whether the loop runs only under an if whose
// condition names a debug, verbose or trace switch.
func (c *checker) guardedByDebugFlag(loop inspector.Cursor) bool {
	for anc := range loop.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		if !contains(ifs.Body, loop.Node().Pos()) {
			continue
		}
		flagged := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				name := strings.ToLower(id.Name)
				flagged = flagged || strings.Contains(name, "debug") || strings.Contains(name, "verbose") || strings.Contains(name, "trace")
			}
			return !flagged
		})
		if flagged {
			return true
		}
	}
	return false
}

// endsInDiagnostic reports whether the built string is used, after the
// loop, in a panic, an error or a log message.
func (c *checker) endsInDiagnostic(g *group) bool {
	for cur := range g.fn.Preorder((*ast.Ident)(nil)) {
		if cur.Node().Pos() < g.loop.Node().End() || c.info.Uses[cur.Node().(*ast.Ident)] != g.target.obj {
			continue
		}
		for call := range cur.Enclosing((*ast.CallExpr)(nil)) {
			if c.isDiagnosticCall(call.Node().(*ast.CallExpr)) {
				return true
			}
		}
	}
	return false
}

// isDiagnosticCall reports whether call builds or emits a diagnostic:
// panic, print, errors.New, fmt.Errorf, the log package, or a helper named
// like one (errorf, fatalf, tracef, ...).
func (c *checker) isDiagnosticCall(call *ast.CallExpr) bool {
	switch callee := typeutil.Callee(c.info, call).(type) {
	case *types.Builtin:
		return callee.Name() == "panic" || callee.Name() == "print" || callee.Name() == "println"
	case *types.Func:
		if pkg := callee.Pkg(); pkg != nil {
			switch pkg.Path() {
			case "log", "log/slog":
				return true
			case "errors":
				return callee.Name() == "New"
			case "fmt":
				return callee.Name() == "Errorf"
			}
		}
		switch strings.ToLower(callee.Name()) {
		case "error", "errorf", "fatal", "fatalf", "panicf", "warn", "warnf", "warning", "warningf",
			"debug", "debugf", "trace", "tracef", "logf", "verbosef", "vlogf":
			return true
		}
	}
	return false
}

// onlyFeedsDiagnostics reports whether decl is an unexported function whose
// every use in the package is a call inside a diagnostic call, such as a
// helper formatting a path for check.trace or an error message.
func (c *checker) onlyFeedsDiagnostics(decl *ast.FuncDecl) bool {
	if decl.Name.IsExported() {
		return false
	}
	fn := c.info.Defs[decl.Name]
	if fn == nil {
		return false
	}
	uses := 0
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[cur.Node().(*ast.Ident)] != fn {
			continue
		}
		uses++
		inDiagnostic := false
		for call := range cur.Parent().Enclosing((*ast.CallExpr)(nil)) {
			if c.isDiagnosticCall(call.Node().(*ast.CallExpr)) {
				inDiagnostic = true
				break
			}
		}
		if !inDiagnostic {
			return false
		}
	}
	return uses > 0
}

// underlying returns the underlying type of e, or nil if it has no type
// (the package has errors).
func (c *checker) underlying(e ast.Expr) types.Type {
	if t := c.info.TypeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}
