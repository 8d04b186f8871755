package poolreset

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/typesx"
)

// A growing field is a map or slice field of a struct type that the
// package puts into a pool, which uses of the object add to (map inserts,
// Set and Add methods, appends to itself) and which nothing in the package
// ever empties. A pooled object then hands every previous user's entries
// to the next one, and the field grows with every use: the Reset that
// clears the other fields forgot it, or there is none.
type growingField struct {
	field *types.Var
	add   token.Pos // the first add
	adder string    // the function of the first add, as callers name it
	kept  bool      // something may empty it or keeps a reference to it
	cache bool      // looked up with comma-ok, for values that are not set markers: a cache kept on purpose
}

// growingFields returns, for each struct type of the package whose
// pointers are put into a pool, its growing fields in declaration order.
func (a *checker) growingFields() map[*types.Named][]*growingField {
	fields := make(map[*types.Var]*growingField)
	owner := make(map[*types.Var]*types.Named)
	for _, t := range a.pooledStructs() {
		st := t.Underlying().(*types.Struct)
		for i := range st.NumFields() {
			if f := st.Field(i); isMapOrSlice(f.Type()) {
				fields[f] = &growingField{field: f}
				owner[f] = t
			}
		}
	}
	if len(fields) == 0 {
		return nil
	}
	replaced := a.noteFieldUses(fields)
	grow := make(map[*types.Named][]*growingField)
	for _, t := range a.pooledStructs() {
		st := t.Underlying().(*types.Struct)
		for i := range st.NumFields() {
			g := fields[st.Field(i)]
			if g != nil && g.add.IsValid() && !g.kept && !g.cache && !replaced[t] {
				grow[t] = append(grow[t], g)
			}
		}
	}
	return grow
}

// pooledStructs returns the struct types, declared in the package and not
// generic, whose pointers some Put puts back, in declaration order.
func (a *checker) pooledStructs() []*types.Named {
	var out []*types.Named
	for _, p := range a.puts {
		ptr, ok := types.Unalias(p.x.Type()).(*types.Pointer)
		if !ok {
			continue
		}
		t, ok := types.Unalias(ptr.Elem()).(*types.Named)
		if !ok || t.Obj().Pkg() != a.pass.Pkg || t.TypeParams().Len() > 0 || slices.Contains(out, t) {
			continue
		}
		if _, ok := t.Underlying().(*types.Struct); ok {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(x, y *types.Named) int { return astx.ComparePos(a.pass.Fset, x.Obj().Pos(), y.Obj().Pos()) })
	return out
}

// noteFieldUses reads every selection of the fields in the analysed files
// and records what it does to them. It returns the types whose objects
// are replaced whole somewhere (*x = T{}), which empties every field.
func (a *checker) noteFieldUses(fields map[*types.Var]*growingField) map[*types.Named]bool {
	info := a.pass.TypesInfo
	replaced := make(map[*types.Named]bool)
	fresh := make(map[ast.Node]map[*types.Var]bool)
	insp := lazyinspect.Of(a.pass)
	for fileCur := range insp.Root().Children() {
		if !slices.Contains(a.c.files, fileCur.Node().(*ast.File)) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.SelectorExpr)(nil), (*ast.StarExpr)(nil)) {
			if star, ok := cur.Node().(*ast.StarExpr); ok {
				if k, _ := cur.ParentEdge(); k == edge.AssignStmt_Lhs {
					if t, ok := types.Unalias(info.TypeOf(star)).(*types.Named); ok {
						replaced[t] = true
					}
				}
				continue
			}
			sel := info.Selections[cur.Node().(*ast.SelectorExpr)]
			if sel == nil || sel.Kind() != types.FieldVal {
				continue
			}
			g := fields[sel.Obj().(*types.Var)]
			fn := astx.OutermostFunc(cur)
			if g == nil || fn == nil {
				continue
			}
			if fresh[fn] == nil {
				fresh[fn] = freshVars(info, fn)
			}
			a.noteFieldUse(g, cur, fn, fresh[fn])
		}
	}
	return replaced
}

// noteFieldUse records what the selection of g's field at cur, in the
// function fn, does to it. Anything but an add, a read, a method that
// neither adds nor empties, or the initialisation of a fresh object may
// empty the field or keep a reference to it (which may): g is then kept.
func (a *checker) noteFieldUse(g *growingField, cur inspector.Cursor, fn ast.Node, fresh map[*types.Var]bool) {
	info := a.pass.TypesInfo
	sel := cur.Node().(*ast.SelectorExpr)
	isMap := isMapType(g.field.Type())
	parent := cur.Parent()
	kind, index := cur.ParentEdge()
	switch kind {
	case edge.AssignStmt_Lhs: // x.f = ...
		as := parent.Node().(*ast.AssignStmt)
		switch {
		case fresh[selectionRoot(info, sel)]:
		case len(as.Rhs) == len(as.Lhs) && as.Tok == token.ASSIGN && a.appendsTo(as.Rhs[index], g.field):
			if !a.growsToIndex(cur, g.field) {
				g.added(sel.Pos(), fn)
			}
		default:
			g.kept = true
		}
		return
	case edge.IndexExpr_X: // x.f[k]
		switch pk, pi := parent.ParentEdge(); {
		case isMap && pk == edge.AssignStmt_Lhs, isMap && pk == edge.IncDecStmt_X:
			g.added(sel.Pos(), fn)
		case isMap && (pk == edge.AssignStmt_Rhs || pk == edge.ValueSpec_Values) && pi == 0 && commaOk(parent.Parent().Node()):
			g.cache = g.cache || !typesx.IsSet(g.field.Type())
		}
		return
	case edge.SelectorExpr_X: // x.f.M(...)
		name := parent.Node().(*ast.SelectorExpr).Sel.Name
		if pk, _ := parent.ParentEdge(); pk != edge.CallExpr_Fun {
			g.kept = true // a method value
			return
		}
		switch lower := strings.ToLower(name); {
		case isResetName(name) || strings.HasPrefix(lower, "del") || strings.HasPrefix(lower, "remove") || strings.HasPrefix(lower, "truncate"):
			g.kept = true
		case isMap && (strings.HasPrefix(name, "Set") || strings.HasPrefix(name, "Add")):
			g.added(sel.Pos(), fn)
		}
		return
	case edge.RangeStmt_X:
		return
	case edge.BinaryExpr_X, edge.BinaryExpr_Y: // x.f == nil
		return
	case edge.CallExpr_Args:
		if index == 0 && a.appendsToItself(parent) {
			return // noted at the assignment
		}
		call := parent.Node().(*ast.CallExpr)
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			break
		}
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "copy":
				return
			case "append": // its elements appended to something else
				if index > 0 {
					return
				}
			}
		}
	}
	g.kept = true
}

// growsToIndex reports whether the append at cur runs only under a test
// of the field's length (if top >= len(x.f), for len(x.f) <= depth): the
// field is a stack or a table of slots indexed by a counter, and grows to
// the deepest index ever used, not with every use.
func (a *checker) growsToIndex(cur inspector.Cursor, f *types.Var) bool {
	for c := cur; c.Parent().Node() != nil; c = c.Parent() {
		var cond ast.Expr
		switch k, _ := c.ParentEdge(); k {
		case edge.IfStmt_Body:
			cond = c.Parent().Node().(*ast.IfStmt).Cond
		case edge.ForStmt_Body:
			cond = c.Parent().Node().(*ast.ForStmt).Cond
		case edge.FuncDecl_Body, edge.FuncLit_Body:
			return false
		}
		if cond != nil && a.readsLenOf(cond, f) {
			return true
		}
	}
	return false
}

// readsLenOf reports whether e contains len(x.f).
func (a *checker) readsLenOf(e ast.Expr, f *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 1 {
			return !found
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if b, builtin := a.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || !builtin || b.Name() != "len" {
			return true
		}
		if arg, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok {
			sel := a.pass.TypesInfo.Selections[arg]
			found = sel != nil && sel.Obj() == f
		}
		return !found
	})
	return found
}

func (g *growingField) added(pos token.Pos, fn ast.Node) {
	if g.add.IsValid() {
		return
	}
	g.add = pos
	g.adder = "a function literal"
	if decl, ok := fn.(*ast.FuncDecl); ok {
		g.adder = astx.FuncName(decl)
	}
}

// appendsTo reports whether e appends to the field f: append(x.f, ...),
// or a call of an append function (strconv.AppendInt(x.f, ...), a helper
// of the package named appendArg).
func (a *checker) appendsTo(e ast.Expr, f *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	var name string
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	}
	if !strings.HasPrefix(strings.ToLower(name), "append") {
		return false
	}
	arg, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel := a.pass.TypesInfo.Selections[arg]
	return sel != nil && sel.Obj() == f
}

// appendsToItself reports whether the append call at cur is assigned to
// the field it appends to.
func (a *checker) appendsToItself(cur inspector.Cursor) bool {
	k, i := cur.ParentEdge()
	if k != edge.AssignStmt_Rhs {
		return false
	}
	as := cur.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != len(as.Rhs) {
		return false
	}
	lhs, ok := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel := a.pass.TypesInfo.Selections[lhs]
	return sel != nil && sel.Kind() == types.FieldVal && a.appendsTo(as.Rhs[i], sel.Obj().(*types.Var))
}

// commaOk reports whether n is "v, ok := m[k]" or its var form.
func commaOk(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return len(n.Lhs) == 2 && len(n.Rhs) == 1
	case *ast.ValueSpec:
		return len(n.Names) == 2 && len(n.Values) == 1
	}
	return false
}

// freshVars returns the variables of fn that hold objects it made: x :=
// &T{...}, new(T), T{...}, var x T. Setting their fields initialises an
// object; it empties nothing.
func freshVars(info *types.Info, fn ast.Node) map[*types.Var]bool {
	fresh := make(map[*types.Var]bool)
	note := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := info.Defs[id].(*types.Var)
		if !ok {
			return
		}
		switch r := ast.Unparen(rhs).(type) {
		case nil:
			fresh[v] = true // var x T
		case *ast.CompositeLit:
			fresh[v] = true
		case *ast.UnaryExpr:
			_, lit := ast.Unparen(r.X).(*ast.CompositeLit)
			fresh[v] = r.Op == token.AND && lit
		case *ast.CallExpr:
			id, ok := ast.Unparen(r.Fun).(*ast.Ident)
			b, builtin := info.Uses[id].(*types.Builtin)
			fresh[v] = ok && builtin && b.Name() == "new"
		}
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						note(id, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch {
				case len(n.Values) == 0:
					note(id, nil)
				case len(n.Values) == len(n.Names):
					note(id, n.Values[i])
				}
			}
		}
		return true
	})
	return fresh
}

// selectionRoot returns the variable at the root of the selection e.
func selectionRoot(info *types.Info, e ast.Expr) *types.Var {
	id := astx.RootIdent(e)
	if id == nil {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

func isMapOrSlice(t types.Type) bool {
	return isMapType(t) || isSlice(t)
}

func isMapType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// checkGrowing reports the growing fields of pooled objects: at the reset
// method of their type that the code putting the object back, or getting
// it, calls (the fix empties them there), or else at each Put (the fix
// empties them just before it).
func (a *checker) checkGrowing() []finding {
	grow := a.growingFields()
	if len(grow) == 0 {
		return nil
	}
	var found []finding
	reported := make(map[*ast.FuncDecl]bool)
	for _, p := range a.puts {
		if p.putter != nil {
			continue // reported at the Put inside the helper
		}
		ptr, ok := types.Unalias(p.x.Type()).(*types.Pointer)
		if !ok {
			continue
		}
		t, _ := types.Unalias(ptr.Elem()).(*types.Named)
		fields := grow[t]
		if len(fields) == 0 {
			continue
		}
		e := a.frequency(p.call.Parent()).Rate("the next user sees the previous users' entries")
		if reset := a.resetMethod(p, t); reset != nil {
			if !reported[reset] {
				reported[reset] = true
				found = append(found, finding{a.growingAtReset(reset, t, fields), e})
			}
			continue
		}
		if d := a.growingAtPut(p, t, fields); d != nil {
			found = append(found, finding{*d, e})
		}
	}
	return found
}

// resetMethod returns the declaration of the reset method of t (a method
// with a reset-like name, a pointer receiver and no parameters) that the
// function of p calls on the object before putting it back, or else that
// a Get of the pool (or its getter) calls on the object it gets.
func (a *checker) resetMethod(p *putSite, t *types.Named) *ast.FuncDecl {
	if found := a.resetMethodOn(p.x, t); found != nil {
		return found
	}
	for _, g := range a.allGets[p.pool] {
		if found := a.resetMethodOn(g.x, t); found != nil {
			return found
		}
	}
	return nil
}

// resetMethodOn returns the first reset method of t that x's function
// calls on x.
func (a *checker) resetMethodOn(x ssa.Value, t *types.Named) *ast.FuncDecl {
	var found *ast.FuncDecl
	for r := range a.resets(x) {
		call, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		callee := call.Common().StaticCallee()
		if callee == nil || !isResetName(callee.Name()) || len(callee.Params) != 1 {
			continue
		}
		obj, ok := callee.Object().(*types.Func)
		if !ok || obj.Signature().Recv() == nil || !types.Identical(obj.Signature().Recv().Type(), types.NewPointer(t)) {
			continue
		}
		if decl := a.c.funcDecl[obj]; decl != nil && (found == nil || decl.Pos() < found.Pos()) {
			found = decl
		}
	}
	return found
}

// growingAtReset reports the growing fields of t at its reset method,
// with a fix that empties them at its end.
func (a *checker) growingAtReset(reset *ast.FuncDecl, t *types.Named, fields []*growingField) analysis.Diagnostic {
	recv := ""
	if names := reset.Recv.List[0].Names; len(names) == 1 && names[0].Name != "_" {
		recv = names[0].Name
	}
	name := recv
	if name == "" {
		name = strings.ToLower(t.Obj().Name()[:1])
	}
	stmts := emptyingStmts(name, fields)
	d := analysis.Diagnostic{
		Pos: reset.Name.Pos(),
		End: reset.Name.End(),
		Message: fmt.Sprintf("%s does not empty %s, and nothing else in the package does: every user of a pooled %s sees the entries of all previous users, and %s with every use; add %s",
			astx.FuncName(reset), describeGrowing(name, fields), t.Obj().Name(), growsWith(fields), strings.Join(stmts, "; ")),
	}
	if recv == "" {
		d.Message += " (no automatic fix: the receiver has no name)"
		return d
	}
	if why := a.clearMissing(fields, reset.Body.Rbrace); why != "" {
		d.Message += " (no automatic fix: " + why + "; delete its keys in a loop)"
		return d
	}
	edit, ok := a.insertAtEnd(reset.Body, stmts)
	if !ok {
		d.Message += " (no automatic fix: the method's body does not end on a line of its own)"
		return d
	}
	d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Empty " + joinFields(name, fields) + " in " + astx.FuncName(reset), TextEdits: []analysis.TextEdit{edit}}}
	return d
}

// growingAtPut reports the growing fields of the object put back at p,
// with a fix that empties them just before the Put.
func (a *checker) growingAtPut(p *putSite, t *types.Named, fields []*growingField) *analysis.Diagnostic {
	call := a.c.putCall[p.call.Common().Pos()]
	if call == nil {
		return nil
	}
	name := exprString(call.Args[0])
	stmts := emptyingStmts(name, fields)
	d := &analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s is put back into %s without emptying %s, and nothing in the package empties %s: every user of a pooled %s sees the entries of all previous users, and %s with every use; %s before Put",
			name, poolName(call), describeGrowing(name, fields), pronoun(fields), t.Obj().Name(), growsWith(fields), strings.Join(stmts, "; ")),
	}
	if a.usedAfterPut(p) {
		d.Message += " (no automatic fix: it is used after the Put)"
		return d
	}
	if why := a.clearMissing(fields, call.Pos()); why != "" {
		d.Message += " (no automatic fix: " + why + "; delete its keys in a loop)"
		return d
	}
	message := "Empty " + joinFields(name, fields) + " before putting " + name + " back"
	if _, deferred := p.call.(*ssa.Defer); deferred {
		d.Message = strings.Replace(d.Message, "before Put", "in the deferred call, before Put", 1)
		d.SuggestedFixes = a.resetInDefer(call, p.call.Parent().Syntax(), stmts, message)
	} else {
		d.SuggestedFixes = a.insertBefore(call, stmts, message)
	}
	if d.SuggestedFixes == nil {
		d.Message += " (no automatic fix: the Put is not a statement of its own putting back a variable)"
	}
	return d
}

func pronoun(fields []*growingField) string {
	if len(fields) == 1 {
		return "it"
	}
	return "them"
}

// describeGrowing names the fields and who adds to them: "x.m (keys added
// by T.Set)".
func describeGrowing(x string, fields []*growingField) string {
	var parts []string
	for _, g := range fields {
		what := "elements appended by "
		if isMapType(g.field.Type()) {
			what = "keys added by "
		}
		parts = append(parts, fmt.Sprintf("%s.%s (%s%s)", x, g.field.Name(), what, g.adder))
	}
	return strings.Join(parts, ", ")
}

func growsWith(fields []*growingField) string {
	if len(fields) == 1 {
		return "it grows"
	}
	return "they grow"
}

func joinFields(x string, fields []*growingField) string {
	names := make([]string, 0, len(fields))
	for _, g := range fields {
		names = append(names, x+"."+g.field.Name())
	}
	return strings.Join(names, ", ")
}

// clearMissing says why the clear that empties a map of fields cannot be
// called at pos (see [astx.MissingBuiltin]), or "".
func (a *checker) clearMissing(fields []*growingField, pos token.Pos) string {
	if !slices.ContainsFunc(fields, func(g *growingField) bool { return isMapType(g.field.Type()) }) {
		return ""
	}
	return astx.MissingBuiltin(a.pass, "clear", pos)
}

// emptyingStmts returns the statements that empty the fields of x: clear
// for a map, reslicing to [:0] for a slice (which keeps its capacity for
// the next user).
func emptyingStmts(x string, fields []*growingField) []string {
	stmts := make([]string, 0, len(fields))
	for _, g := range fields {
		f := x + "." + g.field.Name()
		if isMapType(g.field.Type()) {
			stmts = append(stmts, "clear("+f+")")
		} else {
			stmts = append(stmts, f+" = "+f+"[:0]")
		}
	}
	return stmts
}

// insertAtEnd returns the edit that adds stmts at the end of body: before
// a final return, or else on their own lines before the closing brace.
func (a *checker) insertAtEnd(body *ast.BlockStmt, stmts []string) (analysis.TextEdit, bool) {
	if n := len(body.List); n > 0 {
		if ret, ok := body.List[n-1].(*ast.ReturnStmt); ok && a.src.StartsLine(ret.Pos()) {
			indent := a.src.Indent(ret.Pos())
			return analysis.TextEdit{Pos: ret.Pos(), End: ret.Pos(), NewText: []byte(strings.Join(stmts, "\n"+indent) + "\n" + indent)}, true
		}
	}
	if !a.src.StartsLine(body.Rbrace) || a.pass.Fset.Position(body.Lbrace).Line == a.pass.Fset.Position(body.Rbrace).Line {
		return analysis.TextEdit{}, false
	}
	indent := a.src.Indent(body.Rbrace)
	var text strings.Builder
	for _, s := range stmts {
		text.WriteString("\t" + s + "\n" + indent)
	}
	return analysis.TextEdit{Pos: body.Rbrace, End: body.Rbrace, NewText: []byte(text.String())}, true
}
