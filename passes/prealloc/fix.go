package prealloc

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"os"
	"path/filepath"
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
)

// An emptyInit is the statement that leaves a variable empty before the
// loop: var x []T, x := []T{}, x = nil, m := make(map[K]V), ...
type emptyInit struct {
	name  *ast.Ident // the variable, where the finding is reported
	value ast.Expr   // the initial value; nil in var x []T
	isNil bool
	isMap bool
	elems int64 // the number of elements of a slice literal
	// alone is set if the statement sets only this variable, so that its
	// value can be rewritten in place.
	alone bool
}

// A finding is an accumulation in a loop of known length, into a variable
// left empty just before.
type finding struct {
	acc   accumulation
	count count
	init  emptyInit
	loop  ast.Stmt
	est   cost.Estimate
	// filledElsewhere is set when the map also gets entries outside the
	// loop: the count is then a lower bound.
	filledElsewhere bool
}

func (c *checker) emptyInit(stmt ast.Stmt, v *types.Var) (emptyInit, bool) {
	info := c.pass.TypesInfo
	switch stmt := stmt.(type) {
	case *ast.DeclStmt:
		gen, ok := stmt.Decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			return emptyInit{}, false
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if info.Defs[name] != v {
					continue
				}
				init := emptyInit{name: name, alone: len(gen.Specs) == 1 && len(vs.Names) == 1}
				switch len(vs.Values) {
				case 0:
					init.isNil = true
					return init, isSlice(v.Type())
				case len(vs.Names):
					return c.classify(init, vs.Values[i])
				}
			}
		}
	case *ast.AssignStmt:
		if (stmt.Tok != token.DEFINE && stmt.Tok != token.ASSIGN) || len(stmt.Lhs) != 1 || len(stmt.Rhs) != 1 {
			return emptyInit{}, false
		}
		if id := identOf(stmt.Lhs[0]); id != nil && info.ObjectOf(id) == v {
			return c.classify(emptyInit{name: id, alone: true}, stmt.Rhs[0])
		}
	}
	return emptyInit{}, false
}

// emptyFieldInit recognizes the statement that makes the struct whose
// field acc accumulates with that field nil: var v T, or v := T{...}
// without the field.
func (c *checker) emptyFieldInit(stmt ast.Stmt, acc accumulation) (emptyInit, bool) {
	info := c.pass.TypesInfo
	init := emptyInit{isNil: true}
	switch stmt := stmt.(type) {
	case *ast.DeclStmt:
		gen, ok := stmt.Decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			return emptyInit{}, false
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if info.Defs[name] == acc.v {
					init.name = name
					if len(vs.Values) == len(vs.Names) {
						init.value = vs.Values[i]
					}
				}
			}
		}
	case *ast.AssignStmt:
		if len(stmt.Lhs) == 1 && len(stmt.Rhs) == 1 && identOf(stmt.Lhs[0]) != nil && info.ObjectOf(identOf(stmt.Lhs[0])) == acc.v {
			init.name, init.value = identOf(stmt.Lhs[0]), stmt.Rhs[0]
		}
	}
	if init.name == nil {
		return emptyInit{}, false
	}
	if init.value == nil {
		return init, true // var v T
	}
	lit, ok := ast.Unparen(init.value).(*ast.CompositeLit)
	if !ok {
		return emptyInit{}, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || identOf(kv.Key) == nil || identOf(kv.Key).Name == acc.field.Name() {
			return emptyInit{}, false
		}
	}
	return init, true
}

// classify recognizes the empty values: nil, []T(nil), []T{}, make([]T, 0),
// map[K]V{} and make(map[K]V).
func (c *checker) classify(init emptyInit, value ast.Expr) (emptyInit, bool) {
	info := c.pass.TypesInfo
	init.value = value
	t := info.TypeOf(value)
	if t == nil {
		return emptyInit{}, false
	}
	init.isMap = isMap(t)
	switch value := ast.Unparen(value).(type) {
	case *ast.Ident:
		init.isNil = info.Types[value].IsNil()
		return init, init.isNil && !init.isMap
	case *ast.CompositeLit:
		if value.Type == nil || !init.isMap && !isSlice(t) {
			return emptyInit{}, false
		}
		// A slice literal with elements can still be grown before the loop,
		// unless its elements have indexes.
		init.elems = int64(len(value.Elts))
		keyed := slices.ContainsFunc(value.Elts, func(e ast.Expr) bool { _, ok := e.(*ast.KeyValueExpr); return ok })
		return init, init.elems == 0 || !init.isMap && !keyed
	case *ast.CallExpr:
		if tv := info.Types[value.Fun]; tv.IsType() {
			init.isNil = len(value.Args) == 1 && info.Types[value.Args[0]].IsNil()
			return init, init.isNil && !init.isMap
		}
		if !c.isBuiltin(value.Fun, "make") || len(value.Args) == 0 {
			return emptyInit{}, false
		}
		if init.isMap {
			return init, len(value.Args) == 1
		}
		zero, ok := intConst(info, value.Args[len(value.Args)-1])
		return init, len(value.Args) == 2 && ok && zero == 0
	}
	return emptyInit{}, false
}

// writerThroughPointer returns the first call of stmt when only calls make
// stmt unstable: the count reads memory through a pointer, which a call
// given no part of it could still write (through a closure or a global);
// nil if stmt also assigns what the count reads or passes it to a call.
func (c *checker) writerThroughPointer(stmt ast.Stmt, n count, fn ast.Node) *ast.CallExpr {
	direct := n
	direct.impure = false
	if !n.impure || !c.stable(stmt, direct, fn) {
		return nil
	}
	given := astx.Any(stmt, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		return ok && c.hasCalls(call, false) && slices.ContainsFunc(call.Args, func(arg ast.Expr) bool { return slices.Contains(n.vars, c.root(arg)) })
	})
	if given {
		return nil
	}
	var first *ast.CallExpr
	astx.Any(stmt, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if ok && c.hasCalls(call, true) {
			first = call
		}
		return first != nil
	})
	return first
}

// atInit says why the capacity cannot be given where the variable is made
// empty, or "" if it can: the count must mean the same there and not
// change until the loop starts.
func (c *checker) atInit(init emptyInit, n count, between []ast.Stmt, fn ast.Node) string {
	switch {
	case !init.alone:
		return "it is declared together with other variables"
	case init.elems > 0 && !c.elementsKeep(init.value, n, fn):
		return "its elements call functions, which could change the count"
	case init.elems > 0 && !c.canWriteElements(init.value):
		return "its elements leave out their type, which the slice's named type does not spell out"
	}
	pos := init.value.Pos()
	name, later := c.unboundName(n, pos)
	if name != "" && later {
		// Said first: the statements between define it, and whether they
		// could change it means nothing.
		return name + ", which the count reads, is declared after it"
	}
	for _, stmt := range between {
		if !c.stable(stmt, n, fn) {
			if call := c.writerThroughPointer(stmt, n, fn); call != nil {
				return "the count reads through a pointer, which the call of " + types.ExprString(call.Fun) + " between its declaration and the loop could write through"
			}
			return "the code between its declaration and the loop may change the count"
		}
		if n.impure && c.mayLeave(stmt) {
			return "the code between its declaration and the loop may leave first, and the count reads through a pointer it may guard"
		}
	}
	switch {
	case name != "":
		return name + ", which the count reads, means something else there"
	case !c.isUniverse("make", pos):
		return "make does not name the builtin where it is declared"
	case n.mayBeNegative() && !c.canUseMax(pos):
		return "the count may be negative, and max is from go1.21"
	}
	return ""
}

// mayLeave reports whether stmt may end the function or the iteration
// before the loop: a return, a branch or a panic, as in if n == nil {
// return }, after which reading n.items would fault.
func (c *checker) mayLeave(stmt ast.Stmt) bool {
	found := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			found = true
		case *ast.CallExpr:
			found = found || c.isBuiltin(n.Fun, "panic")
		}
		return !found
	})
	return found
}

// meansSame reports whether the names in n refer at pos to what they refer
// to where n was found.
func (c *checker) meansSame(n count, pos token.Pos) bool {
	name, _ := c.unboundName(n, pos)
	return name == ""
}

// unboundName returns a name in n that does not refer at pos to what it
// refers to in the count, and whether that is because it is declared
// after pos; "" if every name does.
func (c *checker) unboundName(n count, pos token.Pos) (string, bool) {
	for _, id := range n.idents {
		obj := c.pass.TypesInfo.Uses[id]
		if c.lookup(id.Name, pos) != obj {
			return id.Name, obj != nil && obj.Pos() > pos
		}
	}
	return "", false
}

func (c *checker) lookup(name string, pos token.Pos) types.Object {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

func (c *checker) isUniverse(name string, pos token.Pos) bool {
	return c.lookup(name, pos) == types.Universe.Lookup(name)
}

func (c *checker) canUseMax(pos token.Pos) bool {
	return c.atLeastGo121() && c.isUniverse("max", pos)
}

// atLeastGo121 reports whether the file may use the slices package and the
// max builtin.
func (c *checker) atLeastGo121() bool {
	v := astx.GoVersion(c.pass, c.file)
	return v == "" || version.Compare(v, "go1.21") >= 0
}

// elidedType returns how to write the type that the elements of the
// slice literal lit may leave out ({1, "a"} for T{1, "a"}, or for &T{1,
// "a"} when the elements are pointers), as lit's own type spells it: its
// element type, or "" if lit names a slice type instead.
func (c *checker) elidedType(lit *ast.CompositeLit) string {
	arr, ok := lit.Type.(*ast.ArrayType)
	if !ok {
		return ""
	}
	if star, ok := arr.Elt.(*ast.StarExpr); ok {
		return "&" + c.src.Text(star.X)
	}
	return c.src.Text(arr.Elt)
}

// canWriteElements reports whether the elements of the slice literal
// value can be passed to append: as they are, or with the type they leave
// out written before them.
func (c *checker) canWriteElements(value ast.Expr) bool {
	lit, ok := ast.Unparen(value).(*ast.CompositeLit)
	return ok && (c.elidedType(lit) != "" || !slices.ContainsFunc(lit.Elts, isElided))
}

// elementsText writes the elements of the slice literal lit, with the
// comments between them, as arguments of append, where a composite
// literal must name its type.
func (c *checker) elementsText(lit *ast.CompositeLit) string {
	var text strings.Builder
	from := lit.Elts[0].Pos()
	for _, elt := range lit.Elts {
		if isElided(elt) {
			text.WriteString(c.src.Span(from, elt.Pos()) + c.elidedType(lit))
			from = elt.Pos()
		}
	}
	text.WriteString(c.src.Span(from, lit.Elts[len(lit.Elts)-1].End()))
	return text.String()
}

// isElided reports whether e is a composite literal without its type, as
// an element of a slice literal may be.
func isElided(e ast.Expr) bool {
	lit, ok := e.(*ast.CompositeLit)
	return ok && lit.Type == nil
}

// elementsKeep reports whether the elements of the slice literal value
// leave the count as it was: the fix reads the count before them, where
// the loop read it after.
func (c *checker) elementsKeep(value ast.Expr, n count, fn ast.Node) bool {
	lit, ok := ast.Unparen(value).(*ast.CompositeLit)
	if !ok {
		return false
	}
	return !slices.ContainsFunc(lit.Elts, func(elt ast.Expr) bool {
		_, keyed := elt.(*ast.KeyValueExpr) // an indexed literal, []T{5: x}: not a list of elements
		return keyed || !c.stable(elt, n, fn) || communicates(elt)
	})
}

// makeFix gives the capacity in the expression that makes the variable.
func (c *checker) makeFix(d finding) analysis.SuggestedFix {
	capacity := d.count.capacity()
	var edit analysis.TextEdit
	switch value := ast.Unparen(d.init.value).(type) {
	case *ast.CompositeLit:
		args := c.src.Text(value.Type) + ", 0, " + capacity
		if d.init.isMap {
			args = c.src.Text(value.Type) + ", " + capacity
		}
		text := "make(" + args + ")"
		if len(value.Elts) > 0 {
			// The elements follow the count, which they cannot change
			// (elementsKeep): make the room for both, then append them.
			capacity = d.count.plus(d.init.elems).capacity()
			text = "append(make(" + c.src.Text(value.Type) + ", 0, " + capacity + "), " + c.elementsText(value) + ")"
		}
		edit = analysis.TextEdit{Pos: value.Pos(), End: value.End(), NewText: []byte(text)}
	case *ast.CallExpr: // make([]T, 0) or make(map[K]V)
		last := value.Args[len(value.Args)-1]
		edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + capacity)}
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Make %s with capacity %s", d.init.name.Name, capacity),
		TextEdits: []analysis.TextEdit{edit},
	}
}

// runsAtLeastOnce reports whether the loop at loopCur runs at least once:
// it is a statement of the body of an if whose condition says the count is
// above zero (if len(s) > 0 { ... for range s }), or a statement before it
// returns when the count is zero (if len(s) == 0 { return }), and no
// statement before it in its block may change the count.
func (c *checker) runsAtLeastOnce(loopCur inspector.Cursor, n count, before []ast.Stmt, fn ast.Node) bool {
	if !n.baseIsLen || n.offset != 0 || slices.ContainsFunc(before, func(stmt ast.Stmt) bool { return !c.stable(stmt, n, fn) }) {
		return false
	}
	block, ok := loopCur.Parent().Node().(*ast.BlockStmt)
	if ifs, isIf := loopCur.Parent().Parent().Node().(*ast.IfStmt); ok && isIf && ifs.Body == block && c.comparesCount(ifs.Cond, n, false) {
		return true
	}
	return astx.ReturnsWhenEmpty(c.pass.TypesInfo, before, c.isCount(n))
}

// comparesCount reports whether cond says the count n is zero (zero set)
// or above zero (see astx.SaysLen).
func (c *checker) comparesCount(cond ast.Expr, n count, zero bool) bool {
	return astx.SaysLen(c.pass.TypesInfo, cond, zero, c.isCount(n))
}

// isCount returns a test of whether a length compared is the count n.
func (c *checker) isCount(n count) func(ast.Expr) bool {
	return func(length ast.Expr) bool { return c.src.Text(length) == n.base }
}

// nilUnseen reports whether nothing can tell the slice acc accumulates
// into from an empty one (see hidesNil), but in the body of an if after
// the loop that says the loop ran (if len(xs) != 0 { ... }): there the
// slice got an element.
func (c *checker) nilUnseen(fn ast.Node, loopCur inspector.Cursor, n count, acc accumulation) bool {
	if acc.field != nil {
		return false
	}
	var ran map[ast.Node]bool
	if acc.cond == nil { // the loop ran, so it appended
		ran = c.ranBodies(loopCur, n, fn)
	}
	skip := func(node ast.Node) bool {
		return node == acc.stmt || ran[node] || slices.ContainsFunc(acc.others, func(s ast.Stmt) bool { return s == node })
	}
	return c.hidesNil(fn, acc.v, skip, 4)
}

// ranBodies returns the bodies of the ifs after the loop at loopCur, in
// its block, whose condition says the count n is above zero, with nothing
// between that may change it: the loop ran before them.
func (c *checker) ranBodies(loopCur inspector.Cursor, n count, fn ast.Node) map[ast.Node]bool {
	block, ok := loopCur.Parent().Node().(*ast.BlockStmt)
	if !ok || !n.baseIsLen || n.offset != 0 {
		return nil
	}
	i := slices.Index(block.List, loopCur.Node().(ast.Stmt))
	if i < 0 {
		return nil
	}
	ran := make(map[ast.Node]bool)
	for _, stmt := range block.List[i+1:] {
		if ifs, ok := stmt.(*ast.IfStmt); ok && ifs.Init == nil && c.comparesCount(ifs.Cond, n, false) {
			ran[ifs.Body] = true
		}
		if !c.stable(stmt, n, fn) {
			break
		}
	}
	return ran
}

// hidesNil reports whether fn, besides the statements skip holds for, only
// measures the slice v, ranges over it, indexes it, copies from it,
// spreads it into an append or a variadic call, appends to it what is
// spread in turn, joins it (strings.Join, bytes.Join) or assigns it a new
// value; or, up to follow steps away, assigns it to a local used only so,
// returns it from a function of the package whose every call's result is
// used only so (propFind returns the responses, and each caller spreads
// them into its own), or passes it to a function of the package whose
// parameter is used only so.
func (c *checker) hidesNil(fn ast.Node, v *types.Var, skip func(ast.Node) bool, follow int) bool {
	info := c.pass.TypesInfo
	seen := false
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		if skip(n) {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != v || len(stack) == 0 {
			return !seen
		}
		switch parent := stack[len(stack)-1].(type) {
		case *ast.RangeStmt:
			seen = seen || parent.X != id
		case *ast.IndexExpr:
			seen = seen || parent.X != id
		case *ast.CallExpr:
			seen = seen || !c.measuresOrJoins(parent, id) && !c.appendedToHidden(parent, id, stack) && !(follow > 0 && c.paramHidesNil(parent, id, follow-1))
		case *ast.ReturnStmt:
			seen = seen || follow == 0 || !c.resultHidesNil(fn, parent, id, follow-1)
		case *ast.AssignStmt:
			if slices.Contains(parent.Lhs, ast.Expr(id)) {
				break // a new value for v: what it held is not read
			}
			to := c.assignedTo(fn, parent, id)
			seen = seen || to == nil || follow == 0 || !c.hidesNil(fn, to, skip, follow-1)
		default:
			seen = true
		}
		return !seen
	})
	return !seen
}

// assignedTo returns the local variable of fn, not a result (which a
// bare return hands out unseen), that assign sets to id itself
// (indexEntries = ies), or nil.
func (c *checker) assignedTo(fn ast.Node, assign *ast.AssignStmt, id *ast.Ident) *types.Var {
	i := slices.Index(assign.Rhs, ast.Expr(id))
	if i < 0 || len(assign.Lhs) != len(assign.Rhs) {
		return nil
	}
	to, ok := ast.Unparen(assign.Lhs[i]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.ObjectOf(to).(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || isResult(fn, v) {
		return nil
	}
	return v
}

// isResult reports whether v is a named result of the function fn.
func isResult(fn ast.Node, v *types.Var) bool {
	var results *ast.FieldList
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		results = fn.Type.Results
	case *ast.FuncLit:
		results = fn.Type.Results
	}
	return results != nil && results.Pos() <= v.Pos() && v.Pos() < results.End()
}

// appendedToHidden reports whether call is append(id, ...) and its result
// is itself spread into a call (append(s[:i], append(vals, s[i:]...)...))
// or ranged over: what uses it sees only the elements, whichever id was.
func (c *checker) appendedToHidden(call *ast.CallExpr, id *ast.Ident, stack []ast.Node) bool {
	if !c.isBuiltin(call.Fun, "append") || len(call.Args) == 0 || call.Args[0] != id || len(stack) < 2 {
		return false
	}
	switch outer := stack[len(stack)-2].(type) {
	case *ast.CallExpr:
		return outer.Ellipsis.IsValid() && outer.Args[len(outer.Args)-1] == call
	case *ast.RangeStmt:
		return outer.X == call
	}
	return false
}

// paramHidesNil reports whether call passes id to a function declared in
// the package, not as a variadic argument, whose parameter there is used
// only in ways that cannot tell nil from empty (see hidesNil).
func (c *checker) paramHidesNil(call *ast.CallExpr, id *ast.Ident, follow int) bool {
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	decl := c.model.Decl(fn)
	index := slices.Index(call.Args, ast.Expr(id))
	sig := fn.Signature()
	if decl == nil || decl.Body == nil || index < 0 || sig.Variadic() && index >= sig.Params().Len()-1 || index >= sig.Params().Len() {
		return false
	}
	param := sig.Params().At(index)
	if param.Name() == "" || param.Name() == "_" {
		return true // never read
	}
	return c.hidesNil(decl, param, func(ast.Node) bool { return false }, follow)
}

// resultHidesNil reports whether id, returned by ret in the function
// declaration fn, reaches only callers that cannot tell nil from empty:
// fn is called, never used as a value, and each call's result is assigned
// to a local that hidesNil, or spread into an append.
func (c *checker) resultHidesNil(fn ast.Node, ret *ast.ReturnStmt, id *ast.Ident, follow int) bool {
	decl, ok := fn.(*ast.FuncDecl)
	index := slices.Index(ret.Results, ast.Expr(id))
	if !ok || index < 0 {
		return false
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || obj.Exported() || obj.Signature().Results().Len() != len(ret.Results) || unseenTestsName(c.pass, obj.Name()) {
		return false
	}
	in := lazyinspect.Of(c.pass)
	calls := 0
	for cur := range in.Root().Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] != obj {
			continue
		}
		call, callCur, ok := calledAt(cur)
		if !ok || !c.callResultHidesNil(call, callCur, index, follow) {
			return false
		}
		calls++
	}
	return calls > 0
}

// unseenTestsName reports whether a _test.go file of the package that
// this pass does not see (a driver that skips test variants, as the
// memlint command does) names the function: an in-package test may call
// it and compare its result with nil (assert.Nil(t, f(nil))).
func unseenTestsName(pass *analysis.Pass, name string) bool {
	if len(pass.Files) == 0 || slices.ContainsFunc(pass.Files, func(f *ast.File) bool {
		return strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
	}) {
		return false // the test files are in the pass: their calls are followed
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].FileStart).Name())
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		if src, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && bytes.Contains(src, []byte(name+"(")) {
			return true
		}
	}
	return false
}

// calledAt returns the call whose function the identifier at cur names
// (f(x) or r.f(x)), with its cursor.
func calledAt(cur inspector.Cursor) (*ast.CallExpr, inspector.Cursor, bool) {
	if kind, _ := cur.ParentEdge(); kind == edge.SelectorExpr_Sel {
		cur = cur.Parent()
	}
	if kind, _ := cur.ParentEdge(); kind != edge.CallExpr_Fun {
		return nil, inspector.Cursor{}, false
	}
	return cur.Parent().Node().(*ast.CallExpr), cur.Parent(), true
}

// callResultHidesNil reports whether result index of call is spread into
// an append or a variadic call, ranged over, or assigned to a local that
// nothing around tells from empty.
func (c *checker) callResultHidesNil(call *ast.CallExpr, cur inspector.Cursor, index int, follow int) bool {
	switch parent := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		return parent.Ellipsis.IsValid() && parent.Args[len(parent.Args)-1] == call
	case *ast.RangeStmt:
		return parent.X == call
	case *ast.AssignStmt:
		if len(parent.Rhs) != 1 || index >= len(parent.Lhs) {
			return false
		}
		lhs, ok := ast.Unparen(parent.Lhs[index]).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.pass.TypesInfo.ObjectOf(lhs).(*types.Var)
		fn := astx.InnermostFunc(cur)
		if !ok || fn.Node() == nil || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
			return false
		}
		return c.hidesNil(fn.Node(), v, func(n ast.Node) bool { return n == parent }, follow)
	}
	return false
}

// measuresOrJoins reports whether call reads the slice id only for its
// elements or length: len, cap, copy from it, append(x, id...) or another
// variadic call given id..., a Join of the strings or bytes packages, or a
// sort or search of the sort or slices packages.
func (c *checker) measuresOrJoins(call *ast.CallExpr, id *ast.Ident) bool {
	switch {
	case c.isBuiltin(call.Fun, "len"), c.isBuiltin(call.Fun, "cap"):
		return true
	case c.isBuiltin(call.Fun, "copy"):
		return len(call.Args) == 2 && call.Args[1] == id
	case call.Ellipsis.IsValid() && call.Args[len(call.Args)-1] == id:
		// Spread into append or a variadic parameter, which lists the
		// arguments: f() passes nil too, so callees do not tell them apart.
		return true
	}
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || len(call.Args) == 0 || call.Args[0] != id {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strings.Join", "bytes.Join", // what they make is the same for nil and empty
		"sort.Strings", "sort.Ints", "sort.Float64s", "sort.Slice", "sort.SliceStable", // they only reorder
		"slices.Sort", "slices.SortFunc", "slices.SortStableFunc", "slices.Contains", "slices.Index":
		return true
	}
	return false
}

// makeBefore makes the slice with the capacity just before the loop, for
// files that cannot use slices.Grow. Without ifRuns the loop runs and
// appends on every iteration, or nothing tells nil from empty: the slice
// is non-nil after the loop either way. With ifRuns it is made only when
// the count is above zero (if len(xs) > 0 { out = make([]T, 0, len(xs))
// }): every iteration appends and nothing is appended after the loop, so
// it stays nil exactly when the count is zero, as slices.Grow keeps it.
func (c *checker) makeBefore(d finding, ifRuns bool) *analysis.SuggestedFix {
	pos := d.loop.Pos()
	if !c.meansSame(d.count, pos) || !c.isUniverse("make", pos) {
		return nil
	}
	typ, why := c.typeText(d.acc.typ(), pos)
	if why != "" {
		return nil
	}
	if d.count.mayBeNegative() && !ifRuns && !c.canUseMax(pos) {
		return nil // make would panic on a negative count, and max is not there
	}
	name, ind := d.acc.name(), c.src.Indent(pos)
	stmt := fmt.Sprintf("%s = make(%s, 0, %s)\n%s", name, typ, d.count.capacity(), ind)
	message := fmt.Sprintf("Make %s with capacity %s before the loop", name, d.count)
	if ifRuns {
		stmt = fmt.Sprintf("if %s > 0 {\n%s\t%s = make(%s, 0, %s)\n%s}\n%s", d.count, ind, name, typ, d.count, ind, ind)
		message += ", when it runs"
	}
	return &analysis.SuggestedFix{
		Message:   message,
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(stmt)}},
	}
}

// growFix grows the slice just before the loop with slices.Grow, which
// leaves a nil slice nil when the count is zero. It returns why not if it
// cannot; notAtInit says why the variable cannot be made with the
// capacity (see [checker.atInit]).
func (c *checker) growFix(d finding, notAtInit string) (*analysis.SuggestedFix, string) {
	pos := d.loop.Pos()
	if !c.atLeastGo121() {
		if d.init.isNil {
			return nil, "keeping it nil when the loop does not run needs slices.Grow, from go1.21"
		}
		return nil, "it cannot be made with the capacity where it is declared (" + notAtInit + "), and slices.Grow, which would grow it before the loop, is from go1.21"
	}
	if !c.meansSame(d.count, pos) {
		return nil, "a name in the capacity is shadowed before the loop"
	}
	if d.count.mayBeNegative() && !c.isUniverse("max", pos) {
		return nil, "the count may be negative, and max does not name the builtin here"
	}
	pkg, needImport, why := imports.Name(c.pass, c.file, pos, "slices")
	switch {
	case why != "" && needImport:
		return nil, why
	case why != "":
		return nil, `the name "slices" is taken in this file`
	}
	var edits []analysis.TextEdit
	if needImport {
		edits = append(edits, imports.Add(c.pass.Fset, c.file, "slices"))
	}
	name := d.acc.name()
	stmt := fmt.Sprintf("%s = %s.Grow(%s, %s)\n%s", name, pkg, name, d.count.capacity(), c.src.Indent(pos))
	edits = append(edits, analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(stmt)})
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Grow %s by %s before the loop", name, d.count),
		TextEdits: edits,
	}, ""
}
