package concatloop

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/imports"
	"github.com/memlint/memlint/internal/sizeexpr"
)

// builderFix rewrites the loop to write into a strings.Builder, or says why
// that could change what the program does.
func (c *checker) builderFix(file *ast.File, g *group) (*analysis.SuggestedFix, string) {
	name := c.src.Text(g.accums[0].stmt.Lhs[0])
	v := g.target.obj
	switch {
	case g.others:
		return nil, "another string also grows in this loop"
	case g.target.path != "":
		return nil, name + " is a struct field, which other code can read while the loop runs"
	case !astx.Contains(g.fn.Node(), v.Pos()):
		return nil, name + " is not local to this function, so other code can read it while the loop runs"
	}
	if c.src.File(g.loop.Node().Pos()) == nil {
		return nil, "the source file cannot be read"
	}
	outer := g.loop // the statement to put the builder before: the loop, or its label
	if _, ok := outer.Parent().Node().(*ast.LabeledStmt); ok {
		outer = outer.Parent()
	}
	siblings, _ := astx.StmtList(outer)
	if siblings == nil {
		return nil, "the loop is not in a statement list"
	}
	if ls, ok := outer.Node().(*ast.LabeledStmt); ok && c.isGotoTarget(g.fn, ls) {
		return nil, "a goto to the loop's label would skip the builder's declaration"
	}
	for _, acc := range g.accums {
		if astx.HasComment(file, acc.stmt) {
			return nil, "a comment inside the statement would be lost"
		}
		if list, _ := astx.StmtList(acc.cur); list == nil {
			return nil, "a statement that grows " + name + " is not in a statement list"
		}
	}
	typ, ok := c.typeName(v.Type(), file, g.loop.Node().Pos())
	if !ok {
		return nil, name + "'s type cannot be named here"
	}
	pkg, needImport, ok := c.stringsImport(file, g)
	if !ok {
		return nil, `"strings" cannot be imported or is shadowed here`
	}

	u, why := c.classifyUses(g)
	if why != "" {
		return nil, why
	}
	exits, why := c.exits(g)
	if why != "" {
		return nil, why
	}
	for _, exit := range exits.leaving {
		if !astx.VisibleAt(c.pass, v.Name(), v, exit.Pos()) {
			return nil, name + " is shadowed where the loop is left"
		}
	}
	// A goto could re-enter the code before the loop with the string
	// grown, so only without one do the statements before the loop tell its value.
	empty := !c.hasGoto(g.fn) && c.emptyBefore(siblings, outer.Node(), v)
	if !empty && !c.hasGoto(g.fn) && outer.Parent().Node() == astx.FuncBody(g.fn.Node()) && c.isResult(g.fn.Node(), v) {
		// A result no earlier statement of the body sets still holds "".
		empty = !slices.ContainsFunc(siblings[:slices.Index(siblings, outer.Node().(ast.Stmt))], func(s ast.Stmt) bool {
			return astx.Mentions(c.info, s, g.target.obj)
		})
	}
	if isPlainLocal(g.fn.Node(), v) && u.readsAfterFix == 0 && empty {
		return nil, name + " is only read inside the loop"
	}

	sb := c.builderName(g, outer.Node())
	conv := func(e string) string { // builder text -> value of v's type
		if typ == "" {
			return e
		}
		return typ + "(" + e + ")"
	}
	ind := c.src.Indent(outer.Node().Pos())
	var edits []analysis.TextEdit

	head := "var " + sb + " " + pkg + ".Builder\n" + ind
	if grow := c.growSize(g, exits, empty); grow != "" {
		head += sb + ".Grow(" + grow + ")\n" + ind
	}
	if !empty {
		head += sb + ".WriteString(" + stringOf(v.Name(), typ) + ")\n" + ind
	}
	edits = append(edits, insert(outer.Node().Pos(), head))

	for _, acc := range g.accums {
		var writes []string
		writes = slices.Grow(writes, len(acc.operands))
		for _, op := range acc.operands {
			writes = append(writes, c.write(sb, op))
		}
		edits = append(edits, replace(acc.stmt, strings.Join(writes, "\n"+c.src.Indent(acc.stmt.Pos()))))
	}
	for _, e := range u.lens {
		edits = append(edits, replace(e, sb+".Len()"))
	}
	for _, e := range u.emptyTests {
		edits = append(edits, replace(e, sb+".Len() "+e.Op.String()+" 0"))
	}
	assign := v.Name() + " = " + conv(sb+".String()")
	for _, exit := range exits.leaving {
		edits = append(edits, insert(exit.Pos(), assign+"\n"+c.src.Indent(exit.Pos())))
	}
	if exits.reachesEnd {
		edits = append(edits, insert(outer.Node().End(), "\n"+ind+assign))
	}
	if needImport {
		edits = append(edits, imports.Add(c.pass.Fset, file, "strings"))
	}
	return &analysis.SuggestedFix{
		Message:   "Build " + name + " with a strings.Builder",
		TextEdits: edits,
	}, ""
}

func insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

func replace(n ast.Node, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}
}

// isPlainLocal reports whether v is a local variable of fn rather than one
// of its parameters or results, which the compiler never reports unused.
func isPlainLocal(fn ast.Node, v *types.Var) bool {
	return !astx.Contains(astx.FuncType(fn), v.Pos())
}

// typeName returns how to convert a string to t in this package: "" for
// string itself, the type's name for a named string type of this package,
// or pkg.Name for an exported one of a package the file imports.
func (c *checker) typeName(t types.Type, file *ast.File, pos token.Pos) (string, bool) {
	if types.Identical(t, types.Typ[types.String]) {
		return "", true
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.TypeArgs() != nil {
		return "", false
	}
	obj := named.Obj()
	if obj.Pkg() == c.pass.Pkg {
		return obj.Name(), astx.VisibleAt(c.pass, obj.Name(), obj, pos)
	}
	// Another package's type (report.Description), through the file's
	// own import of it.
	pkg, needImport, why := imports.Name(c.pass, file, pos, obj.Pkg().Path())
	if !obj.Exported() || needImport || why != "" {
		return "", false
	}
	return pkg + "." + obj.Name(), true
}

func stringOf(e, typ string) string {
	if typ == "" {
		return e
	}
	return "string(" + e + ")"
}

// write returns the builder call that appends op.
func (c *checker) write(sb string, op ast.Expr) string {
	op = ast.Unparen(op)
	if lit, ok := op.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil && len(s) == 1 {
			return sb + ".WriteByte(" + byteLit(lit.Value, s[0]) + ")"
		}
	}
	if call, ok := op.(*ast.CallExpr); ok && len(call.Args) == 1 && c.info.Types[call.Fun].IsType() &&
		types.Identical(c.info.TypeOf(call.Fun), types.Typ[types.String]) &&
		types.Identical(c.info.TypeOf(call.Args[0]), types.Typ[types.Rune]) {
		return sb + ".WriteRune(" + c.src.Text(call.Args[0]) + ")" // string(r) and WriteRune both map invalid runes to U+FFFD
	}
	text := c.src.Text(op)
	if t := c.info.TypeOf(op); !types.Identical(t, types.Typ[types.String]) && !types.Identical(t, types.Typ[types.UntypedString]) {
		text = "string(" + text + ")"
	}
	return sb + ".WriteString(" + text + ")"
}

// byteLit returns a character literal for the one-byte string literal lit,
// spelled as in lit where it can be ("\n" becomes '\n').
func byteLit(lit string, b byte) string {
	if lit[0] == '"' {
		switch inner := lit[1 : len(lit)-1]; inner {
		case `\"`:
			return `'"'`
		case "'":
			return `'\''`
		default:
			return "'" + inner + "'"
		}
	}
	switch {
	case b == '\'' || b == '\\':
		return `'\` + string(rune(b)) + `'`
	case b >= 0x20 && b < 0x7f:
		return "'" + string(rune(b)) + "'"
	}
	return fmt.Sprintf(`'\x%02x'`, b)
}

// uses is what the fix must rewrite among the loop's reads of the target.
type uses struct {
	lens          []*ast.CallExpr   // len(s)
	emptyTests    []*ast.BinaryExpr // s == "", s != ""
	readsAfterFix int               // reads left after the fix, outside the loop or in its returns
}

// classifyUses checks every use of the target in its function: the fix is
// safe only if no closure or pointer can observe the string while it lives
// in the builder, and the loop reads it only through len or a test for "".
func (c *checker) classifyUses(g *group) (uses, string) {
	var u uses
	v := g.target.obj
	name := v.Name()
	owned := make(map[ast.Node]bool) // the target's identifiers that the accumulations replace
	for _, acc := range g.accums {
		owned[ast.Unparen(acc.stmt.Lhs[0])] = true
		if acc.stmt.Tok == token.ASSIGN {
			owned[ast.Unparen(c.flattenConcat(acc.stmt.Rhs[0])[0])] = true
		}
	}
	loop := g.loop.Node()
	endsGrowing := "" // reported only if nothing else blocks the fix
	for cur := range g.fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v {
			continue
		}
		if c.innermostFunc(cur) != g.fn.Node() {
			return u, name + " is captured by a closure, which could read it while the loop runs"
		}
		parent := cur.Parent().Node()
		if un, ok := parent.(*ast.UnaryExpr); ok && un.Op == token.AND {
			return u, name + "'s address is taken, so other code could read it while the loop runs"
		}
		if !astx.Contains(loop, id.Pos()) {
			if as, ok := parent.(*ast.AssignStmt); !ok || !isLHS(as, id) {
				u.readsAfterFix++
			}
			continue
		}
		switch {
		case owned[id]:
		case c.isLenOf(parent, id):
			u.lens = append(u.lens, parent.(*ast.CallExpr))
		case c.isEmptyTest(parent, id):
			u.emptyTests = append(u.emptyTests, parent.(*ast.BinaryExpr))
		case c.inReturn(cur, loop):
			u.readsAfterFix++
		case c.grows(parent, v):
			endsGrowing = name + " also grows as the loop ends (before a break or return), which the fix does not rewrite"
		default:
			return u, name + " is read inside the loop"
		}
	}
	return u, endsGrowing
}

// grows reports whether parent, the parent of a use of v in the loop that
// no accumulation of the group owns, is itself an accumulation into v:
// one that runs once as the loop ends, before a break or return (in a
// nested loop too, with break Outer), which the group leaves out.
func (c *checker) grows(parent ast.Node, v types.Object) bool {
	as, ok := parent.(*ast.AssignStmt)
	if !ok {
		return false
	}
	acc := c.accumulation(as)
	return acc != nil && acc.target.obj == v
}

func isLHS(as *ast.AssignStmt, id *ast.Ident) bool {
	for _, lhs := range as.Lhs {
		if lhs == id {
			return true
		}
	}
	return false
}

func (c *checker) innermostFunc(cur inspector.Cursor) ast.Node {
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return anc.Node()
	}
	return nil
}

func (c *checker) isLenOf(parent ast.Node, id *ast.Ident) bool {
	call, ok := parent.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != id {
		return false
	}
	fun, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.info.Uses[fun].(*types.Builtin)
	return ok && b.Name() == "len"
}

func (c *checker) isEmptyTest(parent ast.Node, id *ast.Ident) bool {
	bin, ok := parent.(*ast.BinaryExpr)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return false
	}
	other := bin.Y
	if bin.Y == id {
		other = bin.X
	}
	tv := c.info.Types[other]
	return tv.Value != nil && tv.Value.ExactString() == `""`
}

// inReturn reports whether cur is in a return statement of the loop (not of
// a closure in it): the fix assigns the string before such returns.
func (c *checker) inReturn(cur inspector.Cursor, loop ast.Node) bool {
	for anc := range cur.Enclosing((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		_, ok := anc.Node().(*ast.ReturnStmt)
		return ok && astx.Contains(loop, anc.Node().Pos())
	}
	return false
}

// exitInfo is how control leaves the loop.
type exitInfo struct {
	leaving     []ast.Stmt // returns reading the string, and branches to outer labels
	reachesEnd  bool       // control can reach the statement after the loop
	hasBranches bool       // the loop has any break, continue or return
}

// exits finds the statements by which control leaves the loop other than at
// its end, where the string must be assigned before leaving.
func (c *checker) exits(g *group) (exitInfo, string) {
	loop := g.loop.Node()
	v := g.target.obj
	x := exitInfo{reachesEnd: true}
	if f, ok := loop.(*ast.ForStmt); ok && f.Cond == nil {
		x.reachesEnd = false // only a break can end it
	}
	var ownLabel types.Object
	if ls, ok := g.loop.Parent().Node().(*ast.LabeledStmt); ok {
		ownLabel = c.info.Defs[ls.Label]
	}
	namedResult := !isPlainLocal(g.fn.Node(), v) && c.isResult(g.fn.Node(), v)
	for cur := range g.loop.Preorder((*ast.BranchStmt)(nil), (*ast.ReturnStmt)(nil)) {
		if c.innermostFunc(cur) != g.fn.Node() {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.ReturnStmt:
			x.hasBranches = true
			if astx.Mentions(c.info, n, g.target.obj) || len(n.Results) == 0 && namedResult {
				x.leaving = append(x.leaving, n)
			}
		case *ast.BranchStmt:
			x.hasBranches = true
			switch {
			case n.Tok == token.GOTO:
				return x, "the loop contains a goto"
			case n.Label != nil:
				lbl := c.info.Uses[n.Label]
				if lbl == ownLabel {
					x.reachesEnd = x.reachesEnd || n.Tok == token.BREAK
				} else if lbl == nil || !astx.Contains(loop, lbl.Pos()) {
					x.leaving = append(x.leaving, n)
				}
			case n.Tok == token.BREAK && astx.BreakTarget(cur) == loop:
				x.reachesEnd = true
			}
		}
	}
	if namedResult && c.hasDefer(g.fn) {
		return x, v.Name() + " is a result and the function defers a call, which could return it after a panic in the loop"
	}
	return x, ""
}

func (c *checker) isResult(fn ast.Node, v *types.Var) bool {
	results := astx.FuncType(fn).Results
	return results != nil && astx.Contains(results, v.Pos())
}

func (c *checker) isGotoTarget(fn inspector.Cursor, ls *ast.LabeledStmt) bool {
	label := c.info.Defs[ls.Label]
	for cur := range fn.Preorder((*ast.BranchStmt)(nil)) {
		if br := cur.Node().(*ast.BranchStmt); br.Tok == token.GOTO && br.Label != nil && c.info.Uses[br.Label] == label {
			return true
		}
	}
	return false
}

func (c *checker) hasGoto(fn inspector.Cursor) bool {
	for cur := range fn.Preorder((*ast.BranchStmt)(nil)) {
		if cur.Node().(*ast.BranchStmt).Tok == token.GOTO {
			return true
		}
	}
	return false
}

func (c *checker) hasDefer(fn inspector.Cursor) bool {
	for range fn.Preorder((*ast.DeferStmt)(nil)) {
		return true
	}
	return false
}

// emptyBefore reports whether v is certainly "" when the statement before
// stmt in list has run: the closest earlier statement that mentions v sets
// it to "", and no label in between lets a goto skip that.
func (c *checker) emptyBefore(list []ast.Stmt, stmt ast.Node, v *types.Var) bool {
	t := target{obj: v}
	i := 0
	for i < len(list) && list[i] != stmt {
		i++
	}
	for i--; i >= 0; i-- {
		s := list[i]
		if _, ok := s.(*ast.LabeledStmt); ok {
			return false
		}
		if !astx.Mentions(c.info, s, t.obj) {
			continue
		}
		switch s := s.(type) {
		case *ast.DeclStmt:
			gd := s.Decl.(*ast.GenDecl)
			if len(gd.Specs) != 1 {
				return false
			}
			spec, ok := gd.Specs[0].(*ast.ValueSpec)
			return ok && len(spec.Names) == 1 && c.info.Defs[spec.Names[0]] == v &&
				(len(spec.Values) == 0 || c.isEmptyString(spec.Values[0]))
		case *ast.AssignStmt:
			if len(s.Lhs) != 1 || len(s.Rhs) != 1 || s.Tok != token.DEFINE && s.Tok != token.ASSIGN {
				return false
			}
			id, ok := s.Lhs[0].(*ast.Ident)
			return ok && c.info.ObjectOf(id) == v && c.isEmptyString(s.Rhs[0])
		}
		return false
	}
	return false
}

func (c *checker) isEmptyString(e ast.Expr) bool {
	tv := c.info.Types[e]
	return tv.Value != nil && tv.Value.ExactString() == `""`
}

// growSize returns the builder's final length when it is known before the
// loop: a range over a slice or map whose every iteration appends the same
// constant strings, with no way to skip one.
func (c *checker) growSize(g *group, x exitInfo, empty bool) string {
	rng, ok := g.loop.Node().(*ast.RangeStmt)
	if !ok || x.hasBranches || !sizeexpr.Reevaluable(rng.X) {
		return ""
	}
	switch c.underlying(rng.X).(type) {
	case *types.Slice, *types.Map:
	default:
		return ""
	}
	per := 0 // bytes per iteration
	for _, acc := range g.accums {
		if !isDirectChild(rng.Body, acc.stmt) {
			return ""
		}
		for _, op := range acc.operands {
			n, ok := sizeexpr.ConstLen(c.info.Types[op])
			if !ok {
				return ""
			}
			per += n
		}
	}
	var size sizeexpr.Sum
	if !empty {
		size.AddLen(g.target.obj.Name())
	}
	size.AddTimes(per, "len("+c.src.Text(rng.X)+")")
	return size.String()
}

func isDirectChild(body *ast.BlockStmt, s ast.Stmt) bool {
	for _, b := range body.List {
		if b == s {
			return true
		}
	}
	return false
}

// stringsImport returns the name of the strings package where the fix
// uses it and whether the fix must import it, or false if no name refers to
// it everywhere it would be used: the fix spans the loop and the code after
// it, so the name may be defined nowhere in the function.
func (c *checker) stringsImport(file *ast.File, g *group) (pkg string, need, ok bool) {
	pkg, need, why := imports.Name(c.pass, file, g.loop.Node().Pos(), "strings")
	if why != "" {
		return "", false, false
	}
	for cur := range g.fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if id.Name == pkg && c.info.Defs[id] != nil {
			return "", false, false
		}
	}
	return pkg, need, true
}

// builderName picks a name for the builder that no identifier of the
// function uses and no enclosing scope declares, so it can neither be
// shadowed at a use nor clash with a declaration; names chosen for earlier
// fixes in the same function are avoided too.
func (c *checker) builderName(g *group, at ast.Node) string {
	var root ast.Node = g.fn.Node() // the outermost function, so closures share the names
	for anc := range g.fn.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		root = anc.Node()
	}
	names := c.names[root]
	if names == nil {
		names = make(map[string]bool)
		ast.Inspect(root, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				names[id.Name] = true
			}
			return true
		})
		c.names[root] = names
	}
	scope := astx.ScopeAt(c.pass, astx.FileOf(c.pass, at.Pos()), at.Pos())
	for i := 1; ; i++ {
		name := "sb"
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if _, obj := scope.LookupParent(name, token.NoPos); names[name] || obj != nil {
			continue
		}
		names[name] = true
		return name
	}
}

// joinFix replaces the loop by strings.Join when that is exactly what it
// computes: for i, x := range xs { if i > 0 { s += sep }; s += x }, or
// for i, x := range xs { s += x; if i < len(xs)-1 { s += sep } }. It
// returns nil for other loops, whose separators may be strings.Join's
// (a separator around every element, a test against another list), but
// are not proved to be.
func (c *checker) joinFix(file *ast.File, g *group, sep ast.Expr) *analysis.SuggestedFix {
	rng := g.loop.Node().(*ast.RangeStmt)
	key, _ := rng.Key.(*ast.Ident)
	if key == nil || len(rng.Body.List) != 2 || len(g.accums) != 2 ||
		!types.AssignableTo(c.info.TypeOf(rng.X), types.NewSlice(types.Typ[types.String])) {
		return nil
	}
	guard, element, guarded, holds := rng.Body.List[0], rng.Body.List[1], g.accums[0], c.isNotFirst
	if _, ok := element.(*ast.IfStmt); ok {
		guard, element, guarded = element, guard, g.accums[1]
		holds = func(cond ast.Expr, key *ast.Ident) bool { return c.isNotLast(cond, key, rng.X) }
	}
	ifs, ok := guard.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 || ifs.Body.List[0] != guarded.stmt ||
		!slices.ContainsFunc(g.accums, func(a *accumulation) bool { return a.stmt == element }) ||
		len(guarded.operands) != 1 || guarded.operands[0] != sep || !holds(ifs.Cond, key) {
		return nil
	}
	fix, _ := c.replaceLoop(file, g, "Join", c.src.Text(rng.X)+", "+c.src.Text(sep))
	return fix
}

// isNotFirst reports whether cond is i > 0, i != 0 or 0 < i for the key i.
func (c *checker) isNotFirst(cond ast.Expr, key *ast.Ident) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	isZero := func(e ast.Expr) bool { return astx.IsIntConst(c.info, e, 0) }
	switch bin.Op {
	case token.GTR, token.NEQ:
		return c.isKey(bin.X, key) && isZero(bin.Y) || bin.Op == token.NEQ && isZero(bin.X) && c.isKey(bin.Y, key)
	case token.LSS:
		return isZero(bin.X) && c.isKey(bin.Y, key)
	}
	return false
}

// isNotLast reports whether cond is i < len(xs)-1, i != len(xs)-1,
// i+1 < len(xs) or i+1 != len(xs) for the key i, where xs is the ranged
// list: a variable or a chain of fields, which the loop, accumulating
// only, leaves as it is.
func (c *checker) isNotLast(cond ast.Expr, key *ast.Ident, xs ast.Expr) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.LSS && bin.Op != token.NEQ || !sizeexpr.Reevaluable(xs) {
		return false
	}
	isLen := func(e ast.Expr) bool {
		n := c.lenOf(e)
		return n != nil && c.sameList(n, xs)
	}
	// plusOne reports whether e is x op 1 with is(x).
	plusOne := func(e ast.Expr, op token.Token, is func(ast.Expr) bool) bool {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		return ok && b.Op == op && is(b.X) && astx.IsIntConst(c.info, b.Y, 1)
	}
	isKey := func(e ast.Expr) bool { return c.isKey(e, key) }
	return isKey(bin.X) && plusOne(bin.Y, token.SUB, isLen) || plusOne(bin.X, token.ADD, isKey) && isLen(bin.Y)
}

// isKey reports whether e is the range key key.
func (c *checker) isKey(e ast.Expr, key *ast.Ident) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.info.ObjectOf(id) == c.info.ObjectOf(key)
}

// lenOf returns xs when e is len(xs).
func (c *checker) lenOf(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !astx.IsBuiltin(c.info, call.Fun, "len") {
		return nil
	}
	return call.Args[0]
}

// sameList reports whether a and b name the same variable or the same
// fields of it.
func (c *checker) sameList(a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && c.info.ObjectOf(a) != nil && c.info.ObjectOf(a) == c.info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && c.info.ObjectOf(a.Sel) == c.info.ObjectOf(b.Sel) && c.sameList(a.X, b.X)
	}
	return false
}

// repeatFix replaces a loop over a slice, a map or an integer whose only
// statements append the same strings every time with strings.Repeat.
func (c *checker) repeatFix(file *ast.File, g *group) (*analysis.SuggestedFix, string) {
	rng, ok := g.loop.Node().(*ast.RangeStmt)
	if !ok {
		return nil, "the count for strings.Repeat depends on the loop's condition"
	}
	count := "len(" + c.src.Text(rng.X) + ")"
	switch t := c.underlying(rng.X).(type) {
	case *types.Slice, *types.Map:
	case *types.Basic:
		// for range n: n times, none when n is negative, where
		// strings.Repeat would panic.
		if t.Kind() != types.Int && t.Kind() != types.UntypedInt {
			return nil, "strings.Repeat takes an int, and the loop runs " + c.short(rng.X) + " times"
		}
		count = "max(" + c.src.Text(rng.X) + ", 0)"
	default:
		return nil, "the count for strings.Repeat is not len(" + c.short(rng.X) + ")"
	}
	if !isBlank(rng.Key) || !isBlank(rng.Value) || len(rng.Body.List) != len(g.accums) {
		return nil, "the loop does more than append"
	}
	var pieces []string
	for i, acc := range g.accums {
		if rng.Body.List[i] != acc.stmt {
			return nil, "the loop does more than append"
		}
		for _, op := range acc.operands {
			if t := c.info.TypeOf(op); !types.Identical(t, types.Typ[types.String]) && !types.Identical(t, types.Typ[types.UntypedString]) {
				return nil, "strings.Repeat takes a string"
			}
			pieces = append(pieces, c.src.Text(op))
		}
	}
	return c.replaceLoop(file, g, "Repeat", strings.Join(pieces, " + ")+", "+count)
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return e == nil || ok && id.Name == "_"
}

// replaceLoop replaces the whole loop with s += strings.fn(args), when
// nothing but the loop's own statements could see the difference.
func (c *checker) replaceLoop(file *ast.File, g *group, fn, args string) (*analysis.SuggestedFix, string) {
	name := c.src.Text(g.accums[0].stmt.Lhs[0])
	switch {
	case g.others:
		return nil, "another string also grows in this loop"
	case g.target.path != "":
		return nil, name + " is a struct field"
	case !types.Identical(g.target.obj.Type(), types.Typ[types.String]):
		return nil, name + " is not of type string"
	case c.src.File(g.loop.Node().Pos()) == nil:
		return nil, "the source file cannot be read"
	}
	if _, ok := g.loop.Parent().Node().(*ast.LabeledStmt); ok {
		return nil, "the loop is labeled"
	}
	pkg, needImport, ok := c.stringsImport(file, g)
	if !ok {
		return nil, `"strings" cannot be imported or is shadowed here`
	}
	// The loop's comments are kept, above the statement that replaces it.
	var text strings.Builder
	ind := c.src.Indent(g.loop.Node().Pos())
	for _, cg := range file.Comments {
		if astx.Contains(g.loop.Node(), cg.Pos()) {
			for _, cm := range cg.List {
				text.WriteString(cm.Text + "\n" + ind)
			}
		}
	}
	text.WriteString(name + " += " + pkg + "." + fn + "(" + args + ")")
	edits := []analysis.TextEdit{replace(g.loop.Node(), text.String())}
	if needImport {
		edits = append(edits, imports.Add(c.pass.Fset, file, "strings"))
	}
	return &analysis.SuggestedFix{Message: "Replace the loop with " + pkg + "." + fn, TextEdits: edits}, ""
}
