package poolreset

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/ssareach"
	"github.com/memlint/memlint/internal/typesx"
)

// A finding is a diagnostic and what it costs.
type finding struct {
	d analysis.Diagnostic
	e cost.Estimate
}

// check returns the package's findings, sorted by position.
func (a *checker) check() []finding {
	var found []finding
	add := func(d *analysis.Diagnostic, e cost.Estimate) {
		if d != nil && d.Pos.IsValid() && !slices.ContainsFunc(found, func(f finding) bool { return f.d.Pos == d.Pos && f.d.Message == d.Message }) {
			found = append(found, finding{*d, e})
		}
	}
	for _, p := range a.puts {
		freq := a.frequency(p.call.Parent())
		if p.putter == nil {
			add(a.checkNonPointer(p), boxEstimate(a.putRate(freq, p), a.sizedPerUse(p.pool) || a.makesConfiguredBlocks(p.pool)))
			add(a.checkUseAfterPut(p), cost.Estimate{Tier: cost.High, Evidence: "another goroutine may own the object"})
			add(a.checkAliasKept(p))
			// Such objects go back in Close or a release method, which
			// the cost model rates as teardown, though they run once per
			// object: rated by what the next Get sees.
			add(a.checkFieldHeld(p), cost.Estimate{Tier: cost.Medium, Evidence: "the next Get sees the old state"})
		}
		dirty, dirtyCost := a.checkDirty(p), freq.Rate("the next Get sees the old state")
		if why := a.perhapsDirty[p.pool]; why != "" {
			dirtyCost = cost.Estimate{Tier: cost.Low, Evidence: why}
		}
		add(dirty, dirtyCost)
		if dirty == nil && p.putter == nil {
			d, low := a.checkPinned(p)
			e := freq.Rate("held until the pool drops the object")
			held := freq.Rate("held until the pool drops the slice")
			switch {
			case low != "":
				e = cost.Estimate{Tier: cost.Low, Evidence: low}
			case a.saysNoReset(p):
				e = cost.Estimate{Tier: cost.Low, Evidence: "the comment at the Put says it needs no reset"}
				held = e
			case p.pool.local != nil:
				e = cost.Estimate{Tier: cost.Low, Evidence: "the pool is a local variable: it and what it holds go when the call ends"}
				held = e
			}
			if elem := pooledElem(p.x.Type()); held.Tier > cost.Low && elem != nil && typesx.OnlyStrings(elem) {
				// Strings keep only their own bytes: keys and names,
				// often shared with a map or a literal.
				held = cost.Estimate{Tier: cost.Low, Evidence: "the elements hold only strings"}
			}
			add(d, e)
			add(a.checkElementsHeld(p), held)
		}
		if passflag.Bool(a.pass, "maxcap") {
			add(a.checkCapacity(p), cost.Estimate{Tier: cost.Medium})
		}
	}
	for _, f := range a.checkGrowing() {
		add(&f.d, f.e)
	}
	slices.SortFunc(found, func(x, y finding) int {
		return cmp.Or(astx.ComparePos(a.pass.Fset, x.d.Pos, y.d.Pos), cmp.Compare(x.d.Message, y.d.Message))
	})
	return found
}

// frequency returns how often fn, or the function declaring it, runs.
func (a *checker) frequency(fn *ssa.Function) cost.Frequency {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	if !ok {
		return cost.Frequency{}
	}
	return a.model.Func(a.pass, decl)
}

// putRate is how often the Put p, whose own function runs at freq,
// happens. What goes back came from a Get: a Put in a loop of an object
// its function did not get, which the package says nothing about, runs as
// often as a Get of the pool in hot code (a buffer drawn per Write and put
// back by the goroutine that drains them). A Put that runs once per call,
// of a buffer a field kept (in a Reset), runs as often as that call.
func (a *checker) putRate(freq cost.Frequency, p *putSite) cost.Frequency {
	x := p.x
	if s, ok := x.(*ssa.Slice); ok {
		x = s.X // Put(b[:0])
	}
	if freq.Level != cost.Unknown || a.getOf[x] != nil || !repeats(p.call) {
		return freq
	}
	for _, g := range a.gets[p.pool] {
		instr, ok := g.x.(ssa.Instruction)
		if !ok {
			continue
		}
		if f := a.frequency(instr.Parent()); f.Level == cost.Hot {
			return cost.Frequency{Level: cost.Hot, Reason: "as often as its Get, " + f.Reason}
		}
	}
	return freq
}

// repeats reports whether the instruction can run again in the same call
// of its function: it is in a loop.
func repeats(instr ssa.CallInstruction) bool {
	never := func(ssa.Instruction) bool { return false }
	return ssareach.Reaches(instr.Parent(), instr, func(i ssa.Instruction) bool { return i == instr }, never)
}

// boxEstimate rates a non-pointer Put: one 24-byte allocation per Put
// matters only where the Put runs per request, command or data chunk.
// Maintainers declined it per compressed block, per stream or per commit,
// where the work around it dwarfs it: a pool whose buffers are cut to a
// configured size on every Get (sizedPerUse), or made that size by its New
// (makesConfiguredBlocks), holds such blocks.
func boxEstimate(f cost.Frequency, blocks bool) cost.Estimate {
	switch {
	case blocks:
		return cost.Estimate{Tier: cost.Low, Evidence: "one per Put of a block of configured size, small next to the block"}
	case f.Level == cost.Hot:
		return cost.Estimate{Tier: cost.Medium, Evidence: "one allocation per Put, " + f.Reason}
	}
	evidence := "one allocation per Put"
	if f.Reason != "" {
		evidence += ", " + f.Reason
	}
	return cost.Estimate{Tier: cost.Low, Evidence: evidence}
}

// sizedPerUse reports whether some Put of pool puts back a buffer that
// was cut, right from Get, to a length that is not a constant: blocks of
// a configured size.
func (a *checker) sizedPerUse(pool poolKey) bool {
	for _, p := range a.puts {
		s, ok := p.x.(*ssa.Slice)
		if !ok || p.pool != pool || s.High == nil || a.getOf[s.X] == nil {
			continue
		}
		if _, isConst := s.High.(*ssa.Const); !isConst {
			return true
		}
	}
	return false
}

// origin returns the get site of the object put back at p, in p's
// function, and the Put of the pool itself (p, or the Put in the putter
// helper that p calls).
func (a *checker) origin(p *putSite) (*getSite, *putSite) {
	g := a.getOf[p.x]
	if g == nil || g.pool != p.pool {
		return nil, nil
	}
	put := p
	if p.putter != nil {
		put = p.putter
	}
	return g, put
}

// checkDirty reports p if the object it puts back can carry its state into
// the next Get of a pool whose Gets do not reset.
func (a *checker) checkDirty(p *putSite) *analysis.Diagnostic {
	g, put := a.origin(p)
	if g == nil || !a.putsDirty(g.x, p.call) || !a.poolDirty(p.pool) {
		return nil
	}
	if p.putter != nil && !a.putsDirty(put.x, put.call) {
		return nil
	}
	reset, ok := a.resetIdiom(put.x.Type(), g.x, put.x)
	if !ok || isBufio(put.x.Type()) && a.boundByNew(p.pool) {
		return nil
	}
	call := a.c.putCall[put.call.Common().Pos()]
	if call == nil {
		return nil
	}
	name := exprString(call.Args[0])
	d := &analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s is put back into %s without a reset on some path (the next Get sees its old contents); call %s before Put",
			name, poolName(call), reset(name)),
	}
	if a.usedAfterPut(put) {
		d.Message += " (no automatic fix: it is used after the Put, and a reset would change what that use sees)"
		return d
	}
	if strings.HasPrefix(reset(name), "*") && a.lengthUsed(p.pool) {
		d.Message += " (no automatic fix: another Get of the pool uses the slice at its length, which emptying it would break)"
		return d
	}
	if _, deferred := put.call.(*ssa.Defer); deferred {
		d.Message = strings.Replace(d.Message, "before Put", "in the deferred call, before Put", 1)
		d.SuggestedFixes = a.resetInDefer(call, put.call.Parent().Syntax(), []string{reset(name)}, "Reset "+name+" in the deferred call before putting it back")
		if d.SuggestedFixes == nil {
			d.Message += " (no automatic fix: a variable of the deferred call is assigned after it, or it is not a plain defer statement)"
		}
		return d
	}
	a.addResetFix(d, call, reset(name), name)
	return d
}

// addResetFix gives d the fix that runs reset (which resets name) right
// before the Put call, or says why there is none.
func (a *checker) addResetFix(d *analysis.Diagnostic, call *ast.CallExpr, reset, name string) {
	d.SuggestedFixes = a.insertBefore(call, []string{reset}, "Reset "+name+" before putting it back")
	if d.SuggestedFixes == nil {
		d.Message += " (no automatic fix: the Put is not a statement of its own putting back a variable)"
	}
}

// resetInDefer returns a fix that turns "defer pool.Put(x)" into a
// deferred func that runs stmts (which reset x) and then puts it back. The deferred call
// then reads x and the pool when the function returns, not at the defer
// statement: it is offered only if no variable that they name is assigned
// anywhere in the function, other than where it is declared.
func (a *checker) resetInDefer(call *ast.CallExpr, fn ast.Node, stmts []string, message string) []analysis.SuggestedFix {
	ds, ok := a.c.putStmt[call.Lparen].(*ast.DeferStmt)
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !isSel || fn == nil || !a.c.inList[ds] {
		return nil
	}
	var vars []*types.Var
	for _, e := range []ast.Expr{sel.X, call.Args[0]} {
		v, ok := a.rootVar(e)
		if !ok {
			return nil
		}
		if v != nil {
			vars = append(vars, v)
		}
	}
	if a.assignedIn(fn, vars) {
		return nil
	}
	indent, ok := a.src.Indent(ds.Pos()), a.src.StartsLine(ds.Pos())
	src, err := a.pass.ReadFile(a.pass.Fset.File(call.Pos()).Name())
	if !ok || err != nil {
		return nil
	}
	tf := a.pass.Fset.File(call.Pos())
	put := string(src[tf.Offset(call.Pos()):tf.Offset(call.End())])
	//memlint:ignore growhint once per finding: a few dozen bytes
	var text strings.Builder
	text.WriteString("defer func() {\n")
	for _, s := range append(stmts, put) {
		text.WriteString(indent + "\t" + s + "\n")
	}
	text.WriteString(indent + "}()")
	return []analysis.SuggestedFix{{
		Message:   message,
		TextEdits: []analysis.TextEdit{{Pos: ds.Pos(), End: ds.End(), NewText: []byte(text.String())}},
	}}
}

// rootVar returns the local variable at the root of e, an identifier or a
// chain of field selections, or nil if the root is a package-level
// sync.Pool (which cannot be reassigned without copying a lock) or an
// unexported package-level *sync.Pool that the package never reassigns.
func (a *checker) rootVar(e ast.Expr) (*types.Var, bool) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if sel := a.pass.TypesInfo.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return nil, false
			}
			e = x.X
		case *ast.Ident:
			v, ok := a.pass.TypesInfo.Uses[x].(*types.Var)
			if !ok {
				return nil, false
			}
			if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return nil, typesx.IsSyncPool(v.Type()) || a.fixedPoolPointer(v)
			}
			return v, true
		default:
			return nil, false
		}
	}
}

// fixedPoolPointer reports whether v is an unexported *sync.Pool that no
// file of the package assigns after its declaration: a deferred call
// reads the same pool at return as at the defer statement.
func (a *checker) fixedPoolPointer(v *types.Var) bool {
	p, ok := v.Type().(*types.Pointer)
	if !ok || !typesx.IsSyncPool(p.Elem()) || v.Exported() {
		return false
	}
	return !slices.ContainsFunc(a.pass.Files, func(f *ast.File) bool { return a.assignedIn(f, []*types.Var{v}) })
}

// assignedIn reports whether fn assigns to, increments or takes the
// address of one of vars, other than by declaring it.
func (a *checker) assignedIn(fn ast.Node, vars []*types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		return ok && slices.Contains(vars, v)
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || slices.ContainsFunc(n.Lhs, is)
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.RangeStmt:
			found = found || n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

// putsDirty reports whether x, in its function, can reach the put call
// with state: on some path from a use of x (or from the entry, for a
// parameter), no reset runs before the Put (or, if the Put is deferred,
// before the function returns). An object put back unused adds no state.
func (a *checker) putsDirty(x ssa.Value, call ssa.CallInstruction) bool {
	fn := call.Parent()
	resets := a.resets(x)
	froms := a.uses(x, resets)
	if isParam(x) {
		froms = append(froms, nil) // the entry
	}
	if _, deferred := call.(*ssa.Defer); deferred {
		for r := range resets {
			if _, ok := r.(*ssa.Defer); ok {
				return false // it may run before the Put: too close to call
			}
		}
		return slices.ContainsFunc(froms, func(from ssa.Instruction) bool { return reaches(fn, from, nil, resets) })
	}
	return slices.ContainsFunc(froms, func(from ssa.Instruction) bool { return reaches(fn, from, call, resets) })
}

// uses returns the instructions that use x, other than resets, pointer
// comparisons and putting it back.
func (a *checker) uses(x ssa.Value, resets map[ssa.Instruction]bool) []ssa.Instruction {
	var uses []ssa.Instruction
	for _, ref := range referrers(x) {
		switch r := ref.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.BinOp:
			if r.Op == token.EQL || r.Op == token.NEQ {
				continue
			}
		case *ssa.MakeInterface, *ssa.ChangeInterface: // the conversion for Put(x)
			if slices.ContainsFunc(referrers(r.(ssa.Value)), a.isPut) {
				continue
			}
		}
		if !resets[ref] && !a.isPut(ref) && leavesState(ref) {
			uses = append(uses, ref)
		}
	}
	return uses
}

// leavesState reports whether the use ref of a pooled object may leave
// state in it for the next Get. Reading a field only to test it, or
// reading a pointer-free one, leaves none, and neither does storing a
// zero value in a field: a release that resets and then drops its links
// (b.cmp = nil; if b.index == nil { pool.Put(b) }) puts back a clean
// object.
func leavesState(ref ssa.Instruction) bool {
	field, ok := ref.(*ssa.FieldAddr)
	if !ok {
		return true
	}
	for _, r := range referrers(field) {
		switch r := r.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.FieldAddr:
			if !leavesState(r) {
				continue
			}
		case *ssa.Store:
			if r.Addr == field && isZero(r.Val) {
				continue
			}
		case *ssa.UnOp:
			if r.Op == token.MUL && (!typesx.HasPointers(r.Type()) || onlyCompared(r)) {
				continue
			}
		}
		return true
	}
	return false
}

// isZero reports whether v is the zero value of its type: nil, 0, false
// or "".
func isZero(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	case constant.String:
		return constant.StringVal(c.Value) == ""
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(c.Value) == 0
	}
	return false
}

// onlyCompared reports whether v is used only in == and != comparisons.
func onlyCompared(v ssa.Value) bool {
	for _, r := range referrers(v) {
		op, ok := r.(*ssa.BinOp)
		if _, debug := r.(*ssa.DebugRef); !debug && (!ok || op.Op != token.EQL && op.Op != token.NEQ) {
			return false
		}
	}
	return true
}

// isPut reports whether instr calls Put or a putter helper.
func (a *checker) isPut(instr ssa.Instruction) bool {
	call, ok := instr.(ssa.CallInstruction)
	return ok && (a.poolMethod(call.Common()) == "Put" || a.putters[call.Common().StaticCallee()] != nil)
}

// poolDirty reports whether some Get of the pool uses the object without
// resetting it. If every Get resets, a dirty Put does no harm.
//
// A Get whose object is first given to a call that may start it over
// where this package cannot see (see mayStartOver) counts as dirty too,
// but the pool is noted in perhapsDirty, so the finding is low.
func (a *checker) poolDirty(pool poolKey) bool {
	dirty, ok := a.dirtyPools[pool]
	if !ok {
		perhaps := ""
		for _, g := range a.gets[pool] {
			d, why := a.getDirty(g)
			if d {
				dirty, perhaps = true, ""
				break
			}
			if perhaps == "" {
				perhaps = why
			}
		}
		if perhaps != "" {
			dirty = true
			a.perhapsDirty[pool] = perhaps
		}
		a.dirtyPools[pool] = dirty
	}
	return dirty
}

// boundByNew reports whether no Get of the pool, nor a getter helper,
// resets what it gets: each bufio reader or writer of the pool then stays
// bound to the source its New gave it (bufio.NewReader(rand.Reader)), and
// what it buffers is that source's, for any user. Reset(nil) would leave
// it reading from nothing.
func (a *checker) boundByNew(pool poolKey) bool {
	return !slices.ContainsFunc(a.gets[pool], func(g *getSite) bool {
		return len(a.reinits(g.x)) > 0 || slices.ContainsFunc(a.getters[g.getter], a.reinitsSome)
	})
}

// getDirty reports whether the object got at g can be used before it is
// reset, in g's function (after a getter helper that does not reset it):
// whether a call is given it, or its old contents are appended to, before
// any reset or reinitialization. Objects
// that are stored, returned, merged with others or captured may be reset
// elsewhere: they are not counted as dirty. If the only such use is a
// call that may start it over where this package cannot see (one of the
// object's decoding methods declared in another package, or a function
// of another package of the module given it), the object is not dirty,
// and why it is perhaps dirty is returned.
func (a *checker) getDirty(g *getSite) (bool, string) {
	if slices.ContainsFunc(a.getters[g.getter], a.reinitsSome) || g.merged != nil && len(a.reinits(g.merged)) > 0 {
		return false, "" // reset by the getter, or where Get found it
	}
	def, ok := g.x.(ssa.Instruction)
	if !ok {
		return false, ""
	}
	reinits := a.reinits(g.x)
	var uses, decodes []ssa.Instruction
	for _, ref := range referrers(g.x) {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Val == g.x {
				return false, ""
			}
			if r.Addr == g.x && readsOld(r.Val, g.x, 0) {
				uses = append(uses, r)
			}
		case *ssa.FieldAddr:
			for _, st := range referrers(r) {
				if st, ok := st.(*ssa.Store); ok && st.Addr == r && readsOld(st.Val, g.x, 0) {
					uses = append(uses, st)
				}
			}
		case *ssa.Return, *ssa.Phi, *ssa.MakeClosure:
			return false, ""
		case ssa.CallInstruction:
			if a.mayStartOver(r, g.x) != "" {
				decodes = append(decodes, r)
			} else if !reinits[r] && !a.isPut(r) {
				uses = append(uses, r)
			}
		case *ssa.MakeInterface:
			if slices.ContainsFunc(referrers(r), func(c ssa.Instruction) bool {
				_, call := c.(ssa.CallInstruction)
				return call && !reinits[c] && !a.isPut(c)
			}) {
				uses = append(uses, r)
			}
		}
	}
	// A decoding call is where the object may start over: the uses
	// after it count only if it does not.
	barriers := maps.Clone(reinits)
	for _, d := range decodes {
		barriers[d] = true
	}
	if slices.ContainsFunc(uses, func(u ssa.Instruction) bool { return reaches(g.x.Parent(), def, u, barriers) }) {
		return true, ""
	}
	for _, d := range decodes {
		if reaches(g.x.Parent(), def, d, reinits) {
			return false, a.mayStartOver(d.(ssa.CallInstruction), g.x)
		}
	}
	return false, ""
}

// mayStartOver says why call, given x, may reset it where this package
// cannot see, or returns "": a decoding method of x's type declared in
// another package (see decoderCall), or a function of another package of
// the same module (needle.ParseUpload(r, limit, buf) resetting buf
// first), whose authors know the pool's contract. A function of another
// module (io.Copy) appends to what the object holds.
func (a *checker) mayStartOver(call ssa.CallInstruction, x ssa.Value) string {
	if name := decoderCall(a.pass.Pkg, call, x); name != "" {
		return "every Get first decodes into it with " + name + ", which usually starts it over"
	}
	common := call.Common()
	callee := common.StaticCallee()
	if callee == nil || a.pass.Module == nil || a.pass.Module.Path == "" || !slices.Contains(common.Args, x) {
		return ""
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == a.pass.Pkg {
		return ""
	}
	if path := fn.Pkg().Path(); path != a.pass.Module.Path && !strings.HasPrefix(path, a.pass.Module.Path+"/") {
		return ""
	}
	name := fn.Pkg().Name() + "." + fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		name = typeName(recv.Type()) + "." + fn.Name()
	}
	return "a Get first hands it to " + name + ", of another package of the module, which may reset it"
}

// decoderCall returns the name of the method that call calls on x if it
// is a method of x's own type, declared in another package, that decodes
// into x (Block.UnmarshalPortable, Msg.DecodeFrom): such a method
// usually resets x first, which this package cannot see.
func decoderCall(pkg *types.Package, call ssa.CallInstruction, x ssa.Value) string {
	common := call.Common()
	callee := common.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(common.Args) == 0 || common.Args[0] != x {
		return ""
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == pkg || !strings.HasPrefix(fn.Name(), "Unmarshal") && !strings.HasPrefix(fn.Name(), "Decode") {
		return ""
	}
	return typeName(fn.Signature().Recv().Type()) + "." + fn.Name()
}

// reinitsSome reports whether the object got at g is reset or
// reinitialized anywhere in its function, or in the branch where Get
// found it ("if ok { x.Reset() } else { x = new(T) }").
func (a *checker) reinitsSome(g *getSite) bool {
	return len(a.reinits(g.x)) > 0 || g.merged != nil && len(a.reinits(g.merged)) > 0
}

// reinits returns the resets of x and the stores into x and its fields
// of values that do not build on the old ones: after a Get, setting the
// fields is how many types start over, but appending to one or
// incrementing it uses the old state.
func (a *checker) reinits(x ssa.Value) map[ssa.Instruction]bool {
	ops := a.resets(x)
	for _, ref := range referrers(x) {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr == x && !readsOld(r.Val, x, 0) {
				ops[r] = true
			}
		case *ssa.FieldAddr:
			for _, st := range fieldStores(r, 0) {
				if !readsOld(st.Val, x, 0) && !links(st.Val) {
					ops[st] = true
				}
			}
		}
	}
	return ops
}

// links reports whether v is a pointer other than nil: storing one binds
// the object to its user (b.owner = owner), which starts nothing over.
func links(v ssa.Value) bool {
	_, ptr := v.Type().Underlying().(*types.Pointer)
	return ptr && !isZero(v)
}

// addrInside reports whether addr is the address of a field of x, or of a
// field of a struct in one.
func addrInside(addr, x ssa.Value) bool {
	for depth := 0; depth < 3; depth++ {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		if fa.X == x {
			return true
		}
		addr = fa.X
	}
	return false
}

// fieldStores returns the stores into the field at addr and into the
// fields of a struct it holds (v.mat.N = n sets a field of x too).
func fieldStores(addr *ssa.FieldAddr, depth int) []*ssa.Store {
	var stores []*ssa.Store
	for _, ref := range referrers(addr) {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr == addr {
				stores = append(stores, r)
			}
		case *ssa.FieldAddr:
			if depth < 2 {
				stores = append(stores, fieldStores(r, depth+1)...)
			}
		}
	}
	return stores
}

// readsOld reports whether v is computed from what x, or a field of x,
// holds: an append to it, or arithmetic on it.
func readsOld(v, x ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return readsOld(v.X, x, depth+1)
		}
		return v.X == x || addrInside(v.X, x)
	case *ssa.Call:
		b, ok := v.Call.Value.(*ssa.Builtin)
		return ok && b.Name() == "append" && readsOld(v.Call.Args[0], x, depth+1)
	case *ssa.BinOp:
		return readsOld(v.X, x, depth+1) || readsOld(v.Y, x, depth+1)
	case *ssa.Convert:
		return readsOld(v.X, x, depth+1)
	case *ssa.ChangeType:
		return readsOld(v.X, x, depth+1)
	}
	return false
}

// resetIdiom returns how to reset a value of type t, if it has anything to
// reset: its Reset (or reset) method, or emptying a pointed-to slice that
// some value in vals appended to.
func (a *checker) resetIdiom(t types.Type, vals ...ssa.Value) (func(name string) string, bool) {
	for _, m := range []string{"Reset", "reset"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, typePkg(t), m)
		fn, ok := obj.(*types.Func)
		if !ok || (!fn.Exported() && fn.Pkg() != a.pass.Pkg) {
			continue
		}
		switch params := fn.Signature().Params(); {
		case params.Len() == 0:
			return func(x string) string { return x + "." + m + "()" }, true
		case params.Len() == 1 && isBufio(t):
			return func(x string) string { return x + "." + m + "(nil)" }, true
		}
		return nil, false // resetting needs arguments only the code knows
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok && isSlice(ptr.Elem()) && slices.ContainsFunc(vals, appendedTo) {
		return func(x string) string { return "*" + x + " = (*" + x + ")[:0]" }, true
	}
	return nil, false
}

// lengthUsed reports whether some Get of the pool, a pool of pointers to
// slices, may depend on the length of the slice it gets: it does more with
// it than reslice it, append to it, or take its len or cap. A scratch
// buffer given to io.CopyBuffer is one.
func (a *checker) lengthUsed(pool poolKey) bool {
	for _, g := range a.gets[pool] {
		for _, ref := range referrers(g.x) {
			load, ok := ref.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				continue
			}
			for _, u := range referrers(load) {
				if _, ok := u.(*ssa.Slice); ok {
					continue
				}
				if call, ok := u.(ssa.CallInstruction); ok {
					if b, ok := call.Common().Value.(*ssa.Builtin); ok && slices.Contains([]string{"append", "len", "cap"}, b.Name()) {
						continue
					}
				}
				return true
			}
		}
	}
	return false
}

// appendedTo reports whether p, a pointer to a slice, is assigned the
// result of append.
func appendedTo(p ssa.Value) bool {
	return appendedToWithout(func(ssa.Value) bool { return false })(p)
}

// appendedToWithout is appendedTo, not counting appends of arguments
// that skip reports true for.
func appendedToWithout(skip func(ssa.Value) bool) func(p ssa.Value) bool {
	return func(p ssa.Value) bool {
		for _, ref := range referrers(p) {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == p && isAppend(st.Val, skip, 0) {
				return true
			}
		}
		return false
	}
}

func isAppend(v ssa.Value, skip func(ssa.Value) bool, depth int) bool {
	switch v := v.(type) {
	case *ssa.Call:
		b, ok := v.Call.Value.(*ssa.Builtin)
		return ok && b.Name() == "append" && len(v.Call.Args) == 2 && !skip(v.Call.Args[1])
	case *ssa.Phi:
		return depth < 3 && slices.ContainsFunc(v.Edges, func(e ssa.Value) bool { return isAppend(e, skip, depth+1) })
	}
	return false
}

// checkUseAfterPut reports the first use of the object put back at p, or
// of memory it owns, that can run after the Put, and a deferred Put of an
// object whose memory the function returns.
func (a *checker) checkUseAfterPut(p *putSite) *analysis.Diagnostic {
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil || a.getOf[p.x] == nil {
		return nil
	}
	name := exprString(call.Args[0])
	first, what := useAfterPut(p, name)
	if first == nil {
		return nil
	}
	if _, deferred := p.call.(*ssa.Defer); deferred {
		return &analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("%s is returned, but the deferred Put gives %s back to %s when the function returns (another goroutine may own it while the caller uses it); copy it, or do not defer the Put", what, name, poolName(call)),
		}
	}
	owner := name
	if what == name {
		owner = "it"
	}
	if _, returned := first.(*ssa.Return); returned {
		// A later Put would not help: the caller keeps the memory.
		return &analysis.Diagnostic{
			Pos:     usePos(first, p.call.Parent()),
			Message: fmt.Sprintf("%s is returned after %s was put back into %s (another goroutine may own it while the caller uses it); copy it before the Put", what, owner, poolName(call)),
		}
	}
	return &analysis.Diagnostic{
		Pos:     usePos(first, p.call.Parent()),
		Message: fmt.Sprintf("%s is used after %s was put back into %s (another goroutine may own it now); move the Put after the last use", what, owner, poolName(call)),
	}
}

// useAfterPut returns the first use of the object put back at p, or of
// memory it owns, that can run after the Put (for a deferred Put, a
// return of it), and a description of what is used.
func useAfterPut(p *putSite, name string) (ssa.Instruction, string) {
	fn := p.call.Parent()
	_, deferred := p.call.(*ssa.Defer)
	var first ssa.Instruction
	var what string
	for d, desc := range ownedBy(p.x, name) {
		avoid := map[ssa.Instruction]bool{}
		// A use after a redefinition belongs to a new object: in a loop,
		// the next iteration's. A deferred Put runs after every definition.
		for _, v := range []ssa.Value{p.x, d} {
			if def, ok := v.(ssa.Instruction); ok && (v == p.x || !deferred) {
				avoid[def] = true
			}
		}
		for _, u := range referrers(d) {
			if !isUse(u, p) || (deferred && !returns(u)) || !u.Pos().IsValid() && !returns(u) {
				continue
			}
			if reaches(fn, p.call, u, avoid) && (first == nil || cmp.Or(cmp.Compare(usePos(u, fn), usePos(first, fn)), cmp.Compare(desc, what)) < 0) {
				first, what = u, desc
			}
		}
	}
	return first, what
}

// usedAfterPut reports whether the object put back at put, the Put of a
// pool, is used after it: there, or, if put is in a putter helper, after
// any call of the helper. A reset would then change what that use sees.
func (a *checker) usedAfterPut(put *putSite) bool {
	if u, _ := useAfterPut(put, ""); u != nil {
		return true
	}
	return slices.ContainsFunc(a.puts, func(q *putSite) bool {
		u, _ := useAfterPut(q, "")
		return q.putter == put && u != nil
	})
}

// ownedBy returns x and the values that share x's memory: the results of
// Bytes and AvailableBuffer, what a pointer to a slice points to, and
// slices of those, each with a description for messages.
func ownedBy(x ssa.Value, name string) map[ssa.Value]string {
	owned := map[ssa.Value]string{x: name}
	work := []ssa.Value{x}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, ref := range referrers(v) {
			var desc string
			switch r := ref.(type) {
			case *ssa.Call:
				if m := r.Call.StaticCallee(); v == x && m != nil && m.Signature.Recv() != nil && len(r.Call.Args) > 0 && r.Call.Args[0] == x &&
					(m.Name() == "Bytes" || m.Name() == "AvailableBuffer") {
					desc = "the result of " + name + "." + m.Name() + "()"
				}
			case *ssa.UnOp:
				if v == x && r.Op == token.MUL && isSlice(r.Type()) {
					desc = "*" + name
				}
			case *ssa.Slice:
				if v != x {
					desc = "a slice of " + owned[v]
				}
			}
			if desc != "" {
				if _, ok := owned[ref.(ssa.Value)]; !ok {
					owned[ref.(ssa.Value)] = desc
					work = append(work, ref.(ssa.Value))
				}
			}
		}
	}
	return owned
}

// isUse reports whether instruction u reads or writes the object put back
// at p. Comparisons only look at the pointer; phis are followed by nothing.
func isUse(u ssa.Instruction, p *putSite) bool {
	switch u := u.(type) {
	case *ssa.DebugRef, *ssa.Phi:
		return false
	case *ssa.BinOp:
		return u.Op != token.EQL && u.Op != token.NEQ
	case *ssa.MakeInterface:
		return u != p.arg
	case *ssa.ChangeInterface:
		return u != p.arg
	}
	return u != p.call
}

// returns reports whether u returns a value: it is a return, or (in a
// function with defers) a store to a result slot that a return reloads.
func returns(u ssa.Instruction) bool {
	switch u := u.(type) {
	case *ssa.Return:
		return true
	case *ssa.Store:
		slot, ok := u.Addr.(*ssa.Alloc)
		if !ok {
			return false
		}
		for _, load := range referrers(slot) {
			if v, ok := load.(*ssa.UnOp); ok && slices.ContainsFunc(referrers(v), func(r ssa.Instruction) bool { _, ok := r.(*ssa.Return); return ok }) {
				return true
			}
		}
	}
	return false
}

func isParam(v ssa.Value) bool {
	_, ok := v.(*ssa.Parameter)
	return ok
}

// usePos returns the position of u; a return has the position of its
// return statement, or failing that the end of the function.
func usePos(u ssa.Instruction, fn *ssa.Function) token.Pos {
	if pos := u.Pos(); pos.IsValid() {
		return pos
	}
	if syn := fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return token.NoPos
}

// checkNonPointer reports a Put of a value that must be copied to the heap
// to be stored in an interface.
func (a *checker) checkNonPointer(p *putSite) *analysis.Diagnostic {
	mi, ok := p.arg.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	if _, isConst := mi.X.(*ssa.Const); isConst {
		return nil // boxed once, statically
	}
	t := mi.X.Type()
	switch t.Underlying().(type) {
	case *types.Slice, *types.Struct, *types.Array:
	case *types.Basic:
		if !typesx.IsString(t) {
			return nil
		}
	default:
		return nil
	}
	size := a.pass.TypesSizes.Sizeof(t)
	if size == 0 || pointerShaped(t) {
		return nil
	}
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil || a.rep.Nolinted(call.Pos(), "staticcheck", "SA6002") {
		return nil
	}
	ts := types.TypeString(t, typesx.Qualifier(a.pass.Pkg))
	remedy := "store a *" + ts
	if param, ok := mi.X.(*ssa.Parameter); ok {
		// A pointer helps only if it is recycled with the value; &param
		// would allocate the same bytes on every Put.
		remedy += fmt.Sprintf(" that goes with the value from Get to Put: %s arrives by value, so &%s here would allocate as much", param.Name(), param.Name())
	}
	return &analysis.Diagnostic{
		Pos: call.Args[0].Pos(),
		End: call.Args[0].End(),
		Message: fmt.Sprintf("putting a %s (not a pointer) into a sync.Pool allocates a %d-byte interface on every Put; %s (no automatic fix: every Get's type assertion changes too)",
			ts, size, remedy),
	}
}

// noResetComment matches a comment that says an object goes back into its
// pool without a reset on purpose ("we don't need to reset content since
// we set it when using it").
var noResetComment = regexp.MustCompile(`(?i)\b(no need|(do not|don't|doesn't|does not) need|needn't|not necessary|unnecessary)\b[^.]*\b(reset|clear)`)

// saysNoReset reports whether a comment on the line of p's Put, or ending
// on the line above it, says that no reset is needed: the maintainers
// have decided that what the object keeps does not matter.
func (a *checker) saysNoReset(p *putSite) bool {
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil {
		return false
	}
	file := astx.FileOf(a.pass, call.Pos())
	if file == nil {
		return false
	}
	line := a.pass.Fset.Position(call.Pos()).Line
	for _, group := range file.Comments {
		end := a.pass.Fset.Position(group.End()).Line
		if (end == line || end == line-1) && noResetComment.MatchString(group.Text()) {
			return true
		}
	}
	return false
}

// pointerShaped reports whether values of t are stored in an interface
// directly, without allocation.
func pointerShaped(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Struct:
		return u.NumFields() == 1 && pointerShaped(u.Field(0).Type())
	case *types.Array:
		return u.Len() == 1 && pointerShaped(u.Elem())
	}
	return false
}

// checkCapacity reports a growable buffer put back with no capacity check
// in the functions that put it back.
func (a *checker) checkCapacity(p *putSite) *analysis.Diagnostic {
	g, put := a.origin(p)
	if g == nil || !growable(put.x.Type(), g.x, put.x) || checksCapacity(p.call.Parent()) || checksCapacity(put.call.Parent()) {
		return nil
	}
	call := a.c.putCall[put.call.Common().Pos()]
	if call == nil {
		return nil
	}
	name := exprString(call.Args[0])
	return &analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s is put back into %s without a capacity check: one huge use pins that much memory in the pool; drop it instead when its capacity exceeds a bound (fmt and log drop buffers above 64 KiB)",
			name, poolName(call)),
	}
}

// growable reports whether t is a buffer that grows with what is written
// to it: a *bytes.Buffer, or a pointer to a slice that is appended to.
func growable(t types.Type, vals ...ssa.Value) bool {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		if named, ok := ptr.Elem().(*types.Named); ok && named.Obj().Pkg() != nil &&
			named.Obj().Pkg().Path() == "bytes" && named.Obj().Name() == "Buffer" {
			return true
		}
		return isSlice(ptr.Elem()) && slices.ContainsFunc(vals, appendedToWithout(bound))
	}
	return false
}

// bound reports whether v, an argument of append, adds a fixed number of
// elements: "append(b, 'x', 'y')" passes them in a varargs array.
func bound(v ssa.Value) bool {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return false
	}
	alloc, ok := s.X.(*ssa.Alloc)
	return ok && alloc.Comment == "varargs"
}

// checksCapacity reports whether fn calls cap or a Cap method anywhere.
func checksCapacity(fn *ssa.Function) bool {
	found := false
	forEachCall(fn, func(call ssa.CallInstruction) {
		c := call.Common()
		if b, ok := c.Value.(*ssa.Builtin); ok && b.Name() == "cap" {
			found = true
		} else if callee := c.StaticCallee(); callee != nil && callee.Name() == "Cap" {
			found = true
		} else if c.IsInvoke() && c.Method.Name() == "Cap" {
			found = true
		}
	})
	return found
}

// insertBefore returns a fix that inserts stmts, each on its own line,
// before the statement holding call, if that statement is in a statement
// list.
func (a *checker) insertBefore(call *ast.CallExpr, stmts []string, message string) []analysis.SuggestedFix {
	return a.insertBeforeNaming(call, call.Args[0], stmts, message)
}

// insertBeforeNaming is insertBefore for stmts that name x, the object
// put back (b of Put(b[:0])), rather than the argument of Put.
func (a *checker) insertBeforeNaming(call *ast.CallExpr, x ast.Expr, stmts []string, message string) []analysis.SuggestedFix {
	s := a.c.putStmt[call.Lparen]
	if s == nil || !a.c.inList[s] {
		return nil
	}
	if !a.plainVariable(x) {
		return nil // resetting a more complex expression could evaluate it twice
	}
	indent, ok := a.src.Indent(s.Pos()), a.src.StartsLine(s.Pos())
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   message,
		TextEdits: []analysis.TextEdit{{Pos: s.Pos(), End: s.Pos(), NewText: []byte(strings.Join(stmts, "\n"+indent) + "\n" + indent)}},
	}}
}

// plainVariable reports whether e is a variable or a chain of field
// selections from one (w.buf), which naming twice evaluates to the same.
func (a *checker) plainVariable(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return true
		case *ast.SelectorExpr:
			if sel := a.pass.TypesInfo.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
}

// poolName returns the pool expression of a Put call, as written.
func poolName(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return exprString(sel.X)
	}
	return "the pool"
}

func exprString(e ast.Expr) string {
	return types.ExprString(e)
}

func typePkg(t types.Type) *types.Package {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		return named.Obj().Pkg()
	}
	return nil
}

func isBufio(t types.Type) bool {
	pkg := typePkg(t)
	return pkg != nil && pkg.Path() == "bufio"
}
