// Package fieldstore summarises, for the functions of one package, which
// of their parameters they store into fields of another parameter, and
// which fields they set to zero: "func (d *dec) reset(b []byte) { d.buf =
// b }" stores parameter 1 into field buf of parameter 0.
//
// The summary is computed from syntax and types only, for the package being
// analysed, so that it works where analysis facts do not (the language
// server). Calls of the package's own functions are followed: a method
// that passes its parameter on to a setter stores it too.
package fieldstore

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// A Path is a chain of struct field indices, as types.Selection.Index and
// a chain of ssa.FieldAddr give them, from the struct a parameter points to.
// It never crosses a pointer: the fields belong to the parameter's object.
type Path []int

// HasPrefix reports whether p is q or a field inside q.
func (p Path) HasPrefix(q Path) bool {
	return len(q) <= len(p) && slices.Equal(p[:len(q)], q)
}

// Field returns the field at p in t, a struct or a pointer to one, or nil.
func (p Path) Field(t types.Type) *types.Var {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	var f *types.Var
	for _, i := range p {
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		f = st.Field(i)
		t = f.Type()
	}
	return f
}

// Zero is the Source of a store of the zero value.
const Zero = -1

// A Store is an assignment, in a function or a function it calls, to a
// field of the object a parameter points to. Parameters are numbered as in
// a static call's arguments: a method's receiver is 0.
type Store struct {
	Target int       // the parameter whose object is written
	Path   Path      // the field written
	Source int       // the parameter stored, or Zero
	Pos    token.Pos // the assignment, in the function itself or the one it calls
}

// A Summary answers for the functions of one package.
type Summary struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	memo  map[*types.Func][]Store
	busy  map[*types.Func]bool
}

// New returns the summary of the functions declared in files.
func New(info *types.Info, files []*ast.File) *Summary {
	s := &Summary{
		info:  info,
		decls: make(map[*types.Func]*ast.FuncDecl),
		memo:  make(map[*types.Func][]Store),
		busy:  make(map[*types.Func]bool),
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					s.decls[fn] = fd
				}
			}
		}
	}
	return s
}

// Decl returns the declaration of fn, if it is a function of the package.
func (s *Summary) Decl(fn *types.Func) *ast.FuncDecl { return s.decls[fn] }

// Stores returns the stores of fn, a function of the package; none for
// other functions. Recursion is cut short: a function being summarised
// stores nothing where it calls itself.
func (s *Summary) Stores(fn *types.Func) []Store {
	if st, ok := s.memo[fn]; ok {
		return st
	}
	decl := s.decls[fn]
	if decl == nil || s.busy[fn] {
		return nil
	}
	s.busy[fn] = true
	w := walker{s: s, params: params(s.info, decl)}
	ast.Inspect(decl.Body, w.visit)
	delete(s.busy, fn)
	s.memo[fn] = w.stores
	return w.stores
}

// params returns the variables of decl's receiver and parameters, in
// argument order.
func params(info *types.Info, decl *ast.FuncDecl) []*types.Var {
	var vars []*types.Var
	for _, list := range []*ast.FieldList{decl.Recv, decl.Type.Params} {
		if list == nil {
			continue
		}
		for _, field := range list.List {
			if len(field.Names) == 0 {
				vars = append(vars, nil) // unnamed: never stored
			}
			for _, name := range field.Names {
				v, _ := info.Defs[name].(*types.Var)
				vars = append(vars, v)
			}
		}
	}
	return vars
}

type walker struct {
	s      *Summary
	params []*types.Var
	stores []Store
	seen   map[storeKey]bool
}

// storeKey identifies a store regardless of where it happens: a function
// that makes the same store on many paths, or calls the same setter many
// times, records it once, so that summaries do not multiply along call
// chains.
type storeKey struct {
	target, source int
	path           string
}

// add records st unless the function already makes the same store.
func (w *walker) add(st Store) {
	key := storeKey{st.Target, st.Source, fmt.Sprint([]int(st.Path))}
	if w.seen[key] {
		return
	}
	if w.seen == nil {
		w.seen = make(map[storeKey]bool)
	}
	w.seen[key] = true
	w.stores = append(w.stores, st)
}

func (w *walker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncLit:
		return false // runs who knows when
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, lhs := range n.Lhs {
				if target, path, ok := w.fieldOf(lhs); ok {
					w.assign(target, path, n.Rhs[i], n.Pos())
				}
			}
		}
	case *ast.CallExpr:
		w.call(n)
	}
	return true
}

// assign records the store of rhs into field path of parameter target.
func (w *walker) assign(target int, path Path, rhs ast.Expr, pos token.Pos) {
	rhs = ast.Unparen(rhs)
	if src, ok := w.source(rhs); ok {
		w.add(Store{target, path, src, pos})
		return
	}
	lit, ok := rhs.(*ast.CompositeLit)
	if !ok {
		return
	}
	st, ok := w.s.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok || len(lit.Elts) > 0 && !isKeyed(lit) {
		return
	}
	set := make(map[int]ast.Expr)
	for _, e := range lit.Elts {
		kv := e.(*ast.KeyValueExpr)
		if key, ok := kv.Key.(*ast.Ident); ok {
			if i := fieldIndex(st, key.Name); i >= 0 {
				set[i] = kv.Value
			}
		}
	}
	for i := range st.NumFields() {
		sub := append(slices.Clip(path), i)
		if v, ok := set[i]; ok {
			w.assign(target, sub, v, pos)
		} else {
			w.add(Store{target, sub, Zero, pos})
		}
	}
}

// source returns the parameter e names, or a view of whose memory it is
// (b[i:], &b[0], unsafe.SliceData(b), unsafe.Pointer(p)), or Zero for nil.
func (w *walker) source(e ast.Expr) (int, bool) {
	id, ok := w.viewed(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	switch obj := w.s.info.Uses[id].(type) {
	case *types.Nil:
		return Zero, true
	case *types.Var:
		if i := slices.Index(w.params, obj); i >= 0 {
			return i, true
		}
	}
	return 0, false
}

// viewed returns the expression whose memory e points into: x for x[i:j],
// &x[i], unsafe.SliceData(x), unsafe.StringData(x) and unsafe.Pointer(x),
// repeatedly; e itself otherwise.
func (w *walker) viewed(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SliceExpr:
			e = x.X
		case *ast.UnaryExpr:
			ix, ok := ast.Unparen(x.X).(*ast.IndexExpr)
			if x.Op != token.AND || !ok {
				return x
			}
			e = ix.X
		case *ast.CallExpr:
			if len(x.Args) != 1 || !w.isUnsafeView(x) {
				return x
			}
			e = x.Args[0]
		default:
			return x
		}
	}
}

// isUnsafeView reports whether call is unsafe.SliceData, unsafe.StringData
// or a conversion to unsafe.Pointer.
func (w *walker) isUnsafeView(call *ast.CallExpr) bool {
	if tv := w.s.info.Types[call.Fun]; tv.IsType() {
		return types.Identical(tv.Type, types.Typ[types.UnsafePointer])
	}
	b, ok := typeutil.Callee(w.s.info, call).(*types.Builtin)
	return ok && (b.Name() == "SliceData" || b.Name() == "StringData")
}

// call records the stores of a call of a function of the package.
func (w *walker) call(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(w.s.info, call).(*types.Func)
	if !ok || w.s.decls[fn] == nil {
		return
	}
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
		if s := w.s.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			args = append([]ast.Expr{sel.X}, args...)
		}
	}
	aligned := Aligned(fn, call, len(args))
	for _, st := range w.s.Stores(fn) {
		if st.Target >= aligned || st.Source >= aligned {
			continue
		}
		target, prefix, ok := w.fieldOf(args[st.Target])
		if !ok {
			continue
		}
		path := append(slices.Clip(prefix), st.Path...)
		if st.Source == Zero {
			w.add(Store{target, path, Zero, call.Pos()})
		} else if src, ok := w.source(args[st.Source]); ok {
			w.add(Store{target, path, src, call.Pos()})
		}
	}
}

// fieldOf returns the parameter and field that e denotes: p, p.f, p.f.g
// (fields of fields held by value), or &p.f.
func (w *walker) fieldOf(e ast.Expr) (int, Path, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := w.s.info.Uses[e].(*types.Var)
		i := slices.Index(w.params, v)
		return i, nil, ok && i >= 0
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return w.fieldOf(e.X)
		}
	case *ast.SelectorExpr:
		sel := w.s.info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return 0, nil, false
		}
		target, path, ok := w.fieldOf(e.X)
		if !ok || !throughValues(sel, path == nil) {
			return 0, nil, false
		}
		return target, append(slices.Clip(path), sel.Index()...), true
	}
	return 0, nil, false
}

// throughValues reports whether selection s reaches its field without
// following a pointer, other than the parameter itself (atRoot).
func throughValues(s *types.Selection, atRoot bool) bool {
	t := s.Recv()
	ptr, isPtr := t.Underlying().(*types.Pointer)
	if isPtr != atRoot {
		return false // a copy of the parameter, or a field through a pointer
	}
	if isPtr {
		t = ptr.Elem()
	}
	index := s.Index()
	for _, i := range index[:len(index)-1] {
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return false
		}
		t = st.Field(i).Type()
		if _, ok := t.Underlying().(*types.Pointer); ok {
			return false // an embedded pointer
		}
	}
	return true
}

func isKeyed(lit *ast.CompositeLit) bool {
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

func fieldIndex(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// Aligned returns how many of the n arguments of call, a call of fn
// counted as in a Store, stand for the parameter of the same index: all,
// unless the variadic parameter is given its elements one by one.
func Aligned(fn *types.Func, call *ast.CallExpr, n int) int {
	sig := fn.Signature()
	if sig.Variadic() && !call.Ellipsis.IsValid() {
		return min(n, sig.Params().Len()-1+btoi(sig.Recv() != nil))
	}
	return n
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
