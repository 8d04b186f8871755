package prealloc

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// A count is a loop's trip count, as a Go expression that can be evaluated
// once, without side effects, before the loop: base + offset.
type count struct {
	base      string
	baseIsLen bool // base is a call of len or cap, so it is not negative
	offset    int64
	vars      []*types.Var // the local variables it reads
	idents    []*ast.Ident // every name it uses, to check they mean the same where the fix puts it
	impure    bool         // it reads through a pointer, a map or a package variable
	lenOf     []ast.Expr   // the receivers of the Len methods it calls
	isConst   bool         // it is a constant, of value constVal
	constVal  int64
}

func (n count) String() string {
	switch {
	case n.offset > 0:
		return n.base + " + " + strconv.FormatInt(n.offset, 10)
	case n.offset < 0:
		return n.base + " - " + strconv.FormatInt(-n.offset, 10)
	}
	return n.base
}

func (n count) plus(k int64) count {
	n.offset += k
	n.constVal += k
	return n
}

func (n count) mayBeNegative() bool {
	return n.isConst && n.constVal < 0 || !n.isConst && (!n.baseIsLen || n.offset < 0)
}

// capacity is the expression the fix passes as capacity: the count, or
// max(count, 0) if it may be negative (make and slices.Grow panic then).
func (n count) capacity() string {
	if n.mayBeNegative() {
		return "max(" + n.String() + ", 0)"
	}
	return n.String()
}

// capacityCount returns the number of iterations of loop as an expression
// the fix can evaluate before the loop, if there is one.
func (c *checker) capacityCount(loop ast.Node, fn ast.Node) (count, bool) {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		return c.rangeCount(loop, fn)
	case *ast.ForStmt:
		return c.forCount(loop, fn)
	}
	return count{}, false
}

func (c *checker) rangeCount(loop *ast.RangeStmt, fn ast.Node) (count, bool) {
	tv, ok := c.pass.TypesInfo.Types[loop.X]
	if !ok || tv.Type == nil {
		return count{}, false
	}
	if tv.Value != nil { // range 10
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return count{base: c.src.Text(loop.X), isConst: true, constVal: v}, exact
	}
	if _, iterator := typesx.Core(tv.Type).(*types.Signature); iterator {
		return c.iteratorCount(loop)
	}
	n, ok := c.simple(loop.X)
	if !ok {
		return count{}, false
	}
	src := c.src.Text(loop.X)
	switch typesx.Core(tv.Type).(type) {
	case *types.Slice:
		n.base, n.baseIsLen = "len("+src+")", true
	case *types.Map:
		if c.mayChangeMaps(loop.Body) {
			return count{}, false
		}
		n.base, n.baseIsLen, n.impure = "len("+src+")", true, true
	case *types.Basic:
		if !types.Identical(tv.Type, types.Typ[types.Int]) {
			return count{}, false
		}
		n.base, n.baseIsLen = src, c.notNegative(loop.X, fn)
	default: // strings, channels, arrays (constant length)
		return count{}, false
	}
	return n, true
}

// iteratorCount returns the length of the collection that the loop's
// iterator walks (see typesx.IteratedCollection): len(m) for maps.Keys(m),
// c.Len() for c.All().
func (c *checker) iteratorCount(loop *ast.RangeStmt) (count, bool) {
	coll, byLen := typesx.IteratedCollection(c.pass.TypesInfo, loop.X)
	if coll == nil {
		return count{}, false
	}
	n, ok := c.simple(coll)
	if !ok {
		return count{}, false
	}
	src := c.src.Text(coll)
	switch {
	case byLen:
		n.base, n.baseIsLen = src+".Len()", true
		n.lenOf = append(n.lenOf, coll)
	case isMap(c.pass.TypesInfo.TypeOf(coll)):
		if c.mayChangeMaps(loop.Body) {
			return count{}, false
		}
		n.base, n.baseIsLen, n.impure = "len("+src+")", true, true
	default:
		n.base, n.baseIsLen = "len("+src+")", true
	}
	return n, true
}

// forCount handles "for i := lo; i < hi; i++" and "for i := hi; i >= lo; i--"
// with a constant lo, and the < <= > >= variants.
func (c *checker) forCount(loop *ast.ForStmt, fn ast.Node) (count, bool) {
	info := c.pass.TypesInfo
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || (init.Tok != token.DEFINE && init.Tok != token.ASSIGN) {
		return count{}, false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return count{}, false
	}
	i, ok := info.ObjectOf(id).(*types.Var)
	if !ok || !isInteger(i.Type()) {
		return count{}, false
	}
	if step, ok := loop.Post.(*ast.AssignStmt); ok {
		return c.stepCount(loop, fn, init, i, step)
	}
	post, ok := loop.Post.(*ast.IncDecStmt)
	if !ok || info.ObjectOf(identOf(post.X)) != i {
		return count{}, false
	}
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok {
		return count{}, false
	}
	op, other := cond.Op, cond.Y
	if info.ObjectOf(identOf(cond.Y)) == i {
		op, other = mirror(op), cond.X
	} else if info.ObjectOf(identOf(cond.X)) != i {
		return count{}, false
	}

	// The count is base - low, plus one if the bound is inclusive.
	var base, low ast.Expr
	var inclusive bool
	switch {
	case post.Tok == token.INC && (op == token.LSS || op == token.LEQ):
		base, low, inclusive = other, init.Rhs[0], op == token.LEQ
	case post.Tok == token.DEC && (op == token.GTR || op == token.GEQ):
		base, low, inclusive = init.Rhs[0], other, op == token.GEQ
	default:
		return count{}, false
	}
	lowVal, ok := intConst(info, low)
	if !ok || astx.Mentions(c.pass.TypesInfo, base, i) || len(c.escapedVars(fn)[i]) > 0 || c.modifies(loop.Body, []*types.Var{i}) {
		return count{}, false
	}
	tv, ok := info.Types[base]
	if !ok || !isInteger(tv.Type) {
		return count{}, false
	}
	if tv.Value != nil { // a constant count: high - low
		high, exact := intConst(info, base)
		n := count{base: c.src.Text(base), isConst: true, constVal: high - lowVal}
		_, lowIsLit := ast.Unparen(low).(*ast.BasicLit)
		switch {
		case lowVal == 0:
		case lowIsLit:
			n.base += " - " + c.src.Text(low)
		default:
			n.base += " - (" + c.src.Text(low) + ")"
		}
		if inclusive {
			n = n.plus(1)
		}
		if _, baseIsLit := ast.Unparen(base).(*ast.BasicLit); baseIsLit && (lowVal != 0 || inclusive) && (lowVal == 0 || lowIsLit) {
			// for i := 1; i <= 10; i++ runs 10 times, not "10 - 1 + 1"
			n.base, n.offset = strconv.FormatInt(n.constVal, 10), 0
		}
		return n, exact
	}
	if !types.Identical(tv.Type, types.Typ[types.Int]) {
		return count{}, false
	}
	n, ok := c.simple(base)
	if !ok {
		return count{}, false
	}
	// An upward loop re-reads its bound on every iteration; a downward one
	// reads its start once.
	if post.Tok == token.INC && !c.stable(loop.Body, n, fn) {
		return count{}, false
	}
	offset := -lowVal
	if inclusive {
		offset++
	}
	// Fold "len(xs) - 1" into the offset, so that the count reads len(xs).
	if bin, ok := ast.Unparen(base).(*ast.BinaryExpr); ok && (bin.Op == token.ADD || bin.Op == token.SUB) {
		if k, ok := intConst(info, bin.Y); ok {
			if bin.Op == token.SUB {
				k = -k
			}
			base, offset = bin.X, offset+k
		}
	}
	n.base, n.baseIsLen, n.offset = c.src.Text(base), c.notNegative(base, fn), offset
	return n, true
}

// stepCount handles "for i := lo; i+a < n; i += s" with constants lo, a
// and s > 1, as when a loop takes key-value pairs: it runs
// ceil((n-a-lo)/s) times, written (n + s-1-a-lo) / s.
func (c *checker) stepCount(loop *ast.ForStmt, fn ast.Node, init *ast.AssignStmt, i *types.Var, step *ast.AssignStmt) (count, bool) {
	info := c.pass.TypesInfo
	s, ok := intConst(info, step.Rhs[0])
	if step.Tok != token.ADD_ASSIGN || len(step.Lhs) != 1 || info.ObjectOf(identOf(step.Lhs[0])) != i || !ok || s < 2 {
		return count{}, false
	}
	lo, ok := intConst(info, init.Rhs[0])
	cond, ok2 := ast.Unparen(loop.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || cond.Op != token.LSS || len(c.escapedVars(fn)[i]) > 0 || c.modifies(loop.Body, []*types.Var{i}) {
		return count{}, false
	}
	var a int64
	switch x := ast.Unparen(cond.X).(type) {
	case *ast.Ident:
		ok = info.ObjectOf(x) == i
	case *ast.BinaryExpr:
		a, ok = intConst(info, x.Y)
		ok = ok && x.Op == token.ADD && info.ObjectOf(identOf(x.X)) == i
	default:
		ok = false
	}
	if tv := info.Types[cond.Y]; !ok || tv.Value != nil || !types.Identical(tv.Type, types.Typ[types.Int]) {
		return count{}, false
	}
	n, ok := c.simple(cond.Y)
	if !ok || !c.stable(loop.Body, n, fn) {
		return count{}, false
	}
	bound := c.src.Text(cond.Y)
	if k := s - 1 - a - lo; k != 0 {
		bound = count{base: bound, offset: k}.String()
		bound = "(" + bound + ")"
	}
	n.base = bound + " / " + strconv.FormatInt(s, 10)
	n.baseIsLen = c.isLen(cond.Y) && s-1-a-lo >= 0
	return n, true
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// mirror returns op with its operands swapped: a < b is b > a.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

func intConst(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

func (c *checker) isLen(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && (c.isBuiltin(call.Fun, "len") || c.isBuiltin(call.Fun, "cap") || astx.IsLenMethod(c.pass.TypesInfo, call))
}

// notNegative reports whether e is a length (len, cap, a Len method), a
// count a Num method gives (t.NumFields(), typ.NumMethod()), or a local of
// fn that is only ever given those, non-negative constants and CPU counts
// (nCores := 1, or runtime.NumCPU()).
func (c *checker) notNegative(e ast.Expr, fn ast.Node) bool {
	if c.isLen(e) || isNumMethod(c.pass.TypesInfo, e) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	v, isVar := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !isVar || fn == nil || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || v.IsField() {
		return false
	}
	values := astx.Values(c.pass.TypesInfo, fn, v) // nil if v is changed otherwise (n -= k, n++, &n)
	if len(values) == 0 {
		return false
	}
	return !slices.ContainsFunc(values, func(value ast.Expr) bool {
		if k, ok := intConst(c.pass.TypesInfo, value); ok {
			return k < 0
		}
		return !c.isLen(value) && !isNumMethod(c.pass.TypesInfo, value) && !isCPUCount(c.pass.TypesInfo, value)
	})
}

// isNumMethod reports whether e calls a method named Num and a capital
// (NumFields, NumMethod, NumIn) without arguments that returns an int: by
// convention, as in go/types and reflect, a count of parts, never
// negative.
func isNumMethod(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(sel.Sel.Name) < 4 || !strings.HasPrefix(sel.Sel.Name, "Num") || !unicode.IsUpper(rune(sel.Sel.Name[3])) {
		return false
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	sig := s.Obj().(*types.Func).Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Int])
}

// isCPUCount reports whether e calls runtime.NumCPU, which is at least 1.
func isCPUCount(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(info, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "runtime" && fn.Name() == "NumCPU"
}

// simple checks that e can be evaluated again without side effects: it is
// made of names of variables and constants, field selections, len, cap,
// a Len method, integer literals and + - *. It returns what e reads.
func (c *checker) simple(e ast.Expr) (count, bool) {
	info := c.pass.TypesInfo
	var n count
	var visit func(e ast.Expr) bool
	visit = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.BasicLit:
			return e.Kind == token.INT
		case *ast.Ident:
			switch obj := info.Uses[e].(type) {
			case *types.Const:
			case *types.Var:
				if obj.IsField() {
					return false
				}
				if obj.Parent() == c.pass.Pkg.Scope() {
					n.impure = true
				} else {
					n.vars = append(n.vars, obj)
				}
			default:
				return false
			}
			n.idents = append(n.idents, e)
			return true
		case *ast.SelectorExpr:
			sel := info.Selections[e]
			if sel == nil { // a qualified name
				pkg, ok := e.X.(*ast.Ident)
				if !ok {
					return false
				}
				switch info.Uses[e.Sel].(type) {
				case *types.Const:
				case *types.Var:
					n.impure = true
				default:
					return false
				}
				n.idents = append(n.idents, pkg)
				return true
			}
			if sel.Kind() != types.FieldVal {
				return false
			}
			if t := info.TypeOf(e.X); t == nil || isPointer(t) || sel.Indirect() {
				n.impure = true
			}
			return visit(e.X)
		case *ast.CallExpr:
			if astx.IsLenMethod(info, e) {
				recv := ast.Unparen(e.Fun).(*ast.SelectorExpr).X
				n.lenOf = append(n.lenOf, recv)
				return visit(recv)
			}
			if len(e.Args) != 1 || !c.isLen(e) {
				return false
			}
			t := info.TypeOf(e.Args[0])
			if t == nil || isChan(t) {
				return false // a channel's length changes under our feet
			}
			if isMap(t) {
				n.impure = true // a map is shared: read before a lock, its length is not the one inside
			}
			n.idents = append(n.idents, ast.Unparen(e.Fun).(*ast.Ident))
			return visit(e.Args[0])
		case *ast.BinaryExpr:
			return (e.Op == token.ADD || e.Op == token.SUB || e.Op == token.MUL) && visit(e.X) && visit(e.Y)
		}
		return false
	}
	return n, visit(e)
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// stable reports whether running node leaves the value of n unchanged for
// the code after it.
func (c *checker) stable(node ast.Node, n count, fn ast.Node) bool {
	if ifs, ok := node.(*ast.IfStmt); ok && ifs.Else == nil && returns(ifs.Body) {
		// Its body leaves the function: the code after it sees only
		// what the condition did.
		return (ifs.Init == nil || c.stable(ifs.Init, n, fn)) && c.stable(ifs.Cond, n, fn)
	}
	if c.modifies(node, n.vars) || slices.ContainsFunc(n.lenOf, func(recv ast.Expr) bool { return c.changesLength(node, recv) }) {
		return false
	}
	escaped := c.escapedVars(fn)
	if c.hasCalls(node, true) && (n.impure || slices.ContainsFunc(n.vars, func(v *types.Var) bool { return len(escaped[v]) > 0 })) {
		return false
	}
	return !n.impure || !c.writesMemory(node, n) && !communicates(node)
}

// communicates reports whether node sends or receives on a channel: what
// a pointer reaches may change at that point, as at a call.
func communicates(node ast.Node) bool {
	return astx.Any(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt, *ast.SelectStmt:
			return true
		case *ast.UnaryExpr:
			return n.Op == token.ARROW
		}
		return false
	})
}

// readers are the methods of a collection that read it: a loop that calls
// only these on it leaves its Len unchanged.
var readers = []string{"Len", "Cap", "At", "Get", "Index", "Item", "Key", "Value", "Elem", "Contains", "Has"}

// changesLength reports whether node may change what recv.Len() returns:
// it calls a method of recv other than readers, or passes recv to a call.
func (c *checker) changesLength(node ast.Node, recv ast.Expr) bool {
	text := types.ExprString(recv)
	root := c.root(recv)
	return astx.Any(node, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && types.ExprString(sel.X) == text && !slices.Contains(readers, sel.Sel.Name) {
			return true
		}
		return root != nil && slices.ContainsFunc(call.Args, func(arg ast.Expr) bool { return c.root(arg) == root })
	})
}

// modifies reports whether node assigns to vars, or to parts of them, or
// takes their address.
func (c *checker) modifies(node ast.Node, vars []*types.Var) bool {
	if len(vars) == 0 {
		return false
	}
	hit := func(e ast.Expr) bool { return e != nil && slices.Contains(vars, c.root(e)) }
	return astx.Any(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			return slices.ContainsFunc(n.Lhs, hit)
		case *ast.IncDecStmt:
			return hit(n.X)
		case *ast.RangeStmt:
			return n.Tok == token.ASSIGN && (hit(n.Key) || hit(n.Value))
		case *ast.UnaryExpr:
			return n.Op == token.AND && hit(n.X)
		}
		return false
	})
}

// hasCalls reports whether node calls a function (not a builtin, nor a
// conversion), which might change any memory it can reach; with argsOnly,
// not counting calls that reach only what they are given (see
// onlyTouchesArgs), an exception measured only for the code between a
// slice's declaration and its loop.
func (c *checker) hasCalls(node ast.Node, argsOnly bool) bool {
	return astx.Any(node, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		_, builtin := c.pass.TypesInfo.Uses[identOf(call.Fun)].(*types.Builtin)
		return !c.pass.TypesInfo.Types[call.Fun].IsType() && !builtin && !(argsOnly && c.onlyTouchesArgs(call))
	})
}

// onlyTouchesArgs reports whether call runs a function of the standard
// library given only strings, numbers and slices of them
// (sort.Strings(names), strings.Join(parts, ",")): it can reach no memory
// but theirs, and calls no method of the package's types.
func (c *checker) onlyTouchesArgs(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || !typesx.IsStd(fn.Pkg()) || fn.Signature().Recv() != nil {
		return false
	}
	plain := func(t types.Type) bool {
		_, ok := t.Underlying().(*types.Basic)
		return ok
	}
	return !slices.ContainsFunc(call.Args, func(arg ast.Expr) bool {
		t := c.pass.TypesInfo.TypeOf(arg)
		if t == nil {
			return true
		}
		if sl, ok := t.Underlying().(*types.Slice); ok {
			t = sl.Elem()
		}
		return !plain(t)
	})
}

// writesMemory reports whether node stores anywhere but in a variable or
// in a field of a basic type (a flag, a number) that n does not read: such
// a field holds no reference, so storing into it changes nothing else.
func (c *checker) writesMemory(node ast.Node, n count) bool {
	stores := func(e ast.Expr) bool {
		if identOf(e) != nil {
			return false
		}
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		b, basic := c.pass.TypesInfo.TypeOf(sel).Underlying().(*types.Basic)
		return !basic || b.Kind() == types.UnsafePointer || strings.Contains(n.base, "."+sel.Sel.Name)
	}
	return astx.Any(node, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			return node.Tok != token.DEFINE && slices.ContainsFunc(node.Lhs, stores)
		case *ast.IncDecStmt:
			return stores(node.X)
		}
		return false
	})
}

// mayChangeMaps reports whether body may add or delete entries of a map
// being ranged over: it calls functions, deletes, or stores into a map
// other than a fresh one it is filling.
func (c *checker) mayChangeMaps(body *ast.BlockStmt) bool {
	if c.hasCalls(body, false) {
		return true
	}
	return astx.Any(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			return c.isBuiltin(n.Fun, "delete") || c.isBuiltin(n.Fun, "clear")
		case *ast.AssignStmt:
			return slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool {
				index, ok := ast.Unparen(e).(*ast.IndexExpr)
				return ok && isMap(c.pass.TypesInfo.TypeOf(index.X)) && c.localVar(index.X) == nil
			})
		}
		return false
	})
}

// declaredByInput returns the call that reads the count n from the input,
// if n is a variable that fn sets from a number decoded from bytes or
// text (strconv.Atoi, binary.Uvarint, a Read or Decode function that
// returns an integer), directly or through another variable: a
// length-prefixed list whose elements the loop then reads. Such a count
// is what the input claims, not what it holds.
func (c *checker) declaredByInput(n count, fn ast.Node) string {
	if n.baseIsLen || n.isConst || len(n.vars) != 1 {
		return ""
	}
	return c.decodedInto(n.vars[0], fn, 2)
}

// decodedInto returns the call of a number decoder that fn assigns to v,
// following assignments from other local variables up to depth deep.
func (c *checker) decodedInto(v *types.Var, fn ast.Node, depth int) string {
	info := c.pass.TypesInfo
	var from string
	assigns := func(lhs []ast.Expr, rhs []ast.Expr) {
		if !slices.ContainsFunc(lhs, func(e ast.Expr) bool { return info.ObjectOf(identOf(e)) == v }) {
			return
		}
		for _, r := range rhs {
			astx.Any(r, func(x ast.Node) bool {
				switch x := x.(type) {
				case *ast.CallExpr:
					if fn, ok := typeutil.Callee(info, x).(*types.Func); ok && decodesNumber(fn) {
						from = c.src.Text(x.Fun)
					}
				case *ast.Ident:
					if w, ok := info.Uses[x].(*types.Var); ok && w != v && depth > 0 && !w.IsField() && w.Parent() != nil && w.Parent() != w.Pkg().Scope() {
						from = c.decodedInto(w, fn, depth-1)
					}
				}
				return from != ""
			})
		}
	}
	ast.Inspect(fn, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			assigns(node.Lhs, node.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(node.Names))
			for i, name := range node.Names {
				lhs[i] = name
			}
			assigns(lhs, node.Values)
		}
		return from == ""
	})
	return from
}

// numberReaders start the lower-cased names of functions that read a
// number from their input.
var numberReaders = []string{"read", "decode"}

// decodesNumber reports whether fn reads an integer from bytes or text:
// strconv's parsers, encoding/binary, or a function or method named
// Read… or Decode… whose first result is an integer. Not a parser's own
// parseInt: the counts of a format the program itself wrote (export data,
// where the std maintainers preallocate from them).
func decodesNumber(fn *types.Func) bool {
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "strconv":
			return slices.Contains([]string{"Atoi", "ParseInt", "ParseUint"}, fn.Name())
		case "encoding/binary":
			return true
		}
	}
	results := fn.Signature().Results()
	name := strings.ToLower(fn.Name())
	return results.Len() > 0 && isInteger(results.At(0).Type()) && slices.ContainsFunc(numberReaders, func(verb string) bool { return strings.HasPrefix(name, verb) })
}
