package poolreset

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/fieldstore"
	"github.com/memlint/memlint/internal/imports"
	"github.com/memlint/memlint/internal/typesx"
)

// A pin is a reference to the user's memory that an object of a pool
// takes during its use: a field set from a parameter of the function that
// got the object (or of a setter it calls), or the writer or reader given
// to the Reset method of a type of another package (gzip.Writer,
// bufio.Writer). Unless cleared before Put, what it points to stays
// reachable while the object sits in the pool.
type pin struct {
	path  fieldstore.Path // the field; nil for a Reset argument
	obj   types.Type      // the type of the object whose field it is
	field string          // the field as a selector from the object, or the Reset call
	from  string          // what was stored, for messages
	at    ssa.Instruction // where the reference is taken
	reset *ssa.CallCommon // the Reset call, for a Reset argument
	src   ssa.Value       // what is stored or given to Reset
	// partial is set when a setter that takes the pin also hands other
	// values of its caller to fields it does not show (see
	// keepsOtherValues): clearing the pinned fields may release nothing.
	partial bool
	// view is set for a field that a method of the object sets to a view
	// of another pin's memory (see viewPins): the object holds it from
	// one call of its methods to the next.
	view bool
}

// pinsOf returns the pins the Gets of pool take, memoized.
func (a *checker) pinsOf(pool poolKey) []*pin {
	if pins, ok := a.pins[pool]; ok {
		return pins
	}
	var pins []*pin
	for _, g := range a.allGets[pool] {
		if g.getter != nil {
			continue // the Get inside the getter is in allGets too
		}
		for _, p := range a.pinsAt(g.x) {
			if a.pooledArgument(p) {
				continue
			}
			p.partial = a.keepsOtherValues(p)
			if i := slices.IndexFunc(pins, func(q *pin) bool { return q.field == p.field }); i >= 0 {
				pins[i].partial = pins[i].partial || p.partial
			} else {
				pins = append(pins, p)
			}
		}
	}
	pins = append(pins, a.viewPins(pins)...)
	a.pins[pool] = pins
	return pins
}

// viewPins returns the pins of the fields that a method of the pooled
// object's type sets to a view of a pinned field's memory (iter.kmer =
// iter.s.Seq[i:j]): clearing the pinned field alone leaves that memory
// reachable through the view. Only the methods built for the pass (those
// that get or put objects of a pool, and the functions that call those)
// are read.
func (a *checker) viewPins(pins []*pin) []*pin {
	var views []*pin
	for _, fn := range a.funcs {
		if fn.Signature.Recv() == nil || len(fn.Params) == 0 {
			continue
		}
		recv := fn.Params[0]
		a.forEachField(recv, func(v ssa.Value, path fieldstore.Path, instr ssa.Instruction) {
			st, ok := instr.(*ssa.Store)
			if !ok || st.Addr != v || len(path) == 0 {
				return
			}
			viewed := viewedField(st.Val, recv)
			for _, pn := range pins {
				if viewed == nil || pn.path == nil || !viewed.HasPrefix(pn.path) || path.HasPrefix(pn.path) || !sameObject(pn, recv.Type()) {
					continue
				}
				sel, ft := selectorOf(recv.Type(), path, a.pass.Pkg)
				if sel != "" && holdsReference(ft) && !slices.ContainsFunc(append(slices.Clip(pins), views...), func(q *pin) bool { return q.field == sel }) {
					views = append(views, &pin{path: path, obj: pn.obj, field: sel, from: "a view of its " + pn.field, at: st, src: unwrapValue(st.Val), view: true})
				}
			}
		})
	}
	return views
}

// sameObject reports whether pn is a field of objects of type t.
func sameObject(pn *pin, t types.Type) bool {
	return pn.obj != nil && types.Identical(pn.obj, t)
}

// viewedField returns the path of the field of recv whose memory v views,
// through slices, elements and loads (recv.s.Seq[i:j] views field s), or
// nil.
func viewedField(v ssa.Value, recv ssa.Value) fieldstore.Path {
	for {
		switch w := unwrapValue(v).(type) {
		case *ssa.UnOp:
			if w.Op != token.MUL {
				return nil
			}
			v = w.X
		case *ssa.FieldAddr:
			if w.X == recv {
				return fieldstore.Path{w.Field}
			}
			v = w.X
		case *ssa.Field:
			v = w.X
		default:
			return nil
		}
	}
}

// pooledArgument reports whether pn pins a parameter of a getter helper
// that every caller gives an object got from a pool: that object is kept
// by its own pool anyway, so pinning it costs nothing.
func (a *checker) pooledArgument(pn *pin) bool {
	param, ok := pn.src.(*ssa.Parameter)
	if !ok {
		return false
	}
	fn := param.Parent()
	i := slices.Index(fn.Params, param)
	calls := 0
	for _, gets := range a.allGets {
		for _, g := range gets {
			call, ok := g.x.(*ssa.Call)
			if !ok || g.getter != fn || i >= len(call.Call.Args) {
				continue
			}
			if a.getOf[unwrapValue(call.Call.Args[i])] == nil {
				return false
			}
			calls++
		}
	}
	return calls > 0
}

// pinsAt returns the pins that x, an object got from a pool, takes in its
// function.
func (a *checker) pinsAt(x ssa.Value) []*pin {
	var pins []*pin
	fn := x.Parent()
	a.forEachField(x, func(v ssa.Value, path fieldstore.Path, instr ssa.Instruction) {
		switch instr := instr.(type) {
		case *ssa.Store:
			if instr.Addr == v && len(path) > 0 {
				if src := callerValue(fn, instr.Val); src != "" {
					pins = a.addFieldPin(pins, x.Type(), path, src, instr, unwrapValue(instr.Val))
				} else if src := madeFrom(fn, instr.Val); src != "" {
					pins = a.addFieldPin(pins, x.Type(), path, src, instr, instr.Val)
				}
			}
		case ssa.CallInstruction:
			c := instr.Common()
			if st := a.storesOf(c); st != nil {
				for _, s := range st {
					if s.Source != fieldstore.Zero && c.Args[s.Target] == v {
						if src := callerValue(fn, c.Args[s.Source]); src != "" {
							pins = a.addFieldPin(pins, x.Type(), append(slices.Clip(path), s.Path...), src, instr, unwrapValue(c.Args[s.Source]))
						}
					}
				}
			} else if p := a.resetPin(c, v, path, instr); p != nil {
				pins = append(pins, p)
			}
		}
	})
	return pins
}

// addFieldPin adds the pin of the field at path of objects of type t, if
// the field can hold a reference.
func (a *checker) addFieldPin(pins []*pin, t types.Type, path fieldstore.Path, src string, at ssa.Instruction, v ssa.Value) []*pin {
	sel, ft := selectorOf(t, path, a.pass.Pkg)
	if sel == "" || !holdsReference(ft) {
		return pins
	}
	return append(pins, &pin{path: path, obj: t, field: sel, from: src, at: at, src: v})
}

// resetPin returns the pin that c takes if it calls the Reset method of a
// type of another package on x (v itself, not a field) with a writer or
// reader the caller owns: a parameter or a local variable.
func (a *checker) resetPin(c *ssa.CallCommon, v ssa.Value, path fieldstore.Path, at ssa.Instruction) *pin {
	callee := c.StaticCallee()
	if len(path) > 0 || callee == nil || callee.Name() != "Reset" || callee.Signature.Recv() == nil ||
		len(c.Args) != 2 || c.Args[0] != v || callee.Pkg == nil || callee.Pkg.Pkg == a.pass.Pkg {
		return nil
	}
	if !types.IsInterface(c.Args[1].Type()) || heldValue(c.Args[1]) == "" {
		return nil
	}
	return &pin{field: "Reset", from: heldValue(c.Args[1]), at: at, reset: c, src: unwrapValue(c.Args[1])}
}

// heldValue returns how to name v if it is memory of the function or its
// caller that a Reset argument could pin: a parameter, or a local
// variable (which the function allocated).
func heldValue(v ssa.Value) string {
	switch v := unwrapValue(v).(type) {
	case *ssa.Parameter:
		return v.Name()
	case *ssa.FreeVar:
		return v.Name()
	case *ssa.Alloc:
		if v.Heap && v.Comment == "complit" {
			return "&" + typeName(v.Type()) + "{...}"
		}
		if v.Heap && v.Comment == "new" {
			return "new(" + types.TypeString(v.Type().(*types.Pointer).Elem(), (*types.Package).Name) + ")"
		}
		if v.Heap && v.Comment != "" {
			return "&" + v.Comment
		}
	}
	return ""
}

// typeName returns the unqualified name of the type t points to, or of t
// itself.
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		if named, ok := types.Unalias(p.Elem()).(*types.Named); ok {
			return named.Obj().Name()
		}
	}
	return types.TypeString(t, func(*types.Package) string { return "" })
}

// callerValue returns the name of the parameter of fn (not its receiver,
// which usually owns the object) that v is, or a slice or conversion of.
func callerValue(fn *ssa.Function, v ssa.Value) string {
	v = unwrapValue(v)
	switch p := v.(type) {
	case *ssa.Parameter:
		if fn.Signature.Recv() != nil && len(fn.Params) > 0 && p == fn.Params[0] {
			return ""
		}
		return p.Name()
	case *ssa.FreeVar:
		return p.Name()
	}
	return ""
}

// madeFrom describes v if it is an object (a pointer or an interface)
// that a call made from the caller's memory (hasher = nthash.NewHasher(
// &seq, k) with seq = s.Seq; r = bufio.NewReader(src)), or returns "": a
// constructor keeps what it is given, so the field holds that memory too.
func madeFrom(fn *ssa.Function, v ssa.Value) string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v.Type().Underlying().(type) {
	case *types.Pointer, *types.Interface:
		if typesx.IsErrorType(v.Type()) {
			return ""
		}
	default:
		return ""
	}
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok || call.Call.StaticCallee() == nil {
		return ""
	}
	for _, arg := range call.Call.Args {
		if mem := callerMemory(fn, arg); mem != "" && holdsReference(arg.Type()) {
			return calleeName(fn, call.Call.StaticCallee()) + ", given " + mem
		}
	}
	return ""
}

// callerMemory names the memory of fn's caller that v is or views: a
// parameter, a field of one read from its object (s.Seq), or a local
// variable's address when the variable is set to one of those (&seq).
func callerMemory(fn *ssa.Function, v ssa.Value) string {
	if name := callerValue(fn, v); name != "" {
		return name
	}
	switch w := unwrapValue(v).(type) {
	case *ssa.UnOp:
		if fa, ok := w.X.(*ssa.FieldAddr); ok && w.Op == token.MUL {
			if name := callerValue(fn, fa.X); name != "" {
				return name + "." + fieldName(fa)
			}
		}
	case *ssa.Alloc:
		for _, ref := range referrers(w) {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == w {
				if _, nested := unwrapValue(st.Val).(*ssa.Alloc); !nested {
					if name := callerMemory(fn, st.Val); name != "" {
						return name
					}
				}
			}
		}
	}
	return ""
}

// calleeName returns callee's name as fn's package writes it: qualified
// by its package's name when it is another's (nthash.NewHasher).
func calleeName(fn, callee *ssa.Function) string {
	if callee.Pkg != nil && fn.Pkg != nil && callee.Pkg != fn.Pkg && callee.Signature.Recv() == nil {
		return callee.Pkg.Pkg.Name() + "." + callee.Name()
	}
	return callee.Name()
}

// fieldName returns the name of the field fa addresses.
func fieldName(fa *ssa.FieldAddr) string {
	st := typesx.StructOf(fa.X.Type())
	if st == nil || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// unwrapValue returns the value whose memory v is, or views: what a slice,
// an interface, &x[i], unsafe.SliceData(x) or unsafe.Pointer(x) was made
// from.
func unwrapValue(v ssa.Value) ssa.Value {
	for {
		switch w := v.(type) {
		case *ssa.MakeInterface:
			v = w.X
		case *ssa.ChangeInterface:
			v = w.X
		case *ssa.ChangeType:
			v = w.X
		case *ssa.Slice:
			v = w.X
		case *ssa.IndexAddr:
			v = w.X
		case *ssa.Convert:
			if !types.Identical(w.Type(), types.Typ[types.UnsafePointer]) {
				return v
			}
			v = w.X
		case *ssa.Call:
			b, ok := w.Call.Value.(*ssa.Builtin)
			if !ok || b.Name() != "SliceData" && b.Name() != "StringData" {
				return v
			}
			v = w.Call.Args[0]
		default:
			return v
		}
	}
}

// storesOf returns the field stores of the function c calls, if it is a
// function of the package; nil otherwise.
func (a *checker) storesOf(c *ssa.CallCommon) []fieldstore.Store {
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() != a.pass.Pkg || a.fields.Decl(obj) == nil {
		return nil
	}
	return a.fields.Stores(obj)
}

// forEachField calls f for every instruction that uses x, or a field of x
// held by value, with the field's path.
func (a *checker) forEachField(x ssa.Value, f func(v ssa.Value, path fieldstore.Path, instr ssa.Instruction)) {
	var walk func(v ssa.Value, path fieldstore.Path)
	walk = func(v ssa.Value, path fieldstore.Path) {
		for _, ref := range referrers(v) {
			if fa, ok := ref.(*ssa.FieldAddr); ok && fa.X == v {
				walk(fa, append(slices.Clip(path), fa.Field))
				continue
			}
			f(v, path, ref)
		}
	}
	walk(x, nil)
}

// assertedPointer returns the pointer that ref, a type assertion of the
// interface v to a pointer type (xc, ok := c.(*XORChunk)), gives: the
// same object as v holds, so what is set through it is set in v's object.
func assertedPointer(v ssa.Value, ref ssa.Instruction) ssa.Value {
	ta, ok := ref.(*ssa.TypeAssert)
	if !ok || ta.X != v {
		return nil
	}
	if _, isPtr := ta.AssertedType.Underlying().(*types.Pointer); !isPtr {
		return nil
	}
	if !ta.CommaOk {
		return ta
	}
	for _, r := range referrers(ta) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
			return ex
		}
	}
	return nil
}

// holdsReference reports whether a field of type t can point to memory
// of any size: a pointer (unsafe.Pointer too), slice, map, channel,
// function or interface.
func holdsReference(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// selectorOf returns the shortest selector, promoted fields included, of
// the field at path in objects of type t (a pointer to a struct), and the
// field's type.
func selectorOf(t types.Type, path fieldstore.Path, pkg *types.Package) (string, types.Type) {
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return "", nil
	}
	t = ptr.Elem()
	var names []string
	for len(path) > 0 {
		// The longest prefix of path that one name selects.
		k := len(path)
		for ; k > 0; k-- {
			f := path[:k].Field(t)
			if f == nil {
				return "", nil
			}
			obj, index, _ := types.LookupFieldOrMethod(t, true, pkg, f.Name())
			if obj == f && slices.Equal(index, path[:k]) {
				break
			}
		}
		if k == 0 {
			return "", nil
		}
		f := path[:k].Field(t)
		names = append(names, f.Name())
		t, path = f.Type(), path[k:]
	}
	return strings.Join(names, "."), t
}

// checkPinned reports a Put of an object that still holds pins taken by a
// Get of its pool: the memory they point to stays reachable while the
// object sits in the pool. low says why the finding is low tier, or is ""
// (see lowPins).
func (a *checker) checkPinned(p *putSite) (d *analysis.Diagnostic, low string) {
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil {
		return nil, ""
	}
	var held []*pin
	for _, pn := range a.pinsOf(p.pool) {
		if a.stillHeld(p, pn) {
			held = append(held, pn)
		}
	}
	if len(held) == 0 || slices.ContainsFunc(held, func(pn *pin) bool { return pn.partial }) {
		return nil, ""
	}
	name := exprString(call.Args[0])
	// Put through an interface, the object's fields are not the
	// variable's: they cannot be named, nor set, without a type assertion.
	iface := types.IsInterface(a.pass.TypesInfo.TypeOf(call.Args[0]))
	var what, fixes, reused []string
	for _, pn := range held {
		switch {
		case pn.reset != nil:
			what = append(what, fmt.Sprintf("the %s given to %s.Reset", pn.from, name))
			fixes = append(fixes, releaseReset(pn.reset, name))
		case !iface && a.getResets(p.pool, pn.path) != nil:
			// Set to nil, the field would make every Get make it anew.
			what = append(what, fmt.Sprintf("%s.%s (set from %s; a Get reuses it through its Reset)", name, pn.field, pn.from))
			fixes = append(fixes, releaseReset(a.getResets(p.pool, pn.path), name+"."+pn.field))
			reused = append(reused, name+"."+pn.field)
		case iface:
			what = append(what, fmt.Sprintf("the %s field of the object in %s (set from %s)", pn.field, name, pn.from))
			fixes = append(fixes, "set its "+pn.field+" field to nil")
		default:
			what = append(what, fmt.Sprintf("%s.%s (set from %s)", name, pn.field, pn.from))
			fixes = append(fixes, name+"."+pn.field+" = nil")
		}
	}
	low = lowPins(held, fixes)
	d = &analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s is put back into %s still referencing its last user's memory through %s: it stays reachable, whatever its size, while %s sits in the pool; %s before Put",
			name, poolName(call), strings.Join(what, ", "), name, strings.Join(nonEmpty(fixes, "reset it to a source that holds nothing, if it accepts one,"), "; ")),
	}
	why := a.whyNoReleaseFix(p, held, fixes)
	if why == "" && len(reused) > 0 {
		// The Get copes with a nil field; a Reset of one would panic.
		why = strings.Join(reused, ", ") + " may be nil at the Put (a Get makes it when nil), and a Reset of nil panics: guard it with a nil check"
	}
	if iface && why == "" {
		why = name + " is an interface (" + types.TypeString(a.pass.TypesInfo.TypeOf(call.Args[0]), types.RelativeTo(a.pass.Pkg)) + "), whose fields cannot be set without asserting its type"
	}
	if why != "" {
		d.Message += " (no automatic fix: " + why + ")"
		return d, low
	}
	var edits []analysis.TextEdit
	if _, deferred := p.call.(*ssa.Defer); deferred {
		d.Message = strings.Replace(d.Message, "before Put", "in the deferred call, before Put", 1)
		fix := a.resetInDefer(call, p.call.Parent().Syntax(), fixes, "Drop the references before putting "+name+" back")
		if fix == nil {
			d.Message += " (no automatic fix: a variable of the deferred call is assigned after it, or it is not a plain defer statement)"
			return d, low
		}
		edits = fix[0].TextEdits
	} else {
		fix := a.insertBefore(call, fixes, "Drop the references before putting "+name+" back")
		if fix == nil {
			d.Message += " (no automatic fix: the Put is not a statement of its own putting back a variable)"
			return d, low
		}
		edits = fix[0].TextEdits
	}
	if slices.ContainsFunc(fixes, func(s string) bool { return strings.Contains(s, "io.Discard") }) {
		file := astx.FileOf(a.pass, call.Pos())
		ioName, needImport, why := imports.Name(a.pass, file, call.Pos(), "io")
		if why != "" || ioName != "io" {
			d.Message += " (no automatic fix: io is not available as io here)"
			return d, low
		}
		if needImport {
			edits = append(edits, imports.Add(a.pass.Fset, file, "io"))
		}
	}
	d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Drop the references before putting " + name + " back", TextEdits: edits}}
	return d, low
}

// lowPins says why dropping the pins held is worth little, or returns "":
// no reader is known to be harmless to reset to, or what a compressor
// holds is the writer its getter's caller gave (a file, a connection, a
// response: the package does not show it is large), while each reset
// re-initializes the compressor's tables.
func lowPins(held []*pin, fixes []string) string {
	if slices.Contains(fixes, "") {
		return "no reader known to be harmless to reset it to"
	}
	for _, pn := range held {
		if param, ok := pn.src.(*ssa.Parameter); ok && pn.reset != nil && isCompressor(pn.reset.Args[0].Type()) {
			return "what it holds is what callers of " + param.Parent().Name() + " pass, and each reset re-initializes the compressor"
		}
	}
	if !slices.ContainsFunc(held, func(pn *pin) bool { return !isConnection(pn.src) }) {
		return "what it keeps is a connection, which its owner keeps open anyway or has closed: the connection's own memory, not a user's data"
	}
	return ""
}

// isConnection reports whether v, seen through an interface conversion, is
// a network connection: a value with net.Conn's methods (a *net.TCPConn,
// a *tls.Conn, a net.Conn).
func isConnection(v ssa.Value) bool {
	v = unwrapAny(v)
	if v == nil {
		return false
	}
	for _, name := range []string{"Read", "Write", "Close", "LocalAddr", "RemoteAddr", "SetDeadline"} {
		obj, _, _ := types.LookupFieldOrMethod(v.Type(), true, nil, name)
		if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	return true
}

func nonEmpty(ss []string, alt string) []string {
	if slices.Contains(ss, "") {
		return []string{alt}
	}
	return ss
}

// keepsOtherValues reports whether the setter whose call took pn (a
// method, d.Reset(r, w)) also hands another of its parameters to a call
// on a field of its receiver (c.response.reset(w)): the object may keep
// that value through memory the field stores do not follow, and what it
// holds may reach the pinned value too (a ResponseWriter holds its
// request), so clearing the pinned fields alone may release nothing.
func (a *checker) keepsOtherValues(pn *pin) bool {
	call, ok := pn.at.(ssa.CallInstruction)
	if !ok {
		return false
	}
	callee := call.Common().StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return false
	}
	decl := a.fields.Decl(obj) // the SSA functions of calls not followed have no body
	if decl == nil || decl.Body == nil || decl.Recv == nil || len(decl.Recv.List[0].Names) != 1 {
		return false
	}
	info := a.pass.TypesInfo
	recv := info.Defs[decl.Recv.List[0].Names[0]]
	params := make(map[types.Object]bool)
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			params[info.Defs[name]] = true
		}
	}
	return astx.Any(decl.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		fun, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		field, ok := ast.Unparen(fun.X).(*ast.SelectorExpr)
		if !ok || info.Selections[field] == nil || info.Selections[field].Kind() != types.FieldVal {
			return false
		}
		if root := astx.RootIdent(field); root == nil || info.Uses[root] != recv {
			return false
		}
		return slices.ContainsFunc(c.Args, func(arg ast.Expr) bool {
			id, ok := ast.Unparen(arg).(*ast.Ident)
			return ok && params[info.Uses[id]]
		})
	})
}

// whyNoReleaseFix says why the fixes that drop the pins cannot be applied
// blind, or "" if they can.
func (a *checker) whyNoReleaseFix(p *putSite, held []*pin, fixes []string) string {
	if slices.Contains(fixes, "") {
		return "its Reset method takes a reader, and memlint knows none it accepts harmlessly"
	}
	if a.usedAfterPut(p) {
		return "it is used after the Put"
	}
	for _, pn := range held {
		if pn.reset == nil && !a.everyGetSets(p.pool, pn.path) && !a.newLeavesZero(p.pool, p.x.Type(), pn.path) {
			return "a Get of the pool may read " + pn.field + " before setting it"
		}
		if _, param := pn.src.(*ssa.Parameter); param && pn.reset != nil && isCompressor(pn.reset.Args[0].Type()) {
			return pn.from + " is the caller's, whose size the package does not show, and a Reset re-initializes the compressor's tables, as the next Get's Reset does again: worth it only when what it holds is large"
		}
	}
	return ""
}

// compressorWords name the packages of compressors, whose Reset clears
// tables of hundreds of kilobytes (compress/flate, klauspost's zstd).
var compressorWords = []string{"flate", "gzip", "zlib", "zstd", "brotli", "lz4", "snappy", "s2", "lzw", "bzip2", "xz"}

// isCompressor reports whether t, or what it points to, is a type of a
// compressor's package.
func isCompressor(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	return slices.ContainsFunc(strings.Split(named.Obj().Pkg().Path(), "/"), func(elem string) bool {
		return slices.Contains(compressorWords, elem)
	})
}

// releaseReset returns the call that resets x (name), given to reset,
// to a harmless writer: io.Discard for an io.Writer, nil for bufio's types,
// or "" if there is none.
func releaseReset(reset *ssa.CallCommon, name string) string {
	param := reset.Signature().Params().At(0).Type()
	if isBufio(reset.Args[0].Type()) {
		return name + ".Reset(nil)"
	}
	if named, ok := types.Unalias(param).(*types.Named); ok && named.Obj().Pkg() != nil &&
		named.Obj().Pkg().Path() == "io" && named.Obj().Name() == "Writer" {
		return name + ".Reset(io.Discard)"
	}
	return ""
}

// getResets returns the Reset call through which a Get of pool reuses
// what the field at path holds (d.br.Reset(r) when d.br is set), or nil.
func (a *checker) getResets(pool poolKey, path fieldstore.Path) *ssa.CallCommon {
	for _, g := range a.allGets[pool] {
		if g.getter != nil {
			continue
		}
		var reset *ssa.CallCommon
		a.forEachField(g.x, func(v ssa.Value, at fieldstore.Path, instr ssa.Instruction) {
			load, ok := instr.(*ssa.UnOp)
			if !ok || load.Op != token.MUL || !slices.Equal(at, path) {
				return
			}
			for _, ref := range referrers(load) {
				if call, ok := ref.(ssa.CallInstruction); ok && isResetOf(call.Common(), load) {
					reset = call.Common()
				}
			}
		})
		if reset != nil {
			return reset
		}
	}
	return nil
}

// isResetOf reports whether call is x.Reset(v), a static call of a
// method of one parameter.
func isResetOf(call *ssa.CallCommon, x ssa.Value) bool {
	fn := call.StaticCallee()
	return fn != nil && fn.Name() == "Reset" && fn.Signature.Recv() != nil &&
		fn.Signature.Params().Len() == 1 && len(call.Args) == 2 && call.Args[0] == x
}

// everyGetSets reports whether every Get of pool sets the field at path
// (to anything) in its function, so that clearing it cannot change what a
// later use reads.
func (a *checker) everyGetSets(pool poolKey, path fieldstore.Path) bool {
	for _, g := range a.allGets[pool] {
		if g.getter != nil {
			continue
		}
		sets := false
		a.forEachField(g.x, func(v ssa.Value, at fieldstore.Path, instr ssa.Instruction) {
			switch instr := instr.(type) {
			case *ssa.Store:
				sets = sets || instr.Addr == v && path.HasPrefix(at) && len(at) > 0
			case ssa.CallInstruction:
				for _, s := range a.storesOf(instr.Common()) {
					sets = sets || instr.Common().Args[s.Target] == v && path.HasPrefix(append(slices.Clip(at), s.Path...))
				}
			}
		})
		if !sets {
			return false
		}
	}
	return true
}

// stillHeld reports whether the object put back at p can still hold pn:
// on some path from where pn is taken (or from where the object enters
// p's function) to the Put, nothing drops it.
func (a *checker) stillHeld(p *putSite, pn *pin) bool {
	fn := p.call.Parent()
	drops := a.drops(p.x, pn)
	if pn.reset == nil {
		// A reset of another package, or of an interface, may clear the
		// field: count it.
		for r := range a.resets(p.x) {
			if call, ok := r.(ssa.CallInstruction); ok && a.storesOf(call.Common()) == nil {
				drops[r] = true
			}
		}
	}
	// Where the object starts holding pn in this function: where pn is
	// taken, or the call of the getter that takes it, or the entry of a
	// putter helper. Other Gets were given nothing.
	var from ssa.Instruction
	switch g := a.getOf[p.x]; {
	case pn.view:
		if !isParam(p.x) {
			return false // set by a method, after this function got the object
		}
	case pn.at.Parent() == fn:
		from = pn.at
	case isParam(p.x):
	case g != nil && g.getter == pn.at.Parent():
		from = p.x.(ssa.Instruction)
	default:
		return false
	}
	if _, deferred := p.call.(*ssa.Defer); deferred {
		return reaches(fn, from, nil, drops)
	}
	return reaches(fn, from, p.call, drops)
}

// drops returns the instructions of x's function that drop pin pn of x: a
// store of the zero value into the field or a struct holding it, a setter
// of the package given nil for it, or, for a Reset argument, a Reset with
// a value the function does not own (nil, io.Discard).
func (a *checker) drops(x ssa.Value, pn *pin) map[ssa.Instruction]bool {
	ops := make(map[ssa.Instruction]bool)
	for _, obj := range withAliases(x) {
		a.dropsThrough(obj, pn, ops)
	}
	return ops
}

// withAliases returns x and the pointers that type assertions of x give
// (xc, ok := c.(*XORChunk), for an interface c put back): the same
// object, so what is cleared through them is cleared in x's.
func withAliases(x ssa.Value) []ssa.Value {
	values := []ssa.Value{x}
	for _, ref := range referrers(x) {
		if alias := assertedPointer(x, ref); alias != nil {
			values = append(values, alias)
		}
	}
	return values
}

// dropsThrough adds to ops the instructions that drop pin pn through x.
func (a *checker) dropsThrough(x ssa.Value, pn *pin, ops map[ssa.Instruction]bool) {
	a.forEachField(x, func(v ssa.Value, at fieldstore.Path, instr ssa.Instruction) {
		switch instr := instr.(type) {
		case *ssa.Store:
			if pn.reset == nil && instr.Addr == v && pn.path.HasPrefix(at) && a.isZeroValue(instr.Val) {
				ops[instr] = true
			}
		case ssa.CallInstruction:
			c := instr.Common()
			if pn.reset != nil {
				if len(at) == 0 && len(c.Args) == 2 && c.Args[0] == v && c.StaticCallee() != nil &&
					c.StaticCallee().Name() == "Reset" && heldValue(c.Args[1]) == "" {
					ops[instr] = true
				}
				return
			}
			for _, s := range a.storesOf(c) {
				if c.Args[s.Target] == v && pn.path.HasPrefix(append(slices.Clip(at), s.Path...)) &&
					(s.Source == fieldstore.Zero || a.isZeroValue(c.Args[s.Source])) {
					ops[instr] = true
				}
			}
		}
	})
}

// isZeroValue reports whether v is a constant zero value, nil included,
// or a package variable that holds one.
func (a *checker) isZeroValue(v ssa.Value) bool {
	c, ok := unwrapValue(v).(*ssa.Const)
	return ok && (c.Value == nil || isConstZero(c)) || a.loadsZero(unwrapValue(v))
}

// loadsZero reports whether v is the value of a package variable that
// holds its type's zero value (*x = emptyResponse, see [tables.Zeros]).
func (a *checker) loadsZero(v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok {
		return false
	}
	obj, ok := g.Object().(*types.Var)
	return ok && a.zeros[obj]
}

// checkElementsHeld reports a Put of a slice (or a pointer to one) whose
// elements hold references and are set, not cleared before the Put:
// emptying it to [:0] does not clear them, and what they point to stays
// reachable while the slice sits in the pool. Put(b[:0]) is a Put of b.
func (a *checker) checkElementsHeld(p *putSite) *analysis.Diagnostic {
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil {
		return nil
	}
	x, arg := p.x, call.Args[0]
	if s, ok := p.x.(*ssa.Slice); ok && isSlice(s.X.Type()) {
		se, ok := ast.Unparen(arg).(*ast.SliceExpr)
		if !ok {
			return nil
		}
		x, arg = s.X, se.X
	}
	if !elementsHoldReferences(x.Type()) || !a.elementsSet(x, x != p.x) || a.reusesElements(x.Type()) {
		return nil
	}
	if x == p.x && !emptiedInPlace(x) && a.lengthUsed(p.pool) {
		// Put back whole, and used at its length by the next Get: the
		// elements are what the pool recycles (a set of workers New
		// made), not what a user left behind.
		return nil
	}
	fn := p.call.Parent()
	drops := a.elementClears(x)
	var from ssa.Instruction
	if def, ok := x.(ssa.Instruction); ok {
		from = def
	}
	reached := reaches(fn, from, p.call, drops)
	if _, deferred := p.call.(*ssa.Defer); deferred {
		reached = reaches(fn, from, nil, drops)
	}
	if !reached {
		return nil
	}
	name := exprString(arg)
	whole := name + "[:cap(" + name + ")]"
	if _, isPtr := x.Type().Underlying().(*types.Pointer); isPtr {
		whole = "(*" + name + ")[:cap(*" + name + ")]"
	}
	d := &analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s is put back into %s with its elements still set: what they point to stays reachable while it sits in the pool (emptying it to [:0] does not clear them); call clear(%s) before Put",
			name, poolName(call), whole),
	}
	noClear := astx.MissingBuiltin(a.pass, "clear", call.Pos())
	switch {
	case a.usedAfterPut(p):
		d.Message += " (no automatic fix: it is used after the Put)"
	case a.lengthUsed(p.pool) && !emptiedInPlace(x):
		d.Message += " (no automatic fix: another Get of the pool uses the slice at its length, which clearing would change)"
	case !a.plainVariable(arg):
		d.Message += " (no automatic fix: the Put is not a statement of its own putting back a variable)"
	case noClear != "":
		d.Message += " (no automatic fix: " + noClear + "; zero the elements in a loop)"
	default:
		if _, deferred := p.call.(*ssa.Defer); deferred {
			d.SuggestedFixes = a.resetInDefer(call, fn.Syntax(), []string{"clear(" + whole + ")"}, "Clear "+name+" before putting it back")
		} else {
			d.SuggestedFixes = a.insertBeforeNaming(call, arg, []string{"clear(" + whole + ")"}, "Clear "+name+" before putting it back")
		}
		if d.SuggestedFixes == nil {
			d.Message += " (no automatic fix: the Put is not a statement of its own putting back a variable)"
		}
	}
	return d
}

// reusesElements reports whether the package extends a slice of type t
// (or that a pointer t points to) by a sum, s[:n+1] (into its capacity):
// it reuses the elements a previous user left there (a
// histogram object to decode into), and clearing them would defeat that.
func (a *checker) reusesElements(t types.Type) bool {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	info := a.pass.TypesInfo
	found := false
	for _, f := range a.c.files {
		ast.Inspect(f, func(n ast.Node) bool {
			se, ok := n.(*ast.SliceExpr)
			if !ok || found || se.High == nil || !types.Identical(info.TypeOf(se.X), t) {
				return !found
			}
			h, ok := ast.Unparen(se.High).(*ast.BinaryExpr)
			found = ok && h.Op == token.ADD
			return !found
		})
	}
	return found
}

// elementsSet reports whether the slice x, put back (truncated, if
// truncated), has elements set by its last user: it is a parameter (the
// caller filled it), it was appended to, or, if it did not come from a
// Get of this function, it is put back truncated (it had elements to
// drop) or its elements are read. A slice got and put back unused adds
// nothing the pool did not already hold.
func (a *checker) elementsSet(x ssa.Value, truncated bool) bool {
	if isParam(x) || filled(x) {
		return true
	}
	if a.getOf[x] != nil || isFresh(x) {
		return false
	}
	return truncated || elementsRead(x)
}

// elementsRead reports whether the function of x, a slice, reads one of
// its elements (ranging over it, or indexing it).
func elementsRead(x ssa.Value) bool {
	if _, ok := x.Type().Underlying().(*types.Slice); !ok {
		return false
	}
	for _, ref := range referrers(x) {
		if ia, ok := ref.(*ssa.IndexAddr); ok && onlyRead(ia) {
			return true
		}
	}
	return false
}

// onlyRead reports whether the element or field at addr is only loaded,
// never written or handed on (which may write it).
func onlyRead(addr ssa.Value) bool {
	for _, ref := range referrers(addr) {
		switch r := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.FieldAddr:
			if !onlyRead(r) {
				return false
			}
		case *ssa.IndexAddr:
			if !onlyRead(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// elementsHoldReferences reports whether t is a slice, or a pointer to
// one, whose elements point to memory: pointers, interfaces, strings,
// slices, maps, or structs and arrays that hold one of those.
func elementsHoldReferences(t types.Type) bool {
	elem := pooledElem(t)
	return elem != nil && holdsReferenceDeep(elem, 0)
}

// pooledElem returns the type of the elements of a slice type, or of the
// slice a pointer type points to (a pooled *[]T), or nil.
func pooledElem(t types.Type) types.Type {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		return s.Elem()
	}
	return nil
}

// holdsReferenceDeep reports whether a value of type t points to memory:
// it is, or has a field or element that is, a reference or a string.
func holdsReferenceDeep(t types.Type, depth int) bool {
	if holdsReference(t) || typesx.IsString(t) {
		return true
	}
	if depth > 8 {
		return true // deeply nested: assume it does
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := range u.NumFields() {
			if holdsReferenceDeep(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	case *types.Array:
		return u.Len() > 0 && holdsReferenceDeep(u.Elem(), depth+1)
	}
	return false
}

// filled reports whether x was appended to in its function: it is the
// result of append, or a pointer to a slice that is assigned one.
func filled(x ssa.Value) bool {
	if _, ok := x.Type().Underlying().(*types.Pointer); ok {
		return appendedTo(x)
	}
	return isAppend(x, func(ssa.Value) bool { return false }, 0)
}

// elementClears returns the instructions of x's function that clear its
// elements, or may: clear of x or of a slice of it, a store into one of
// its elements, nil stored through x when it points to the slice, and
// the calls that may reset it. If some element is
// written, so is every len(x): "for i := range x { x[i] = nil }" skips
// its body only when x is empty, which leaves nothing to clear.
func (a *checker) elementClears(x ssa.Value) map[ssa.Instruction]bool {
	ops := make(map[ssa.Instruction]bool)
	for r := range a.resets(x) {
		if _, ok := r.(ssa.CallInstruction); ok {
			ops[r] = true
		}
	}
	var lens []ssa.Instruction
	written := false
	seen := map[ssa.Value]bool{x: true}
	work := []ssa.Value{x}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, ref := range referrers(v) {
			switch r := ref.(type) {
			case *ssa.UnOp, *ssa.Slice:
				if w := r.(ssa.Value); !seen[w] {
					seen[w] = true
					work = append(work, w)
				}
			case *ssa.IndexAddr:
				// Elements written one by one, or handed on: a loop
				// that may clear. Reading them (ranging over the
				// slice) clears nothing.
				if !onlyRead(r) {
					ops[r] = true
					written = true
				}
			case *ssa.Store:
				// *p = nil drops the array, and what its elements point to.
				if r.Addr == v && a.isZeroValue(r.Val) {
					ops[r] = true
				}
			case ssa.CallInstruction:
				switch b, _ := r.Common().Value.(*ssa.Builtin); {
				case b == nil:
				case b.Name() == "clear":
					ops[r] = true
				case b.Name() == "len":
					lens = append(lens, r)
				}
			}
		}
	}
	for _, l := range lens {
		ops[l] = written
	}
	return ops
}

// emptiedInPlace reports whether the function sets the slice that p, a
// pointer, points to to its first zero elements (*p = (*p)[:0]): the Gets
// then find it empty, whatever clearing its elements does.
func emptiedInPlace(p ssa.Value) bool {
	for _, ref := range referrers(p) {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != p {
			continue
		}
		if s, ok := st.Val.(*ssa.Slice); ok && s.Low == nil && s.High != nil && isZero(s.High) {
			return true
		}
	}
	return false
}
