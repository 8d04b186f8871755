package growhint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/sizeexpr"
	"github.com/memlint/memlint/internal/typesx"
)

// sizeLoop adds the writes of one loop: counted per iteration when the
// loop's length is known and every write runs on every iteration, or else
// sized as a rewritten copy of the string the loop walks.
func (c *checker) sizeLoop(b *builder, loop inspector.Cursor, at token.Pos, e *estimate) {
	writes := c.writesIn(b, loop)
	e.pieces += len(writes)
	counted := c.countedLoop(loop, writes, at, e)
	if counted || c.copyLoop(b, loop, writes, at, e) {
		e.countsData = e.countsData || !counted // a copy of a walked string
		e.variable, e.overLoop = true, true
		e.loops = append(e.loops, loop)
		return
	}
	e.unsized = true
}

func (c *checker) writesIn(b *builder, loop inspector.Cursor) []*write {
	var ws []*write
	for _, w := range b.writes {
		if loop.Contains(w.cur) {
			ws = append(ws, w)
		}
	}
	return ws
}

// countedLoop sizes a loop of known length (a range over a slice, array,
// string, map or integer, or for i := 0; i < n; i++) that cannot skip an
// iteration: each write that is a statement of the loop's body adds its
// size times the count; Σ len(v) over a slice of strings needs a loop of
// its own before the Grow. Writes under a condition are not counted.
func (c *checker) countedLoop(loop inspector.Cursor, writes []*write, at token.Pos, e *estimate) bool {
	count, rng := c.loopCount(loop.Node(), at)
	if count == "" || c.canSkip(loop) {
		return false
	}
	var under, least, sumOver, someIterations []string // added to e only if the loop is counted
	var value types.Object
	if rng != nil && rng.Value != nil {
		value = c.info.ObjectOf(rng.Value.(*ast.Ident))
	}
	isValue := func(x ast.Expr) bool {
		id, ok := stripConversion(c.info, x).(*ast.Ident)
		return ok && value != nil && c.info.Uses[id] == value
	}
	body := astx.LoopBody(loop.Node())
	var add sizeexpr.Sum
	per := 0
	counted := false
	data := false // a piece of data is written that the sum does not count
	for _, w := range writes {
		if c.inInnerLoop(loop, w.cur) {
			e.unsized = true // a loop inside the loop: its count is not known before
			return false
		}
		if w.opaque || !isStmtOf(body, w.cur) {
			under = append(under, c.short(w.cur.Node()))
			if c.constantPieces(w, at, loop.Node().Pos()) {
				someIterations = append(someIterations, c.short(w.cur.Node()))
			} else {
				data = true
			}
			continue
		}
		for i, piece := range w.pieces {
			spread := w.spread && i == len(w.pieces)-1
			switch {
			case w.method == "WriteRune" && isValue(piece) && typesx.IsString(c.info.TypeOf(rng.X)):
				// The runes of a string are its bytes when it is valid
				// UTF-8; each invalid byte comes out as U+FFFD, 3 bytes.
				add.AddLen(c.src.Text(rng.X))
				least = append(least, "the runes of "+c.src.Text(rng.X)+", where an invalid byte becomes 3")
				counted = true
			case (w.method == "WriteString" || w.method == "Write" || spread) && isValue(piece):
				sumOver = append(sumOver, c.src.Text(rng.X))
				counted = true
			default:
				s, ok, f := c.pieceSize(piece, w.method, spread, at, loop.Node().Pos())
				if !ok || !s.IsConstant() {
					under = append(under, c.short(piece))
					data = true
					continue
				}
				if f == fitLeast {
					least = append(least, c.short(piece)+" as one byte")
				}
				n := s.Bytes()
				per += n
				counted = counted || n > 0
			}
		}
	}
	if !counted {
		return false
	}
	if data && add.IsConstant() && len(sumOver) == 0 {
		// Only the constants of the loop are counted: the data it writes
		// (p.Name, p.Value) is not, so the bulk is unknown unless the loop
		// copies a string it walks.
		return false
	}
	if per > 0 && rng != nil && typesx.IsString(c.info.TypeOf(rng.X)) {
		e.over = true // a string has at most len(s) runes
	}
	e.under = append(e.under, under...)
	e.someIterations = append(e.someIterations, someIterations...)
	e.least = append(e.least, least...)
	e.sumOver = append(e.sumOver, sumOver...)
	e.sum.Add(add)
	e.sum.AddTimes(per, count)
	e.countsData = e.countsData || !add.IsConstant() || len(sumOver) > 0 || c.countsElements(loop.Node())
	return true
}

// countsElements reports whether the loop runs once per element of a
// collection or string (not n times for an integer n, as a loop writing
// padding does).
func (c *checker) countsElements(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		t, ok := c.info.TypeOf(l.X).Underlying().(*types.Basic)
		return !ok || t.Info()&types.IsInteger == 0
	case *ast.ForStmt:
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok {
			return false
		}
		call, ok := ast.Unparen(cond.Y).(*ast.CallExpr)
		return ok && c.isBuiltin(call, "len")
	}
	return false
}

// constantPieces reports whether every piece of w has a length fixed by
// the code: a constant, a byte, a rune.
func (c *checker) constantPieces(w *write, at, pos token.Pos) bool {
	if w.opaque {
		return false
	}
	for i, piece := range w.pieces {
		s, ok, _ := c.pieceSize(piece, w.method, w.spread && i == len(w.pieces)-1, at, pos)
		if !ok || !s.IsConstant() {
			return false
		}
	}
	return true
}

// loopCount returns how many times loop runs, as an expression valid at
// at: len(x) for a range over x, n for range n or for i := 0; i < n; i++.
func (c *checker) loopCount(loop ast.Node, at token.Pos) (string, *ast.RangeStmt) {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if _, ok := l.Value.(*ast.Ident); l.Value != nil && !ok {
			return "", nil
		}
		switch t := c.info.TypeOf(l.X).Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
		case *types.Basic:
			if t.Info()&types.IsInteger != 0 {
				return c.intTerm(l.X, at, l.Pos()), l
			}
			if t.Info()&types.IsString == 0 {
				return "", nil
			}
		default:
			return "", nil
		}
		if !c.available(l.X, at, l.Pos()) {
			return "", nil
		}
		return "len(" + c.src.Text(l.X) + ")", l
	case *ast.ForStmt:
		return c.countTo(l, at), nil
	}
	return "", nil
}

// countTo returns n for for i := 0; i < n; i++ (or i < len(s)), when n
// is valid at at and the body does not assign the counter.
func (c *checker) countTo(l *ast.ForStmt, at token.Pos) string {
	init, ok := l.Init.(*ast.AssignStmt)
	post, ok2 := l.Post.(*ast.IncDecStmt)
	cond, ok3 := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || !ok3 || len(init.Lhs) != 1 || len(init.Rhs) != 1 || init.Tok != token.DEFINE ||
		post.Tok != token.INC || cond.Op != token.LSS || !isZero(c.info.Types[init.Rhs[0]]) {
		return ""
	}
	i, ok := init.Lhs[0].(*ast.Ident)
	counter := c.info.Defs[i]
	x, ok2 := ast.Unparen(cond.X).(*ast.Ident)
	px, ok3 := ast.Unparen(post.X).(*ast.Ident)
	if !ok || !ok2 || !ok3 || counter == nil || c.info.Uses[x] != counter || c.info.Uses[px] != counter {
		return ""
	}
	if v, ok := counter.(*types.Var); !ok || c.assignedBetween(v, l.Body.Pos(), l.Body.End()) {
		return ""
	}
	if call, ok := ast.Unparen(cond.Y).(*ast.CallExpr); ok && c.isBuiltin(call, "len") && len(call.Args) == 1 {
		if c.available(call.Args[0], at, l.Pos()) && !c.assignedBetween(c.rootVar(call.Args[0]), l.Pos(), l.End()) {
			return "len(" + c.src.Text(call.Args[0]) + ")"
		}
		return ""
	}
	return c.intTerm(cond.Y, at, l.Pos())
}

// intTerm returns max(n, 0) for the integer n, if it is a variable or
// field path valid at at and not changed by the loop: a loop runs no
// times for a negative n, and Grow and make panic on one. The builtin max
// needs go1.21.
func (c *checker) intTerm(n ast.Expr, at, pos token.Pos) string {
	if tv := c.info.Types[n]; tv.Value != nil {
		return "" // a constant count: a short fixed text
	}
	if astx.MissingBuiltin(c.pass, "max", at) != "" || !c.available(n, at, pos) {
		return ""
	}
	return "max(" + c.src.Text(n) + ", 0)"
}

// available reports whether the variable or field path x can be evaluated
// at at with the value it has at pos.
func (c *checker) available(x ast.Expr, at, pos token.Pos) bool {
	if !sizeexpr.Reevaluable(x) {
		return false
	}
	root := astx.RootIdent(x)
	switch obj := c.info.Uses[root].(type) {
	case *types.PkgName:
		return true
	case *types.Var:
		return astx.VisibleAt(c.pass, root.Name, obj, at) && !c.assignedBetween(obj, at, pos) && c.derefsSafe(x, obj, at)
	}
	return false
}

func (c *checker) rootVar(x ast.Expr) *types.Var {
	v, _ := c.info.Uses[astx.RootIdent(x)].(*types.Var)
	return v
}

// canSkip reports whether an iteration of the loop can end before its
// last statement: a break, continue, goto, return or panic in its body.
func (c *checker) canSkip(loop inspector.Cursor) bool {
	for cur := range loop.Preorder((*ast.BranchStmt)(nil), (*ast.ReturnStmt)(nil), (*ast.CallExpr)(nil)) {
		if c.innermostFunc(cur) != c.innermostFunc(loop) {
			continue
		}
		if call, ok := cur.Node().(*ast.CallExpr); ok && !c.isBuiltin(call, "panic") {
			continue
		}
		return true
	}
	return false
}

// isStmtOf reports whether the write at cur is a statement of body.
func isStmtOf(body *ast.BlockStmt, cur inspector.Cursor) bool {
	n := cur.Node()
	if _, ok := n.(*ast.CallExpr); ok {
		n = cur.Parent().Node() // the ExprStmt
	}
	for _, s := range body.List {
		if s == n {
			return true
		}
	}
	return false
}

// copyLoop sizes a loop that walks a string and writes pieces of it, as a
// path cleaner or a query rewriter does: the output is about as long as the
// string, or at least as long when the loop writes escapes (constants of two
// bytes or more, escaped pieces) in place of some bytes. The string is one
// the loop's header or an early exit tests (range s, for len(s) > 0, if i >=
// len(s) { break }), and every piece the loop writes other than a constant
// is computed from it.
func (c *checker) copyLoop(b *builder, loop inspector.Cursor, writes []*write, at token.Pos, e *estimate) bool {
	walked := c.walkedStrings(loop)
	if len(walked) == 0 || c.selects(loop, writes) || c.returnsPart(b, loop) || c.startsMidway(loop) || c.stopsAtContent(b, loop) || c.returnsWalked(b, loop, walked) || c.writesSeparators(b, loop, writes, walked) {
		return false
	}
	used := make(map[*types.Var]bool)
	escapes := false
	for _, w := range writes {
		if w.opaque {
			return false
		}
		copied, constant := 0, false
		for _, piece := range w.pieces {
			if tv := c.info.Types[piece]; tv.Value != nil {
				n, ok := sizeexpr.ConstLen(tv)
				escapes = escapes || ok && n > 1
				constant = constant || ok && n > 0
				continue
			}
			if _, f := c.sizedPart(piece); f == fitLeast {
				escapes = true
			}
			from := c.derivedFrom(b, piece, walked)
			if from == nil || c.looksUp(piece) || c.transforms(piece) || c.indexesTable(b, piece, walked) {
				return false
			}
			used[from] = true
			copied++
		}
		if copied > 1 {
			return false // two pieces of each element (UTF-16's two bytes per rune): not a copy's size
		}
		// A piece of the string written with a constant ('!' before a
		// lowered letter) is an escape too: longer than what it replaces.
		escapes = escapes || copied == 1 && constant
	}
	var terms []string
	for _, v := range walked {
		if !used[v] {
			continue
		}
		if !astx.VisibleAt(c.pass, v.Name(), v, at) || c.assignedBetween(v, at, loop.Node().Pos()) {
			return false
		}
		terms = append(terms, v.Name())
	}
	if len(terms) == 0 {
		return false
	}
	least := escapes && !c.skipsBytes(loop) && writesEveryIteration(astx.LoopBody(loop.Node()), writes)
	for _, t := range terms {
		e.sum.AddLen(t)
		if least {
			e.least = append(e.least, t+", some of whose bytes are written as longer replacements")
		} else {
			e.copyOf = append(e.copyOf, t)
		}
	}
	return true
}

// skipsBytes reports whether the loop, a for loop over an index its
// condition tests, moves the index by more than one byte in some branch
// (i += 2 past an escape's backslash, i = end + 1 past a class): a byte
// it skips may be written as less than a byte, so escapes written
// elsewhere no longer make the copy at least as long as the string.
func (c *checker) skipsBytes(loop inspector.Cursor) bool {
	l, ok := loop.Node().(*ast.ForStmt)
	if !ok || l.Cond == nil {
		return false
	}
	tested := make(map[types.Object]bool)
	ast.Inspect(l.Cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] != nil {
			tested[c.info.Uses[id]] = true
		}
		return true
	})
	return astx.Any(l.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return false
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if !ok || !tested[c.info.Uses[id]] {
			return false
		}
		if b, ok := c.info.TypeOf(id).Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
			return false
		}
		one := c.info.Types[as.Rhs[0]].Value != nil && c.info.Types[as.Rhs[0]].Value.ExactString() == "1"
		return as.Tok == token.ASSIGN || as.Tok == token.ADD_ASSIGN && !one
	})
}

// writesEveryIteration reports whether every iteration of a loop with
// body writes before it ends or moves on: a branch that only sets state
// (escape = true on a backslash, writing the next rune as it is) writes
// nothing for its element, so escapes written elsewhere no longer make the
// copy at least as long as what it walks.
func writesEveryIteration(body *ast.BlockStmt, writes []*write) bool {
	written := make(map[ast.Stmt]bool)
	for _, w := range writes {
		cur := w.cur
		for {
			if s, ok := cur.Node().(ast.Stmt); ok {
				written[s] = true
				break
			}
			cur = cur.Parent()
		}
	}
	return listWrites(body.List, written)
}

// listWrites reports whether list writes on every path through it, before
// any statement that can end the iteration.
func listWrites(list []ast.Stmt, written map[ast.Stmt]bool) bool {
	for _, s := range list {
		if stmtWrites(s, written) {
			return true
		}
		if !exitsOnlyAfterWriting(s, written) {
			return false
		}
	}
	return false
}

func stmtWrites(s ast.Stmt, written map[ast.Stmt]bool) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return listWrites(s.List, written)
	case *ast.IfStmt:
		return s.Else != nil && listWrites(s.Body.List, written) && stmtWrites(s.Else, written)
	case *ast.SwitchStmt:
		return clausesWrite(s.Body, written)
	case *ast.TypeSwitchStmt:
		return clausesWrite(s.Body, written)
	case *ast.LabeledStmt:
		return stmtWrites(s.Stmt, written)
	}
	return written[s]
}

// clausesWrite reports whether every case of a switch writes, and one of
// them is the default.
func clausesWrite(body *ast.BlockStmt, written map[ast.Stmt]bool) bool {
	hasDefault := false
	for _, s := range body.List {
		clause := s.(*ast.CaseClause)
		hasDefault = hasDefault || clause.List == nil
		if !listWrites(clause.Body, written) {
			return false
		}
	}
	return hasDefault
}

// exitsOnlyAfterWriting reports whether s, which may not write, can end
// the iteration only on paths that write first.
func exitsOnlyAfterWriting(s ast.Stmt, written map[ast.Stmt]bool) bool {
	if !mayExit(s) {
		return true
	}
	ifs, ok := s.(*ast.IfStmt)
	if !ok {
		return false
	}
	thenOK := !mayExit(ifs.Body) || listWrites(ifs.Body.List, written)
	return thenOK && (ifs.Else == nil || stmtWrites(ifs.Else, written) || exitsOnlyAfterWriting(ifs.Else, written))
}

// mayExit reports whether n holds a return or a branch statement. One in
// a function literal counts too: the answer errs towards "about".
func mayExit(n ast.Node) bool {
	return astx.Any(n, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ReturnStmt, *ast.BranchStmt:
			return true
		}
		return false
	})
}

// writesSeparators reports whether the loop writes a constant under no
// test of the walked strings' content (under none, or under an index
// test: if i > 0 { b.WriteByte(':') }) and that the loop does not look for
// in them: a separator or frame written on top of the copied pieces, not
// an escape in place of a byte nor a delimiter written back in place of
// the one the loop cut at (strings.IndexByte(qs, '&')), so the output is
// longer than the string by a count the copy leaves out.
func (c *checker) writesSeparators(b *builder, loop inspector.Cursor, writes []*write, walked []*types.Var) bool {
	content := make(map[types.Object]bool)
	for _, s := range walked {
		maps.Copy(content, c.derivedVars(b, s))
	}
	for _, w := range writes {
		constant := !w.opaque && !slices.ContainsFunc(w.pieces, func(p ast.Expr) bool { return c.info.Types[p].Value == nil })
		if constant && !c.testsContent(loop, w.cur, content) && !c.searchedFor(loop, w) {
			return true
		}
	}
	return false
}

// searchedFor reports whether the loop mentions the text of each of w's
// constant pieces elsewhere than in w (strings.IndexByte(qs, '&'), c ==
// ','): a delimiter of the input that w writes back.
func (c *checker) searchedFor(loop inspector.Cursor, w *write) bool {
	texts := make(map[string]bool)
	for cur := range loop.Preorder((*ast.BasicLit)(nil)) {
		if !w.cur.Contains(cur) {
			texts[constText(c.info.Types[cur.Node().(ast.Expr)])] = true
		}
	}
	return !slices.ContainsFunc(w.pieces, func(p ast.Expr) bool { return !texts[constText(c.info.Types[p])] })
}

// constText is the text a string, byte or rune constant writes.
func constText(tv types.TypeAndValue) string {
	switch {
	case tv.Value == nil:
		return ""
	case tv.Value.Kind() == constant.String:
		return constant.StringVal(tv.Value)
	case tv.Value.Kind() == constant.Int:
		if r, ok := constant.Int64Val(tv.Value); ok {
			return string(rune(r))
		}
	}
	return ""
}

// testsContent reports whether an if or a switch case between cur and
// loop tests the objects of content.
func (c *checker) testsContent(loop, cur inspector.Cursor, content map[types.Object]bool) bool {
	for anc := cur.Parent(); anc.Valid() && anc != loop; anc = anc.Parent() {
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			if c.mentionsAny(n.Cond, content) {
				return true
			}
		case *ast.CaseClause:
			if slices.ContainsFunc(n.List, func(e ast.Expr) bool { return c.mentionsAny(e, content) }) {
				return true
			}
			if sw, ok := anc.Parent().Parent().Node().(*ast.SwitchStmt); ok && sw.Tag != nil && c.mentionsAny(sw.Tag, content) {
				return true
			}
		}
	}
	return false
}

// walkedStrings returns the string and []byte variables that the loop's
// header or its early exits test.
func (c *checker) walkedStrings(loop inspector.Cursor) []*types.Var {
	var tested []ast.Node
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		tested = append(tested, l.X)
	case *ast.ForStmt:
		if l.Cond != nil {
			tested = append(tested, l.Cond)
		}
	}
	for _, s := range astx.LoopBody(loop.Node()).List {
		if ifs, ok := s.(*ast.IfStmt); ok && len(ifs.Body.List) > 0 {
			switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
			case *ast.BranchStmt:
				if last.Tok == token.BREAK {
					tested = append(tested, ifs.Cond)
				}
			case *ast.ReturnStmt:
				tested = append(tested, ifs.Cond)
			}
		}
	}
	var vars []*types.Var
	seen := make(map[*types.Var]bool)
	for _, n := range tested {
		ast.Inspect(n, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				return c.keepsContent(call)
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := c.info.Uses[id].(*types.Var)
			if ok && !seen[v] && !v.IsField() && (typesx.IsString(v.Type()) || typesx.IsByteSlice(v.Type())) && !astx.Contains(loop.Node(), v.Pos()) {
				seen[v] = true
				vars = append(vars, v)
			}
			return true
		})
	}
	return vars
}

// keepsContent reports whether call walks its argument's own bytes: a
// conversion ([]rune(s)), a builtin (len(s)) or a cleaner (sanitize(s),
// see [isCleaner]). What another function returns (enc.Decode(raw)) is
// other text, of another size.
func (c *checker) keepsContent(call *ast.CallExpr) bool {
	if c.info.Types[call.Fun].IsType() {
		return true
	}
	switch fn := typeutil.Callee(c.info, call).(type) {
	case *types.Builtin:
		return true
	case *types.Func:
		return isCleaner(fn)
	}
	return false
}

// derivedFrom returns the walked string that piece is computed from,
// following the function's assignments (comp := s[:i]; comp = f(comp)).
func (c *checker) derivedFrom(b *builder, piece ast.Expr, walked []*types.Var) *types.Var {
	for _, s := range walked {
		derived := c.derivedVars(b, s)
		if c.mentionsAny(piece, derived) {
			return s
		}
	}
	return nil
}

// derivedVars returns s and the local variables whose value is computed
// from it, directly or through others: strings, byte slices, bytes and
// runes. Indices are left out: an index computed from another string
// (i += strings.IndexByte(pattern, c)) does not make what it slices part
// of that string.
func (c *checker) derivedVars(b *builder, s *types.Var) map[types.Object]bool {
	if d, ok := c.derived[s]; ok {
		return d
	}
	d := map[types.Object]bool{s: true}
	for changed := true; changed; {
		changed = false
		add := func(lhs ast.Expr) {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
				if obj := c.info.ObjectOf(id); obj != nil && !d[obj] && obj != types.Object(b.obj) && isContent(obj.Type()) {
					d[obj] = true
					changed = true
				}
			}
		}
		for cur := range b.fn.Preorder((*ast.AssignStmt)(nil), (*ast.RangeStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for _, rhs := range n.Rhs {
					if c.mentionsAny(rhs, d) && !c.mixesIn(rhs, d, n.Lhs) && !c.transforms(rhs) {
						for _, lhs := range n.Lhs {
							add(lhs)
						}
					}
				}
			case *ast.RangeStmt:
				if c.mentionsAny(n.X, d) {
					if n.Key != nil {
						add(n.Key)
					}
					if n.Value != nil {
						add(n.Value)
					}
				}
			case *ast.ValueSpec:
				for _, v := range n.Values {
					if c.mentionsAny(v, d) && !c.mixesIn(v, d, nil) && !c.transforms(v) {
						for _, id := range n.Names {
							add(id)
						}
					}
				}
			}
		}
	}
	c.derived[s] = d
	return d
}

// mixesIn reports whether e calls a function with an argument that is
// neither a constant nor computed from the objects of d: what it returns
// is not a piece of the string but something else formatted with it (a
// format clause given its argument, a value looked up by a key), of any
// length, or text that a call renders from bytes or runes alone
// (fmt.Sprintf("%X", r): four hex digits or more for one rune). The
// variables e is assigned to (lhs) do not count: e =
// fmt.Appendf(e[:0], "\\u%04x", r) reuses their memory for a piece.
func (c *checker) mixesIn(e ast.Expr, d map[types.Object]bool, lhs []ast.Expr) bool {
	dest := make(map[types.Object]bool)
	for _, l := range lhs {
		if id := astx.RootIdent(l); id != nil && c.info.ObjectOf(id) != nil {
			dest[c.info.ObjectOf(id)] = true
		}
	}
	mixed := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || mixed || c.info.Types[call.Fun].IsType() {
			return !mixed
		}
		if _, builtin := c.info.Uses[astx.RootIdent(call.Fun)].(*types.Builtin); builtin {
			return true
		}
		if c.rendersNumber(call) {
			mixed = true
			return false
		}
		for _, arg := range call.Args {
			if c.info.Types[arg].Value == nil && !c.mentionsAny(arg, d) && !c.mentionsAny(arg, dest) {
				mixed = true
			}
		}
		return !mixed
	})
	return mixed
}

// rendersNumber reports whether call returns text made from arguments
// none of which is text, constants aside: a byte or rune written as
// digits or a name.
func (c *checker) rendersNumber(call *ast.CallExpr) bool {
	t := c.info.TypeOf(call)
	if t == nil || !typesx.IsString(t) && !typesx.IsByteSlice(t) {
		return false
	}
	rendered := false
	for _, arg := range call.Args {
		if c.info.Types[arg].Value != nil {
			continue // a format
		}
		if at := c.info.TypeOf(arg); at == nil || typesx.IsString(at) || typesx.IsByteSlice(at) {
			return false
		}
		rendered = true
	}
	return rendered
}

// isContent reports whether t holds text: a string, a byte slice, a byte
// or a rune.
func isContent(t types.Type) bool {
	return typesx.IsString(t) || typesx.IsByteSlice(t) || typesx.IsCharacter(t)
}

// selects reports whether every write of the loop is in the body of an if
// without else, or in a case of a switch without default: the loop picks
// parts of the string (strips annotations, keeps digits, keeps the flags
// it knows), and the output can be much shorter than the string.
func (c *checker) selects(loop inspector.Cursor, writes []*write) bool {
	for _, w := range writes {
		picked := false
		for anc := range w.cur.Enclosing((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil)) {
			if !loop.Contains(anc) {
				break
			}
			if picks(anc.Node()) {
				picked = true
				break
			}
		}
		if !picked {
			return false
		}
	}
	return true
}

// picks reports whether the if or switch n runs its body only for some
// values: an if without else, a switch without default.
func picks(n ast.Node) bool {
	var body *ast.BlockStmt
	switch n := n.(type) {
	case *ast.IfStmt:
		return n.Else == nil
	case *ast.SwitchStmt:
		body = n.Body
	case *ast.TypeSwitchStmt:
		body = n.Body
	}
	return !slices.ContainsFunc(body.List, func(s ast.Stmt) bool { return s.(*ast.CaseClause).List == nil })
}

// returnsPart reports whether the loop can return what it has built so
// far, in the return or just before it (node := &Node{value:
// buf.String()}; return node): it copies a prefix of the string (up to a
// closing quote), not all.
func (c *checker) returnsPart(b *builder, loop inspector.Cursor) bool {
	for cur := range loop.Preorder((*ast.ReturnStmt)(nil)) {
		if c.innermostFunc(cur) != c.innermostFunc(loop) {
			continue
		}
		list, idx := astx.StmtList(cur)
		if list == nil { // a labelled return
			list, idx = []ast.Stmt{cur.Node().(ast.Stmt)}, 0
		}
		if slices.ContainsFunc(list[:idx+1], func(s ast.Stmt) bool { return astx.Mentions(c.info, s, b.obj) }) {
			return true
		}
	}
	return false
}

// isParam reports whether v is a parameter of fn.
func isParam(fn ast.Node, v *types.Var) bool {
	sig := astx.FuncType(fn)
	return sig != nil && sig.Pos() <= v.Pos() && v.Pos() < sig.End()
}

// startsMidway reports whether the for loop's index starts other than at
// zero: a cursor its callers share (for *pos < len(data), for p.off <
// len(p.src)) or an offset it is given (i := start). The loop walks the
// string from there, not from its start.
func (c *checker) startsMidway(loop inspector.Cursor) bool {
	l, ok := loop.Node().(*ast.ForStmt)
	if !ok || l.Cond == nil {
		return false
	}
	bin, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch x := ast.Unparen(bin.X).(type) {
	case *ast.StarExpr:
		return true
	case *ast.SelectorExpr:
		return c.info.Selections[x] != nil && c.info.Selections[x].Kind() == types.FieldVal
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || !astx.Reassigned(c.info, l.Body, v) {
			return false // not the loop's index
		}
		fn := c.innermostFunc(loop)
		if start := astx.InitialValue(c.info, fn, v); start != nil {
			return !astx.IsIntConst(c.info, start, 0)
		}
		return isParam(fn, v) // var i int starts at zero
	}
	return false
}

// returnsWalked reports whether the function, after the loop, can return
// a string the loop walks as it was (if !replaced { return s }): the
// builder is written only once a byte needs rewriting, and a Grow before
// the loop would allocate on the calls that now allocate nothing.
func (c *checker) returnsWalked(b *builder, loop inspector.Cursor, walked []*types.Var) bool {
	for cur := range b.fn.Preorder((*ast.ReturnStmt)(nil)) {
		if cur.Node().Pos() < loop.Node().End() || c.innermostFunc(cur) != b.fn.Node() {
			continue
		}
		for _, r := range cur.Node().(*ast.ReturnStmt).Results {
			if id, ok := ast.Unparen(r).(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && slices.Contains(walked, v) && !c.assignedBetween(v, loop.Node().End(), cur.Node().Pos()) {
					return true
				}
			}
		}
	}
	return false
}

// stopsAtContent reports whether the loop can break before the end of
// what it walks, under a condition that reads no length (a closing quote,
// the end of a block), or under none, or one that reads the builder's
// (if b.Len() >= 32 { break }: what is built is capped, however long the
// input). It then copies a prefix of its input, which is often the rest
// of a document: a parser's block, not the whole text. (A return that
// hands back what is built is returnsPart's; one that does not abandons
// the builder.)
func (c *checker) stopsAtContent(b *builder, loop inspector.Cursor) bool {
	if c.condReadsContent(loop.Node()) {
		return true
	}
	fn := c.innermostFunc(loop)
	for cur := range loop.Preorder((*ast.BranchStmt)(nil)) {
		if c.innermostFunc(cur) != fn || !breaksLoop(loop, cur.Node().(*ast.BranchStmt), cur) {
			continue
		}
		guarded := false
		br := cur.Node()
		for ifc := range cur.Enclosing((*ast.IfStmt)(nil)) {
			if !loop.Contains(ifc) {
				break
			}
			// Only an if whose body holds the break guards it: in an else,
			// its condition is false there.
			if ifs := ifc.Node().(*ast.IfStmt); ifs.Body.Pos() <= br.Pos() && br.End() <= ifs.Body.End() {
				guarded = guarded || astx.CallsLen(c.info, ifs.Cond) && !astx.Mentions(c.info, ifs.Cond, b.obj)
			}
		}
		if !guarded {
			return true
		}
	}
	return false
}

// condReadsContent reports whether a for loop's condition joins to its
// length test one that reads an element (for i < len(s) && s[i] != '"'):
// the loop ends at a closing quote or separator, as a break there would.
func (c *checker) condReadsContent(loop ast.Node) bool {
	f, ok := loop.(*ast.ForStmt)
	if !ok || f.Cond == nil {
		return false
	}
	conds := astx.Operands(f.Cond, token.LAND)
	return len(conds) > 1 && slices.ContainsFunc(conds, func(e ast.Expr) bool {
		return !astx.CallsLen(c.info, e) && c.readsElement(e)
	})
}

// readsElement reports whether e indexes a string or byte slice.
func (c *checker) readsElement(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok {
			t := c.info.TypeOf(ix.X)
			found = found || typesx.IsString(t) || typesx.IsByteSlice(t)
		}
		return !found
	})
	return found
}

// breaksLoop reports whether br, at cur, breaks out of loop: a break with
// loop's label, or one whose innermost breakable statement is loop.
func breaksLoop(loop inspector.Cursor, br *ast.BranchStmt, cur inspector.Cursor) bool {
	if br.Tok != token.BREAK {
		return false
	}
	if br.Label != nil {
		lbl, ok := loop.Parent().Node().(*ast.LabeledStmt)
		return ok && lbl.Label.Name == br.Label.Name
	}
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil)) {
		return anc == loop
	}
	return false
}

// looksUp reports whether piece is a call that maps a byte or rune of the
// string to a string of its own (a type's name, an escape sequence): its
// length is not the byte's.
func (c *checker) looksUp(piece ast.Expr) bool {
	call, ok := ast.Unparen(piece).(*ast.CallExpr)
	if !ok || c.info.Types[call.Fun].IsType() || !typesx.IsString(c.info.TypeOf(call)) && !typesx.IsByteSlice(c.info.TypeOf(call)) {
		return false
	}
	for _, arg := range call.Args {
		if t := c.info.TypeOf(arg); t != nil {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				return true
			}
		}
	}
	return false
}

// transforms reports whether piece is a call that makes text of its own
// from what it is given (a colouring function, a formatter): its length is
// not its argument's. Escapers, cleaners and case mappings keep about the
// argument's length, and are sized as such.
func (c *checker) transforms(piece ast.Expr) bool {
	call, ok := stripConversion(c.info, piece).(*ast.CallExpr)
	if !ok || c.info.Types[call.Fun].IsType() || !typesx.IsString(c.info.TypeOf(call)) && !typesx.IsByteSlice(c.info.TypeOf(call)) {
		return false
	}
	fn, ok := c.calleeFunc(call)
	return !ok || !isEscaper(fn) && !isCleaner(fn) && !isCaseMapping(fn)
}

// isCaseMapping reports whether fn is strings' or bytes' ToUpper, ToLower
// or ToTitle: as long as its argument, but for a few runes.
func isCaseMapping(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "strings" && fn.Pkg().Path() != "bytes" {
		return false
	}
	switch fn.Name() {
	case "ToUpper", "ToLower", "ToTitle":
		return true
	}
	return false
}

// indexesTable reports whether piece is a string kept in a table that is
// not made from the walked strings (emojiCodeMap[r], names[op]): looked up
// per element, it is as long as the table's entries, not the element.
func (c *checker) indexesTable(b *builder, piece ast.Expr, walked []*types.Var) bool {
	ix, ok := stripConversion(c.info, c.readInto(b, piece)).(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := c.info.TypeOf(ix)
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() == 2 {
		t = tuple.At(0).Type() // p, ok := patterns[c]
	}
	if t == nil || !typesx.IsString(t) && !typesx.IsByteSlice(t) {
		return false
	}
	return !slices.ContainsFunc(walked, func(s *types.Var) bool { return c.mentionsAny(ix.X, c.derivedVars(b, s)) })
}

// readInto returns the index expression that defines piece, a local read
// from a table (if p, ok := patterns[c]; ok, or p := names[b]), or piece
// itself.
func (c *checker) readInto(b *builder, piece ast.Expr) ast.Expr {
	id, ok := ast.Unparen(piece).(*ast.Ident)
	if !ok {
		return piece
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return piece
	}
	found := piece
	astx.Any(b.fn.Node(), func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return false
		}
		if l, ok := as.Lhs[0].(*ast.Ident); ok && c.info.Defs[l] == v {
			if _, isIndex := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr); isIndex {
				found = as.Rhs[0]
			}
			return true
		}
		return false
	})
	return found
}

// inInnerLoop reports whether cur is in a loop nested in loop.
func (c *checker) inInnerLoop(loop, cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		return anc != loop
	}
	return false
}
