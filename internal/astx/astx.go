// Package astx holds the syntax questions and edits that several memlint
// passes need, written once: loop bodies, statement lists, references to a
// variable, and the source text and indentation of nodes.
package astx

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/typesx"
)

// LoopBody returns the body of loop, a *ast.ForStmt or *ast.RangeStmt.
func LoopBody(loop ast.Node) *ast.BlockStmt {
	if f, ok := loop.(*ast.ForStmt); ok {
		return f.Body
	}
	return loop.(*ast.RangeStmt).Body
}

// StmtList returns the statement list that holds the statement at cur and
// its index there; nil if the statement is not in a list (an if's init, a
// for's post, ...).
func StmtList(cur inspector.Cursor) ([]ast.Stmt, int) {
	kind, idx := cur.ParentEdge()
	switch parent := cur.Parent().Node().(type) {
	case *ast.BlockStmt:
		if kind == edge.BlockStmt_List {
			return parent.List, idx
		}
	case *ast.CaseClause:
		if kind == edge.CaseClause_Body {
			return parent.Body, idx
		}
	case *ast.CommClause:
		if kind == edge.CommClause_Body {
			return parent.Body, idx
		}
	}
	return nil, 0
}

// Mentions reports whether n refers to obj anywhere, function literals
// included.
func Mentions(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.ObjectOf(id) == obj {
			found = true
		}
		return !found
	})
	return found
}

// Source gives the text of the files of a pass, each read once.
type Source struct {
	pass  *analysis.Pass
	files map[*token.File][]byte
}

// NewSource returns the Source of pass's files.
func NewSource(pass *analysis.Pass) *Source {
	return &Source{pass: pass, files: make(map[*token.File][]byte)}
}

// File returns the content of the file holding pos, or nil when it cannot
// be read or does not match the syntax tree (cgo rewrites files, so their
// positions are not in the text the user edits).
func (s *Source) File(pos token.Pos) []byte {
	tf := s.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	if src, ok := s.files[tf]; ok {
		return src
	}
	var src []byte
	if s.pass.ReadFile != nil && s.pass.Fset.PositionFor(token.Pos(tf.Base()), true).Filename == tf.Name() {
		if b, err := s.pass.ReadFile(tf.Name()); err == nil && len(b) == tf.Size() {
			src = b
		}
	}
	s.files[tf] = src
	return src
}

// Text returns the source text of n, or its printed form when the file
// cannot be read.
func (s *Source) Text(n ast.Node) string {
	if s.File(n.Pos()) == nil {
		if e, ok := n.(ast.Expr); ok {
			return types.ExprString(e)
		}
		return ""
	}
	return s.Span(n.Pos(), n.End())
}

// Span returns the source text from pos to end, in one file; "" if the
// file cannot be read.
func (s *Source) Span(pos, end token.Pos) string {
	src := s.File(pos)
	if src == nil {
		return ""
	}
	tf := s.pass.Fset.File(pos)
	return string(src[tf.Offset(pos):tf.Offset(end)])
}

// Indent returns the white space that starts the line of pos.
func (s *Source) Indent(pos token.Pos) string {
	src := s.File(pos)
	if src == nil {
		return ""
	}
	tf := s.pass.Fset.File(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == '\t' || src[end] == ' ') {
		end++
	}
	return string(src[start:end])
}

// StartsLine reports whether only white space precedes pos on its line, so
// that a statement can be inserted before it at the same indentation.
func (s *Source) StartsLine(pos token.Pos) bool {
	if s.File(pos) == nil {
		return false
	}
	tf := s.pass.Fset.File(pos)
	return tf.Offset(tf.LineStart(tf.Line(pos)))+len(s.Indent(pos)) == tf.Offset(pos)
}

// OutermostFunc returns the outermost function around cur: a declaration,
// or a function literal at package level; nil outside functions.
func OutermostFunc(cur inspector.Cursor) ast.Node {
	var fn ast.Node
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f.Node()
	}
	return fn
}

// InnermostFunc returns the cursor of the innermost function around cur,
// a declaration or a literal; the zero cursor outside functions.
func InnermostFunc(cur inspector.Cursor) inspector.Cursor {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f
	}
	return inspector.Cursor{}
}

// FuncName names the function decl as its callers write it: F, or T.M for
// a method (type parameters left out).
func FuncName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return decl.Name.Name
	}
	t := decl.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + decl.Name.Name
	}
	return decl.Name.Name
}

// FuncType returns the signature of fn, a function declaration or
// literal, or nil for any other node.
func FuncType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// FuncBody returns the body of fn, a function declaration or literal, or
// nil for any other node or a declaration without a body.
func FuncBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// RootIdent returns the identifier at the root of a chain of field
// selections, indexes, dereferences and parentheses, such as s in
// (*s).a[i].b; nil if the chain starts with anything else (a call, ...).
func RootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			return x
		default:
			return nil
		}
	}
}

// IsLenMethod reports whether call is x.Len() of a method Len without
// arguments that returns an int: a collection's length (a list, a set, a
// generated repeated field), which by convention reads and changes
// nothing.
func IsLenMethod(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || sel.Sel.Name != "Len" {
		return false
	}
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.MethodVal && typesx.IsLenFunc(s.Obj().(*types.Func))
}

// CallsLen reports whether e calls the builtin len, or a Len method, anywhere, as in
// i < len(xs) or p[:len(p)-1].
func CallsLen(info *types.Info, e ast.Expr) bool {
	return Any(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		return ok && (IsBuiltin(info, call.Fun, "len") || IsLenMethod(info, call))
	})
}

// IsBuiltin reports whether fun names the builtin function name (len,
// make, append, ...), not a function that shadows it.
func IsBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// IsIntConst reports whether e is the integer constant n.
func IsIntConst(info *types.Info, e ast.Expr, n int64) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Compare(tv.Value, token.EQL, constant.MakeInt64(n))
}

// Any reports whether node, or a node inside it, satisfies match. It
// stops looking at the first that does.
func Any(node ast.Node, match func(ast.Node) bool) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		found = found || n != nil && match(n)
		return !found
	})
	return found
}

// ComparePos orders positions by file name, then offset. Sorting by token.Pos
// alone is not deterministic across files: the loader parses a package's
// files concurrently, so the order of their bases in the FileSet changes
// from run to run.
func ComparePos(fset *token.FileSet, a, b token.Pos) int {
	pa, pb := fset.Position(a), fset.Position(b)
	if c := cmp.Compare(pa.Filename, pb.Filename); c != 0 {
		return c
	}
	return cmp.Compare(pa.Offset, pb.Offset)
}

// Where returns where pos is, as messages name it: the file's base name
// and the line (conn.go:120).
func Where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// LeavesAfter reports whether every run of the statement at cur is
// followed by leaving loop, a for or range statement around it in the same
// function: a statement after it, in its block or one around it within the
// loop, returns, panics, breaks out of the loop (or a statement around
// it), or continues a loop around it. The statement then runs at most once
// per run of the loop (if found { remove(i); break }).
func LeavesAfter(info *types.Info, cur, loop inspector.Cursor) bool {
	return LeavesBefore(info, cur, loop, nil)
}

// LeavesBefore is LeavesAfter, with statements that must not come first:
// it reports false if a statement for which interrupts holds comes, in the
// same walk, before the one that leaves (a continue, another read).
func LeavesBefore(info *types.Info, cur, loop inspector.Cursor, interrupts func(ast.Stmt) bool) bool {
	for ; cur.Node() != loop.Node(); cur = cur.Parent() {
		if _, ok := cur.Node().(*ast.FuncLit); ok {
			return false
		}
		list, i := StmtList(cur)
		for _, s := range list[min(i+1, len(list)):] {
			if leaves(info, s, loop) {
				return true
			}
			if interrupts != nil && interrupts(s) {
				return false
			}
		}
	}
	return false
}

// leaves reports whether the statement s, in loop's body, leaves loop.
func leaves(info *types.Info, s ast.Stmt, loop inspector.Cursor) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		return ok && IsBuiltin(info, call.Fun, "panic")
	case *ast.BranchStmt:
		switch {
		case s.Tok == token.GOTO:
			return false
		case s.Label != nil:
			lbl := info.Uses[s.Label]
			if lbl == nil || loop.Node().Pos() <= lbl.Pos() && lbl.Pos() < loop.Node().End() {
				return false // a label inside the loop
			}
			ls, labeled := loop.Parent().Node().(*ast.LabeledStmt)
			own := labeled && info.Defs[ls.Label] == lbl
			return s.Tok == token.BREAK || s.Tok == token.CONTINUE && !own
		case s.Tok == token.BREAK:
			sCur, ok := loop.FindNode(s)
			return ok && BreakTarget(sCur) == loop.Node()
		}
	}
	return false
}

// BreakTarget returns the statement an unlabeled break at cur leaves: the
// innermost for, range, switch or select around it.
func BreakTarget(cur inspector.Cursor) ast.Node {
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil)) {
		return anc.Node()
	}
	return nil
}

// EndsInReturn reports whether the last statement of block is a return.
func EndsInReturn(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	_, ok := block.List[len(block.List)-1].(*ast.ReturnStmt)
	return ok
}

// AfterIf reports whether the code at cur follows, in a block of its
// function, an if statement for which test holds: after an if whose body
// returns, cur runs only when its condition did not.
func AfterIf(cur inspector.Cursor, test func(*ast.IfStmt) bool) bool {
	for anc := range cur.Enclosing() {
		switch n := anc.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			for _, stmt := range n.List {
				if stmt.End() > cur.Node().Pos() {
					break // the statement holding cur, and those after it
				}
				if ifs, ok := stmt.(*ast.IfStmt); ok && test(ifs) {
					return true
				}
			}
		}
	}
	return false
}

// EndsInBreakOrReturn reports whether block's last statement is a break
// or a return: it leaves the loop (or switch) or the function.
func EndsInBreakOrReturn(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch last := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok == token.BREAK
	}
	return false
}

// Operands returns the operands of a chain of op (token.LAND or
// token.LOR) in cond, unparenthesized: a || b || c gives a, b and c; any
// other expression gives itself.
func Operands(cond ast.Expr, op token.Token) []ast.Expr {
	if bin, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && bin.Op == op {
		return append(Operands(bin.X, op), Operands(bin.Y, op)...)
	}
	return []ast.Expr{ast.Unparen(cond)}
}

// Contains reports whether pos lies in n.
func Contains(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}
