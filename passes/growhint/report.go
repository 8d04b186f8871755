package growhint

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/typesx"
)

// minStraightPieces is how many writes outside loops it takes to report a
// builder whose size does not grow with a loop: with fewer, the builder
// reallocates once or twice, and a concatenation is the better remedy.
const minStraightPieces = 4

// check reports the builder when its size is known before the first write
// and grows with the data.
func (c *checker) check(file *ast.File, b *builder) {
	first := b.writes[0].top
	at := first.Pos()
	if b.kind == bytesKind {
		at = b.decl.Node().Pos() // the capacity goes into the declaration
	}
	if c.isPreallocs(b) || onExclusivePaths(b) {
		return
	}
	e := c.estimate(b, at)
	if !e.variable || e.unsized || !e.overLoop && e.pieces < minStraightPieces || e.dataUncounted && !e.countsData {
		return
	}
	msg := fmt.Sprintf("%s is filled by %s whose total size is known before the first write: %s%s; %s: %s",
		b.obj.Name(), writesText(b, e), e.text(), e.caveat(), c.growth(b), c.remedy(b))
	d := analysis.Diagnostic{Pos: b.decl.Node().Pos(), End: b.decl.Node().End(), Message: msg}
	if len(e.someIterations) > 0 {
		// Grown to this size, the builder still doubles once the
		// uncounted pieces pass it, and holds both arrays meanwhile.
		grown := "a Grow of this size falls short and the builder still doubles"
		if b.kind == bytesKind {
			grown = "that capacity falls short and append still doubles " + b.obj.Name()
		}
		d.Message += " (no automatic fix: " + list(e.someIterations) + " on some iterations is not counted, so " + grown + "; count it per iteration for an upper bound)"
	} else if fix, why := c.fix(file, b, e, at); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	} else {
		d.Message += " (no automatic fix: " + why + ")"
	}
	c.rep.Report(d, c.cost(b, e))
}

// growth says how the builder grows without a hint. A bytes.Buffer's
// first write reserves 64 bytes: only a larger total reallocates.
func (c *checker) growth(b *builder) string {
	t := b.obj.Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if typesx.IsNamed(t, "bytes", "Buffer") {
		return "it starts empty, and past the 64 bytes its first write reserves, each write that outgrows it reallocates and copies what it holds"
	}
	return "it starts empty, so each write that outgrows its capacity reallocates and copies what it holds"
}

// isPreallocs reports whether the slice gets exactly one element per
// iteration of one loop: prealloc's finding, not this pass's.
func (c *checker) isPreallocs(b *builder) bool {
	if b.kind != bytesKind || len(b.writes) != 1 {
		return false
	}
	w := b.writes[0]
	return !w.opaque && !w.spread && len(w.pieces) == 1 && c.outerLoop(b, w.cur).Valid()
}

// bound says how the estimate relates to the final size.
func (e estimate) bound() string {
	switch {
	case len(e.copyOf) > 0, len(e.cleaned) > 0, (len(e.under) > 0 || len(e.least) > 0) && (e.over || e.armsSummed):
		return "about "
	case len(e.under) > 0 || len(e.least) > 0:
		return "at least "
	case e.over:
		return "at most "
	}
	return ""
}

// caveat names what the estimate leaves out or guesses.
func (e estimate) caveat() string {
	var parts []string
	if len(e.copyOf) > 0 {
		parts = append(parts, "the loop writes a rewritten copy of "+strings.Join(e.copyOf, " and "))
	}
	if len(e.cleaned) > 0 {
		parts = append(parts, "cleaned copies counted as their input: "+list(e.cleaned))
	}
	if len(e.least) > 0 {
		parts = append(parts, "counted at their least: "+list(e.least))
	}
	if len(e.under) > 0 {
		parts = append(parts, "not counted: "+list(e.under))
	}
	if e.armsSummed {
		parts = append(parts, "the arms of one if-else or switch counted together, though one runs")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// list joins the first few of xs, without repeats.
func list(xs []string) string {
	xs = slices.Compact(slices.Clone(xs))
	if len(xs) > 4 {
		xs = append(xs[:4], "…")
	}
	return strings.Join(xs, ", ")
}

// writesText says how many writes fill the builder on its longest path,
// and how many of them run in a loop: "2 writes" would understate a byte
// written per digit before a string.
func writesText(b *builder, e estimate) string {
	if len(b.writes) == 1 {
		return "a write in a loop"
	}
	n := len(b.writes) - e.exclusive
	loops := make(map[ast.Node]bool)
	looped := 0
	for _, w := range b.writes {
		if loop := w.loop(); loop != nil {
			loops[loop] = true
			looped++
		}
	}
	where := " in a loop"
	if len(loops) > 1 {
		where = " in loops"
	}
	switch looped = min(looped, n); looped {
	case 0:
		return strconv.Itoa(n) + " writes"
	case n:
		return strconv.Itoa(n) + " writes" + where
	}
	return strconv.Itoa(n) + " writes (" + strconv.Itoa(looped) + where + ")"
}

// loop returns the outermost loop around the write that starts after the
// builder is declared, or nil.
func (w *write) loop() ast.Node {
	var outer ast.Node
	for loop := range w.cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if w.top.Pos() <= loop.Node().Pos() && loop.Node().End() <= w.top.End() {
			outer = loop.Node()
		}
	}
	return outer
}

func (c *checker) remedy(b *builder) string {
	if b.kind == bytesKind {
		return "make it with that capacity"
	}
	return "call " + b.obj.Name() + ".Grow first"
}

// text is the estimate for the message: "at least len(s) + 2 bytes",
// "2*len(xs) bytes plus the lengths of the elements of xs", "at least
// the lengths of the elements of xs".
func (e estimate) text() string {
	if len(e.sumOver) == 0 {
		return e.bound() + e.sum.String() + " bytes"
	}
	elements := "the lengths of the elements of " + strings.Join(slices.Compact(slices.Clone(e.sumOver)), " and ")
	if e.sum.IsConstant() && e.sum.Bytes() == 0 {
		return e.bound() + elements
	}
	return e.bound() + e.sum.String() + " bytes plus " + elements
}

// minStraightTerms is how many pieces of data (len terms) a builder
// filled without loops needs for its finding to be worth the default
// level: with fewer, the text is a few fields long and reallocates once
// or twice (a bytes.Buffer's first write already reserves 64 bytes).
const minStraightTerms = 3

// cost rates the finding by how often its function runs. Describing
// methods are cold unless they serialize the fields of their value
// without fmt: URL.String and its kind run per request in servers. One
// that loops over a list of parts (a compaction's files) describes them
// for people.
func (c *checker) cost(b *builder, e estimate) cost.Estimate {
	decl := c.outerDecl(b)
	if decl == nil {
		return cost.Estimate{Tier: cost.Medium}
	}
	name := astx.FuncName(decl)
	f := c.model.At(c.pass, b.decl, cost.Policy{DescriptionsAreCold: true})
	short := c.shortLoops(e)
	switch {
	case c.endsInDiagnostic(b):
		return cost.Estimate{Tier: cost.Low, Evidence: "the text ends in a diagnostic"}
	case !e.overLoop && e.sum.Terms() < minStraightTerms:
		return cost.Estimate{Tier: cost.Low, Evidence: "a few pieces of data, no loop: it reallocates once or twice"}
	case short != "":
		return cost.Estimate{Tier: cost.Low, Evidence: short}
	case f.Level == cost.Cold && f.Describes && isDescribingMethod(decl) && !e.overLoop && !c.usesFmt(decl):
		return cost.Estimate{Tier: cost.Medium, Evidence: "per call of " + name + ", whose output is as long as the fields it writes"}
	case f.Level == cost.Cold:
		return cost.Estimate{Tier: cost.Low, Evidence: f.Reason}
	case f.Level == cost.Hot && e.overLoop:
		return cost.Estimate{Tier: cost.High, Evidence: f.Reason + ", a loop over input"}
	case f.Level == cost.Hot:
		return cost.Estimate{Tier: cost.Medium, Evidence: f.Reason}
	}
	if _, lit := b.fn.Node().(*ast.FuncLit); lit {
		return cost.Estimate{Tier: cost.Medium, Evidence: "per call of a function literal in " + name}
	}
	return cost.Estimate{Tier: cost.Medium, Evidence: "per call of " + name}
}

// shortLoops returns why every loop of the estimate is short, when the
// cost model says so of each (a count fixed by the code, configured
// items, the arguments of one call), or "": the builder then grows by a
// handful of pieces, as prealloc and concatloop rate such loops.
func (c *checker) shortLoops(e estimate) string {
	why := ""
	for _, loop := range e.loops {
		switch trips := c.model.Trips(c.pass, loop); trips.Count {
		case cost.CountFixed, cost.CountConfig, cost.CountPart:
			why = cmp.Or(why, trips.Evidence)
		default:
			return ""
		}
	}
	return why
}

// isDescribingMethod reports whether decl is a String, GoString or Format
// method.
func isDescribingMethod(decl *ast.FuncDecl) bool {
	return decl.Recv != nil && (decl.Name.Name == "String" || decl.Name.Name == "GoString" || decl.Name.Name == "Format")
}

// endsInDiagnostic reports whether every read of the builder is in the
// arguments of a panic, an error or a log call: error paths are cold.
func (c *checker) endsInDiagnostic(b *builder) bool {
	for _, r := range b.reads {
		if !cost.InDiagnostic(c.info, r) {
			return false
		}
	}
	return len(b.reads) > 0
}

// usesFmt reports whether decl calls a function of package fmt: a String
// method that formats with fmt describes its value for people (a route, a
// config), while one that only writes bytes serializes data (a URL).
func (c *checker) usesFmt(decl *ast.FuncDecl) bool {
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn, ok := c.calleeFunc(call); ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) outerDecl(b *builder) *ast.FuncDecl {
	for anc := range b.fn.Enclosing((*ast.FuncDecl)(nil)) {
		return anc.Node().(*ast.FuncDecl)
	}
	return nil
}

// fix inserts b.Grow(n) before the statement of the first write, or
// makes the slice with capacity n; a sum over the strings of a slice is
// computed by a loop of its own first.
func (c *checker) fix(file *ast.File, b *builder, e estimate, at token.Pos) (*analysis.SuggestedFix, string) {
	if c.src.File(at) == nil || !c.src.StartsLine(at) {
		return nil, "the source file cannot be edited here"
	}
	if first := b.writes[0]; first.opaque && !e.overLoop {
		// Grow(n) reserves n bytes exactly, which the first write alone may
		// overflow: then the builder reallocates at once, one allocation
		// more than without the Grow.
		by := ""
		if call, ok := first.cur.Node().(*ast.CallExpr); ok {
			by = ", by " + types.ExprString(call.Fun) + ","
		}
		return nil, "the first write" + by + " cannot be sized, and a Grow that leaves it out may reserve less than it writes"
	}
	ind := c.src.Indent(at)
	size := e.sum.String()
	var prelude string
	if len(e.sumOver) > 0 {
		n := c.freshName(b, "n")
		prelude = n + " := " + size + "\n" + ind
		for _, s := range e.sumOver {
			v := c.freshName(b, "s")
			//memlint:ignore concatloop,growhint once per finding, over the one or two slices of a size expression
			prelude += "for _, " + v + " := range " + s + " {\n" + ind + "\t" + n + " += len(" + v + ")\n" + ind + "}\n" + ind
		}
		size = n
	}
	if b.kind == builderKind {
		return &analysis.SuggestedFix{
			Message:   "Grow " + b.obj.Name() + " to the size it reaches",
			TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(prelude + b.obj.Name() + ".Grow(" + size + ")\n" + ind)}},
		}, ""
	}
	if why := c.nilMatters(b); why != "" {
		return nil, why
	}
	decl := b.decl.Node()
	return &analysis.SuggestedFix{
		Message:   "Make " + b.obj.Name() + " with the capacity it reaches",
		TextEdits: []analysis.TextEdit{{Pos: decl.Pos(), End: decl.End(), NewText: []byte(prelude + b.obj.Name() + " := make([]byte, 0, " + size + ")")}},
	}, ""
}

// onExclusivePaths reports whether some writes are in the body of an if
// of the builder's list that ends in a return or a break, and others come
// after that if: they never run together (if each { ...; return b.String()
// }, then the other layout), and no one size covers both.
func onExclusivePaths(b *builder) bool {
	for _, w := range b.writes {
		ifs, ok := w.top.(*ast.IfStmt)
		if !ok || !astx.EndsInBreakOrReturn(ifs.Body) || w.cur.Node().Pos() > ifs.Body.End() {
			continue
		}
		if slices.ContainsFunc(b.writes, func(o *write) bool { return o.cur.Node().Pos() > ifs.End() }) {
			return true
		}
	}
	return false
}

// nilMatters says why making the slice non-nil could change what the
// program does: it is returned, or handed on, where nil may differ from
// empty, and may still be nil there when nothing was appended.
func (c *checker) nilMatters(b *builder) string {
	if _, ok := b.decl.Node().(*ast.AssignStmt); ok && !c.declaredNil(b) {
		return "" // already non-nil: []byte{} or make([]byte, 0)
	}
	for _, r := range b.reads {
		if _, ok := r.Node().(*ast.Ident); ok { // returned: nil may differ from empty to the caller
			if !c.nonEmptyBefore(b, r.Node().Pos()) {
				return b.obj.Name() + " is returned and is nil when nothing is appended; with a capacity it would not be"
			}
		}
	}
	return ""
}

func (c *checker) declaredNil(b *builder) bool {
	as := b.decl.Node().(*ast.AssignStmt)
	return c.info.Types[as.Rhs[0]].IsNil() || isConversionOfNil(c.info, as.Rhs[0])
}

func isConversionOfNil(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && info.Types[call.Fun].IsType() && len(call.Args) == 1 && info.Types[call.Args[0]].IsNil()
}

// nonEmptyBefore reports whether a statement of the builder's list before
// pos appends a constant piece or a byte unconditionally, itself or in the
// body of a loop that runs at least once, so the slice is non-nil there
// whatever the fix.
func (c *checker) nonEmptyBefore(b *builder, pos token.Pos) bool {
	for _, w := range b.writes {
		stmt := ast.Stmt(w.cur.Node().(*ast.AssignStmt))
		if w.cur.Node().Pos() >= pos || w.opaque || !slices.Contains(b.list, stmt) && !c.inLoopThatRuns(b, w.top, stmt) {
			continue
		}
		for i, p := range w.pieces {
			if !(w.spread && i == len(w.pieces)-1) {
				return true // an element
			}
			if tv := c.info.Types[p]; tv.Value != nil && tv.Value.ExactString() != `""` {
				return true
			}
		}
	}
	return false
}

// inLoopThatRuns reports whether stmt is a statement of the body of the
// range loop top, a statement of the builder's list, over a variable that
// its function never changes and that a statement before the loop returns
// on when empty (if len(data) == 0 { return nil, nil }): the loop runs,
// and stmt with it.
func (c *checker) inLoopThatRuns(b *builder, top, stmt ast.Stmt) bool {
	loop, ok := top.(*ast.RangeStmt)
	if !ok || !slices.Contains(loop.Body.List, stmt) {
		return false
	}
	id, ok := ast.Unparen(loop.X).(*ast.Ident)
	v, _ := c.info.Uses[id].(*types.Var)
	if !ok || v == nil || astx.Reassigned(c.info, b.fn.Node(), v) {
		return false
	}
	before := b.list[:slices.Index(b.list, top)]
	return astx.ReturnsWhenEmpty(c.info, before, func(length ast.Expr) bool {
		call, ok := length.(*ast.CallExpr)
		if !ok || !astx.IsBuiltin(c.info, call.Fun, "len") || len(call.Args) != 1 {
			return false
		}
		arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
		return ok && c.info.Uses[arg] == v
	})
}

// freshName returns base, or base2, base3, ..., whichever no identifier of
// the builder's function uses.
func (c *checker) freshName(b *builder, base string) string {
	used := make(map[string]bool)
	ast.Inspect(b.fn.Node(), func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	pos := b.decl.Node().Pos()
	scope := astx.ScopeAt(c.pass, astx.FileOf(c.pass, pos), pos)
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if _, obj := scope.LookupParent(name, token.NoPos); !used[name] && obj == nil {
			return name
		}
	}
}
