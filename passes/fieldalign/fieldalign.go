package fieldalign

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports structs whose fields can be reordered into less memory.
var Analyzer = &analysis.Analyzer{
	Name:     "fieldalign",
	Doc:      passdoc.Extract(docFile, "fieldalign"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/fieldalign",
	Requires: []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() {
	// scan enables the reports about pointer bytes, which cost only GC time.
	Analyzer.Flags.Bool("scan", false, "also report structs whose pointer fields could come first, so that the GC scans fewer bytes of each value")
	suppress.Register(Analyzer)
}

// minArrayLen is the length from which an array of a struct counts as many
// values; shorter arrays are bounded tables where a few bytes do not matter.
const minArrayLen = 16

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	if compilerKnowsLayouts(pass.Pkg.Path()) {
		return nil, nil
	}
	cands := findCandidates(pass, rep, insp)
	if len(cands) == 0 {
		return nil, nil
	}
	u := findUses(pass, insp)
	for _, c := range cands {
		if d, ok := diagnose(pass, u, c); ok {
			rep.Report(d, cost.Estimate{Tier: cost.Medium})
		}
	}
	return nil, nil
}

// compilerKnowsLayouts reports whether the package's struct layouts are
// also known to the compiler, linker or assembly of the runtime.
func compilerKnowsLayouts(path string) bool {
	return path == "runtime" || path == "internal/abi" || strings.HasPrefix(path, "internal/runtime/")
}

// A candidate is a struct type declaration that a reorder would make smaller
// (or, with -scan, cheaper to scan).
type candidate struct {
	file        *ast.File
	spec        *ast.TypeSpec
	st          *ast.StructType
	obj         *types.TypeName
	size, opt   int64 // current and optimal size
	ptr, optPtr int64 // current and optimal pointer bytes
	order       []*ast.Field
}

// findCandidates returns, in source order, the struct type declarations of
// the package whose layout can shrink and is not fixed on purpose by the
// declaration itself.
func findCandidates(pass *analysis.Pass, rep *suppress.Reporter, insp *inspector.Inspector) []*candidate {
	var cands []*candidate
	skipFile := false
	var file *ast.File
	insp.Preorder([]ast.Node{(*ast.File)(nil), (*ast.TypeSpec)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.File:
			file = n
			skipFile = rep.Skips(n) || importsC(n)
		case *ast.TypeSpec:
			if skipFile {
				return
			}
			if c := candidateOf(pass, file, n); c != nil {
				cands = append(cands, c)
			}
		}
	})
	return cands
}

func importsC(f *ast.File) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// layoutComment matches comments saying that a struct's field order matters.
// "Must match" and "in sync with" mark structs mirrored elsewhere (the
// runtime and reflect declare runtimeSelect twice, one for each side).
var layoutComment = regexp.MustCompile(`(?i)\b(align(ed|ment|s)?|layout|offsets?|padding|cache[- ]?lines?|atomic(ally)?|first field|field order|order of (the )?fields|must (be|come|stay) (first|last)|must (match|agree)|in sync with|mirror(s|ed)?)\b`)

func candidateOf(pass *analysis.Pass, file *ast.File, spec *ast.TypeSpec) *candidate {
	st, ok := spec.Type.(*ast.StructType)
	if !ok || spec.Assign.IsValid() || st.Fields == nil || len(st.Fields.List) < 2 {
		return nil
	}
	obj, ok := pass.TypesInfo.Defs[spec.Name].(*types.TypeName)
	if !ok || obj == nil {
		return nil
	}
	tstruct, ok := obj.Type().Underlying().(*types.Struct)
	if !ok || hasFixedLayout(tstruct) || isPublicAPI(obj, tstruct) {
		return nil
	}
	units, ok := unitsOf(pass, st, tstruct)
	if !ok {
		return nil
	}
	c := &candidate{file: file, spec: spec, st: st, obj: obj}
	sizes := pass.TypesSizes
	c.size = sizes.Sizeof(tstruct)
	c.ptr = ptrBytes(sizes, tstruct)
	scan := passflag.Bool(pass, "scan")
	order := optimalOrder(units, scan)
	reordered := structOf(order)
	c.opt = sizes.Sizeof(reordered)
	c.optPtr = ptrBytes(sizes, reordered)
	if c.opt >= c.size && !(scan && c.optPtr < c.ptr) || mentionsLayout(file, spec, st) {
		return nil
	}
	for _, u := range order {
		c.order = append(c.order, u.field)
	}
	return c
}

// hasFixedLayout reports whether the struct's fields show that its layout is
// fixed on purpose: blank (padding) fields, structs.HostLayout, or tags,
// which tie the field order to an encoding's output.
func hasFixedLayout(s *types.Struct) bool {
	for i := range s.NumFields() {
		f := s.Field(i)
		if f.Name() == "_" || s.Tag(i) != "" || typesx.IsNamed(f.Type(), "structs", "HostLayout") {
			return true
		}
	}
	return false
}

// isPublicAPI reports whether the struct is an exported type with exported
// fields: their order is part of its documentation, and other packages may
// build it with positional literals that no pass of this package sees.
func isPublicAPI(obj *types.TypeName, s *types.Struct) bool {
	if !obj.Exported() || obj.Parent() != obj.Pkg().Scope() {
		return false
	}
	for f := range s.Fields() {
		if f.Exported() {
			return true
		}
	}
	return false
}

// mentionsLayout reports whether the comments of the declaration or of its
// fields talk about alignment, offsets, atomics or field order.
func mentionsLayout(file *ast.File, spec *ast.TypeSpec, st *ast.StructType) bool {
	start := spec.Pos()
	if spec.Doc != nil {
		start = spec.Doc.Pos()
	}
	// The doc comment of an unparenthesized declaration belongs to its GenDecl.
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Lparen == token.NoPos && gd.Pos() <= spec.Pos() && spec.End() <= gd.End() && gd.Doc != nil {
			start = gd.Doc.Pos()
		}
	}
	for _, g := range file.Comments {
		if g.Pos() >= start && g.End() <= st.End() && layoutComment.MatchString(g.Text()) {
			return true
		}
	}
	return false
}

// A unit is one line of a field list: a field, or a group of fields sharing
// a type (a, b int), which a reorder keeps together.
type unit struct {
	field       *ast.Field
	vars        []*types.Var
	size, align int64
	ptr         int64 // pointer bytes: the prefix the GC scans
}

// unitsOf returns the units of a struct declaration, or false if the size of
// a field is unknown: invalid types and type parameters.
func unitsOf(pass *analysis.Pass, st *ast.StructType, s *types.Struct) ([]unit, bool) {
	sizes := pass.TypesSizes
	var units []unit
	i := 0
	for _, f := range st.Fields.List {
		u := unit{field: f}
		for range max(len(f.Names), 1) {
			if i >= s.NumFields() {
				return nil, false
			}
			u.vars = append(u.vars, s.Field(i))
			i++
		}
		t := u.vars[0].Type()
		if !typesize.Known(t) {
			return nil, false
		}
		u.size = sizes.Sizeof(t) * int64(len(u.vars))
		u.align = sizes.Alignof(t)
		u.ptr = ptrBytes(sizes, structOf([]unit{u}))
		units = append(units, u)
	}
	return units, i == s.NumFields()
}

// optimalOrder sorts the units into a smallest layout: zero-sized fields
// first (a trailing one is padded), then by alignment, largest first, which
// leaves no padding between fields. The sort is stable, so that fields move
// only as far as needed. With byPointers, fields with pointers come first and
// those with the shortest pointer-free tail before others, so that the GC
// scans a shorter prefix of each value.
func optimalOrder(units []unit, byPointers bool) []unit {
	order := slices.Clone(units)
	slices.SortStableFunc(order, func(a, b unit) int {
		if c := firstIf(a.size == 0, b.size == 0); c != 0 {
			return c
		}
		if c := cmp.Compare(b.align, a.align); c != 0 {
			return c
		}
		if !byPointers {
			return 0
		}
		if c := firstIf(a.ptr > 0, b.ptr > 0); c != 0 {
			return c
		}
		if a.ptr > 0 && b.ptr > 0 {
			return cmp.Compare(a.size-a.ptr, b.size-b.ptr)
		}
		return 0
	})
	return order
}

// firstIf orders a before b if only a has the property, and after if only
// b has it.
func firstIf(a, b bool) int {
	switch {
	case a && !b:
		return -1
	case b && !a:
		return 1
	}
	return 0
}

func structOf(units []unit) *types.Struct {
	var vars []*types.Var
	for _, u := range units {
		vars = append(vars, u.vars...)
	}
	return types.NewStruct(vars, nil)
}

// ptrBytes returns the length of the prefix of a value of type t that holds
// pointers: the bytes the garbage collector scans.
func ptrBytes(sizes types.Sizes, t types.Type) int64 {
	word := sizes.Sizeof(types.Typ[types.Uintptr])
	switch t := t.Underlying().(type) {
	case *types.Basic:
		if t.Kind() == types.String || t.Kind() == types.UnsafePointer {
			return word
		}
		return 0
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature, *types.Slice:
		return word
	case *types.Interface:
		return 2 * word
	case *types.Array:
		p := ptrBytes(sizes, t.Elem())
		if p == 0 || t.Len() == 0 {
			return 0
		}
		return (t.Len()-1)*sizes.Sizeof(t.Elem()) + p
	case *types.Struct:
		var vars []*types.Var
		for f := range t.Fields() {
			vars = append(vars, f)
		}
		offsets := sizes.Offsetsof(vars)
		for i := len(vars) - 1; i >= 0; i-- {
			if p := ptrBytes(sizes, vars[i].Type()); p > 0 {
				return offsets[i] + p
			}
		}
	}
	return 0
}

// uses records what the package does with its struct types.
type uses struct {
	pinned     map[*types.TypeName]string    // why the layout must not change
	many       map[*types.TypeName]string    // where many values are stored inline
	allocated  map[*types.TypeName]string    // where many values are allocated one by one
	positional map[*types.TypeName]token.Pos // a positional composite literal
}

// findUses walks the whole package once, test and generated files included
// (a fix must keep them compiling), though only production code counts as
// evidence that many values exist.
func findUses(pass *analysis.Pass, insp *inspector.Inspector) *uses {
	u := &uses{
		pinned:     make(map[*types.TypeName]string),
		many:       make(map[*types.TypeName]string),
		allocated:  make(map[*types.TypeName]string),
		positional: make(map[*types.TypeName]token.Pos),
	}
	filter := []ast.Node{
		(*ast.File)(nil),
		(*ast.ArrayType)(nil),
		(*ast.MapType)(nil),
		(*ast.ChanType)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.CallExpr)(nil),
	}
	production := false
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.File:
			production = !strings.HasSuffix(pass.Fset.File(n.FileStart).Name(), "_test.go")
		case *ast.ArrayType, *ast.MapType, *ast.ChanType:
			if production {
				u.noteContainer(pass, n.(ast.Expr))
			}
		case *ast.CompositeLit:
			u.noteLiteral(pass, n, stack, production)
		case *ast.CallExpr:
			u.noteCall(pass, n, stack, production)
		}
		return true
	})
	u.propagateMany(pass)
	return u
}

// local returns the struct type declared in this package that t names.
func local(pass *analysis.Pass, t types.Type) *types.TypeName {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pass.Pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n.Origin().Obj()
}

func where(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

func (u *uses) noteContainer(pass *analysis.Pass, expr ast.Expr) {
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
		elems = []types.Type{t.Elem()}
	}
	for _, elem := range elems {
		desc := types.TypeString(t, types.RelativeTo(pass.Pkg)) + " at " + where(pass, expr.Pos())
		if tn := local(pass, elem); tn != nil {
			setOnce(u.many, tn, desc)
		} else if p, ok := types.Unalias(elem).(*types.Pointer); ok {
			if tn := local(pass, p.Elem()); tn != nil {
				setOnce(u.allocated, tn, desc)
			}
		}
	}
}

func setOnce[V any](m map[*types.TypeName]V, k *types.TypeName, v V) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

func (u *uses) noteLiteral(pass *analysis.Pass, lit *ast.CompositeLit, stack []ast.Node, production bool) {
	t := pass.TypesInfo.TypeOf(lit)
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem() // an elided &T{...}, as in []*T{{...}}
	}
	tn := local(pass, t)
	if tn == nil {
		return
	}
	if len(lit.Elts) > 0 {
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
			setOnce(u.positional, tn, lit.Pos())
		}
	}
	if !production {
		return
	}
	// &T{} allocates; so does T{} as an element of a []*T literal, which the
	// container itself already records.
	if len(stack) >= 2 {
		if un, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && un.Op == token.AND {
			if how := repeated(pass, stack); how != "" {
				setOnce(u.allocated, tn, "&"+tn.Name()+"{} "+how+" at "+where(pass, lit.Pos()))
			}
		}
	}
}

// repeated says how the node at the top of stack runs many times: "in a
// loop", or "in sync.Pool.New"; or "" if it does not. A value returned from
// within a loop is made once per call.
func repeated(pass *analysis.Pass, stack []ast.Node) string {
	returned := false
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ReturnStmt:
			returned = true
		case *ast.ForStmt:
			if stack[i+1] == n.Body && !returned {
				return "in a loop"
			}
		case *ast.RangeStmt:
			if stack[i+1] == n.Body && !returned {
				return "in a loop"
			}
		case *ast.FuncLit:
			if i >= 2 && isPoolNew(pass, stack[i-1], stack[i-2]) {
				return "in sync.Pool.New"
			}
			return ""
		case *ast.FuncDecl:
			return ""
		}
	}
	return ""
}

func isPoolNew(pass *analysis.Pass, kv, lit ast.Node) bool {
	kve, ok := kv.(*ast.KeyValueExpr)
	if !ok {
		return false
	}
	key, ok := kve.Key.(*ast.Ident)
	cl, isLit := lit.(*ast.CompositeLit)
	return ok && isLit && key.Name == "New" && typesx.IsSyncPool(pass.TypesInfo.TypeOf(cl))
}

// layoutPackages are the packages whose functions read or write values by
// their field order.
var layoutPackages = map[string]bool{
	"encoding/binary": true,
	"encoding/asn1":   true,
	"encoding/json":   true,
	"encoding/xml":    true,
}

func (u *uses) noteCall(pass *analysis.Pass, call *ast.CallExpr, stack []ast.Node, production bool) {
	info := pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		u.noteConversion(pass, call, tv.Type)
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
		u.noteBuiltin(pass, call, obj.Name(), stack, production)
	case *types.Func:
		if obj.Pkg() == nil {
			return
		}
		path := obj.Pkg().Path()
		switch {
		case layoutPackages[path]:
			for _, arg := range call.Args {
				u.pinAll(pass, info.TypeOf(arg), "its values go through "+path+" at "+where(pass, call.Pos()))
			}
		case path == "sync/atomic":
			for _, arg := range call.Args {
				if un, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && un.Op == token.AND {
					u.pinSelected(pass, un.X, "a field is accessed by sync/atomic at "+where(pass, call.Pos()))
				}
			}
		}
	}
}

func (u *uses) noteBuiltin(pass *analysis.Pass, call *ast.CallExpr, name string, stack []ast.Node, production bool) {
	if len(call.Args) != 1 {
		return
	}
	arg := call.Args[0]
	switch name {
	case "Offsetof":
		u.pinSelected(pass, arg, "used with unsafe.Offsetof at "+where(pass, call.Pos()))
	case "Sizeof", "Alignof":
		u.pinAll(pass, pass.TypesInfo.TypeOf(arg), "used with unsafe."+name+" at "+where(pass, call.Pos()))
	case "new":
		if !production {
			return
		}
		if tn := local(pass, pass.TypesInfo.TypeOf(arg)); tn != nil {
			if how := repeated(pass, stack); how != "" {
				setOnce(u.allocated, tn, "new("+tn.Name()+") "+how+" at "+where(pass, call.Pos()))
			}
		}
	}
}

// noteConversion pins the types whose memory is reinterpreted through
// unsafe.Pointer, in either direction.
func (u *uses) noteConversion(pass *analysis.Pass, call *ast.CallExpr, to types.Type) {
	if len(call.Args) != 1 {
		return
	}
	from := pass.TypesInfo.TypeOf(call.Args[0])
	if from == nil {
		return
	}
	why := "its memory is reinterpreted through unsafe.Pointer at " + where(pass, call.Pos())
	if isUnsafePointer(to) {
		u.pinAll(pass, from, why)
	} else if isUnsafePointer(from) {
		u.pinAll(pass, to, why)
	}
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
		if tn := local(pass, t); tn != nil {
			setOnce(u.pinned, tn, why)
		}
		s, ok := t.Underlying().(*types.Struct)
		if !ok || idx >= s.NumFields() {
			return
		}
		t = s.Field(idx).Type()
	}
}

// pinAll pins every struct of the package reachable from t through
// pointers, containers and fields.
func (u *uses) pinAll(pass *analysis.Pass, t types.Type, why string) {
	seen := make(map[types.Type]bool)
	var visit func(t types.Type)
	visit = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		if tn := local(pass, t); tn != nil {
			setOnce(u.pinned, tn, why)
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
	for len(queue) > 0 {
		outer := queue[0]
		queue = queue[1:]
		s := outer.Type().Underlying().(*types.Struct)
		for f := range s.Fields() {
			t := f.Type()
			if a, ok := types.Unalias(t).(*types.Array); ok && a.Len() >= 1 {
				t = a.Elem()
			}
			if tn := local(pass, t); tn != nil {
				if _, ok := u.many[tn]; !ok {
					u.many[tn] = "field " + f.Name() + " of " + outer.Name() + ", which is held in " + u.many[outer]
					queue = append(queue, tn)
				}
			}
		}
	}
}

// minSavingRatio is the share of a value's size that a reorder must save to
// be reported: a few bytes off a large struct, which usually also points to
// much more memory, are not worth reordering a declaration for. (On std,
// every finding below this share was noise.)
const minSavingRatio = 5 // save at least a fifth

func worthIt(before, after int64) bool {
	return after < before && (before-after)*minSavingRatio >= before
}

// diagnose decides whether the candidate is worth a report, and builds it.
func diagnose(pass *analysis.Pass, u *uses, c *candidate) (analysis.Diagnostic, bool) {
	if _, ok := u.pinned[c.obj]; ok || usedByAssembly(pass, c.obj.Name()) {
		return analysis.Diagnostic{}, false
	}
	many, isMany := u.many[c.obj]
	allocated, isAllocated := u.allocated[c.obj]
	shrinks := c.opt < c.size
	shrinksEnough := worthIt(c.size, c.opt)
	classShrinks := allocSize(c.opt) < allocSize(c.size)
	scanShrinks := passflag.Bool(pass, "scan") && c.optPtr < c.ptr

	var msg, evidence string
	switch {
	case shrinksEnough && isMany:
		evidence = "many values: " + many
	case shrinksEnough && classShrinks && isAllocated:
		evidence = "allocated one by one: " + allocated
	case scanShrinks && isMany:
		evidence = "many values: " + many
	case scanShrinks && isAllocated:
		evidence = "allocated one by one: " + allocated
	default:
		return analysis.Diagnostic{}, false
	}
	if shrinks {
		msg = fmt.Sprintf("struct %s of %d bytes could be %d (saves %d bytes per value; size class %d -> %d)",
			c.obj.Name(), c.size, c.opt, c.size-c.opt, allocSize(c.size), allocSize(c.opt))
		if scanShrinks {
			msg += fmt.Sprintf(" and its pointer bytes %d -> %d", c.ptr, c.optPtr)
		}
	} else {
		msg = fmt.Sprintf("struct %s of %d bytes has %d pointer bytes, could have %d (the GC scans %d fewer bytes per value)",
			c.obj.Name(), c.size, c.ptr, c.optPtr, c.ptr-c.optPtr)
	}
	msg += "; " + evidence
	d := analysis.Diagnostic{Pos: c.spec.Name.Pos(), End: c.spec.Name.End()}
	if why := noFixReason(pass, u, c); why != "" {
		d.Message = msg + "; no fix: " + why
		return d, true
	}
	d.Message = msg + "; reorder the fields"
	if fix, ok := reorderFix(pass, c); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return d, true
}
