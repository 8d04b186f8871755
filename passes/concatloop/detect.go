package concatloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// groups finds the accumulations of a file and groups them by the loop they
// grow across, in source order.
func (c *checker) groups(fileCur inspector.Cursor) []*group {
	var groups []*group
	byLoop := make(map[ast.Node]*group)
	for cur := range fileCur.Preorder((*ast.AssignStmt)(nil)) {
		acc := c.accumulation(cur.Node().(*ast.AssignStmt))
		if acc == nil {
			continue
		}
		acc.cur = cur
		loop, fn, ok := c.growthLoop(cur, acc.target)
		if !ok {
			continue
		}
		g := byLoop[loop.Node()]
		switch {
		case g == nil:
			g = &group{loop: loop, fn: fn, target: acc.target}
			byLoop[loop.Node()] = g
			groups = append(groups, g)
		case g.target != acc.target:
			g.others = true
			continue
		}
		g.accums = append(g.accums, acc)
	}
	return groups
}

// accumulation returns the accumulation that stmt is, or nil.
func (c *checker) accumulation(stmt *ast.AssignStmt) *accumulation {
	if len(stmt.Lhs) != 1 || len(stmt.Rhs) != 1 || !typesx.IsString(c.info.TypeOf(stmt.Lhs[0])) {
		return nil
	}
	t, ok := c.targetOf(stmt.Lhs[0])
	if !ok {
		return nil
	}
	operands := c.flattenConcat(stmt.Rhs[0])
	switch stmt.Tok {
	case token.ADD_ASSIGN:
	case token.ASSIGN:
		// s = s + x + ...; prepending (s = x + s) is not something a
		// builder can fix, so it is left alone.
		if len(operands) < 2 {
			return nil
		}
		if first, ok := c.targetOf(operands[0]); !ok || first != t {
			return nil
		}
		operands = operands[1:]
	default:
		return nil
	}
	for _, op := range operands {
		if astx.Mentions(c.info, op, t.obj) {
			return nil // s += s doubles the string; s = s + f(s) reads it
		}
	}
	return &accumulation{stmt: stmt, target: t, operands: operands}
}

// isTypedString reports whether t is a typed string: a sum of constants
// is folded by the compiler and copies nothing at run time.
func isTypedString(t types.Type) bool {
	return typesx.IsString(t) && !typesx.IsUntyped(t)
}

// flattenConcat returns the operands of a chain of string concatenations
// a + b + c, left to right. Parenthesized sums stay whole.
func (c *checker) flattenConcat(e ast.Expr) []ast.Expr {
	if bin, ok := e.(*ast.BinaryExpr); ok && bin.Op == token.ADD && isTypedString(c.info.TypeOf(bin)) {
		return append(c.flattenConcat(bin.X), bin.Y)
	}
	return []ast.Expr{e}
}

// lastElem is the path of a target that is the last element of a slice
// variable, xs[len(xs)-1]: a run of pieces merged into one element.
const lastElem = "[last]"

// targetOf resolves x, pkg.x, x.f.g or xs[len(xs)-1] to the variable
// (path) it denotes.
func (c *checker) targetOf(e ast.Expr) (target, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && c.isLastIndex(e.Index, id) {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				return target{obj: v, path: lastElem}, true
			}
		}
	case *ast.Ident:
		if v, ok := c.info.ObjectOf(e).(*types.Var); ok && e.Name != "_" {
			return target{obj: v}, true
		}
	case *ast.SelectorExpr:
		if sel := c.info.Selections[e]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return target{}, false
			}
			base, ok := c.targetOf(e.X)
			return target{obj: base.obj, path: base.path + "." + e.Sel.Name}, ok
		}
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok { // pkg.V
			return target{obj: v}, true
		}
	}
	return target{}, false
}

// isLastIndex reports whether index is len(id)-1.
func (c *checker) isLastIndex(index ast.Expr, id *ast.Ident) bool {
	bin, ok := ast.Unparen(index).(*ast.BinaryExpr)
	if !ok || bin.Op != token.SUB || c.info.Types[bin.Y].Value == nil || c.info.Types[bin.Y].Value.ExactString() != "1" {
		return false
	}
	call, ok := ast.Unparen(bin.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fun, ok := ast.Unparen(call.Fun).(*ast.Ident)
	arg, ok2 := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok || !ok2 || fun.Name != "len" || c.info.Uses[arg] != c.info.Uses[id] {
		return false
	}
	_, isBuiltin := c.info.Uses[fun].(*types.Builtin)
	return isBuiltin
}

// growthLoop returns the outermost loop around an accumulation, within its
// function, across whose iterations the target keeps growing: the target is
// declared outside it and not reassigned in it.
func (c *checker) growthLoop(cur inspector.Cursor, t target) (loop, fn inspector.Cursor, ok bool) {
	var loops []inspector.Cursor
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = anc
		default:
			loops = append(loops, anc)
			continue
		}
		break
	}
	for i := len(loops) - 1; i >= 0; i-- {
		l := loops[i]
		if !astx.Contains(l.Node(), t.obj.Pos()) && !c.reassignedIn(l, t) && !astx.LeavesAfter(c.info, cur, l) {
			return l, fn, true
		}
	}
	return inspector.Cursor{}, fn, false
}

// reassignedIn reports whether the loop writes t (or the variable its
// field path starts from) other than by accumulating, or takes its address.
func (c *checker) reassignedIn(loop inspector.Cursor, t target) bool {
	overwrites := func(lhs ast.Expr) bool {
		lt, ok := c.targetOf(lhs)
		return ok && lt.obj == t.obj && strings.HasPrefix(t.path+".", lt.path+".")
	}
	if t.path == lastElem {
		// Appending a new element starts a new run; the element that grew
		// stays in the slice.
		overwrites = func(lhs ast.Expr) bool {
			lt, ok := c.targetOf(lhs)
			return ok && lt == t
		}
	}
	for cur := range loop.Preorder((*ast.AssignStmt)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if acc := c.accumulation(n); acc != nil && acc.target == t {
				continue
			}
			if t.path == lastElem && cur.Parent().Node() == astx.LoopBody(loop.Node()) && c.appendsTo(n, t.obj) {
				// Every iteration appends a new last element: each
				// element grows once, and nothing is copied twice
				// (lines[len(lines)-1] += ","; lines = append(lines, l)).
				return true
			}
			for _, lhs := range n.Lhs {
				if overwrites(lhs) {
					return true
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && overwrites(n.Key) || n.Value != nil && overwrites(n.Value)) {
				return true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && astx.Mentions(c.info, n.X, t.obj) {
				return true
			}
		}
	}
	return false
}

// appendsTo reports whether as is v = append(v, ...).
func (c *checker) appendsTo(as *ast.AssignStmt, v *types.Var) bool {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	call, ok2 := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !ok2 || c.info.ObjectOf(lhs) != v || len(call.Args) == 0 || !astx.IsBuiltin(c.info, call.Fun, "append") {
		return false
	}
	arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && c.info.Uses[arg] == v
}

// onlyWhenEmpty reports whether acc runs only while its string is empty:
// in an if, or a case of a switch without a tag, whose condition requires
// s == "" or len(s) == 0 (alone or in an && chain). It sets the string's
// first part and copies nothing; another statement grows it.
func (c *checker) onlyWhenEmpty(acc *accumulation, loop ast.Node) bool {
	for anc := range acc.cur.Enclosing((*ast.IfStmt)(nil), (*ast.CaseClause)(nil)) {
		if !astx.Contains(loop, anc.Node().Pos()) || anc.Node() == loop {
			break
		}
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			if astx.Contains(n.Body, acc.stmt.Pos()) && c.requiresEmpty(n.Cond, acc.target) {
				return true
			}
		case *ast.CaseClause:
			sw, ok := anc.Parent().Parent().Node().(*ast.SwitchStmt)
			if ok && sw.Tag == nil && len(n.List) == 1 && c.requiresEmpty(n.List[0], acc.target) {
				return true
			}
		}
	}
	return false
}

// requiresEmpty reports whether cond holds only when t is empty.
func (c *checker) requiresEmpty(cond ast.Expr, t target) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	switch {
	case !ok:
		return false
	case bin.Op == token.LAND:
		return c.requiresEmpty(bin.X, t) || c.requiresEmpty(bin.Y, t)
	case bin.Op != token.EQL:
		return false
	}
	is := func(e ast.Expr) bool {
		got, ok := c.targetOf(ast.Unparen(e))
		return ok && got == t
	}
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		x, other := ast.Unparen(pair[0]), pair[1]
		if call, ok := x.(*ast.CallExpr); ok && astx.IsBuiltin(c.info, call.Fun, "len") && len(call.Args) == 1 && is(call.Args[0]) && astx.IsIntConst(c.info, other, 0) {
			return true
		}
		if tv := c.info.Types[other]; is(x) && tv.Value != nil && tv.Value.ExactString() == `""` {
			return true
		}
	}
	return false
}
