package concatloop

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/passflag"
)

// check reports a group, with what it costs.
func (c *checker) check(file *ast.File, g *group) {
	if !passflag.Bool(c.pass, "nonlocal") && !c.isLocal(g) {
		return
	}
	i := slices.IndexFunc(g.accums, func(acc *accumulation) bool { return !c.onlyWhenEmpty(acc, g.loop.Node()) })
	if i < 0 {
		return // each sets the string's first part, copying nothing
	}
	if c.guardedOnce(g) {
		return // a piece per flag, each once per call
	}
	trips := c.model.Trips(c.pass, g.loop)
	first := g.accums[i].stmt
	name := c.src.Text(first.Lhs[0])
	how := "+="
	if first.Tok == token.ASSIGN {
		how = name + " = " + name + " + ..."
	}
	msg := fmt.Sprintf("%s grows by %s %s: each iteration copies the whole string built so far, so the copying is quadratic in the loop's length",
		name, how, "in "+trips.Loop)
	loop := trips.Loop
	if c.inInnerLoops(g) {
		loop = "a loop nested in " + trips.Loop
	}
	if test := c.selectingTest(g); test != "" {
		msg = fmt.Sprintf("%s grows by %s in %s, %s: each time it copies the whole string built so far, so the copying is quadratic in how often it runs",
			name, how, loop, test)
	} else if loop != trips.Loop {
		msg = fmt.Sprintf("%s grows by %s in %s: each time it copies the whole string built so far, so the copying is quadratic in how often it runs",
			name, how, loop)
	}

	var fix *analysis.SuggestedFix
	var why string
	remedy, sep := c.remedy(g)
	if remedy == "join" {
		// A join that strings.Join is not proved to equal gets the
		// builder's remedy, whose fix keeps the separators where they are.
		if fix = c.joinFix(file, g, sep); fix == nil {
			remedy = ""
		}
	}
	switch {
	case g.target.path == lastElem:
		msg += "; accumulate the run in a strings.Builder and store it once"
		why = "the string is an element of a slice that the loop also appends to"
	case remedy == "join":
		msg += fmt.Sprintf("; use strings.Join(%s, %s)", c.src.Text(g.loop.Node().(*ast.RangeStmt).X), c.src.Text(sep))
	case remedy == "repeat":
		msg += "; use strings.Repeat"
		fix, why = c.repeatFix(file, g)
	default:
		msg += "; use a strings.Builder"
		fix, why = c.builderFix(file, g)
	}
	d := analysis.Diagnostic{Pos: first.Pos(), End: first.End(), Message: msg}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	} else {
		d.Message += " (no automatic fix: " + why + ")"
	}
	c.rep.Report(d, c.estimate(g, trips))
}

// inInnerLoops reports whether every statement that grows the string is in
// a loop inside the group's: the outer loop's count is then not how often
// the string grows (once per edge of each state, not once per state).
func (c *checker) inInnerLoops(g *group) bool {
	for _, acc := range g.accums {
		cur, ok := g.loop.FindNode(acc.stmt)
		if !ok {
			return false
		}
		for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil)) {
			// The innermost loop or literal around the statement decides.
			if _, lit := anc.Node().(*ast.FuncLit); lit || anc == g.loop {
				return false
			}
			break
		}
	}
	return true
}

// remedy says whether strings.Join ("join", with the separator) or
// strings.Repeat ("repeat") fits the loop better than a builder ("").
func (c *checker) remedy(g *group) (string, ast.Expr) {
	if sep := c.joinSeparator(g); sep != nil {
		return "join", sep
	}
	// strings.Repeat fits a loop that only appends the same strings each time.
	body := astx.LoopBody(g.loop.Node())
	if len(body.List) != len(g.accums) {
		return "", nil
	}
	for i, acc := range g.accums {
		if body.List[i] != acc.stmt {
			return "", nil
		}
		for _, op := range acc.operands {
			if !c.invariant(op, g.loop) {
				return "", nil
			}
		}
	}
	return "repeat", nil
}

// invariant reports whether e has the same value in every iteration of the
// loop: a constant, or a variable declared outside it and not written in it.
func (c *checker) invariant(e ast.Expr, loop inspector.Cursor) bool {
	if c.info.Types[e].Value != nil {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && !astx.Contains(loop.Node(), v.Pos()) && !c.reassignedIn(loop, target{obj: v})
}

// joinSeparator returns sep when the loop joins the elements of a string
// slice with it: the range value x is the only other thing appended, as
// s += sep + x, s += x + sep, or if <not first> { s += sep }; s += x.
func (c *checker) joinSeparator(g *group) ast.Expr {
	rng, ok := g.loop.Node().(*ast.RangeStmt)
	if !ok || rng.Value == nil || !isStringSlice(c.info.TypeOf(rng.X)) {
		return nil
	}
	value, _ := rng.Value.(*ast.Ident)
	isValue := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && value != nil && c.info.ObjectOf(id) == c.info.ObjectOf(value)
	}
	if !c.onlyAccumulates(rng.Body, g) {
		return nil
	}
	var sep ast.Expr
	sawValue := false
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			switch {
			case isValue(op) && !sawValue:
				if !slices.ContainsFunc(rng.Body.List, func(s ast.Stmt) bool { return s == ast.Stmt(acc.stmt) }) {
					return nil // the element is written under a condition: a filter, not a join
				}
				sawValue = true
			case c.invariant(op, g.loop) && (sep == nil || c.src.Text(sep) == c.src.Text(op)):
				sep = op
			default:
				return nil
			}
		}
	}
	if !sawValue || sep == nil {
		return nil
	}
	return sep
}

// onlyAccumulates reports whether the body does nothing but accumulate,
// some of it under an if with no else (as separators are).
func (c *checker) onlyAccumulates(body *ast.BlockStmt, g *group) bool {
	isAcc := func(s ast.Stmt) bool {
		for _, acc := range g.accums {
			if acc.stmt == s {
				return true
			}
		}
		return false
	}
	for _, s := range body.List {
		if ifs, ok := s.(*ast.IfStmt); ok && ifs.Else == nil && len(ifs.Body.List) == 1 && isAcc(ifs.Body.List[0]) {
			continue
		}
		if !isAcc(s) {
			return false
		}
	}
	return true
}

func isStringSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	return ok && types.Identical(s.Elem(), types.Typ[types.String])
}

// selectingTest says which test every accumulation of g runs under in
// its loop: the outermost between the loop's body and each ("under case
// X", "under if x.Kind == K"), else a guard before it that skips the
// iteration ("past if i < start { continue }"); "" when one runs on every
// iteration. The string then grows only on the iterations that pass the
// test (and as often as a loop nested under it runs).
func (c *checker) selectingTest(g *group) string {
	test := ""
	for _, acc := range g.accums {
		cur, ok := g.loop.FindNode(acc.stmt)
		if !ok {
			return ""
		}
		t := c.outermostTest(g.loop, cur)
		if t == "" {
			t = c.skipGuard(g.loop, cur)
		}
		if t == "" || test != "" && t != test {
			return ""
		}
		test = t
	}
	return test
}

// outermostTest returns "under" and the test of the outermost case clause
// or if body between loop's body and cur that selects iterations, or "".
func (c *checker) outermostTest(loop, cur inspector.Cursor) string {
	test := ""
	for arm := range selectingArms(loop, cur) {
		switch n := arm.Node().(type) {
		case *ast.CaseClause:
			if len(n.List) > 0 { // a default runs for whatever the cases leave
				values := make([]string, len(n.List))
				for i, e := range n.List {
					values[i] = c.src.Text(e)
				}
				test = "under case " + strings.Join(values, ", ")
			}
		case *ast.IfStmt:
			// An else that leaves the loop makes the test hold on every
			// iteration that goes on: it selects none.
			els, leaves := n.Else.(*ast.BlockStmt)
			if !leaves || !astx.EndsInBreakOrReturn(els) {
				test = "under if " + c.src.Text(n.Cond)
			}
		}
	}
	return test
}

// selectingArms yields, innermost first, the case clauses and the ifs
// whose body holds cur, between cur and loop's body.
func selectingArms(loop, cur inspector.Cursor) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for anc := cur.Parent(); anc.Valid() && anc != loop; anc = anc.Parent() {
			switch n := anc.Node().(type) {
			case *ast.CaseClause:
				if !yield(anc) {
					return
				}
			case *ast.BlockStmt:
				if ifs, ok := anc.Parent().Node().(*ast.IfStmt); ok && ifs.Body == n && !yield(anc.Parent()) {
					return
				}
			}
		}
	}
}

// skipGuard returns the text of an if before the statement of the loop's
// body that holds cur, whose body skips the rest of the iteration (if i <
// start { continue }), or "": past it, cur runs only on the iterations it
// lets through. (One that breaks ends the loop: the loop's description
// says where, when it can.)
func (c *checker) skipGuard(loop, cur inspector.Cursor) string {
	body := astx.LoopBody(loop.Node())
	for anc := cur; anc.Valid() && anc != loop; anc = anc.Parent() {
		if anc.Parent().Node() != body {
			continue
		}
		for _, stmt := range body.List {
			if stmt == anc.Node() {
				return ""
			}
			if ifs, ok := stmt.(*ast.IfStmt); ok && ifs.Init == nil && skipsIteration(ifs.Body) {
				return "past if " + c.src.Text(ifs.Cond) + " { continue }"
			}
		}
	}
	return ""
}

// skipsIteration reports whether block ends in an unlabeled continue: the
// rest of the iteration does not run.
func skipsIteration(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	br, ok := block.List[len(block.List)-1].(*ast.BranchStmt)
	return ok && br.Label == nil && br.Tok == token.CONTINUE
}
