package fieldalign

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/typesx"
)

// uses records what the package does with its struct types.
type uses struct {
	pinned    map[*types.TypeName]string // why the layout must not change
	encoded   map[*types.TypeName]string // why a reorder changes encoded output
	breaks    map[*types.TypeName]string // why a reorder breaks a conversion or a test
	many      map[*types.TypeName]string // where many values are stored inline
	allocated map[*types.TypeName]string // where many values are allocated one by one
	// pointedTo holds the structs that a container of pointers (a []*T)
	// says are allocated one by one, and where; madeAlone, those the
	// package allocates by themselves somewhere (&T{}, new(T), &v);
	// madeInBulk, those whose pointers it takes into arrays (&s[i]) or
	// whose values generic code allocates (a Pool[T] of pages).
	pointedTo  map[*types.TypeName]string
	madeAlone  map[*types.TypeName]bool
	madeInBulk map[*types.TypeName]bool
	pooled     map[*types.TypeName]bool      // allocated by a sync.Pool's New
	perCall    map[*types.TypeName]string    // where a value is made per call of a function
	positional map[*types.TypeName]token.Pos // a positional composite literal
	wireOrder  map[*types.TypeName]string    // a method that walks every field in declaration order
}

// A walker collects the uses of one package.
type walker struct {
	pass       *analysis.Pass
	model      *cost.Model
	u          *uses
	production bool // the file being walked is not a test
	// makers are the functions that make a value per call, for each
	// struct, in source order, with the evidence; calls counts each
	// function's production calls, and how many of them run only when a
	// lookup missed.
	makers map[*types.TypeName][]maker
	calls  map[*types.Func]*callCount
	esc    *escapes
	// listed is the evidence of many values that only the types of
	// composite literals ([]T{{...}}: its values written out) and of type
	// declarations (type byName []T) give: cited only when no other use of
	// the type is.
	listed map[*types.TypeName]string
	// spares are the fields whose comment says they keep values for reuse
	// (see reuseLists).
	spares map[*types.Var]bool
}

type maker struct {
	fn  *types.Func
	why string
}

// callCount counts a function's production calls, those that run only
// when a lookup missed, and those whose result cannot outlive the caller.
type callCount struct{ all, whenMissing, temporary int }

// findUses walks the whole package once, test and generated files included
// (a fix must keep them compiling), though only production code counts as
// evidence that many values exist.
func findUses(pass *analysis.Pass, insp *inspector.Inspector, model *cost.Model) *uses {
	w := &walker{pass: pass, model: model, u: &uses{
		pinned:     make(map[*types.TypeName]string),
		encoded:    make(map[*types.TypeName]string),
		breaks:     make(map[*types.TypeName]string),
		many:       make(map[*types.TypeName]string),
		allocated:  make(map[*types.TypeName]string),
		pointedTo:  make(map[*types.TypeName]string),
		madeAlone:  make(map[*types.TypeName]bool),
		madeInBulk: make(map[*types.TypeName]bool),
		pooled:     make(map[*types.TypeName]bool),
		perCall:    make(map[*types.TypeName]string),
		positional: make(map[*types.TypeName]token.Pos),
		wireOrder:  make(map[*types.TypeName]string),
	}, makers: make(map[*types.TypeName][]maker), calls: make(map[*types.Func]*callCount), esc: newEscapes(pass), listed: make(map[*types.TypeName]string), spares: reuseLists(pass)}
	filter := []ast.Node{
		(*ast.ArrayType)(nil),
		(*ast.MapType)(nil),
		(*ast.ChanType)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.CallExpr)(nil),
		(*ast.UnaryExpr)(nil),
	}
	for fileCur := range insp.Root().Children() {
		w.production = !strings.HasSuffix(pass.Fset.File(fileCur.Node().(*ast.File).FileStart).Name(), "_test.go")
		for cur := range fileCur.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.ArrayType, *ast.MapType, *ast.ChanType:
				if w.production && !inTable(cur) && !listedArgument(cur) && !w.freeListField(cur) {
					k, _ := cur.ParentEdge()
					w.noteContainer(n.(ast.Expr), k == edge.CompositeLit_Type || k == edge.TypeSpec_Type)
				}
			case *ast.CompositeLit:
				w.noteLiteral(cur, n)
			case *ast.CallExpr:
				w.noteCall(cur, n)
			case *ast.UnaryExpr:
				w.noteAddress(cur, n)
			}
		}
	}
	for tn, desc := range w.listed {
		setOnce(w.u.many, tn, desc)
	}
	w.noteTypeArguments()
	w.u.notePointedTo()
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		if fn := cur.Node().(*ast.FuncDecl); !strings.HasSuffix(pass.Fset.File(fn.Pos()).Name(), "_test.go") {
			w.noteFieldOrder(fn)
		}
	}
	w.notePerCallMakers()
	w.u.noteLinked(pass)
	w.u.propagateMany(pass)
	return w.u
}

// noteLinked pins the structs that code out of Go's view reads by
// offset: those reached from the signature of a function declared
// without a body (assembly, or a //go:linkname to another package's
// function, whose private struct the type copies field by field, as
// sonic's StdField copies encoding/json's field) or from the type of a
// variable pulled by //go:linkname from another package. A linkname to
// the package's own function (net/http's badRoundTrip), or one without a
// target that lets other packages pull a variable with their own copy of
// its type, names no other layout.
func (u *uses) noteLinked(pass *analysis.Pass) {
	own := func(target string) bool { return strings.HasPrefix(target, pass.Pkg.Path()+".") }
	for _, file := range pass.Files {
		linked := linknamed(file)
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if target, isLinked := linked[decl.Name.Name]; decl.Body != nil || !ok || isLinked && own(target) {
					continue
				}
				why := "read by " + decl.Name.Name + ", declared without a body"
				for _, vars := range []*types.Tuple{fn.Signature().Params(), fn.Signature().Results()} {
					for v := range vars.Variables() {
						markAll(pass, u.pinned, v.Type(), why)
					}
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for _, name := range vs.Names {
						if target := linked[name.Name]; target != "" && !own(target) {
							markAll(pass, u.pinned, pass.TypesInfo.TypeOf(name), "linked to "+target)
						}
					}
				}
			}
		}
	}
}

// linknamed maps the local names of the file's //go:linkname directives
// to the symbols they link to ("" when the directive names none).
func linknamed(file *ast.File) map[string]string {
	names := make(map[string]string)
	for _, group := range file.Comments {
		for _, c := range group.List {
			if rest, ok := strings.CutPrefix(c.Text, "//go:linkname "); ok {
				if fields := strings.Fields(rest); len(fields) > 0 {
					names[fields[0]] = strings.Join(fields[1:], "")
				}
			}
		}
	}
	return names
}

// noteFieldOrder records a method of a struct of the package that uses
// every field of its receiver, first in declaration order: a writeTo that
// writes each field, a size that adds them up. Such a struct mirrors a
// wire format, whose order its declaration documents.
func (w *walker) noteFieldOrder(fn *ast.FuncDecl) {
	if fn.Recv == nil || fn.Body == nil || len(fn.Recv.List) != 1 || len(fn.Recv.List[0].Names) != 1 || !isCodecName(fn.Name.Name) {
		return
	}
	recv, ok := w.pass.TypesInfo.Defs[fn.Recv.List[0].Names[0]].(*types.Var)
	if !ok {
		return
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	tn := typesx.LocalStruct(w.pass.Pkg, t)
	if tn == nil {
		return
	}
	n := tn.Type().Underlying().(*types.Struct).NumFields()
	seen := make([]bool, n)
	next := 0 // the field index the declaration order expects next
	inOrder := true
	ast.Inspect(fn.Body, func(node ast.Node) bool {
		sel, ok := node.(*ast.SelectorExpr)
		if !ok || !inOrder {
			return inOrder
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		selection := w.pass.TypesInfo.Selections[sel]
		if !ok || w.pass.TypesInfo.Uses[id] != recv || selection == nil || selection.Kind() != types.FieldVal {
			return true
		}
		i := selection.Index()[0]
		if !seen[i] {
			seen[i] = true
			inOrder = i == next
			next++
		}
		return true
	})
	if inOrder && next == n && n > 1 {
		setOnce(w.u.wireOrder, tn, fn.Name.Name)
	}
}

// codecWords name the methods that write or read a value's bytes, or
// count them: writeTo, readFrom, encode, MarshalBinary, size.
var codecWords = []string{"write", "read", "encode", "decode", "marshal", "serialize", "pack", "size", "append"}

func isCodecName(name string) bool {
	lower := strings.ToLower(name)
	return slices.ContainsFunc(codecWords, func(w string) bool { return strings.Contains(lower, w) })
}

// notePerCallMakers records, for each struct, the first function that
// makes a value per call, unless all its calls in the package run only
// when a lookup missed (get-or-create: one value per key or owner), or
// it is unexported and no caller keeps the value past its own call.
func (w *walker) notePerCallMakers() {
	for tn, makers := range w.makers {
		for _, m := range makers {
			c := w.calls[m.fn]
			if c != nil && !m.fn.Exported() && c.temporary == c.all {
				continue // every caller keeps the value no longer than its own call
			}
			if c == nil || c.whenMissing < c.all {
				w.u.perCall[tn] = m.why
				break
			}
		}
	}
}

// freeListField reports whether the container type at cur is the type of
// a field that keeps spare values for reuse (see reuseLists): a value is
// made only when the list is empty, so the values that exist are as many
// as were ever in use at once, not one per use.
func (w *walker) freeListField(cur inspector.Cursor) bool {
	if k, _ := cur.ParentEdge(); k != edge.Field_Type {
		return false
	}
	f := cur.Parent().Node().(*ast.Field)
	if len(f.Names) == 0 {
		return false
	}
	v, _ := w.pass.TypesInfo.Defs[f.Names[0]].(*types.Var)
	return w.spares[v]
}

// reuseLists returns the struct fields whose comment says they keep
// values for reuse (// to reuse allocations, // free list). A name says
// less: database/sql's freeConn holds idle connections, one per
// connection of the pool, which maintainers made smaller.
func reuseLists(pass *analysis.Pass) map[*types.Var]bool {
	spares := make(map[*types.Var]bool)
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, f := range st.Fields.List {
				text := strings.ToLower(f.Doc.Text() + " " + f.Comment.Text())
				if !slices.ContainsFunc([]string{"reuse", "recycle", "free list", "freelist"}, func(w string) bool { return strings.Contains(text, w) }) {
					continue
				}
				for _, name := range f.Names {
					if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
						spares[v] = true
					}
				}
			}
			return true
		})
	}
	return spares
}

// minArrayLen is the length from which an array of a struct counts as many
// values; shorter arrays are bounded tables (one per option combination,
// per level, per shard) where a few bytes per value do not matter.
const minArrayLen = 64

// noteContainer records a slice, map or channel type (an array of at least
// minArrayLen) as evidence of many values of its element type; listed
// says the type is a composite literal's, whose values are written out,
// or a type declaration's (type byName []field), which holds no values
// itself: either is cited only when nothing else is.
func (w *walker) noteContainer(expr ast.Expr, listed bool) {
	pass := w.pass
	t := pass.TypesInfo.TypeOf(expr)
	var elems []types.Type
	switch t := types.Unalias(t).(type) {
	case *types.Slice:
		elems = []types.Type{t.Elem()}
	case *types.Array:
		if t.Len() >= minArrayLen {
			elems = []types.Type{t.Elem()}
		}
	case *types.Map:
		elems = []types.Type{t.Key(), t.Elem()}
	case *types.Chan:
		// Values sent on a channel are copied into its buffer, made once
		// with the channel, and out of it: a chan T is no evidence of many
		// values of T, while a chan *T carries values allocated one by one.
		if _, ok := types.Unalias(t.Elem()).(*types.Pointer); ok {
			elems = []types.Type{t.Elem()}
		}
	}
	for _, elem := range elems {
		desc := types.TypeString(t, typesx.Qualifier(pass.Pkg)) + " at " + astx.Where(pass.Fset, expr.Pos())
		if tn := typesx.LocalStruct(pass.Pkg, elem); tn != nil && listed {
			setOnce(w.listed, tn, desc)
		} else if tn != nil {
			setOnce(w.u.many, tn, desc)
		} else if p, ok := types.Unalias(elem).(*types.Pointer); ok {
			if tn := typesx.LocalStruct(pass.Pkg, p.Elem()); tn != nil {
				// The values are made elsewhere; the container says many exist.
				setOnce(w.u.pointedTo, tn, "held by pointer in "+desc)
			}
		}
	}
}

// noteAddress records a struct of the package whose variable has its
// address taken (&v), which allocates it by itself if the pointer
// outlives it, or whose pointer is taken into an array or a slice
// (&s[i]), which allocates it in bulk.
func (w *walker) noteAddress(cur inspector.Cursor, un *ast.UnaryExpr) {
	if un.Op != token.AND || !w.production {
		return
	}
	tn := typesx.LocalStruct(w.pass.Pkg, w.pass.TypesInfo.TypeOf(un.X))
	if tn == nil {
		return
	}
	switch x := ast.Unparen(un.X).(type) {
	case *ast.Ident:
		w.u.madeAlone[tn] = true
		if v, ok := w.pass.TypesInfo.Uses[x].(*types.Var); ok && w.esc.isLocal(v) && declaredAlongside(cur, v) && w.esc.storedAway(cur) {
			// The compiler moves the variable to the heap, once per
			// run of its declaration.
			w.noteAllocation(cur.ChildAt(edge.UnaryExpr_X, -1), tn, "local "+x.Name+", whose address is kept,", v.Pos())
		}
	case *ast.IndexExpr:
		w.u.madeInBulk[tn] = true
	}
}

// declaredAlongside reports whether v is declared in the innermost loop or
// function around cur: each time cur runs, v is a new variable (one
// declared before a loop is one variable however often the loop takes its
// address).
func declaredAlongside(cur inspector.Cursor, v *types.Var) bool {
	for scope := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		n := scope.Node()
		return n.Pos() <= v.Pos() && v.Pos() < n.End()
	}
	return false
}

// noteTypeArguments records the structs of the package that are type
// arguments of generic code, which may allocate their values in pages.
func (w *walker) noteTypeArguments() {
	for _, inst := range w.pass.TypesInfo.Instances {
		for t := range inst.TypeArgs.Types() {
			if tn := typesx.LocalStruct(w.pass.Pkg, t); tn != nil {
				w.u.madeInBulk[tn] = true
			}
		}
	}
}

// notePointedTo takes a container of pointers to a struct as evidence
// that its values are allocated one by one unless the package allocates
// them in bulk and never by themselves: then the pointers point into
// arrays (wazero's Pool[Instruction] hands out the elements of
// [128]Instruction pages, reused after a Reset).
func (u *uses) notePointedTo() {
	for tn, where := range u.pointedTo {
		if u.madeAlone[tn] || !u.madeInBulk[tn] {
			setOnce(u.allocated, tn, where)
		}
	}
}

// inTable reports whether the container type at cur is written in the
// initializer of a package variable, as the type of a composite literal
// there: the values of such a table are its entries, fixed in number and
// not allocated one by one.
func inTable(cur inspector.Cursor) bool {
	for isTypeExpr(cur.Parent().Node()) {
		cur = cur.Parent() // the element type of an outer container
	}
	if kind, _ := cur.ParentEdge(); kind != edge.CompositeLit_Type {
		return false
	}
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.GenDecl)(nil)) {
		gen, ok := anc.Node().(*ast.GenDecl)
		return ok && gen.Tok == token.VAR
	}
	return false
}

// listedArgument reports whether the container type at cur is that of a
// list literal written out as a call's argument (build([]item{{...}})):
// its values are the ones listed, which nothing appends to.
func listedArgument(cur inspector.Cursor) bool {
	if kind, _ := cur.ParentEdge(); kind != edge.CompositeLit_Type {
		return false
	}
	lit := cur.Parent().Node().(*ast.CompositeLit)
	kind, _ := cur.Parent().ParentEdge()
	return len(lit.Elts) > 0 && kind == edge.CallExpr_Args
}

func isTypeExpr(n ast.Node) bool {
	switch n.(type) {
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.StarExpr:
		return true
	}
	return false
}

func setOnce[V any](m map[*types.TypeName]V, k *types.TypeName, v V) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

func (w *walker) noteLiteral(cur inspector.Cursor, lit *ast.CompositeLit) {
	pass := w.pass
	tn := typesx.LocalStructOrPointer(pass.Pkg, pass.TypesInfo.TypeOf(lit)) // *T for an elided &T{...}, as in []*T{{...}}
	if tn == nil {
		return
	}
	if len(lit.Elts) > 0 {
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
			setOnce(w.u.positional, tn, lit.Pos())
		}
	}
	if !w.production {
		return
	}
	// &T{} allocates; so does T{} as an element of a []*T literal, which the
	// container itself already records. A T{} in a function that returns a
	// *T is usually the value whose address it returns.
	if un, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && un.Op == token.AND {
		w.u.madeAlone[tn] = w.u.madeAlone[tn] || !fieldOfOwner(cur.Parent())
		w.noteAllocation(cur, tn, "&"+tn.Name()+"{}", lit.Pos())
	} else if _, elided := pass.TypesInfo.TypeOf(lit).(*types.Pointer); elided {
		w.u.madeAlone[tn] = true
	} else if fn := w.enclosingDecl(cur); fn != nil && returnsPointerTo(pass, fn, tn) && !storedInPlace(cur) {
		w.u.madeAlone[tn] = true
		w.notePerCall(fn, tn, tn.Name()+"{}", lit.Pos(), inSwitchCase(cur))
	}
}

// fieldOfOwner reports whether the value at cur is written, outside
// loops, into a field of a struct literal (returnBlk: &block{...}) or of a
// value (b.ret = &block{...}): one per owner, a sentinel or a default
// beside the values a package makes in bulk, not another of many.
func fieldOfOwner(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch anc.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false
		}
		break
	}
	if kv, ok := cur.Parent().Node().(*ast.KeyValueExpr); ok && kv.Value == cur.Node() {
		_, inLiteral := cur.Parent().Parent().Node().(*ast.CompositeLit)
		return inLiteral
	}
	_, field := ast.Unparen(astx.AssignedTo(cur)).(*ast.SelectorExpr)
	return field
}

// storedInPlace reports whether the literal at cur is assigned to a field
// or an element (h.cached = T{}): it resets memory that exists, and the
// pointer the function returns is to that memory, not to a new value.
func storedInPlace(cur inspector.Cursor) bool {
	lhs := astx.AssignedTo(cur)
	if lhs == nil {
		return false
	}
	_, plain := ast.Unparen(lhs).(*ast.Ident)
	return !plain
}

// noteAllocation records a heap allocation of one value of tn by what
// shows that it runs many times: a loop, a sync.Pool's New, or the calls
// of a function that hands the value to its caller.
func (w *walker) noteAllocation(cur inspector.Cursor, tn *types.TypeName, what string, pos token.Pos) {
	if cost.OnErrorPath(w.pass.TypesInfo, cur) || cost.InDiagnostic(w.pass.TypesInfo, cur) || madeWhenMissing(cur) || w.madeWhenListEmpty(cur) {
		return // once per failure or message, or once per owner: no sign of many values
	}
	if how := repeated(w.pass, cur); how != "" {
		where := " at " + astx.Where(w.pass.Fset, pos)
		if how == "in a loop" && inSwitchCase(cur) {
			where += ", in one case of a switch"
		}
		setOnce(w.u.allocated, tn, what+" "+how+where)
		w.u.pooled[tn] = w.u.pooled[tn] || how == inPoolNew || how == onPoolMiss
		return
	}
	if fn := w.enclosingDecl(cur); fn != nil && returnsValue(fn) && !keptByReceiver(w.pass.TypesInfo, fn, cur) && w.esc.outlivesCall(cur) {
		w.notePerCall(fn, tn, what, pos, inSwitchCase(cur))
	}
}

// inSwitchCase reports whether cur lies in a case of a switch inside the
// innermost loop or function around it: the value is made only for the
// kind of element that case takes (a raw tag among a template's tokens,
// the root among a parse tree's nodes), not on every iteration or call.
func inSwitchCase(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.CaseClause)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		_, isCase := anc.Node().(*ast.CaseClause)
		return isCase
	}
	return false
}

// handsOutShared reports whether fn returns or assigns, on some path, a
// package-level variable of tn or a pointer to one (return v1, or version
// = V1_1 in one branch and &T{...} in the last): it hands out shared
// values (known versions, interned names) and makes a fresh one only for
// what they do not cover, which says nothing of how often.
func handsOutShared(info *types.Info, fn *ast.FuncDecl, tn *types.TypeName) bool {
	shared := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		v, isVar := info.Uses[id].(*types.Var)
		return ok && isVar && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() &&
			typesx.LocalStructOrPointer(tn.Pkg(), v.Type()) == tn
	}
	return fn.Body != nil && astx.Any(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			return slices.ContainsFunc(n.Results, shared)
		case *ast.AssignStmt:
			return slices.ContainsFunc(n.Rhs, shared)
		}
		return false
	})
}

// notePerCall records that fn makes a value of tn per call, when that
// says that many values exist: tn is a stream (it has Read or Write
// methods: one per stream or connection), fn is a method (a value made per
// use of another object, as an iterator or a frame per write) other than
// one that builds or clones a long-lived object, or fn runs per request.
// An exported NewT alone is no such evidence: servers, pools, watchers and
// balancers are made by one too, a few per process.
func (w *walker) notePerCall(fn *ast.FuncDecl, tn *types.TypeName, what string, pos token.Pos, inCase bool) {
	if isSingletonName(tn.Name(), false) || handsOutShared(w.pass.TypesInfo, fn, tn) {
		return
	}
	freq := w.model.Func(w.pass, fn)
	var why string
	switch {
	case freq.Level == cost.Cold:
		return
	case isStream(tn):
		why = "one per stream"
	case fn.Recv != nil && !slices.Contains(buildMethods, fn.Name.Name):
		why = "made per call"
	case freq.Level == cost.Hot:
		why = "made " + freq.Reason
	default:
		return
	}
	where := what + " at " + astx.Where(w.pass.Fset, pos)
	if inCase {
		where += ", in one case of a switch"
	}
	if obj, ok := w.pass.TypesInfo.Defs[fn.Name].(*types.Func); ok {
		w.makers[tn] = append(w.makers[tn], maker{obj, why + " of " + astx.FuncName(fn) + " (" + where + ")"})
	}
}

// buildMethods make long-lived objects: a balancer per client, a copy of
// a transport.
var buildMethods = []string{"Build", "Clone"}

// streamMethods are the methods of a value that reads or writes one
// stream of bytes or messages: such values are made per stream or per
// connection (an RPC's client stream sends and receives messages). A
// WriteString or WriteByte alone makes a text builder (a SQL statement),
// not a stream.
var streamMethods = []string{"Read", "Write", "ReadFrom", "WriteTo", "ReadAt", "WriteAt", "Send", "Recv", "SendMsg", "RecvMsg"}

func isStream(tn *types.TypeName) bool {
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	for m := range ms.Methods() {
		if slices.Contains(streamMethods, m.Obj().Name()) && takesBytesIfIO(m.Obj().(*types.Func)) {
			return true
		}
	}
	return false
}

// takesBytesIfIO reports whether fn, if it is named like an io.Reader's or
// io.Writer's method, takes what they do: a []byte for Read, Write, ReadAt
// and WriteAt (a Write(hash, args) that writes one file at exit is no
// stream), a reader or writer for ReadFrom and WriteTo. A ReadFrom or
// WriteTo of a []byte is a packet socket's (net.PacketConn), which serves
// every peer: a few per process, not one per stream.
func takesBytesIfIO(fn *types.Func) bool {
	params := fn.Signature().Params()
	switch fn.Name() {
	case "Read", "Write", "ReadAt", "WriteAt":
		return params.Len() > 0 && typesx.IsByteSlice(params.At(0).Type())
	case "ReadFrom", "WriteTo":
		return params.Len() > 0 && !typesx.IsByteSlice(params.At(0).Type())
	}
	return true
}

// madeWhenMissing reports whether the allocation or call at cur fills a
// variable or field only when it is nil or a lookup of it missed: v =
// &T{} in the body of if v == nil or if !ok, also as a field of a literal
// assigned there (pair = linkPair{in: c.newLink(id)}), or after an if
// that returns when the lookup hit. That is a field made lazily, once per
// owner, a get-or-create (one per key), or a cache or free list that was
// empty, whose values are recycled: not a value per call.
func madeWhenMissing(cur inspector.Cursor) bool {
	return underMissTest(literalRoot(cur)) || astx.AfterIf(cur, returnsOnHit)
}

// literalRoot returns the outermost composite literal that holds the
// expression at cur as a field or element, or cur.
func literalRoot(cur inspector.Cursor) inspector.Cursor {
	for {
		switch kind, _ := cur.ParentEdge(); kind {
		case edge.KeyValueExpr_Value:
			cur = cur.Parent().Parent()
		case edge.CompositeLit_Elts:
			cur = cur.Parent()
		default:
			return cur
		}
	}
}

func underMissTest(cur inspector.Cursor) bool {
	as, parent := assignmentOf(cur)
	if as == nil {
		return false
	}
	lhs := types.ExprString(as.Lhs[0])
	for anc := range parent.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		if as.Pos() >= ifs.Body.Pos() && as.End() <= ifs.Body.End() && (comparesToNil(ifs.Cond, lhs) || isNot(ifs.Cond)) {
			return true
		}
	}
	return false
}

// returnsOnHit reports whether ifs looks a key up in its init, tests that
// it was found, and returns from its body (if _, ok := m[k]; ok { return
// }, if v := m[k]; v != nil { return v }): what follows it runs only when
// the lookup missed.
func returnsOnHit(ifs *ast.IfStmt) bool {
	init, ok := ifs.Init.(*ast.AssignStmt)
	if !ok || ifs.Else != nil || len(init.Rhs) != 1 {
		return false
	}
	if _, isLookup := ast.Unparen(init.Rhs[0]).(*ast.IndexExpr); !isLookup {
		return false
	}
	if !astx.EndsInReturn(ifs.Body) {
		return false
	}
	cond := ast.Unparen(ifs.Cond)
	switch len(init.Lhs) {
	case 2: // _, ok := m[k]; ok
		id, ok := cond.(*ast.Ident)
		return ok && types.ExprString(init.Lhs[1]) == id.Name
	case 1: // v := m[k]; v != nil
		b, ok := cond.(*ast.BinaryExpr)
		return ok && b.Op == token.NEQ && types.ExprString(b.X) == types.ExprString(init.Lhs[0]) && types.ExprString(b.Y) == "nil"
	}
	return false
}

// madeWhenListEmpty reports whether the allocation at cur follows, in
// its function, an if statement that takes a value off a field that keeps
// spare values for reuse (see reuseLists) and returns it (if n :=
// len(p.free); n > 0 { c := p.free[n-1]; p.free = p.free[:n-1]; return c
// }): a value is made only when that free list is empty, and the values
// are recycled, not made per call.
func (w *walker) madeWhenListEmpty(cur inspector.Cursor) bool {
	fn := astx.InnermostFunc(cur)
	if fn == (inspector.Cursor{}) {
		return false // a package variable's initializer
	}
	body := astx.FuncBody(fn.Node())
	if body == nil {
		return false
	}
	for _, st := range body.List {
		if st.End() > cur.Node().Pos() {
			return false
		}
		if ifs, ok := st.(*ast.IfStmt); ok && w.popsAndReturns(ifs.Body) {
			return true
		}
	}
	return false
}

// popsAndReturns reports whether b shortens a field that keeps spare
// values (p.free = p.free[:n-1]) and returns, outside function literals.
func (w *walker) popsAndReturns(b *ast.BlockStmt) bool {
	pops, returns := false, false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns = true
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				sl, ok := ast.Unparen(rhs).(*ast.SliceExpr)
				if !ok || i >= len(n.Lhs) || types.ExprString(sl.X) != types.ExprString(n.Lhs[i]) {
					continue
				}
				if sel, ok := ast.Unparen(sl.X).(*ast.SelectorExpr); ok && w.pass.TypesInfo.Selections[sel] != nil {
					v, _ := w.pass.TypesInfo.Selections[sel].Obj().(*types.Var)
					pops = pops || w.spares[v]
				}
			}
		}
		return true
	})
	return pops && returns
}

// assignmentOf returns the assignment v = x or v = &x whose only value is
// the expression x at cur, and the cursor of that assignment; nil if there
// is none.
func assignmentOf(cur inspector.Cursor) (*ast.AssignStmt, inspector.Cursor) {
	n, ok := cur.Node().(ast.Expr)
	if !ok {
		return nil, cur
	}
	parent := cur.Parent()
	if un, ok := parent.Node().(*ast.UnaryExpr); ok && un.Op == token.AND {
		n, parent = un, parent.Parent()
	}
	as, ok := parent.Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != n {
		return nil, cur
	}
	return as, parent
}

// keptByReceiver reports whether the allocation at cur is stored in a
// field of fn's receiver (c.w = &T{}): one per receiver, made when it is
// set up or upgraded, not a value per call.
func keptByReceiver(info *types.Info, fn *ast.FuncDecl, cur inspector.Cursor) bool {
	as, _ := assignmentOf(cur)
	if as == nil || fn.Recv == nil || len(fn.Recv.List) != 1 || len(fn.Recv.List[0].Names) != 1 {
		return false
	}
	sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	root := astx.RootIdent(sel)
	return root != nil && info.Uses[root] != nil && info.Uses[root] == info.Defs[fn.Recv.List[0].Names[0]]
}

// isNot reports whether cond is !ok: a lookup that missed (v, ok := m[k]).
func isNot(cond ast.Expr) bool {
	un, ok := ast.Unparen(cond).(*ast.UnaryExpr)
	if !ok || un.Op != token.NOT {
		return false
	}
	_, ok = ast.Unparen(un.X).(*ast.Ident)
	return ok
}

// comparesToNil reports whether cond is x == nil for the expression
// written x.
func comparesToNil(cond ast.Expr, x string) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return false
	}
	isNil := func(e ast.Expr) bool { id, ok := ast.Unparen(e).(*ast.Ident); return ok && id.Name == "nil" }
	return isNil(b.Y) && types.ExprString(b.X) == x || isNil(b.X) && types.ExprString(b.Y) == x
}

// enclosingDecl returns the function declaration whose body holds cur
// directly, not inside a function literal; nil at package level.
func (w *walker) enclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn, _ := anc.Node().(*ast.FuncDecl)
		return fn
	}
	return nil
}

// returnsValue reports whether fn has results: an allocation in it is
// handed to its caller, one per call, or kept by the value it returns.
func returnsValue(fn *ast.FuncDecl) bool {
	return fn.Type.Results != nil && len(fn.Type.Results.List) > 0
}

// returnsPointerTo reports whether one of fn's results is a *tn.
func returnsPointerTo(pass *analysis.Pass, fn *ast.FuncDecl, tn *types.TypeName) bool {
	if fn.Type.Results == nil {
		return false
	}
	for _, r := range fn.Type.Results.List {
		if p, ok := types.Unalias(pass.TypesInfo.TypeOf(r.Type)).(*types.Pointer); ok && typesx.LocalStruct(pass.Pkg, p.Elem()) == tn {
			return true
		}
	}
	return false
}

// singletonSuffixes end the names of types a program makes once or a few
// times: servers, engines, configurations, and the long-lived endpoints of
// a client library (a client, a consumer, a subscription, a pool).
// Maintainers reject reorders of them (PRECISION.md, singletons), even
// when a constructor or a method makes them.
var singletonSuffixes = []string{
	"Config", "Configuration", "Options", "Opts", "Settings", "Params", "Flags",
	"Server", "Engine", "Manager", "Registry", "Service", "App", "Application",
	"Controller", "Scheduler", "Metrics", "Monitor", "Cmd", "Command", "Plugin",
	"Client", "Consumer", "Producer", "Publisher", "Subscriber", "Subscription", "Sub",
	"Listener", "Watcher", "Balancer", "Resolver", "Dialer", "Pool", "Store", "DB",
}

// recordSuffixes are those of singletonSuffixes that also end the names
// of plain records: a struct of metrics may hold a service's collectors,
// made once, or the statistics of one column of one file, held by the
// thousand in a slice.
var recordSuffixes = []string{"Metrics", "Monitor"}

// isSingletonName reports whether name says its type is made once or a few
// times. held says values are held inline in a slice, a map or an array,
// which a record's are and a service's are not.
func isSingletonName(name string, held bool) bool {
	if held && slices.ContainsFunc(recordSuffixes, func(s string) bool { return strings.HasSuffix(name, s) }) {
		return false
	}
	for _, s := range singletonSuffixes {
		if strings.HasSuffix(name, s) || strings.HasSuffix(name, strings.ToLower(s)) && len(name) == len(s) {
			return true
		}
	}
	return false
}

// repeated says how the node at cur runs many times: "in a loop", or "in
// sync.Pool.New"; or "" if it does not. A value returned from within a loop
// is made once per call.
func repeated(pass *analysis.Pass, cur inspector.Cursor) string {
	n := cur.Node()
	returned := false
	for anc := range cur.Enclosing((*ast.ReturnStmt)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch a := anc.Node().(type) {
		case *ast.ReturnStmt:
			returned = true
		case *ast.ForStmt, *ast.RangeStmt:
			if body := astx.LoopBody(a); body.Pos() <= n.Pos() && n.End() <= body.End() && !returned {
				return "in a loop"
			}
		case *ast.FuncLit:
			if _, ok := typesx.PoolNew(pass.TypesInfo, anc); ok {
				return inPoolNew
			}
			return ""
		case *ast.FuncDecl:
			if getsFromPoolBefore(pass.TypesInfo, a.Body, n.Pos()) {
				return onPoolMiss
			}
			return ""
		}
	}
	return ""
}

// The ways a pool makes its values: in its New, or in a function that
// takes one from the pool first and makes one when it gets none.
const (
	inPoolNew  = "in sync.Pool.New"
	onPoolMiss = "when a sync.Pool.Get finds none"
)

// getsFromPoolBefore reports whether body calls sync.Pool's Get before
// pos: a value made after that is what the pool did not have.
func getsFromPoolBefore(info *types.Info, body *ast.BlockStmt, pos token.Pos) bool {
	return body != nil && astx.Any(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Pos() >= pos {
			return false
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		return ok && typesx.PoolMethod(fn) == "Get"
	})
}

// layoutPackages are the packages whose functions read or write values by
// their field order; the layout of what goes through the first two is a
// wire format, the field order of the others that of their output.
var layoutPackages = map[string]bool{
	"encoding/binary": true,
	"encoding/asn1":   true,
	"encoding/json":   false,
	"encoding/xml":    false,
}

// printFuncs are the functions of package fmt whose output a test can
// compare: a string, or an Example's standard output.
var printFuncs = []string{"Sprint", "Sprintf", "Sprintln", "Print", "Printf", "Println", "Fprint", "Fprintf", "Fprintln"}

// printedReason says why a test that prints a struct's values with fn at
// the place at keeps its fields from a reorder.
func printedReason(fn, at string) string {
	return "a test prints its values with " + fn + " at " + at + ", whose output follows the field order"
}

// isStringer reports whether fmt prints t, or what it points to, with its
// own String or Error method rather than field by field.
func isStringer(t types.Type) bool {
	for _, name := range []string{"String", "Error"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, false, nil, name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

func (w *walker) noteCall(cur inspector.Cursor, call *ast.CallExpr) {
	pass := w.pass
	info := pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		w.noteConversion(call, tv.Type)
		return
	}
	var obj types.Object
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = info.Uses[fun]
	case *ast.SelectorExpr:
		obj = info.Uses[fun.Sel]
	}
	switch obj := obj.(type) {
	case *types.Builtin:
		w.noteBuiltin(cur, call, obj.Name())
	case *types.Func:
		if obj.Pkg() == nil {
			return
		}
		if obj.Pkg() == pass.Pkg && w.production {
			w.countCall(cur, obj)
		}
		path := obj.Pkg().Path()
		if wire, ok := layoutPackages[path]; ok {
			m, why := w.u.encoded, "its values go through "+path+" at "+astx.Where(pass.Fset, call.Pos())+", whose output follows the field order"
			if wire {
				m, why = w.u.pinned, "its values go through "+path+" at "+astx.Where(pass.Fset, call.Pos())
			}
			for _, arg := range call.Args {
				markAll(pass, m, info.TypeOf(arg), why)
			}
		} else if obj.Pkg() != pass.Pkg && isCodec(obj) || obj.Pkg() == pass.Pkg && isCodecName(obj.Name()) {
			// The package's own encodePacket(buf, v any) walks v by
			// reflection as another package's Marshal may.
			name := obj.Name()
			if obj.Pkg() != pass.Pkg {
				name = obj.Pkg().Name() + "." + name
			}
			why := "its values go through " + name + " at " + astx.Where(pass.Fset, call.Pos()) + ", which may read or write the fields in declaration order"
			for _, arg := range anyArgs(obj.Signature(), call, obj.Pkg() == pass.Pkg) {
				if obj.Pkg() == pass.Pkg && assertsBack(info, w.model.Decl(obj), slices.Index(call.Args, arg)) {
					continue
				}
				markAll(pass, w.u.encoded, info.TypeOf(arg), why)
			}
		} else if path == "fmt" && !w.production && slices.Contains(printFuncs, obj.Name()) {
			// A test that prints a value with %v, as an Example's output
			// or a string it compares, sees the fields in declaration
			// order.
			for _, arg := range call.Args {
				if t := info.TypeOf(arg); t != nil && !isStringer(t) {
					if tn := typesx.LocalStructOrPointer(pass.Pkg, t); tn != nil {
						setOnce(w.u.breaks, tn, printedReason("fmt."+obj.Name(), astx.Where(pass.Fset, call.Pos())))
					}
				}
			}
		} else if path == "reflect" && obj.Name() == "ValueOf" {
			// Code that walks a value's fields by index sees them in
			// declaration order (reflect.TypeOf(v).Size() does not). Only
			// the value's own struct: such walkers seldom follow pointers.
			for _, arg := range call.Args {
				if tn := typesx.LocalStructOrPointer(pass.Pkg, info.TypeOf(arg)); tn != nil {
					setOnce(w.u.encoded, tn, "its values go through reflect.ValueOf at "+astx.Where(pass.Fset, call.Pos())+", where code can walk the fields in declaration order")
				}
			}
		} else if path == "sync/atomic" {
			for _, arg := range call.Args {
				if un, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && un.Op == token.AND {
					w.u.pinSelected(pass, un.X, "a field is accessed by sync/atomic at "+astx.Where(pass.Fset, call.Pos()))
				}
			}
		}
	}
}

// codecVerbs name the functions of other packages that encode or decode
// any value they are given (ssh.Marshal, msgpack's Encode), of which
// memlint does not know whether they go by field name or by field order:
// a wire format such as SSH's messages follows the declaration order.
var codecVerbs = []string{"Marshal", "Unmarshal", "Encode", "Decode"}

func isCodec(fn *types.Func) bool {
	return slices.ContainsFunc(codecVerbs, func(verb string) bool {
		rest, ok := strings.CutPrefix(fn.Name(), verb)
		return ok && (rest == "" || unicode.IsUpper(rune(rest[0])))
	})
}

// anyArgs returns the arguments of call passed to parameters of interface
// type, which take a value of any type; with emptyOnly, only to parameters
// of the empty interface (a package's own interfaces, as a handshake
// message's, say what the values do, not that they are walked by field).
func anyArgs(sig *types.Signature, call *ast.CallExpr, emptyOnly bool) []ast.Expr {
	var args []ast.Expr
	params := sig.Params()
	for i, arg := range call.Args {
		if params.Len() == 0 {
			break
		}
		t := params.At(min(i, params.Len()-1)).Type()
		if sig.Variadic() && i >= params.Len()-1 {
			if s, ok := t.(*types.Slice); ok && !call.Ellipsis.IsValid() {
				t = s.Elem()
			}
		}
		if iface, ok := t.Underlying().(*types.Interface); ok && (!emptyOnly || iface.Empty()) {
			args = append(args, arg)
		}
	}
	return args
}

// assertsBack reports whether decl, a function of the package, converts
// its i-th parameter back to a concrete type (ctx.(*renderContext)): it
// takes that value as a context to read, not as data to walk by
// reflection, whatever its name (MarshalInlineWithContext(ctx any)).
func assertsBack(info *types.Info, decl *ast.FuncDecl, i int) bool {
	if decl == nil || decl.Body == nil {
		return false
	}
	var params []*ast.Ident
	for _, field := range decl.Type.Params.List {
		params = append(params, field.Names...)
	}
	if len(params) == 0 {
		return false
	}
	param := info.Defs[params[min(i, len(params)-1)]]
	return param != nil && astx.Any(decl.Body, func(n ast.Node) bool {
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return false
		}
		if id, ok := ast.Unparen(ta.X).(*ast.Ident); !ok || info.Uses[id] != param {
			return false
		}
		_, isIface := info.TypeOf(ta.Type).Underlying().(*types.Interface)
		return !isIface
	})
}

// countCall counts a production call of fn, of this package, and
// whether it runs only when a lookup missed: v = f() under if v == nil
// or if !ok.
func (w *walker) countCall(cur inspector.Cursor, fn *types.Func) {
	c := w.calls[fn]
	if c == nil {
		c = &callCount{}
		w.calls[fn] = c
	}
	c.all++
	if madeWhenMissing(cur) {
		c.whenMissing++
	}
	if !w.esc.outlivesCall(cur) {
		c.temporary++
	}
}

func (w *walker) noteBuiltin(cur inspector.Cursor, call *ast.CallExpr, name string) {
	pass := w.pass
	if len(call.Args) != 1 {
		return
	}
	arg := call.Args[0]
	switch name {
	case "Offsetof":
		w.u.pinSelected(pass, arg, "used with unsafe.Offsetof at "+astx.Where(pass.Fset, call.Pos()))
	case "Sizeof", "Alignof":
		markAll(pass, w.u.pinned, pass.TypesInfo.TypeOf(arg), "used with unsafe."+name+" at "+astx.Where(pass.Fset, call.Pos()))
	case "new":
		if !w.production {
			return
		}
		if tn := typesx.LocalStruct(pass.Pkg, pass.TypesInfo.TypeOf(arg)); tn != nil {
			w.u.madeAlone[tn] = true
			w.noteAllocation(cur, tn, "new("+tn.Name()+")", call.Pos())
		}
	}
}

// noteConversion pins the types whose memory is reinterpreted through
// unsafe.Pointer, in either direction.
func (w *walker) noteConversion(call *ast.CallExpr, to types.Type) {
	pass := w.pass
	if len(call.Args) != 1 {
		return
	}
	from := pass.TypesInfo.TypeOf(call.Args[0])
	if from == nil {
		return
	}
	why := "its memory is reinterpreted through unsafe.Pointer at " + astx.Where(pass.Fset, call.Pos())
	switch {
	case isUnsafePointer(to):
		markAll(pass, w.u.pinned, from, why)
	case isUnsafePointer(from):
		markAll(pass, w.u.pinned, to, why)
	case fieldsWrittenTwice(from, to):
		why := "it is converted to or from a struct type whose fields are written out separately, at " + astx.Where(pass.Fset, call.Pos()) + ", which a reorder would break"
		for _, t := range []types.Type{from, to} {
			if tn := typesx.LocalStruct(pass.Pkg, derefBoth(from, to, t)); tn != nil {
				setOnce(w.u.breaks, tn, why)
			}
		}
	}
}

// fieldsWrittenTwice reports whether a conversion between from and to
// (or between the types they point to) converts between two struct types
// whose field lists are declared separately (T(struct{ A int }{}), a
// generated check that a copy of T is up to date): their fields must come
// in the same order. A type declared as another (type B A) shares its
// field list.
func fieldsWrittenTwice(from, to types.Type) bool {
	f, t := derefBoth(from, to, from), derefBoth(from, to, to)
	fs, ok1 := f.Underlying().(*types.Struct)
	ts, ok2 := t.Underlying().(*types.Struct)
	return ok1 && ok2 && fs != ts && fs.NumFields() > 0
}

// derefBoth returns what t points to if from and to are both pointers,
// else t.
func derefBoth(from, to, t types.Type) types.Type {
	pf, ok1 := from.Underlying().(*types.Pointer)
	pt, ok2 := to.Underlying().(*types.Pointer)
	if !ok1 || !ok2 {
		return t
	}
	if t == from {
		return pf.Elem()
	}
	return pt.Elem()
}

func isUnsafePointer(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

// pinSelected pins the structs along the selector x.f (a field, possibly of
// an embedded struct), whose offsets the caller depends on.
func (u *uses) pinSelected(pass *analysis.Pass, x ast.Expr, why string) {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return
	}
	selection := pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return
	}
	t := selection.Recv()
	for _, idx := range selection.Index() {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if tn := typesx.LocalStruct(pass.Pkg, t); tn != nil {
			setOnce(u.pinned, tn, why)
		}
		s, ok := t.Underlying().(*types.Struct)
		if !ok || idx >= s.NumFields() {
			return
		}
		t = s.Field(idx).Type()
	}
}

// markAll records why for every struct of the package reachable from t
// through pointers, containers and fields.
func markAll(pass *analysis.Pass, m map[*types.TypeName]string, t types.Type, why string) {
	seen := make(map[types.Type]bool)
	var visit func(t types.Type)
	visit = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		if tn := typesx.LocalStruct(pass.Pkg, t); tn != nil {
			setOnce(m, tn, why)
		}
		switch t := t.Underlying().(type) {
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Struct:
			for f := range t.Fields() {
				visit(f.Type())
			}
		}
	}
	visit(t)
}

// propagateMany marks the structs held by value in structs (or long arrays
// in structs) that exist in numbers: they exist in the same numbers.
func (u *uses) propagateMany(pass *analysis.Pass) {
	var queue []*types.TypeName
	for tn := range u.many {
		queue = append(queue, tn)
	}
	// In source order, so that a struct held by two others is always
	// described through the same one.
	slices.SortFunc(queue, func(a, b *types.TypeName) int { return astx.ComparePos(pass.Fset, a.Pos(), b.Pos()) })
	for len(queue) > 0 {
		outer := queue[0]
		queue = queue[1:]
		s := outer.Type().Underlying().(*types.Struct)
		for f := range s.Fields() {
			t := f.Type()
			if a, ok := types.Unalias(t).(*types.Array); ok && a.Len() >= 1 {
				t = a.Elem()
			}
			if tn := typesx.LocalStruct(pass.Pkg, t); tn != nil {
				if _, ok := u.many[tn]; !ok {
					u.many[tn] = "field " + f.Name() + " of " + outer.Name() + ", which is held in " + u.many[outer]
					queue = append(queue, tn)
				}
			}
		}
	}
}
