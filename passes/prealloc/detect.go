package prealloc

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/sizeexpr"
	"github.com/memlint/memlint/internal/typesx"
)

// accumulations returns the accumulations of body, one per variable: each
// is a statement of the body, or of an if or switch in it (conditional: its
// count is only an upper bound). Nested loops and function literals are
// not searched.
func (c *checker) accumulations(loop ast.Node) []accumulation {
	body := astx.LoopBody(loop)
	var elem types.Object // the range value, which conditions may compare
	if rng, ok := loop.(*ast.RangeStmt); ok && identOf(rng.Value) != nil {
		elem = c.pass.TypesInfo.ObjectOf(identOf(rng.Value))
	}
	type key struct{ v, field *types.Var }
	var accs []accumulation
	seen := make(map[key]int)
	var visit func(stmts []ast.Stmt, cond ast.Node, skipsConstants bool)
	visit = func(stmts []ast.Stmt, cond ast.Node, skipsConstants bool) {
		for _, stmt := range stmts {
			switch s := stmt.(type) {
			case *ast.IfStmt:
				if acc, ok := c.appendOnEveryBranch(s); ok {
					acc.cond, acc.skipsConstants = cond, cond != nil && skipsConstants
					seen[key{acc.v, acc.field}]++
					accs = append(accs, acc)
					continue
				}
				visit(s.Body.List, s, (cond == nil || skipsConstants) && c.skipsConstants(s.Cond, token.NEQ, elem))
				if s.Else != nil {
					visit([]ast.Stmt{s.Else}, s, (cond == nil || skipsConstants) && c.skipsConstants(s.Cond, token.EQL, elem))
				}
			case *ast.SwitchStmt:
				for _, clause := range s.Body.List {
					cc := clause.(*ast.CaseClause)
					visit(cc.Body, cc, (cond == nil || skipsConstants) && cc.List == nil && c.casesAreConstants(s, elem))
				}
			case *ast.BlockStmt:
				visit(s.List, cond, skipsConstants)
			default:
				acc, ok := c.asAccumulation(stmt)
				if !ok {
					continue
				}
				acc.cond, acc.skipsConstants = cond, cond != nil && skipsConstants
				seen[key{acc.v, acc.field}]++
				accs = append(accs, acc)
			}
		}
	}
	visit(body.List, nil, false)
	return slices.DeleteFunc(accs, func(a accumulation) bool { return seen[key{a.v, a.field}] > 1 })
}

// appendOnEveryBranch returns the append of an if/else chain that appends
// one element to the same slice on every branch that does not return,
// and nothing else leaves or skips: one element per
// iteration that goes on, as an unconditional append (if valid { out =
// append(out, x) } else { out = append(out, fallback) }, or if err == nil
// { out = append(out, x) } else { return nil, err }).
func (c *checker) appendOnEveryBranch(s *ast.IfStmt) (accumulation, bool) {
	bodies, ok := branchBodies(s)
	if !ok {
		return accumulation{}, false
	}
	var first accumulation
	appends := 0
	for _, body := range bodies {
		if returns(body) {
			continue
		}
		acc, ok := c.singleAppend(body)
		if !ok || appends > 0 && (acc.v != first.v || acc.field != first.field) {
			return accumulation{}, false
		}
		if appends == 0 {
			first = acc
		} else {
			first.others = append(first.others, acc.stmt)
		}
		appends++
	}
	return first, appends > 0
}

// returns reports whether a block ends by returning.
func returns(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	_, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	return ok
}

// branchBodies returns the blocks of an if / else if / else chain, or
// false if the chain has no final else.
func branchBodies(s *ast.IfStmt) ([]*ast.BlockStmt, bool) {
	var bodies []*ast.BlockStmt
	for {
		bodies = append(bodies, s.Body)
		switch e := s.Else.(type) {
		case *ast.BlockStmt:
			return append(bodies, e), true
		case *ast.IfStmt:
			s = e
		default:
			return nil, false
		}
	}
}

// singleAppend returns the one append to a slice among the statements of
// body, if body has exactly one and no statement that returns, breaks,
// continues or jumps.
func (c *checker) singleAppend(body *ast.BlockStmt) (accumulation, bool) {
	var found accumulation
	n := 0
	for _, stmt := range body.List {
		if acc, ok := c.asAccumulation(stmt); ok && !acc.isMap {
			found = acc
			n++
		}
	}
	jumps := false
	ast.Inspect(body, func(node ast.Node) bool {
		switch node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			jumps = true
		}
		return !jumps
	})
	return found, n == 1 && !jumps
}

// skipsConstants reports whether cond compares the element elem with
// constants by op, joined by && for != (x != "." && x != "..") or by ||
// for ==: the branch it guards then skips only a few constant values, and
// the loop's count is a tight upper bound. Comparing a property of the
// element (len(x.IP) == 4) splits the elements instead.
func (c *checker) skipsConstants(cond ast.Expr, op token.Token, elem types.Object) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || elem == nil {
		return false
	}
	if op == token.NEQ && bin.Op == token.LAND || op == token.EQL && bin.Op == token.LOR {
		return c.skipsConstants(bin.X, op, elem) && c.skipsConstants(bin.Y, op, elem)
	}
	info := c.pass.TypesInfo
	isElem := func(e ast.Expr) bool { return identOf(e) != nil && info.Uses[identOf(e)] == elem }
	return bin.Op == op && (isElem(bin.X) && info.Types[bin.Y].Value != nil || isElem(bin.Y) && info.Types[bin.X].Value != nil)
}

// casesAreConstants reports whether every case of a switch on the
// element elem lists constants: its default clause skips only those.
func (c *checker) casesAreConstants(s *ast.SwitchStmt, elem types.Object) bool {
	if s.Tag == nil || elem == nil || identOf(s.Tag) == nil || c.pass.TypesInfo.Uses[identOf(s.Tag)] != elem {
		return false
	}
	for _, clause := range s.Body.List {
		for _, e := range clause.(*ast.CaseClause).List {
			if c.pass.TypesInfo.Types[e].Value == nil {
				return false
			}
		}
	}
	return true
}

func (c *checker) asAccumulation(stmt ast.Stmt) (accumulation, bool) {
	assign, ok := stmt.(*ast.AssignStmt)
	if !ok || assign.Tok != token.ASSIGN || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return accumulation{}, false
	}
	if index, ok := assign.Lhs[0].(*ast.IndexExpr); ok {
		v := c.localVar(index.X)
		if v == nil && c.inInit {
			v = c.packageVar(index.X)
		}
		if v == nil || !isMap(v.Type()) || astx.Mentions(c.pass.TypesInfo, index.Index, v) || astx.Mentions(c.pass.TypesInfo, assign.Rhs[0], v) {
			return accumulation{}, false // m[k] = append(m[k], v) groups: the map gets fewer keys
		}
		return accumulation{v: v, stmt: stmt, isMap: true}, true
	}
	acc := accumulation{stmt: stmt}
	acc.v, acc.field = c.target(assign.Lhs[0])
	call, ok := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
	if acc.v == nil || !ok || !c.isBuiltin(call.Fun, "append") || len(call.Args) != 2 || call.Ellipsis.IsValid() ||
		!c.names(call.Args[0], acc) || !isSlice(acc.typ()) {
		return accumulation{}, false
	}
	return acc, true
}

// target returns the local variable that e names, or the local struct
// variable and field of e = v.field.
func (c *checker) target(e ast.Expr) (v, field *types.Var) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return c.localVar(e), nil
	}
	s := c.pass.TypesInfo.Selections[sel]
	v = c.localVar(sel.X)
	if s == nil || s.Kind() != types.FieldVal || s.Indirect() || v == nil {
		return nil, nil
	}
	return v, s.Obj().(*types.Var)
}

// names reports whether e names the slice that acc accumulates.
func (c *checker) names(e ast.Expr, acc accumulation) bool {
	v, field := c.target(e)
	return v == acc.v && field == acc.field
}

// localVar returns the local variable that e names, if it does.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

// packageVar returns the package variable of this package that e names.
// init may fill one like a local: nothing else runs concurrently with it.
func (c *checker) packageVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() != c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

func (c *checker) isBuiltin(fun ast.Expr, name string) bool {
	return astx.IsBuiltin(c.pass.TypesInfo, fun, name)
}

func isSlice(t types.Type) bool {
	_, ok := typesx.Core(t).(*types.Slice)
	return ok
}

func isMap(t types.Type) bool {
	_, ok := typesx.Core(t).(*types.Map)
	return ok
}

// leavesEarly reports whether body, of a loop in fn, may end the loop
// before its last iteration, or skip part of an iteration: then the trip
// count is only an upper bound on the number of appends. Returning an
// error does not count, nor does a bare return under if err != nil of
// fn's named error result, nor a return for which abandons holds (see
// abandonedBy): the result is abandoned with the loop.
func (c *checker) leavesEarly(body *ast.BlockStmt, fn ast.Node, abandons func(*ast.ReturnStmt) bool) bool {
	failures := c.namedErrorReturns(body, fn)
	found := false
	var visit func(root ast.Node, breakCaught, continueCaught bool)
	visit = func(root ast.Node, breakCaught, continueCaught bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = !c.returnsError(n) && !failures[n] && !abandons(n)
			case *ast.BranchStmt:
				switch {
				case n.Label != nil, n.Tok == token.GOTO:
					found = true
				case n.Tok == token.BREAK:
					found = !breakCaught
				case n.Tok == token.CONTINUE:
					found = !continueCaught
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
					found = true // conservatively, even if panic is shadowed
				}
			case *ast.ForStmt:
				visit(n.Body, true, true)
				return false
			case *ast.RangeStmt:
				visit(n.Body, true, true)
				return false
			case *ast.SwitchStmt:
				visit(n.Body, true, continueCaught)
				return false
			case *ast.TypeSwitchStmt:
				visit(n.Body, true, continueCaught)
				return false
			case *ast.SelectStmt:
				visit(n.Body, true, continueCaught)
				return false
			}
			return !found
		})
	}
	visit(body, false, false)
	return found
}

// abandonedBy returns whether a return of inner, the function around the
// loop, drops v: v is a local of inner, no result mentions it, and no
// deferred call or function literal of inner may read it afterwards
// (return nil, false when an element fails to convert: the list goes with
// the loop, whose count holds wherever the list is used).
func (c *checker) abandonedBy(inner ast.Node, v *types.Var) func(*ast.ReturnStmt) bool {
	body := astx.FuncBody(inner)
	info := c.pass.TypesInfo
	if body == nil || v.Pos() < body.Pos() || v.Pos() > body.End() {
		return func(*ast.ReturnStmt) bool { return false }
	}
	captured := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			captured = captured || astx.Mentions(info, n, v)
			return false
		case *ast.DeferStmt:
			captured = captured || astx.Mentions(info, n, v)
		}
		return !captured
	})
	return func(ret *ast.ReturnStmt) bool {
		return !captured && !astx.Mentions(info, ret, v)
	}
}

// namedErrorReturns returns the bare returns of body that end an if
// err != nil, where err is fn's last result, a named error: salt, err =
// f(); if err != nil { return }.
func (c *checker) namedErrorReturns(body *ast.BlockStmt, fn ast.Node) map[*ast.ReturnStmt]bool {
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	if ft == nil || ft.Results == nil {
		return nil
	}
	names := ft.Results.List[len(ft.Results.List)-1].Names
	if len(names) == 0 {
		return nil
	}
	info := c.pass.TypesInfo
	errVar, ok := info.Defs[names[len(names)-1]].(*types.Var)
	if !ok || !types.Identical(errVar.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	returns := make(map[*ast.ReturnStmt]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // its returns are its own
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok || len(ifs.Body.List) == 0 {
			return true
		}
		ret, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
		cond, isBin := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if ok && len(ret.Results) == 0 && isBin && cond.Op == token.NEQ && info.Types[cond.Y].IsNil() {
			if id, ok := ast.Unparen(cond.X).(*ast.Ident); ok && info.Uses[id] == errVar {
				returns[ret] = true
			}
		}
		return true
	})
	return returns
}

// neverRead reports whether fn only ever writes the local acc fills:
// declares it, appends to it and stores it back, or stores into the map.
// Nothing reads what it collects, and the remedy is to delete it
// (staticcheck's SA4010), not to give it a capacity, which would allocate
// where the loop may append nothing.
func (c *checker) neverRead(fn ast.Node, acc accumulation) bool {
	body := astx.FuncBody(fn)
	if acc.field != nil || acc.v == nil || body == nil || acc.v.Pos() < body.Pos() || acc.v.Pos() >= body.End() {
		return false // a field, a package variable, a parameter or a named result: others read it
	}
	info := c.pass.TypesInfo
	read := false
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if read || !ok || info.Uses[id] != acc.v {
			return !read
		}
		switch parent := stack[len(stack)-1].(type) {
		case *ast.AssignStmt:
			if slices.Contains(parent.Lhs, ast.Expr(id)) {
				return true // v = ...
			}
		case *ast.CallExpr:
			if c.isBuiltin(parent.Fun, "append") && parent.Args[0] == ast.Expr(id) {
				if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok && len(as.Lhs) == 1 && c.localVar(as.Lhs[0]) == acc.v {
					return true // v = append(v, ...)
				}
			}
		case *ast.IndexExpr:
			if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok && acc.isMap && parent.X == ast.Expr(id) && slices.Contains(as.Lhs, ast.Expr(parent)) && as.Tok == token.ASSIGN {
				return true // m[k] = v
			}
		}
		read = true
		return false
	})
	return !read
}

// mentionedOutside reports whether the loop refers to the accumulated
// variable anywhere but in its accumulation statement, other than in ways
// that a capacity does not change: len(v), a lookup v[k] in a map, and
// truncating a slice, v = v[:n].
func (c *checker) mentionedOutside(loop ast.Stmt, acc accumulation) bool {
	found := false
	info := c.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == acc.v
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n == acc.stmt || slices.Contains(acc.others, ast.Stmt(n)) {
				return false
			}
			if slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool {
				index, ok := ast.Unparen(e).(*ast.IndexExpr)
				return ok && isV(index.X)
			}) {
				found = true // another store into the map
				return false
			}
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && isV(n.Lhs[0]) && !acc.isMap {
				if sl, ok := ast.Unparen(n.Rhs[0]).(*ast.SliceExpr); ok && isV(sl.X) && sl.Low == nil && sl.Max == nil && sl.High != nil {
					ast.Inspect(sl.High, visit) // v = v[:n]
					return false
				}
			}
		case *ast.CallExpr:
			if c.isBuiltin(n.Fun, "len") && len(n.Args) == 1 && isV(n.Args[0]) {
				return false
			}
		case *ast.IndexExpr:
			if acc.isMap && isV(n.X) {
				ast.Inspect(n.Index, visit) // a lookup
				return false
			}
		case *ast.Ident:
			found = found || info.Uses[n] == acc.v
		}
		return !found
	}
	ast.Inspect(loop, visit)
	return found
}

// appendsAfter returns how many elements fn appends to the accumulated
// slice outside the loop, all after it and one at a time outside loops
// (resolving a path appends one last element, a list of writers gets its
// target in io.MultiWriter(append(ws, w)...)): the capacity must cover
// them too. Of the branches of an if or a switch only one runs, so they
// count as many as the largest of them (the cases of a switch on a
// function's name, each appending its own two arguments, add two). It
// reports false if fn appends elsewhere in any other way, such as before
// the loop or in a second loop: then the count is only part of the final
// length, and the right capacity a sum nobody wants to read. A map is
// never grown elsewhere by appending.
func (c *checker) appendsAfter(fn ast.Node, loop ast.Stmt, acc accumulation) (int64, bool) {
	if acc.isMap {
		return 0, true
	}
	ok := true
	var count func(n ast.Node, inLoop bool) int64
	// branches counts the appends of the statements in one branch each,
	// and returns the largest.
	branches := func(inLoop bool, stmts ...ast.Stmt) int64 {
		var most int64
		for _, s := range stmts {
			most = max(most, count(s, inLoop))
		}
		return most
	}
	count = func(n ast.Node, inLoop bool) int64 {
		var extra int64
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			switch n := n.(type) {
			case nil:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				if n == loop {
					return false
				}
				extra += count(astx.LoopBody(n), true)
				return false
			case *ast.FuncLit:
				extra += count(n.Body, true)
				return false
			case *ast.IfStmt:
				extra += count(n.Init, inLoop) + count(n.Cond, inLoop) + branches(inLoop, n.Body, n.Else)
				return false
			case *ast.SwitchStmt:
				extra += count(n.Init, inLoop) + count(n.Tag, inLoop) + branches(inLoop, n.Body.List...)
				return false
			case *ast.TypeSwitchStmt:
				extra += count(n.Init, inLoop) + count(n.Assign, inLoop) + branches(inLoop, n.Body.List...)
				return false
			case *ast.AssignStmt:
				if c.appendsTo(n, acc) {
					call := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
					if inLoop || n.Pos() < loop.Pos() || call.Ellipsis.IsValid() || len(call.Args) != 2 {
						ok = false
					}
					extra++
					return false
				}
			case *ast.CallExpr:
				// append(writers, target) handed on once after the loop: its
				// elements go into the same capacity, or make it grow. (What
				// a spread adds is unknown: the capacity saves the loop's
				// growth all the same.)
				if c.isBuiltin(n.Fun, "append") && len(n.Args) > 0 && c.names(n.Args[0], acc) && n.Pos() > loop.End() && !inLoop && !n.Ellipsis.IsValid() {
					extra += int64(len(n.Args) - 1)
				}
			}
			return ok
		}
		if n != nil {
			ast.Inspect(n, visit)
		}
		return extra
	}
	extra := count(fn, false)
	return extra, ok
}

// filledElsewhere reports whether fn stores into the map outside the
// loop while the variable may still hold the map made by init: after
// init, in its block or past the if or switch of which that block is a
// branch. The other branches make maps of their own (if shard == -1 {
// results = make(...) } else if conn == nil { results = make(...); for
// ... }), and a store before init fills an earlier map.
func (c *checker) filledElsewhere(fn ast.Node, loopCur inspector.Cursor, init ast.Stmt, acc accumulation) bool {
	loop, block := loopCur.Node(), loopCur.Parent().Node()
	branches := branchesOf(loopCur.Parent())
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == loop || found {
			return false
		}
		if assign, ok := n.(*ast.AssignStmt); ok && assign.Pos() > init.End() {
			inBlock := assign.End() <= block.End()
			pastBranches := branches == nil || assign.Pos() >= branches.End()
			found = (inBlock || pastBranches) && slices.ContainsFunc(assign.Lhs, func(e ast.Expr) bool {
				index, ok := ast.Unparen(e).(*ast.IndexExpr)
				return ok && c.pass.TypesInfo.Uses[identOf(index.X)] == acc.v
			})
		}
		return !found
	})
	return found
}

// branchesOf returns the if statement (the whole chain, for an else if)
// or the switch or select of which block is a branch, or nil.
func branchesOf(block inspector.Cursor) ast.Node {
	switch block.Node().(type) {
	case *ast.CaseClause, *ast.CommClause:
		return block.Parent().Parent().Node() // past the switch's body
	case *ast.BlockStmt:
	default:
		return nil
	}
	ifCur := block.Parent()
	if _, ok := ifCur.Node().(*ast.IfStmt); !ok {
		return nil
	}
	for {
		outer, ok := ifCur.Parent().Node().(*ast.IfStmt)
		if !ok || outer.Else != ifCur.Node() {
			return ifCur.Node()
		}
		ifCur = ifCur.Parent()
	}
}

// distinctKeys reports whether each iteration stores a key of its own, so
// that the loop's count is the map's size: the key is the range key or
// value (or a field or element of it), or the loop leaves with an error
// when a key is already there (a duplicate check). A key computed from
// each element (a set of names, usually a few distinct ones) has no count
// known before the loop.
// countsDistinct reports whether the map acc fills is a set (of bool or
// struct{} values) that the code only measures after the loop (return
// len(uniques)): it is built to count the distinct keys, so keys repeat,
// and the element count overstates its size.
func (c *checker) countsDistinct(loopCur inspector.Cursor, acc accumulation) bool {
	if acc.field != nil || !typesx.IsSet(acc.typ()) {
		return false
	}
	fn := astx.OutermostFunc(loopCur)
	if fn == nil {
		return false
	}
	loop, info := loopCur.Node(), c.pass.TypesInfo
	measured, other := false, false
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != acc.v || loop.Pos() <= id.Pos() && id.End() <= loop.End() {
			return !other
		}
		if call, ok := stack[len(stack)-1].(*ast.CallExpr); ok && c.isBuiltin(call.Fun, "len") {
			// len(seen) != len(nums) checks for duplicates, which are
			// not expected: the set is as large as the list.
			measured = true
			other = c.comparedWithCount(stack[len(stack)-2], call, loop)
		} else if as, ok := stack[len(stack)-1].(*ast.AssignStmt); !ok || !slices.Contains(as.Lhs, ast.Expr(id)) {
			other = true
		}
		return !other
	})
	return measured && !other
}

// comparedWithCount reports whether parent compares the call with the
// length of what loop ranges over (len(seen) != len(nums)).
func (c *checker) comparedWithCount(parent ast.Node, call *ast.CallExpr, loop ast.Node) bool {
	bin, ok := parent.(*ast.BinaryExpr)
	rng, isRange := loop.(*ast.RangeStmt)
	if !ok || !isRange {
		return false
	}
	other := bin.X
	if other == ast.Expr(call) {
		other = bin.Y
	}
	n, ok := ast.Unparen(other).(*ast.CallExpr)
	return ok && c.isBuiltin(n.Fun, "len") && len(n.Args) == 1 && types.ExprString(n.Args[0]) == types.ExprString(rng.X)
}

func (c *checker) distinctKeys(loopCur inspector.Cursor, acc accumulation) bool {
	index := ast.Unparen(acc.stmt.(*ast.AssignStmt).Lhs[0]).(*ast.IndexExpr)
	info := c.pass.TypesInfo
	if acc.cond != nil && c.readsMap(astx.LoopBody(loopCur.Node()), acc) {
		return false // stored only when the key is absent (or present): keys repeat
	}
	if c.countsDistinct(loopCur, acc) || c.collectsMapValues(loopCur.Node(), acc, index) {
		return false
	}
	var elems []types.Object // the variables that change with each element
	switch loop := loopCur.Node().(type) {
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{loop.Key, loop.Value} {
			if id := identOf(e); id != nil {
				elems = append(elems, info.ObjectOf(id))
			}
		}
	case *ast.ForStmt:
		if inc, ok := loop.Post.(*ast.IncDecStmt); ok {
			elems = append(elems, info.ObjectOf(identOf(inc.X)))
		}
	}
	isElem := func(e ast.Expr) bool {
		id := identOf(e)
		return id != nil && info.Uses[id] != nil && slices.Contains(elems, info.Uses[id])
	}
	// The element itself, a field or element of it (u.ID), or a table's
	// entry at the element's position (names[i]). A field that classifies
	// the elements (item.Kind, n.XMLName.Local) has a few distinct values,
	// not one per element.
	set := typesx.IsSet(acc.typ()) || c.storesConstant(acc)
	if sel, ok := ast.Unparen(index.Index).(*ast.SelectorExpr); ok && (classifies(sel.Sel.Name) || isElem(sel.X) && c.sharedAttribute(sel, set) || set && c.partAttribute(sel, isElem)) {
		return false
	}
	for key := ast.Unparen(index.Index); ; {
		if isElem(key) {
			return true
		}
		switch x := key.(type) {
		case *ast.SelectorExpr:
			if info.Selections[x] != nil {
				key = ast.Unparen(x.X)
				continue
			}
		case *ast.IndexExpr:
			if isElem(x.Index) {
				return true
			}
			if bin, ok := ast.Unparen(x.Index).(*ast.BinaryExpr); ok && (bin.Op == token.ADD || bin.Op == token.SUB) && isElem(bin.X) && info.Types[bin.Y].Value != nil {
				return true
			}
			key = ast.Unparen(x.X)
			continue
		}
		break
	}
	return c.checksDuplicates(astx.LoopBody(loopCur.Node()), acc.v)
}

// collectsMapValues reports whether loop ranges over a map and keys a set
// by the map's values (haveRange[r] = r, seen[v] = true): a map's keys are
// distinct, its values need not be (the ranges of opcodes, far fewer than
// the opcodes), so the source's size overstates the set's. A map that
// inverts another (byName[v] = k) is not such a set.
func (c *checker) collectsMapValues(loop ast.Node, acc accumulation, index *ast.IndexExpr) bool {
	rng, ok := loop.(*ast.RangeStmt)
	info := c.pass.TypesInfo
	if !ok || identOf(rng.Value) == nil || !isMap(info.TypeOf(rng.X)) {
		return false
	}
	value := info.ObjectOf(identOf(rng.Value))
	key := identOf(index.Index)
	if key == nil || info.Uses[key] != value {
		return false
	}
	stored := identOf(acc.stmt.(*ast.AssignStmt).Rhs[0])
	return typesx.IsSet(acc.typ()) || stored != nil && info.Uses[stored] == value
}

// fewConstantKeys reports whether the map's key can only be one of at
// most 8 constants, so that the map never grows: a switch on the key
// lists constants in its cases, and the map is filled in one of them, or
// after the switch when its default leaves the iteration (a set of the
// allowed flags seen, which rejects any other value); or an if before the
// store leaves the iteration unless the key is one of at most 8 values
// (see keysAllowed).
func (c *checker) fewConstantKeys(loopCur inspector.Cursor, acc accumulation) bool {
	index := ast.Unparen(acc.stmt.(*ast.AssignStmt).Lhs[0]).(*ast.IndexExpr)
	for _, stmt := range astx.LoopBody(loopCur.Node()).List {
		if stmt.Pos() > acc.stmt.Pos() {
			break
		}
		if n := c.keysAllowed(loopCur.Node(), stmt, index.Index); n > 0 && n <= 8 {
			return true
		}
	}
	id := identOf(index.Index)
	if id == nil || c.pass.TypesInfo.Uses[id] == nil {
		return false
	}
	key := c.pass.TypesInfo.Uses[id]
	for _, stmt := range astx.LoopBody(loopCur.Node()).List {
		if stmt.Pos() > acc.stmt.Pos() {
			break
		}
		s, ok := stmt.(*ast.SwitchStmt)
		if !ok || !c.casesAreConstants(s, key) {
			continue
		}
		constants, rejectsOthers, inCase := 0, false, false
		for _, clause := range s.Body.List {
			cc := clause.(*ast.CaseClause)
			constants += len(cc.List)
			if cc.List == nil {
				rejectsOthers = len(cc.Body) > 0 && c.leavesIteration(cc.Body[len(cc.Body)-1])
			} else if cc.Pos() <= acc.stmt.Pos() && acc.stmt.End() <= cc.End() {
				inCase = true // filled under a case of constants, not the default
			}
		}
		if constants <= 8 && (inCase || rejectsOthers && acc.stmt.Pos() > s.End()) {
			return true
		}
	}
	return false
}

// keysAllowed returns how many values stmt lets the key take, or 0: stmt
// is an if that leaves the iteration unless the key equals one of values
// the loop does not change (if k != a && k != b { return err }), so the
// map holds at most that many keys.
func (c *checker) keysAllowed(loop ast.Node, stmt ast.Stmt, key ast.Expr) int {
	s, ok := stmt.(*ast.IfStmt)
	if !ok || s.Init != nil || s.Else != nil || len(s.Body.List) == 0 || !c.leavesIteration(s.Body.List[len(s.Body.List)-1]) {
		return 0
	}
	operands := astx.Operands(s.Cond, token.LAND)
	for _, op := range operands {
		bin, ok := op.(*ast.BinaryExpr)
		if !ok || bin.Op != token.NEQ || !(c.sameValue(bin.X, key) && c.invariant(loop, bin.Y) || c.sameValue(bin.Y, key) && c.invariant(loop, bin.X)) {
			return 0
		}
	}
	return len(operands)
}

// sameValue reports whether x and y are the same variable or field path
// (nn.Key and nn.Key).
func (c *checker) sameValue(x, y ast.Expr) bool {
	rx, ry := astx.RootIdent(x), astx.RootIdent(y)
	return rx != nil && ry != nil && c.pass.TypesInfo.Uses[rx] != nil && c.pass.TypesInfo.Uses[rx] == c.pass.TypesInfo.Uses[ry] &&
		sizeexpr.Reevaluable(x) && types.ExprString(x) == types.ExprString(y)
}

// invariant reports whether e is a constant, or a variable the loop does
// not assign.
func (c *checker) invariant(loop ast.Node, e ast.Expr) bool {
	if c.pass.TypesInfo.Types[e].Value != nil {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && (v.Pos() < loop.Pos() || v.Pos() > loop.End()) && !c.modifies(loop, []*types.Var{v})
}

// leavesIteration reports whether s ends the iteration of the loop around
// a switch it closes a clause of: a return, a continue or a panic (a
// break there leaves the switch only).
func (c *checker) leavesIteration(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE && s.Label == nil
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		return ok && c.isBuiltin(call.Fun, "panic")
	}
	return false
}

// sharedAttribute reports whether the field sel selects is an attribute
// that elements may share rather than their identity: sel's names another
// thing (ImageID beside the struct's own ID), or, for a set, the struct
// has another field that identifies it (ID, Name, BrokerName) and sel's
// does not. A set of such values (the clusters of a list of brokers)
// holds a few distinct ones, not one per element; a map keyed by another
// thing's ID (containers by image) as many as there are distinct ones. A
// map keyed by any other field is an index by it, whose keys are usually
// distinct.
func (c *checker) sharedAttribute(sel *ast.SelectorExpr, set bool) bool {
	st := typesx.StructOf(c.pass.TypesInfo.TypeOf(sel.X))
	if st == nil {
		return false
	}
	name := sel.Sel.Name
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Name() == name {
			continue
		}
		if set && identifies(f.Name()) && !identifies(name) || isIdentityWord(f.Name()) && identifies(name) && !isIdentityWord(name) {
			return true
		}
	}
	return false
}

// partAttribute reports whether sel selects a field that does not
// identify its struct from a part of an element (v.at.row, the row of a
// variable's location): the parts of many elements share such values, so
// a set of them holds a few.
func (c *checker) partAttribute(sel *ast.SelectorExpr, isElem func(ast.Expr) bool) bool {
	part, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || identifies(sel.Sel.Name) {
		return false
	}
	for {
		if s := c.pass.TypesInfo.Selections[part]; s == nil || s.Kind() != types.FieldVal {
			return false
		}
		if isElem(part.X) {
			return true
		}
		if part, ok = ast.Unparen(part.X).(*ast.SelectorExpr); !ok {
			return false
		}
	}
}

// storesConstant reports whether acc's map gets a constant or nil value
// (rows[r] = nil): a set, whatever its value type.
func (c *checker) storesConstant(acc accumulation) bool {
	as, ok := acc.stmt.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	tv := c.pass.TypesInfo.Types[as.Rhs[0]]
	return tv.Value != nil || tv.IsNil()
}

// isIdentityWord reports whether a field's name is an identity word
// itself (ID, Name), not a reference to another thing (ImageID).
func isIdentityWord(field string) bool {
	return slices.ContainsFunc(identityWords, func(w string) bool {
		return field == w || field == strings.ToLower(w)
	})
}

// identityWords name, or end, the fields that identify their struct.
var identityWords = []string{"ID", "Id", "Name", "Key"}

// identifies reports whether a field of this name identifies its struct:
// it is, or ends with, ID, Id, Name or Key (UserID, BrokerName).
func identifies(field string) bool {
	for _, w := range identityWords {
		if field == w || field == strings.ToLower(w) || strings.HasSuffix(field, w) {
			return true
		}
	}
	return false
}

// classWords name fields that classify elements rather than identify
// them: a kind, a type, a state, a group, an XML element's local name.
var classWords = []string{"kind", "type", "typ", "class", "category", "group", "status", "state", "level", "mode", "local"}

// classifies reports whether a field of this name classifies elements:
// it is, or ends with, one of classWords (Kind, ContentType).
func classifies(field string) bool {
	lower := strings.ToLower(field)
	return slices.ContainsFunc(classWords, func(w string) bool { return strings.HasSuffix(lower, w) })
}

// checksDuplicates reports whether body returns from an if whose
// condition looks the map up: if m[k] { return ..., err }.
func (c *checker) checksDuplicates(body *ast.BlockStmt, m *types.Var) bool {
	for _, stmt := range body.List {
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || len(ifs.Body.List) == 0 {
			continue
		}
		if _, returns := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); returns && c.looksUpMap(ifs, m) {
			return true
		}
	}
	return false
}

// readsMap reports whether body looks up the map that acc fills to decide
// whether to store (v, ok := m[k]; if !ok { m[k] = v }), not only to leave
// on a duplicate (if m[k] { return false }).
func (c *checker) readsMap(body *ast.BlockStmt, acc accumulation) bool {
	stored := ast.Unparen(acc.stmt.(*ast.AssignStmt).Lhs[0])
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if astx.EndsInBreakOrReturn(n.Body) && n.Else == nil && c.looksUpMap(n, acc.v) {
				return false // a duplicate check, which leaves: it decides no store
			}
		case *ast.IndexExpr:
			found = n != stored && c.pass.TypesInfo.Uses[identOf(n.X)] == acc.v
		}
		return !found
	})
	return found
}

// looksUpMap reports whether the init or condition of ifs looks the map
// m up: _, ok := m[k]; if ok, or if m[k] == nil.
func (c *checker) looksUpMap(ifs *ast.IfStmt, m *types.Var) bool {
	looksUp := false
	for _, n := range []ast.Node{ifs.Init, ifs.Cond} {
		if n != nil {
			ast.Inspect(n, func(n ast.Node) bool {
				if index, ok := n.(*ast.IndexExpr); ok && c.pass.TypesInfo.Uses[identOf(index.X)] == m {
					looksUp = true
				}
				return !looksUp
			})
		}
	}
	return looksUp
}

// appendedAfterAnyway reports whether one of the statements after the loop
// (after, up to the end of its block) appends to the slice whatever
// happens: an append statement, or an if / else chain whose every branch
// has one at its top level, with nothing before it that may leave the
// function or the block, or read the slice (if parts == nil would see
// the difference). The slice is then never nil once past it.
func (c *checker) appendedAfterAnyway(after []ast.Stmt, acc accumulation) bool {
	for _, stmt := range after {
		if c.alwaysAppends(stmt, acc) {
			return true
		}
		if c.mentionsDirectly(stmt, acc.v) || astx.Any(stmt, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.ReturnStmt, *ast.BranchStmt:
				return true
			}
			return false
		}) {
			return false
		}
	}
	return false
}

// alwaysAppends reports whether stmt appends to the slice on every path:
// it is an append to it, or an if with an else, whose condition does not
// read the slice, and whose branches each have one among their
// statements.
func (c *checker) alwaysAppends(stmt ast.Stmt, acc accumulation) bool {
	switch stmt := stmt.(type) {
	case *ast.AssignStmt:
		return c.appendsTo(stmt, acc)
	case *ast.BlockStmt:
		return c.appendedAfterAnyway(stmt.List, acc)
	case *ast.IfStmt:
		return stmt.Else != nil && (stmt.Init == nil || !c.mentionsDirectly(stmt.Init, acc.v)) && !c.mentionsDirectly(stmt.Cond, acc.v) &&
			c.appendedAfterAnyway(stmt.Body.List, acc) && c.alwaysAppends(stmt.Else, acc)
	}
	return false
}

// appendsTo reports whether assign is x = append(x, ...), with any
// arguments, for the slice x that acc accumulates.
func (c *checker) appendsTo(assign *ast.AssignStmt, acc accumulation) bool {
	if len(assign.Lhs) != 1 || len(assign.Rhs) != 1 || !c.names(assign.Lhs[0], acc) {
		return false
	}
	call, ok := ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
	return ok && c.isBuiltin(call.Fun, "append") && len(call.Args) > 0 && c.names(call.Args[0], acc)
}

// escapedVars returns the local variables of fn whose address is taken, or
// that a function literal assigns although they are declared outside it,
// each with the places where that happens: from there on, calls may
// change them at any time.
func (c *checker) escapedVars(fn ast.Node) map[*types.Var][]token.Pos {
	if vars, ok := c.escaped[fn]; ok {
		return vars
	}
	info := c.pass.TypesInfo
	vars := make(map[*types.Var][]token.Pos)
	var lits []*ast.FuncLit
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			lits = append(lits, n)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := c.root(n.X); v != nil {
					vars[v] = append(vars[v], n.Pos())
				}
			}
		case *ast.SelectorExpr:
			// x.M() with a pointer receiver takes x's address.
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && !sel.Indirect() && hasPointerReceiver(sel.Obj()) {
				if v := c.root(n.X); v != nil {
					vars[v] = append(vars[v], n.Pos())
				}
			}
		}
		return true
	})
	for _, lit := range lits {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			var written []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				written = n.Lhs
			case *ast.IncDecStmt:
				written = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					written = []ast.Expr{n.Key, n.Value}
				}
			}
			for _, e := range written {
				if v := c.root(e); v != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
					vars[v] = append(vars[v], lit.Pos())
				}
			}
			return true
		})
	}
	c.escaped[fn] = vars
	return vars
}

// escapesDuring reports whether v may change behind the loop's back: its
// address is taken, or a function literal writes it, before the loop
// ends, or after it but in an outer loop that v outlives, whose next
// round runs the loop again. An address taken once v is built
// (tp.list.Store(&list)) changes nothing the loop sees.
func (c *checker) escapesDuring(fn, loop ast.Node, v *types.Var) bool {
	for _, pos := range c.escapedVars(fn)[v] {
		if pos < loop.End() || astx.Any(fn, func(n ast.Node) bool {
			_, isLoop := n.(*ast.ForStmt)
			_, isRange := n.(*ast.RangeStmt)
			return (isLoop || isRange) && n.Pos() <= pos && pos < n.End() && (v.Pos() < n.Pos() || v.Pos() >= n.End())
		}) {
			return true
		}
	}
	return false
}

func hasPointerReceiver(method types.Object) bool {
	sig, ok := method.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	_, isPtr := sig.Recv().Type().(*types.Pointer)
	return isPtr
}

// root returns the local variable at the root of a chain of field
// selections, indexes and parentheses, such as s in s.a[i].b.
func (c *checker) root(e ast.Expr) *types.Var {
	if id := astx.RootIdent(e); id != nil {
		return c.localVar(id)
	}
	return nil
}

// returnsError reports whether ret returns a non-nil error: the loop is
// abandoned, and the result with it, so the count still holds on the path
// that matters.
func (c *checker) returnsError(ret *ast.ReturnStmt) bool {
	if len(ret.Results) == 0 {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	tv, ok := c.pass.TypesInfo.Types[last]
	return ok && !tv.IsNil() && types.Implements(tv.Type, typesx.ErrorInterface)
}

// mentionsDirectly is like mentions but ignores function literals, which
// can only read a variable that has not escaped.
func (c *checker) mentionsDirectly(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && (c.pass.TypesInfo.Uses[id] == v || c.pass.TypesInfo.Defs[id] == v) {
			found = true
		}
		return !found
	})
	return found
}

// membershipFilter returns the map whose lookup decides which elements
// the loop keeps (if _, ok := known[d]; ok { continue } before the
// append, or if want[x] { out = append(out, x) }), or "". A filter by
// another collection keeps anywhere from none to all of the elements,
// and what it keeps is often a few: the orphans of a listing, the
// difference of two sets. A map the loop itself fills (seen[x] = true,
// a dedup that keeps most) is not one.
func (c *checker) membershipFilter(loop ast.Node, acc accumulation) string {
	body := astx.LoopBody(loop)
	var filters []ast.Node
	if ifs, ok := acc.cond.(*ast.IfStmt); ok {
		filters = append(filters, ifs.Init, ifs.Cond)
	}
	for _, stmt := range body.List {
		if stmt.Pos() > acc.stmt.Pos() {
			break
		}
		if ifs, ok := stmt.(*ast.IfStmt); ok && ifs.Else == nil && len(ifs.Body.List) == 1 && isContinue(ifs.Body.List[0]) {
			filters = append(filters, ifs.Init, ifs.Cond)
		}
	}
	filled := c.mapsStoredInto(body)
	for _, filter := range filters {
		if name := c.mapLookedUp(filter, filled); name != "" {
			return name
		}
	}
	return ""
}

// isContinue reports whether stmt is a continue of the innermost loop.
func isContinue(stmt ast.Stmt) bool {
	branch, ok := stmt.(*ast.BranchStmt)
	return ok && branch.Tok == token.CONTINUE && branch.Label == nil
}

// mapsStoredInto returns the maps (by their text) that body stores into.
func (c *checker) mapsStoredInto(body *ast.BlockStmt) map[string]bool {
	filled := make(map[string]bool)
	store := func(e ast.Expr) {
		if index, ok := ast.Unparen(e).(*ast.IndexExpr); ok {
			filled[types.ExprString(index.X)] = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				store(lhs)
			}
		case *ast.IncDecStmt: // count[k]++
			store(n.X)
		}
		return true
	})
	return filled
}

// mapLookedUp returns the text of a map that n indexes and body does not
// fill, or "".
func (c *checker) mapLookedUp(n ast.Node, filled map[string]bool) string {
	if n == nil {
		return ""
	}
	found := ""
	ast.Inspect(n, func(n ast.Node) bool {
		index, ok := n.(*ast.IndexExpr)
		if !ok || found != "" {
			return found == ""
		}
		t := c.pass.TypesInfo.TypeOf(index.X)
		if _, isMap := typesx.Core(t).(*types.Map); t != nil && isMap && !filled[types.ExprString(index.X)] {
			found = types.ExprString(index.X)
		}
		return true
	})
	return found
}
