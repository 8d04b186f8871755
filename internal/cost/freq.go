package cost

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/tables"
	"github.com/memlint/memlint/internal/typesx"
)

// Analyzer provides how often each function of a package runs as far as
// the package shows: the [Model] every pass asks, through [Of].
var Analyzer = &analysis.Analyzer{
	Name:             "memlintcost",
	Doc:              "estimate how often each function of a package runs, for memlint's passes",
	Requires:         []*analysis.Analyzer{lazyinspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[func() *Model](),
}

// Of returns the [Model] of pass's package; pass's analyzer must require
// [Analyzer]. The model is built when a pass first asks for it, so that
// packages every pass skips (test variants, generated code) cost nothing.
func Of(pass *analysis.Pass) *Model {
	return pass.ResultOf[Analyzer].(func() *Model)()
}

// A Level says how often code runs, relative to the rest of the program.
type Level int

const (
	// Cold code runs rarely: at start-up or exit, on errors, for
	// debugging, or never in production.
	Cold Level = iota - 1
	// Unknown is everything the package gives no evidence about,
	// including exported functions whose callers are elsewhere.
	Unknown
	// Hot code runs per request, per connection or per I/O call.
	Hot
)

// A Frequency is how often a function runs and why the model thinks so.
type Frequency struct {
	Level  Level
	Reason string // "once per process (init)", "per request (ServeHTTP)", ...
	// Describes is set when the function is cold because it describes a
	// value for people (a String or Format method, or a helper only they
	// call): [Policy] decides whether a pass counts that as cold.
	Describes bool
	// Deprecated is set when the code is cold because it is deprecated:
	// kept for old callers, where maintainers make no changes for speed,
	// even over input a peer chooses.
	Deprecated bool
	// ownOnly is set when the reason holds for the function itself but
	// not for what it calls: a deprecated entry point may be the only
	// way into code that its users run per request (x/net's
	// http2.Server.ServeConn).
	ownOnly bool
}

// Model answers how often the functions of one package run.
type Model struct {
	pkg   *types.Package
	funcs map[*types.Func]*funcInfo
	// memo holds every function's frequency, computed by run: passes
	// share the Model and may query it concurrently, so it is never
	// written after run.
	memo        map[*types.Func]Frequency
	tables      map[*types.Var]bool  // package variables initialized with a literal
	fixedParams map[*types.Var]bool  // parameters every call passes a table or literal
	fixedLists  map[*types.Func]bool // functions that return only literal lists, lists written out, or nil
	builtHere   map[*types.Var]bool  // fields of input types that only the package's own values fill
	servesHTTP  func() bool          // the package handles HTTP requests: see [servesHTTP]; asked rarely, so computed on first use
	// diagHelpers says why a helper is cold when every call of it feeds
	// a diagnostic, sits in code switched off or under a debug switch.
	diagHelpers map[*types.Func]string
	// command says why the package is one command's code (see
	// [commandPackage]), or "".
	command string
}

type funcInfo struct {
	decl    *ast.FuncDecl
	own     Frequency       // what the declaration itself says
	callers []*types.Func   // functions of the package that call it outside tests
	calls   []*ast.CallExpr // its calls in the package, tests included
	callIn  []ast.Node      // the outermost function around each call, or nil
	// diagCalls counts the calls that are arguments of a diagnostic
	// call (panic, fmt.Errorf, log.Printf, a tracef helper).
	diagCalls int
	// offCalls counts the calls under an if on a constant false.
	offCalls int
	// debugCalls counts the calls under an if on a debug or verbose
	// switch (if r.Debug { ... }), with the first such switch.
	debugCalls int
	debugWhy   string
	escapes    bool // used other than by a direct call: a value, a method value, ...
	external   bool // callable from outside the package, or through an interface
	// spawned: called in a goroutine (go f(), or in the body of a go
	// func()): it runs as long and as often as it likes, however rarely
	// its starter runs (a Start or main that starts a worker loop).
	spawned bool
}

func run(pass *analysis.Pass) (any, error) {
	return sync.OnceValue(func() *Model { return build(pass) }), nil
}

func build(pass *analysis.Pass) *Model {
	insp := lazyinspect.Of(pass)
	m := &Model{pkg: pass.Pkg, funcs: make(map[*types.Func]*funcInfo), memo: make(map[*types.Func]Frequency)}
	viaInterface := interfaceMethodNames(pass.Pkg)
	m.command = commandPackage(pass.Pkg)
	isCommand := m.command != "" || pass.Pkg.Name() == "main"
	facts := packageFacts{cold: DevTool(pass), deprecated: deprecatedTypes(pass), testSupport: testSupportFiles(pass, isCommand), testTypes: typesForDebugOrTests(pass)}
	if facts.cold == "" {
		facts.cold = copiedCode(pass.Pkg.Path())
	}
	if facts.cold == "" {
		facts.cold = forPeople(pass.Pkg.Path())
	}
	if facts.cold == "" {
		facts.cold = configPackage(pass.Pkg.Path())
	}
	if facts.cold == "" {
		facts.cold = documentedForTests(pass)
	}
	if facts.cold == "" {
		facts.cold = parsesCommandLine(pass, insp)
	}
	if facts.cold == "" && deprecatedPackage(pass.Files) {
		facts.cold, facts.deprecatedPkg = "a deprecated package ("+pass.Pkg.Path()+")", true
	}
	declared := make(map[string]bool)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		declared[decl.Name.Name] = true
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			m.funcs[fn] = &funcInfo{
				decl:     decl,
				own:      ownFrequency(pass, decl, &facts),
				external: isExternal(pass, decl, viaInterface),
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if !declared[id.Name] {
			continue // most identifiers: a small map of names is cheaper than Uses
		}
		fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
		if !ok {
			continue
		}
		fn = fn.Origin() // s.pop() on a stack[T] uses an instance of the method
		info := m.funcs[fn]
		if info == nil {
			continue
		}
		if !isCalled(cur) {
			info.escapes = true
			continue
		}
		call := callOf(cur)
		info.calls = append(info.calls, call)
		info.callIn = append(info.callIn, astx.OutermostFunc(cur))
		if !info.external { // only a helper's calls make it cold (diagHelpers)
			noteColdCall(pass, cur, fn, info)
		}
		if strings.HasSuffix(pass.Fset.File(id.Pos()).Name(), "_test.go") {
			continue
		}
		caller := enclosingFunc(pass, cur)
		if caller == nil && astx.OutermostFunc(cur) != nil {
			info.escapes = true // a literal in a package variable (a table of rules) runs when it is called, not at initialization
			continue
		}
		info.callers = append(info.callers, caller)
		info.spawned = info.spawned || inGoroutine(cur)
	}
	m.tables = tables.Of(pass, insp)
	m.fixedParams = m.findFixedParams(pass)
	m.fixedLists = fixedLists(pass.TypesInfo, m.funcs)
	m.builtHere = builtHere(pass, insp)
	m.servesHTTP = sync.OnceValue(func() bool { return servesHTTP(pass, insp) })
	m.diagHelpers = make(map[*types.Func]string)
	for fn, info := range m.funcs {
		m.frequency(fn)
		cold := info.diagCalls + info.offCalls + info.debugCalls
		if info.external || info.escapes || cold == 0 || cold < len(info.calls) {
			continue
		}
		switch {
		case info.diagCalls > 0:
			m.diagHelpers[fn] = "builds diagnostics (every call of " + fn.Name() + " feeds one)"
		case info.debugCalls > 0:
			m.diagHelpers[fn] = info.debugWhy
		default:
			m.diagHelpers[fn] = "code switched off (every call of " + fn.Name() + " is under a constant false)"
		}
	}
	return m
}

// noteColdCall counts the call of fn at cur if it is in code switched
// off, feeds a diagnostic, or runs under a debug switch.
func noteColdCall(pass *analysis.Pass, cur inspector.Cursor, fn *types.Func, info *funcInfo) {
	switch {
	case offGuard(pass.TypesInfo, cur) != "":
		info.offCalls++
	case InDiagnostic(pass.TypesInfo, cur), storedForDiagnostic(pass.TypesInfo, cur):
		info.diagCalls++
	default:
		if name, what := debugGuard(cur); name != "" {
			info.debugCalls++
			if info.debugWhy == "" {
				info.debugWhy = what + " (every call of " + fn.Name() + " is under " + name + ")"
			}
		}
	}
}

// isExternal reports whether code outside the package may call decl: an
// exported function of a library, an exported method (through an
// interface of another package too), or a method named like one of the
// package's interfaces. A command's exported functions have no callers
// outside it.
func isExternal(pass *analysis.Pass, decl *ast.FuncDecl, viaInterface map[string]bool) bool {
	if unseenCallers(decl) {
		return true
	}
	if decl.Recv == nil {
		return decl.Name.IsExported() && pass.Pkg.Name() != "main"
	}
	return decl.Name.IsExported() || viaInterface[decl.Name.Name]
}

// unseenCallers reports whether decl's doc comment says it is called where
// the package cannot see: a go:linkname directive, or a suppressed
// unused-code check (//lint:ignore U1000, //nolint:unused), as iceberg-go
// writes above the functions its catalogs link to.
func unseenCallers(decl *ast.FuncDecl) bool {
	if decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		t := c.Text
		if strings.HasPrefix(t, "//go:linkname ") || strings.HasPrefix(t, "//lint:ignore U1000") ||
			strings.HasPrefix(t, "//nolint:") && strings.Contains(t, "unused") {
			return true
		}
	}
	return false
}

// callOf returns the call whose function is the identifier at cur.
func callOf(cur inspector.Cursor) *ast.CallExpr {
	if kind, _ := cur.ParentEdge(); kind == edge.SelectorExpr_Sel {
		cur = cur.Parent()
	}
	return cur.Parent().Node().(*ast.CallExpr)
}

// interfaceMethodNames returns the names of the methods of the interfaces
// the package declares: an unexported method of that name may be called
// through one of them, by callers the model cannot see.
func interfaceMethodNames(pkg *types.Package) map[string]bool {
	names := make(map[string]bool)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if iface, ok := scope.Lookup(name).Type().Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				names[m.Name()] = true
			}
		}
	}
	return names
}

// isCalled reports whether the identifier at cur is the function of a
// call: f(...), x.f(...) or pkg.f(...).
func isCalled(cur inspector.Cursor) bool {
	if kind, _ := cur.ParentEdge(); kind == edge.SelectorExpr_Sel {
		cur = cur.Parent()
	}
	kind, _ := cur.ParentEdge()
	return kind == edge.CallExpr_Fun
}

// enclosingFunc returns the function declared around cur, or nil at
// package level (a variable's initializer, which runs once).
func enclosingFunc(pass *analysis.Pass, cur inspector.Cursor) *types.Func {
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := pass.TypesInfo.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn
	}
	return nil
}

// Func returns how often the function declared by decl runs.
func (m *Model) Func(pass *analysis.Pass, decl *ast.FuncDecl) Frequency {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return Frequency{}
	}
	return m.memo[fn]
}

// Tables returns the package's tables: see [tables.Of].
func (m *Model) Tables() map[*types.Var]bool { return m.tables }

// Decl returns the declaration of fn if the package declares it.
func (m *Model) Decl(fn *types.Func) *ast.FuncDecl {
	if info := m.funcs[fn.Origin()]; info != nil {
		return info.decl
	}
	return nil
}

// Called reports whether the package calls the function declared by decl
// outside its tests.
func (m *Model) Called(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return ok && m.funcs[fn] != nil && len(m.funcs[fn].callers) > 0
}

// Unused reports whether nothing outside tests can call decl: a function
// (not a method, which an interface may call) unexported or otherwise
// hidden from other packages, never used as a value, that no function of
// the package but itself calls outside tests. What it would do with its
// input never happens in production.
func (m *Model) Unused(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || decl.Recv != nil || m.funcs[fn] == nil {
		return false
	}
	info := m.funcs[fn]
	return info.hidden() && info.uncalled(fn)
}

// hidden reports whether only the package's direct calls can call the
// function: it is hidden from other packages and interfaces, never used
// as a value and never started as a goroutine.
func (info *funcInfo) hidden() bool {
	return !info.external && !info.escapes && !info.spawned
}

// OnlyCallers returns the functions of the package that call the function
// declared by decl outside tests, itself aside, when nothing else can call
// it (see funcInfo.hidden) and no package variable's initializer does.
// Else nil.
func (m *Model) OnlyCallers(pass *analysis.Pass, decl *ast.FuncDecl) []*types.Func {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || m.funcs[fn] == nil || !m.funcs[fn].hidden() || slices.Contains(m.funcs[fn].callers, nil) {
		return nil
	}
	info := m.funcs[fn]
	return slices.DeleteFunc(slices.Clone(info.callers), func(caller *types.Func) bool { return caller == fn })
}

// uncalled reports whether no function of the package but fn itself
// calls fn outside tests.
func (info *funcInfo) uncalled(fn *types.Func) bool {
	return !slices.ContainsFunc(info.callers, func(caller *types.Func) bool { return caller != fn })
}

// frequency combines what a function says of itself with what its
// callers in the package say: an unexported function runs as often as
// its callers, and one that only tests call does not run in production.
func (m *Model) frequency(fn *types.Func) Frequency {
	if f, ok := m.memo[fn]; ok {
		return f
	}
	info := m.funcs[fn]
	if info == nil {
		return Frequency{}
	}
	if info.own.Level != Unknown {
		m.memo[fn] = info.own
		return info.own
	}
	m.memo[fn] = Frequency{} // a recursive cycle says nothing
	f := m.fromCallers(fn, info)
	if f.Level == Unknown && m.command != "" && !info.spawned {
		f = Frequency{Level: Cold, Reason: m.command}
	}
	m.memo[fn] = f
	return f
}

func (m *Model) fromCallers(fn *types.Func, info *funcInfo) Frequency {
	if info.external || info.escapes || info.spawned {
		return Frequency{}
	}
	if info.uncalled(fn) {
		return Frequency{Level: Cold, Reason: "no production callers"}
	}
	var cold *Frequency
	var through string
	for _, caller := range info.callers {
		if caller == fn {
			continue // recursion runs as often as the calls from outside it
		}
		if caller == nil {
			if cold == nil { // a package variable's initializer: cold, though other callers may not be
				cold = &Frequency{Level: Cold, Reason: "once per process (package initialization)"}
			}
			continue
		}
		f := m.frequency(caller)
		switch {
		case f.Level == Hot:
			return Frequency{Level: Hot, Reason: f.Reason + ", through " + caller.Name()}
		case f.Level == Unknown || f.ownOnly:
			return Frequency{}
		}
		if cold == nil {
			cold, through = &f, caller.Name()
		}
	}
	if through == "" {
		return *cold
	}
	return Frequency{Level: Cold, Reason: inherited(cold.Reason) + ", through " + through, Describes: cold.Describes}
}

// onceAndRun ends the reasons of a command's own code; inherited rewords
// it for what that code calls.
const onceAndRun = ": once per command run"

// inherited words a caller's frequency for its callee: a command's code
// runs once per command run, and main once per process, but what they
// call may run many times during one (once per example it converts, once
// per target main loops over).
func inherited(reason string) string {
	if what, ok := strings.CutPrefix(reason, "once per process ("); ok {
		what, rest, _ := strings.Cut(what, ")")
		return "called from " + what + " (once per process)" + rest
	}
	return strings.Replace(reason, onceAndRun, ": during a command run", 1)
}

// inGoroutine reports whether the call at cur runs in a goroutine that
// its function starts: it is the call of a go statement, or in the body
// of a function literal that one calls.
func inGoroutine(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncDecl)(nil)) {
		_, ok := anc.Node().(*ast.GoStmt)
		return ok
	}
	return false
}

// describesError reports whether decl is a method of an error type that
// takes nothing and returns a string (the failing field's path, the
// error's code): like Error, it runs when an error is reported.
func describesError(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	recv := receiverType(pass, decl)
	fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if recv == nil || fn == nil {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !typesx.IsString(sig.Results().At(0).Type()) {
		return false
	}
	return typesx.IsErrorType(recv.Type())
}

// packageFacts is what the package as a whole says of its functions.
type packageFacts struct {
	// cold says why all of the package is cold: a development tool (see
	// [DevTool]) or a deprecated package; "" if it is not.
	cold          string
	deprecatedPkg bool // cold because the package is deprecated
	// deprecated holds the unexported types that only deprecated
	// functions make.
	deprecated map[*types.TypeName]string
	// testSupport says, for each file of the package that is test
	// support, why (see [testSupportFiles]).
	testSupport map[*token.File]string
	// testTypes are the types whose doc comment says they are there for
	// debugging or tests (an in-memory store "for testing").
	testTypes map[*types.TypeName]bool
}

// ownFrequency is what a declaration says of how often it runs: by its
// role (init, main, ServeHTTP, Close), its name (debug, dump,
// prettyPrint), its documentation (Deprecated:) or its package's.
func ownFrequency(pass *analysis.Pass, decl *ast.FuncDecl, pkg *packageFacts) Frequency {
	name := decl.Name.Name
	lower := strings.ToLower(name)
	method := decl.Recv != nil
	switch {
	case !method && name == "init":
		return Frequency{Level: Cold, Reason: "once per process (init)"}
	case pkg.cold != "":
		return Frequency{Level: Cold, Reason: pkg.cold, Deprecated: pkg.deprecatedPkg}
	case pkg.testSupport[pass.Fset.File(decl.Pos())] != "":
		return Frequency{Level: Cold, Reason: pkg.testSupport[pass.Fset.File(decl.Pos())]}
	case isDeprecated(decl.Doc):
		return Frequency{Level: Cold, Reason: "deprecated API (" + name + ")", Deprecated: true, ownOnly: true}
	case pkg.deprecated[receiverType(pass, decl)] != "":
		return Frequency{Level: Cold, Reason: pkg.deprecated[receiverType(pass, decl)], Deprecated: true}
	case isMigration(pass.Pkg.Path()) || startsWithWord(name, migrationWords):
		return Frequency{Level: Cold, Reason: "schema migration, at start-up or deploy (" + name + ")"}
	case !method && name == "main" && pass.Pkg.Name() == "main":
		return Frequency{Level: Cold, Reason: "once per process (a command's main)"}
	case startsWithWord(name, teardownWords):
		return Frequency{Level: Cold, Reason: "at teardown (" + name + ")"}
	case startsWithWord(name, periodicWords):
		return Frequency{Level: Cold, Reason: "on a refresh, a reload or a renewal (" + name + "): when a timer fires or the data changes, not per request"}
	case startsWithWord(name, []string{"reconcile"}):
		return Frequency{Level: Cold, Reason: "a controller's reconcile (" + name + "): per change of a watched resource, around the API calls it makes"}
	case method && slices.Contains(describingMethods, name) && describesAsFmtDoes(pass, decl):
		return Frequency{Level: Cold, Reason: "a description for people (" + name + ")", Describes: name == "String" || name == "Format"}
	case method && slices.Contains(describingWords, lower):
		return Frequency{Level: Cold, Reason: "a description for people (" + name + ")"}
	case returnsDocs(pass, decl):
		return Frequency{Level: Cold, Reason: "builds documentation (" + name + ")"}
	case describesError(pass, decl):
		return Frequency{Level: Cold, Reason: "describes an error (" + receiverType(pass, decl).Name() + "." + name + ")"}
	case strings.Contains(lower, "debug") || strings.Contains(lower, "dump") || strings.Contains(lower, "prettyprint"):
		return Frequency{Level: Cold, Reason: "debug output (" + name + ")"}
	case documentedForDebugOrTests(decl.Doc):
		return Frequency{Level: Cold, Reason: "documented as for debugging or tests (" + name + ")"}
	case method && pkg.testTypes[receiverType(pass, decl)]:
		return Frequency{Level: Cold, Reason: "a type documented as for debugging or tests (" + receiverType(pass, decl).Name() + ")"}
	case method && name == "Set" && isFlagValueSet(pass, decl):
		return Frequency{Level: Cold, Reason: "flag parsing (flag.Value's Set)"}
	case definesFlags(pass, decl):
		return Frequency{Level: Cold, Reason: "defines command-line flags, at start-up (" + name + ")"}
	case configReader(pass, decl) != "":
		return Frequency{Level: Cold, Reason: "reads a configuration file (its parameter is " + configReader(pass, decl) + "): at start-up or on a reload"}
	case commandAction(pass, declSignature(pass, decl)) != "":
		return Frequency{Level: Cold, Reason: "a command-line action (" + commandAction(pass, declSignature(pass, decl)) + ")" + onceAndRun}
	case injectedParam(pass, decl) != "":
		return Frequency{Level: Cold, Reason: "a dependency-injection constructor (its parameter embeds " + injectedParam(pass, decl) + "): once when the application is assembled"}
	case slices.ContainsFunc(configPrefixes, func(p string) bool { return strings.HasPrefix(name, p) }) || isConfigLoader(lower) || buildsConfig(pass, decl) ||
		method && name == "Validate" && decl.Type.Params.NumFields() == 0:
		return Frequency{Level: Cold, Reason: "configuration, at start-up (" + name + ")"}
	case method && buildsFromConfig(pass, decl):
		return Frequency{Level: Cold, Reason: "builds from configuration, at start-up (" + receiverType(pass, decl).Name() + "." + name + ")"}
	case method && name == "Start" && (paramsAre(pass, decl) || paramsAre(pass, decl, "context.Context")) || startsWithWord(name, []string{"startup"}):
		// A lifecycle's Start, given at most the context that ends its run.
		return Frequency{Level: Cold, Reason: "at start-up (" + name + ")"}
	case method && memoized(pass, decl) != "":
		return Frequency{Level: Cold, Reason: "once per value: the result is kept in " + memoized(pass, decl)}
	case method && name == "ServeHTTP" || isHandler(pass, decl):
		return Frequency{Level: Hot, Reason: "per request (" + name + ")"}
	case method && isIOMethod(pass, decl):
		return Frequency{Level: Hot, Reason: "per I/O call (" + name + ")"}
	case method && (name == "Write" && paramsAre(pass, decl, "io.Writer") || name == "Read" && paramsAre(pass, decl, "io.Reader")):
		// A whole value (Request.Write(w)) per call, as often as such
		// values pass; an ini file's Write(w, options) is no such method.
		return Frequency{Level: Hot, Reason: "per value written or read (" + name + ")"}
	case setsPackageState(pass, decl) != "":
		return Frequency{Level: Cold, Reason: "configures the package (it replaces the package variable " + setsPackageState(pass, decl) + "): at set-up, not per use"}
	}
	return Frequency{}
}

// describesAsFmtDoes reports whether decl, an Error, String, GoString or
// Format method, has the signature fmt calls: it returns a string, or it
// is a fmt.Formatter's Format(fmt.State, rune). A Format() []any that
// builds a protocol response is no description.
func describesAsFmtDoes(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if decl.Name.Name == "Format" {
		return paramsAre(pass, decl, "fmt.State", "rune") && sig.Results().Len() == 0
	}
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && typesx.IsString(sig.Results().At(0).Type())
}

// isIOMethod reports whether decl is a method with the name and the
// parameters of a method of io's interfaces: an ini file's Write(w
// io.Writer, options) writes a whole file once per call, not a chunk of a
// stream.
func isIOMethod(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	want, ok := ioParams[decl.Name.Name]
	return ok && paramsAre(pass, decl, want...)
}

// paramsAre reports whether decl's parameters have the types written.
func paramsAre(pass *analysis.Pass, decl *ast.FuncDecl, want ...string) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || fn.Signature().Params().Len() != len(want) {
		return false
	}
	for i, t := range want {
		if types.TypeString(fn.Signature().Params().At(i).Type(), nil) != t {
			return false
		}
	}
	return true
}

// memoized returns the field of its receiver in which a method keeps its
// result, r.f, if it starts by returning r.f when r.f is set (if r.f !=
// "" { return r.f }) and sets r.f later: the rest of it runs once per
// value, as a type's key or a schema's canonical form is computed.
func memoized(pass *analysis.Pass, decl *ast.FuncDecl) string {
	if decl.Body == nil || len(decl.Body.List) < 2 || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return ""
	}
	recv := pass.TypesInfo.Defs[decl.Recv.List[0].Names[0]]
	ifs, ok := decl.Body.List[0].(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 {
		return ""
	}
	cond, ok := ifs.Cond.(*ast.BinaryExpr)
	ret, isReturn := ifs.Body.List[0].(*ast.ReturnStmt)
	if !ok || cond.Op != token.NEQ || !isReturn || len(ret.Results) != 1 {
		return ""
	}
	sel, ok := ast.Unparen(cond.X).(*ast.SelectorExpr)
	if !ok || recv == nil {
		return ""
	}
	field := pass.TypesInfo.Uses[sel.Sel]
	isField := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || pass.TypesInfo.Uses[sel.Sel] != field {
			return false
		}
		root, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && pass.TypesInfo.Uses[root] == recv
	}
	if !isField(cond.X) || !isField(ret.Results[0]) {
		return ""
	}
	stored := astx.Any(decl.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		return ok && slices.ContainsFunc(as.Lhs, isField)
	})
	if !stored {
		return ""
	}
	return types.ExprString(cond.X)
}

// forDebugOrTests matches what a doc comment says of a function that
// production code does not run: "String is for debugging only.", "For
// testing.", "used only by tests", "dumps the map for examination". A
// phrase that goes on ("for testing whether", "for debugging, if
// desired") is not enough.
var forDebugOrTests = regexp.MustCompile(`(?i)\b(for|in|by) (debugging|testing|tests|examination)( only| purposes)?(\s*[.;)]|$)`)

// debugOrTestWords are parts of the words forDebugOrTests needs, in
// either case: a cheap test before the regexp.
var debugOrTestWords = []string{"ebug", "EBUG", "est", "EST", "xamination", "XAMINATION"}

// documentedForDebugOrTests reports whether a declaration's doc comment
// says it is there for debugging or for tests.
func documentedForDebugOrTests(doc *ast.CommentGroup) bool {
	if doc == nil || !slices.ContainsFunc(doc.List, func(c *ast.Comment) bool {
		return slices.ContainsFunc(debugOrTestWords, func(w string) bool { return strings.Contains(c.Text, w) })
	}) {
		return false // most comments say none of the words: skip joining their text
	}
	return forDebugOrTests.MatchString(strings.Join(strings.Fields(doc.Text()), " "))
}

// intendedForTests matches a package comment that says the package is
// there for tests ("This implementation is intended SOLELY for use in
// integration tests"), within one clause.
var intendedForTests = regexp.MustCompile(`(?i)\b(intended|meant|designed|solely|only|exclusively)\b[^.;,]{0,30}\b(for|in)\b[^.;,]{0,30}\b(tests|testing)\b`)

// documentedForTests says why the package of pass serves tests by its own
// account, or returns "": its package comment says it is there for tests
// (an in-memory storage "intended solely for use in integration tests", a
// fake "for testing").
func documentedForTests(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if f.Doc != nil && (documentedForDebugOrTests(f.Doc) || intendedForTests.MatchString(strings.Join(strings.Fields(f.Doc.Text()), " "))) {
			return "a package documented as for tests (" + pass.Pkg.Path() + ")"
		}
	}
	return ""
}

// typesForDebugOrTests returns the types of the package whose doc comment
// says they are there for debugging or tests ("MemStore is an in-memory
// implementation of Store, for testing."): their methods serve tests.
func typesForDebugOrTests(pass *analysis.Pass) map[*types.TypeName]bool {
	found := make(map[*types.TypeName]bool)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				if tn, ok := pass.TypesInfo.Defs[ts.Name].(*types.TypeName); ok && documentedForDebugOrTests(doc) {
					found[tn] = true
				}
			}
		}
	}
	return found
}

// devToolDirs name the directories where a module keeps the commands its
// developers run, not its users: code generators (hack/, gen/), scripts
// and examples. They run offline, once per invocation.
var devToolDirs = []string{"hack", "tools", "scripts", "gen", "generate", "generator", "codegen", "scaffold", "scaffolds", "mage", "magefiles", "example", "examples", "_examples"}

// devLibraryDirs are those of devToolDirs that say the same of a library
// package: a module's tools/ may hold a library its users import, but
// its gen/ holds the generator's code (msgp's gen, x/text's internal/gen),
// its scaffolds/ the templates that write a new project's files, and its
// mage/ or magefiles/ the targets of its build scripts (Mage).
var devLibraryDirs = []string{"hack", "gen", "generate", "generator", "codegen", "scaffold", "scaffolds", "mage", "magefiles", "example", "examples", "_examples"}

// sourceWriters are the packages a program imports to write Go source:
// code that imports one generates code, at build time.
var sourceWriters = []string{"go/format", "go/printer", "golang.org/x/tools/imports"}

// DevTool says why the package of pass is code that a module's developers
// run, not its users (a code generator, a script, an example), or returns
// "". Such code runs offline, and what it reads is the developer's own
// input.
func DevTool(pass *analysis.Pass) string {
	pkg := pass.Pkg
	path := pkg.Path()
	if (pkg.Name() == "main" || underCommand(path)) && dirIn(path, devToolDirs) != "" {
		return "a development tool or example (" + path + ")"
	}
	if dir := dirIn(path, devLibraryDirs); dir != "" {
		// A library there is usually the generator's, but may be one its
		// users' programs run too (a schema binder under codegen/): say
		// where it is, not what it is.
		return "a package under " + dir + "/, where a module keeps its generators, scripts and examples (" + path + ")"
	}
	if pkg.Name() == "main" && slices.Contains(strings.Split(path, "/"), "internal") {
		return "a command of the module's own (" + path + ")"
	}
	for _, imp := range pkg.Imports() {
		if slices.Contains(sourceWriters, imp.Path()) {
			return "a code generator (it imports " + imp.Path() + ")"
		}
	}
	if gen := importedGenerator(pass); gen != "" {
		return "part of the module's code generator (it imports " + gen + ")"
	}
	if writesGeneratedHeader(pass) {
		return "a code generator (it writes a \"Code generated ... DO NOT EDIT\" header)"
	}
	return ""
}

// generatorDirs are those of devLibraryDirs that hold only a generator's
// code. Not gen/, where modules also keep the generated code their
// programs import.
var generatorDirs = []string{"codegen", "generator", "generate"}

// importedGenerator returns the package of pass's own module, under one of
// generatorDirs, that pass's package imports, if any: a package that
// builds on the module's code generator is part of it (gqlgen's
// federation plugin imports its codegen).
func importedGenerator(pass *analysis.Pass) string {
	if pass.Module == nil || pass.Module.Path == "" {
		return ""
	}
	mod := pass.Module.Path
	for _, imp := range pass.Pkg.Imports() {
		rel, ok := strings.CutPrefix(imp.Path(), mod+"/")
		if ok && dirIn(rel, generatorDirs) != "" && !generatorOutput(rel) {
			return imp.Path()
		}
	}
	return ""
}

// generatorOutput reports whether rel, the path of a package of the
// module, names a generator only by a directory ending in -gen outside a
// cmd directory: a proto-gen, thrift-gen or swagger-gen directory holds
// what generators wrote, for the module's programs to use; a generator's
// own packages sit below its command (cmd/deepcopy-gen/args).
func generatorOutput(rel string) bool {
	elem := dirIn(rel, generatorDirs)
	return strings.HasSuffix(elem, "-gen") && !strings.HasPrefix(elem, "protoc-gen-") && !underCommand(rel)
}

// writesGeneratedHeader reports whether a string literal of the package's
// own files (not its tests, which may check a generator's output) starts
// the header that marks a generated Go file (// Code generated ... DO NOT
// EDIT.): the package writes Go source, with fmt or a template, as the
// table generators of a disassembler do.
func writesGeneratedHeader(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if ok && lit.Kind == token.STRING {
				text := strings.TrimLeft(lit.Value, "`\"")
				found = found || strings.HasPrefix(text, "// Code generated ") && strings.Contains(text, "DO NOT EDIT")
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// copiedCode says why the package at path is a copy of another project's
// code, or "": a path element third_party or vendor (a Kubernetes helper
// kept under internal/third_party). Its maintainers take changes from
// upstream; they do not tune the copy.
func copiedCode(path string) string {
	if hasElem(path, "third_party", "vendor") {
		return "a copy of another project's code (" + path + ")"
	}
	return ""
}

// hasElem reports whether one of the elements of the import path is one
// of names.
func hasElem(path string, names ...string) bool {
	return slices.ContainsFunc(strings.Split(path, "/"), func(elem string) bool { return slices.Contains(names, elem) })
}

// forPeople says why the package at path serves people rather than the
// program's data, or "": a path element cli, or one named for a tool's
// command line (zmscli), holds a command line's front end (its commands,
// flags and help), run once per command; a path element fake, mock or
// simulator holds a test double, which other packages' tests run in place
// of a real service; a package docs holds documentation and the schemas
// written from it.
func forPeople(path string) string {
	elems := strings.Split(path, "/")
	switch {
	case slices.ContainsFunc(elems, func(elem string) bool { return strings.HasSuffix(elem, "cli") }):
		return "the command line (" + path + ")" + onceAndRun
	case hasElem(path, testDoubleElems...):
		return "a test double (" + path + "), run by tests in place of a real service"
	case isDocsPackage(path):
		return "documentation (" + path + "), for people"
	}
	return ""
}

// configPackage says why the package at path holds a program's
// configuration, or "": a path element config or configs (lxd's
// lxd/config, a service's internal/config). Its code loads, checks,
// merges and applies settings, at start-up or on a reload.
func configPackage(path string) string {
	if hasElem(path, "config", "configs") {
		return "configuration (" + path + "): at start-up or on a reload"
	}
	return ""
}

// testDoubleElems are the path elements of packages that stand in for a
// real service in tests (a fake client, a mock server, vcsim's simulator).
var testDoubleElems = []string{"fake", "fakes", "mock", "mocks", "simulator"}

// parsesCommandLine says why the package is a command-line parser, or "":
// its code (not its tests) hands the program's arguments, os.Args[1:], to
// a Parse function or keeps them to parse (flag, pflag, kong, cobra). What
// such a package does, it does as a program starts: define the flags,
// parse them, print the help.
func parsesCommandLine(pass *analysis.Pass, insp *inspector.Inspector) string {
	if pass.Pkg.Name() == "main" {
		return "" // a command's main is once per process already
	}
	for cur := range insp.Root().Preorder((*ast.SliceExpr)(nil)) {
		if !isArgs(pass.TypesInfo, cur.Node().(*ast.SliceExpr)) || strings.HasSuffix(pass.Fset.File(cur.Node().Pos()).Name(), "_test.go") {
			continue
		}
		kind, _ := cur.ParentEdge()
		switch parent := cur.Parent().Node().(type) {
		case *ast.CallExpr:
			if fn := typeutil.Callee(pass.TypesInfo, parent); kind == edge.CallExpr_Args && fn != nil && strings.HasPrefix(fn.Name(), "Parse") {
				return "a command-line parser (" + fn.Name() + "(os.Args[1:]))" + onceAndRun
			}
		case *ast.AssignStmt:
			if kind == edge.AssignStmt_Rhs && len(parent.Rhs) == 1 {
				return "a command-line parser (it keeps os.Args[1:] to parse)" + onceAndRun
			}
		}
	}
	return ""
}

// isArgs reports whether e is os.Args[1:], the program's arguments.
func isArgs(info *types.Info, e *ast.SliceExpr) bool {
	sel, ok := ast.Unparen(e.X).(*ast.SelectorExpr)
	if !ok || e.High != nil || e.Low == nil || !astx.IsIntConst(info, e.Low, 1) {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args"
}

func isDocsPackage(path string) bool {
	return path[strings.LastIndex(path, "/")+1:] == "docs"
}

// returnsDocs reports whether decl returns documentation: a value of a
// type a docs package declares, or a slice, map or pointer of one (a
// registry's Docs() []docs.ComponentSpec, read to write a schema or a
// manual).
func returnsDocs(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	for v := range fn.Signature().Results().Variables() {
		t := v.Type()
		for {
			e, ok := types.Unalias(t).(interface{ Elem() types.Type })
			if !ok {
				break
			}
			t = e.Elem() // *T, []T, [n]T, map[K]T, chan T
		}
		if n := namedOf(t); n != nil && n.Obj().Pkg() != nil && isDocsPackage(n.Obj().Pkg().Path()) {
			return true
		}
	}
	return false
}

// testLibraries are the assertion and test libraries whose import makes
// a file test support, run by other packages' tests (a Gomega matcher, an
// assertion helper); testing counts when the file uses its T, B or TB,
// not for testing.Testing, which production code may call.
var testLibraries = []string{"github.com/onsi/gomega", "github.com/onsi/ginkgo", "github.com/stretchr/testify", "gotest.tools"}

// testFilePrefixes start the names of files that hold test helpers, test
// data or fixtures, whatever they import (test_common.go, testutil.go).
var testFilePrefixes = []string{"test_", "testutil", "testhelper", "testfixture"}

// testSupportFiles returns the files of the package other than its
// _test.go files that import a test library or take a *testing.T, or are
// named for tests (a name in testFilePrefixes, or starting with test in a
// file that imports testing, except in a command's package, where test.go
// is the code of a test subcommand), each with why: their functions run
// in tests only.
func testSupportFiles(pass *analysis.Pass, command bool) map[*token.File]string {
	files := make(map[*token.File]string)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil || strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		importsTesting := false
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err == nil && slices.ContainsFunc(testLibraries, func(lib string) bool { return path == lib || strings.HasPrefix(path, lib+"/") }) {
				files[tf] = "test support (its file imports " + path + ")"
				break
			}
			importsTesting = importsTesting || path == "testing"
		}
		switch base := filepath.Base(tf.Name()); {
		case files[tf] != "":
		case importsTesting && usesTestingTypes(pass.TypesInfo, f):
			files[tf] = "test support (its file takes a testing.T, B or TB)"
		case importsTesting && strings.HasPrefix(base, "test") && !command, slices.ContainsFunc(testFilePrefixes, func(p string) bool { return strings.HasPrefix(base, p) }):
			files[tf] = "test support (its file, " + base + ", is named for tests)"
		}
	}
	return files
}

// usesTestingTypes reports whether f refers to testing.T, testing.B or
// testing.TB.
func usesTestingTypes(info *types.Info, f *ast.File) bool {
	return astx.Any(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		obj, ok := info.Uses[sel.Sel].(*types.TypeName)
		return ok && obj.Pkg() != nil && obj.Pkg().Path() == "testing" && slices.Contains([]string{"T", "B", "TB"}, obj.Name())
	})
}

// dirIn returns the first element of an import path that is one of dirs,
// or names a protoc plugin or another generator (protoc-gen-go,
// deepcopy-gen), a code generator run at build time; "" if none does.
func dirIn(path string, dirs []string) string {
	for elem := range strings.SplitSeq(path, "/") {
		if slices.Contains(dirs, elem) || strings.HasPrefix(elem, "protoc-gen-") || strings.HasSuffix(elem, "-gen") {
			return elem
		}
	}
	return ""
}

// migrationWords start the names of functions that migrate a database
// schema (AutoMigrate, migrateTable), and name the packages that do.
var migrationWords = []string{"migrate", "automigrate", "migrator", "migration", "migrations"}

// isMigration reports whether path is a package of schema migrations
// (gorm's migrator, bun's migrate): they run at start-up or deploy.
func isMigration(path string) bool {
	return hasElem(path, migrationWords...)
}

// underCommand reports whether a package lies below a cmd directory, as
// the code of one command does (cmd/bpf2go/gen, cmd/protoc-gen-go/internal_gengo).
func underCommand(path string) bool {
	elems := strings.Split(path, "/")
	i := slices.Index(elems, "cmd")
	return i >= 0 && i < len(elems)-2
}

var (
	// teardownWords start the names of what runs once per object's life,
	// at its end: Close, closeAll, stopWorkers, cleanupConn.
	teardownWords = []string{"close", "shutdown", "stop", "cleanup", "teardown"}
	// periodicWords start the names of what runs when a timer fires or a
	// configuration is reloaded, seconds to hours apart: a discovery's
	// refresh, a certificate's renewal, a controller's resync; or when
	// the data shown changes: a widget's Refresh, which redraws it.
	periodicWords = []string{"refresh", "reload", "resync", "renew"}
	// describingMethods build text for people, errors and debugging.
	describingMethods = []string{"Error", "String", "GoString", "Format"}
	// describingWords, in any case, name the methods that describe a
	// value for an EXPLAIN or a debug page: a plan node's description(),
	// a query's Explain. (A Describe may run per use: a sign-in's log line.)
	describingWords = []string{"description", "explain"}
	// configPrefixes name functions that read or check configuration at
	// start-up (caddy's Provision, Load* and flag parsing). Validate is
	// one only as a method without parameters (caddy's module Validate()):
	// ValidateStruct or ValidateToken checks a request.
	configPrefixes = []string{"Provision", "LoadConfig", "loadConfig", "parseFlags", "ParseFlags", "UnmarshalCaddyfile", "UnmarshalYAML", "UnmarshalTOML"}
	// configVerbs start the names of functions that load, parse or apply
	// configuration: loadConfig, parseSettings, applyOptions.
	configVerbs = []string{"load", "parse", "read", "apply", "validate", "setup", "init", "configure"}
	// ioParams are the parameters of the methods of io's interfaces,
	// which are called once per read or write on a stream: Write(p
	// []byte), WriteTo(w io.Writer), ReadByte().
	ioParams = map[string][]string{
		"Read": {"[]byte"}, "Write": {"[]byte"}, "ReadAt": {"[]byte", "int64"}, "WriteAt": {"[]byte", "int64"},
		"WriteString": {"string"}, "ReadFrom": {"io.Reader"}, "WriteTo": {"io.Writer"},
		"ReadByte": {}, "WriteByte": {"byte"}, "ReadRune": {}, "WriteRune": {"rune"},
	}
)

// setsPackageState returns the package variable that decl, a function of
// a library, replaces whole, without a lock and whatever it is given (a
// statement of its body, not under an if: Tables = t), or "". Code that
// runs per use cannot do that, as two uses would race: the function sets
// the package up (OverrideTables, SetDefaults). A variable computed from
// itself (n = n + 1, list = append(list, x)) is state kept, not settings,
// and one set to nil is cleaned up. (A Write that syncs package settings
// with its writer's when they differ is still per write: zerolog's
// ConsoleWriter.)
func setsPackageState(pass *analysis.Pass, decl *ast.FuncDecl) string {
	if pass.Pkg.Name() == "main" || decl.Body == nil {
		return ""
	}
	for _, stmt := range decl.Body.List {
		as, ok := stmt.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := pass.TypesInfo.Uses[id].(*types.Var)
			if ok && v.Parent() == pass.Pkg.Scope() && !grows(pass.TypesInfo, as.Rhs[i], v) && !isNil(pass.TypesInfo, as.Rhs[i]) && !locks(pass.TypesInfo, decl.Body) {
				return v.Name()
			}
		}
	}
	return ""
}

// grows reports whether rhs computes v's new value from v (n + 1,
// append(list, x), list[:len(list)-1]), other than by merging a switch
// into it (strict || Strict).
func grows(info *types.Info, rhs ast.Expr, v *types.Var) bool {
	if b, ok := ast.Unparen(rhs).(*ast.BinaryExpr); ok && (b.Op == token.LAND || b.Op == token.LOR) {
		return false
	}
	return astx.Mentions(info, rhs, v)
}

// locks reports whether body calls a Lock method: what it guards may
// change per use.
func locks(info *types.Info, body *ast.BlockStmt) bool {
	return astx.Any(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		return ok && (fn.Name() == "Lock" || fn.Name() == "Store" || fn.Name() == "Do")
	})
}

// startsWithWord reports whether name starts with one of words followed by
// nothing or a new word (closeAll, but not closest or Stopped).
func startsWithWord(name string, words []string) bool {
	lower := strings.ToLower(name)
	for _, w := range words {
		if rest, ok := strings.CutPrefix(lower, w); ok {
			next := name[len(w):]
			return rest == "" || next[0] < 'a' || next[0] > 'z'
		}
	}
	return false
}

// isConfigLoader reports whether a function's lower-cased name says it
// loads, parses or applies configuration (loadConfig, parseFlags,
// applyOptions), or builds something from it (newRemotesFromConfig): that
// runs at start-up.
func isConfigLoader(lower string) bool {
	if strings.Contains(lower, "fromconfig") || strings.Contains(lower, "fromcfg") {
		return true
	}
	if !startsWithConfigVerb(lower) {
		return false
	}
	// ParseWithOptions parses a document given options: what follows
	// "with" names an argument, not what is parsed.
	lower, _, _ = strings.Cut(lower, "with")
	return strings.Contains(lower, "config") || strings.Contains(lower, "flags") ||
		strings.HasSuffix(lower, "options") || strings.HasSuffix(lower, "settings")
}

// startsWithConfigVerb reports whether a lower-cased name starts with one
// of configVerbs.
func startsWithConfigVerb(lower string) bool {
	return slices.ContainsFunc(configVerbs, func(v string) bool { return strings.HasPrefix(lower, v) })
}

// buildsConfig reports whether decl, named for loading or parsing
// (parsePHPFastCGI), returns configuration: a type whose name ends in
// Config or ConfigValue, or a list of them. Not Options: a request's
// options are parsed per request.
func buildsConfig(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	if decl.Type.Results == nil || !startsWithConfigVerb(strings.ToLower(decl.Name.Name)) {
		return false
	}
	for _, field := range decl.Type.Results.List {
		t := pass.TypesInfo.TypeOf(field.Type)
		if s, ok := t.(*types.Slice); ok {
			t = s.Elem()
		}
		if named := namedOf(t); named != nil {
			if n := strings.ToLower(named.Obj().Name()); strings.HasSuffix(n, "config") || strings.HasSuffix(n, "configvalue") {
				return true
			}
		}
	}
	return false
}

// buildsFromConfig reports whether decl is a method of a configuration
// type that makes what the configuration describes (zap's Config.Build,
// a Configuration.NewReporter): a program does that when it starts. Other
// methods of a configuration value may convert a request's payload
// (a TopicConfig's toRequest), per request.
func buildsFromConfig(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	recv := receiverType(pass, decl)
	return recv != nil && isConfigName(recv.Name()) && startsWithWord(decl.Name.Name, []string{"new", "build"})
}

// isFlagValueSet reports whether decl is Set(string) error, the method by
// which package flag parses a command-line value.
func isFlagValueSet(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), types.Typ[types.String]) &&
		sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// definesFlags reports whether decl is given a *FlagSet (of flag, pflag
// and their kind) to define flags in: that runs once, before the flags
// are parsed.
func definesFlags(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	return slices.ContainsFunc(pointedParams(declSignature(pass, decl)), func(named *types.Named) bool {
		return isFlagSet(named)
	})
}

// configReaderTypes are, by package name, the types through which
// configuration libraries hand a file's settings to the code that reads
// them: caddy's Controller and caddyfile's Dispenser (a Caddyfile's or
// Corefile's directives, given to a plugin's set-up), viper's Viper.
var configReaderTypes = map[string][]string{
	"caddy":     {"Controller"},
	"caddyfile": {"Dispenser"},
	"viper":     {"Viper"},
}

// configReader returns the type of decl's parameter through which a
// configuration library hands it a file's settings to read, or "".
func configReader(pass *analysis.Pass, decl *ast.FuncDecl) string {
	for _, named := range pointedParams(declSignature(pass, decl)) {
		if name := listedType(pass, named, configReaderTypes); name != "" {
			return name
		}
	}
	return ""
}

// listedType returns "*pkg.T" if named is a type of another package that
// table lists under its package's name, or "".
func listedType(pass *analysis.Pass, named *types.Named, table map[string][]string) string {
	pkg := named.Obj().Pkg()
	if pkg != nil && pkg != pass.Pkg && slices.Contains(table[pkg.Name()], named.Obj().Name()) {
		return "*" + pkg.Name() + "." + named.Obj().Name()
	}
	return ""
}

// commandActionTypes are, by package name, the types that the command-line
// frameworks (cobra, kingpin and its fork fisk, urfave/cli, kong) pass to
// the actions they run for a command.
var commandActionTypes = map[string][]string{
	"cobra":   {"Command"},
	"kingpin": {"ParseContext"},
	"fisk":    {"ParseContext"},
	"cli":     {"Context", "Command"},
	"kong":    {"Context"},
}

// commandTypes are the types by which the command-line frameworks
// (cobra, urfave/cli, kingpin and fisk) describe a command.
var commandTypes = map[string][]string{
	"cobra":   {"Command"},
	"cli":     {"Command", "App"},
	"kingpin": {"CmdClause", "Application"},
	"fisk":    {"CmdClause", "Application"},
}

// commandPackage says why pkg is the code of one command of a command
// line, or "": a package other than main that declares a command, in a
// package variable (var Cmd = &cobra.Command{...}, or cli.Command{...})
// or as a function's result (NewCmdGet(...) *cobra.Command). Its functions run once per
// command run, unless their callers or their role say otherwise; main
// is left out, where a small server keeps its handlers beside its root
// command.
func commandPackage(pkg *types.Package) string {
	if pkg.Name() == "main" {
		return ""
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		var t types.Type
		switch obj := scope.Lookup(name).(type) {
		case *types.Var:
			t = obj.Type()
		case *types.Func:
			if res := obj.Signature().Results(); res.Len() > 0 {
				t = res.At(0).Type()
			}
		}
		// urfave/cli's first version declares its commands as values.
		star := ""
		if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
			t, star = ptr.Elem(), "*"
		}
		if named := namedOf(t); named != nil && named.Obj().Pkg() != nil && named.Obj().Pkg() != pkg && slices.Contains(commandTypes[named.Obj().Pkg().Name()], named.Obj().Name()) {
			return "a command's code (" + name + " is a " + star + named.Obj().Pkg().Name() + "." + named.Obj().Name() + ")" + onceAndRun
		}
	}
	return ""
}

// commandAction returns the type of the parameter by which a
// command-line framework calls it as a command's action, or "". A
// command line without a framework describes each command by a struct
// that holds its flags (cmd/go's base.Command, a tool's command table
// of {name, run, flag.FlagSet}), and passes it to the command's run
// function: once per run too.
func commandAction(pass *analysis.Pass, sig *types.Signature) string {
	for _, named := range pointedParams(sig) {
		if name := listedType(pass, named, commandActionTypes); name != "" {
			return name
		}
		if holdsFlagSet(named) {
			return "*" + named.Obj().Name() + ", a command with its flags"
		}
	}
	return ""
}

// holdsFlagSet reports whether named is a struct with a field of type
// FlagSet or *FlagSet.
func holdsFlagSet(named *types.Named) bool {
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for field := range st.Fields() {
		t := field.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n := namedOf(t); n != nil && isFlagSet(n) {
			return true
		}
	}
	return false
}

// isFlagSet reports whether named is a FlagSet, of flag, pflag or their
// kind.
func isFlagSet(named *types.Named) bool { return named.Obj().Name() == "FlagSet" }

// injectedParam returns fx.In or dig.In if a parameter of decl is a
// struct that embeds it: a container of uber's fx or dig calls decl to
// build a value of the application once, when it is assembled; else "".
func injectedParam(pass *analysis.Pass, decl *ast.FuncDecl) string {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return ""
	}
	for v := range fn.Signature().Params().Variables() {
		st, ok := v.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for field := range st.Fields() {
			named := namedOf(field.Type())
			if !field.Embedded() || named == nil || named.Obj().Pkg() == nil || named.Obj().Name() != "In" {
				continue
			}
			if pkg := named.Obj().Pkg().Path(); pkg == "go.uber.org/fx" || pkg == "go.uber.org/dig" {
				return named.Obj().Pkg().Name() + ".In"
			}
		}
	}
	return ""
}

// declSignature returns decl's signature, or nil.
func declSignature(pass *analysis.Pass, decl *ast.FuncDecl) *types.Signature {
	if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
		return fn.Signature()
	}
	return nil
}

// pointedParams returns the named types that the pointer parameters of
// sig point to.
func pointedParams(sig *types.Signature) []*types.Named {
	if sig == nil {
		return nil
	}
	var pointed []*types.Named
	for v := range sig.Params().Variables() {
		if ptr, ok := v.Type().(*types.Pointer); ok {
			if named := namedOf(ptr.Elem()); named != nil {
				pointed = append(pointed, named)
			}
		}
	}
	return pointed
}

// isHandler reports whether decl has an HTTP handler's signature:
// (http.ResponseWriter, *http.Request).
func isHandler(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	if params.Len() != 2 {
		return false
	}
	return typesx.IsNamed(params.At(0).Type(), "net/http", "ResponseWriter") && typesx.IsPointerTo(params.At(1).Type(), "net/http", "Request")
}

// Rate is the estimate of a finding whose cost, what, is paid each time
// the function runs: low on cold paths, high on hot ones, medium when the
// package does not say.
func (f Frequency) Rate(what string) Estimate {
	switch f.Level {
	case Cold:
		return Estimate{Tier: Low, Evidence: f.Reason}
	case Hot:
		return Estimate{Tier: High, Evidence: what + ", " + f.Reason}
	}
	return Estimate{Tier: Medium, Evidence: what}
}
