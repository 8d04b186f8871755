package subsliceleak

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/imports"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesx"
)

// A vacate is a reslice of a long-lived slice (x.f = x.f[1:], *q =
// old[:n-1]) that drops elements holding pointers from its front or its
// end: the backing array keeps them, and what they point to stays
// reachable.
type vacate struct {
	as     *ast.AssignStmt
	slice  *ast.SliceExpr
	holder ast.Expr // where the slice lives: a field, *recv, *p or a package variable
	owner  owner
	base   ast.Expr // the sliced operand: the holder or a local copy of it
	front  bool     // drops the first elements (s[i:]); else the last (s[:len(s)-k])
	elem   types.Type
	// del is set for a deletion by shifting, s = append(s[:i], s[j:]...),
	// with its bounds i and j; slice is nil then.
	del      *ast.CallExpr
	from, to ast.Expr
}

// An owner says whose memory a long-lived slice is.
type owner int

const (
	ownedByField    owner = iota + 1 // x.f
	ownedByReceiver                  // *r, r the method's receiver
	ownedByCaller                    // *p, p any other pointer
	ownedByPackage                   // a package variable
)

// checkVacated reports reslices that drop pointer-holding elements of a
// slice that outlives the function, unless the function clears them.
func checkVacated(pass *analysis.Pass, rep *suppress.Reporter, model *cost.Model) {
	insp := lazyinspect.Of(pass)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if rep.Skips(file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.AssignStmt)(nil)) {
			fnCur := astx.InnermostFunc(cur)
			v := vacateAt(pass, cur, fnCur.Node())
			if v == nil || clearsDropped(pass, insp, fnCur.Node(), v) || onLoan(pass.TypesInfo, fnCur.Node(), v) || v.restored(pass.TypesInfo, fnCur.Node()) || v.extended(pass, insp) || v.mirrored(pass.TypesInfo, insp) {
				continue
			}
			rep.Report(v.diagnostic(pass, insp, cur, fnCur.Node()), v.estimate(pass, model, cur, fnCur.Node()))
		}
	}
}

// vacateAt returns the vacate the assignment at cur makes, if any.
func vacateAt(pass *analysis.Pass, cur inspector.Cursor, fn ast.Node) *vacate {
	as := cur.Node().(*ast.AssignStmt)
	if fn == nil || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	info := pass.TypesInfo
	t := info.TypeOf(as.Lhs[0])
	if t == nil {
		return nil
	}
	s, ok := t.Underlying().(*types.Slice)
	if !ok || !typesx.HasPointers(s.Elem()) {
		return nil
	}
	v := &vacate{as: as, holder: ast.Unparen(as.Lhs[0]), elem: s.Elem()}
	if v.owner = ownerOf(info, fn, v.holder); v.owner == 0 {
		return nil
	}
	ofHolder := func(e ast.Expr) bool {
		return sameRef(info, e, v.holder) || isCopyOf(info, fn, ast.Unparen(e), v.holder)
	}
	if v.deletes(info, ofHolder) {
		return v
	}
	sl, ok := ast.Unparen(as.Rhs[0]).(*ast.SliceExpr)
	if !ok || sl.Slice3 || !ofHolder(sl.X) {
		return nil
	}
	v.slice, v.base = sl, ast.Unparen(sl.X)
	lenOf := func(e ast.Expr) bool { return v.isLen(info, fn, e) }
	switch {
	case sl.Low != nil && !astx.IsIntConst(info, sl.Low, 0) && (sl.High == nil || lenOf(sl.High)):
		v.front = true
	case (sl.Low == nil || astx.IsIntConst(info, sl.Low, 0)) && sl.High != nil && shortens(info, fn, sl.High, lenOf):
		if !measuresHere(sl.High) && v.reassigned(info, fn) {
			return nil
		}
	default:
		return nil
	}
	return v
}

// deletes reports whether the assignment deletes elements by shifting the
// rest down, s = append(s[:i], s[j:]...), and records the bounds: the
// last j-i slots then keep duplicates of the elements now before them.
func (v *vacate) deletes(info *types.Info, ofHolder func(ast.Expr) bool) bool {
	call, ok := ast.Unparen(v.as.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !call.Ellipsis.IsValid() {
		return false
	}
	if !astx.IsBuiltin(info, call.Fun, "append") {
		return false
	}
	head, ok1 := ast.Unparen(call.Args[0]).(*ast.SliceExpr)
	tail, ok2 := ast.Unparen(call.Args[1]).(*ast.SliceExpr)
	if !ok1 || !ok2 || head.Slice3 || tail.Slice3 || head.High == nil || tail.Low == nil || tail.High != nil ||
		head.Low != nil && !astx.IsIntConst(info, head.Low, 0) || !ofHolder(head.X) || !sameRef(info, head.X, tail.X) {
		return false
	}
	v.del, v.base, v.from, v.to = call, ast.Unparen(head.X), head.High, tail.Low
	return true
}

// ownerOf says whose memory the slice at holder is, or 0 when it is a
// local variable (gone when the function returns) or not a plain path.
func ownerOf(info *types.Info, fn ast.Node, holder ast.Expr) owner {
	if !isPath(info, holder) {
		return 0
	}
	switch h := holder.(type) {
	case *ast.SelectorExpr:
		if sel := info.Selections[h]; sel != nil && sel.Kind() == types.FieldVal {
			return ownedByField
		}
		if v, ok := info.Uses[h.Sel].(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			return ownedByPackage // pkg.Var of another package
		}
	case *ast.StarExpr:
		if id, ok := ast.Unparen(h.X).(*ast.Ident); ok && isReceiver(info, fn, id) {
			return ownedByReceiver
		}
		return ownedByCaller
	case *ast.Ident:
		if v, ok := info.Uses[h].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return ownedByPackage
		}
	}
	return 0
}

// isPath reports whether e is a variable, a field path or a dereference
// of one: an expression a fix may evaluate again with the same result.
func isPath(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if info.Selections[e] == nil {
			_, ok := info.Uses[e.Sel].(*types.Var)
			return ok
		}
		return info.Selections[e].Kind() == types.FieldVal && isPath(info, e.X)
	case *ast.StarExpr:
		return isPath(info, e.X)
	}
	return false
}

func isReceiver(info *types.Info, fn ast.Node, id *ast.Ident) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return false
	}
	return info.Uses[id] != nil && info.Uses[id] == info.Defs[decl.Recv.List[0].Names[0]]
}

// sameRef reports whether the paths a and b denote the same variable.
func sameRef(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		if !ok || info.Uses[a.Sel] == nil || info.Uses[a.Sel] != info.Uses[b.Sel] {
			return false
		}
		return info.Selections[a] == nil || sameRef(info, a.X, b.X)
	case *ast.StarExpr:
		b, ok := ast.Unparen(b).(*ast.StarExpr)
		return ok && sameRef(info, a.X, b.X)
	}
	return false
}

// isCopyOf reports whether e is a local variable that fn declares as a
// copy of holder and never assigns again (old := *h).
func isCopyOf(info *types.Info, fn ast.Node, e, holder ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && sameRef(info, astx.FixedValue(info, fn, v), holder)
}

// isSlice reports whether e denotes the slice: its variable or the local
// copy the reslice read.
func (v *vacate) isSlice(info *types.Info, e ast.Expr) bool {
	return sameRef(info, e, v.base) || sameRef(info, e, v.holder)
}

// isLen reports whether e is the length of the slice, len(base) or
// len(holder), directly or through a variable fn never reassigns.
func (v *vacate) isLen(info *types.Info, fn ast.Node, e ast.Expr) bool {
	e = fixed(info, fn, e)
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if !astx.IsBuiltin(info, call.Fun, "len") {
		return false
	}
	return v.isSlice(info, call.Args[0])
}

// shortens reports whether e is the length minus a positive constant,
// directly or through a variable fn never reassigns (n := len(s)-1).
func shortens(info *types.Info, fn ast.Node, e ast.Expr, isLen func(ast.Expr) bool) bool {
	bin, ok := fixed(info, fn, e).(*ast.BinaryExpr)
	if !ok || bin.Op != token.SUB || !isLen(bin.X) {
		return false
	}
	tv := info.Types[bin.Y]
	return tv.Value != nil && constant.Sign(tv.Value) > 0
}

// fixed returns the value of e: the value a local variable is declared
// with when fn never assigns it again, or e itself.
func fixed(info *types.Info, fn ast.Node, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
			if value := astx.FixedValue(info, fn, v); value != nil {
				return ast.Unparen(value)
			}
		}
	}
	return e
}

// clearsDropped reports whether fn clears elements of the slice itself
// (s[i] = nil, s[i] = T{}, clear(s[i:])), before or after the reslice:
// code that does so knows about the backing array.
func clearsDropped(pass *analysis.Pass, insp *inspector.Inspector, fn ast.Node, v *vacate) bool {
	info := pass.TypesInfo
	ofSlice := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if sl, ok := e.(*ast.SliceExpr); ok {
			e = ast.Unparen(sl.X)
		}
		return v.isSlice(info, e)
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && ofSlice(ix.X) && len(n.Rhs) == len(n.Lhs) && (isZero(info, n.Rhs[i]) || zeroVar(info, fn, n.Rhs[i]) || zeroField(pass, insp, n.Rhs[i])) {
					found = true
				}
			}
		case *ast.CallExpr:
			if astx.IsBuiltin(info, n.Fun, "clear") && len(n.Args) == 1 && ofSlice(n.Args[0]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isZero reports whether e is a zero value: nil, T(nil), T{}, "" or 0, *new(T), or
// a variable named for one (var zero T).
func isZero(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr: // []T(nil)
		return info.Types[e.Fun].IsType() && len(e.Args) == 1 && isZero(info, e.Args[0])
	case *ast.StarExpr:
		call, ok := ast.Unparen(e.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		return astx.IsBuiltin(info, call.Fun, "new")
	case *ast.Ident:
		if _, ok := info.Uses[e].(*types.Nil); ok {
			return true
		}
		if strings.Contains(strings.ToLower(e.Name), "zero") {
			return true
		}
	}
	switch tv := info.Types[e]; {
	case tv.Value == nil:
		return false
	case tv.Value.Kind() == constant.String:
		return constant.StringVal(tv.Value) == ""
	case tv.Value.Kind() == constant.Int:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

// zeroVar reports whether e is a variable of fn declared without a value
// and never assigned: the zero value of a type parameter (var empty E).
func zeroVar(info *types.Info, fn ast.Node, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	declared := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if spec, ok := n.(*ast.ValueSpec); ok && len(spec.Values) == 0 {
			declared = declared || slices.ContainsFunc(spec.Names, func(name *ast.Ident) bool { return info.Defs[name] == v })
		}
		return !declared
	})
	return declared && !astx.Reassigned(info, fn, v)
}

// zeroField reports whether e selects a field of the package's own
// struct type that nothing in the package sets: a zero value kept at
// hand (a tree's empty T, stored over the slot it pops).
func zeroField(pass *analysis.Pass, insp *inspector.Inspector, e ast.Expr) bool {
	info := pass.TypesInfo
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	selection := info.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return false
	}
	field := selection.Obj().(*types.Var)
	if field.Pkg() != pass.Pkg || field.Exported() {
		return false
	}
	field = field.Origin()
	isField := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			s := info.Selections[e]
			if s == nil {
				return false // a package's variable, pkg.V
			}
			v, ok := s.Obj().(*types.Var)
			return ok && v.Origin() == field
		case *ast.Ident: // a key of a composite literal
			v, ok := info.Uses[e].(*types.Var)
			return ok && v.Origin() == field
		}
		return false
	}
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if slices.ContainsFunc(n.Lhs, isField) {
				return false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isField(n.X) {
				return false
			}
		case *ast.KeyValueExpr:
			if isField(n.Key) {
				return false
			}
		case *ast.CompositeLit:
			t := info.TypeOf(n)
			if t == nil {
				continue
			}
			if st, ok := t.Underlying().(*types.Struct); ok && len(n.Elts) > 0 && !isKeyed(n) && hasField(st, field) {
				return false
			}
		}
	}
	return true
}

// isKeyed reports whether a composite literal names its fields.
func isKeyed(lit *ast.CompositeLit) bool {
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

// hasField reports whether st declares field (of some instance of it).
func hasField(st *types.Struct, field *types.Var) bool {
	for f := range st.Fields() {
		if f.Origin() == field {
			return true
		}
	}
	return false
}

func (v *vacate) diagnostic(pass *analysis.Pass, insp *inspector.Inspector, cur inspector.Cursor, fn ast.Node) analysis.Diagnostic {
	qual := typesx.Qualifier(pass.Pkg)
	src := astx.NewSource(pass)
	base := src.Text(v.base)
	if _, ok := v.base.(*ast.StarExpr); ok {
		base = "(" + base + ")"
	}
	if v.del != nil {
		return v.deleteDiagnostic(pass, insp, cur, fn, src, base)
	}
	var span string
	one := false
	if v.front {
		span = base + "[:" + src.Text(v.slice.Low) + "]"
		one = astx.IsIntConst(pass.TypesInfo, v.slice.Low, 1)
	} else {
		span = base + "[" + src.Text(v.slice.High) + ":]"
		bin, ok := fixed(pass.TypesInfo, fn, v.slice.High).(*ast.BinaryExpr)
		one = ok && astx.IsIntConst(pass.TypesInfo, bin.Y, 1)
	}
	end, until := "last", "an append overwrites the slot"
	if v.front {
		end, until = "first", "the slice grows into a new array"
	}
	dropped, held := "the "+end+" elements", "them: what they point to stays"
	if one {
		dropped, held = "the "+end+" element", "it: what it points to stays"
	}
	clearing, byClear := "clear("+span+")", true
	if zero := zeroLiteral(pass.Pkg, v.elem); one && zero != "" && astx.MissingBuiltin(pass, "clear", v.as.Pos()) != "" {
		// Without clear, one slot is zeroed by assignment in any version.
		index := "0"
		if !v.front {
			index = src.Text(v.slice.High)
		}
		clearing, byClear = base+"["+index+"] = "+zero, false
	}
	msg := fmt.Sprintf("%s drops %s of a []%s from the slice, but the backing array still holds %s reachable until %s or the array is freed; clear first with %s",
		src.Text(v.as.Rhs[0]), dropped, types.TypeString(v.elem, qual), held, until, clearing)
	if one && !v.front && movesElements(pass.TypesInfo, fn, v) {
		// A swap-remove: the last element lives on in the slot it moved
		// to, and only its duplicate is left behind; unless the removed
		// element was the last, which then stays.
		msg = fmt.Sprintf("%s drops the last slot of a []%s, which keeps its element: a duplicate of one moved into another slot, or the removed element if it was the last; the backing array holds what it points to reachable, after that element is removed in turn, until an append overwrites the slot or the array is freed; clear first with %s",
			src.Text(v.as.Rhs[0]), types.TypeString(v.elem, qual), clearing)
	}
	d := analysis.Diagnostic{Pos: v.as.Pos(), End: v.as.End(), Message: msg}
	if why := v.noFix(pass, insp, cur, fn, byClear); why != "" {
		d.Message += " (no automatic fix: " + why + ")"
		return d
	}
	text := clearing + "\n" + src.Indent(v.as.Pos())
	d.SuggestedFixes = []analysis.SuggestedFix{{
		Message:   "Clear the dropped elements",
		TextEdits: []analysis.TextEdit{{Pos: v.as.Pos(), End: v.as.Pos(), NewText: []byte(text)}},
	}}
	return d
}

// deleteDiagnostic reports a deletion by shifting, fixed with
// slices.Delete, which clears the vacated tail since go1.22.
func (v *vacate) deleteDiagnostic(pass *analysis.Pass, insp *inspector.Inspector, cur inspector.Cursor, fn ast.Node, src *astx.Source, base string) analysis.Diagnostic {
	file := astx.FileOf(pass, v.as.Pos())
	remedy := "slices.Delete(" + base + ", " + src.Text(v.from) + ", " + src.Text(v.to) + ") clears them"
	ver := astx.GoVersion(pass, file)
	old := ver != "" && version.Compare(ver, "go1.22") < 0
	if old {
		remedy = "zero them after the shift (slices.Delete does, from go1.22; the file is " + ver + ")"
	}
	d := analysis.Diagnostic{
		Pos: v.as.Pos(),
		End: v.as.End(),
		Message: fmt.Sprintf("%s deletes from a []%s by shifting, which leaves the vacated last slots holding duplicates: the backing array keeps what they point to reachable after those elements are removed in turn, until an append overwrites the slots; %s",
			src.Text(v.as.Rhs[0]), types.TypeString(v.elem, typesx.Qualifier(pass.Pkg)), remedy),
	}
	why := v.noFix(pass, insp, cur, fn, false)
	if why == "" && old {
		why = "slices.Delete clears the tail since go1.22"
	}
	if why == "" && file != nil && astx.HasComment(file, v.del) {
		why = "a comment inside the call would be lost"
	}
	var name string
	var needImport bool
	if why == "" {
		name, needImport, why = imports.Name(pass, file, v.as.Pos(), "slices")
	}
	if why != "" {
		d.Message += " (no automatic fix: " + why + ")"
		return d
	}
	edits := []analysis.TextEdit{{Pos: v.del.Pos(), End: v.del.End(),
		NewText: []byte(name + ".Delete(" + base + ", " + src.Text(v.from) + ", " + src.Text(v.to) + ")")}}
	if needImport {
		edits = append(edits, imports.Add(pass.Fset, file, "slices"))
	}
	d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Delete with slices.Delete", TextEdits: edits}}
	return d
}

// estimate rates a vacate. What the dropped elements keep alive is paid
// for as long as the array lives, which a queue or stack usually replaces
// or overwrites soon, and the popped value often lives on anyway. Two
// kinds are medium, the ones maintainers fixed: buffers consumed from a
// list the caller handed over or that goroutines share (writev's
// [][]byte: the written data stays in memory; not a buffer a free list
// hands out, which its caller holds anyway, nor one taken from the middle
// of the list, whose shift leaves in the last slot a duplicate of one
// still listed), and elements removed by
// swapping from a slice goroutines share, whose vacated slot keeps a
// duplicate of an element after that element's own removal (or shifting,
// copy(s[i:], s[i+1:])).
func (v *vacate) estimate(pass *analysis.Pass, model *cost.Model, cur inspector.Cursor, fn ast.Node) cost.Estimate {
	if f := model.At(pass, cur, cost.Policy{}); f.Level == cost.Cold {
		return cost.Estimate{Tier: cost.Low, Evidence: f.Reason}
	}
	info := pass.TypesInfo
	shared := v.sharedHolder(info)
	switch {
	case typesx.IsByteSlice(v.elem) && (shared || v.owner == ownedByCaller || v.owner == ownedByReceiver) && v.del == nil && !movesElements(info, fn, v) && !handsOutElement(info, fn, v):
		return cost.Estimate{Tier: cost.Medium, Evidence: "consumed buffers: the data stays in memory"}
	case typesx.OnlyStrings(v.elem):
		return cost.Estimate{Tier: cost.Low, Evidence: "the elements hold only strings"}
	case shared && (v.del != nil || movesElements(info, fn, v)) && registration(v.elem) == "" && removesMany(info, cur):
		return cost.Estimate{Tier: cost.Medium, Evidence: "removed in a loop from a long-lived shared slice (a package variable, or a field of a struct with a mutex), whose vacated slots keep moved elements"}
	case registration(v.elem) != "" && !v.front: // popped from the front, it is a queue: consumed, not unregistered
		return cost.Estimate{Tier: cost.Low, Evidence: "a list of " + registration(v.elem) + "s: a few, changed rarely"}
	case (v.del != nil || movesElements(info, fn, v)) && removesMany(info, cur):
		return cost.Estimate{Tier: cost.Low, Evidence: "removed in a loop from a slice nothing shows long-lived: each duplicate stays until an append overwrites its slot or the slice is dropped"}
	case v.del != nil || movesElements(info, fn, v):
		return cost.Estimate{Tier: cost.Low, Evidence: "one removal: the vacated slot keeps a duplicate of an element still in the slice, or the removed element if it was the last"}
	case v.front:
		return cost.Estimate{Tier: cost.Low, Evidence: "dropped from the front: the array is replaced when the slice grows again"}
	}
	return cost.Estimate{Tier: cost.Low, Evidence: "dropped from the end: the next append overwrites the slot"}
}

// handsOutElement reports whether fn returns an element of the slice's
// type and reads an element of the slice (out = y[len(y)-1]: a free
// list's pop): the dropped buffer goes to the caller, who holds it anyway.
func handsOutElement(info *types.Info, fn ast.Node, v *vacate) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Type.Results == nil {
		return false
	}
	returns := false
	for _, r := range decl.Type.Results.List {
		returns = returns || types.Identical(info.TypeOf(r.Type), v.elem)
	}
	return returns && astx.Any(decl.Body, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		return ok && v.isSlice(info, ix.X)
	})
}

// removesMany reports whether the removal at cur is in a loop that goes on
// after it (a filter dropping every dead element in one pass): each
// removal leaves a duplicate behind. Removing one element and stopping
// leaves one.
func removesMany(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return !astx.LeavesAfter(info, cur, c)
		}
		return false
	}
	return false
}

// registrationWords name what programs register once and remove rarely.
var registrationWords = []string{"hook", "handler", "listener", "callback", "observer", "plugin", "middleware", "interceptor"}

// registration returns the kind of registered value that t (or what it
// points to) is by its name, or "".
func registration(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	lower := strings.ToLower(named.Obj().Name())
	for _, w := range registrationWords {
		if strings.Contains(lower, w) {
			return w
		}
	}
	return ""
}

// mirrored reports whether every element appended to the slice, a field,
// is also stored, in the same function, as a key or value of a map field
// of the same struct that the package never deletes from, clears or
// replaces once made (a set of the items seen beside the list of those
// still to do: added[item] = true; todo = append(todo, item)). The map
// keeps each element reachable as long as the array would: a vacated
// slot keeps nothing more.
func (v *vacate) mirrored(info *types.Info, insp *inspector.Inspector) bool {
	sel, ok := v.holder.(*ast.SelectorExpr)
	if v.owner != ownedByField || !ok || info.Selections[sel] == nil {
		return false
	}
	// The fields of a generic struct are one per instantiation: compare
	// their origins.
	fieldOf := func(e ast.Expr) types.Object {
		if s, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && info.Selections[s] != nil {
			if v, ok := info.Selections[s].Obj().(*types.Var); ok {
				return v.Origin()
			}
		}
		return nil
	}
	field := fieldOf(sel)
	var maps []types.Object // the map field that mirrors each append
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			if fieldOf(lhs) != field || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr)
			if !ok || !astx.IsBuiltin(info, call.Fun, "append") {
				continue // a reslice or a reset: it adds nothing
			}
			if call.Ellipsis.IsValid() || len(call.Args) < 2 {
				return false
			}
			fn := astx.InnermostFunc(cur).Node()
			for _, arg := range call.Args[1:] {
				m := mapHolding(info, fn, arg, fieldOf)
				if m == nil {
					return false
				}
				maps = append(maps, m)
			}
		}
	}
	return len(maps) > 0 && !slices.ContainsFunc(maps, func(m types.Object) bool { return m != maps[0] || droppedFrom(info, insp, m, fieldOf) })
}

// mapHolding returns the map field that fn stores the variable e in, as
// a key or a value (m.seen[e] = true, m.byID[id] = e); nil if e is not a
// variable or fn stores it in none.
func mapHolding(info *types.Info, fn ast.Node, e ast.Expr, fieldOf func(ast.Expr) types.Object) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || info.Uses[id] == nil {
		return nil
	}
	isE := func(x ast.Expr) bool {
		xid, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[xid] == info.Uses[id]
	}
	var found types.Object
	ast.Inspect(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found != nil || len(as.Lhs) != len(as.Rhs) {
			return found == nil
		}
		for i, lhs := range as.Lhs {
			ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
			if !ok {
				continue
			}
			if _, isMap := info.TypeOf(ix.X).Underlying().(*types.Map); isMap && (isE(ix.Index) || isE(as.Rhs[i])) {
				found = fieldOf(ix.X)
			}
		}
		return found == nil
	})
	return found
}

// droppedFrom reports whether the package deletes from or clears the map
// field m, or sets it other than when it is nil (if x.m == nil { x.m =
// make(...) }).
func droppedFrom(info *types.Info, insp *inspector.Inspector, m types.Object, fieldOf func(ast.Expr) types.Object) bool {
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if (astx.IsBuiltin(info, n.Fun, "delete") || astx.IsBuiltin(info, n.Fun, "clear")) && len(n.Args) > 0 && fieldOf(n.Args[0]) == m {
				return true
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if fieldOf(lhs) == m && !madeWhenNil(cur, lhs) {
					return true
				}
			}
		}
	}
	return false
}

// madeWhenNil reports whether the assignment at cur to lhs is in the body
// of an if statement whose condition is lhs == nil.
func madeWhenNil(cur inspector.Cursor, lhs ast.Expr) bool {
	for anc := range cur.Enclosing((*ast.IfStmt)(nil)) {
		bin, ok := ast.Unparen(anc.Node().(*ast.IfStmt).Cond).(*ast.BinaryExpr)
		return ok && bin.Op == token.EQL && types.ExprString(bin.X) == types.ExprString(lhs) && types.ExprString(bin.Y) == "nil"
	}
	return false
}

// sharedHolder reports whether the slice is a package variable or a
// field of a struct with a mutex: a value that lives long and that
// several goroutines use.
func (v *vacate) sharedHolder(info *types.Info) bool {
	switch v.owner {
	case ownedByPackage:
		return true
	case ownedByField:
		st := typesx.StructOf(info.Selections[v.holder.(*ast.SelectorExpr)].Recv())
		if st == nil {
			return false
		}
		for i := range st.NumFields() {
			if t := st.Field(i).Type(); typesx.IsNamed(t, "sync", "Mutex") || typesx.IsNamed(t, "sync", "RWMutex") {
				return true
			}
		}
	}
	return false
}

// movesElements reports whether fn moves elements of the slice into other
// slots of it, as removing element i does by swapping (s[i] =
// s[len(s)-1]) or by shifting (copy(s[i:], s[i+1:])): the vacated slot
// then holds a duplicate that outlives the moved element's own removal.
func movesElements(info *types.Info, fn ast.Node, v *vacate) bool {
	ofSlice := func(e ast.Expr) bool {
		var x ast.Expr
		switch e := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			x = e.X
		case *ast.SliceExpr:
			x = e.X
		default:
			return false
		}
		return v.isSlice(info, x)
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || len(n.Lhs) == 1 && len(n.Rhs) == 1 && ofSlice(n.Lhs[0]) && ofSlice(n.Rhs[0])
		case *ast.CallExpr:
			found = found || astx.IsBuiltin(info, n.Fun, "copy") && len(n.Args) == 2 && ofSlice(n.Args[0]) && ofSlice(n.Args[1])
		}
		return !found
	})
	return found
}

// loanWords name slices whose elements are lent out and come back: a
// free list or pool, where the dropped element is in use, not garbage.
var loanWords = []string{"free", "pool", "idle", "spare", "cache", "reuse", "recycl", "avail", "unused"}

// onLoan reports whether the dropped elements are in use: the slice is a
// free list or pool by name, fn takes the address of one of its elements
// (a slab handing out &s[0]), which clearing would zero, or fn slices out
// the front it drops (an arena handing out pieces of one array: got :=
// s[:n]; s = s[n:]), which the piece's holder uses.
func onLoan(info *types.Info, fn ast.Node, v *vacate) bool {
	if v.front && slicesOutFront(info, fn, v) {
		return true
	}
	name := ""
	switch h := v.holder.(type) {
	case *ast.SelectorExpr:
		name = h.Sel.Name
	case *ast.Ident:
		name = h.Name
	}
	lower := strings.ToLower(name)
	if slices.ContainsFunc(loanWords, func(w string) bool { return strings.Contains(lower, w) }) {
		return true
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if ix, ok := ast.Unparen(u.X).(*ast.IndexExpr); ok && v.isSlice(info, ix.X) {
				found = true
			}
		}
		return !found
	})
	return found
}

// slicesOutFront reports whether fn keeps the front that the vacate drops
// as a slice of its own (got := s[:n], before s = s[n:]). A front copied
// elsewhere (append(out, s[:n]...), copy(out, s[:n])) is dropped still.
func slicesOutFront(info *types.Info, fn ast.Node, v *vacate) bool {
	found := false
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		sl, ok := n.(*ast.SliceExpr)
		if ok && sl != v.slice && v.isSlice(info, sl.X) && sl.High != nil &&
			(sl.Low == nil || astx.IsIntConst(info, sl.Low, 0)) && types.ExprString(sl.High) == types.ExprString(v.slice.Low) {
			_, copied := stack[len(stack)-1].(*ast.CallExpr)
			found = found || !copied
		}
		return !found
	})
	return found
}

// restored reports whether fn puts an earlier value of the slice back,
// in a deferred function or from a saved copy (old := s; ...; s = old):
// a scope stack emptied while a nested body runs. The dropped elements
// are still in use, and clearing them would corrupt what comes back.
func (v *vacate) restored(info *types.Info, fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && v.assignedIn(info, lit.Body, nil) {
				found = true
			}
		case *ast.AssignStmt:
			if n != v.as && v.assignedIn(info, n, func(rhs ast.Expr) bool { return isCopyOf(info, fn, ast.Unparen(rhs), v.holder) }) {
				found = true
			}
		}
		return !found
	})
	return found
}

// assignedIn reports whether n assigns the slice's variable, from a
// value that from accepts when from is not nil.
func (v *vacate) assignedIn(info *types.Info, n ast.Node, from func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if sameRef(info, lhs, v.holder) && (from == nil || from(as.Rhs[i])) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// noFix says why clearing the dropped elements before the reslice (with
// clear if byClear) could change what the program does, or cannot be
// written there.
func (v *vacate) noFix(pass *analysis.Pass, insp *inspector.Inspector, cur inspector.Cursor, fn ast.Node, byClear bool) string {
	info := pass.TypesInfo
	if list, _ := astx.StmtList(cur); list == nil {
		return "the reslice is not a statement of its own"
	}
	if v.del == nil {
		bound := v.slice.High
		if v.front {
			bound = v.slice.Low
		}
		if !effectFree(info, bound) {
			return types.ExprString(bound) + " would be evaluated twice"
		}
	}
	if at := v.rangedOver(info, cur); at.IsValid() {
		return fmt.Sprintf("the range over the slice at line %d goes on to read the cleared elements", pass.Fset.Position(at).Line)
	}
	if v.owner == ownedByCaller {
		return "the caller may hold another slice of the same array, which may see the cleared elements"
	}
	if v.owner == ownedByReceiver {
		if why := receiverShared(pass, insp, v.holder.(*ast.StarExpr)); why != "" {
			return why
		}
	}
	if pkg := foreignHolder(info, pass.Pkg, v.holder); pkg != nil {
		return "the slice belongs to package " + pkg.Name() + ", whose code may hold another slice of the same array"
	}
	own := freshRoot(info, fn, v.holder)
	once := !inLoop(cur)
	for _, occ := range v.occurrences(pass, insp) {
		if own && (occ.Node().Pos() < fn.Pos() || occ.Node().End() > fn.End()) {
			continue // another object's field: this one is fn's own
		}
		if once && occ.Node().Pos() >= v.as.End() && occ.Node().End() <= fn.End() {
			continue // the shortened slice, shared after the reslice: the cleared slots lie past its end
		}
		if !keptHome(info, occ, occ.Node().(ast.Expr), 0) {
			return "the slice is shared at " + astx.Where(pass.Fset, occ.Node().Pos()) + ", which may see the cleared elements"
		}
	}
	// Last: a clear the version lacks can be written by hand, not one
	// that changes what the program does.
	if why := astx.MissingBuiltin(pass, "clear", v.as.Pos()); v.del == nil && byClear && why != "" {
		return why
	}
	return ""
}

// inLoop reports whether the statement at cur runs in a loop of its
// function, where what follows it may run before it again.
func inLoop(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch anc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
		return false
	}
	return false
}

// freshRoot reports whether holder is a field (d.Ext, d.Rows.List) of a
// local that fn makes itself (d := new(T), &T{...} or T{...}) and uses
// only through its fields or as an argument of other packages' functions
// (xml's Decode into it, or into its address: json.Unmarshal(b, &d)):
// uses of the same field elsewhere in the package are of other objects,
// and cannot hold this one's array.
func freshRoot(info *types.Info, fn ast.Node, holder ast.Expr) bool {
	if _, ok := ast.Unparen(holder).(*ast.SelectorExpr); !ok {
		return false
	}
	v, ok := info.Uses[astx.RootIdent(holder)].(*types.Var)
	return ok && keptLocal(info, fn, v)
}

// keptLocal reports whether v is a local that fn makes itself and uses
// only through its fields or as an argument of other packages' functions:
// nothing but fn holds it, and nothing does once fn returns.
func keptLocal(info *types.Info, fn ast.Node, v *types.Var) bool {
	body := astx.FuncBody(fn)
	if body == nil || v.Pos() < body.Pos() || v.Pos() > body.End() {
		return false // not a local: a parameter, a receiver or a package variable
	}
	fresh, made := true, false
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	decodedInto := make(map[ast.Expr]bool) // &v given to another package's function
	ast.Inspect(fn, func(n ast.Node) bool {
		if !fresh {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
					fresh = len(n.Lhs) == len(n.Rhs) && astx.IsNew(info, n.Rhs[i])
					made = true
					if !fresh {
						return false
					}
				}
			}
			for _, rhs := range n.Rhs {
				if isV(rhs) {
					fresh = false // stored elsewhere, where others may reach it
				}
			}
		case *ast.CallExpr:
			callee := typeutil.Callee(info, n)
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && astx.RootIdent(sel.X) != nil && info.Uses[astx.RootIdent(sel.X)] == v && callee != nil && callee.Pkg() == v.Pkg() {
				fresh = false // a method of the package may keep a slice of it
			}
			for _, arg := range n.Args {
				if isV(arg) && (callee == nil || callee.Pkg() == v.Pkg()) {
					fresh = false // the package's own code may keep a slice of it
				}
				if addr, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && addr.Op == token.AND && callee != nil && callee.Pkg() != v.Pkg() {
					decodedInto[addr] = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v {
					made = true
					fresh = fresh && (i >= len(n.Values) || astx.IsNew(info, n.Values[i]))
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) && !decodedInto[n] {
				fresh = false
			}
		case *ast.ReturnStmt:
			fresh = fresh && !slices.ContainsFunc(n.Results, isV)
		case *ast.CompositeLit:
			fresh = fresh && !slices.ContainsFunc(n.Elts, func(e ast.Expr) bool {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				return isV(e)
			})
		case *ast.SendStmt:
			fresh = fresh && !isV(n.Value)
		}
		return true
	})
	return made && fresh
}

// receiverShared says why the slice a method reaches as *r, its receiver
// a pointer to a slice type, may share its array with a slice the method
// cannot see: a value of an exported type may be copied outside the
// package, and each copy shares the array (a CallStack copied before a
// Pop); a conversion from a slice the package did not make shares that
// slice's array (NewIter(values ...any) returning a sliceIter(values)
// that its Next consumes).
func receiverShared(pass *analysis.Pass, insp *inspector.Inspector, star *ast.StarExpr) string {
	t := pass.TypesInfo.TypeOf(star.X)
	if t == nil {
		return ""
	}
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return ""
	}
	if named.Obj().Exported() {
		return "values of the exported type " + named.Obj().Name() + " may be copied outside the package, and a copy shares the array"
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		tv := pass.TypesInfo.Types[call.Fun]
		if !tv.IsType() || len(call.Args) != 1 || astx.IsFresh(pass.TypesInfo, call.Args[0]) {
			continue
		}
		if to, ok := types.Unalias(tv.Type).(*types.Named); ok && to.Origin() == named.Origin() {
			return "the conversion at " + astx.Where(pass.Fset, call.Pos()) + " makes a " + named.Obj().Name() + " of a slice that others may hold, which may see the cleared elements"
		}
	}
	return ""
}

// foreignHolder returns the package that declares the field or variable
// holding the slice, if it is not the one analyzed: its uses there are
// out of sight.
func foreignHolder(info *types.Info, here *types.Package, holder ast.Expr) *types.Package {
	var obj types.Object
	switch h := holder.(type) {
	case *ast.SelectorExpr:
		obj = info.Uses[h.Sel]
	case *ast.Ident:
		obj = info.Uses[h]
	}
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == here {
		return nil
	}
	return obj.Pkg()
}

// measuresHere reports whether the bound high calls len itself,
// len(s)-1, rather than using a length measured earlier.
func measuresHere(high ast.Expr) bool {
	bin, ok := ast.Unparen(high).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	_, ok = ast.Unparen(bin.X).(*ast.CallExpr)
	return ok
}

// reassigned reports whether fn assigns the slice anywhere but in the
// reslice: a length measured earlier (n := len(s)) may then differ from
// the current one, and s[:n-1] need not drop anything.
func (v *vacate) reassigned(info *types.Info, fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as != v.as {
			for _, lhs := range as.Lhs {
				found = found || v.isSlice(info, lhs)
			}
		}
		return !found
	})
	return found
}

// rangedOver returns the position of a range over the slice around the
// reslice that goes on after it: a range reads the elements of the array
// it started with, so it would read the cleared ones. A block that goes
// on to break or return ends the range. A range over slices.All or
// slices.Values of it is one too; slices.Backward goes down from the end
// and never comes back to a slot cleared there.
func (v *vacate) rangedOver(info *types.Info, cur inspector.Cursor) token.Pos {
	for c := range cur.Enclosing((*ast.RangeStmt)(nil)) {
		x := c.Node().(*ast.RangeStmt).X
		if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
			if forward, ok := sliceIterator(info, call); ok && len(call.Args) == 1 {
				if !forward {
					continue // goes down from the end: never back to a cleared slot
				}
				x = call.Args[0]
			}
		}
		if v.isSlice(info, x) {
			if astx.LeavesAfter(info, cur, c) {
				return token.NoPos
			}
			return c.Node().Pos()
		}
	}
	return token.NoPos
}

// sliceIterator reports whether call makes an iterator over a slice's
// elements (slices.All, slices.Values or slices.Backward), and whether
// it goes forward.
func sliceIterator(info *types.Info, call *ast.CallExpr) (forward, ok bool) {
	switch pkg, name := typesx.Callee(info, call); {
	case pkg != "slices":
		return false, false
	case name == "All" || name == "Values":
		return true, true
	case name == "Backward":
		return false, true
	}
	return false, false
}

// editsSlice reports whether call is one of package slices' functions
// that edit their first argument and return the result (Delete, Insert,
// Compact, ...): stored back, it keeps the array where it was.
func editsSlice(info *types.Info, call *ast.CallExpr) bool {
	pkg, name := typesx.Callee(info, call)
	return pkg == "slices" && slices.Contains([]string{"Delete", "DeleteFunc", "Insert", "Replace", "Compact", "CompactFunc", "Grow", "Clip"}, name)
}

// extended reports whether the package reslices the slice past its
// length, s[:len(s)+1] or s[:cap(s)]: the dropped elements are then not
// gone but kept for reuse (a ring buffer counting its elements in the
// length), and clearing them would lose them.
func (v *vacate) extended(pass *analysis.Pass, insp *inspector.Inspector) bool {
	for _, occ := range v.occurrences(pass, insp) {
		for kind, _ := occ.ParentEdge(); kind == edge.ParenExpr_X; kind, _ = occ.ParentEdge() {
			occ = occ.Parent() // (*s)[:next+1]
		}
		if kind, _ := occ.ParentEdge(); kind != edge.SliceExpr_X {
			continue
		}
		switch high := ast.Unparen(occ.Parent().Node().(*ast.SliceExpr).High).(type) {
		case *ast.BinaryExpr:
			if high.Op == token.ADD {
				return true
			}
		case *ast.CallExpr:
			if astx.IsBuiltin(pass.TypesInfo, high.Fun, "cap") {
				return true
			}
		}
	}
	return false
}

// effectFree reports whether evaluating e again has no effect and gives
// the same value: constants, variables, field paths, len and cap, and
// arithmetic on these.
func effectFree(info *types.Info, e ast.Expr) bool {
	if info.Types[e].Value != nil {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr:
		return isPath(info, e)
	case *ast.BinaryExpr:
		return effectFree(info, e.X) && effectFree(info, e.Y)
	case *ast.CallExpr:
		return (astx.IsBuiltin(info, e.Fun, "len") || astx.IsBuiltin(info, e.Fun, "cap")) && len(e.Args) == 1 && effectFree(info, e.Args[0])
	}
	return false
}

// occurrences returns every expression of the package that reads the
// slice's variable as a whole: each use of the field or package
// variable, or each *r of a method of the receiver's type.
func (v *vacate) occurrences(pass *analysis.Pass, insp *inspector.Inspector) []inspector.Cursor {
	info := pass.TypesInfo
	var occ []inspector.Cursor
	switch h := v.holder.(type) {
	case *ast.StarExpr: // ownedByReceiver
		recvType := info.TypeOf(h.X)
		for cur := range insp.Root().Preorder((*ast.StarExpr)(nil)) {
			star := cur.Node().(*ast.StarExpr)
			id, ok := ast.Unparen(star.X).(*ast.Ident)
			if ok && info.Types[star].IsValue() && types.Identical(info.TypeOf(id), recvType) {
				occ = append(occ, cur)
			}
		}
	default:
		obj := info.Uses[astx.RootIdent(h)]
		if sel, ok := h.(*ast.SelectorExpr); ok {
			obj = info.Uses[sel.Sel]
		}
		for cur := range insp.Root().Preorder((*ast.Ident)(nil)) {
			if info.Uses[cur.Node().(*ast.Ident)] != obj {
				continue
			}
			if kind, _ := cur.ParentEdge(); kind == edge.SelectorExpr_Sel {
				cur = cur.Parent()
			}
			occ = append(occ, cur)
		}
	}
	return occ
}

// keptHome reports whether the slice read at cur is only indexed, measured,
// ranged over, copied from, compared, assigned, or resliced or appended to
// and stored back into home (the slice's own variable), possibly through a
// local variable that does the same: no other slice can then share its
// array and see the cleared elements.
func keptHome(info *types.Info, cur inspector.Cursor, home ast.Expr, depth int) bool {
	kind, idx := cur.ParentEdge()
	parent := cur.Parent()
	switch kind {
	case edge.ParenExpr_X:
		return keptHome(info, parent, home, depth)
	case edge.IndexExpr_X:
		k, _ := parent.ParentEdge()
		return k != edge.UnaryExpr_X || parent.Parent().Node().(*ast.UnaryExpr).Op != token.AND
	case edge.RangeStmt_X, edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return true
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return false
		}
		id, isIdent := ast.Unparen(as.Lhs[idx]).(*ast.Ident)
		return ownValue(info, astx.InnermostFunc(cur).Node(), as.Rhs[idx], home) ||
			isIdent && growsItself(info, as.Rhs[idx], info.Uses[id]) ||
			handedOver(info, parent, as.Rhs[idx])
	case edge.KeyValueExpr_Value:
		// progress := &Progress{Tasks: s.tasks}; json.Marshal(progress): a
		// literal of a local that only fn holds, gone when fn returns.
		v := literalLocal(info, parent.Parent())
		fn := astx.InnermostFunc(cur)
		return v != nil && fn.Valid() && keptLocal(info, fn.Node(), v)
	case edge.KeyValueExpr_Key:
		// &T{pending: make(...)}, &T{events: append([]E(nil), es...)}: a
		// literal that gives the field an array of its own, as an
		// assignment does (in a package variable's value, only a new one).
		value := parent.Node().(*ast.KeyValueExpr).Value
		if fn := astx.InnermostFunc(cur); fn.Valid() {
			return ownValue(info, fn.Node(), value, home)
		}
		return astx.IsFresh(info, value)
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		b, ok := info.Uses[astx.RootIdent(call.Fun)].(*types.Builtin)
		switch {
		case !ok:
			// range slices.Backward(s): read in place, as range s is.
			k, _ := parent.ParentEdge()
			if _, iter := sliceIterator(info, call); iter && k == edge.RangeStmt_X {
				return true
			}
			// s = slices.Delete(s, i, j): what comes back goes back to s.
			return idx == 0 && editsSlice(info, call) && storedBack(info, parent, home) || keepsNothing(info, call) || readByPackageFunc(info, parent, idx)
		case b.Name() == "len" || b.Name() == "cap" || b.Name() == "clear" || b.Name() == "copy":
			return true
		case b.Name() == "append" && idx == 0:
			return storedBack(info, parent, home) || keptHome(info, parent, home, depth)
		case b.Name() == "append":
			return call.Ellipsis.IsValid() // its elements are copied
		}
	case edge.SliceExpr_X:
		return storedBack(info, parent, home) || keptHome(info, parent, home, depth)
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return false
		}
		if sameRef(info, as.Lhs[idx], home) {
			return true
		}
		id, ok := as.Lhs[idx].(*ast.Ident)
		if ok && growsItself(info, as.Rhs[idx], info.ObjectOf(id)) {
			// y = append(y, v), y = y[:n]: back into the local whose
			// uses are being followed.
			return true
		}
		return ok && localStays(info, cur, id, home, depth)
	}
	return false
}

// literalLocal returns the local that the composite literal at lit, or
// its address, defines (p := &T{...}, var p = T{...}), or nil.
func literalLocal(info *types.Info, lit inspector.Cursor) *types.Var {
	cur := lit
	if kind, _ := cur.ParentEdge(); kind == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
		cur = cur.Parent()
	}
	kind, idx := cur.ParentEdge()
	var name *ast.Ident
	switch kind {
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			name, _ = as.Lhs[idx].(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		spec := cur.Parent().Node().(*ast.ValueSpec)
		if len(spec.Names) == len(spec.Values) {
			name = spec.Names[idx]
		}
	}
	if name == nil {
		return nil
	}
	v, _ := info.Defs[name].(*types.Var)
	return v
}

// handedOver reports whether rhs, assigned by the statement at stmt, is
// append(y, ...) of a slice y that the next statement sets to nil
// (d.coroutines = append(d.pending, d.coroutines...); d.pending = nil):
// whatever array the append returns, y lets go of it, and the assigned
// slice holds it alone.
func handedOver(info *types.Info, stmt inspector.Cursor, rhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !astx.IsBuiltin(info, call.Fun, "append") {
		return false
	}
	list, i := astx.StmtList(stmt)
	if i+1 >= len(list) {
		return false
	}
	next, ok := list[i+1].(*ast.AssignStmt)
	return ok && len(next.Lhs) == 1 && len(next.Rhs) == 1 && sameRef(info, next.Lhs[0], call.Args[0]) && info.Types[next.Rhs[0]].IsNil()
}

// keepsNothing reports whether call is of a function of the standard
// library (not a method, which may keep what it is given in its receiver)
// whose results, one at least, cannot hold the array of a slice passed to
// it: strings.Join, fmt.Sprintf, slices.Index. It reads the slice during the
// call, and a string it returns is a copy.
func keepsNothing(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Signature().Recv() == nil && typesx.IsStd(fn.Pkg()) && basicResults(fn)
}

// basicResults reports whether fn has results, and each is a basic type
// or an error, which cannot hold an array. A function without results may
// be called to register what it is given (runtime.SetFinalizer, flag.Var).
func basicResults(fn *types.Func) bool {
	res := fn.Signature().Results()
	for r := range res.Variables() {
		t := r.Type()
		if _, basic := t.Underlying().(*types.Basic); !basic && !types.Identical(t, types.Universe.Lookup("error").Type()) {
			return false
		}
	}
	return res.Len() > 0
}

// readByPackageFunc reports whether the call at cur is of a function of
// the package (not a method) with basic results whose body only reads the
// slice it is given as argument idx: ranges over it, indexes it, takes its
// length (indexOf(name, s)). It keeps nothing of the array.
func readByPackageFunc(info *types.Info, cur inspector.Cursor, idx int) bool {
	call := cur.Node().(*ast.CallExpr)
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil || !basicResults(fn) || call.Ellipsis.IsValid() {
		return false
	}
	params := fn.Signature().Params()
	if idx >= params.Len() || fn.Signature().Variadic() && idx == params.Len()-1 {
		return false
	}
	param := params.At(idx)
	for decl := range cur.Inspector().Root().Preorder((*ast.FuncDecl)(nil)) {
		if info.Defs[decl.Node().(*ast.FuncDecl).Name] != fn {
			continue
		}
		for use := range decl.Preorder((*ast.Ident)(nil)) {
			if info.Uses[use.Node().(*ast.Ident)] == param && !readInPlace(info, use) {
				return false
			}
		}
		return decl.Node().(*ast.FuncDecl).Body != nil
	}
	return false
}

// readInPlace reports whether the use of a slice at cur reads it where it
// is, outside any function literal: the operand of a range, an index read,
// len or cap, a comparison.
func readInPlace(info *types.Info, cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.FuncLit)(nil)) {
		return false
	}
	parent := cur.Parent()
	switch kind, _ := cur.ParentEdge(); kind {
	case edge.RangeStmt_X, edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return true
	case edge.IndexExpr_X:
		k, _ := parent.ParentEdge()
		return k != edge.UnaryExpr_X && k != edge.AssignStmt_Lhs
	case edge.CallExpr_Args:
		b, ok := info.Uses[astx.RootIdent(parent.Node().(*ast.CallExpr).Fun)].(*types.Builtin)
		return ok && (b.Name() == "len" || b.Name() == "cap")
	}
	return false
}

// ownValue reports whether storing e in home gives it an array no one
// else holds: nil, a new slice (make or a literal), or home itself,
// resliced, appended to or edited by package slices (slices.Delete(home,
// i, j)), directly or through a local copy.
func ownValue(info *types.Info, fn ast.Node, e, home ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.SliceExpr:
		return sameRef(info, e.X, home) || isCopyOf(info, fn, ast.Unparen(e.X), home)
	case *ast.CallExpr:
		b, ok := info.Uses[astx.RootIdent(e.Fun)].(*types.Builtin)
		switch {
		case !ok:
			return editsSlice(info, e) && ownValue(info, fn, e.Args[0], home)
		case b.Name() == "make":
			return true
		case b.Name() == "append" && len(e.Args) > 0:
			return isZero(info, e.Args[0]) || ownValue(info, fn, e.Args[0], home)
		}
		return false
	}
	// freshRoot: r.tasks = status.Tasks, of a local decoded into, which
	// lets go of the array when fn returns.
	return isZero(info, e) || sameRef(info, e, home) || onlyFromHome(info, fn, e, home) || freshLocal(info, fn, e) || freshRoot(info, fn, e)
}

// freshLocal reports whether e is a local variable that fn sets only to
// new slices (make, a literal) and otherwise only indexes, measures or
// ranges over, but for one use: the store of its array somewhere
// (attrs := make([]Attr, 1); attrs[0].Name = n; node := &Node{Attr:
// attrs}). The array is then the store's alone.
func freshLocal(info *types.Info, fn ast.Node, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok || fn == nil {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return false
	}
	stores, ok := 0, true
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		use, isIdent := n.(*ast.Ident)
		if !ok || !isIdent || info.ObjectOf(use) != v {
			return ok
		}
		switch p := stack[len(stack)-1].(type) {
		case *ast.AssignStmt:
			for i, lhs := range p.Lhs {
				if lhs == ast.Expr(use) {
					ok = len(p.Lhs) == len(p.Rhs) && astx.IsFresh(info, p.Rhs[i])
					return ok
				}
			}
			stores++
		case *ast.ValueSpec:
			for i, name := range p.Names {
				if name == use {
					ok = len(p.Values) == 0 || len(p.Names) == len(p.Values) && astx.IsFresh(info, p.Values[i])
					return ok
				}
			}
			stores++
		case *ast.IndexExpr, *ast.RangeStmt:
			if len(stack) > 1 {
				if un, isAddr := stack[len(stack)-2].(*ast.UnaryExpr); isAddr && un.Op == token.AND {
					ok = false
				}
			}
		case *ast.CallExpr:
			b, isBuiltin := info.Uses[astx.RootIdent(p.Fun)].(*types.Builtin)
			ok = isBuiltin && (b.Name() == "len" || b.Name() == "cap")
		case *ast.KeyValueExpr:
			stores++
		default:
			ok = false
		}
		return ok
	})
	return ok && stores == 1
}

// onlyFromHome reports whether e is a local variable that fn sets only
// from home, itself, resliced or appended to, and from itself so grown
// (temp := s[:0]; temp = append(temp, x): a filter in place; y :=
// append(*x, v)).
func onlyFromHome(info *types.Info, fn ast.Node, e, home ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok || fn == nil {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	fromHome := func(rhs ast.Expr) bool {
		return grownFrom(info, rhs, func(x ast.Expr) bool { return sameRef(info, x, home) })
	}
	sets, ok := 0, true
	ast.Inspect(fn, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign || !ok {
			return ok
		}
		for i, lhs := range as.Lhs {
			lid, isIdent := ast.Unparen(lhs).(*ast.Ident)
			if !isIdent || info.ObjectOf(lid) != v {
				continue
			}
			sets++
			ok = len(as.Lhs) == len(as.Rhs) && (fromHome(as.Rhs[i]) || growsItself(info, as.Rhs[i], v))
		}
		return ok
	})
	return ok && sets > 0
}

// storedBack reports whether the value at cur is assigned to home.
func storedBack(info *types.Info, cur inspector.Cursor, home ast.Expr) bool {
	lhs := astx.AssignedTo(cur)
	return lhs != nil && sameRef(info, lhs, home)
}

// growsItself reports whether e is the variable v appended to or
// resliced: append(v, ...), v[i:j].
func growsItself(info *types.Info, e ast.Expr, v types.Object) bool {
	return grownFrom(info, e, func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && v != nil && info.Uses[id] == v
	})
}

// grownFrom reports whether e is a slice that base accepts, or one
// appended to or resliced from such a slice: append(x, ...), x[i:j].
func grownFrom(info *types.Info, e ast.Expr, base func(ast.Expr) bool) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		b, ok := info.Uses[astx.RootIdent(x.Fun)].(*types.Builtin)
		return ok && b.Name() == "append" && len(x.Args) > 0 && grownFrom(info, x.Args[0], base)
	case *ast.SliceExpr:
		return grownFrom(info, x.X, base)
	}
	return base(e)
}

// localStays reports whether every use of the local variable id, which
// the slice at cur is assigned to, stays.
func localStays(info *types.Info, cur inspector.Cursor, id *ast.Ident, home ast.Expr, depth int) bool {
	obj := info.ObjectOf(id)
	v, ok := obj.(*types.Var)
	if !ok || depth > 2 || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	fnCur := astx.InnermostFunc(cur)
	for use := range fnCur.Preorder((*ast.Ident)(nil)) {
		if info.Uses[use.Node().(*ast.Ident)] == obj && !keptHome(info, use, home, depth+1) {
			return false
		}
	}
	return true
}

// zeroLiteral returns the text of t's zero value where the package can
// write it without an import: nil, or T{} for a struct or array type it
// declares; else "".
func zeroLiteral(pkg *types.Package, t types.Type) string {
	if nilZero(t) {
		return "nil"
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg || named.TypeArgs().Len() > 0 {
		return ""
	}
	switch named.Underlying().(type) {
	case *types.Struct, *types.Array:
		return named.Obj().Name() + "{}"
	}
	return ""
}

// nilZero reports whether nil is the zero value of t.
func nilZero(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice, *types.Chan, *types.Signature:
		return true
	}
	return false
}
