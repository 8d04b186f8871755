package prealloc

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/typesx"
)

// allocatingCalls are functions that allocate their result on every call;
// those of os, net and regexp also do I/O or compile, which costs far more.
var allocatingCalls = map[string][]string{
	"fmt":     {"Sprint", "Sprintf", "Sprintln", "Errorf"},
	"errors":  {"New"},
	"strings": {"Join", "Repeat", "Split", "SplitN", "SplitAfter", "Fields", "FieldsFunc"},
	"os":      {"Open", "OpenFile", "Create", "ReadFile", "ReadDir", "Stat", "Lstat"},
	"net":     {"Dial", "DialTimeout", "Listen"},
	"regexp":  {"Compile", "MustCompile"},
}

// A scope says which of a body's statements allocation counts.
type scope int

const (
	everyIteration scope = iota // what every iteration of a loop body runs
	someIterations              // also the branches of an if or a switch
	// everyCall is what every call of a function runs, its results
	// included. Only calls that format, join, split, open or parse count
	// there: a slice or map that a helper makes per element is small next
	// to those, and maintainers presize the slices of converted elements
	// that hold one (kafka-go's request entries, each with its list of
	// replicas).
	everyCall
	// someCalls is as everyCall, and also what follows an if that
	// returns (if x == "" { return x }): what some calls run.
	someCalls
)

// pastGuards reports whether the scope takes in what follows an if that
// leaves, which runs only when the if lets it through.
func (sc scope) pastGuards() bool { return sc == someIterations || sc == someCalls }

// inCallee reports whether the scope is a called function's body.
func (sc scope) inCallee() bool { return sc == everyCall || sc == someCalls }

// An allocSite is an allocation a loop body makes, directly or through
// the functions it calls.
type allocSite struct {
	what  string      // "make", "fmt.Sprintf", "a map literal", ...
	in    *types.Func // the function whose body holds it; nil for the body itself
	via   *types.Func // the function the body calls to reach it
	waits bool        // what is a call that takes a context and can fail
}

func (a allocSite) String() string {
	switch {
	case a.in == nil:
		return a.what
	case a.via == a.in:
		return a.what + " in " + a.in.Name() + "()"
	}
	return a.what + " in " + a.in.Name() + "(), called from " + a.via.Name() + "()"
}

// allocation returns what body visibly allocates that costs much more
// than the growth, if anything: a new slice (made, or built by appends),
// map, buffer or closure, a call that formats, joins, splits, opens or
// parses, or a call of a function of the package that, on every call,
// formats, joins, splits, opens or parses.
// Then the few reallocations that a capacity would save are a small share
// of the loop's work, and maintainers reject the change (PRECISION.md,
// reason 12). A small allocation per element (a string conversion or
// concatenation, &T{}, new) is no such share: maintainers presize those
// slices (a header's values copied as strings, a processor state made
// per configured processor).
func (c *checker) allocation(body ast.Node, sc scope) (site allocSite, heavy bool) {
	info := c.pass.TypesInfo
	found := func(what string) {
		if !sc.inCallee() {
			site, heavy = allocSite{what: what}, true
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if heavy {
			return false
		}
		switch n := n.(type) {
		case *ast.BlockStmt:
			if sc.pastGuards() {
				break
			}
			for _, stmt := range n.List {
				if ast.Inspect(stmt, visit); heavy || guardsRest(stmt) {
					break
				}
			}
			return false
		case *ast.ReturnStmt:
			return sc.inCallee() // a loop's return runs once, not per iteration
		case *ast.IfStmt:
			if sc == someIterations {
				break
			}
			for _, part := range []ast.Node{n.Init, n.Cond} {
				if part != nil && !heavy {
					site, heavy = c.allocation(part, sc)
				}
			}
			return false
		case *ast.CaseClause, *ast.CommClause:
			return sc == someIterations
		case *ast.FuncLit:
			found("a closure")
		case *ast.CompositeLit:
			// []T{} has no elements to allocate: it points at the
			// runtime's zero-size base, as make([]T, 0) does.
			if t := info.TypeOf(n); t != nil && (isSlice(t) && len(n.Elts) > 0 || isMap(t)) {
				found("a " + typeKind(t) + " literal")
			}
		case *ast.ValueSpec:
			if isBuffer(info.TypeOf(n.Type)) {
				found("a buffer")
			}
		case *ast.CallExpr:
			switch {
			case c.isBuiltin(n.Fun, "make") && !makesEmptySlice(info, n):
				found("make")
			case c.isAllocatingCall(n):
				site, heavy = allocSite{what: c.src.Text(n.Fun)}, true // in a function called too
			case c.waits(n):
				site, heavy = allocSite{what: c.src.Text(n.Fun), waits: true}, true
			case c.isBuiltin(n.Fun, "append") && len(n.Args) > 0 && c.declaredIn(body, n.Args[0]):
				found("a slice it builds by appends")
			default:
				site, heavy = c.callAllocation(n, sc)
			}
		}
		return !heavy
	}
	ast.Inspect(body, visit)
	return site, heavy
}

// makesEmptySlice reports whether call, a make, makes a slice of length
// and capacity 0, which allocates nothing.
func makesEmptySlice(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) < 2 || !isSlice(info.TypeOf(call.Args[0])) {
		return false
	}
	for _, size := range call.Args[1:] {
		if v := info.Types[size].Value; v == nil || constant.Sign(v) != 0 {
			return false
		}
	}
	return true
}

// logsEach returns the logging call that the loop body makes as one of
// its own statements, outside any if or switch, or "": every iteration
// that passes the guards before it writes a log line.
func logsEach(info *types.Info, body *ast.BlockStmt) string {
	for _, stmt := range body.List {
		if es, ok := stmt.(*ast.ExprStmt); ok {
			if call, ok := es.X.(*ast.CallExpr); ok && cost.WritesLog(info, call) {
				return types.ExprString(call.Fun)
			}
		}
	}
	return ""
}

// guardsRest reports whether stmt is an if whose body leaves (returns,
// continues or breaks) without an else: the statements after it run
// only on the iterations or calls it lets through (if len(data) < 4 {
// continue }), not on every one.
func guardsRest(stmt ast.Stmt) bool {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	if br, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.BranchStmt); ok && br.Tok == token.CONTINUE {
		return true
	}
	return astx.EndsInBreakOrReturn(ifs.Body)
}

// callAllocation returns what the function of the package that call runs
// allocates, as allocation judges its body and the bodies of the
// functions it calls, if anything: on every call when the call is made
// on every iteration or call, on some calls when it is made on some.
func (c *checker) callAllocation(call *ast.CallExpr, caller scope) (allocSite, bool) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return allocSite{}, false
	}
	decl := c.model.Decl(fn)
	if decl == nil || decl.Body == nil {
		return allocSite{}, false
	}
	sc := everyCall
	if caller.pastGuards() {
		sc = someCalls
	}
	key := callee{fn, sc}
	site, seen := c.callees[key]
	if !seen {
		c.callees[key] = allocSite{} // a cycle of calls adds nothing
		if inner, heavy := c.allocation(decl.Body, sc); heavy {
			site = inner
			if site.in == nil {
				site.in = fn
			}
		}
		c.callees[key] = site
	}
	site.via = fn
	return site, site.in != nil
}

// A callee is a function of the package as allocation judges it in a scope.
type callee struct {
	fn *types.Func
	sc scope
}

// declaredIn reports whether e is a local variable declared in body, or
// a field of one: a slice appended to there is built anew on every
// iteration (a copy's own list, p.diffs = append(p.diffs, d)).
func (c *checker) declaredIn(body ast.Node, e ast.Expr) bool {
	id := astx.RootIdent(e)
	if id == nil {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && body.Pos() <= v.Pos() && v.Pos() < body.End()
}

func typeKind(t types.Type) string {
	if isMap(t) {
		return "map"
	}
	return "slice"
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

func (c *checker) isAllocatingCall(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	return slices.Contains(allocatingCalls[fn.Pkg().Path()], fn.Name()) || opens(fn) || parses(fn) || buildsAny(fn) && !c.handsBack(fn)
}

// handsBack reports whether fn, a function of the package, returns one of
// its parameters as it came, or the variable of a type switch on one
// (switch v := v.(type) { ...; default: return v, nil }): a converter of
// decoded values hands numbers and strings back without allocating.
func (c *checker) handsBack(fn *types.Func) bool {
	decl := c.model.Decl(fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	info := c.pass.TypesInfo
	params := make(map[types.Object]bool)
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			params[info.Defs[name]] = true
		}
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if sw, ok := n.(*ast.TypeSwitchStmt); ok {
			if as, ok := sw.Assign.(*ast.AssignStmt); ok && astx.Any(as.Rhs[0], func(n ast.Node) bool { id, ok := n.(*ast.Ident); return ok && params[info.Uses[id]] }) {
				for _, clause := range sw.Body.List {
					params[info.Implicits[clause]] = true
				}
			}
		}
		return true
	})
	return astx.Any(decl.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 {
			return false
		}
		id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident)
		return ok && params[info.Uses[id]]
	})
}

// waits reports whether call takes a context first and can fail, as a
// query, a remote call or a wait for another goroutine does
// (tx.Get(ctx, ref), client.Lookup(ctx, path)): its round trip and
// decoding cost far more than the growth. Calls of package context only
// derive a context.
func (c *checker) waits(call *ast.CallExpr) bool {
	t := c.pass.TypesInfo.TypeOf(call.Fun)
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() == 0 || !typesx.IsNamed(sig.Params().At(0).Type(), "context", "Context") || !returnsError(sig) {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return !ok || fn.Pkg() == nil || fn.Pkg().Path() != "context"
}

// remoteCall returns the evidence, or "", when the package talks to a
// network (it imports net, net/http, database/sql or grpc) and the
// function around the loop makes a remote call (see remote), or every
// function of the package that calls it, and nothing else can, makes
// one. Once per call, its round trip and decoding cost far more than the
// growths of one slice or map (PRECISION.md, reason 12): an API client's
// request body built from a few options, a page of rows converted after
// their query.
func (c *checker) remoteCall(loopCur inspector.Cursor) string {
	if !slices.ContainsFunc(c.pass.Pkg.Imports(), func(p *types.Package) bool { return slices.Contains(networkPackages, p.Path()) }) {
		return ""
	}
	fn := astx.OutermostFunc(loopCur)
	const costlier = "a remote call, costlier than the growth: "
	if what := c.firstRemote(fn); what != "" {
		return "the function also makes " + costlier + what
	}
	decl, ok := fn.(*ast.FuncDecl)
	if !ok {
		return ""
	}
	callers := c.model.OnlyCallers(c.pass, decl)
	slices.SortFunc(callers, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	callers = slices.Compact(callers)
	whats := make([]string, len(callers))
	for i, caller := range callers {
		if decl := c.model.Decl(caller); decl != nil {
			whats[i] = c.firstRemote(decl)
		}
		if whats[i] == "" {
			return ""
		}
	}
	switch len(callers) {
	case 0:
		return ""
	case 1:
		return "called only from " + callers[0].Name() + ", which makes " + costlier + whats[0]
	}
	for i, caller := range callers {
		whats[i] = caller.Name() + " (" + whats[i] + ")"
	}
	return "called only from functions that make " + costlier + strings.Join(whats, ", ")
}

// networkPackages are the packages that a client of a network service
// imports to reach it.
var networkPackages = []string{"net", "net/http", "database/sql", "google.golang.org/grpc"}

// firstRemote describes the first remote call in fn ("c.NewRequest, which
// takes a context and can fail"), or "".
func (c *checker) firstRemote(fn ast.Node) string {
	var found string
	if fn == nil {
		return ""
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && found == "" {
			found = c.remote(call)
		}
		return found == ""
	})
	return found
}

// remote describes call if it is a remote call, or returns "": a call of
// the network itself (an HTTP request, a dial, a database query, a gRPC
// invocation), a call that takes a context and can fail (see waits), or
// a call of a function of the package that, through the package's
// functions, makes a call of the network.
func (c *checker) remote(call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	switch {
	case fn != nil && isNetworkCall(fn):
		return c.src.Text(call.Fun) + ", a network round trip"
	case c.waits(call):
		return c.src.Text(call.Fun) + ", which takes a context and can fail"
	case fn != nil:
		if via := c.reachesNetwork(fn); via != "" {
			return c.src.Text(call.Fun) + ", which reaches the network (" + via + ")"
		}
	}
	return ""
}

// reachesNetwork returns where fn, a function of the package, or the
// functions of the package it calls, directly or through others, call
// the network ("r.http.Do in rawQuery"), or "".
func (c *checker) reachesNetwork(fn *types.Func) string {
	fn = fn.Origin()
	if via, seen := c.network[fn]; seen {
		return via
	}
	decl := c.model.Decl(fn)
	if decl == nil || decl.Body == nil {
		return ""
	}
	c.network[fn] = "" // a cycle of calls reaches nothing more
	var via string
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || via != "" {
			return via == ""
		}
		callee, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		switch {
		case callee == nil:
		case isNetworkCall(callee):
			via = c.src.Text(call.Fun) + " in " + fn.Name()
		default:
			via = c.reachesNetwork(callee)
		}
		return via == ""
	})
	c.network[fn] = via
	return via
}

// networkCalls are, by package, the functions and methods (Type.Method)
// that make a network round trip.
var networkCalls = map[string][]string{
	"net/http": {"Get", "Post", "PostForm", "Head", "Client.Do", "Client.Get", "Client.Post", "Client.PostForm", "Client.Head",
		"Transport.RoundTrip", "RoundTripper.RoundTrip"},
	"net": {"Dial", "DialTimeout", "DialTCP", "DialUDP", "DialUnix", "DialIP", "Dialer.Dial", "Dialer.DialContext"},
	"database/sql": {"DB.Query", "DB.QueryContext", "DB.QueryRow", "DB.QueryRowContext", "DB.Exec", "DB.ExecContext",
		"Tx.Query", "Tx.QueryContext", "Tx.QueryRow", "Tx.QueryRowContext", "Tx.Exec", "Tx.ExecContext",
		"Stmt.Query", "Stmt.QueryContext", "Stmt.QueryRow", "Stmt.QueryRowContext", "Stmt.Exec", "Stmt.ExecContext",
		"Conn.QueryContext", "Conn.QueryRowContext", "Conn.ExecContext"},
	"google.golang.org/grpc": {"Invoke", "ClientConn.Invoke", "ClientConn.NewStream"},
}

// isNetworkCall reports whether fn is one of networkCalls.
func isNetworkCall(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return false
		}
		name = named.Obj().Name() + "." + name
	}
	return slices.Contains(networkCalls[fn.Pkg().Path()], name)
}

// buildsAny reports whether fn can fail and returns an untyped value (any)
// besides the error: it builds a dynamic value (a query's JSON source, a
// decoded document), which allocates its maps and parts.
func buildsAny(fn *types.Func) bool {
	results := fn.Signature().Results()
	if results.Len() != 2 || !canFail(fn) {
		return false
	}
	iface, ok := results.At(0).Type().Underlying().(*types.Interface)
	return ok && iface.Empty()
}

// opens reports whether fn is named Open or Open<Something> and can fail:
// it opens a file, a block, a database or a connection, which allocates
// and usually does I/O.
func opens(fn *types.Func) bool {
	return namedAs(fn, "Open") && canFail(fn)
}

// parses reports whether fn is named Parse, Unmarshal or Decode (or one of
// them followed by <Something>), can fail and, if it returns a value
// besides the error, returns a pointer, slice, map or interface: it builds
// an object from its input (a certificate, a selector, a message, a
// config entry of one of several kinds, a device's attributes read from
// its files), which allocates it and its parts. A Parse that returns a
// number (strconv.ParseInt) or a small value allocates nothing.
func parses(fn *types.Func) bool {
	if !namedAs(fn, "Parse") && !namedAs(fn, "Unmarshal") && !namedAs(fn, "Decode") || !canFail(fn) {
		return false
	}
	results := fn.Signature().Results()
	if results.Len() == 1 {
		return true
	}
	switch results.At(0).Type().Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface:
		return true
	}
	return false
}

// namedAs reports whether fn's name is verb or verb<Something>, or the
// same unexported (parseIface): a package's own helpers do the same work.
func namedAs(fn *types.Func, verb string) bool {
	name := fn.Name()
	if name == "" {
		return false
	}
	rest, ok := strings.CutPrefix(strings.ToUpper(name[:1])+name[1:], verb)
	return ok && (rest == "" || unicode.IsUpper(rune(rest[0])))
}

// canFail reports whether fn's last result is an error.
func canFail(fn *types.Func) bool {
	return returnsError(fn.Signature())
}

func returnsError(sig *types.Signature) bool {
	results := sig.Results()
	return results.Len() > 0 && types.Identical(results.At(results.Len()-1).Type(), types.Universe.Lookup("error").Type())
}

// listings are the functions that list a directory, and fileListings the
// methods of *os.File that do: each allocates an entry per file and reads
// the directory with system calls.
var (
	listings = map[string][]string{
		"os":            {"ReadDir"},
		"io/fs":         {"ReadDir", "Glob"},
		"io/ioutil":     {"ReadDir"},
		"path/filepath": {"Glob"},
	}
	fileListings = []string{"ReadDir", "Readdir", "Readdirnames"}
)

// listing returns the call that lists a directory when the loop at cur
// ranges over its result, declared in the same function and not changed
// since (entries, err := os.ReadDir(dir)), or "". Copying the entries'
// names grows the slice a few times, a small share of reading them.
func (c *checker) listing(cur inspector.Cursor) string {
	rng, ok := cur.Node().(*ast.RangeStmt)
	if !ok {
		return ""
	}
	id, ok := ast.Unparen(rng.X).(*ast.Ident)
	fn := astx.OutermostFunc(cur)
	if !ok || fn == nil {
		return ""
	}
	if call := c.definingCall(id, fn); call != nil && c.isListing(call) {
		return c.src.Text(call.Fun)
	}
	return ""
}

func (c *checker) isListing(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	if recv := fn.Signature().Recv(); recv != nil {
		return typesx.IsPointerTo(recv.Type(), "os", "File") && slices.Contains(fileListings, fn.Name())
	}
	return slices.Contains(listings[fn.Pkg().Path()], fn.Name())
}

// policy: a few appends in a String method are cheap next to its
// formatting (see [cost.Policy]).
var policy = cost.Policy{DescriptionsAreCold: true}

// estimate rates a finding. Filling a slice or map grows it log2(n) times:
// worth fixing where the count grows with data on a path that runs often
// (high per request, medium when the callers are unknown). It is low where
// maintainers decline the change: counts fixed by the code, configured or
// short in practice, cold code, error aggregation, loop bodies that allocate more than the
// growth costs, and appends under conditions that make the count a loose
// upper bound.
func (c *checker) estimate(loopCur inspector.Cursor, acc accumulation, filledElsewhere bool) cost.Estimate {
	trips := c.model.Trips(c.pass, loopCur)
	freq := c.model.At(c.pass, loopCur, policy)
	body := astx.LoopBody(loopCur.Node())
	alloc, heavy := c.allocation(body, everyIteration)
	when := "on every iteration"
	if !heavy {
		alloc, heavy = c.allocation(body, someIterations)
		when = "on some iterations"
	}
	listing := c.listing(loopCur)
	remote := c.remoteCall(loopCur)
	into := c.feedsError(loopCur, acc)
	low := func(evidence string) cost.Estimate { return cost.Estimate{Tier: cost.Low, Evidence: evidence} }
	switch {
	case trips.Count == cost.CountFixed || trips.Count == cost.CountConfig || trips.Count == cost.CountPart:
		return low(trips.Evidence)
	case c.isShortInPractice(loopCur.Node(), astx.OutermostFunc(loopCur)):
		return low("a list that is short in practice")
	case freq.Level == cost.Cold:
		return low(freq.Reason)
	case cost.OnErrorPath(c.pass.TypesInfo, loopCur):
		return low("on an error path (it runs only when something failed): once per failure")
	case typesx.IsErrorList(acc.typ()):
		// The errors of closing or checking a few resources, gathered for
		// errors.Join, on a path that usually ends with none
		// (PRECISION.md, reason 15).
		return low("error aggregation: the errors of a teardown or a check, one per failure, usually few")
	case into == diagnosticUse:
		return low("it only goes into a diagnostic (a log line or an error's text)")
	case into != "":
		return low("builds an error (" + into + "): once per failure")
	case logsEach(c.pass.TypesInfo, body) != "":
		return low("the loop body also writes a log line (" + logsEach(c.pass.TypesInfo, body) + ") on each iteration that gets that far, far more work than the growth")
	case heavy && alloc.waits:
		return low("the loop body also calls " + alloc.String() + ", which takes a context and can fail (a query, a remote call or a wait, costlier than the growth), " + when)
	case heavy:
		return low("the loop body also allocates (" + alloc.String() + ") " + when)
	case listing != "":
		return low("the loop goes over a directory listing (" + listing + "), which allocates per entry to read")
	case filledElsewhere:
		return low("the map also gets entries outside the loop: the hint covers only part")
	case acc.cond != nil && !acc.skipsConstants:
		return low("conditional: the count is only an upper bound")
	case remote != "":
		return low(remote)
	case freq.Level == cost.Hot:
		return cost.Estimate{Tier: cost.High, Evidence: join(trips.Evidence, freq.Reason)}
	}
	return cost.Estimate{Tier: cost.Medium, Evidence: trips.Evidence}
}

// join joins the evidence that is there with ", ".
func join(evidence ...string) string {
	return strings.Join(slices.DeleteFunc(evidence, func(s string) bool { return s == "" }), ", ")
}

// boxes reports whether the accumulation stores a concrete value into an
// interface element: each such conversion allocates a copy of the value,
// so the loop already allocates once per iteration (PRECISION.md, reason
// 12). Pointer-shaped values and constants convert without allocating.
func (c *checker) boxes(acc accumulation) bool {
	for _, stmt := range append([]ast.Stmt{acc.stmt}, acc.others...) {
		if c.boxesIn(acc, stmt.(*ast.AssignStmt)) {
			return true
		}
	}
	return false
}

// boxesIn reports whether the accumulating statement assign stores a
// concrete value into an interface element.
func (c *checker) boxesIn(acc accumulation, assign *ast.AssignStmt) bool {
	value := assign.Rhs[0]
	if !acc.isMap {
		value = ast.Unparen(value).(*ast.CallExpr).Args[1]
	}
	var elem types.Type
	switch t := typesx.Core(acc.typ()).(type) {
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
	switch t := typesx.Core(t).(type) {
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

// feedsError returns the error that the accumulated slice or map goes
// into, if every use of it after the loop is inside a composite literal
// of an error type (return nil, &AmbiguousError{Matches: kinds}) or among
// the arguments of a diagnostic call (fmt.Errorf), but for measuring it
// (if len(overlap) > 0): the loop builds an error, once per failure.
func (c *checker) feedsError(loopCur inspector.Cursor, acc accumulation) string {
	info := c.pass.TypesInfo
	var fn inspector.Cursor
	for fn = range loopCur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		break
	}
	into := ""
	for use := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[use.Node().(*ast.Ident)] != acc.v || use.Node().Pos() < loopCur.Node().End() || c.measured(use) {
			continue
		}
		what := ""
		for lit := range use.Enclosing((*ast.CompositeLit)(nil)) {
			if t := info.TypeOf(lit.Node().(*ast.CompositeLit)); t != nil && typesx.IsErrorType(t) {
				what = types.TypeString(t, typesx.Qualifier(c.pass.Pkg))
				break
			}
		}
		if what == "" && cost.InDiagnostic(info, use) {
			what = diagnosticUse
		}
		if what == "" {
			return ""
		}
		into = what
	}
	return into
}

// measured reports whether the identifier at cur is the argument of len.
func (c *checker) measured(cur inspector.Cursor) bool {
	if k, _ := cur.ParentEdge(); k != edge.CallExpr_Args {
		return false
	}
	return c.isBuiltin(cur.Parent().Node().(*ast.CallExpr).Fun, "len")
}

// diagnosticUse is what feedsError returns for a slice that only goes
// into a diagnostic's arguments.
const diagnosticUse = "a diagnostic"
