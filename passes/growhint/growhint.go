package growhint

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

func init() {
	suppress.Register(Analyzer)
}

// Analyzer reports builders, buffers and byte slices filled by writes of
// a size known before the first write, without Grow or capacity.
var Analyzer = &analysis.Analyzer{
	Name:     "growhint",
	Doc:      passdoc.Extract(docFile, "growhint"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/growhint",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

// The kinds of value the pass sizes.
type kind int

const (
	builderKind kind = iota // strings.Builder or bytes.Buffer, or a pointer to one
	bytesKind               // []byte grown by append
)

// A builder is a local strings.Builder, bytes.Buffer or []byte that starts
// empty, and every use of it in its function.
type builder struct {
	obj    *types.Var
	kind   kind
	decl   inspector.Cursor // the declaring statement
	list   []ast.Stmt       // the statement list holding decl
	fn     inspector.Cursor // the innermost function around decl
	writes []*write
	reads  []inspector.Cursor // uses that read the content: String(), string(b), len(b), ...
}

// A write is one call or append that adds to the builder.
type write struct {
	cur    inspector.Cursor
	pieces []ast.Expr // what it appends, in order
	method string     // WriteString, WriteByte, WriteRune, Write, or "append"
	top    ast.Stmt   // the statement of list that holds it
	spread bool       // the last piece is appended with ..., as in append(b, s...)
	opaque bool       // written by other code (fmt.Fprintf(&b, ...)): of unknown size
}

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	rep   *suppress.Reporter
	src   *astx.Source
	model *cost.Model
	// definitions maps locals defined once and never assigned again to
	// their defining expression, built on first use.
	definitions map[*types.Var]ast.Expr
	derived     map[*types.Var]map[types.Object]bool // the variables computed from a walked string
}

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		info:    pass.TypesInfo,
		rep:     rep,
		src:     astx.NewSource(pass),
		model:   cost.Of(pass),
		derived: make(map[*types.Var]map[types.Object]bool),
	}
	insp := lazyinspect.Of(pass)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if c.rep.Skips(file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.DeclStmt)(nil), (*ast.AssignStmt)(nil)) {
			if b := c.candidate(cur); b != nil && c.collectUses(b) {
				c.check(file, b)
			}
		}
	}
	return nil, nil
}

// candidate returns the builder that the statement at cur declares empty:
// var b strings.Builder, b := new(bytes.Buffer), var b []byte,
// b := []byte{}, b := make([]byte, 0), ...
func (c *checker) candidate(cur inspector.Cursor) *builder {
	var name *ast.Ident
	var value ast.Expr
	switch s := cur.Node().(type) {
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 {
			return nil
		}
		spec := gd.Specs[0].(*ast.ValueSpec)
		if len(spec.Names) != 1 || len(spec.Values) > 1 {
			return nil
		}
		name = spec.Names[0]
		if len(spec.Values) == 1 {
			value = spec.Values[0]
		}
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return nil
		}
		name, _ = s.Lhs[0].(*ast.Ident)
		value = s.Rhs[0]
	}
	if name == nil {
		return nil
	}
	v, ok := c.info.Defs[name].(*types.Var)
	if !ok {
		return nil
	}
	k, ok := c.kindOf(v.Type())
	if !ok || value != nil && !c.isEmptyValue(value, k) {
		return nil
	}
	list, _ := astx.StmtList(cur)
	if list == nil {
		return nil
	}
	var fn inspector.Cursor
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = anc
		break
	}
	if fn.Node() == nil {
		return nil
	}
	return &builder{obj: v, kind: k, decl: cur, list: list, fn: fn}
}

func (c *checker) kindOf(t types.Type) (kind, bool) {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	switch {
	case typesx.IsNamed(t, "strings", "Builder"), typesx.IsNamed(t, "bytes", "Buffer"):
		return builderKind, true
	case types.Identical(t, types.NewSlice(types.Typ[types.Byte])):
		return bytesKind, true
	}
	return 0, false
}

// isEmptyValue reports whether e makes an empty builder or slice without
// capacity: T{}, new(T), &T{}, []byte{}, []byte(nil), nil, make([]byte, 0).
func (c *checker) isEmptyValue(e ast.Expr, k kind) bool {
	e = ast.Unparen(e)
	if un, ok := e.(*ast.UnaryExpr); ok && un.Op == token.AND {
		e = ast.Unparen(un.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.Ident:
		return c.info.Types[e].IsNil()
	case *ast.CallExpr:
		if c.info.Types[e.Fun].IsType() {
			return len(e.Args) == 1 && c.info.Types[e.Args[0]].IsNil()
		}
		b, ok := c.info.Uses[calleeIdent(e.Fun)].(*types.Builtin)
		if !ok {
			return false
		}
		switch b.Name() {
		case "new":
			return k == builderKind
		case "make":
			return len(e.Args) == 2 && isZero(c.info.Types[e.Args[1]])
		}
	}
	return false
}

func calleeIdent(fun ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(fun).(*ast.Ident)
	return id
}

func isZero(tv types.TypeAndValue) bool {
	return tv.Value != nil && tv.Value.ExactString() == "0"
}

// collectUses sorts every use of the builder into writes and reads, and
// reports whether all of them are understood: a builder that is grown,
// reset, truncated, read from, captured by a closure or handed to other
// code that keeps it is left alone.
func (c *checker) collectUses(b *builder) bool {
	for cur := range b.fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != b.obj {
			continue
		}
		if c.innermostFunc(cur) != b.fn.Node() {
			return false
		}
		var ok bool
		if b.kind == builderKind {
			ok = c.builderUse(b, cur)
		} else {
			ok = c.bytesUse(b, cur)
		}
		if !ok {
			return false
		}
	}
	for _, w := range b.writes {
		if w.top = c.topStmt(b, w.cur); w.top == nil {
			return false // written before its declaration's list: cannot happen, but keep the fix sound
		}
	}
	return len(b.writes) > 0
}

func (c *checker) innermostFunc(cur inspector.Cursor) ast.Node {
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return anc.Node()
	}
	return nil
}

// builderUse classifies a use of a strings.Builder or bytes.Buffer.
func (c *checker) builderUse(b *builder, cur inspector.Cursor) bool {
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.SelectorExpr:
		call, ok := parent.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != p {
			return false
		}
		switch p.Sel.Name {
		case "WriteString", "WriteByte", "WriteRune", "Write":
			if len(call.Args) != 1 {
				return false
			}
			b.writes = append(b.writes, &write{cur: parent.Parent(), pieces: call.Args, method: p.Sel.Name})
			return true
		case "String", "Len", "Bytes", "Cap":
			b.reads = append(b.reads, parent.Parent())
			return true
		}
		return false // Grow, Reset, Truncate, Read...: the pass does not size these
	case *ast.UnaryExpr:
		// &b handed to a writer function: fmt.Fprintf(&b, ...).
		if p.Op != token.AND || types.IsInterface(b.obj.Type()) {
			return false
		}
		return c.opaqueWrite(b, parent)
	case *ast.CallExpr:
		// A pointer handed to a writer function: fmt.Fprintf(b, ...).
		if _, ok := types.Unalias(b.obj.Type()).(*types.Pointer); ok {
			return c.opaqueWrite(b, cur)
		}
	}
	return false
}

// opaqueWrite records the builder passed at arg to a function that writes
// to an io.Writer it is given and does not keep it (the fmt and io
// functions); other callees could keep or reset the builder.
func (c *checker) opaqueWrite(b *builder, arg inspector.Cursor) bool {
	call, ok := arg.Parent().Node().(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || call.Args[0] != arg.Node() {
		return false
	}
	fn, ok := c.calleeFunc(call)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln", "io.WriteString", "io.Copy", "io.CopyN":
		b.writes = append(b.writes, &write{cur: arg.Parent(), opaque: true})
		return true
	}
	return false
}

func (c *checker) calleeFunc(call *ast.CallExpr) (*types.Func, bool) {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	}
	if id == nil {
		return nil, false
	}
	fn, ok := c.info.Uses[id].(*types.Func)
	return fn, ok
}

// bytesUse classifies a use of a []byte: b = append(b, ...) writes, and
// b = strconv.AppendInt(b, ...) writes an unknown amount; string(b),
// len(b), b[i], w.Write(b) and append(x, b...) read; anything else (another
// assignment, slicing b to reuse it) leaves the slice alone.
func (c *checker) bytesUse(b *builder, cur inspector.Cursor) bool {
	id := cur.Node().(*ast.Ident)
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		// b = ... on the left: must be b = append(b, ...) or b = AppendX(b, ...).
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Lhs[0] != id || p.Tok != token.ASSIGN {
			return false
		}
		return c.isSelfAppend(parent, b)
	case *ast.CallExpr:
		if as, ok := parent.Parent().Node().(*ast.AssignStmt); ok && len(as.Rhs) == 1 && as.Rhs[0] == p && len(p.Args) > 0 && p.Args[0] == id {
			return c.isSelfAppend(parent.Parent(), b) // the b of append(b, ...), recorded once with the left-hand side
		}
		if c.info.Types[p.Fun].IsType() || c.isBuiltin(p, "len") || c.isBuiltin(p, "cap") {
			b.reads = append(b.reads, parent)
			return true
		}
		if c.isBuiltin(p, "append") && p.Ellipsis.IsValid() && len(p.Args) == 2 && p.Args[1] == id {
			b.reads = append(b.reads, parent)
			return true
		}
		if sel, ok := ast.Unparen(p.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Write" && len(p.Args) == 1 {
			b.reads = append(b.reads, parent)
			return true
		}
	case *ast.IndexExpr:
		b.reads = append(b.reads, parent)
		return true
	case *ast.ReturnStmt:
		b.reads = append(b.reads, cur)
		return true
	}
	return false
}

// isSelfAppend reports whether as is b = append(b, ...) or b = f(b, ...)
// for an AppendX function of the standard library (strconv.AppendInt,
// utf8.AppendRune, ...), and records it as a write once.
func (c *checker) isSelfAppend(asCur inspector.Cursor, b *builder) bool {
	as := asCur.Node().(*ast.AssignStmt)
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	lhs, ok := as.Lhs[0].(*ast.Ident)
	if !ok || c.info.Uses[lhs] != b.obj {
		return false
	}
	first, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok || c.info.Uses[first] != b.obj {
		return false
	}
	for _, w := range b.writes {
		if w.cur.Node() == as {
			return true
		}
	}
	switch {
	case c.isBuiltin(call, "append"):
		b.writes = append(b.writes, &write{cur: asCur, pieces: call.Args[1:], spread: call.Ellipsis.IsValid(), method: "append"})
		return true
	default:
		fn, ok := c.calleeFunc(call)
		if !ok || fn.Pkg() == nil || !isStdAppender(fn) {
			return false
		}
		b.writes = append(b.writes, &write{cur: asCur, opaque: true})
		return true
	}
}

// isStdAppender reports whether fn is an AppendX function of the standard
// library, which appends to its first argument and returns the result.
func isStdAppender(fn *types.Func) bool {
	switch fn.Pkg().Path() {
	case "strconv", "unicode/utf8", "fmt", "encoding/hex", "encoding/base64", "encoding/binary":
		return len(fn.Name()) > len("Append") && fn.Name()[:len("Append")] == "Append"
	}
	return false
}

func (c *checker) isBuiltin(call *ast.CallExpr, name string) bool {
	return astx.IsBuiltin(c.info, call.Fun, name)
}

// topStmt returns the statement of the builder's list that holds cur, if
// it comes after the declaration.
func (c *checker) topStmt(b *builder, cur inspector.Cursor) ast.Stmt {
	pos := cur.Node().Pos()
	for _, s := range b.list {
		if s.Pos() <= pos && pos < s.End() {
			if s.Pos() <= b.decl.Node().Pos() {
				return nil
			}
			return s
		}
	}
	return nil
}
