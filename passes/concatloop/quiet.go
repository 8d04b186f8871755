package concatloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/typesx"
)

// policy: a String method that concatenates over many elements is worth
// fixing (see [cost.Policy]).
var policy = cost.Policy{DescriptionsAreCold: false}

// estimate rates a group. Quadratic copying over parsed input is high
// wherever it runs, even in an Error method: the peer chooses the length.
// A command's cold code, and a code generator's, are the exception: what
// they read is their user's own input; and so is deprecated code, which
// is kept for old callers and not changed for speed.
// Otherwise the tier follows how often the code runs, and falls to low
// where maintainers decline the change: counts fixed by the code or by
// configuration, padding, cold code, strings that end in a diagnostic and
// pieces that fmt formats anyway.
func (c *checker) estimate(g *group, trips cost.Trips) cost.Estimate {
	freq := c.model.At(c.pass, g.loop, policy)
	capped := c.capsLength(g)
	switch {
	case c.prefixTest(g) != "":
		return cost.Estimate{Tier: cost.Low, Evidence: "the loop goes on only while " + c.prefixTest(g) + " accepts the string built so far: it grows to the longest known prefix (an operator, a keyword), not with the input"}
	case c.appendsRuns(g):
		return cost.Estimate{Tier: cost.Low, Evidence: "appends whole runs of its input, between escapes: usually one, which += keeps without copying where a Builder would copy it"}
	case capped != "":
		return cost.Estimate{Tier: cost.Low, Evidence: capped + ": the string stays short"}
	case trips.Count == cost.CountInput && freq.Level == cost.Cold && (c.pass.Pkg.Name() == "main" || cost.DevTool(c.pass) != ""):
		return cost.Estimate{Tier: cost.Low, Evidence: trips.Evidence + ", " + freq.Reason + ": a command's own input, chosen by its user"}
	case trips.Count == cost.CountInput && c.unused(g) != "":
		return cost.Estimate{Tier: cost.Low, Evidence: trips.Evidence + ", but nothing outside tests calls " + c.unused(g)}
	case trips.Count == cost.CountInput && freq.Deprecated:
		return cost.Estimate{Tier: cost.Low, Evidence: trips.Evidence + ", " + freq.Reason + ": kept for old callers, not changed for speed"}
	case trips.Count == cost.CountInput:
		if freq.Level == cost.Cold {
			return cost.Estimate{Tier: cost.High, Evidence: trips.Evidence + ", quadratic even though " + freq.Reason}
		}
		return cost.Estimate{Tier: cost.High, Evidence: trips.Evidence}
	case trips.Count == cost.CountFixed || trips.Count == cost.CountConfig || trips.Count == cost.CountPart:
		return cost.Estimate{Tier: cost.Low, Evidence: trips.Evidence}
	case c.acceptedByComment(g) != "":
		return cost.Estimate{Tier: cost.Low, Evidence: "its comment accepts the cost (" + c.acceptedByComment(g) + ")"}
	case c.padding(g):
		return cost.Estimate{Tier: cost.Low, Evidence: "appends only constants: a fixed piece per iteration (padding, an indent, a suffix until a name is free), not the input"}
	case freq.Level == cost.Cold:
		return cost.Estimate{Tier: cost.Low, Evidence: freq.Reason}
	case c.buildsError(g.target):
		return cost.Estimate{Tier: cost.Low, Evidence: "a field of an error value"}
	case c.endsInDiagnostic(g):
		return cost.Estimate{Tier: cost.Low, Evidence: "the string ends in a diagnostic"}
	case c.formatsPieces(g):
		return cost.Estimate{Tier: cost.Low, Evidence: "fmt formats and allocates every piece too: a Builder saves only the copying"}
	case c.describesParts(g):
		return cost.Estimate{Tier: cost.Low, Evidence: "describes the parts of one value, each by its own text: a handful"}
	case c.tokenEnd(g) != "":
		return cost.Estimate{Tier: cost.Low, Evidence: "one character per iteration, until the first for which " + c.tokenEnd(g) + " fails: the length of one token"}
	case c.lookupTest(g) != "":
		return cost.Estimate{Tier: cost.Low, Evidence: "only for the elements where " + c.lookupTest(g) + ": a lookup, which usually matches one"}
	case freq.Level == cost.Hot:
		return cost.Estimate{Tier: cost.High, Evidence: join(trips.Evidence, freq.Reason)}
	}
	return cost.Estimate{Tier: cost.Medium, Evidence: trips.Evidence}
}

// unused returns the name of the function around g if nothing outside
// tests calls it (see [cost.Model.Unused]), or "".
func (c *checker) unused(g *group) string {
	for f := range g.loop.Enclosing((*ast.FuncDecl)(nil)) {
		if decl := f.Node().(*ast.FuncDecl); c.model.Unused(c.pass, decl) {
			return decl.Name.Name
		}
	}
	return ""
}

// lookupTest returns the test under which every accumulation of g runs,
// when it compares a field that names the element the loop ranges over
// with a constant (if dep.Path == "example.com/mod", switch opt.Name {
// case "Host": }): the loop looks one element up, and the string grows
// once per match, usually once. A field that sorts elements into kinds
// (m.role == "system") matches many.
func (c *checker) lookupTest(g *group) string {
	rng, ok := g.loop.Node().(*ast.RangeStmt)
	if !ok {
		return ""
	}
	var elems []types.Object
	for _, e := range []ast.Expr{rng.Key, rng.Value} {
		if id, ok := e.(*ast.Ident); ok && c.info.Defs[id] != nil {
			elems = append(elems, c.info.Defs[id])
		}
	}
	test := ""
	for _, acc := range g.accums {
		cur, ok := g.loop.FindNode(acc.stmt)
		if !ok {
			return ""
		}
		t := c.elementMatch(g.loop, cur, elems)
		if t == "" || test != "" && t != test {
			return ""
		}
		test = t
	}
	return test
}

// elementMatch returns the text of the test between loop and cur that
// compares one of elems (or a field of one) with a constant, or "".
func (c *checker) elementMatch(loop, cur inspector.Cursor, elems []types.Object) string {
	onElem := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		id := astx.RootIdent(e)
		return ok && isIdentityField(sel.Sel.Name) && id != nil && slices.Contains(elems, c.info.Uses[id])
	}
	isConst := func(e ast.Expr) bool { return c.info.Types[e].Value != nil }
	for arm := range selectingArms(loop, cur) {
		switch n := arm.Node().(type) {
		case *ast.CaseClause:
			sw, ok := arm.Parent().Parent().Node().(*ast.SwitchStmt)
			if ok && sw.Tag != nil && onElem(sw.Tag) && len(n.List) > 0 && !slices.ContainsFunc(n.List, func(e ast.Expr) bool { return !isConst(e) }) {
				return c.src.Text(sw.Tag) + " is " + c.src.Text(n.List[0])
			}
		case *ast.IfStmt:
			if eq, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok && eq.Op == token.EQL &&
				(onElem(eq.X) && isConst(eq.Y) || onElem(eq.Y) && isConst(eq.X)) {
				return c.src.Text(n.Cond)
			}
		}
	}
	return ""
}

// tokenEnd returns the test that every accumulation of g runs under when
// each appends one character (s += string(r)) and the loop breaks or
// returns as soon as the test of that character fails (if isLetter(r) {
// s += string(r) } else { break }, or if !isLetter(r) { break } before
// the +=): the loop scans one token, a word or a number, out of longer
// text. (A test of the index, if i < prefix, bounds the count instead.)
func (c *checker) tokenEnd(g *group) string {
	test := ""
	for _, acc := range g.accums {
		if len(acc.operands) != 1 || !c.isOneChar(acc.operands[0]) {
			return ""
		}
		cond := c.breaksUnless(g.loop, acc)
		char := c.src.Text(ast.Unparen(acc.operands[0]).(*ast.CallExpr).Args[0])
		if cond == nil || !astx.Any(cond, func(n ast.Node) bool { e, ok := n.(ast.Expr); return ok && c.src.Text(e) == char }) {
			return ""
		}
		if t := c.src.Text(cond); test == "" || t == test {
			test = t
		} else {
			return ""
		}
	}
	return test
}

// isOneChar reports whether e converts a rune or a byte to a string.
func (c *checker) isOneChar(e ast.Expr) bool {
	conv, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(conv.Args) != 1 || !c.info.Types[conv.Fun].IsType() || !typesx.IsString(c.info.TypeOf(conv)) {
		return false
	}
	b, ok := c.info.TypeOf(conv.Args[0]).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// breaksUnless returns the condition under which acc runs, when the loop
// leaves as soon as it fails: acc is in the body of an if whose else
// breaks or returns, directly in the loop's body, or follows in the loop's
// body an if !cond { break }.
func (c *checker) breaksUnless(loop inspector.Cursor, acc *accumulation) ast.Expr {
	body := astx.LoopBody(loop.Node())
	for _, stmt := range body.List {
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || ifs.Init != nil {
			continue
		}
		if els, ok := ifs.Else.(*ast.BlockStmt); ok && astx.EndsInBreakOrReturn(els) && slices.Contains(ifs.Body.List, ast.Stmt(acc.stmt)) {
			return ifs.Cond
		}
		if stmt.Pos() < acc.stmt.Pos() && ifs.Else == nil && astx.EndsInBreakOrReturn(ifs.Body) && slices.Contains(body.List, ast.Stmt(acc.stmt)) {
			if not, ok := ast.Unparen(ifs.Cond).(*ast.UnaryExpr); ok && not.Op == token.NOT {
				return not.X
			}
		}
	}
	return nil
}

// prefixTest returns the call in the condition of g's for loop that is
// given the string being built and is named for prefixes
// (p.isOperatorPrefix(op+string(c))), or "": a lexer's longest match of an
// operator or a keyword, as long as the longest one it knows.
func (c *checker) prefixTest(g *group) string {
	loop, ok := g.loop.Node().(*ast.ForStmt)
	if !ok || loop.Cond == nil {
		return ""
	}
	found := ""
	astx.Any(loop.Cond, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := typeutil.Callee(c.info, call)
		if fn == nil || !strings.Contains(strings.ToLower(fn.Name()), "prefix") || fn.Pkg() != c.pass.Pkg {
			return false
		}
		if slices.ContainsFunc(call.Args, func(arg ast.Expr) bool { return astx.Mentions(c.info, arg, g.target.obj) }) {
			found = c.src.Text(call)
		}
		return found != ""
	})
	return found
}

// isIdentityField reports whether a field of this name identifies its
// value among others (Path, Name, ID, Key, dep.ModulePath): in a list,
// one element has a given one.
func isIdentityField(name string) bool {
	return slices.ContainsFunc([]string{"Path", "Name", "ID", "Id", "Key", "URL", "URI"}, func(w string) bool {
		return name == w || name == strings.ToLower(w) || strings.HasSuffix(name, w)
	})
}

// join joins the evidence that is there with ", ".
func join(evidence ...string) string {
	return strings.Join(slices.DeleteFunc(evidence, func(s string) bool { return s == "" }), ", ")
}

// appendsRuns reports whether the string grows by runs of its input that
// an inner loop consumes before the += (for i < len(s) && isName(s[i]) {
// i++ }; name += s[start:i]): the loop then runs once per run between
// escapes, usually once, and += of the first run onto "" copies nothing.
func (c *checker) appendsRuns(g *group) bool {
	return slices.ContainsFunc(g.accums, func(acc *accumulation) bool {
		return slices.ContainsFunc(acc.operands, func(op ast.Expr) bool { return c.consumedRun(acc, op) })
	})
}

// consumedRun reports whether op is s[start:i] and a for loop before the
// += in its block advances i.
func (c *checker) consumedRun(acc *accumulation, op ast.Expr) bool {
	sl, ok := ast.Unparen(op).(*ast.SliceExpr)
	if !ok || sl.High == nil {
		return false
	}
	id, ok := ast.Unparen(sl.High).(*ast.Ident)
	if !ok {
		return false
	}
	end, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	list, i := astx.StmtList(acc.cur)
	return slices.ContainsFunc(list[:i], func(s ast.Stmt) bool {
		loop, ok := s.(*ast.ForStmt)
		return ok && astx.Any(loop, func(n ast.Node) bool {
			inc, ok := n.(*ast.IncDecStmt)
			return ok && inc.Tok == token.INC && astx.Mentions(c.info, inc.X, end)
		})
	})
}

// capsLength says how the loop stops, by its condition, a break or a
// return, once the string is longer than a constant (len(s) > 25); ""
// if it does not. Reading a terminal's short reply byte
// by byte is such a loop: whatever feeds it, the copying stays small.
func (c *checker) capsLength(g *group) string {
	if g.target.path != "" {
		return ""
	}
	if l, ok := g.loop.Node().(*ast.ForStmt); ok && l.Cond != nil && c.comparesLength(l.Cond, g.target.obj, token.LSS, token.LEQ) {
		return "the loop runs only while " + c.src.Text(l.Cond)
	}
	var cond ast.Expr
	astx.Any(astx.LoopBody(g.loop.Node()), func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if ok && len(ifs.Body.List) == 1 && stops(ifs.Body.List[0]) && c.comparesLength(ifs.Cond, g.target.obj, token.GTR, token.GEQ) {
			cond = ifs.Cond
		}
		return cond != nil
	})
	if cond == nil {
		return ""
	}
	return "the loop stops once " + c.src.Text(cond)
}

// stops reports whether s leaves the loop it is directly in: a return,
// or a break without a label.
func stops(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && s.Label == nil
	}
	return false
}

// mirrored maps a comparison operator to the one that holds with the
// operands swapped.
var mirrored = map[token.Token]token.Token{token.LSS: token.GTR, token.LEQ: token.GEQ, token.GTR: token.LSS, token.GEQ: token.LEQ}

// comparesLength reports whether cond is len(v) op C for one of ops, or
// C op' len(v) with op' its mirror, for a constant C.
func (c *checker) comparesLength(cond ast.Expr, v *types.Var, ops ...token.Token) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	isLen := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !astx.IsBuiltin(c.info, call.Fun, "len") {
			return false
		}
		id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
		return ok && c.info.Uses[id] == v
	}
	isConst := func(e ast.Expr) bool { return c.info.Types[e].Value != nil }
	for _, op := range ops {
		if b.Op == op && isLen(b.X) && isConst(b.Y) || b.Op == mirrored[op] && isConst(b.X) && isLen(b.Y) {
			return true
		}
	}
	return false
}

// padding reports whether a for loop (not a range) appends only constants
// (or locals that only ever hold one, unit := "  "): padding to a width,
// indenting by a level or lengthening a fence until it is unique, which
// stops at a few dozen bytes rather than growing with the input. The for
// loop may be one inside the loop reported (for strings.HasPrefix(p,
// prefix) { prefix += "2" }, once per entry of a range).
func (c *checker) padding(g *group) bool {
	for _, acc := range g.accums {
		cur, ok := g.loop.FindNode(acc.stmt)
		if !ok {
			return false
		}
		for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			if _, isFor := loop.Node().(*ast.ForStmt); !isFor {
				return false
			}
			break
		}
	}
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			if !c.model.IsConstant(c.info, op, g.fn.Node()) {
				return false
			}
		}
	}
	return true
}

// buildsError reports whether the string is a field of an error value,
// such as a PathError's Path: error paths are cold.
func (c *checker) buildsError(t target) bool {
	if t.path == "" {
		return false
	}
	return typesx.IsErrorType(t.obj.Type())
}

// formatsPieces reports whether a piece is made by fmt.Sprint and friends:
// the formatting already costs more per iteration than the copying saves
// on the short strings such loops build, and maintainers decline the change.
func (c *checker) formatsPieces(g *group) bool {
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			call, ok := ast.Unparen(op).(*ast.CallExpr)
			if !ok {
				continue
			}
			if pkg, name := typesx.Callee(c.info, call); pkg == "fmt" && strings.HasPrefix(name, "Sprint") {
				return true
			}
		}
	}
	return false
}

// endsInDiagnostic reports whether the built string is used, after the
// loop, in a panic, an error or a log message.
func (c *checker) endsInDiagnostic(g *group) bool {
	for cur := range g.fn.Preorder((*ast.Ident)(nil)) {
		if cur.Node().Pos() >= g.loop.Node().End() && c.info.Uses[cur.Node().(*ast.Ident)] == g.target.obj &&
			cost.InDiagnostic(c.info, cur) {
			return true
		}
	}
	return false
}

// describesParts reports whether a String or Format method ranges over a
// field of its receiver and appends only text computed from each part
// (its String, a name found for it), never the part's own data. Such a
// loop lists the parts of one value for people: a route's matchers, a
// record's options, a server's peers, a handful. Parts whose data is
// written (an enum's value names, raw handler configurations) stay rated
// by their count, and so do tree printers, whose parts are values of the
// receiver's own kind: their text grows with the whole tree. A receiver
// that is itself a list (type Exprs []Expr) is not one value's parts.
func (c *checker) describesParts(g *group) bool {
	decl, ok := g.fn.Node().(*ast.FuncDecl)
	if !ok || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 ||
		decl.Name.Name != "String" && decl.Name.Name != "Format" {
		return false
	}
	recv, ok := c.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	rng, isRange := g.loop.Node().(*ast.RangeStmt)
	if !ok || !isRange {
		return false
	}
	field, ok := ast.Unparen(rng.X).(*ast.SelectorExpr)
	if !ok || c.info.Selections[field] == nil || c.info.Uses[astx.RootIdent(field)] != recv {
		return false
	}
	if c.sameKind(typesx.RangeElem(c.info.TypeOf(rng.X)), recv.Type()) {
		return false
	}
	parts := map[types.Object]bool{}
	for _, id := range []ast.Expr{rng.Key, rng.Value} {
		if id, ok := id.(*ast.Ident); ok && c.info.Defs[id] != nil {
			parts[c.info.Defs[id]] = true
		}
	}
	for _, acc := range g.accums {
		for _, op := range acc.operands {
			if c.isPartData(op, parts) {
				return false
			}
		}
	}
	return true
}

// isPartData reports whether e is a part itself, or a field or element of
// one, possibly converted (string(raw), p.Name), rather than text computed
// from it by a call.
func (c *checker) isPartData(e ast.Expr, parts map[types.Object]bool) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && c.info.Types[call.Fun].IsType() {
		e = ast.Unparen(call.Args[0])
	}
	root := astx.RootIdent(e)
	return root != nil && parts[c.info.Uses[root]]
}

// sameKind reports whether elem is the receiver's type, or an interface
// that the receiver implements: a part is then a node of the same tree.
func (c *checker) sameKind(elem, recv types.Type) bool {
	if elem == nil {
		return false
	}
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	if p, ok := types.Unalias(elem).(*types.Pointer); ok {
		elem = p.Elem()
	}
	if types.Identical(elem, recv) {
		return true
	}
	iface, ok := elem.Underlying().(*types.Interface)
	return ok && (types.Implements(recv, iface) || types.Implements(types.NewPointer(recv), iface))
}

// acceptanceWords, beside "quadratic" in a comment, say that the code's
// authors weighed the copying and kept it: "quadratic, but probably ok".
var acceptanceWords = []string{"ok", "okay", "fine", "acceptable", "small", "short", "few"}

// acceptedByComment returns the comment on the line of an accumulation of
// g, or the line above, that calls the copying quadratic and accepts it,
// or "". A TODO or FIXME asks for the change instead.
func (c *checker) acceptedByComment(g *group) string {
	file := astx.FileOf(c.pass, g.loop.Node().Pos())
	if file == nil {
		return ""
	}
	for _, acc := range g.accums {
		line := c.pass.Fset.Position(acc.stmt.Pos()).Line
		for _, cg := range file.Comments {
			at := c.pass.Fset.Position(cg.Pos()).Line
			if at != line && at != line-1 {
				continue
			}
			text := strings.ToLower(cg.Text())
			words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
			if slices.Contains(words, "quadratic") && !slices.Contains(words, "todo") && !slices.Contains(words, "fixme") &&
				slices.ContainsFunc(words, func(w string) bool { return slices.Contains(acceptanceWords, w) }) {
				return strings.TrimSpace(cg.Text())
			}
		}
	}
	return ""
}

// guardedOnce reports whether each accumulation of g runs at most once per
// call: its statement list first leaves (panic, return, break, continue)
// when a flag is set, and then sets it (if seen { panic(...) }; seen =
// true; s += "m"): the string grows by one piece per flag, and copies
// nothing quadratic.
func (c *checker) guardedOnce(g *group) bool {
	for _, acc := range g.accums {
		cur, ok := g.loop.FindNode(acc.stmt)
		if !ok {
			return false
		}
		if list, _ := astx.StmtList(cur); c.onceFlag(list) == nil {
			return false
		}
	}
	return true
}

// onceFlag returns the boolean variable that list leaves on (if flag {
// ...; panic(...) }) and then sets to true, or nil.
func (c *checker) onceFlag(list []ast.Stmt) types.Object {
	for i, s := range list {
		ifs, ok := s.(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 || !c.leaves(ifs.Body.List[len(ifs.Body.List)-1]) {
			continue
		}
		id, ok := ast.Unparen(ifs.Cond).(*ast.Ident)
		flag := c.info.Uses[id]
		if !ok || flag == nil {
			continue
		}
		for _, later := range list[i+1:] {
			as, ok := later.(*ast.AssignStmt)
			if ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && as.Tok == token.ASSIGN {
				lhs, isIdent := as.Lhs[0].(*ast.Ident)
				if isIdent && c.info.Uses[lhs] == flag && c.info.Types[as.Rhs[0]].Value != nil && c.info.Types[as.Rhs[0]].Value.String() == "true" {
					return flag
				}
			}
		}
	}
	return nil
}

// leaves reports whether s ends its iteration or its call: a return, a
// branch, or a panic.
func (c *checker) leaves(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		b, ok := typeutil.Callee(c.info, call).(*types.Builtin)
		return ok && b.Name() == "panic"
	}
	return false
}
