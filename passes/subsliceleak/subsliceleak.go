package subsliceleak

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/clonefix"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/ssafunc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports subslices and substrings that keep large buffers alive.
var Analyzer = &analysis.Analyzer{
	Name:     "subsliceleak",
	Doc:      passdoc.Extract(docFile, "subsliceleak"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/subsliceleak",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

// defaultMinSize is the smallest make, in bytes, whose pieces are worth
// cloning, unless the minsize flag says otherwise.
const defaultMinSize = 4096

func init() {
	Analyzer.Flags.Int64("minsize", defaultMinSize, "smallest constant-size make, in bytes, whose small pieces are reported")
	suppress.Register(Analyzer)
}

// freshSources are the functions whose result is a newly allocated buffer
// of unbounded size, with how messages name that result.
var freshSources = map[string]string{
	"io.ReadAll":                 "io.ReadAll result",
	"io/ioutil.ReadAll":          "ioutil.ReadAll result",
	"os.ReadFile":                "os.ReadFile result",
	"io/ioutil.ReadFile":         "ioutil.ReadFile result",
	"(*bufio.Reader).ReadBytes":  "bufio.Reader.ReadBytes result",
	"(*bufio.Reader).ReadString": "bufio.Reader.ReadString result",
	"(*bytes.Buffer).String":     "bytes.Buffer.String result",
}

// wholeSources return a whole file or body: a piece of unknown length is
// still usually a small part of it.
var wholeSources = map[string]bool{
	"io.ReadAll":         true,
	"io/ioutil.ReadAll":  true,
	"os.ReadFile":        true,
	"io/ioutil.ReadFile": true,
}

// ownedSources return the array of their receiver, which is a source only
// when the receiver is a local variable that does not outlive the call.
var ownedSources = map[string]string{
	"(*bytes.Buffer).Bytes":     "bytes.Buffer's array",
	"(*strings.Builder).String": "strings.Builder's array",
}

// knownName returns the full name of fn when its package is one whose
// functions the tables above (and reusedResults and trimmers) name, or "":
// building a full name for every call of a package costs more than the
// rest of the lookup.
func knownName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	switch fn.Pkg().Path() {
	case "bufio", "bytes", "io", "io/ioutil", "os", "strings":
		return fn.FullName()
	}
	return ""
}

// A site is a slice expression, or a call of a helper, in a candidate
// function.
type site struct {
	expr ast.Expr // *ast.SliceExpr or *ast.CallExpr
	file *ast.File
}

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	model := cost.Of(pass)
	checkReused(pass, rep)
	checkVacated(pass, rep, model)
	checkSharedCopies(pass, rep, model)
	helpers := findHelpers(pass)
	decls, sites := candidates(pass, rep, helpers)
	if len(decls) == 0 {
		return nil, nil
	}
	funcs := ssafunc.Build(pass, decls)
	var found []finding
	for _, decl := range decls {
		if fn := funcs[decl]; fn != nil {
			for _, f := range analyzeFunc(pass, fn, sites, helpers) {
				f.freq = model.Func(pass, decl)
				found = append(found, f)
			}
		}
	}
	slices.SortFunc(found, func(a, b finding) int { return astx.ComparePos(pass.Fset, a.site.expr.Pos(), b.site.expr.Pos()) })
	for _, f := range found {
		rep.Report(f.diagnostic(pass), f.estimate())
	}
	return nil, nil
}

// candidates returns, in source order, the functions that slice a value
// that comes from a source by syntax (a source call, a local variable
// assigned one, a conversion or reslicing of these), or pass one to a
// helper, and those slice expressions and calls by the position of their
// '[' or '('. Only these functions are built in SSA form, which then
// decides.
func candidates(pass *analysis.Pass, rep *suppress.Reporter, helpers map[*types.Func]helper) ([]*ast.FuncDecl, map[token.Pos]site) {
	insp := lazyinspect.Of(pass)
	var decls []*ast.FuncDecl
	sites := make(map[token.Pos]site)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if rep.Skips(file) {
			continue
		}
		for fdCur := range fileCur.Preorder((*ast.FuncDecl)(nil)) {
			fd := fdCur.Node().(*ast.FuncDecl)
			if fd.Body == nil {
				continue // assembly
			}
			fs, hasSource := &funcSyntax{pass: pass, decl: fd, helpers: helpers}, false
			for cur := range fdCur.Preorder((*ast.SliceExpr)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
				switch n := cur.Node().(type) {
				case *ast.SliceExpr:
					if isSliceOrString(pass.TypesInfo.TypeOf(n.X)) {
						fs.slices = append(fs.slices, n)
					}
				case *ast.CallExpr:
					hasSource = hasSource || isSourceCall(pass, n)
					if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok {
						if _, ok := helpers[fn]; ok {
							fs.calls = append(fs.calls, n)
						}
					}
				case *ast.AssignStmt:
					fs.addAssigns(n.Lhs, n.Rhs)
				case *ast.ValueSpec:
					lhs := make([]ast.Expr, len(n.Names))
					for i, name := range n.Names {
						lhs[i] = name
					}
					fs.addAssigns(lhs, n.Values)
				}
			}
			if !hasSource || len(fs.slices)+len(fs.calls) == 0 {
				continue
			}
			exprs, calls := fs.fromSources()
			if len(exprs)+len(calls) > 0 {
				decls = append(decls, fd)
			}
			for _, e := range exprs {
				sites[e.Lbrack] = site{e, file}
			}
			for _, c := range calls {
				sites[c.Lparen] = site{c, file}
			}
		}
	}
	return decls, sites
}

// funcSyntax is what candidates gathers about one function declaration.
type funcSyntax struct {
	pass    *analysis.Pass
	decl    *ast.FuncDecl
	helpers map[*types.Func]helper
	slices  []*ast.SliceExpr
	calls   []*ast.CallExpr // of helpers
	assigns []assignment
	sourced map[types.Object]bool // local variables assigned a source
}

type assignment struct {
	lhs *ast.Ident
	rhs ast.Expr
}

func (fs *funcSyntax) addAssigns(lhs, rhs []ast.Expr) {
	switch {
	case len(lhs) == len(rhs):
		for i := range lhs {
			if id, ok := lhs[i].(*ast.Ident); ok {
				fs.assigns = append(fs.assigns, assignment{id, rhs[i]})
			}
		}
	case len(rhs) == 1 && len(lhs) > 1:
		// data, err := os.ReadFile(name): the buffer is the first result.
		if id, ok := lhs[0].(*ast.Ident); ok {
			fs.assigns = append(fs.assigns, assignment{id, rhs[0]})
		}
	}
}

// fromSources returns the slice expressions whose operand, and the helper
// calls whose sliced argument, comes from a source, after finding the local
// variables that are assigned one.
func (fs *funcSyntax) fromSources() ([]*ast.SliceExpr, []*ast.CallExpr) {
	fs.sourced = make(map[types.Object]bool)
	for changed := true; changed; {
		changed = false
		for _, a := range fs.assigns {
			obj := fs.pass.TypesInfo.ObjectOf(a.lhs)
			if obj == nil || fs.sourced[obj] || !fs.isLocal(obj) || !fs.fromSource(a.rhs) {
				continue
			}
			fs.sourced[obj] = true
			changed = true
		}
	}
	var exprs []*ast.SliceExpr
	for _, e := range fs.slices {
		if fs.fromSource(e.X) {
			exprs = append(exprs, e)
		}
	}
	var calls []*ast.CallExpr
	for _, c := range fs.calls {
		fn := typeutil.Callee(fs.pass.TypesInfo, c).(*types.Func)
		if h := fs.helpers[fn]; h.param < len(c.Args) && fs.fromSource(c.Args[h.param]) {
			calls = append(calls, c)
		}
	}
	return exprs, calls
}

func (fs *funcSyntax) fromSource(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return fs.sourced[fs.pass.TypesInfo.Uses[e]]
	case *ast.SliceExpr:
		return fs.fromSource(e.X)
	case *ast.CallExpr:
		if tv, ok := fs.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return fs.fromSource(e.Args[0]) // a conversion
		}
		return isSourceCall(fs.pass, e)
	}
	return false
}

// isLocal reports whether obj is a variable declared in the function's body
// (not a parameter, receiver or package variable).
func (fs *funcSyntax) isLocal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && fs.decl.Body.Pos() < v.Pos() && v.Pos() < fs.decl.Body.End()
}

func isSliceOrString(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Slice)
	return ok || typesx.IsString(t)
}

func isSourceCall(pass *analysis.Pass, call *ast.CallExpr) bool {
	switch obj := typeutil.Callee(pass.TypesInfo, call).(type) {
	case *types.Builtin:
		return obj.Name() == "make" && constMakeBytes(pass, call) >= passflag.Int64(pass, "minsize")
	case *types.Func:
		name := knownName(obj)
		return freshSources[name] != "" || ownedSources[name] != ""
	}
	return false
}

// constMakeBytes returns the capacity in bytes of a make of a slice with a
// constant capacity, or 0.
func constMakeBytes(pass *analysis.Pass, call *ast.CallExpr) int64 {
	if len(call.Args) < 2 {
		return 0
	}
	t := pass.TypesInfo.TypeOf(call.Args[0])
	if t == nil {
		return 0
	}
	s, ok := t.Underlying().(*types.Slice)
	if !ok || !typesize.Known(s.Elem()) {
		return 0
	}
	tv := pass.TypesInfo.Types[call.Args[len(call.Args)-1]]
	n, ok := intConstant(tv.Value)
	if !ok {
		return 0
	}
	return n * pass.TypesSizes.Sizeof(s.Elem())
}

// A finding is a piece to report.
type finding struct {
	piece  piece
	site   site
	buf    *buffer
	how    escape
	length int64 // bytes, or -1 when unknown
	freq   cost.Frequency
}

// estimate rates f: the whole buffer stays alive as long as the piece, on
// every call; on cold paths that happens rarely.
func (f finding) estimate() cost.Estimate {
	if f.freq.Level == cost.Cold {
		return cost.Estimate{Tier: cost.Low, Evidence: f.freq.Reason}
	}
	evidence := "the whole buffer lives as long as the piece, per call"
	if f.freq.Level == cost.Hot {
		evidence += ", " + f.freq.Reason
	}
	return cost.Estimate{Tier: cost.Medium, Evidence: evidence}
}

func (f finding) diagnostic(pass *analysis.Pass) analysis.Diagnostic {
	e := f.site.expr
	var b strings.Builder
	printer.Fprint(&b, pass.Fset, e)
	if f.length >= 0 {
		fmt.Fprintf(&b, " (%s)", byteCount(f.length))
	}
	fmt.Fprintf(&b, " %s but keeps the whole %s alive", f.how, f.buf.what)
	if se, ok := e.(*ast.SliceExpr); ok && se.Slice3 {
		b.WriteString(" (a three-index slice limits capacity, not what stays alive)")
	}
	fix, fn, why := clonefix.Fix(pass, f.site.file, f.site.expr)
	if fix != nil {
		fmt.Fprintf(&b, "; clone it with %s", fn)
	} else {
		fmt.Fprintf(&b, "; clone it (no automatic fix: %s)", why)
	}
	d := analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: b.String()}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	return d
}

func byteCount(n int64) string {
	switch {
	case n == 1:
		return "1 byte"
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// analyzeFunc finds the pieces of fn and its closures to report.
func analyzeFunc(pass *analysis.Pass, fn *ssa.Function, sites map[token.Pos]site, helpers map[*types.Func]helper) []finding {
	a := &funcAnalysis{pass: pass, buffers: make(map[ssa.Value]*buffer), helpers: helpers}
	// Group the pieces by the buffer they slice: whether one piece is worth
	// reporting depends on what else keeps that buffer alive.
	type sitePiece struct {
		piece piece
		site  site
	}
	byBuffer := make(map[*buffer][]sitePiece)
	var order []*buffer
	for _, f := range append([]*ssa.Function{fn}, allAnonFuncs(fn)...) {
		for _, blk := range f.Blocks {
			for _, instr := range blk.Instrs {
				p, whole := a.pieceOf(instr)
				if p == nil {
					continue
				}
				st, ok := sites[p.Pos()]
				if !ok {
					continue
				}
				buf := a.bufferOf(whole)
				if buf == nil {
					continue
				}
				if byBuffer[buf] == nil {
					order = append(order, buf)
				}
				byBuffer[buf] = append(byBuffer[buf], sitePiece{p, st})
			}
		}
	}

	var found []finding
	for _, buf := range order {
		var cands []finding
		reported := make(map[ssa.Value]bool)
		for _, p := range byBuffer[buf] {
			f, ok := a.judge(buf, p.piece)
			if !ok || takenRepeatedly(buf, p.piece) || buf.mutable() && sharesWrites(buf, p.piece) {
				continue
			}
			f.piece, f.site = p.piece, p.site
			cands = append(cands, f)
			reported[p.piece] = true
		}
		if len(cands) > 0 && !a.stillNeeded(buf, reported) {
			found = append(found, cands...)
		}
	}
	return found
}

func allAnonFuncs(fn *ssa.Function) []*ssa.Function {
	var all []*ssa.Function
	for _, anon := range fn.AnonFuncs {
		all = append(all, anon)
		all = append(all, allAnonFuncs(anon)...)
	}
	return all
}
