package cost

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// A Policy states where passes differ on what counts as cold.
type Policy struct {
	// DescriptionsAreCold counts String and Format methods (and the
	// helpers only they call) as cold. For a few appends that is right:
	// they are cheap next to the formatting. Quadratic concatenation is
	// different: maintainers fixed += loops in String methods over many
	// elements (template nodes, route handlers, query expressions), so
	// concatloop sets it false. Error and GoString stay cold either way.
	DescriptionsAreCold bool
}

// At returns how often the code at cur runs: the frequency of its
// function, made cold by what surrounds cur (an if on a debug, verbose
// or trace switch) or by what the function is (a text printer, a
// formatter, a helper that only feeds diagnostics).
func (m *Model) At(pass *analysis.Pass, cur inspector.Cursor, p Policy) Frequency {
	if name := offGuard(pass.TypesInfo, cur); name != "" {
		return Frequency{Level: Cold, Reason: "code switched off (under " + name + ", a constant false)"}
	}
	if cond := offReturn(pass.TypesInfo, cur); cond != "" {
		return Frequency{Level: Cold, Reason: "code switched off (past if " + cond + " { return }, a constant true)"}
	}
	if name, what := debugGuard(cur); name != "" {
		return Frequency{Level: Cold, Reason: what + " (under " + name + ")"}
	}
	if at := saidRare(pass, cur); at != "" {
		return Frequency{Level: Cold, Reason: "its branch is said to run rarely (the comment at " + at + ")"}
	}
	if name := diagnosticClosure(pass.TypesInfo, cur); name != "" {
		return Frequency{Level: Cold, Reason: "builds diagnostics (every call of " + name + " feeds one)"}
	}
	var decl *ast.FuncDecl
	for f := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = f.Node().(*ast.FuncDecl)
	}
	if decl == nil {
		return packageLiteral(pass, cur)
	}
	f := m.Func(pass, decl)
	fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	switch {
	case f.Describes && !p.DescriptionsAreCold:
		return Frequency{}
	case f.Level == Cold:
		return f
	case m.diagHelpers[fn] != "":
		return Frequency{Level: Cold, Reason: m.diagHelpers[fn]}
	case p.DescriptionsAreCold && (printsText(pass, decl) || formatsString(pass, decl)):
		return Frequency{Level: Cold, Reason: "a description for people (" + decl.Name.Name + ")", Describes: true}
	}
	return f
}

// diagnosticClosure returns the name of a local function around cur
// (hexKeys := func(...) {...}) whose every call feeds a diagnostic, as
// the package's helpers do (see diagHelpers); else "".
func diagnosticClosure(info *types.Info, cur inspector.Cursor) string {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		v := definedAs(info, lit)
		if v == nil {
			continue
		}
		for fn := range lit.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if onlyCalledForDiagnostics(info, fn, v) {
				return v.Name()
			}
			break
		}
	}
	return ""
}

// definedAs returns the local that the expression at cur is the only
// value of (f := func...; ids := describe(rs); var f = ...), or nil.
func definedAs(info *types.Info, cur inspector.Cursor) *types.Var {
	var name *ast.Ident
	switch n := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			name, _ = n.Lhs[0].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if len(n.Names) == 1 && len(n.Values) == 1 {
			name = n.Names[0]
		}
	}
	if name == nil {
		return nil
	}
	v, _ := info.Defs[name].(*types.Var)
	return v
}

// onlyCalledForDiagnostics reports whether v is used in fn, and only as
// the function of calls that feed a diagnostic.
func onlyCalledForDiagnostics(info *types.Info, fn inspector.Cursor, v *types.Var) bool {
	return usedOnly(info, fn, v, func(id inspector.Cursor) bool {
		kind, _ := id.ParentEdge()
		return kind == edge.CallExpr_Fun && (InDiagnostic(info, id) || storedForDiagnostic(info, id))
	})
}

// usedOnly reports whether v is used in fn, and every use at an
// identifier for which ok holds.
func usedOnly(info *types.Info, fn inspector.Cursor, v *types.Var, ok func(inspector.Cursor) bool) bool {
	uses := 0
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] != v {
			continue
		}
		if !ok(id) {
			return false
		}
		uses++
	}
	return uses > 0
}

// packageLiteral returns how often a function literal at package level
// runs: a command-line framework's action (Action: func(c *cli.Context)
// error in a table of commands) once per command run; any other is a
// value anyone may call.
func packageLiteral(pass *analysis.Pass, cur inspector.Cursor) Frequency {
	var lit *ast.FuncLit
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		lit = c.Node().(*ast.FuncLit)
	}
	if lit == nil {
		return Frequency{}
	}
	sig, _ := pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if name := commandAction(pass, sig); name != "" {
		return Frequency{Level: Cold, Reason: "a command-line action (" + name + ")" + onceAndRun}
	}
	return Frequency{}
}

// offGuard returns the constant that an if around cur tests, if cur is in
// its body and the condition is false at compile time (alone or as one
// operand of &&): the compiler drops that code, a logging or checking
// switch turned off in the source.
func offGuard(info *types.Info, cur inspector.Cursor) string {
	for ifs := range guards(cur) {
		if name := falseOperand(info, ifs.Cond); name != "" {
			return name
		}
	}
	return ""
}

// offReturn returns the condition of an if before cur, in its block or
// one around it in its function, that is true at compile time and whose
// body returns (if !debugging { return }, with debugging a constant
// false): the code after it never runs.
func offReturn(info *types.Info, cur inspector.Cursor) string {
	for c := cur; ; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File, nil:
			return ""
		}
		block, ok := c.Parent().Node().(*ast.BlockStmt)
		if !ok {
			continue
		}
		for _, stmt := range block.List {
			if stmt.Pos() >= c.Node().Pos() {
				break
			}
			ifs, ok := stmt.(*ast.IfStmt)
			if !ok || ifs.Init != nil || len(ifs.Body.List) == 0 {
				continue
			}
			if _, returns := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !returns {
				continue
			}
			if tv := info.Types[ifs.Cond]; tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
				return types.ExprString(ifs.Cond)
			}
		}
	}
}

// guards yields the if statements of cur's function in whose body cur
// is, innermost first: the conditions under which it runs.
func guards(cur inspector.Cursor) iter.Seq[*ast.IfStmt] {
	return func(yield func(*ast.IfStmt) bool) {
		n := cur.Node()
		for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			ifs, ok := anc.Node().(*ast.IfStmt)
			if !ok {
				return
			}
			if n.Pos() >= ifs.Body.Pos() && n.End() <= ifs.Body.End() && !yield(ifs) {
				return
			}
		}
	}
}

// falseOperand returns the text of cond, or of an operand of its &&
// chain, that is the constant false.
func falseOperand(info *types.Info, cond ast.Expr) string {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		if name := falseOperand(info, b.X); name != "" {
			return name
		}
		return falseOperand(info, b.Y)
	}
	if tv := info.Types[cond]; tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value) {
		return types.ExprString(cond)
	}
	return ""
}

// debugGuard returns the name of the switch that an if around cur tests,
// if cur is in its body, and what the switch turns on: debug, verbose or
// trace output (also a leveled logger's verbosity, glog's and klog's
// if log.V(4) or log.V(4).Enabled()), or the self-checks of debug builds
// (pebble's invariants.Enabled, an assertions switch, the race
// detector's race.Enabled), which production builds skip.
func debugGuard(cur inspector.Cursor) (name, what string) {
	for ifs := range guards(cur) {
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if name != "" {
				return false
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				if isVerbosity(n) {
					name, what = types.ExprString(n), "debug output"
				}
			case *ast.Ident:
				if what = switchedOn(n.Name); what != "" {
					name = n.Name
				}
			}
			return name == ""
		})
		if name != "" {
			return name, what
		}
	}
	return "", ""
}

// saidRare returns the position of a comment that opens a branch around
// cur, before its first statement, and says the branch runs rarely
// ("this is rarely used", "seldom happens"): the maintainers know how
// often their code runs. Comments further down a block may speak of
// what follows them only, and a function's body is left to its doc.
func saidRare(pass *analysis.Pass, cur inspector.Cursor) string {
	file := astx.FileOf(pass, cur.Node().Pos())
	if file == nil {
		return ""
	}
	for anc := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var from, to token.Pos
		switch n := anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return ""
		case *ast.BlockStmt:
			if _, body := anc.Parent().Node().(*ast.FuncDecl); body || len(n.List) == 0 {
				continue
			}
			from, to = n.Lbrace, n.List[0].Pos()
		case *ast.CaseClause:
			if len(n.Body) == 0 {
				continue
			}
			from, to = n.Colon, n.Body[0].Pos()
		case *ast.CommClause:
			if len(n.Body) == 0 {
				continue
			}
			from, to = n.Colon, n.Body[0].Pos()
		}
		for _, cg := range file.Comments {
			if cg.Pos() > from && cg.End() < to && saysRare(cg.Text()) {
				posn := pass.Fset.Position(cg.Pos())
				return filepath.Base(posn.Filename) + ":" + strconv.Itoa(posn.Line)
			}
		}
	}
	return ""
}

// saysRare reports whether a comment says that what it describes runs
// rarely.
func saysRare(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r < 'a' || r > 'z' })
	return slices.Contains(words, "rarely") || slices.Contains(words, "seldom")
}

// isVerbosity reports whether call asks a leveled logger whether it logs
// at a verbosity: X.V(n) with an integer constant n.
func isVerbosity(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "V" || len(call.Args) != 1 {
		return false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit)
	return ok && lit.Kind == token.INT
}

// switchedOn says what a switch of this name turns on, or "" if the name
// is not a debug switch's.
func switchedOn(name string) string {
	switch {
	case containsFold(name, "debug") || containsFold(name, "verbose") || containsFold(name, "trace"):
		return "debug output"
	case containsFold(name, "invariant") || containsFold(name, "assert") || strings.EqualFold(name, "race") || strings.EqualFold(name, "raceenabled"):
		return "self-checks of debug builds"
	}
	return ""
}

// containsFold reports whether s contains word, ignoring ASCII case,
// without the allocation of strings.ToLower: it runs on every name in the
// conditions around every call.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// formatsString reports whether decl is a formatter like String: its name
// begins with format and it returns one string.
func formatsString(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	results := decl.Type.Results
	if !strings.HasPrefix(strings.ToLower(decl.Name.Name), "format") || results == nil || results.NumFields() != 1 {
		return false
	}
	t := pass.TypesInfo.TypeOf(results.List[0].Type)
	return t != nil && typesx.IsString(t)
}

// printsText reports whether decl is a text printer like String: it is
// given a writer (io.Writer, *bytes.Buffer, *strings.Builder) and formats
// text into it with fmt.Fprint*. Such summaries are for people to read.
func printsText(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	if decl.Body == nil || !slices.ContainsFunc(decl.Type.Params.List, func(f *ast.Field) bool { return isWriter(pass.TypesInfo.TypeOf(f.Type)) }) {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			fn := typeutil.StaticCallee(pass.TypesInfo, call)
			found = fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.HasPrefix(fn.Name(), "Fprint")
		}
		return !found
	})
	return found
}

// isWriter reports whether t is io.Writer, *bytes.Buffer or *strings.Builder.
func isWriter(t types.Type) bool {
	if t == nil {
		return false
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		return typesx.IsNamed(ptr.Elem(), "bytes", "Buffer") || typesx.IsNamed(ptr.Elem(), "strings", "Builder")
	}
	return typesx.IsNamed(t, "io", "Writer")
}

// InDiagnostic reports whether the expression at cur is inside the
// arguments of a diagnostic call.
func InDiagnostic(info *types.Info, cur inspector.Cursor) bool {
	for call := range cur.Parent().Enclosing((*ast.CallExpr)(nil)) {
		if IsDiagnosticCall(info, call.Node().(*ast.CallExpr)) {
			return true
		}
	}
	return false
}

// storedForDiagnostic reports whether the call whose function is the
// identifier at cur sets a local that only diagnostics read, directly or
// through a standard function that makes a text of it: ids :=
// describe(rs), or ids := strings.Join(names(rs), ", "); return
// fmt.Errorf("...: %s", ids).
func storedForDiagnostic(info *types.Info, cur inspector.Cursor) bool {
	if kind, _ := cur.ParentEdge(); kind == edge.SelectorExpr_Sel {
		cur = cur.Parent()
	}
	if kind, _ := cur.ParentEdge(); kind != edge.CallExpr_Fun {
		return false
	}
	value := cur.Parent()
	// supported := strings.Join(r.names(), ", "): a text made of the
	// result keeps nothing else of it.
	for {
		kind, _ := value.ParentEdge()
		if call, ok := value.Parent().Node().(*ast.CallExpr); !ok || kind != edge.CallExpr_Args || !typesx.ReadsOnly(info, call) {
			break
		}
		value = value.Parent()
	}
	v := definedAs(info, value)
	if v == nil {
		return false
	}
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return usedOnly(info, fn, v, func(id inspector.Cursor) bool { return InDiagnostic(info, id) })
	}
	return false
}

// IsDiagnosticCall reports whether call builds or emits a diagnostic:
// panic, print, errors.New, fmt.Errorf, the log package, or a helper named
// like one (errorf, fatalf, tracef, ..., any *Errorf, trace* or debug* helper,
// such as traceInOp or debugw, and a function or func value that adds or
// reports an error, such as a validator's addError callback).
func IsDiagnosticCall(info *types.Info, call *ast.CallExpr) bool {
	switch callee := typeutil.Callee(info, call).(type) {
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
		return namedForDiagnostic(callee.Name()) || makesError(callee)
	case *types.Var:
		return namedForDiagnostic(callee.Name())
	}
	return false
}

// WritesLog reports whether call writes a log line: a function of log or
// log/slog, or a leveled logger's method (Info, Warnf, Debugw, ...) of a
// type named as a logger (zap.Logger, logrus.Entry, hclog.Logger) or
// declared in a logging package. Each line formats its arguments and
// writes them out, far more work than a slice's growth.
func WritesLog(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	if !isLogLevel(fn.Name()) {
		return false
	}
	if path := fn.Pkg().Path(); path == "log" || path == "log/slog" {
		return true
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	name := strings.ToLower(named.Obj().Name())
	return strings.Contains(name, "logger") || name == "entry" || loggingPackages[named.Obj().Pkg().Name()]
}

// loggingPackages are the names of packages of leveled loggers.
var loggingPackages = map[string]bool{"zap": true, "logrus": true, "zerolog": true, "klog": true, "glog": true, "logr": true, "hclog": true, "log": true, "slog": true}

// isLogLevel reports whether name is a logging call's: a level (Info,
// Warning, Error) or Print, with the suffixes of a format, key-value
// pairs, a newline or a context (Infof, Warnw, Println, InfoContext).
// Debug and Trace are left out: production turns those levels off, and a
// disabled line costs a level check.
func isLogLevel(name string) bool {
	lower := strings.ToLower(name)
	for _, suffix := range []string{"context", "f", "w", "ln"} {
		if base, ok := strings.CutSuffix(lower, suffix); ok && logLevels[base] {
			return true
		}
	}
	return logLevels[lower]
}

var logLevels = map[string]bool{"info": true, "warn": true, "warning": true, "error": true, "print": true, "notice": true, "log": true, "logattrs": true}

// makesError reports whether fn returns one value of a concrete error type
// (func missingAttribute(name string) *resolutionError): a function that
// may fail returns the error interface, one that returns a concrete error
// builds it.
func makesError(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	t := res.At(0).Type()
	if _, isInterface := t.Underlying().(*types.Interface); isInterface {
		return false
	}
	return types.Implements(t, typesx.ErrorInterface)
}

// errorVerbs start the names of helpers that hand an error on: addError,
// reportErrorf, emitError.
var errorVerbs = []string{"add", "report", "emit", "record", "raise"}

// namedForDiagnostic reports whether a function's name says it builds or
// emits a diagnostic.
func namedForDiagnostic(name string) bool {
	lower := strings.ToLower(name)
	switch lower {
	case "error", "errorf", "fatal", "fatalf", "panicf", "warn", "warnf", "warning", "warningf", "logf", "verbosef", "vlogf",
		"infof", "infoln", "infow", "warnln", "warnw", "errorln", "errorw": // a leveled logger's (Info alone names other things too)
		return true
	}
	for _, verb := range errorVerbs {
		if rest, ok := strings.CutPrefix(lower, verb); ok && (rest == "error" || rest == "errorf") {
			return true
		}
	}
	// A kind of error made from a format: usageErrorf, newErrorf.
	return strings.HasSuffix(lower, "errorf") || strings.HasPrefix(lower, "trace") || strings.HasPrefix(lower, "debug")
}

// OnErrorPath reports whether the code at cur runs only when something
// failed: in the body of an if whose condition tests an error against
// nil (if err != nil) or its kind (errors.Is, errors.As), or after an if
// that returns unless something failed (if !errors.Is(err, errOld) {
// return }: a fallback), in its function. What runs there runs once per
// failure, not once per call or iteration.
func OnErrorPath(info *types.Info, cur inspector.Cursor) bool {
	for ifs := range guards(cur) {
		if testsFailure(info, ifs.Cond) {
			return true
		}
	}
	return afterReturnUnlessFailed(info, cur)
}

// testsFailure reports whether cond is, or is a conjunction or
// disjunction with, a comparison err != nil of an error-typed operand or
// a test of an error's kind.
func testsFailure(info *types.Info, cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			return testsFailure(info, c.X) || testsFailure(info, c.Y)
		case token.NEQ:
			return isNil(info, c.Y) && isError(info.TypeOf(c.X)) || isNil(info, c.X) && isError(info.TypeOf(c.Y))
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, c).(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && (fn.Name() == "Is" || fn.Name() == "As")
	}
	return false
}

// afterReturnUnlessFailed reports whether cur follows, in a block of its
// function, an if without else that ends in a return and whose condition
// holds unless something failed: err == nil, !errors.Is(err, x), or the
// negation of a local set once to such a test.
func afterReturnUnlessFailed(info *types.Info, cur inspector.Cursor) bool {
	fn := astx.InnermostFunc(cur)
	if fn == (inspector.Cursor{}) {
		return false
	}
	return astx.AfterIf(cur, func(ifs *ast.IfStmt) bool {
		return ifs.Else == nil && astx.EndsInReturn(ifs.Body) && holdsUnlessFailed(info, fn.Node(), ifs.Cond)
	})
}

// holdsUnlessFailed reports whether cond is err == nil or the negation
// of a failure test, directly or through a local that fn sets once.
func holdsUnlessFailed(info *types.Info, fn ast.Node, cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		return c.Op == token.EQL && (isNil(info, c.Y) && isError(info.TypeOf(c.X)) || isNil(info, c.X) && isError(info.TypeOf(c.Y)))
	case *ast.UnaryExpr:
		if c.Op != token.NOT {
			return false
		}
		test := ast.Unparen(c.X)
		if id, ok := test.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				test = astx.FixedValue(info, fn, v)
			}
		}
		return test != nil && testsFailure(info, test)
	}
	return false
}

func isNil(info *types.Info, x ast.Expr) bool {
	return info.Types[x].IsNil()
}

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}
