package resetcap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// A whole-struct reset rebuilds a reused object at once, *x = T{...}:
// every field the literal leaves out is dropped, as if set to nil one by
// one. It is worth a finding in a reset (x the receiver or a parameter)
// and just before x goes back into a sync.Pool, where the next Get fills
// the object again.
type wholeReset struct {
	x      *types.Var // the object rebuilt
	xName  string
	lit    *ast.CompositeLit
	pooled *ast.CallExpr // the pool's Put of x that follows, or nil
	// filler is a call given x (other than the Put) in the function: it may
	// fill x's slices, and may also keep them.
	filler *ast.CallExpr
}

// dropped is one field a whole-struct reset drops and whose memory the
// next use needs again.
type dropped struct {
	f    *types.Var
	name string // x.f
	// why says where the memory comes from again: where the package grows
	// the slice, or where it re-creates a dropped object.
	why string
	// keep is the element to add to the literal, and clear says the
	// elements must be cleared first (they hold pointers); fix is false
	// when keeping the memory could change what the program sees, and
	// noFix says why.
	keep  string
	clear bool
	noFix string
	u     *fieldUse
}

// checkWhole reports a whole-struct reset at cur (an assignment) that
// drops slices the object's next use grows again, or objects it re-creates
// when they are nil.
func (c *checker) checkWhole(fnCur, cur inspector.Cursor, reset bool) *finding {
	w := c.wholeReset(fnCur, cur, reset)
	if w == nil {
		return nil
	}
	var drops []dropped
	for f := range c.droppedFields(w) {
		if d, ok := c.droppedSlice(fnCur, cur, w, f); ok {
			drops = append(drops, d)
		} else if d, ok := c.droppedObject(cur, w, f); ok && w.pooled == nil {
			drops = append(drops, d)
		}
	}
	if len(drops) == 0 {
		return nil
	}
	return c.wholeFinding(fnCur, cur, w, drops)
}

// wholeReset recognises *x = T{...} (keyed or empty) of an object x that
// is reused: a reset's receiver or parameter, or a value put back into a
// sync.Pool after the assignment in the same function.
func (c *checker) wholeReset(fnCur, cur inspector.Cursor, reset bool) *wholeReset {
	as := cur.Node().(*ast.AssignStmt)
	if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	star, ok := ast.Unparen(as.Lhs[0]).(*ast.StarExpr)
	lit, isLit := ast.Unparen(as.Rhs[0]).(*ast.CompositeLit)
	if !ok || !isLit || !keyedOrEmpty(lit) {
		return nil
	}
	id, ok := ast.Unparen(star.X).(*ast.Ident)
	if !ok {
		return nil
	}
	x, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if _, ok := c.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Struct); !ok {
		return nil
	}
	w := &wholeReset{x: x, xName: id.Name, lit: lit, pooled: c.putAfter(cur, x)}
	if w.pooled == nil && !(reset && c.params[x]) {
		return nil
	}
	w.filler = c.callGiven(fnCur, x, w.pooled)
	return w
}

func keyedOrEmpty(lit *ast.CompositeLit) bool {
	for _, e := range lit.Elts {
		if _, ok := e.(*ast.KeyValueExpr); !ok {
			return false
		}
	}
	return true
}

// putAfter returns the call pool.Put(x) of a sync.Pool that follows the
// statement at cur in its (innermost) function, or nil.
func (c *checker) putAfter(cur inspector.Cursor, x *types.Var) *ast.CallExpr {
	for call := range astx.InnermostFunc(cur).Preorder((*ast.CallExpr)(nil)) {
		n := call.Node().(*ast.CallExpr)
		if n.Pos() > cur.Node().End() && c.isPoolPut(n) && len(n.Args) == 1 && c.isVar(n.Args[0], x) {
			return n
		}
	}
	return nil
}

func (c *checker) isPoolPut(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return ok && typesx.PoolMethod(fn) == "Put"
}

func (c *checker) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == v
}

// callGiven returns a call in the function that is given x itself (not
// the pool's Put), or nil: such a call may fill x, and may keep what it
// puts in x's slices.
func (c *checker) callGiven(fnCur inspector.Cursor, x *types.Var, put *ast.CallExpr) *ast.CallExpr {
	for cur := range fnCur.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call == put || c.isPoolPut(call) {
			continue
		}
		for _, a := range call.Args {
			if c.isVar(a, x) {
				return call
			}
		}
	}
	return nil
}

// droppedFields yields the fields of the rebuilt struct that the literal
// leaves out or sets to an empty value.
func (c *checker) droppedFields(w *wholeReset) func(func(*types.Var) bool) {
	st := c.pass.TypesInfo.TypeOf(w.lit).Underlying().(*types.Struct)
	set := make(map[string]ast.Expr)
	for _, e := range w.lit.Elts {
		kv := e.(*ast.KeyValueExpr)
		if k, ok := kv.Key.(*ast.Ident); ok {
			set[k.Name] = kv.Value
		}
	}
	return func(yield func(*types.Var) bool) {
		for i := range st.NumFields() {
			f := st.Field(i)
			if v, ok := set[f.Name()]; ok && !emptySyntax(c.pass.TypesInfo, v) {
				continue
			}
			if !yield(f) {
				return
			}
		}
	}
}

// droppedSlice reports whether a whole-struct reset drops the memory of
// slice field f that the next use needs: the package grows it, or (for a
// pooled value) a call fills the value.
func (c *checker) droppedSlice(fnCur, cur inspector.Cursor, w *wholeReset, f *types.Var) (dropped, bool) {
	sl, ok := f.Type().Underlying().(*types.Slice)
	if !ok {
		return dropped{}, false
	}
	name := w.xName + "." + f.Name()
	u := c.uses[f]
	d := dropped{f: f, name: name, u: u, keep: f.Name() + ": " + name + "[:0]", clear: typesx.HasPointers(sl.Elem())}
	switch {
	case u != nil && u.unsafeShared:
		return dropped{}, false
	case setFromOtherBefore(cur, name):
		return dropped{}, false // the slice dropped is not the object's own
	case u != nil && u.nilCompared:
		return dropped{}, false // nil is a state the package tests: the reset means it
	case u != nil && u.growth().IsValid() && c.grownOnlyWith(fnCur, w, u.growth()):
		return dropped{}, false // nothing grows it after this reset
	case u != nil && u.growth().IsValid():
		d.why = "grown at " + astx.Where(c.pass.Fset, u.growth())
	case w.pooled != nil && w.filler != nil && c.fields.Decl(typeutil.StaticCallee(c.pass.TypesInfo, w.filler)) == nil:
		// A function of the package would have shown its growth above.
		d.why = "filled again through " + calleeName(w.filler) + " at " + astx.Where(c.pass.Fset, w.filler.Pos())
	default:
		return dropped{}, false
	}
	if c.mentionsCapacity(fnCur, name) || capacityChecked(c.pass.TypesInfo, cur, name) || c.keptElsewhereName(fnCur, name) {
		return dropped{}, false // a large buffer dropped on purpose, or kept when it can be
	}
	switch {
	case w.pooled != nil && w.filler != nil:
		d.noFix = fmt.Sprintf("%s is given to %s at %s, which may keep %s past Put", w.xName, calleeName(w.filler), astx.Where(c.pass.Fset, w.filler.Pos()), name)
	case u == nil:
		d.noFix = name + " is not used in this package, which cannot tell who holds it"
	default:
		d.noFix = c.whyNoFix(u, name, false, false, false)
	}
	return d, true
}

// grownOnlyWith reports whether the slice grown at pos is grown only under
// a condition on another field that the reset drops and the function does
// not set again (if x.cb != nil { x.buf = append(x.buf, ...) }): once the
// reset has run, nothing grows the slice, and dropping it returns memory.
func (c *checker) grownOnlyWith(fnCur inspector.Cursor, w *wholeReset, pos token.Pos) bool {
	at, ok := c.insp.Root().FindByPos(pos, pos)
	if !ok {
		return false
	}
	st := c.pass.TypesInfo.TypeOf(w.lit).Underlying().(*types.Struct)
	dropped := make(map[*types.Var]bool)
	for f := range c.droppedFields(w) {
		dropped[f] = !c.setsAfter(fnCur, w, f)
	}
	for anc := range at.Enclosing((*ast.IfStmt)(nil)) {
		found := false
		ast.Inspect(anc.Node().(*ast.IfStmt).Cond, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.FieldVal && dropped[s.Obj().(*types.Var)] && fieldOfStruct(st, s.Obj()) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

func fieldOfStruct(st *types.Struct, obj types.Object) bool {
	for i := range st.NumFields() {
		if st.Field(i) == obj {
			return true
		}
	}
	return false
}

// setFromOtherBefore reports whether the block of the reset at cur sets
// the field name (x.f) from other memory before it (x.f = args): each use
// lends the field a slice it does not own and drops it at the reset, so a
// kept slice would be overwritten, never grown, and would only hold the
// lender's memory in the pool.
func setFromOtherBefore(cur inspector.Cursor, name string) bool {
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	for _, st := range block.List {
		if st.Pos() >= cur.Node().Pos() {
			break
		}
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if types.ExprString(ast.Unparen(lhs)) == name && !strings.Contains(types.ExprString(as.Rhs[i]), name) {
				return true
			}
		}
	}
	return false
}

// setsAfter reports whether the function assigns x.f after the reset.
func (c *checker) setsAfter(fnCur inspector.Cursor, w *wholeReset, f *types.Var) bool {
	want := w.xName + "." + f.Name()
	for cur := range fnCur.Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if as.Pos() > w.lit.End() && slices.ContainsFunc(as.Lhs, func(e ast.Expr) bool { return types.ExprString(ast.Unparen(e)) == want }) {
			return true
		}
	}
	return false
}

// droppedObject reports whether a whole-struct reset drops an object in
// field f that the same function re-creates when it is nil and resets when
// it is not (if x.f == nil { x.f = New() } else { x.f.Reset() }): keeping
// it saves an allocation per reset, and the function already readies a
// kept one, so keeping it is safe.
func (c *checker) droppedObject(cur inspector.Cursor, w *wholeReset, f *types.Var) (dropped, bool) {
	switch f.Type().Underlying().(type) {
	case *types.Pointer, *types.Interface:
	default:
		return dropped{}, false
	}
	name := w.xName + "." + f.Name()
	fnCur := astx.InnermostFunc(cur)
	var remade, reset token.Pos
	after := cur.Node().End()
	for n := range fnCur.Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		if n.Node().Pos() < after {
			continue
		}
		switch s := n.Node().(type) {
		case *ast.AssignStmt:
			if len(s.Lhs) == 1 && len(s.Rhs) == 1 && types.ExprString(ast.Unparen(s.Lhs[0])) == name && !isNil(c.pass.TypesInfo, s.Rhs[0]) {
				if sel, ok := ast.Unparen(s.Lhs[0]).(*ast.SelectorExpr); ok && c.nilGuarded(n, sel) {
					remade = s.Pos()
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(s.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Reset" && types.ExprString(ast.Unparen(sel.X)) == name {
				reset = s.Pos()
			}
		}
	}
	if !remade.IsValid() || !reset.IsValid() {
		return dropped{}, false
	}
	return dropped{f: f, name: name, keep: f.Name() + ": " + name,
		why: fmt.Sprintf("re-created at %s when nil, and reset at %s otherwise", astx.Where(c.pass.Fset, remade), astx.Where(c.pass.Fset, reset))}, true
}

// wholeFinding makes the one finding of a whole-struct reset: its fix adds
// the kept fields to the literal (clearing slices of pointers first) when
// every one of them can be kept blind.
func (c *checker) wholeFinding(fnCur, cur inspector.Cursor, w *wholeReset, drops []dropped) *finding {
	as := cur.Node().(*ast.AssignStmt)
	names, keeps, whys := make([]string, 0, len(drops)), make([]string, 0, len(drops)), make([]string, 0, len(drops))
	var noFix []string
	fin := &finding{borrowed: true, pooled: w.pooled != nil}
	for _, d := range drops {
		names = append(names, d.name)
		keeps = append(keeps, d.keep)
		whys = append(whys, d.name+" ("+d.why+")")
		if d.noFix != "" {
			noFix = append(noFix, d.noFix)
		}
		fin.borrowed = fin.borrowed && d.u != nil && d.u.borrowed
		fin.handedOut = fin.handedOut || d.u != nil && d.u.handedOut.IsValid()
	}
	// Every kept slice also set whole elsewhere: keeping them may save nothing.
	if !slices.ContainsFunc(drops, func(d dropped) bool { return d.u == nil || !d.u.replaced.IsValid() }) {
		fin.replaced = drops[0].u.replaced
	}
	if slices.ContainsFunc(drops, func(d dropped) bool { return d.clear }) {
		if why := astx.MissingBuiltin(c.pass, "clear", as.Pos()); why != "" {
			noFix = append(noFix, why)
		}
	}
	typ := types.ExprString(w.lit.Type)
	verb := fd(fnCur).Name.Name + " rebuilds *" + w.xName
	if w.pooled != nil {
		verb = fmt.Sprintf("%s zeroes *%s before putting it back in %s", fd(fnCur).Name.Name, w.xName, types.ExprString(ast.Unparen(w.pooled.Fun).(*ast.SelectorExpr).X))
	}
	fin.Diagnostic = analysis.Diagnostic{
		Pos: as.Pos(),
		End: as.End(),
		Message: fmt.Sprintf("%s, dropping the memory of %s, which its next use allocates again; keep it with %s{%s}",
			verb, strings.Join(whys, ", "), typ, strings.Join(keeps, ", ")),
	}
	if len(noFix) > 0 {
		fin.Message += " (no automatic fix: " + strings.Join(noFix, "; ") + ")"
		return fin
	}
	fin.SuggestedFixes = []analysis.SuggestedFix{c.wholeFix(as, w, drops, names)}
	return fin
}

// wholeFix adds the kept fields to the literal, after a clear of each
// slice whose elements hold pointers: truncating alone would keep what
// they point to alive until the next use overwrites them.
func (c *checker) wholeFix(as *ast.AssignStmt, w *wholeReset, drops []dropped, names []string) analysis.SuggestedFix {
	keeps := make([]string, 0, len(drops))
	var edits []analysis.TextEdit
	var clears strings.Builder
	for _, d := range drops {
		keeps = append(keeps, d.keep)
		if d.clear {
			clears.WriteString("clear(" + d.name + ")\n" + c.src.Indent(as.Pos()))
		}
	}
	if clears.Len() > 0 {
		edits = append(edits, analysis.TextEdit{Pos: as.Pos(), End: as.Pos(), NewText: []byte(clears.String())})
	}
	at, text := w.lit.Rbrace, strings.Join(keeps, ", ")
	if n := len(w.lit.Elts); n > 0 {
		at, text = w.lit.Elts[n-1].End(), ", "+text
	}
	edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)})
	// A literal whose edits would not fit (one of its fields set to an
	// empty value, kept with a second key) is rewritten whole.
	if c.setsAny(w.lit, drops) {
		edits = edits[:len(edits)-1]
		edits = append(edits, analysis.TextEdit{Pos: w.lit.Lbrace + 1, End: w.lit.Rbrace, NewText: []byte(c.keptElts(w.lit, drops))})
	}
	return analysis.SuggestedFix{Message: "Keep the memory of " + strings.Join(names, ", "), TextEdits: edits}
}

// setsAny reports whether the literal names one of the dropped fields
// (setting it to an empty value).
func (c *checker) setsAny(lit *ast.CompositeLit, drops []dropped) bool {
	for _, e := range lit.Elts {
		k, _ := e.(*ast.KeyValueExpr).Key.(*ast.Ident)
		for _, d := range drops {
			if k != nil && k.Name == d.f.Name() {
				return true
			}
		}
	}
	return false
}

// keptElts returns the elements of the literal with each dropped field
// kept instead.
func (c *checker) keptElts(lit *ast.CompositeLit, drops []dropped) string {
	var out []string
	for _, e := range lit.Elts {
		k, _ := e.(*ast.KeyValueExpr).Key.(*ast.Ident)
		if k == nil || !dropsField(drops, k.Name) {
			out = append(out, c.src.Text(e))
		}
	}
	for _, d := range drops {
		out = append(out, d.keep)
	}
	return strings.Join(out, ", ")
}

func dropsField(drops []dropped, name string) bool {
	for _, d := range drops {
		if d.f.Name() == name {
			return true
		}
	}
	return false
}

// mentionsCapacity reports whether the function compares the capacity or
// length of the field name anywhere in a condition: a large buffer it
// chooses to drop.
func (c *checker) mentionsCapacity(fnCur inspector.Cursor, name string) bool {
	for cur := range fnCur.Preorder((*ast.IfStmt)(nil)) {
		if condMeasures(c.pass.TypesInfo, cur.Node().(*ast.IfStmt).Cond, name) {
			return true
		}
	}
	return false
}

func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	}
	return types.ExprString(call.Fun)
}
