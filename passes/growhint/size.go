package growhint

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/sizeexpr"
	"github.com/memlint/memlint/internal/typesx"
)

// An estimate is the size the builder reaches, written with what is known
// where the Grow goes: before the statement of the first write.
type estimate struct {
	sum     sizeexpr.Sum
	sumOver []string // slices of strings whose lengths must be summed by a loop
	// variable is set when the size depends on data (a len term or a loop
	// count): a constant size is a short fixed text, not worth a Grow.
	variable bool
	overLoop bool               // a loop over input contributes: the output grows with it
	loops    []inspector.Cursor // the loops sized
	over     bool               // it counts pieces that may not be written (conditional constants)
	copyOf   []string           // strings that a loop rewrites: their length is a close guess, not a bound
	under    []string           // pieces it does not count
	// someIterations are the constants a counted loop writes on some
	// iterations (a separator, a closing tag), left out of the count.
	someIterations []string
	// unsized is set when a loop writes an amount the code does not tell
	// before it runs (lines read from a connection): the bulk is unknown.
	unsized bool
	least   []string // pieces it counts at their least: "url.PathEscape(s) as len(s)"
	cleaned []string // cleaned copies it counts as their input: "sanitizeName(s) as len(s)"
	pieces  int      // how many write calls the estimate covers
	// exclusive counts the writes that cannot run with those of another
	// arm of their switch or if-else (all but the largest arm's).
	exclusive int
	// armsSummed is set when the sizes of writes in different arms of
	// one switch or if-else chain are all counted, though one arm runs.
	armsSummed bool
	// dataUncounted is set when a piece of data written once (a formatted
	// text) is not counted, and countsData when a length of data is (a
	// len term, a loop over a collection or string): with the first alone,
	// only padding around the bulk is counted.
	dataUncounted, countsData bool
}

// estimate sizes the builder's writes, grouped by the outermost loop
// around each (relative to the declaration) or none. Constant writes in
// the arms of one switch or if-else chain count once, by the largest arm:
// at most one arm runs.
func (c *checker) estimate(b *builder, at token.Pos) estimate {
	var e estimate
	done := make(map[ast.Node]bool) // loops already sized
	var groups []*armGroup
	byNode := make(map[ast.Node]*armGroup)
	for _, w := range b.writes {
		loop := c.outerLoop(b, w.cur)
		if loop.Valid() {
			if !done[loop.Node()] {
				done[loop.Node()] = true
				c.sizeLoop(b, loop, at, &e)
			}
			continue
		}
		if group, arm, ok := c.armOf(b, w); ok {
			g := byNode[group]
			if g == nil {
				g = &armGroup{bytes: make(map[ast.Node]int), writes: make(map[ast.Node]int), sized: make(map[ast.Node]bool)}
				byNode[group] = g
				groups = append(groups, g)
			}
			g.writes[arm]++
			if n, ok := c.constantSize(w, at); ok {
				g.bytes[arm] += n
				g.constants++
				continue
			}
			g.sized[arm] = true
		}
		e.pieces++
		c.sizeStraight(b, w, at, &e)
	}
	for _, g := range groups {
		bytes, writes, total := 0, 0, 0
		for arm, n := range g.writes {
			bytes, writes, total = max(bytes, g.bytes[arm]), max(writes, n), total+n
		}
		if g.constants > 0 {
			e.sum.AddBytes(bytes)
			e.over = true // no arm may run
		}
		e.exclusive += total - writes
		e.armsSummed = e.armsSummed || len(g.sized) > 1
	}
	e.pieces = len(b.writes) - e.exclusive
	return e
}

// An armGroup is the writes in the arms of one switch or if-else chain:
// writes and constant bytes by arm, and the arms whose writes are sized
// by sizeStraight (not constant).
type armGroup struct {
	bytes, writes map[ast.Node]int
	sized         map[ast.Node]bool
	constants     int
}

// armOf returns the switch or if-else chain whose arm (a case clause, the
// body of an if or the block of its else) holds the write innermost,
// within the builder's function after its declaration.
func (c *checker) armOf(b *builder, w *write) (group, arm ast.Node, ok bool) {
	for anc := w.cur.Parent(); anc.Valid() && anc.Node().Pos() >= b.decl.Node().Pos(); anc = anc.Parent() {
		switch n := anc.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl, *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt:
			return nil, nil, false
		case *ast.CaseClause:
			return anc.Parent().Parent().Node(), n, true // the clause's switch
		case *ast.BlockStmt:
			ifCur := anc.Parent()
			if _, isIf := ifCur.Node().(*ast.IfStmt); !isIf {
				continue
			}
			for { // the first if of an else-if chain
				k, _ := ifCur.ParentEdge()
				if k != edge.IfStmt_Else {
					break
				}
				ifCur = ifCur.Parent()
			}
			return ifCur.Node(), n, true
		}
	}
	return nil, nil, false
}

// constantSize returns how many bytes w writes if every piece is a
// constant of exact size.
func (c *checker) constantSize(w *write, at token.Pos) (int, bool) {
	if w.opaque {
		return 0, false
	}
	n := 0
	for i, piece := range w.pieces {
		s, ok, f := c.pieceSize(piece, w.method, w.spread && i == len(w.pieces)-1, at, w.cur.Node().Pos())
		if !ok || !s.IsConstant() || f != fitExact {
			return 0, false
		}
		n += s.Bytes()
	}
	return n, true
}

// outerLoop returns the outermost loop around cur that is inside the
// builder's function and after its declaration, or the zero cursor.
func (c *checker) outerLoop(b *builder, cur inspector.Cursor) inspector.Cursor {
	var loop inspector.Cursor
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if anc.Node().Pos() < b.decl.Node().Pos() {
			break
		}
		loop = anc
	}
	return loop
}

// sizeStraight adds a write that runs at most once. A conditional piece
// is counted when it is a constant (a few bytes too many at worst) or when
// its condition tests it (if s != "" { b.WriteString(s) }); otherwise the
// estimate is a lower bound.
func (c *checker) sizeStraight(b *builder, w *write, at token.Pos, e *estimate) {
	if w.opaque {
		e.under = append(e.under, c.short(w.cur.Node()))
		e.dataUncounted = true
		return
	}
	conds := c.conditions(b, w.cur)
	for i, piece := range w.pieces {
		spread := w.spread && i == len(w.pieces)-1
		s, ok, f := c.pieceSize(piece, w.method, spread, at, w.cur.Node().Pos())
		if !ok {
			e.under = append(e.under, c.short(piece))
			e.dataUncounted = true
			continue
		}
		if conds != nil && !s.IsConstant() && !slices.ContainsFunc(conds, func(cond ast.Node) bool { return c.mentionsText(cond, piece) }) {
			e.under = append(e.under, c.short(piece))
			e.dataUncounted = true
			continue
		}
		if conds != nil && s.IsConstant() {
			e.over = true
		}
		switch f {
		case fitLeast:
			e.least = append(e.least, c.short(piece)+" as "+s.String())
		case fitAbout:
			e.cleaned = append(e.cleaned, c.short(piece)+" as "+s.String())
		}
		if !s.IsConstant() {
			e.variable, e.countsData = true, true
		}
		e.sum.Add(s)
	}
}

// conditions returns the conditions (and their init statements) of the
// ifs and switches between the write at cur and the builder's statement
// list; nil when the write is a statement of that list.
func (c *checker) conditions(b *builder, cur inspector.Cursor) []ast.Node {
	var conds []ast.Node
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil), (*ast.BlockStmt)(nil)) {
		if anc.Node().Pos() < b.decl.Node().Pos() {
			break
		}
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			conds = append(conds, n.Cond)
			if n.Init != nil {
				conds = append(conds, n.Init)
			}
		case *ast.SwitchStmt:
			conds = append(conds, &ast.BlockStmt{}) // a case is a condition, tested by nothing the pass reads
		case *ast.TypeSwitchStmt, *ast.SelectStmt:
			conds = append(conds, &ast.BlockStmt{})
		}
	}
	return conds
}

// mentionsText reports whether n contains an expression spelled like the
// sized part of piece, as u.Host in if u.Host != "" { ... u.Host ... }.
func (c *checker) mentionsText(n ast.Node, piece ast.Expr) bool {
	part, _ := c.sizedPart(piece)
	want := c.src.Text(part)
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if e, ok := m.(ast.Expr); ok && !found && c.src.Text(e) == want {
			found = true
		}
		return !found
	})
	return found
}

// A fit says how a piece's counted size relates to its real one.
type fit int

const (
	fitExact fit = iota
	fitLeast     // the piece can be longer: an escape, a rune
	fitAbout     // the piece is a cleaned copy of the counted text: about as long
)

// pieceSize returns the size of one piece appended by method, as a sum
// valid at the Grow's position at and unchanged until the write at pos,
// and how that sum fits the piece.
func (c *checker) pieceSize(piece ast.Expr, method string, spread bool, at, pos token.Pos) (s sizeexpr.Sum, ok bool, f fit) {
	tv := c.info.Types[stripConversion(c.info, piece)] // []byte("magic") has a constant length too
	if n, ok := sizeexpr.ConstLen(tv); ok && (method != "append" || spread) {
		s.AddBytes(n)
		return s, true, fitExact
	}
	switch {
	case method == "WriteByte", method == "append" && !spread:
		s.AddBytes(1)
		return s, true, fitExact
	case method == "WriteRune":
		s.AddBytes(1)
		return s, true, fitLeast // one to four bytes
	}
	x, f := c.sizedPart(piece)
	if text, ok := c.term(x, at, pos); ok {
		s.AddLen(text)
		return s, true, f
	}
	return s, false, fitExact
}

// sizedPart returns the expression whose length sizes piece, and how:
// piece itself without a string/[]byte conversion (exact); the string an
// escaping function is given (url.PathEscape(s), escape(s, mode)), whose
// result is at least as long; or the string a cleaning function is given
// (sanitizeName(s), path.Clean(p)), whose result is about as long: it
// drops or replaces a few bytes.
func (c *checker) sizedPart(piece ast.Expr) (ast.Expr, fit) {
	piece = stripConversion(c.info, piece)
	call, ok := piece.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !typesx.IsString(c.info.TypeOf(call)) || !typesx.IsString(c.info.TypeOf(call.Args[0])) {
		return piece, fitExact
	}
	fn, ok := c.calleeFunc(call)
	switch {
	case !ok:
		return piece, fitExact
	case isEscaper(fn):
		return stripConversion(c.info, call.Args[0]), fitLeast
	case isCleaner(fn):
		return stripConversion(c.info, call.Args[0]), fitAbout
	}
	return piece, fitExact
}

// isEscaper reports whether fn escapes or quotes the string it is given:
// its result is never shorter.
func isEscaper(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "net/url.PathEscape", "net/url.QueryEscape", "html.EscapeString", "strconv.Quote", "strconv.QuoteToASCII", "regexp.QuoteMeta":
		return true
	}
	// The package's own escape helpers, as net/url's escape(s, mode), and
	// their append forms, as strconv.AppendQuote.
	name := strings.TrimPrefix(strings.ToLower(fn.Name()), "append")
	return strings.HasPrefix(name, "escape") || strings.HasPrefix(name, "quote")
}

// isCleaner reports whether fn, by its name, cleans the string it is
// given (sanitize, normalize, clean): it drops or replaces a few bytes, so
// its result is about as long.
func isCleaner(fn *types.Func) bool {
	name := strings.ToLower(fn.Name())
	return strings.HasPrefix(name, "sanitize") || strings.HasPrefix(name, "normalize") || name == "clean"
}

// stripConversion returns e without a conversion to string or []byte.
func stripConversion(info *types.Info, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && info.Types[call.Fun].IsType() {
		arg := call.Args[0]
		if typesx.IsString(info.TypeOf(arg)) || typesx.IsByteSlice(info.TypeOf(arg)) {
			return ast.Unparen(arg)
		}
	}
	return e
}

// term returns the text of len's argument for x, valid at the Grow's
// position at with the value it has at pos: a variable or field path that
// is visible at at and not assigned between, or a local defined once from
// one (h := u.Host).
func (c *checker) term(x ast.Expr, at, pos token.Pos) (string, bool) {
	x = c.substitute(x)
	if !sizeexpr.Reevaluable(x) || !typesx.IsString(c.info.TypeOf(x)) && !typesx.IsByteSlice(c.info.TypeOf(x)) {
		return "", false
	}
	root := astx.RootIdent(x)
	obj := c.info.Uses[root]
	switch obj := obj.(type) {
	case *types.PkgName:
		return c.src.Text(x), true
	case *types.Var:
		if !astx.VisibleAt(c.pass, root.Name, obj, at) || c.assignedBetween(obj, at, pos) || !c.derefsSafe(x, obj, at) {
			return "", false
		}
		return c.src.Text(x), true
	}
	return "", false
}

// substitute replaces a local variable defined once from a variable or
// field path, and never assigned again, by that path: the term can then be
// written before the variable exists.
func (c *checker) substitute(x ast.Expr) ast.Expr {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return x
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return x
	}
	def, ok := c.definitions[v]
	if !ok {
		c.indexDefinitions()
		def = c.definitions[v]
	}
	if def == nil || !sizeexpr.Reevaluable(def) {
		return x
	}
	return def
}

// indexDefinitions records, for each local variable defined by v := e or
// var v = e and never assigned again, its defining expression.
func (c *checker) indexDefinitions() {
	c.definitions = make(map[*types.Var]ast.Expr)
	assigned := make(map[*types.Var]bool)
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := ast.Unparen(lhs).(*ast.Ident)
					if !ok {
						continue
					}
					if v, ok := c.info.Defs[id].(*types.Var); ok && len(n.Lhs) == len(n.Rhs) {
						c.definitions[v] = n.Rhs[i]
					} else if v, ok := c.info.Uses[id].(*types.Var); ok {
						assigned[v] = true
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if v, ok := c.info.Defs[id].(*types.Var); ok && len(n.Values) == len(n.Names) {
						c.definitions[v] = n.Values[i]
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						assigned[v] = true
					}
				}
			case *ast.IncDecStmt, *ast.RangeStmt:
				// Neither defines a string from a path.
			}
			return true
		})
	}
	for v := range assigned {
		c.definitions[v] = nil
	}
}

// assignedBetween reports whether v, or a field of it, is assigned, stepped
// or has its address taken between the positions from and to.
func (c *checker) assignedBetween(v *types.Var, from, to token.Pos) bool {
	file := astx.FileOf(c.pass, from)
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		if found || n == nil || n.End() < from || n.Pos() >= to {
			return false
		}
		var targets []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			targets = n.Lhs
		case *ast.IncDecStmt:
			targets = []ast.Expr{n.X}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				targets = []ast.Expr{n.Key, n.Value}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				targets = []ast.Expr{n.X}
			}
		}
		for _, t := range targets {
			if t != nil && t.Pos() >= from && t.Pos() < to {
				if id := astx.RootIdent(t); id != nil && c.info.ObjectOf(id) == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// derefsSafe reports whether evaluating the path x at the Grow's position
// at cannot dereference nil where the writes would not: it follows no
// pointer, or only its root, which the function never compares with nil
// (a method's receiver, a parameter the code assumes set) except in a
// guard that returns before at (if c == nil { return "" }).
func (c *checker) derefsSafe(x ast.Expr, root *types.Var, at token.Pos) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return true
	}
	for inner := sel.X; ; {
		s, ok := ast.Unparen(inner).(*ast.SelectorExpr)
		if !ok {
			break
		}
		if _, isPtr := c.info.TypeOf(s).Underlying().(*types.Pointer); isPtr {
			return false
		}
		inner = s.X
	}
	if _, isPtr := root.Type().Underlying().(*types.Pointer); !isPtr {
		return true
	}
	return !c.comparedWithNil(root, at)
}

// comparedWithNil reports whether the function compares v with nil other
// than in a nil guard before at.
func (c *checker) comparedWithNil(v *types.Var, at token.Pos) bool {
	file := astx.FileOf(c.pass, v.Pos())
	guards := c.nilGuards(file, v, at)
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		if bin, ok := n.(*ast.BinaryExpr); ok && (bin.Op == token.EQL || bin.Op == token.NEQ) && !guards[bin] && c.isNilComparison(bin, v) {
			found = true
		}
		return !found
	})
	return found
}

// nilGuards returns the comparisons v == nil that make a statement of the
// body of the function around at return when v is nil (if v == nil || ...
// { return }), before at and with v not assigned after them: past such a
// guard, v is not nil.
func (c *checker) nilGuards(file *ast.File, v *types.Var, at token.Pos) map[*ast.BinaryExpr]bool {
	guards := make(map[*ast.BinaryExpr]bool)
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil || at < fn.Body.Pos() || at >= fn.Body.End() {
			continue
		}
		for _, stmt := range fn.Body.List {
			ifs, ok := stmt.(*ast.IfStmt)
			if !ok || ifs.End() > at || ifs.Init != nil || ifs.Else != nil || !endsInReturn(ifs.Body) {
				continue
			}
			for _, alt := range astx.Operands(ifs.Cond, token.LOR) {
				if bin, ok := alt.(*ast.BinaryExpr); ok && bin.Op == token.EQL && c.isNilComparison(bin, v) && !c.assignedBetween(v, ifs.End(), at) {
					guards[bin] = true
				}
			}
		}
	}
	return guards
}

func (c *checker) isNilComparison(bin *ast.BinaryExpr, v *types.Var) bool {
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if id, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && c.info.Uses[id] == v && c.info.Types[pair[1]].IsNil() {
			return true
		}
	}
	return false
}

func endsInReturn(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	_, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	return ok
}

// short returns the source of n for a message, elided when long.
func (c *checker) short(n ast.Node) string {
	s := c.src.Text(n)
	if len(s) > 40 || strings.Contains(s, "\n") {
		return "…"
	}
	return s
}

// mentionsAny reports whether n refers to any of objs.
func (c *checker) mentionsAny(n ast.Node, objs map[types.Object]bool) bool {
	for obj := range objs {
		if astx.Mentions(c.info, n, obj) {
			return true
		}
	}
	return false
}
