package resetcap

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/fieldstore"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports resets that drop a slice's or map's capacity.
var Analyzer = &analysis.Analyzer{
	Name:     "resetcap",
	Doc:      passdoc.Extract(docFile, "resetcap"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/resetcap",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() { suppress.Register(Analyzer) }

type checker struct {
	pass   *analysis.Pass
	insp   *inspector.Inspector
	fields *fieldstore.Summary
	uses   map[*types.Var]*fieldUse
	params map[*types.Var]bool
	src    *astx.Source
}

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	insp := lazyinspect.Of(pass)
	if !mayDrop(pass.TypesInfo, insp) {
		return nil, nil // most packages: nothing to classify
	}
	fields := fieldstore.New(pass.TypesInfo, pass.Files)
	params := paramsOf(pass.TypesInfo, insp)
	c := &checker{pass: pass, insp: insp, fields: fields, uses: fieldUses(pass, insp, fields, params), params: params, src: astx.NewSource(pass)}
	model := cost.Of(pass)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if rep.Skips(file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.FuncDecl)(nil)) {
			fd := cur.Node().(*ast.FuncDecl)
			if fd.Body == nil || isConstructor(fd.Name.Name) {
				continue
			}
			diags := c.checkFunc(cur)
			if len(diags) == 0 {
				continue
			}
			freq := model.Func(pass, fd)
			e := estimate(freq, isResetName(fd.Name.Name))
			if freq.Level == cost.Unknown && !model.Called(pass, fd) {
				// Nothing in the package readies the object again: whether
				// it is reused, and how much, is its users' business.
				e = cost.Estimate{Tier: cost.Low, Evidence: "the package never calls " + fd.Name.Name + ": nothing shows the object is reused"}
			}
			maker := c.onlyReadiesNew(fd)
			if maker != "" && !fd.Name.IsExported() {
				continue // no other package can call it: it only ever readies a new value, which has no memory to drop
			}
			if maker != "" {
				e = cost.Estimate{Tier: cost.Low, Evidence: "the package calls " + fd.Name.Name + " only on a value just made (in " + maker + "): it readies a new value, with no memory to keep"}
			}
			for _, d := range diags {
				switch {
				case maker != "":
					rep.Report(d.Diagnostic, e)
				case d.borrowed:
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "the field holds the caller's memory by design"})
				case d.viewed.IsValid():
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "the field is also set to a view of other memory at " + astx.Where(c.pass.Fset, d.viewed) + ", a use that allocates nothing for the reset to save"})
				case d.emptied.IsValid():
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "the field is also set to nil at " + astx.Where(c.pass.Fset, d.emptied) + ", after a use: the capacity goes there, and the reset finds little to keep"})
				case d.replaced.IsValid() && d.mapReset:
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "the field is also set to a new map at " + astx.Where(c.pass.Fset, d.replaced) + ", before the uses that fill it: the memory clear keeps is dropped there"})
				case d.replaced.IsValid():
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "the field is also set whole at " + astx.Where(c.pass.Fset, d.replaced) + ", to a slice built there, which does not reuse the capacity kept"})
				case d.handedOut && !(fd.Name.Name == "Reset" && c.iterates(fd)):
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "the field is handed out"})
				case d.mapReset:
					// clear keeps the buckets of the largest use for good: a
					// Clear of a cache may drop them on purpose.
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "a map's memory kept by clear stays as large as its largest use"})
				case d.callbacks:
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "a list of callbacks: a few per use, which one allocation holds"})
				case d.newObjects.IsValid():
					rep.Report(d.Diagnostic, cost.Estimate{Tier: cost.Low, Evidence: "each element is an object made for it (at " + astx.Where(c.pass.Fset, d.newObjects) + "): next to that allocation, a slot kept saves a pointer"})
				case d.pooled:
					rep.Report(d.Diagnostic, freq.Rate("per use of the pooled value"))
				default:
					rep.Report(d.Diagnostic, e)
				}
			}
		}
	}
	return nil, nil
}

// mayDrop reports whether the package has anything resetcap could
// report, by syntax alone: an assignment of nil, an empty literal or a
// make to a field, or a call given nil in a reset. The classification of every field
// use is only worth doing then.
func mayDrop(info *types.Info, insp *inspector.Inspector) bool {
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if _, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && i < len(n.Rhs) && emptySyntax(info, n.Rhs[i]) {
					return true
				}
				if _, ok := ast.Unparen(lhs).(*ast.StarExpr); ok && i < len(n.Rhs) {
					if _, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit); ok {
						return true // *x = T{...}: a whole-struct reset
					}
				}
			}
		case *ast.CallExpr:
			if slices.ContainsFunc(n.Args, func(e ast.Expr) bool { return isNil(info, e) }) {
				for fn := range cur.Enclosing((*ast.FuncDecl)(nil)) {
					if isResetName(fn.Node().(*ast.FuncDecl).Name.Name) {
						return true
					}
				}
			}
		}
	}
	return false
}

// emptySyntax reports whether e may be an empty value: nil, a literal
// without elements, or a call of make.
func emptySyntax(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return isNil(info, e)
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		b, ok := typeutil.Callee(info, e).(*types.Builtin)
		return ok && b.Name() == "make"
	}
	return false
}

// estimate rates the findings of a function by how often it runs: each
// run allocates the memory again, and grows it about log2(n) times.
func estimate(f cost.Frequency, reset bool) cost.Estimate {
	what := "each time the map is replaced"
	if reset {
		what = "per reset"
	}
	return f.Rate(what)
}

// isTeardown reports whether a function of this (lower-cased) name ends
// its object's life, or exists to give memory back (compact, purge):
// what it drops is meant to go.
func isTeardown(name string) bool {
	return slices.ContainsFunc([]string{"close", "stop", "shutdown", "teardown", "release", "free", "compact", "purge", "prune", "trim", "shrink", "evict"},
		func(p string) bool { return strings.HasPrefix(name, p) })
}

// calledOnlyToDiscard reports whether decl is an unexported function that
// the package calls, and only beside code that discards the object: a
// statement of the same block removes it from its owner (delete, or a
// call of a remove..., delete..., evict..., unregister... or Close), as a
// closed scope's metrics are cleared when the registry drops it.
func (c *checker) calledOnlyToDiscard(decl *ast.FuncDecl) bool {
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || fn.Exported() {
		return false
	}
	calls := 0
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		if typeutil.StaticCallee(c.pass.TypesInfo, cur.Node().(*ast.CallExpr)) != fn {
			continue
		}
		calls++
		block, ok := cur.Parent().Parent().Node().(*ast.BlockStmt)
		if !ok || !slices.ContainsFunc(block.List, c.discards) {
			return false
		}
	}
	return calls > 0
}

// discards reports whether stmt removes an object from its owner or
// closes it: delete(m, k), r.remove(b, name), _ = s.Close().
func (c *checker) discards(stmt ast.Stmt) bool {
	var call *ast.CallExpr
	switch stmt := stmt.(type) {
	case *ast.ExprStmt:
		call, _ = ast.Unparen(stmt.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(stmt.Rhs) == 1 {
			call, _ = ast.Unparen(stmt.Rhs[0]).(*ast.CallExpr)
		}
	}
	if call == nil {
		return false
	}
	if astx.IsBuiltin(c.pass.TypesInfo, call.Fun, "delete") {
		return true
	}
	callee := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if callee == nil {
		return false
	}
	name := strings.ToLower(callee.Name())
	return name == "close" || slices.ContainsFunc([]string{"remove", "delete", "evict", "unregister"}, func(p string) bool { return strings.HasPrefix(name, p) })
}

// onlyReadiesNew returns the function that calls decl, a method of an
// unexported type or an unexported method, on a value it has just made (w
// := &writer{...}; w.Reset(out)), if every call of decl in the package is
// such a call: the "reset" then initializes, and no use has grown what it
// drops. An exported type's users may reset a value again through an
// exported method (gzip.Writer.Reset), and so may the users of an
// unexported one through an interface of the package (zlib's Resetter).
func (c *checker) onlyReadiesNew(decl *ast.FuncDecl) string {
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || fn.Signature().Recv() == nil || c.declaresMethod(fn.Name()) {
		return ""
	}
	recv := fn.Signature().Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	if named, ok := types.Unalias(recv).(*types.Named); !ok || named.Obj().Exported() && fn.Exported() {
		return ""
	}
	maker := ""
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if typeutil.StaticCallee(c.pass.TypesInfo, call) != fn {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !c.madeInBlock(cur, sel.X) {
			return ""
		}
		for f := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			if maker == "" {
				maker = astx.FuncName(f.Node().(*ast.FuncDecl))
			}
		}
	}
	return maker
}

// declaresMethod reports whether an interface type of the package has a
// method of this name.
func (c *checker) declaresMethod(name string) bool {
	scope := c.pass.Pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if m.Name() == name {
					return true
				}
			}
		}
	}
	return false
}

// madeInBlock reports whether x is a local variable that an earlier
// statement of the block holding the call at cur defines as a new value
// (&T{...}, new(T), T{...}), unused in the statements between: not one
// kept from an earlier use, nor one used since it was made.
func (c *checker) madeInBlock(cur inspector.Cursor, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	stmt := cur.Parent()
	block, ok := stmt.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	made := false
	for _, s := range block.List {
		if s.Pos() >= stmt.Node().Pos() {
			break
		}
		if rhs := c.definition(s, v); rhs != nil {
			made = astx.IsNew(c.pass.TypesInfo, rhs)
		} else if made && astx.Mentions(c.pass.TypesInfo, s, v) {
			made = false
		}
	}
	return made
}

// definition returns the value that stmt gives v as it defines it (v :=
// rhs), or nil.
func (c *checker) definition(stmt ast.Stmt, v *types.Var) ast.Expr {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	for i, lhs := range as.Lhs {
		if l, ok := lhs.(*ast.Ident); ok && c.pass.TypesInfo.Defs[l] == v {
			return as.Rhs[i]
		}
	}
	return nil
}

// isConstructor reports whether a function of this name makes its object:
// what it sets is made for the first time.
func isConstructor(name string) bool {
	return name == "init" || strings.HasPrefix(name, "new") || strings.HasPrefix(name, "New") || strings.HasPrefix(name, "make") || strings.HasPrefix(name, "Make")
}

// resetPrefixes start the names of functions that ready an object for its
// next use.
var resetPrefixes = []string{"reset", "clear", "reuse", "recycle", "reinit"}

func isResetName(name string) bool {
	name = strings.ToLower(name)
	return slices.ContainsFunc(resetPrefixes, func(p string) bool { return strings.HasPrefix(name, p) })
}

// iterates reports whether the receiver of fd has a Next or Scan method:
// an iterator, scanner or decoder, whose results are valid only until
// the next call (bufio.Scanner.Bytes, a table iterator's Key), so its
// Reset may reuse what it handed out.
func (c *checker) iterates(fd *ast.FuncDecl) bool {
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return false
	}
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	mset := types.NewMethodSet(types.NewPointer(t))
	for _, name := range []string{"Next", "Scan"} {
		if mset.Lookup(c.pass.Pkg, name) != nil {
			return true
		}
	}
	return false
}

// checkFunc returns the findings of one function declaration.
// A finding is a diagnostic, and whether its field borrows the caller's
// memory by design (an exported setter stores a parameter in it): then
// dropping the memory is usually the point, and the finding is low tier.
type finding struct {
	analysis.Diagnostic
	borrowed bool
	mapReset bool // a map replaced in a Reset or Clear
	// handedOut: the field is handed out (returned by a getter, stored
	// elsewhere, passed on), so keeping its memory needs the holders'
	// consent. An iterator's Reset has it: what Key or Bytes returns is
	// valid until the next call, by the protocol (see iterates); any
	// other is low.
	handedOut bool
	pooled    bool // a whole-struct reset before a sync.Pool's Put
	// callbacks: the slice holds functions, hooks registered per use: a
	// few, which one allocation holds (PRECISION.md, reason 17).
	callbacks bool
	emptied   token.Pos // where the package also sets the field to nil, outside a reset
	viewed    token.Pos // where the package also sets the field to a view of other memory
	// replaced is where the package also sets the field whole to a slice
	// built elsewhere: that use does not reuse the capacity kept.
	replaced token.Pos
	// newObjects is where every append to the slice makes its element
	// (see fieldUse.newObjects).
	newObjects token.Pos
}

func (c *checker) checkFunc(fnCur inspector.Cursor) []finding {
	fd := fnCur.Node().(*ast.FuncDecl)
	reset := isResetName(fd.Name.Name)
	var diags []finding
	for cur := range fnCur.Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				continue
			}
			if f := c.checkWhole(fnCur, cur, reset); f != nil {
				diags = append(diags, *f)
				continue
			}
			for i, lhs := range n.Lhs {
				if d, borrowed := c.checkAssign(fnCur, cur, lhs, n.Rhs[i], reset); d != nil {
					_, isMap := c.pass.TypesInfo.TypeOf(lhs).Underlying().(*types.Map)
					u := c.useOf(lhs)
					diags = append(diags, finding{Diagnostic: *d, borrowed: borrowed, mapReset: isMap && reset, handedOut: u.handedOut.IsValid() || u.stored.IsValid(), replaced: replacedBesides(u, isMap, reset), emptied: u.emptied, viewed: u.viewed, callbacks: holdsFuncs(c.pass.TypesInfo.TypeOf(lhs)), newObjects: u.appendsOnlyNew()})
				}
			}
		case *ast.CallExpr:
			if reset {
				if d, borrowed := c.checkSetterCall(fnCur, cur, n); d != nil {
					diags = append(diags, finding{Diagnostic: *d, borrowed: borrowed})
				}
			}
		}
	}
	return diags
}

// replacedBesides returns where the package also sets the field whole,
// for a finding in a reset: a map re-made outside a reset is itself the
// finding of a stale cache, not a use that a reset's map would serve.
func replacedBesides(u fieldUse, isMap, reset bool) token.Pos {
	if isMap && !reset {
		return token.NoPos
	}
	return u.replaced
}

// checkAssign reports x.f = <empty> that drops the memory of a field the
// package grows.
func (c *checker) checkAssign(fnCur, cur inspector.Cursor, lhs, rhs ast.Expr, reset bool) (*analysis.Diagnostic, bool) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	f := fieldOf(c.pass.TypesInfo, sel)
	if f == nil {
		return nil, false
	}
	u := c.uses[f]
	if u == nil || !u.growth().IsValid() {
		return nil, false
	}
	_, isMap := f.Type().Underlying().(*types.Map)
	name := strings.ToLower(fd(fnCur).Name.Name)
	switch {
	case !c.emptyValue(rhs, isMap) || !c.ofReusedObject(sel):
		return nil, false
	case isMap && reset && name != "reset" && name != "clear":
		return nil, false // maps are kept only by the reuse protocol's own Reset
	case !isMap && u.nilCompared && c.pass.TypesInfo.Types[rhs].IsNil():
		return nil, false // nil is a state the package tests (if f.binds != nil { return f.binds }): the reset means it
	case !reset && (!isMap || isTeardown(name) || !c.readsBefore(fnCur, sel, cur.Node().Pos())):
		return nil, false // not a reset: a first use, or a field given away
	case capacityChecked(c.pass.TypesInfo, cur, types.ExprString(sel)) || c.nilGuarded(cur, sel) || c.keptElsewhereName(fnCur, types.ExprString(sel)) || u.unsafeShared:
		return nil, false
	case c.calledOnlyToDiscard(fd(fnCur)):
		return nil, false // its object has no next use: what it drops is meant to go
	case u.consumed.IsValid():
		return nil, false // a queue popped from its front: the capacity is spent before the reset
	case c.dropsViewedBuffer(fnCur, sel, u):
		return nil, false // a view of another field's buffer, which the reset drops too: the memory is that buffer's
	case !reset && !c.conditional(cur):
		return nil, false // emptied after every use: the function consumes it, a cache would be looked up
	}
	name = types.ExprString(sel)
	fnName := fd(fnCur).Name.Name
	var msg, remedy string
	if isMap {
		msg = fmt.Sprintf("%s replaces %s with a new map, dropping the memory it grew (entries stored at %s) that its next use allocates again", fnName, name, astx.Where(c.pass.Fset, u.growth()))
		remedy = "clear(" + name + ")"
	} else {
		next := "its next use allocates again"
		if u.viewed.IsValid() {
			next = "a next use that grows it allocates again"
		}
		to := "an empty slice without its capacity"
		if c.pass.TypesInfo.Types[rhs].IsNil() {
			to = "nil, dropping its capacity"
		}
		msg = fmt.Sprintf("%s sets %s to %s (grown at %s), which %s", fnName, name, to, astx.Where(c.pass.Fset, u.growth()), next)
		remedy = name + " = " + name + "[:0]"
	}
	// Truncating a slice whose elements hold pointers would keep what
	// they point to alive until the next use overwrites them: clear it
	// first.
	clearFirst := !isMap && typesx.HasPointers(f.Type().Underlying().(*types.Slice).Elem())
	missingClear := ""
	if isMap || clearFirst {
		missingClear = astx.MissingBuiltin(c.pass, "clear", sel.Pos())
	}
	said := remedy // what the message says to write, without clear if the file lacks it
	switch {
	case clearFirst && missingClear != "":
		said = "a loop that zeroes its elements and " + remedy
	case isMap && missingClear != "":
		// The compiler turns this loop into a clear.
		said = "for k := range " + name + " { delete(" + name + ", k) }"
	case clearFirst:
		said = "clear(" + name + ") and " + remedy
	}
	if clearFirst {
		remedy = "clear(" + name + ") and " + remedy
	}
	d := &analysis.Diagnostic{Pos: sel.Pos(), End: rhs.End(), Message: msg + "; keep it with " + said}
	nonNil := c.knownNonNil(cur, sel)
	why := c.whyNoFix(u, name, isMap, !nonNil && !(isMap && c.alwaysMade(f)), nonNil && !c.pass.TypesInfo.Types[rhs].IsNil())
	if why == "" && c.publicField(sel, f) {
		why = name + " is an exported field of an exported type: code in other packages may hold it, and reusing its memory would change what that code sees"
	}
	if why == "" {
		why = missingClear
	}
	if why != "" {
		d.Message += " (no automatic fix: " + why + ")"
		return d, u.borrowed
	}
	stmt := cur.Node().(*ast.AssignStmt)
	if len(stmt.Lhs) != 1 {
		d.Message += " (no automatic fix: the assignment sets other variables too)"
		return d, u.borrowed
	}
	text := remedy
	if clearFirst {
		text = "clear(" + name + ")\n" + c.src.Indent(stmt.Pos()) + name + " = " + name + "[:0]"
	}
	d.SuggestedFixes = []analysis.SuggestedFix{{
		Message:   "Keep the memory with " + remedy,
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}},
	}}
	return d, u.borrowed
}

// dropsViewedBuffer reports whether the field sel is a view of another
// field of its object (x.raw = cast(x.buf.Bytes())) and fnCur sets that
// field to nil as well: the reset gives the buffer back (x.buf.Release();
// x.buf = nil), and a view kept would point into memory no longer its
// object's.
func (c *checker) dropsViewedBuffer(fnCur inspector.Cursor, sel *ast.SelectorExpr, u *fieldUse) bool {
	if u.viewsField == nil || u.viewsOthers {
		return false
	}
	buffer := types.ExprString(sel.X) + "." + u.viewsField.Name()
	for cur := range fnCur.Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			if i < len(as.Rhs) && types.ExprString(ast.Unparen(lhs)) == buffer && c.pass.TypesInfo.Types[as.Rhs[i]].IsNil() {
				return true
			}
		}
	}
	return false
}

// holdsFuncs reports whether t is a slice of functions.
func holdsFuncs(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	_, ok = s.Elem().Underlying().(*types.Signature)
	return ok
}

// checkSetterCall reports a call, in a reset, of a setter of the package
// given nil for a parameter that it stores in a slice field the package
// grows: d.reset(nil, r).
func (c *checker) checkSetterCall(fnCur, cur inspector.Cursor, call *ast.CallExpr) (*analysis.Diagnostic, bool) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || c.fields.Decl(fn) == nil {
		return nil, false
	}
	args := callArgs(c.pass.TypesInfo, fn, call)
	for _, st := range c.fields.Stores(fn) {
		if st.Source == fieldstore.Zero || st.Source >= len(args) || st.Target >= len(args) || !isNil(c.pass.TypesInfo, args[st.Source]) {
			continue
		}
		f := st.Path.Field(paramType(fn, st.Target))
		if f == nil {
			continue
		}
		u := c.uses[f]
		if _, isSlice := f.Type().Underlying().(*types.Slice); !isSlice || u == nil || !u.growth().IsValid() {
			continue
		}
		param := paramName(fn, st.Source)
		field := types.ExprString(args[st.Target]) + "." + f.Name()
		d := &analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: fmt.Sprintf("%s passes nil as %s to %s, which stores it in %s: the capacity it grew (at %s) is dropped and its next use allocates again; pass %s[:0]",
				fd(fnCur).Name.Name, param, fn.Name(), field, astx.Where(c.pass.Fset, u.growth()), field),
		}
		if why := c.whyNoFix(u, field, false, false, false); why != "" {
			d.Message += " (no automatic fix: " + why + ")"
			return d, u.borrowed
		}
		arg := args[st.Source]
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Pass " + field + "[:0]",
			TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(field + "[:0]")}},
		}}
		return d, u.borrowed
	}
	return nil, false
}

// useOf returns what the package does with the field that lhs selects.
func (c *checker) useOf(lhs ast.Expr) fieldUse {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return fieldUse{}
	}
	if f := fieldOf(c.pass.TypesInfo, sel); f != nil && c.uses[f] != nil {
		return *c.uses[f]
	}
	return fieldUse{}
}

// whyNoFix says why keeping the memory of the field could change what the
// program sees, or "". A map is cleared in place, which keeps its nil-ness
// only if it is not nil; a slice truncated keeps the nil-ness of a reset
// to an empty non-nil slice when it is known not to be nil (keepsNilness).
func (c *checker) whyNoFix(u *fieldUse, name string, isMap, mayBeNil, keepsNilness bool) string {
	switch {
	case u.foreign.IsValid():
		return fmt.Sprintf("%s may hold memory the object does not own (%s, at %s): keep the capacity only when it does, or the next use writes into that memory", name, u.foreignFrom, astx.Where(c.pass.Fset, u.foreign))
	case u.viewed.IsValid():
		return fmt.Sprintf("%s is also set to %s at %s, memory the object does not own: truncated, it would still point there", name, u.viewedOf, astx.Where(c.pass.Fset, u.viewed))
	case u.handedOut.IsValid():
		return fmt.Sprintf("%s is handed out at %s, and reusing its memory would change what the holder sees", name, astx.Where(c.pass.Fset, u.handedOut))
	case u.stored.IsValid():
		return fmt.Sprintf("%s is read at %s by a function kept to run later, maybe on another goroutine, which would see its memory reused", name, astx.Where(c.pass.Fset, u.stored))
	case isMap && mayBeNil:
		return "the map may be nil here, and clear would leave it nil"
	case !isMap && u.nilCompared && !keepsNilness:
		return fmt.Sprintf("%s is compared with nil, and keeping the memory changes its nil-ness", name)
	}
	return ""
}

// emptyValue reports whether e is an empty value that drops memory: nil,
// []T{} or make([]T, 0, ...) for a slice; map[K]V{} or make(map[K]V, ...)
// for a map. A slice made with a capacity given by a variable
// (make([]string, 0, len(types))) is sized for the use that follows, on
// purpose: the next use has its room.
func (c *checker) emptyValue(e ast.Expr, isMap bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return !isMap && isNil(c.pass.TypesInfo, e)
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		b, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Builtin)
		if !ok || b.Name() != "make" {
			return false
		}
		if len(e.Args) == 3 && c.pass.TypesInfo.Types[e.Args[2]].Value == nil {
			return false
		}
		return isMap || len(e.Args) >= 2 && isZero(c.pass.TypesInfo, e.Args[1])
	}
	return false
}

// ofReusedObject reports whether sel selects a field of an object the
// function was given (its receiver or a parameter): one that lives on and
// is used again. A local object is new.
func (c *checker) ofReusedObject(sel *ast.SelectorExpr) bool {
	for {
		switch x := ast.Unparen(sel.X).(type) {
		case *ast.Ident:
			v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
			return ok && c.params[v]
		case *ast.SelectorExpr:
			sel = x
		default:
			return false
		}
	}
}

// readsBefore reports whether the function looks the map that sel
// selects up before pos (an index that is not a store): the map replaced
// is a cache in use.
func (c *checker) readsBefore(fnCur inspector.Cursor, sel *ast.SelectorExpr, pos token.Pos) bool {
	want := types.ExprString(sel)
	for cur := range fnCur.Preorder((*ast.IndexExpr)(nil)) {
		if cur.Node().Pos() >= pos {
			break
		}
		if k, _ := cur.ParentEdge(); k == edge.AssignStmt_Lhs {
			continue // a store
		}
		if types.ExprString(ast.Unparen(cur.Node().(*ast.IndexExpr).X)) == want {
			return true
		}
	}
	return false
}

// conditional reports whether the statement at cur runs under a
// condition of its function: a cache emptied when it goes stale.
func (c *checker) conditional(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.CaseClause)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch anc.Node().(type) {
		case *ast.IfStmt, *ast.CaseClause:
			return true
		default:
			return false
		}
	}
	return false
}

// keptElsewhereName reports whether the function also keeps the memory of
// the field want (x.f) on another path (x.f = x.f[:0], clear(x.f)): it
// already chooses when dropping is right, as when what it handed out may
// still be used.
func (c *checker) keptElsewhereName(fnCur inspector.Cursor, want string) bool {
	for cur := range fnCur.Preorder((*ast.SliceExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SliceExpr:
			if isZero(c.pass.TypesInfo, n.High) && types.ExprString(ast.Unparen(n.X)) == want {
				return true
			}
		case *ast.CallExpr:
			if b, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Builtin); ok && b.Name() == "clear" && len(n.Args) == 1 &&
				types.ExprString(ast.Unparen(n.Args[0])) == want {
				return true
			}
		}
	}
	return false
}

// capacityChecked reports whether the assignment is under a condition
// that looks at the capacity or length of the field want (x.f): a very
// large buffer dropped on purpose.
func capacityChecked(info *types.Info, cur inspector.Cursor, want string) bool {
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.CaseClause)(nil), (*ast.FuncDecl)(nil)) {
		var conds []ast.Expr
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			conds = []ast.Expr{n.Cond}
		case *ast.CaseClause:
			conds = n.List
		case *ast.FuncDecl:
			return false
		}
		if slices.ContainsFunc(conds, func(cond ast.Expr) bool { return condMeasures(info, cond, want) }) {
			return true
		}
	}
	return false
}

// condMeasures reports whether cond takes the capacity or length of want.
func condMeasures(info *types.Info, cond ast.Expr, want string) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if b, ok := typeutil.Callee(info, call).(*types.Builtin); ok && (b.Name() == "cap" || b.Name() == "len") &&
				types.ExprString(ast.Unparen(call.Args[0])) == want {
				found = true
			}
		}
		return !found
	})
	return found
}

// nilGuarded reports whether the assignment is under "if x.f == nil" (or
// a conjunction with it), or in the else of "if x.f != nil": a lazy first
// make.
func (c *checker) nilGuarded(cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	want := types.ExprString(sel)
	var isNilTest func(e ast.Expr) bool
	isNilTest = func(e ast.Expr) bool {
		be, ok := ast.Unparen(e).(*ast.BinaryExpr)
		switch {
		case !ok:
			return false
		case be.Op == token.LAND:
			return isNilTest(be.X) || isNilTest(be.Y)
		case be.Op == token.EQL:
			return types.ExprString(be.X) == want && isNil(c.pass.TypesInfo, be.Y) ||
				types.ExprString(be.Y) == want && isNil(c.pass.TypesInfo, be.X)
		}
		return false
	}
	isNotNil := func(e ast.Expr) bool {
		be, ok := ast.Unparen(e).(*ast.BinaryExpr)
		return ok && be.Op == token.NEQ && (types.ExprString(be.X) == want && isNil(c.pass.TypesInfo, be.Y) ||
			types.ExprString(be.Y) == want && isNil(c.pass.TypesInfo, be.X))
	}
	pos := cur.Node().Pos()
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			inBody := n.Body.Pos() <= pos && pos < n.Body.End()
			inElse := n.Else != nil && n.Else.Pos() <= pos && pos < n.Else.End()
			if inBody && isNilTest(n.Cond) || inElse && isNotNil(n.Cond) {
				return true
			}
		case *ast.SwitchStmt:
			if n.Tag == nil && inNilCase(n, pos, isNilTest, isNotNil) {
				return true
			}
		}
	}
	return returnedIfNotNil(cur, isNotNil)
}

// returnedIfNotNil reports whether a statement before cur, in a block
// around it, returns when the field is not nil (if x.f != nil { ...;
// return }): past it the field is nil.
func returnedIfNotNil(cur inspector.Cursor, isNotNil func(ast.Expr) bool) bool {
	pos := cur.Node().Pos()
	for anc := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.FuncLit)(nil)) {
		block, ok := anc.Node().(*ast.BlockStmt)
		if !ok {
			return false
		}
		for _, stmt := range block.List {
			if stmt.Pos() >= pos {
				break
			}
			ifs, ok := stmt.(*ast.IfStmt)
			if !ok || ifs.Else != nil || !isNotNil(ifs.Cond) || len(ifs.Body.List) == 0 {
				continue
			}
			if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); ok {
				return true
			}
		}
	}
	return false
}

// inNilCase reports whether pos is in a case of the tagless switch sw that
// runs only when the field is nil: the case tests it, or an earlier case
// took every value where it is not (switch { case x != nil: ...; case
// n > max: x = make(...) }).
func inNilCase(sw *ast.SwitchStmt, pos token.Pos, isNilTest, isNotNil func(ast.Expr) bool) bool {
	notNilBefore := false
	for _, stmt := range sw.Body.List {
		cc := stmt.(*ast.CaseClause)
		if cc.Pos() <= pos && pos < cc.End() {
			return notNilBefore || slices.ContainsFunc(cc.List, isNilTest)
		}
		notNilBefore = notNilBefore || slices.ContainsFunc(cc.List, isNotNil)
	}
	return false
}

// knownNonNil reports whether the map or slice that sel selects is known
// not to be nil at the assignment: it is in the body of "if _, ok =
// m[k]; ok", where an entry was just found, or the function returned
// before it when it was nil (if x.f == nil { return }).
func (c *checker) knownNonNil(cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	want := types.ExprString(sel)
	if c.returnsWhenNil(cur, want) {
		return true
	}
	for anc := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := anc.Node().(*ast.IfStmt)
		as, ok := ifs.Init.(*ast.AssignStmt)
		cond, isIdent := ast.Unparen(ifs.Cond).(*ast.Ident)
		if !ok || !isIdent || len(as.Lhs) != 2 || len(as.Rhs) != 1 || !(ifs.Body.Pos() <= cur.Node().Pos() && cur.Node().Pos() < ifs.Body.End()) {
			continue
		}
		ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
		okVar, isOK := as.Lhs[1].(*ast.Ident)
		if ok && isOK && okVar.Name == cond.Name && types.ExprString(ast.Unparen(ix.X)) == want {
			return true
		}
	}
	return false
}

// publicField reports whether f, the field sel selects, is exported and
// declared by an exported type of the package: other packages can read the
// slice or map and keep it, which the package's uses do not show.
func (c *checker) publicField(sel *ast.SelectorExpr, f *types.Var) bool {
	t := c.pass.TypesInfo.TypeOf(sel.X)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && f.Exported() && named.Obj().Exported()
}

// returnsWhenNil reports whether a statement of the function's body
// before the one that holds cur returns when want is nil: an if without
// else or init whose body ends in a return and whose condition is, or is
// an || of, tests that include want == nil. Nothing between sets want
// (its text is assigned nowhere in those statements).
func (c *checker) returnsWhenNil(cur inspector.Cursor, want string) bool {
	var body *ast.BlockStmt
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = astx.FuncBody(fn.Node())
		break
	}
	if body == nil {
		return false
	}
	guarded := false
	for _, stmt := range body.List {
		if stmt.Pos() <= cur.Node().Pos() && cur.Node().Pos() < stmt.End() {
			return guarded
		}
		if ifs, ok := stmt.(*ast.IfStmt); ok && ifs.Init == nil && ifs.Else == nil && astx.EndsInBreakOrReturn(ifs.Body) {
			guarded = guarded || slices.ContainsFunc(astx.Operands(ifs.Cond, token.LOR), func(e ast.Expr) bool {
				bin, ok := e.(*ast.BinaryExpr)
				return ok && bin.Op == token.EQL && types.ExprString(ast.Unparen(bin.X)) == want && c.pass.TypesInfo.Types[bin.Y].IsNil()
			})
			continue
		}
		if astx.Any(stmt, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			return ok && slices.ContainsFunc(as.Lhs, func(l ast.Expr) bool { return types.ExprString(ast.Unparen(l)) == want })
		}) {
			guarded = false
		}
	}
	return false
}

// alwaysMade reports whether the package never leaves the map field f
// nil: every value of its struct that the package makes sets it (a keyed
// literal with f: make(...), and no new(T) or var v T), and every
// assignment gives it a made map. The package stores into it without
// checking, so it counts on that too.
func (c *checker) alwaysMade(f *types.Var) bool {
	info := c.pass.TypesInfo
	made := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			return astx.IsBuiltin(info, e.Fun, "make")
		}
		return false
	}
	owns := func(t types.Type) bool {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		return ok && slices.ContainsFunc(slices.Collect(st.Fields()), func(v *types.Var) bool { return v == f })
	}
	ok, lits := true, 0
	for cur := range c.insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			if !owns(info.TypeOf(n)) {
				continue
			}
			lits++
			ok = ok && slices.ContainsFunc(n.Elts, func(e ast.Expr) bool {
				kv, isKV := e.(*ast.KeyValueExpr)
				key, isIdent := kv.Key.(*ast.Ident)
				return isKV && isIdent && info.Uses[key] == f && made(kv.Value)
			})
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, isSel := ast.Unparen(lhs).(*ast.SelectorExpr); isSel && fieldOf(info, sel) == f {
					ok = ok && len(n.Rhs) == len(n.Lhs) && made(n.Rhs[i])
				}
			}
		case *ast.CallExpr:
			ok = ok && !(astx.IsBuiltin(info, n.Fun, "new") && len(n.Args) == 1 && owns(info.TypeOf(n.Args[0])))
		case *ast.ValueSpec:
			ok = ok && !(len(n.Values) == 0 && n.Type != nil && owns(info.TypeOf(n.Type)))
		}
		if !ok {
			return false
		}
	}
	return lits > 0
}

func fd(cur inspector.Cursor) *ast.FuncDecl { return cur.Node().(*ast.FuncDecl) }

// paramName returns the name of parameter i of fn, the receiver being 0
// for a method.
func paramName(fn *types.Func, i int) string {
	sig := fn.Signature()
	if sig.Recv() != nil {
		if i == 0 {
			return sig.Recv().Name()
		}
		i--
	}
	return sig.Params().At(i).Name()
}
