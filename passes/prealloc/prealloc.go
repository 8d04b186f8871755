package prealloc

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

//go:embed doc.go
var docFile string

// Analyzer reports slices and maps filled in loops of known length.
var Analyzer = &analysis.Analyzer{
	Name:     "prealloc",
	Doc:      passdoc.Extract(docFile, "prealloc"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/prealloc",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() { suppress.Register(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	in := lazyinspect.Of(pass)
	model := cost.Of(pass)
	callees := make(map[callee]allocSite)
	network := make(map[*types.Func]string)
	for fileCur := range in.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || rep.Skips(file) {
			continue
		}
		c := &checker{pass: pass, rep: rep, file: file, src: astx.NewSource(pass), escaped: make(map[ast.Node]map[*types.Var][]token.Pos), model: model, tables: model.Tables(), callees: callees, network: network}
		for cur := range fileCur.Preorder((*ast.RangeStmt)(nil), (*ast.ForStmt)(nil), (*ast.CallExpr)(nil)) {
			if _, isCall := cur.Node().(*ast.CallExpr); isCall {
				c.checkCollect(cur)
			} else {
				c.checkLoop(cur)
			}
		}
	}
	return nil, nil
}

// checker holds what is computed at most once per file.
type checker struct {
	pass    *analysis.Pass
	rep     *suppress.Reporter
	file    *ast.File
	src     *astx.Source
	escaped map[ast.Node]map[*types.Var][]token.Pos // by outermost function: see escapedVars
	model   *cost.Model
	tables  map[*types.Var]bool    // package variables initialized with a literal
	inInit  bool                   // the loop being checked is in an init function
	fn      *types.Func            // the function the loop being checked is in
	callees map[callee]allocSite   // what each function of the package allocates, by scope: see callAllocation
	network map[*types.Func]string // where each function of the package calls the network: see reachesNetwork
}

// An accumulation is the one statement of a loop body that adds an element
// to a slice (x = append(x, v)) or a map (m[k] = v).
type accumulation struct {
	v     *types.Var
	field *types.Var // set when the slice is the field v.field of a local struct
	stmt  ast.Stmt
	// others are the appends to the same slice on the other branches of an
	// if/else chain whose every branch appends one element (stmt is the
	// first branch's).
	others []ast.Stmt
	// cond is the if statement or case clause the statement is in, if it
	// is not a statement of the loop body itself.
	cond  ast.Node
	isMap bool
	// skipsConstants is set when the conditions around the statement only
	// skip a few constant values (the default of a switch on constants).
	skipsConstants bool
}

// cappedAt returns the constant limit of the loop's statement if
// len(acc) >= limit { break } (or ==, or a return of what it has), which
// keeps what acc accumulates at most that long however long the input is
// (at most maxFrontmatterValues of a list), or one more if len(acc) >
// limit; "" if there is none. A return of an error abandons the list
// rather than caps it (a lock function after other expressions fails the
// query).
func (c *checker) cappedAt(loop inspector.Cursor, acc accumulation) string {
	info := c.pass.TypesInfo
	for _, stmt := range astx.LoopBody(loop.Node()).List {
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || ifs.Init != nil || !astx.EndsInBreakOrReturn(ifs.Body) || c.endsInError(ifs.Body) {
			continue
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok {
			continue
		}
		x, limit, op := cond.X, cond.Y, cond.Op
		if info.Types[x].Value != nil { // limit <= len(acc)
			x, limit = limit, x
			op = map[token.Token]token.Token{token.LEQ: token.GEQ, token.LSS: token.GTR, token.EQL: token.EQL}[op]
		}
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if ok && (op == token.GEQ || op == token.GTR || op == token.EQL) && info.Types[limit].Value != nil &&
			c.isBuiltin(call.Fun, "len") && len(call.Args) == 1 && c.names(call.Args[0], acc) {
			if op == token.GTR {
				return oneMore(info.Types[limit].Value, c.src.Text(limit))
			}
			return c.src.Text(limit)
		}
	}
	return ""
}

// oneMore writes limit + 1: as a number when limit is an integer literal,
// else as a sum.
func oneMore(v constant.Value, text string) string {
	if n, ok := constant.Int64Val(v); ok && text == strconv.FormatInt(n, 10) {
		return strconv.FormatInt(n+1, 10)
	}
	return text + " + 1"
}

// endsInError reports whether block, which ends in a break or a return,
// returns a non-nil error.
func (c *checker) endsInError(block *ast.BlockStmt) bool {
	ret, ok := block.List[len(block.List)-1].(*ast.ReturnStmt)
	return ok && c.returnsError(ret)
}

// maxHintedElement is the largest element, in bytes, whose slice or map a
// fix sizes by an upper bound when the appends are conditional: past a
// cache line per element, reserving for a count the loop may never reach
// (findings of which a few are kept) costs more than the growth saves.
const maxHintedElement = 64

// overText returns the string, []byte or []rune a loop goes over byte by
// byte or rune by rune (for i, b := range data, for i := 0; i < len(s);
// i++), or "".
func (c *checker) overText(loop ast.Node) string {
	var x ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		x = l.X
	case *ast.ForStmt:
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok || cond.Op != token.LSS && cond.Op != token.LEQ {
			return ""
		}
		call, ok := ast.Unparen(cond.Y).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !astx.IsBuiltin(c.pass.TypesInfo, call.Fun, "len") {
			return ""
		}
		x = call.Args[0]
	default:
		return ""
	}
	if t := c.pass.TypesInfo.TypeOf(x); t != nil && (typesx.IsString(t) || keepsCharacters(t)) {
		return types.ExprString(x)
	}
	return ""
}

// keepsCharacters reports whether t is a slice of bytes or runes: a copy of
// the text it is filled from, which keeps most of it (clean(s) dropping
// repeated spaces), so that the text's length is a close bound.
func keepsCharacters(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && typesx.IsCharacter(s.Elem())
}

// elementBytes returns the size of one element of what acc accumulates:
// a slice's element, or a map's key and value; 0 when it is not known (a
// type parameter).
func (c *checker) elementBytes(acc accumulation) int64 {
	var parts []types.Type
	switch t := acc.typ().Underlying().(type) {
	case *types.Slice:
		parts = []types.Type{t.Elem()}
	case *types.Map:
		parts = []types.Type{t.Key(), t.Elem()}
	}
	var size int64
	for _, t := range parts {
		if c.pass.TypesSizes == nil || !typesize.Known(t) {
			return 0
		}
		size += c.pass.TypesSizes.Sizeof(t)
	}
	return size
}

// typ returns the type of the slice or map that accumulates.
func (acc accumulation) typ() types.Type {
	if acc.field != nil {
		return acc.field.Type()
	}
	return acc.v.Type()
}

// name returns how the code names the slice or map that accumulates.
func (acc accumulation) name() string {
	if acc.field != nil {
		return acc.v.Name() + "." + acc.field.Name()
	}
	return acc.v.Name()
}

func (c *checker) checkLoop(loopCur inspector.Cursor) {
	fn := astx.OutermostFunc(loopCur)
	if fn == nil || c.src.File(c.file.FileStart) == nil {
		return
	}
	decl, _ := fn.(*ast.FuncDecl)
	c.inInit = decl != nil && decl.Recv == nil && decl.Name.Name == "init"
	body := astx.LoopBody(loopCur.Node())
	accs := c.accumulations(loopCur.Node())
	if len(accs) == 0 {
		return
	}
	n, ok := c.capacityCount(loopCur.Node(), fn)
	if !ok {
		return
	}
	// The loop must be a statement of a block, so that the statements
	// before it can be searched for the slice's declaration.
	stmtCur := loopCur
	if _, isLabeled := loopCur.Parent().Node().(*ast.LabeledStmt); isLabeled {
		stmtCur = loopCur.Parent()
	}
	list, idx := astx.StmtList(stmtCur)
	if list == nil {
		return
	}
	inner := astx.InnermostFunc(loopCur).Node()
	for _, acc := range accs {
		if acc.cond == nil && c.leavesEarly(body, fn, c.abandonedBy(inner, acc.v)) {
			acc.cond = loopCur.Node() // the loop may skip the statement: the count is an upper bound
		}
		c.checkAccumulation(loopCur, acc, n, fn, list, idx)
	}
}

func (c *checker) checkAccumulation(loopCur inspector.Cursor, acc accumulation, n count, fn ast.Node, list []ast.Stmt, idx int) {
	loop := list[idx]
	if c.escapesDuring(fn, loop, acc.v) || c.mentionedOutside(loop, acc) || holdsFuncs(acc.typ()) || c.boxes(acc) || c.neverRead(fn, acc) {
		return
	}
	if acc.isMap && (n.isConst && n.constVal <= 8 || c.fewConstantKeys(loopCur, acc) || !c.distinctKeys(loopCur, acc)) {
		return // a map of at most 8 entries never grows; a set of computed keys has no known count
	}
	extra, ok := c.appendsAfter(fn, loop, acc)
	if !ok {
		return
	}
	n = n.plus(extra)
	declIdx := -1
	for j := idx - 1; j >= 0; j-- {
		if c.mentionsDirectly(list[j], acc.v) {
			declIdx = j
			break
		}
	}
	if declIdx < 0 {
		return // declared in an outer block: its length and capacity are unknown here
	}
	init, ok := c.emptyInit(list[declIdx], acc.v)
	if acc.field != nil {
		init, ok = c.emptyFieldInit(list[declIdx], acc)
	}
	if !ok || init.isMap != acc.isMap {
		return
	}
	elsewhere := acc.isMap && c.filledElsewhere(fn, loopCur, list[declIdx], acc)
	d := finding{acc: acc, count: n, init: init, loop: loop, est: c.estimate(loopCur, acc, elsewhere), filledElsewhere: elsewhere}
	if from := c.declaredByInput(n, fn); from != "" {
		d.est = cost.Estimate{Tier: cost.Low, Evidence: "a count the input declares (" + from + ")"}
		c.report(d, c.message(d)+"; no automatic fix: a capacity from it trusts the input, which may declare far more elements than follow, or a negative count; cap it first (min(n, limit))", nil)
		return
	}
	if limit := c.cappedAt(loopCur, acc); limit != "" {
		held := acc.name() + " holds " + limit
		d.est = cost.Estimate{Tier: cost.Low, Evidence: "at most " + limit + ": the loop stops once " + held}
		c.report(d, c.message(d)+"; no automatic fix: the loop stops once "+held+", so min("+n.String()+", "+limit+") is the capacity that fits", nil)
		return
	}
	if acc.cond != nil && typesx.IsErrorList(acc.typ()) {
		c.report(d, c.message(d)+"; no automatic fix: the errors are usually few or none, and the capacity would be allocated in full on every call", nil)
		return
	}
	if acc.cond != nil && c.feedsError(loopCur, acc) != "" {
		c.report(d, c.message(d)+"; no automatic fix: it only builds an error, so it is usually empty, and the capacity would be allocated on every call that has none", nil)
		return
	}
	if text := c.overText(loopCur.Node()); acc.cond != nil && !acc.skipsConstants && text != "" && !keepsCharacters(acc.typ()) {
		c.report(d, c.message(d)+"; no automatic fix: the loop goes over the characters of "+text+" and appends for some, so one per character may reserve many times what it keeps (a line start per newline)", nil)
		return
	}
	if acc.cond != nil && !acc.skipsConstants {
		if set := c.membershipFilter(loopCur.Node(), acc); set != "" {
			c.report(d, c.message(d)+"; no automatic fix: a lookup in "+set+" decides which elements it keeps, anywhere from none to all of them, so the upper bound may reserve far more than the loop keeps", nil)
			return
		}
	}
	if size := c.elementBytes(acc); acc.cond != nil && !acc.skipsConstants && size > maxHintedElement {
		c.report(d, c.message(d)+fmt.Sprintf("; no automatic fix: the appends are conditional and each element is %d bytes, so the upper bound may reserve far more than the loop keeps", size), nil)
		return
	}
	notAtInit := "it is nil"
	if !init.isNil {
		notAtInit = c.atInit(init, n, list[declIdx+1:idx], fn)
	}
	if notAtInit == "" {
		fix := c.makeFix(d)
		c.report(d, c.message(d), &fix)
		return
	}
	if acc.isMap {
		return // a map can only be sized where it is made
	}
	if acc.cond != nil && init.isNil {
		// Nothing may tell nil from empty: then it can be made before the
		// loop even if no element comes.
		if fix := c.makeBefore(d, false); fix != nil && c.nilUnseen(fn, loopCur, n, acc) {
			c.report(d, c.message(d), fix)
			return
		}
		c.report(d, c.message(d)+"; no automatic fix: the appends are conditional, and growing a nil slice that gets none would make it non-nil", nil)
		return
	}
	if init.isNil && !c.atLeastGo121() && (c.runsAtLeastOnce(loopCur, n, list[:idx], fn) || c.nilUnseen(fn, loopCur, n, acc) || c.appendedAfterAnyway(list[idx+1:], acc)) {
		// Every iteration appends, and the loop runs, nothing tells a
		// nil slice from an empty one, or an append after the loop makes
		// it non-nil anyway: it can be made with the capacity just before
		// the loop.
		if fix := c.makeBefore(d, false); fix != nil {
			c.report(d, c.message(d), fix)
			return
		}
		if d.count.mayBeNegative() && extra > 0 {
			c.report(d, c.message(d)+"; no automatic fix: the count may be negative, and max is from go1.21", nil)
			return
		}
	}
	if init.isNil && !c.atLeastGo121() && extra == 0 {
		if fix := c.makeBefore(d, true); fix != nil {
			c.report(d, c.message(d)+"; made before the loop only when "+d.count.String()+" > 0, it stays nil otherwise", fix)
			return
		}
	}
	if fix, why := c.growFix(d, notAtInit); fix != nil {
		c.report(d, c.message(d)+grownBeforeLoop(d, notAtInit), fix)
	} else {
		c.report(d, c.message(d)+"; no automatic fix: "+why, nil)
	}
}
