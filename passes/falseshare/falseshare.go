package falseshare

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports fields and package variables that different goroutines
// write at once and that can share a cache line.
var Analyzer = &analysis.Analyzer{
	Name:       "falseshare",
	Doc:        passdoc.Extract(docFile, "falseshare"),
	URL:        "https://pkg.go.dev/github.com/memlint/memlint/passes/falseshare",
	Requires:   []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[Contended](),
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() {
	suppress.Register(Analyzer)
}

// cacheLine is the cache line size the pass assumes: 64 bytes on amd64,
// most arm64 and the other platforms Go supports.
const cacheLine = 64

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return Contended(nil), nil
	}
	insp := lazyinspect.Of(pass)
	g := findGoroutines(pass, insp)
	if !g.anyGo {
		return Contended(nil), nil // no goroutine of the package: no evidence of concurrent writes
	}
	c := &checker{
		pass:      pass,
		rep:       rep,
		model:     cost.Of(pass),
		g:         g,
		src:       astx.NewSource(pass),
		writes:    make(map[location][]write),
		contended: make(Contended),
	}
	c.findWrites(insp)
	c.reportFields(insp)
	c.reportGlobals(insp)
	c.reportShards(insp)
	return c.contended, nil
}

// Contended is the pass's result: the structs of the package whose layout
// decides which goroutines share a cache line, each with the reason. A
// reorder of their fields (fieldalign) could bring fields that different
// goroutines write into one line, or undo padding this pass inserts in the
// same run; the two fixes cannot be applied blind together.
type Contended map[*types.TypeName]string

type checker struct {
	pass   *analysis.Pass
	rep    *suppress.Reporter
	model  *cost.Model
	g      *goroutines
	src    *astx.Source
	writes map[location][]write
	// contended is the result being built.
	contended Contended
	// placed and alone say where the package puts the values of its
	// types (see lineStarts), found when first needed.
	placed map[*types.TypeName][]placement
	alone  map[*types.TypeName]bool
}

// A location is memory that atomics or a mutex write: a field of a struct
// of the package (by the path of field indices from the struct, through
// embedded structs), a field of an element of an array or slice of such a
// struct, or a package variable.
type location struct {
	strct   *types.TypeName
	path    string // field indices, "2.0"
	indexed bool   // written through an element: arr[i].f
	global  *types.Var
	shared  bool // a package variable, or a field of one
}

// A write is one atomic operation or lock on a location.
type write struct {
	pos   token.Pos
	op    string // "Add", "atomic.AddInt64", "Lock"
	mutex bool   // a lock or unlock rather than an atomic write
	count bool   // an atomic Add: a counter, written once per event
	// once is the change a compare-and-swap of constants makes ("0 -> 1"
	// for an inited guard): alone, it succeeds once per value.
	once  string
	unit  ast.Node // the function that writes
	roots []*root
	cold  bool // in a function that runs rarely
	// rare: the write counts an event that is rare next to the work it
	// accompanies: a failure, a dropped item, a connection torn down.
	rare bool
}

// writeMethods are the methods of sync/atomic's types and of sync's mutexes
// that write the value's memory.
var writeMethods = map[string]bool{
	"Add": true, "Store": true, "Swap": true, "CompareAndSwap": true, "And": true, "Or": true,
	"Lock": true, "Unlock": true, "RLock": true, "RUnlock": true, "TryLock": true, "TryRLock": true,
}

// findWrites records the atomic writes and locks of production code.
func (c *checker) findWrites(insp *inspector.Inspector) {
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if isTestFile(c.pass, call) {
			continue
		}
		target, op := c.writeTarget(call)
		if target == nil {
			continue
		}
		loc, ok := c.locationOf(target)
		if !ok {
			continue
		}
		w := write{pos: call.Pos(), op: op, mutex: strings.Contains(op, "Lock"), count: strings.Contains(op, "Add"), once: c.swapOfConstants(call, op), unit: c.g.unit(cur), roots: c.g.of(cur)}
		w.rare = cost.OnErrorPath(c.pass.TypesInfo, cur) || inSelectDefault(cur) || namesRareEvent(targetName(target))
		for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			w.cold = c.model.Func(c.pass, decl.Node().(*ast.FuncDecl)).Level == cost.Cold
		}
		c.writes[loc] = append(c.writes[loc], w)
	}
}

// swapOfConstants returns the change that call, of op, makes if it is a
// compare-and-swap whose old and new values are constants ("0 -> 1" for
// atomic.CompareAndSwapInt32(&x, 0, 1) or x.CompareAndSwap(0, 1)), or "".
func (c *checker) swapOfConstants(call *ast.CallExpr, op string) string {
	if !strings.Contains(op, "CompareAndSwap") {
		return ""
	}
	args := call.Args
	if strings.HasPrefix(op, "atomic.") && len(args) > 0 {
		args = args[1:]
	}
	if len(args) != 2 {
		return ""
	}
	from, to := c.pass.TypesInfo.Types[args[0]].Value, c.pass.TypesInfo.Types[args[1]].Value
	if from == nil || to == nil {
		return ""
	}
	return from.ExactString() + " -> " + to.ExactString()
}

// setOnce reports whether every write of locs is one compare-and-swap of
// constants (0 -> 1): the field changes at most once per value (an init
// guard), not again and again beside its neighbour's writes. A spin
// lock's swaps go both ways (0 -> 1, 1 -> 0).
func (c *checker) setOnce(locs []location) bool {
	change := ""
	for _, loc := range locs {
		for _, w := range c.writes[loc] {
			if w.once == "" || change != "" && w.once != change {
				return false
			}
			change = w.once
		}
	}
	return change != ""
}

// writeTarget returns the expression whose memory call writes, and how:
// x in x.Add(1) or x.Lock() (x of a sync/atomic type or a mutex), in
// atomic.AddInt64(&x, 1), or the embedded mutex of s in s.Lock().
func (c *checker) writeTarget(call *ast.CallExpr) (ast.Expr, string) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	fn, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, ""
	}
	switch fn.Pkg().Path() {
	case "sync/atomic":
		if fn.Signature().Recv() == nil {
			if !isAtomicWrite(fn.Name()) || len(call.Args) == 0 {
				return nil, ""
			}
			if un, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && un.Op == token.AND {
				return un.X, "atomic." + fn.Name()
			}
			return nil, ""
		}
	case "sync":
		if fn.Signature().Recv() == nil || !isMutexType(fn.Signature().Recv().Type()) {
			return nil, ""
		}
	default:
		return nil, ""
	}
	if fn.Signature().Recv() == nil || !writeMethods[fn.Name()] {
		return nil, ""
	}
	if selection := c.pass.TypesInfo.Selections[sel]; selection != nil && len(selection.Index()) > 1 {
		return &promoted{sel: sel, selection: selection}, fn.Name()
	}
	if _, isPtr := types.Unalias(c.pass.TypesInfo.TypeOf(sel.X)).(*types.Pointer); isPtr {
		return nil, "" // x.Add(1) on a *atomic.Uint64 x writes what x points to, which may lie anywhere
	}
	return sel.X, fn.Name()
}

// inSelectDefault reports whether the code at cur is in the default
// case of a select: what runs there runs when a channel was not ready,
// such as counting an item dropped because a queue was full.
func inSelectDefault(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.CommClause)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		cc, ok := anc.Node().(*ast.CommClause)
		return ok && cc.Comm == nil
	}
	return false
}

// targetName returns the name of the variable or field that x denotes:
// n in s.stats.n, or "".
func targetName(x ast.Expr) string {
	if p, ok := x.(*promoted); ok {
		return p.sel.Sel.Name
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

// rareEventWords are words in the names of counters of events that are
// rare next to the work they accompany: failures, drops, timeouts, and
// connections torn down or redialled (per connection, not per request).
// Connection counts themselves are no such words: a pool's idle count
// changes with every checkout.
var rareEventWords = []string{
	"err", "errs", "error", "errors", "fail", "fails", "failed", "failure", "failures",
	"drop", "drops", "dropped", "reject", "rejects", "rejected", "discard", "discards", "discarded",
	"overflow", "overflows", "timeout", "timeouts", "retry", "retries", "abort", "aborts", "aborted",
	"panic", "panics", "slow", "destroy", "destroys", "destroyed", "reconnect", "reconnects",
}

// namesRareEvent reports whether a word of the camelCase or snake_case
// name is one of rareEventWords: apiErrors, pinnedAccFail, dropped.
func namesRareEvent(name string) bool {
	for _, w := range words(name) {
		if slices.Contains(rareEventWords, w) {
			return true
		}
	}
	return false
}

// words splits a camelCase or snake_case name into lower-case words:
// newConnsCount is new, conns, count; HTTPErrors is http, errors.
func words(name string) []string {
	var out []string
	start := 0
	for i := 1; i <= len(name); i++ {
		switch {
		case i == len(name), name[i] == '_':
		case isUpper(name[i]) && (!isUpper(name[i-1]) || i+1 < len(name) && !isUpper(name[i+1]) && name[i+1] != '_'):
		default:
			continue
		}
		if w := strings.Trim(name[start:i], "_"); w != "" {
			out = append(out, strings.ToLower(w))
		}
		start = i
	}
	return out
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

func isAtomicWrite(name string) bool {
	for _, p := range []string{"Add", "Store", "Swap", "CompareAndSwap", "And", "Or"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func isMutexType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && (n.Obj().Name() == "Mutex" || n.Obj().Name() == "RWMutex")
}

// promoted stands for the embedded field through which s.Lock() reaches a
// promoted method: the method's receiver is s's field path minus the
// method itself.
type promoted struct {
	ast.Expr
	sel       *ast.SelectorExpr
	selection *types.Selection
}

// locationOf returns the location that x denotes, if it is one the pass
// tracks.
func (c *checker) locationOf(x ast.Expr) (location, bool) {
	info := c.pass.TypesInfo
	if p, ok := x.(*promoted); ok {
		idx := p.selection.Index()
		return c.fieldPath(p.sel.X, idx[:len(idx)-1])
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
			return location{global: v, shared: true}, true
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
			return location{}, false // another package's variable
		}
		selection := info.Selections[x]
		if selection == nil || selection.Kind() != types.FieldVal {
			return location{}, false
		}
		return c.fieldPath(x.X, selection.Index())
	}
	return location{}, false
}

// fieldPath returns the location of the field reached from base by the
// field indices idx.
func (c *checker) fieldPath(base ast.Expr, idx []int) (location, bool) {
	t := c.pass.TypesInfo.TypeOf(base)
	if t == nil || len(idx) == 0 {
		return location{}, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	tn := typesx.LocalStruct(c.pass.Pkg, t)
	if tn == nil {
		return location{}, false
	}
	var path []string
	for _, i := range idx {
		path = append(path, fmt.Sprint(i))
	}
	loc := location{strct: tn, path: strings.Join(path, ".")}
	switch base := ast.Unparen(base).(type) {
	case *ast.IndexExpr:
		loc.indexed, loc.shared = true, true
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[base].(*types.Var)
		loc.shared = ok && v.Parent() == c.pass.Pkg.Scope()
	}
	return loc, true
}

// A span is where a written location lies in its struct or variable block.
type span struct {
	locs      []location
	name      string
	off, size int64
	top       int            // index of the top-level field that holds it
	field     *ast.Field     // that field's declaration; nil for a variable
	spec      *ast.ValueSpec // the variable's declaration; nil for a field
}

// mayShareLine reports whether a and b, a before b, can lie in one cache
// line whatever the alignment of their value: fewer than 63 bytes apart.
func mayShareLine(a, b span) bool {
	return b.off-(a.off+a.size) <= cacheLine-2
}

// conflicts returns the written spans of one struct or block, in offset
// order, each with the next one when the two share a cache line at one of
// starts (at some start when starts is nil) and another goroutine writes
// it at the same time.
func (c *checker) conflicts(spans []span, starts []int64) [][2]span {
	slices.SortStableFunc(spans, func(a, b span) int { return int(a.off - b.off) })
	var out [][2]span
	for i := 1; i < len(spans); i++ {
		a, b := spans[i-1], spans[i]
		if !sharesLine(a, b, starts) || c.setOnce(a.locs) || c.setOnce(b.locs) {
			continue
		}
		if _, _, ok := concurrent(c.rootsOf(a.locs), c.rootsOf(b.locs), isShared(a.locs) || isShared(b.locs)); ok {
			out = append(out, [2]span{a, b})
		}
	}
	return out
}

func (c *checker) rootsOf(locs []location) []*root {
	var roots []*root
	for _, loc := range locs {
		for _, w := range c.writes[loc] {
			for _, r := range w.roots {
				if !slices.Contains(roots, r) {
					roots = append(roots, r)
				}
			}
		}
	}
	return roots
}

// estimate rates a pair: medium when both are counters (atomic Adds,
// written once per event) in code that does not run rarely. Flags and
// states stored now and then, and mutexes, whose contention costs more
// than the line they share, are low tier.
func (c *checker) estimate(a, b []location) cost.Estimate {
	ra, rb, _ := concurrent(c.rootsOf(a), c.rootsOf(b), isShared(a) || isShared(b))
	e := cost.Estimate{Tier: cost.Medium, Evidence: "written by " + describe(c.pass, ra)}
	if rb != ra {
		e.Evidence += " and " + describe(c.pass, rb)
	}
	switch {
	case c.allCold(a) || c.allCold(b):
		e.Tier = cost.Low
		e.Evidence += "; one side only at start-up or teardown"
	case c.any(a, isMutex) || c.any(b, isMutex):
		e.Tier = cost.Low
		e.Evidence += "; a mutex, whose contention costs more than the shared line"
	case !c.any(a, isCount) || !c.any(b, isCount):
		e.Tier = cost.Low
		e.Evidence += "; one side is a flag or state, stored now and then"
	case !c.any(a, isFrequentCount) || !c.any(b, isFrequentCount):
		e.Tier = cost.Low
		e.Evidence += "; one side counts a rare event (failures, drops, teardown)"
	case a[0].strct != nil && !isShared(a) && !isShared(b) && c.ownGoroutines(a[0].strct, a, b):
		e.Tier = cost.Low
		e.Evidence += "; each value has its own goroutines, so padding would cost every value a cache line for two writers"
	case a[0].global == nil && a[0] != b[0] && c.oneWriter(a, b):
		e.Tier = cost.Low
		e.Evidence += "; one function writes both, so its goroutines share the line anyway"
	case a[0].global == nil && a[0] != b[0] && c.oneRoot(a, b):
		e.Tier = cost.Low
		e.Evidence += "; the same goroutines write both, so padding does not part their writers"
	}
	return e
}

// ownGoroutines reports whether every goroutine that writes a or b runs
// a method of a value of tn, started for that value (go v.loop()): the
// struct is made per stream or connection with its goroutines, so there
// are as many values as goroutine pairs, and each pays for the padding.
// (Elements of a shared array written by their own goroutines are the
// opposite case: the caller asks only for fields of values not shared.)
func (c *checker) ownGoroutines(tn *types.TypeName, a, b []location) bool {
	roots := append(c.rootsOf(a), c.rootsOf(b)...)
	return len(roots) > 0 && !slices.ContainsFunc(roots, func(r *root) bool { return r.owner != tn })
}

// oneRoot reports whether goroutines of one root write both fields a and
// b: they take both lines whatever the padding, and padding only keeps
// the other side's writers off one of them. The callers' goroutines are
// not one root: one caller may call what writes a while another calls
// what writes b (ParseUserAgent and ParseOs of a parser).
func (c *checker) oneRoot(a, b []location) bool {
	ra, rb := c.rootsOf(a), c.rootsOf(b)
	return slices.ContainsFunc(ra, func(r *root) bool { return r != callersRoot && slices.Contains(rb, r) })
}

// oneWriter reports whether some function writes both fields a and b: the
// goroutines that run it contend for both fields, and padding between
// them does not end that. (Package variables differ: the padding is also
// against the unrelated variables the linker puts next to them; and the
// elements of a per-worker array are written by one function, each
// goroutine its own element.)
func (c *checker) oneWriter(a, b []location) bool {
	units := make(map[ast.Node]bool)
	for _, loc := range a {
		for _, w := range c.writes[loc] {
			units[w.unit] = true
		}
	}
	for _, loc := range b {
		for _, w := range c.writes[loc] {
			if w.unit != nil && units[w.unit] {
				return true
			}
		}
	}
	return false
}

func isMutex(w write) bool { return w.mutex }
func isCount(w write) bool { return w.count }

// isFrequentCount: a counter written once per event, where the event is
// not a rare one.
func isFrequentCount(w write) bool { return w.count && !w.rare && !w.cold }

func isShared(locs []location) bool {
	return slices.ContainsFunc(locs, func(l location) bool { return l.shared })
}

// any reports whether some write of locs has the property.
func (c *checker) any(locs []location, property func(write) bool) bool {
	for _, loc := range locs {
		if slices.ContainsFunc(c.writes[loc], property) {
			return true
		}
	}
	return false
}

func (c *checker) allCold(locs []location) bool {
	for _, loc := range locs {
		for _, w := range c.writes[loc] {
			if !w.cold {
				return false
			}
		}
	}
	return true
}

func describe(pass *analysis.Pass, r *root) string {
	if r == callersRoot {
		return "the callers' goroutines"
	}
	if r.many {
		return "the goroutines started in a loop at " + astx.Where(pass.Fset, r.pos)
	}
	return "the goroutine started at " + astx.Where(pass.Fset, r.pos)
}

// structDecls returns the struct type declarations of the package's
// production files, by type name.
func structDecls(pass *analysis.Pass, rep *suppress.Reporter, insp *inspector.Inspector) map[*types.TypeName]*ast.TypeSpec {
	decls := make(map[*types.TypeName]*ast.TypeSpec)
	for fileCur := range insp.Root().Children() {
		if rep.Skips(fileCur.Node().(*ast.File)) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.TypeSpec)(nil)) {
			spec := cur.Node().(*ast.TypeSpec)
			if _, ok := spec.Type.(*ast.StructType); !ok {
				continue
			}
			if tn, ok := pass.TypesInfo.Defs[spec.Name].(*types.TypeName); ok && typesize.Known(tn.Type()) {
				decls[tn] = spec
			}
		}
	}
	return decls
}
