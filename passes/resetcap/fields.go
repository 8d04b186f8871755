package resetcap

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/fieldstore"
	"github.com/memlint/memlint/internal/typesx"
)

// fieldUse is what the package does with one slice or map field, over all
// its files.
type fieldUse struct {
	grown token.Pos // an append to it, or a map store into it
	// newObjects is an append of pointers to objects made for it
	// (append(x.f, &T{...})), and otherAppends (below) says some append
	// or element store adds anything else: when every one makes its
	// element, a reset's kept slots save a pointer each next to an
	// allocation per element.
	newObjects token.Pos
	// resliced is x.f = x.f[:n]: a length set within the capacity, which
	// grows the field only if the object owns that memory; extended is
	// x.f = x.f[:len(x.f)+n] or x.f[:cap(x.f)], which grows it into its
	// capacity whoever allocated it.
	resliced    token.Pos
	extended    token.Pos
	foreign     token.Pos // an assignment of memory the object may not own
	foreignFrom string    // what that memory is
	// viewsField is the other field of the same object whose memory every
	// such assignment reads (x.raw = cast(x.buf.Bytes())): the field is a
	// view of that buffer. viewsOthers is set when some assignment reads
	// none or another.
	viewsField  *types.Var
	viewsOthers bool
	handedOut   token.Pos // a use that shares its memory with someone else
	// replaced is an assignment of a slice built elsewhere in the
	// function (x.f = headers), or of a new slice or map outside a reset:
	// a use that sets the field whole, which does not reuse the capacity
	// a reset keeps.
	replaced token.Pos
	// viewed is an assignment of a view of other memory (x.f = b[i:j],
	// x.f = trim(b[i:j]), b a parameter or a local not made here): that
	// use allocates nothing for a reset to save, and a field truncated
	// in place would still point into the memory viewed.
	viewed   token.Pos
	viewedOf string
	// consumed is a use that consumes the slice from its front
	// (x.f = x.f[1:], a queue's pop): each one gives up the capacity
	// before the new start, so little is left for a reset to keep.
	consumed token.Pos
	// emptied is an assignment of nil to a slice outside a reset (x.f =
	// nil at the end of a line or a message): the capacity goes there,
	// after each use, and a reset finds little to keep.
	emptied token.Pos
	// stored is a read in a function literal that is kept (a field of a
	// config, a variable) or run by a go statement: a callback that may
	// run at any time, during a reset that reuses the memory too.
	stored token.Pos
	// unsafeShared is set when the field's memory is handed out through
	// package unsafe (strings.Builder's String): it must never be reused.
	unsafeShared bool
	// borrowed is set when an exported function stores its parameter in
	// the field: holding the caller's memory is what the field is for.
	borrowed bool
	// nilCompared: the package compares the field with nil.
	nilCompared  bool
	otherAppends bool // see newObjects
}

// growth returns where the package grows the field: an append or a map
// store, a re-slice that extends it into its capacity, or else any
// re-slice within its capacity unless the field holds memory it does not
// own (a view of a caller's slice or of another field, walked down by
// re-slicing, has no capacity of its own to keep).
func (u *fieldUse) growth() token.Pos {
	switch {
	case u.grown.IsValid():
		return u.grown
	case u.extended.IsValid():
		return u.extended
	case u.foreign.IsValid(), u.viewed.IsValid():
		return token.NoPos
	}
	return u.resliced
}

// appendsOnlyNew returns where the field is appended an object made for
// it, if every append does so.
func (u *fieldUse) appendsOnlyNew() token.Pos {
	if u.otherAppends {
		return token.NoPos
	}
	return u.newObjects
}

// fieldUses classifies every use of the package's slice and map fields.
// params are the package's parameters and receivers (paramsOf).
func fieldUses(pass *analysis.Pass, insp *inspector.Inspector, fields *fieldstore.Summary, params map[*types.Var]bool) map[*types.Var]*fieldUse {
	uses := make(map[*types.Var]*fieldUse)
	use := func(f *types.Var) *fieldUse {
		if uses[f] == nil {
			uses[f] = new(fieldUse)
		}
		return uses[f]
	}
	for cur := range insp.Root().Preorder((*ast.SelectorExpr)(nil)) {
		f := fieldOf(pass.TypesInfo, cur.Node().(*ast.SelectorExpr))
		if f == nil {
			continue
		}
		classify(pass.TypesInfo, params, cur, use(f))
		if u := use(f); !u.stored.IsValid() && inStoredFunc(pass.TypesInfo, cur) {
			u.stored = cur.Node().Pos()
		}
	}
	// Keyed composite literals set fields too: T{buf: b}.
	for cur := range insp.Root().Preorder((*ast.KeyValueExpr)(nil)) {
		kv := cur.Node().(*ast.KeyValueExpr)
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f, ok := pass.TypesInfo.Uses[key].(*types.Var); ok && f.IsField() && isSliceOrMap(f.Type()) {
			if keepsOwn(pass.TypesInfo, kv.Value, f) {
				continue // *x = T{f: x.f}: the field keeps its own memory
			}
			if from := foreignValue(pass.TypesInfo, params, kv.Value, nil); from != "" && !strings.HasPrefix(from, "the parameter") {
				u := use(f)
				u.foreign, u.foreignFrom = kv.Pos(), from
			}
		}
	}
	if len(uses) == 0 {
		return uses // no slice or map field is used: no stores to look at
	}
	noteCopies(pass.TypesInfo, insp, uses)
	// A parameter stored in a field is the caller's memory: that of any
	// caller if the function is exported, else of the calls in the
	// package that pass foreign memory. (A call that passes its own
	// parameter on is a store of that parameter by the caller.)
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			for _, st := range fields.Stores(fn) {
				f := st.Path.Field(paramType(fn, st.Target))
				if st.Source == fieldstore.Zero || f == nil || uses[f] == nil || uses[f].borrowed {
					continue
				}
				if fn.Exported() {
					uses[f].foreign, uses[f].foreignFrom = st.Pos, "the parameter "+paramName(fn, st.Source)+" of "+fn.Name()
					uses[f].borrowed = true
				}
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok || fields.Decl(fn) == nil {
			continue
		}
		args := callArgs(pass.TypesInfo, fn, call)
		for _, st := range fields.Stores(fn) {
			f := st.Path.Field(paramType(fn, st.Target))
			if st.Source == fieldstore.Zero || st.Source >= len(args) || f == nil || uses[f] == nil || uses[f].foreign.IsValid() {
				continue
			}
			if from := foreignValue(pass.TypesInfo, params, args[st.Source], nil); from != "" && !strings.HasPrefix(from, "the parameter") {
				uses[f].foreign, uses[f].foreignFrom = call.Pos(), from
			}
		}
	}
	return uses
}

// noteCopies marks the slice and map fields of each struct that the
// package copies by value (clone := *db) as handed out there: the copy
// shares their memory, so the original's reset may not reuse it, or the
// copy's contents change with the original's next use.
func noteCopies(info *types.Info, insp *inspector.Inspector, uses map[*types.Var]*fieldUse) {
	for cur := range insp.Root().Preorder((*ast.StarExpr)(nil)) {
		star := cur.Node().(*ast.StarExpr)
		if tv, ok := info.Types[star]; !ok || !tv.IsValue() {
			continue // a pointer type, *T
		}
		switch kind, _ := cur.ParentEdge(); kind {
		case edge.AssignStmt_Lhs, edge.SelectorExpr_X, edge.IndexExpr_X, edge.UnaryExpr_X, edge.CallExpr_Fun:
			continue // *p = v, (*p).f, (*p)[i], &*p: no copy of the whole value
		}
		st, ok := info.TypeOf(star).Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if u := uses[f]; u != nil && !u.handedOut.IsValid() {
				u.handedOut = star.Pos()
			}
		}
	}
}

// keepsOwn reports whether e is field f itself, or a slice of it.
func keepsOwn(info *types.Info, e ast.Expr, f *types.Var) bool {
	e = ast.Unparen(e)
	if se, ok := e.(*ast.SliceExpr); ok {
		e = ast.Unparen(se.X)
	}
	sel, ok := e.(*ast.SelectorExpr)
	return ok && info.Selections[sel] != nil && info.Selections[sel].Obj() == f
}

// paramType returns the type of parameter i of fn, the receiver being 0
// for a method.
func paramType(fn *types.Func, i int) types.Type {
	sig := fn.Signature()
	if sig.Recv() != nil {
		if i == 0 {
			return sig.Recv().Type()
		}
		i--
	}
	if i < sig.Params().Len() {
		return sig.Params().At(i).Type()
	}
	return nil
}

// copiesElements reports whether the slice at cur is an argument of copy,
// or the spread last argument of append: either copies its elements and
// keeps nothing of it.
func copiesElements(info *types.Info, cur inspector.Cursor) bool {
	if k, _ := cur.ParentEdge(); k != edge.CallExpr_Args {
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	b, ok := typeutil.Callee(info, call).(*types.Builtin)
	if !ok {
		return false
	}
	last := call.Args[len(call.Args)-1] == cur.Node()
	return b.Name() == "copy" || b.Name() == "append" && call.Ellipsis.IsValid() && last
}

// fieldOf returns the slice or map field that sel selects, if it does.
func fieldOf(info *types.Info, sel *ast.SelectorExpr) *types.Var {
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f := s.Obj().(*types.Var)
	if !isSliceOrMap(f.Type()) {
		return nil
	}
	return f
}

func isSliceOrMap(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}

// classify records what the use of a field at cur does with it.
func classify(info *types.Info, params map[*types.Var]bool, cur inspector.Cursor, u *fieldUse) {
	sel := cur.Node().(*ast.SelectorExpr)
	parent := cur.Parent()
	k, idx := cur.ParentEdge()
	switch k {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			rhs := as.Rhs[idx]
			if growsInPlace(info, rhs, sel) {
				if se, ok := ast.Unparen(rhs).(*ast.SliceExpr); !ok {
					if !ofNewValue(info, cur, sel) && !isRemoval(info, rhs, sel) {
						u.grown = as.Pos()
					}
					noteAppend(info, cur, rhs, u)
				} else if u.resliced = as.Pos(); extends(info, se.High, sel) {
					u.extended = as.Pos()
				}
			} else if from := foreignValue(info, params, rhs, sel); from != "" && !strings.HasPrefix(from, "the parameter") {
				if !u.foreign.IsValid() {
					u.foreign, u.foreignFrom = as.Pos(), from
				}
				noteViewed(info, rhs, sel, u)
			} else if view := viewOf(info, cur, rhs, sel); view != "" {
				if !u.viewed.IsValid() {
					u.viewed, u.viewedOf = as.Pos(), view
				}
			} else if (isLocal(info, params, rhs) || refills(info, cur, sel, rhs)) && !u.replaced.IsValid() {
				u.replaced = as.Pos()
			} else if isNil(info, rhs) && isSlice(info.TypeOf(sel)) && !inReset(cur) && !u.emptied.IsValid() {
				u.emptied = as.Pos()
			}
		} else if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && len(as.Rhs) == 1 {
			// end, x.f = scan(b, i): one result of a call that returns a
			// view of what it is given.
			if view := callView(info, cur, call, idx, sel); view != "" && !u.viewed.IsValid() {
				u.viewed, u.viewedOf = as.Pos(), view
			}
		}
		return
	case edge.IndexExpr_X:
		ix := parent.Node().(*ast.IndexExpr)
		switch pk, _ := parent.ParentEdge(); pk {
		case edge.AssignStmt_Lhs:
			if _, isMap := info.TypeOf(ix.X).Underlying().(*types.Map); isMap && !ofNewValue(info, cur, sel) {
				u.grown = ix.Pos()
			} else if !isMap {
				noteElementStore(info, parent, u)
			}
		case edge.UnaryExpr_X:
			// &x.f[i]: a pointer into the array, which unsafe.String or
			// unsafe.Slice may turn into a view that outlives the reset.
			if addr := parent.Parent(); addr.Node().(*ast.UnaryExpr).Op == token.AND {
				if k, _ := addr.ParentEdge(); k == edge.CallExpr_Args {
					if b, ok := typeutil.Callee(info, addr.Parent().Node().(*ast.CallExpr)).(*types.Builtin); ok && isUnsafeBuiltin(b.Name()) {
						u.unsafeShared = true
					}
				}
				if !u.handedOut.IsValid() {
					u.handedOut = sel.Pos()
				}
			}
		}
		return
	case edge.RangeStmt_X:
		return
	case edge.SliceExpr_X:
		se := parent.Node().(*ast.SliceExpr)
		if isZero(info, se.High) && se.Low == nil && !se.Slice3 {
			return // x.f[:0]
		}
		if storedBack(info, parent, sel) {
			if se.Low != nil && !isZero(info, se.Low) && !u.consumed.IsValid() {
				u.consumed = parent.Node().Pos()
			}
			return // x.f = x.f[:n], or x.f = x.f[i:]
		}
		if copiesElements(info, parent) {
			return // copy(x.f[i:], src)
		}
		if k, i := parent.ParentEdge(); k == edge.CallExpr_Args && i == 0 && storedBack(info, parent.Parent(), sel) {
			return // x.f = append(x.f[:i], x.f[i+1:]...): a removal, stored back
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		be := parent.Node().(*ast.BinaryExpr)
		if isNil(info, be.X) || isNil(info, be.Y) {
			u.nilCompared = true
			return
		}
		if be.Op != token.EQL && be.Op != token.NEQ {
			return
		}
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if b, ok := typeutil.Callee(info, call).(*types.Builtin); ok {
			if b.Pkg() != nil && b.Pkg().Path() == "unsafe" || isUnsafeBuiltin(b.Name()) {
				u.unsafeShared = true
			}
			switch b.Name() {
			case "len", "cap", "clear", "delete", "min", "max", "copy":
				return
			case "append":
				if idx == 0 || copiesElements(info, cur) {
					return
				}
			}
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && typesx.IsString(tv.Type) {
			return // string(x.f) copies
		}
		if typesx.ReadsOnly(info, call) {
			return // strings.Join(x.f, "|") reads it
		}
		if idx == 0 && storedBack(info, parent, sel) {
			return // x.f = appendLike(x.f, ...)
		}
	}
	if !u.handedOut.IsValid() {
		u.handedOut = sel.Pos()
	}
}

// storedBack reports whether the expression at cur is assigned to the
// field that sel selects: its memory goes back where it came from.
func storedBack(info *types.Info, cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	lhs := astx.AssignedTo(cur)
	return lhs != nil && sameField(info, lhs, sel)
}

// growsInPlace reports whether e keeps and extends the memory of the
// field that sel selects: append(x.f, ...) or any call given x.f (or
// x.f[:0]) first whose result is stored back, as append-like helpers are,
// or x.f[:n], which reuses its capacity.
func growsInPlace(info *types.Info, e ast.Expr, sel *ast.SelectorExpr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if len(e.Args) == 0 {
			return false
		}
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return false // a conversion
		}
		first := ast.Unparen(e.Args[0])
		if se, ok := first.(*ast.SliceExpr); ok {
			first = se.X
		}
		return sameField(info, first, sel)
	case *ast.SliceExpr:
		return e.High != nil && !isZero(info, e.High) && sameField(info, e.X, sel)
	}
	return false
}

// isRemoval reports whether rhs removes elements of the field sel in
// place, append(x.f[:i], x.f[i+1:]...): it shrinks the slice, and grows
// nothing.
func isRemoval(info *types.Info, rhs ast.Expr, sel *ast.SelectorExpr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !astx.IsBuiltin(info, call.Fun, "append") || !call.Ellipsis.IsValid() || len(call.Args) != 2 {
		return false
	}
	se, ok := ast.Unparen(call.Args[1]).(*ast.SliceExpr)
	return ok && sameField(info, se.X, sel)
}

// noteAppend records in u whether rhs, a call that grows the field in
// place, appends only pointers to objects made for it.
func noteAppend(info *types.Info, cur inspector.Cursor, rhs ast.Expr, u *fieldUse) {
	call := ast.Unparen(rhs).(*ast.CallExpr)
	isAppend := astx.IsBuiltin(info, call.Fun, "append")
	if isRemoval(info, rhs, cur.Node().(*ast.SelectorExpr)) {
		return // the elements are those the slice had
	}
	if !isAppend || call.Ellipsis.IsValid() || len(call.Args) < 2 {
		u.otherAppends = true
		return
	}
	fn := astx.InnermostFunc(cur).Node() // an assignment is in a function
	made := false
	for _, arg := range call.Args[1:] {
		if isNil(info, arg) {
			continue // a slot made for an insertion, filled by an element store
		}
		if !madeObject(info, fn, arg) {
			u.otherAppends = true
			return
		}
		made = true
	}
	if made && !u.newObjects.IsValid() {
		u.newObjects = call.Pos()
	}
}

// noteElementStore records in u whether the store x.f[i] = v at cur puts
// an object made for it in the slice (an insertion into a slot appended
// for it), as noteAppend does for appends.
func noteElementStore(info *types.Info, cur inspector.Cursor, u *fieldUse) {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		u.otherAppends = true
		return
	}
	fn := astx.InnermostFunc(cur).Node() // an assignment is in a function
	for i, lhs := range as.Lhs {
		switch {
		case lhs != cur.Node():
		case !madeObject(info, fn, as.Rhs[i]):
			u.otherAppends = true
		case !u.newObjects.IsValid():
			u.newObjects = as.Pos()
		}
	}
}

// madeObject reports whether e is &T{...} or new(T), or a local of fn
// that is only ever assigned one.
func madeObject(info *types.Info, fn ast.Node, e ast.Expr) bool {
	e = ast.Unparen(e)
	if astx.IsNew(info, e) {
		_, lit := e.(*ast.CompositeLit)
		return !lit
	}
	id, ok := e.(*ast.Ident)
	v, isVar := info.Uses[id].(*types.Var)
	if !ok || !isVar || fn == nil || v.Pos() < fn.Pos() || v.Pos() > fn.End() {
		return false
	}
	assigned, made := 0, true
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if l, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(l) == v {
					assigned++
					made = made && len(n.Lhs) == len(n.Rhs) && madeObject(info, nil, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v {
					assigned++
					made = made && len(n.Values) == len(n.Names) && madeObject(info, nil, n.Values[i])
				}
			}
		case *ast.UnaryExpr:
			if l, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[l] == v {
				made = false // its address is taken: anything may be stored through it
			}
		}
		return made
	})
	return made && assigned > 0
}

// extends reports whether high, the bound of a re-slice of the field sel,
// reaches past its length: len(x.f) + n, or cap(x.f).
func extends(info *types.Info, high ast.Expr, sel *ast.SelectorExpr) bool {
	lenOrCap := func(e ast.Expr, name string) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !sameField(info, call.Args[0], sel) {
			return false
		}
		b, ok := info.Uses[astx.RootIdent(call.Fun)].(*types.Builtin)
		return ok && b.Name() == name
	}
	if bin, ok := ast.Unparen(high).(*ast.BinaryExpr); ok && bin.Op == token.ADD {
		return lenOrCap(bin.X, "len") || lenOrCap(bin.Y, "len")
	}
	return lenOrCap(high, "cap")
}

// sameField reports whether e selects the same field as sel.
func sameField(info *types.Info, e ast.Expr, sel *ast.SelectorExpr) bool {
	s, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && info.Selections[s] != nil && info.Selections[s].Obj() == info.Selections[sel].Obj()
}

// foreignValue describes e if it may be memory that the object whose
// field sel is assigned does not own: a parameter (or a piece of one),
// the result of a method (bytes.Buffer.Bytes), or another field. Fresh
// values, and the field itself, are not.
func foreignValue(info *types.Info, params map[*types.Var]bool, e ast.Expr, sel *ast.SelectorExpr) string {
	e = ast.Unparen(e)
	if se, ok := e.(*ast.SliceExpr); ok {
		if sel != nil && sameField(info, se.X, sel) {
			return "" // x.f[i:j] of the field itself
		}
		e = ast.Unparen(se.X)
	}
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && params[v] {
			return "the parameter " + v.Name()
		}
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil && s.Kind() == types.FieldVal && (sel == nil || s.Obj() != info.Selections[sel].Obj()) {
			return types.ExprString(e)
		}
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok && fn.Signature().Recv() != nil {
			return "the result of " + fn.Name()
		}
	}
	return ""
}

// viewOf describes e if it is a view of memory that the object whose
// field sel is assigned does not own: a slice of a variable of the
// function that it did not make itself (a parameter, or a local set to
// something other than a literal or a make), or the result of a function
// given such a slice that returns its type (trim(b[i:j])).
func viewOf(info *types.Info, cur inspector.Cursor, e ast.Expr, sel *ast.SelectorExpr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return callView(info, cur, e, 0, sel)
	case *ast.SelectorExpr:
		// Another slice field of the same object (p.fields given to a
		// scanner that returns a piece of it).
		f := fieldOf(info, e)
		if f != nil && f != fieldOf(info, sel) && isSlice(f.Type()) && sameRoot(info, e, sel) {
			return "field " + f.Name()
		}
	case *ast.SliceExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return ""
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || !isSlice(v.Type()) {
			return ""
		}
		if fn := astx.OutermostFunc(cur); fn != nil {
			if initial := astx.InitialValue(info, fn, v); initial != nil && astx.IsFresh(info, initial) {
				return "" // a buffer the function made: the object owns it
			}
		}
		return "a slice of " + id.Name
	}
	return ""
}

// paramsOf returns the parameters and receivers of the package's
// functions and function literals.
func paramsOf(info *types.Info, insp *inspector.Inspector) map[*types.Var]bool {
	params := make(map[*types.Var]bool)
	add := func(list *ast.FieldList) {
		if list == nil {
			return
		}
		for _, field := range list.List {
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					params[v] = true
				}
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncType)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			add(n.Recv)
		case *ast.FuncType:
			add(n.Params)
		}
	}
	return params
}

// sameRoot reports whether a and b select from one variable (p.fields and
// p.it.valueBuf).
func sameRoot(info *types.Info, a, b ast.Expr) bool {
	ra, rb := astx.RootIdent(a), astx.RootIdent(b)
	return ra != nil && rb != nil && info.Uses[ra] != nil && info.Uses[ra] == info.Uses[rb]
}

// callView says which view of other memory result i of call may be: one
// the call is given, of the result's type (trim(b[i:j]), scan(fields, i)),
// or "".
func callView(info *types.Info, cur inspector.Cursor, call *ast.CallExpr, i int, sel *ast.SelectorExpr) string {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return "" // a conversion, a builtin or a function value
	}
	results := fn.Signature().Results()
	if i >= results.Len() {
		return ""
	}
	for _, arg := range call.Args {
		if types.Identical(info.TypeOf(arg), results.At(i).Type()) {
			if view := viewOf(info, cur, arg, sel); view != "" {
				return "the result of " + fn.Name() + ", given " + view
			}
		}
	}
	return ""
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Nil)
	return ok
}

func isZero(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.String() == "0"
}

// callArgs returns the arguments of a call of fn, the receiver first for a
// method, as fieldstore numbers them, up to the first that does not stand
// for its parameter.
func callArgs(info *types.Info, fn *types.Func, call *ast.CallExpr) []ast.Expr {
	args := call.Args
	if fn.Signature().Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || info.Selections[sel] == nil {
			return nil
		}
		args = append([]ast.Expr{sel.X}, args...)
	}
	return args[:fieldstore.Aligned(fn, call, len(args))]
}

// isUnsafeBuiltin reports whether name is one of package unsafe's
// functions, which go/types reports as builtins without a package.
func isUnsafeBuiltin(name string) bool {
	switch name {
	case "SliceData", "String", "StringData", "Slice", "Pointer", "Add":
		return true
	}
	return false
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// inReset reports whether cur is in a function named like a reset.
func inReset(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return isResetName(anc.Node().(*ast.FuncDecl).Name.Name)
	}
	return false
}

// refills reports whether rhs, assigned to the field sel at cur, is a
// make that does not grow it: a fresh slice or map set whole (x.f =
// make([]T, 0, 6), or sized to what the function is about to append,
// make([]T, 0, len(pods)); x.f = make(map[K]V) before a render fills it)
// outside a reset, where no test of the field's length or
// capacity guards the assignment, as one does a growth. The appends that
// follow grow the new slice, never the capacity a reset kept.
func refills(info *types.Info, cur inspector.Cursor, sel *ast.SelectorExpr, rhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !isSliceOrMap(info.TypeOf(rhs)) {
		return false
	}
	if b, ok := typeutil.Callee(info, call).(*types.Builtin); !ok || b.Name() != "make" {
		return false
	}
	if _, isMap := info.TypeOf(rhs).Underlying().(*types.Map); isMap && (!atTopOfFunc(cur) || ofNewValue(info, cur, sel)) {
		// A map re-made on some path (a stale cache) still serves the
		// others, and one made for a new value (a constructor's) drops
		// nothing a reset kept.
		return false
	}
	return !inReset(cur) && !capacityChecked(info, cur, types.ExprString(sel))
}

// atTopOfFunc reports whether the statement around cur is one of its
// function's body, run on every call.
func atTopOfFunc(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.AssignStmt)(nil)) {
		k, _ := anc.ParentEdge()
		if k != edge.BlockStmt_List {
			return false
		}
		_, isFunc := anc.Parent().Parent().Node().(*ast.FuncDecl)
		return isFunc
	}
	return false
}

// ofNewValue reports whether sel is a field of a value its function makes
// itself and only that (b := &T{}, b = new(T)): growing it grows the new
// value (a batch split off a pooled one and handed on), which no reset of
// a reused value sees again.
func ofNewValue(info *types.Info, cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	id := astx.RootIdent(sel.X)
	if id == nil {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	body := astx.FuncBody(astx.InnermostFunc(cur).Node())
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false // a parameter, a receiver or a variable from outside
	}
	made, other := false, false
	isVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Uses[id] == v || info.Defs[id] == v)
	}
	value := func(e ast.Expr) {
		switch {
		case astx.IsNew(info, e):
			made = true
		case !info.Types[e].IsNil():
			other = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch {
				case !isVar(lhs):
				case len(n.Lhs) == len(n.Rhs):
					value(n.Rhs[i])
				default:
					other = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if isVar(name) && i < len(n.Values) {
					value(n.Values[i])
				}
			}
		case *ast.RangeStmt:
			other = other || n.Key != nil && isVar(n.Key) || n.Value != nil && isVar(n.Value)
		case *ast.UnaryExpr:
			other = other || n.Op == token.AND && isVar(n.X)
		}
		return !other
	})
	return made && !other
}

// isLocal reports whether e names a local variable of its function: not a
// parameter, a receiver or a package variable.
func isLocal(info *types.Info, params map[*types.Var]bool, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && !v.IsField() && !params[v] && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
}

// inStoredFunc reports whether cur is inside a function literal that is
// kept to be called later (IsUserAuthority: func(...) {...}, f := func()
// {...}) or run by a go statement. A literal called where it is, deferred
// or given to a call (sort.Slice, ast.Inspect) runs while its caller
// waits, and so does a goroutine that its starter joins before it
// returns (wg.Wait() after the go statement).
func inStoredFunc(info *types.Info, cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		switch k, _ := lit.ParentEdge(); k {
		case edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.AssignStmt_Rhs, edge.ValueSpec_Values:
			return true
		case edge.CallExpr_Fun:
			if k, _ := lit.Parent().ParentEdge(); k == edge.GoStmt_Call && !joinedAfter(info, lit.Parent().Parent()) {
				return true
			}
		}
	}
	return false
}

// joinedAfter reports whether the function around the go statement at
// cur waits for its goroutines after it: a sync.WaitGroup's or an
// errgroup.Group's Wait in the same body, after the statement.
func joinedAfter(info *types.Info, cur inspector.Cursor) bool {
	goStmt := cur.Node()
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return astx.Any(astx.FuncBody(fn.Node()), func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Pos() < goStmt.End() {
				return false
			}
			m, ok := typeutil.Callee(info, call).(*types.Func)
			if !ok || m.Name() != "Wait" || m.Signature().Recv() == nil {
				return false
			}
			recv := m.Signature().Recv().Type()
			return typesx.IsPointerTo(recv, "sync", "WaitGroup") || typesx.IsPointerTo(recv, "golang.org/x/sync/errgroup", "Group")
		})
	}
	return false
}

// noteViewed records which other field of the object whose field sel is
// assigned rhs reads: the buffer whose memory the field views.
func noteViewed(info *types.Info, rhs ast.Expr, sel *ast.SelectorExpr, u *fieldUse) {
	var owner *types.Var
	ast.Inspect(rhs, func(n ast.Node) bool {
		other, ok := n.(*ast.SelectorExpr)
		if ok && owner == nil && sameRoot(info, other, sel) {
			// A count (x.length) is read beside the buffer: not memory.
			if s := info.Selections[other]; s != nil && s.Kind() == types.FieldVal && s.Obj() != info.Selections[sel].Obj() && !isBasic(s.Obj().Type()) {
				owner = s.Obj().(*types.Var)
			}
		}
		return owner == nil
	})
	switch {
	case owner == nil || u.viewsField != nil && u.viewsField != owner:
		u.viewsOthers = true
	default:
		u.viewsField = owner
	}
}

// isBasic reports whether t is a number, a string or a boolean.
func isBasic(t types.Type) bool {
	_, ok := t.Underlying().(*types.Basic)
	return ok
}
