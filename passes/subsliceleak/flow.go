package subsliceleak

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/ssareach"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

// A buffer is a backing array that the analyzed function allocated.
type buffer struct {
	value  ssa.Value  // the whole buffer as made (a Call, Extract, Slice or Convert)
	what   string     // how messages name it
	size   int64      // bytes; 0 when unknown
	length int64      // len(value) when constant, else -1
	owner  *ssa.Alloc // the local bytes.Buffer or strings.Builder sharing the array, if any
	line   bool       // a line read by bufio: of unknown but usually small size
	whole  bool       // a whole file or body: its size is what the input was, often large
}

// A piece is part of a buffer: a slice expression, or a call of a helper.
type piece interface {
	ssa.Value
	ssa.Instruction
}

// pieceOf returns the piece instr takes, if any, and the value it is a
// piece of.
func (a *funcAnalysis) pieceOf(instr ssa.Instruction) (piece, ssa.Value) {
	switch instr := instr.(type) {
	case *ssa.Slice:
		return instr, instr.X
	case *ssa.Call:
		if h, fn, ok := helperCall(a.helpers, &instr.Call); ok {
			return instr, instr.Call.Args[h.arg(fn)]
		}
	}
	return nil, nil
}

// helperCall returns the helper that common statically calls, if any.
func helperCall(helpers map[*types.Func]helper, common *ssa.CallCommon) (helper, *types.Func, bool) {
	callee := common.StaticCallee()
	if callee == nil {
		return helper{}, nil, false
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok {
		return helper{}, nil, false
	}
	h, ok := helpers[fn]
	return h, fn, ok && h.arg(fn) < len(common.Args)
}

// small reports whether a piece of n bytes is small enough that keeping the
// whole buffer for it is a waste.
func (a *funcAnalysis) small(b *buffer, n int64) bool {
	if b.size > 0 {
		return n*4 <= b.size
	}
	return n <= passflag.Int64(a.pass, "minsize")/16
}

// mutable reports whether the buffer can be written after a piece is taken,
// which a clone would not see.
func (b *buffer) mutable() bool {
	return !typesx.IsString(b.value.Type())
}

type funcAnalysis struct {
	pass    *analysis.Pass
	buffers map[ssa.Value]*buffer // by buffer value, so that pieces of one buffer share it
	helpers map[*types.Func]helper
}

// bufferOf returns the buffer whose array v shares, or nil when v may share
// an array this function did not make.
func (a *funcAnalysis) bufferOf(v ssa.Value) *buffer {
	b, _ := a.trace(v, make(map[*ssa.Phi]bool))
	return b
}

// trace follows v back to its buffer. cyclic reports that v is a phi
// already being traced, which says nothing about the buffer.
func (a *funcAnalysis) trace(v ssa.Value, visiting map[*ssa.Phi]bool) (buf *buffer, cyclic bool) {
	switch v := v.(type) {
	case *ssa.Phi:
		if visiting[v] {
			return nil, true
		}
		visiting[v] = true
		var found *buffer
		for _, e := range v.Edges {
			b, cyc := a.trace(e, visiting)
			if cyc {
				continue
			}
			if b == nil || (found != nil && b != found) {
				return nil, false
			}
			found = b
		}
		return found, found == nil
	case *ssa.ChangeType:
		return a.trace(v.X, visiting)
	case *ssa.Slice:
		if isMakeSlice(v) {
			return a.cached(v, func() *buffer { return a.makeBuffer(v) }), false
		}
		return a.trace(v.X, visiting)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return a.cached(v, func() *buffer { return a.callBuffer(v, call) }), false
		}
	case *ssa.Call:
		return a.cached(v, func() *buffer { return a.callBuffer(v, v) }), false
	case *ssa.Convert:
		if typesx.IsString(v.Type()) && typesx.IsByteSlice(v.X.Type()) {
			return a.cached(v, func() *buffer { return a.stringBuffer(v) }), false
		}
	}
	return nil, false
}

func (a *funcAnalysis) cached(v ssa.Value, build func() *buffer) *buffer {
	if b, ok := a.buffers[v]; ok {
		return b
	}
	b := build()
	a.buffers[v] = b
	return b
}

// isMakeSlice reports whether s is a make with a constant capacity, which
// go/ssa builds as new([cap]T)[:len].
func isMakeSlice(s *ssa.Slice) bool {
	alloc, ok := s.X.(*ssa.Alloc)
	return ok && alloc.Comment == "makeslice"
}

func (a *funcAnalysis) makeBuffer(s *ssa.Slice) *buffer {
	arr, ok := s.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok || !typesize.Known(arr.Elem()) {
		return nil
	}
	size := arr.Len() * a.pass.TypesSizes.Sizeof(arr.Elem())
	if size < passflag.Int64(a.pass, "minsize") {
		return nil
	}
	length := arr.Len()
	if s.High != nil {
		length = -1
		if c, ok := s.High.(*ssa.Const); ok {
			length, _ = intConstant(c.Value)
		}
	}
	typ := types.TypeString(s.Type(), typesx.Qualifier(a.pass.Pkg))
	call := fmt.Sprintf("make(%s, %d)", typ, arr.Len())
	if length != arr.Len() {
		call = fmt.Sprintf("make(%s, %s, %d)", typ, lenText(s.High), arr.Len())
	}
	return &buffer{value: s, what: byteCount(size) + " " + call, size: size, length: length}
}

func lenText(v ssa.Value) string {
	if c, ok := v.(*ssa.Const); ok {
		if n, ok := intConstant(c.Value); ok {
			return fmt.Sprint(n)
		}
	}
	return "n"
}

// callBuffer returns the buffer that v, the result of call, is, if call is
// one of the sources.
func (a *funcAnalysis) callBuffer(v ssa.Value, call *ssa.Call) *buffer {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return nil
	}
	name := knownName(obj)
	if what := freshSources[name]; what != "" {
		return &buffer{value: v, what: what, length: -1, line: strings.HasPrefix(name, "(*bufio.Reader)"), whole: wholeSources[name]}
	}
	if what := ownedSources[name]; what != "" && len(call.Call.Args) > 0 {
		if owner, ok := call.Call.Args[0].(*ssa.Alloc); ok {
			return &buffer{value: v, what: what, length: -1, owner: owner}
		}
	}
	return nil
}

// stringBuffer returns the buffer for string(b) of a buffer b: a new
// array of the same size.
func (a *funcAnalysis) stringBuffer(conv *ssa.Convert) *buffer {
	b := a.bufferOf(conv.X)
	if b == nil {
		return nil
	}
	s := &buffer{value: conv, what: "string(" + b.what + ")", length: -1, line: b.line, whole: b.whole}
	if b.length >= 0 && conv.X == b.value {
		s.size = b.length
	}
	return s
}

// judge decides whether piece s of buf would be worth reporting if the rest
// of buf is not needed.
func (a *funcAnalysis) judge(buf *buffer, s piece) (finding, bool) {
	elem := a.elemSize(s.Type())
	if elem <= 0 {
		return finding{}, false
	}
	how := a.escapeOf(s, false, nil)
	if how == stays {
		return finding{}, false
	}
	switch n := a.pieceLength(buf, s); {
	case n > 0 && a.small(buf, n*elem) && (!buf.line || how.longLived()):
		// One pinned line costs little; lines kept in a map or a
		// long-lived structure add up.
		return finding{buf: buf, how: how, length: n * elem}, true
	case n == unknownLength && buf.size == 0 && !buf.line && how.longLived():
		return finding{buf: buf, how: how, length: -1}, true
	case n == unknownLength && buf.whole && a.searched(s):
		// A piece of a whole file or body that ends where a search
		// (bytes.IndexByte) found something, a line or a field, is
		// usually a small part of it.
		return finding{buf: buf, how: how, length: -1}, true
	}
	return finding{}, false
}

// elemSize returns the size of the elements of a slice or string type, or
// 0 if it cannot be known.
func (a *funcAnalysis) elemSize(t types.Type) int64 {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return 1
	case *types.Slice:
		if typesize.Known(u.Elem()) {
			return a.pass.TypesSizes.Sizeof(u.Elem())
		}
	}
	return 0
}

const (
	unknownLength = -1
	mostOfBuffer  = -2 // a suffix, or a prefix ending a distance from the end
)

// searched reports whether p ends where a search for a separator found
// it, as in b[:bytes.IndexByte(b, '\n')] or a helper that returns that.
func (a *funcAnalysis) searched(p piece) bool {
	s, ok := p.(*ssa.Slice)
	if !ok {
		h, _, _ := helperCall(a.helpers, p.(*ssa.Call).Common())
		return h.searched
	}
	if s.High == nil {
		return false
	}
	hi := s.High
	for {
		op, ok := hi.(*ssa.BinOp)
		if !ok || op.Op != token.ADD && op.Op != token.SUB {
			break
		}
		if _, ok := constOperand(op.Y); !ok {
			break
		}
		hi = op.X
	}
	call, ok := hi.(*ssa.Call)
	if !ok || call.Call.StaticCallee() == nil {
		return false
	}
	fn, ok := call.Call.StaticCallee().Object().(*types.Func)
	return ok && isSearch(fn)
}

// pieceLength returns the number of elements of p, if constant.
func (a *funcAnalysis) pieceLength(buf *buffer, p piece) int64 {
	s, ok := p.(*ssa.Slice)
	if !ok {
		h, _, _ := helperCall(a.helpers, p.(*ssa.Call).Common())
		return h.length
	}
	lo := bound{}
	if s.Low != nil {
		lo = boundOf(s.Low, s.X)
	}
	hi := bound{base: s.X}
	if s.High != nil {
		hi = boundOf(s.High, s.X)
	}
	if s.X == buf.value && buf.length >= 0 {
		lo, hi = lo.withLen(s.X, buf.length), hi.withLen(s.X, buf.length)
	}
	switch {
	case lo.base == hi.base && hi.off >= lo.off:
		return hi.off - lo.off
	case hi.base == s.X:
		return mostOfBuffer
	}
	return unknownLength
}

// A bound is base+off; base is nil for a constant, and the sliced value
// itself for len of it.
type bound struct {
	base ssa.Value
	off  int64
}

func boundOf(v, sliced ssa.Value) bound {
	switch v := v.(type) {
	case *ssa.Const:
		if n, ok := intConstant(v.Value); ok {
			return bound{off: n}
		}
	case *ssa.BinOp:
		if n, ok := constOperand(v.Y); ok && (v.Op == token.ADD || v.Op == token.SUB) {
			b := boundOf(v.X, sliced)
			if v.Op == token.SUB {
				n = -n
			}
			b.off += n
			return b
		}
		if n, ok := constOperand(v.X); ok && v.Op == token.ADD {
			b := boundOf(v.Y, sliced)
			b.off += n
			return b
		}
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" && v.Call.Args[0] == sliced {
			return bound{base: sliced}
		}
	}
	return bound{base: v}
}

func (b bound) withLen(sliced ssa.Value, n int64) bound {
	if b.base == sliced {
		return bound{off: b.off + n}
	}
	return b
}

func constOperand(v ssa.Value) (int64, bool) {
	if c, ok := v.(*ssa.Const); ok {
		return intConstant(c.Value)
	}
	return 0, false
}

func intConstant(v constant.Value) (int64, bool) {
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// stillNeeded reports whether the whole of buf, or a piece of it other
// than the reported ones, may outlive the call: then cloning saves nothing.
func (a *funcAnalysis) stillNeeded(buf *buffer, reported map[ssa.Value]bool) bool {
	if a.escapeOf(buf.value, true, reported) != stays {
		return true
	}
	return buf.owner != nil && a.escapeOf(buf.owner, true, reported) != stays
}

// An escape says how a value outlives the call.
type escape int

const (
	stays escape = iota
	returned
	sent
	inGoroutine
	// The rest store the value in memory the function did not make, which
	// usually lives long.
	inField
	inElement
	throughPointer
	inGlobal
	inMap
	kept // passed to code that may keep it (in strict mode only)
)

var escapeText = [...]string{
	stays:          "stays local",
	returned:       "is returned",
	sent:           "is sent on a channel",
	inGoroutine:    "is captured by a goroutine",
	inField:        "is stored in a field",
	inElement:      "is stored in a slice element",
	throughPointer: "is stored through a pointer",
	inGlobal:       "is stored in a package variable",
	inMap:          "is stored in a map",
	kept:           "is passed on",
}

func (e escape) String() string { return escapeText[e] }

func (e escape) longLived() bool { return e >= inField }

// escapeOf reports how v, or a value holding it, outlives the call. Local
// aggregates (structs, arrays, slices and maps the function made) are
// followed to where they go. Strict mode, for whole buffers, also counts
// calls that may keep v (functions of the analyzed package or outside the
// standard library, and closures), stores to captured variables, and
// results of standard library calls that may alias v; otherwise calls are
// assumed to keep nothing. Slices in skip are not followed.
func (a *funcAnalysis) escapeOf(v ssa.Value, strict bool, skip map[ssa.Value]bool) escape {
	w := escapeWalk{pkg: a.pass.Pkg, helpers: a.helpers, strict: strict, skip: skip, seen: map[ssa.Value]bool{v: true}}
	w.work = []carrier{{v, true}}
	for len(w.work) > 0 {
		c := w.work[len(w.work)-1]
		w.work = w.work[:len(w.work)-1]
		refs := c.v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			if e := w.step(c, instr); e != stays {
				return e
			}
		}
	}
	return stays
}

// A carrier is a value that holds the tracked value. direct means it is
// the tracked slice or string itself (or an alias), not a container of it.
type carrier struct {
	v      ssa.Value
	direct bool
}

type escapeWalk struct {
	pkg     *types.Package
	helpers map[*types.Func]helper
	strict  bool
	skip    map[ssa.Value]bool
	seen    map[ssa.Value]bool
	work    []carrier
}

func (w *escapeWalk) add(v ssa.Value, direct bool) {
	if !w.seen[v] && mayHoldPointer(v.Type()) {
		w.seen[v] = true
		w.work = append(w.work, carrier{v, direct})
	}
}

func (w *escapeWalk) step(c carrier, instr ssa.Instruction) escape {
	switch instr := instr.(type) {
	case *ssa.Return:
		return returned
	case *ssa.Send:
		if instr.X == c.v {
			return sent
		}
	case *ssa.Go:
		return inGoroutine
	case *ssa.Phi, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface,
		*ssa.SliceToArrayPointer, *ssa.TypeAssert, *ssa.Extract:
		w.add(instr.(ssa.Value), c.direct)
	case *ssa.Slice:
		if !w.skip[instr] {
			w.add(instr, c.direct)
		}
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Field, *ssa.Index, *ssa.Lookup,
		*ssa.MakeClosure, *ssa.Range, *ssa.Next:
		w.add(instr.(ssa.Value), false)
	case *ssa.UnOp:
		if instr.Op == token.MUL || instr.Op == token.ARROW {
			w.add(instr, false)
		}
	case *ssa.Store:
		if instr.Val == c.v {
			return w.store(instr.Addr)
		}
	case *ssa.MapUpdate:
		if instr.Map == c.v {
			break
		}
		if m, ok := instr.Map.(*ssa.MakeMap); ok {
			w.add(m, false)
		} else {
			return inMap
		}
	case *ssa.Call:
		return w.call(c, instr.Common(), instr)
	case *ssa.Defer:
		return w.call(c, instr.Common(), nil)
	}
	return stays
}

// store follows a store of the carrier to addr.
func (w *escapeWalk) store(addr ssa.Value) escape {
	how := throughPointer
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			if how == throughPointer {
				how = inField
			}
			addr = a.X
		case *ssa.IndexAddr:
			if how == throughPointer {
				how = inElement
			}
			addr = a.X
		case *ssa.Slice:
			addr = a.X
		case *ssa.Alloc, *ssa.MakeSlice:
			w.add(a, false)
			return stays
		case *ssa.Global:
			return inGlobal
		case *ssa.FreeVar:
			if w.strict {
				return kept
			}
			return stays
		default:
			return how
		}
	}
}

// call follows a call taking the carrier; result is nil for a defer.
func (w *escapeWalk) call(c carrier, common *ssa.CallCommon, result *ssa.Call) escape {
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if result == nil {
			return stays
		}
		switch b.Name() {
		case "append":
			// append(s, x...) copies x's elements; only s, or a packed
			// variadic slice holding the value, is kept by the result.
			if common.Args[0] == c.v || !c.direct {
				w.add(result, c.direct && common.Args[0] == c.v)
			}
		case "ssa:wrapnilchk":
			w.add(result, c.direct)
		}
		return stays
	}
	if h, fn, ok := helperCall(w.helpers, common); ok && common.Args[h.arg(fn)] == c.v {
		// A helper's result is a piece of its argument.
		if result != nil && !w.skip[result] {
			w.add(result, c.direct)
		}
		return stays
	}
	if !w.strict || common.IsInvoke() {
		// Interface methods (io.Writer's Write, ...) must not keep their
		// arguments.
		return stays
	}
	callee := common.StaticCallee()
	if callee == nil || !isLibrary(callee, w.pkg) {
		return kept
	}
	if result != nil {
		w.addAliasingResults(result)
	}
	return stays
}

// addAliasingResults follows the results of a library call that may alias
// its arguments, like bytes.TrimSpace or bytes.NewReader; error values are
// assumed not to.
func (w *escapeWalk) addAliasingResults(call *ssa.Call) {
	if _, ok := call.Type().(*types.Tuple); !ok {
		if !types.IsInterface(call.Type()) {
			w.add(call, false)
		}
		return
	}
	for _, instr := range *call.Referrers() {
		if x, ok := instr.(*ssa.Extract); ok && !types.IsInterface(x.Type()) {
			w.add(x, false)
		}
	}
}

// isLibrary reports whether fn belongs to the standard library, and not to
// the analyzed package, whose own helpers may keep what they are given.
func isLibrary(fn *ssa.Function, analyzed *types.Package) bool {
	obj := fn.Object()
	return obj != nil && obj.Pkg() != nil && obj.Pkg() != analyzed && typesx.IsStd(obj.Pkg())
}

func mayHoldPointer(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer
	case *types.Struct:
		for f := range u.Fields() {
			if mayHoldPointer(f.Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return mayHoldPointer(u.Elem())
	}
	return true
}

// sharesWrites reports whether, after piece is taken, the piece and the
// rest of buf could see each other's writes, which a clone would not: buf
// is written on a path that does not make it anew, or the piece is written
// and buf is used after it.
func sharesWrites(buf *buffer, piece piece) bool {
	roots := []ssa.Value{buf.value}
	if buf.owner != nil {
		roots = append(roots, buf.owner)
	}
	uses, writes, unknown := accesses(roots, piece, true)
	if unknown || reachesAgain(buf, piece, func(instr ssa.Instruction) bool { return writes[instr] }) {
		return true
	}
	// Stores of the piece are where it escapes to, not writes into it.
	_, pieceWrites, _ := accesses([]ssa.Value{piece}, nil, false)
	return len(pieceWrites) > 0 && reachesAgain(buf, piece, func(instr ssa.Instruction) bool { return uses[instr] })
}

// takenRepeatedly reports whether piece may be taken again from the same
// buffer, as when a loop splits one buffer into pieces: they may cover all
// of it, and then keeping them wastes nothing.
func takenRepeatedly(buf *buffer, piece piece) bool {
	return reachesAgain(buf, piece, func(instr ssa.Instruction) bool { return instr == piece })
}

// reachesAgain reports whether an instruction matching target can run after
// piece, on a path that does not make buf anew. A buffer made in another
// function (the piece is in a closure) may be reached by any path.
func reachesAgain(buf *buffer, piece piece, target func(ssa.Instruction) bool) bool {
	def, ok := buf.value.(ssa.Instruction)
	if !ok || def.Parent() != piece.Parent() {
		return true
	}
	return ssareach.Reaches(piece.Parent(), piece, target, func(instr ssa.Instruction) bool { return instr == def })
}

// accesses returns the instructions that use, and those that may write,
// the array of roots or of their aliases, other than through exclude.
// unknown reports, in strict mode, a use that could write at any time (a
// closure capturing an alias, or a store of it elsewhere).
func accesses(roots []ssa.Value, exclude ssa.Value, strict bool) (uses, writes map[ssa.Instruction]bool, unknown bool) {
	uses = make(map[ssa.Instruction]bool)
	writes = make(map[ssa.Instruction]bool)
	aliases := roots
	seen := make(map[ssa.Value]bool)
	for len(aliases) > 0 {
		v := aliases[len(aliases)-1]
		aliases = aliases[:len(aliases)-1]
		if seen[v] || v == exclude {
			continue
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return nil, nil, true
		}
		for _, instr := range *refs {
			uses[instr] = true
			switch instr := instr.(type) {
			case *ssa.Phi, *ssa.ChangeType, *ssa.Slice, *ssa.SliceToArrayPointer, *ssa.MakeInterface:
				aliases = append(aliases, instr.(ssa.Value))
			case *ssa.IndexAddr:
				if !onlyLoaded(instr) {
					writes[instr] = true
				}
			case ssa.CallInstruction:
				// The excluded piece may be a helper call, which only
				// reads its argument.
				if call, ok := instr.(*ssa.Call); ok && call == exclude {
					break
				}
				if mayWrite(instr.Common(), v) {
					writes[instr] = true
				}
			case *ssa.Store, *ssa.MapUpdate, *ssa.Send, *ssa.MakeClosure:
				if strict {
					return nil, nil, true
				}
			}
		}
	}
	return uses, writes, false
}

func onlyLoaded(addr *ssa.IndexAddr) bool {
	for _, instr := range *addr.Referrers() {
		if u, ok := instr.(*ssa.UnOp); !ok || u.Op != token.MUL {
			return false
		}
	}
	return true
}

// mayWrite reports whether a call may write to the array of v, an argument.
func mayWrite(common *ssa.CallCommon, v ssa.Value) bool {
	b, ok := common.Value.(*ssa.Builtin)
	if !ok {
		return true
	}
	switch b.Name() {
	case "copy", "append":
		return common.Args[0] == v
	}
	return false
}
