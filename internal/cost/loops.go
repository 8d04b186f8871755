package cost

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// A Count says how large a loop's trip count can be, from evidence in the
// code.
type Count int

const (
	// CountUnknown: nothing bounds the loop (a while loop, a loop over a
	// channel or an iterator); it may grow with the input.
	CountUnknown Count = iota
	// CountFixed: the code fixes the count: a constant, an array, a
	// literal list or a package-level table.
	CountFixed
	// CountConfig: the loop ranges over configured items (a list of
	// configurations, a field of a *Config or *Options value, or of a
	// Config value kept in a field): a handful, once at start-up.
	CountConfig
	// CountPart: the loop ranges over a part of the element of an outer
	// loop (the labels of one sample, the parameters of one function), or
	// over a variadic parameter, ranged or counted through (the arguments
	// written at a call site), or over a list of errors (one per failure):
	// many elements or calls, but few parts each.
	CountPart
	// CountData: the loop ranges over data (len of a parameter, a field or
	// a local); the count grows with it.
	CountData
	// CountInput: the count comes from parsed network or file input (a
	// certificate's names, a message's fields, a parser's remaining
	// text): an attacker controls it.
	CountInput
)

// Trips is what the code says of how many times a loop runs.
type Trips struct {
	Count Count
	// Evidence says why, for the message: "loop over parsed input
	// (addrParser)", "loop over configured items (Config)".
	Evidence string
	// Loop describes the loop's length for a message: "a loop of len(xs)
	// iterations", "a loop while p.more()".
	Loop string
}

// Trips classifies the loop at cur (a *ast.RangeStmt or *ast.ForStmt) by
// how large its trip count can be.
func (m *Model) Trips(pass *analysis.Pass, cur inspector.Cursor) Trips {
	t := Trips{Loop: describeLoop(pass, cur.Node())}
	fn := astx.OutermostFunc(cur)
	bound := stopsAt(pass.TypesInfo, cur.Node())
	switch {
	case m.fixedCount(pass, cur.Node(), fn):
		t.Count, t.Evidence = CountFixed, "a count fixed by the code"
	case bitCount(pass.TypesInfo, cur.Node(), fn) != "":
		t.Count, t.Evidence = CountFixed, "at most 64: a count of bits ("+bitCount(pass.TypesInfo, cur.Node(), fn)+")"
	case digitCount(pass.TypesInfo, cur.Node(), fn) != "":
		t.Count, t.Evidence = CountFixed, "at most 20: the digits of an integer ("+digitCount(pass.TypesInfo, cur.Node(), fn)+")"
	case dividedEachTrip(pass.TypesInfo, cur.Node()) != "":
		t.Count, t.Evidence = CountFixed, "at most 64: the loop divides "+dividedEachTrip(pass.TypesInfo, cur.Node())+" on every iteration, one per digit"
	case addressBytes(pass.TypesInfo, cur.Node()) != "":
		t.Count, t.Evidence = CountFixed, addressBytes(pass.TypesInfo, cur.Node())
	case regexpGroups(pass.TypesInfo, cur.Node(), fn) != "":
		t.Count, t.Evidence = CountFixed, "the groups of a regular expression, fixed by its pattern ("+regexpGroups(pass.TypesInfo, cur.Node(), fn)+")"
	case m.chunkSize(pass, cur, fn) != "":
		t.Count, t.Evidence = CountFixed, "at most "+m.chunkSize(pass, cur, fn)+": one chunk of slices.Chunk"
	case enumKeys(pass, cur.Node()) != "":
		t.Count, t.Evidence = CountFixed, enumKeys(pass, cur.Node())
	case typeShape(pass.TypesInfo, cur.Node(), fn) != "":
		t.Count, t.Evidence = CountFixed, "at most "+typeShape(pass.TypesInfo, cur.Node(), fn)+": the program's types fix it"
	case guardedAbove(pass, cur, fn) != "":
		t.Count, t.Evidence = CountFixed, "at most "+guardedAbove(pass, cur, fn)
	case bound != nil:
		// The bound is not the data's length: nothing says how large it is,
		// unless the code or a configuration sets it.
		if m.IsConstant(pass.TypesInfo, bound, fn) {
			t.Count, t.Evidence = CountFixed, "a count fixed by the code"
		} else if name := configuredLimit(pass.TypesInfo, bound); name != "" {
			t.Count, t.Evidence = CountConfig, "at most "+short(bound)+", a configured limit ("+name+")"
		}
	case ancestorWalk(pass.TypesInfo, cur.Node()) != "":
		t.Count, t.Evidence = CountPart, "the ancestors of one node, as many as it is deep ("+ancestorWalk(pass.TypesInfo, cur.Node())+")"
	case m.inputEvidence(pass, cur, fn) != "":
		t.Count, t.Evidence = CountInput, "loop over parsed input ("+m.inputEvidence(pass, cur, fn)+")"
	case partOfOuterElement(pass, cur):
		t.Count, t.Evidence = CountPart, "the parts of one element of an outer loop"
	case variadicArgs(pass, cur):
		t.Count, t.Evidence = CountPart, "the arguments of one call (a variadic parameter)"
	case childrenOfNode(pass, cur) != "":
		t.Count, t.Evidence = CountPart, "the children of one node of a recursive walk ("+childrenOfNode(pass, cur)+")"
	case otherPackageVar(pass, cur.Node()) != "":
		t.Count, t.Evidence = CountFixed, "a package-level table of "+otherPackageVar(pass, cur.Node())
	case configEvidence(pass, cur.Node()) != "":
		t.Count, t.Evidence = CountConfig, "loop over configured items ("+configEvidence(pass, cur.Node())+")"
	case m.collectedFromConfig(pass, cur, fn) != "":
		t.Count, t.Evidence = CountConfig, m.collectedFromConfig(pass, cur, fn)
	case lookupOfListed(pass.TypesInfo, cur.Node(), fn) != "":
		t.Count, t.Evidence = CountFixed, lookupOfListed(pass.TypesInfo, cur.Node(), fn)
	case rangesOverErrors(pass.TypesInfo, cur.Node()):
		t.Count, t.Evidence = CountPart, "a list of errors: one per failure, usually few"
	case isRangeOverData(pass, cur.Node()):
		// Not a claim that the count is unbounded: the code seen gives no
		// bound on it (a guard, a table, a configuration).
		t.Count, t.Evidence = CountData, "no bound on the count found here"
	}
	return t
}

// bitCount returns the math/bits function (bits.Len64, bits.TrailingZeros,
// ...) whose result the loop counts to, directly or through a local set
// once from it: such a count is at most 64, however large the number.
func bitCount(info *types.Info, loop ast.Node, fn ast.Node) string {
	call, ok := ast.Unparen(fixedLocal(info, fn, countedTo(info, loop))).(*ast.CallExpr)
	if ok && info.Types[call.Fun].IsType() && len(call.Args) == 1 { // int(bits.Len(x))
		call, ok = ast.Unparen(call.Args[0]).(*ast.CallExpr)
	}
	if !ok {
		return ""
	}
	f, _ := typeutil.Callee(info, call).(*types.Func)
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "math/bits" {
		return ""
	}
	for _, prefix := range []string{"Len", "TrailingZeros", "LeadingZeros", "OnesCount"} {
		if strings.HasPrefix(f.Name(), prefix) {
			return "bits." + f.Name()
		}
	}
	return ""
}

// digitCount returns the call that formats an integer in decimal
// (strconv.Itoa, fmt.Sprintf("%d", n)) whose text the loop walks, by range
// or to its length, directly or through locals set once: an integer has
// at most 20 digits, however large it is; else "".
func digitCount(info *types.Info, loop ast.Node, fn ast.Node) string {
	var text ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		text = l.X
	case *ast.ForStmt:
		text = lengthOf(info, fixedLocal(info, fn, CountTo(info, l)))
	}
	call, ok := ast.Unparen(fixedLocal(info, fn, text)).(*ast.CallExpr)
	if !ok {
		return ""
	}
	f, _ := typeutil.Callee(info, call).(*types.Func)
	if f == nil || f.Pkg() == nil {
		return ""
	}
	switch name := f.Pkg().Name() + "." + f.Name(); {
	case f.Pkg().Path() == "strconv" && slices.Contains([]string{"Itoa", "FormatInt", "FormatUint"}, f.Name()) && (f.Name() == "Itoa" || isBase10(info, call)):
		return name
	case f.Pkg().Path() == "fmt" && f.Name() == "Sprintf" && len(call.Args) == 2 && isInteger(info, call.Args[1]):
		if format := info.Types[call.Args[0]].Value; format != nil && format.ExactString() == `"%d"` {
			return name
		}
	}
	return ""
}

// dividedEachTrip returns the integer variable that a loop's condition
// tests (for i > 0, for n != 0) when every iteration divides it or shifts
// it right (i /= base, i = i / base, n >>= 4) at the top level of the
// body or in the post statement; else "". The loop runs once per digit of
// the integer in that base, at most 64 times however large the integer
// is. A divisor of 1 would not shrink it, so a constant one must be 2 or
// more.
func dividedEachTrip(info *types.Info, loop ast.Node) string {
	l, ok := loop.(*ast.ForStmt)
	if !ok || l.Cond == nil {
		return ""
	}
	cond, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok {
		return ""
	}
	v, ok := ast.Unparen(cond.X).(*ast.Ident)
	if !ok || !isInteger(info, v) || info.ObjectOf(v) == nil {
		return ""
	}
	stmts := slices.Clone(l.Body.List)
	if l.Post != nil {
		stmts = append(stmts, l.Post)
	}
	for _, st := range stmts {
		if dividesVar(info, st, info.ObjectOf(v)) {
			return v.Name
		}
	}
	return ""
}

// dividesVar reports whether st is v /= d, v >>= d, v = v / d or
// v = v >> d, with d not a constant below 2 (or, for a shift, below 1).
func dividesVar(info *types.Info, st ast.Stmt, v types.Object) bool {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok || info.ObjectOf(lhs) != v {
		return false
	}
	op, by := as.Tok, ast.Unparen(as.Rhs[0])
	if op == token.ASSIGN {
		bin, ok := by.(*ast.BinaryExpr)
		if !ok {
			return false
		}
		x, ok := ast.Unparen(bin.X).(*ast.Ident)
		if !ok || info.ObjectOf(x) != v {
			return false
		}
		op, by = bin.Op, bin.Y
	}
	least := int64(2)
	switch op {
	case token.QUO, token.QUO_ASSIGN:
	case token.SHR, token.SHR_ASSIGN:
		least = 1
	default:
		return false
	}
	if c := info.Types[by].Value; c != nil {
		n, exact := constant.Int64Val(constant.ToInt(c))
		return exact && n >= least
	}
	return true
}

// addressBytes returns "at most 16: the bytes of an address (net.IP)" if
// the loop walks the bytes of a network address or mask, whose length the
// protocol fixes however many addresses there are; else "".
func addressBytes(info *types.Info, loop ast.Node) string {
	list := walkedList(info, loop)
	if list == nil {
		return ""
	}
	t := info.TypeOf(list)
	for _, a := range []struct{ name, most string }{{"IP", "16"}, {"IPMask", "16"}, {"HardwareAddr", "20"}} {
		if typesx.IsNamed(t, "net", a.name) {
			return "at most " + a.most + ": the bytes of an address (net." + a.name + ")"
		}
	}
	return ""
}

// isBase10 reports whether call, strconv.FormatInt(n, base) or
// FormatUint, formats in base 10.
// regexpGroups returns the method called when loop ranges over the
// groups of one match of a regular expression, or their names (m :=
// re.FindStringSubmatch(s); re.FindAllStringSubmatch(s, -1)[0];
// re.SubexpNames()), or "": one per group of the pattern, plus one, a
// count the code fixes. The matches of FindAll are as many as the input
// holds.
func regexpGroups(info *types.Info, loop ast.Node, fn ast.Node) string {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		return ""
	}
	x := ast.Unparen(fixedLocal(info, fn, rng.X))
	oneMatch := []string{"FindStringSubmatch", "FindSubmatch", "SubexpNames"}
	if ix, ok := x.(*ast.IndexExpr); ok {
		x, oneMatch = ast.Unparen(ix.X), []string{"FindAllStringSubmatch", "FindAllSubmatch"}
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return ""
	}
	method, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || !slices.Contains(oneMatch, method.Name()) {
		return ""
	}
	if recv := method.Signature().Recv(); recv == nil || !typesx.IsPointerTo(recv.Type(), "regexp", "Regexp") {
		return ""
	}
	return method.Name()
}

func isBase10(info *types.Info, call *ast.CallExpr) bool {
	base := info.Types[call.Args[len(call.Args)-1]].Value
	return len(call.Args) == 2 && base != nil && base.ExactString() == "10"
}

// isInteger reports whether e has an integer type.
func isInteger(info *types.Info, e ast.Expr) bool {
	b, ok := underlying(info, e).(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// fixedLocal returns the value of e if it names a local that fn sets
// once (see astx.FixedValue), or e itself.
func fixedLocal(info *types.Info, fn ast.Node, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || fn == nil {
		return e
	}
	if v, ok := info.Uses[id].(*types.Var); ok {
		if value := astx.FixedValue(info, fn, v); value != nil {
			return value
		}
	}
	return e
}

// lengthOf returns s for len(s), or nil.
func lengthOf(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !astx.IsBuiltin(info, call.Fun, "len") || len(call.Args) != 1 {
		return nil
	}
	return call.Args[0]
}

// guardedAbove returns "K: longer lists return above" if an if statement
// before the loop, in its block or one around it, leaves the function
// when the length the loop walks exceeds the constant K (if len(xs) > 6 {
// ...; return }, also through n := len(xs)), or "K: larger counts return
// above" if it does so when the integer the loop counts to does (if n <= 0
// || n > 1024 { return }, for a variable nothing assigns after it is
// declared): the loop runs at most K times.
func guardedAbove(pass *analysis.Pass, cur inspector.Cursor, fn ast.Node) string {
	info := pass.TypesInfo
	walked := walkedList(info, cur.Node())
	counted := countedVar(info, cur.Node(), fn)
	if walked == nil && counted == nil {
		return ""
	}
	bounds := func(e ast.Expr) string {
		if measured := lengthOf(info, fixedLocal(info, fn, e)); walked != nil && measured != nil && types.ExprString(measured) == types.ExprString(walked) {
			return "longer lists"
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && counted != nil && info.Uses[id] == counted {
			return "larger counts"
		}
		return ""
	}
	for c := cur; c.Node() != fn; c = c.Parent() {
		if _, ok := c.Node().(*ast.FuncLit); ok {
			return ""
		}
		list, i := astx.StmtList(c)
		for _, stmt := range list[:min(i, len(list))] {
			ifs, ok := stmt.(*ast.IfStmt)
			if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 {
				continue
			}
			leave := leaves(info, ifs.Body.List[len(ifs.Body.List)-1])
			if leave == "" {
				continue
			}
			// Past if a || b { return }, every disjunct is false.
			for _, cond := range astx.Operands(ifs.Cond, token.LOR) {
				bin, ok := cond.(*ast.BinaryExpr)
				if !ok {
					continue
				}
				what := bounds(bin.X)
				v := info.Types[bin.Y].Value
				if what == "" || v == nil {
					continue
				}
				k, exact := constant.Int64Val(constant.ToInt(v))
				switch {
				case !exact:
				case bin.Op == token.GTR:
					return strconv.FormatInt(k, 10) + ": " + what + " " + leave + " above"
				case bin.Op == token.GEQ:
					return strconv.FormatInt(k-1, 10) + ": " + what + " " + leave + " above"
				}
			}
		}
	}
	return ""
}

// leaves returns how s leaves the function, "return" or "panic", or "".
func leaves(info *types.Info, s ast.Stmt) string {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return "return"
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && astx.IsBuiltin(info, call.Fun, "panic") {
			return "panic"
		}
	}
	return ""
}

// countedVar returns the integer variable a loop counts to (for i := range
// n, for i := 0; i < n; i++) if fn never assigns it after its
// declaration, or nil.
func countedVar(info *types.Info, loop ast.Node, fn ast.Node) *types.Var {
	id, ok := ast.Unparen(countedTo(info, loop)).(*ast.Ident)
	if !ok || fn == nil {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() || astx.Reassigned(info, fn, v) {
		return nil
	}
	return v
}

// countedTo returns the integer a loop counts to (n in for i := range n
// and for i := 0; i < n; i++), or nil.
func countedTo(info *types.Info, loop ast.Node) ast.Expr {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if isInteger(info, l.X) {
			return l.X
		}
	case *ast.ForStmt:
		return CountTo(info, l)
	}
	return nil
}

// fixedCount reports whether the loop runs a number of times fixed by the
// code rather than the input.
func (m *Model) fixedCount(pass *analysis.Pass, loop ast.Node, fn ast.Node) bool {
	info := pass.TypesInfo
	switch l := loop.(type) {
	case *ast.RangeStmt:
		x := ast.Unparen(l.X)
		if _, ok := x.(*ast.CompositeLit); ok || info.Types[x].Value != nil {
			return true
		}
		switch t := underlying(info, x).(type) {
		case *types.Array:
			return true
		case *types.Pointer:
			_, ok := t.Elem().Underlying().(*types.Array)
			return ok
		}
		return m.FixedList(pass, x, fn) || fn != nil && m.madeFixed(info, x, fn)
	case *ast.ForStmt:
		if k := tail(info, l); k != nil {
			return m.IsConstant(info, k, fn)
		}
		return m.boundedByConstant(info, l, fn) && (counts(l.Post, token.INC) || startsAtConstant(info, l)) ||
			m.lenBelowConstant(info, l.Cond, fn)
	}
	return false
}

// lenBelowConstant reports whether cond keeps a length below a constant,
// as in for len(hash) < precision with precision := 12: the loop grows
// something until it reaches a size the code fixes.
func (m *Model) lenBelowConstant(info *types.Info, cond ast.Expr, fn ast.Node) bool {
	return anyComparison(cond, func(bin *ast.BinaryExpr) bool {
		switch bin.Op {
		case token.LSS, token.LEQ:
			return astx.CallsLen(info, bin.X) && m.IsConstant(info, bin.Y, fn)
		case token.GTR, token.GEQ:
			return astx.CallsLen(info, bin.Y) && m.IsConstant(info, bin.X, fn)
		}
		return false
	})
}

// anyComparison reports whether cond, or one of the conditions it joins
// with &&, is a comparison for which holds is true.
func anyComparison(cond ast.Expr, holds func(*ast.BinaryExpr) bool) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if bin.Op == token.LAND {
		return anyComparison(bin.X, holds) || anyComparison(bin.Y, holds)
	}
	return holds(bin)
}

// IsConstant reports whether e is a constant, a local of fn declared with
// one and never assigned again, or a parameter that every call passes a
// constant (see [fixedParams]).
func (m *Model) IsConstant(info *types.Info, e ast.Expr, fn ast.Node) bool {
	if info.Types[e].Value != nil {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.SHR:
			return m.IsConstant(info, x.X, fn) && m.IsConstant(info, x.Y, fn)
		}
		return false
	case *ast.CallExpr:
		return fn != nil && m.isFixedLen(info, x, fn)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || fn == nil {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if m.fixedParams[v] {
		return true
	}
	value := astx.FixedValue(info, fn, v)
	return value != nil && info.Types[value].Value != nil
}

// isFixedLen reports whether call is len(b) of a local slice that fn
// makes with a constant length (b := make([]byte, 74)) and never resizes
// (see [Model.madeFixed]).
func (m *Model) isFixedLen(info *types.Info, call *ast.CallExpr, fn ast.Node) bool {
	return astx.IsBuiltin(info, call.Fun, "len") && len(call.Args) == 1 && m.madeFixed(info, call.Args[0], fn)
}

// madeFixed reports whether x is a local slice that fn makes with a
// length that is a constant (see [Model.isConstant]): make([]T, count)
// with count fixed by every caller. fn must never assign the slice whole,
// range into it or take its address; stores into its elements keep its
// length.
func (m *Model) madeFixed(info *types.Info, x ast.Expr, fn ast.Node) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Slice); !ok {
		return false
	}
	made, ok := ast.Unparen(astx.InitialValue(info, fn, v)).(*ast.CallExpr)
	if !ok || !astx.IsBuiltin(info, made.Fun, "make") || len(made.Args) < 2 || !m.IsConstant(info, made.Args[1], fn) {
		return false
	}
	whole := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	return !astx.Any(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			return slices.ContainsFunc(n.Lhs, whole)
		case *ast.RangeStmt:
			return n.Tok == token.ASSIGN && (n.Key != nil && whole(n.Key) || n.Value != nil && whole(n.Value))
		case *ast.UnaryExpr:
			return n.Op == token.AND && whole(n.X)
		}
		return false
	})
}

// counts reports whether post steps its counter in the direction of tok
// (token.INC: i++ or i += k).
func counts(post ast.Stmt, tok token.Token) bool {
	switch p := post.(type) {
	case *ast.IncDecStmt:
		return p.Tok == tok
	case *ast.AssignStmt:
		return p.Tok == token.ADD_ASSIGN && tok == token.INC || p.Tok == token.SUB_ASSIGN && tok == token.DEC
	}
	return false
}

// startsAtConstant reports whether the loop's init sets a variable to a
// constant: for i := 63; i >= 0; i-- runs 64 times, but for i := n; i >= 0;
// i-- runs n+1 times.
func startsAtConstant(info *types.Info, l *ast.ForStmt) bool {
	init, ok := l.Init.(*ast.AssignStmt)
	return ok && len(init.Rhs) == 1 && info.Types[init.Rhs[0]].Value != nil
}

// FixedList reports whether x, used in fn, names a list written out in the
// code: a package-level table (a variable initialized with a composite
// literal), a local that is only ever set to such lists (see
// [Model.isListLiteral]) or filled only by appends outside loops (see
// [writtenOut]), or a parameter of an unexported function that every call
// passes such a list.
// Loops over such lists are short and of constant length.
func (m *Model) FixedList(pass *analysis.Pass, x ast.Expr, fn ast.Node) bool {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		return m.returnsFixedList(pass.TypesInfo, call) || fn != nil && listedBy(pass.TypesInfo, fn, call)
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && pass.TypesInfo.Selections[sel] == nil {
			v, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Var) // pkg.Table of this package
			return ok && m.tables[v]
		}
		return false
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if m.tables[v] || m.fixedParams[v] {
		return true
	}
	if fn == nil || v.Parent() == nil || v.Parent() == pass.Pkg.Scope() {
		return false
	}
	values := astx.Values(pass.TypesInfo, fn, v)
	return len(values) > 0 && !slices.ContainsFunc(values, func(value ast.Expr) bool { return !m.isListLiteral(pass.TypesInfo, value) }) ||
		constantKeyed(pass.TypesInfo, fn, v) || neverSet(pass.TypesInfo, fn, v) || writtenOut(pass.TypesInfo, fn, v)
}

// listedBy reports whether call reads a local collection without
// arguments (names.UnsortedList()) that fn fills only with constants:
// made by a call of constant arguments (sets.New[string]()), then given
// only calls of constant arguments outside loops (names.Insert("a")),
// read by calls without arguments or len. It holds at most as many
// elements as the code writes out.
func listedBy(info *types.Info, fn ast.Node, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) > 0 || info.Selections[sel] == nil {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v := asVar(info.Uses[id])
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || astx.Reassigned(info, fn, v) {
		return false
	}
	made, ok := ast.Unparen(astx.InitialValue(info, fn, v)).(*ast.CallExpr)
	if !ok || !constantArgs(info, made) {
		return false
	}
	filled := true
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			filled = usedToFill(info, fn, stack)
		}
		return filled
	})
	return filled
}

// usedToFill reports whether the use of a collection whose enclosing
// nodes are stack is len of it, a read (a call of its method without
// arguments whose one result is used: names.List()), or a call with
// constant arguments that runs once per call of fn. A method without
// arguments called for its effect or its error (cfg.Load()) may fill it
// from elsewhere.
func usedToFill(info *types.Info, fn ast.Node, stack []ast.Node) bool {
	parent := stack[len(stack)-1]
	if call, ok := parent.(*ast.CallExpr); ok {
		return astx.IsBuiltin(info, call.Fun, "len")
	}
	sel, ok := parent.(*ast.SelectorExpr)
	if !ok || len(stack) < 3 || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
		return false
	}
	call, ok := stack[len(stack)-2].(*ast.CallExpr)
	if !ok || call.Fun != sel {
		return false
	}
	if len(call.Args) > 0 {
		return constantArgs(info, call) && runsOnce(info, fn, stack)
	}
	_, isStmt := stack[len(stack)-3].(*ast.ExprStmt)
	results := info.Selections[sel].Type().(*types.Signature).Results()
	return !isStmt && results.Len() == 1 && !types.Identical(results.At(0).Type(), types.Universe.Lookup("error").Type())
}

// constantArgs reports whether every argument of call is a constant.
func constantArgs(info *types.Info, call *ast.CallExpr) bool {
	return call.Ellipsis == token.NoPos && !slices.ContainsFunc(call.Args, func(arg ast.Expr) bool { return info.Types[arg].Value == nil && !info.Types[arg].IsType() })
}

// neverSet reports whether v is a slice or map that fn declares without a
// value (var infos []*Info) and never assigns, fills nor addresses: handed
// to calls by value, it stays nil, and a loop over it never runs.
func neverSet(info *types.Info, fn ast.Node, v *types.Var) bool {
	switch v.Type().Underlying().(type) {
	case *types.Slice, *types.Map:
	default:
		return false
	}
	declared := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Values) == 0 {
			declared = slices.ContainsFunc(vs.Names, func(id *ast.Ident) bool { return info.Defs[id] == v })
		}
		return !declared
	})
	return declared && !astx.Reassigned(info, fn, v)
}

// constantKeyed reports whether v is a local map that fn makes and then
// fills only at constant keys (tables["head"] = ...), and uses only by
// indexing, ranging, len and delete (not assigned whole, nor handed to
// other code): it holds at most as many entries as there are such keys, a
// number written in the code.
func constantKeyed(info *types.Info, fn ast.Node, v *types.Var) bool {
	if _, ok := v.Type().Underlying().(*types.Map); !ok {
		return false
	}
	made, ok := astx.InitialValue(info, fn, v).(*ast.CallExpr)
	if !ok || !astx.IsBuiltin(info, made.Fun, "make") {
		return false
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	allowed := make(map[ast.Expr]bool) // the uses of v that cannot add a key of their own
	fixedKeys := true
	storesAtVariableKey := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && isV(ix.X) && info.Types[ix.Index].Value == nil
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			fixedKeys = fixedKeys && !slices.ContainsFunc(n.Lhs, storesAtVariableKey)
		case *ast.IncDecStmt:
			fixedKeys = fixedKeys && !storesAtVariableKey(n.X) // counts[k]++
		case *ast.IndexExpr:
			allowed[ast.Unparen(n.X)] = true
		case *ast.RangeStmt:
			allowed[ast.Unparen(n.X)] = true
		case *ast.CallExpr:
			if (astx.IsBuiltin(info, n.Fun, "len") || astx.IsBuiltin(info, n.Fun, "delete")) && len(n.Args) > 0 {
				allowed[ast.Unparen(n.Args[0])] = true
			}
		}
		return fixedKeys
	})
	return fixedKeys && !astx.Any(fn, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		return ok && info.Uses[id] == v && !allowed[id]
	})
}

// isListLiteral reports whether value is a list written out in the code:
// a composite literal, a conversion of a constant ([]byte("abc")), or
// what a function returns that returns only such lists.
func (m *Model) isListLiteral(info *types.Info, value ast.Expr) bool {
	switch value := ast.Unparen(value).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if info.Types[value.Fun].IsType() {
			return len(value.Args) == 1 && info.Types[value.Args[0]].Value != nil
		}
		return m.returnsFixedList(info, value)
	}
	return false
}

// returnsFixedList reports whether call is to a function of the package
// that returns only literal lists, lists written out, or nil (see
// [fixedLists]).
func (m *Model) returnsFixedList(info *types.Info, call *ast.CallExpr) bool {
	callee, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && m.fixedLists[callee]
}

// findFixedParams returns the parameters of unexported functions that
// every call in the package passes a composite literal, a table, a
// constant, nil, a local slice made with a constant length (see
// [Model.madeFixed]: idFrom(b) after b := make([]byte, 32)), a local list
// the caller writes out (see [writtenOut]) or such a parameter of its
// own, and that the function never assigns: flagName(i, shfStrings) for
// a table shfStrings, pbkdf(h, 64, ...) for a block size, or collapse(ts,
// n) in nodelets(ts, n int), called as nodelets(ts, 4).
func (m *Model) findFixedParams(pass *analysis.Pass) map[*types.Var]bool {
	info := pass.TypesInfo
	params := make(map[*types.Var]bool)
	fixedArg := func(arg ast.Expr, caller ast.Node) bool {
		arg = ast.Unparen(arg)
		if _, ok := arg.(*ast.CompositeLit); ok || info.Types[arg].Value != nil || info.Types[arg].IsNil() {
			return true
		}
		id, ok := arg.(*ast.Ident)
		v := asVar(info.Uses[id])
		return ok && (m.tables[v] || params[v] || caller != nil && (m.madeFixed(info, arg, caller) || v != nil && writtenOut(info, caller, v)))
	}
	for grew := true; grew; {
		grew = false
		for fn, fi := range m.funcs {
			if fi.external || fi.escapes || len(fi.calls) == 0 {
				continue
			}
			ps := fn.Signature().Params()
			for i := range ps.Len() {
				if fn.Signature().Variadic() && i == ps.Len()-1 {
					break // what the variadic parameter gets is counted by variadicArgs
				}
				if params[ps.At(i)] {
					continue
				}
				fixed := true
				for j, call := range fi.calls {
					if !fixed {
						break
					}
					fixed = i < len(call.Args) && fixedArg(call.Args[i], fi.callIn[j])
				}
				if fixed && !astx.Reassigned(info, fi.decl, ps.At(i)) {
					params[ps.At(i)] = true
					grew = true
				}
			}
		}
	}
	return params
}

// fixedLists returns the functions with one result that every return
// statement gives a composite literal, nil or a local list written out
// (see [writtenOut]): func extraFlags() []*Flag returns nil or
// []*Flag{help}, and a list of four directories and one more appended
// when the host says so is five at most.
func fixedLists(info *types.Info, funcs map[*types.Func]*funcInfo) map[*types.Func]bool {
	lists := make(map[*types.Func]bool)
	for fn, fi := range funcs {
		if fi.decl.Body == nil || fn.Signature().Results().Len() != 1 {
			continue
		}
		if _, ok := fn.Signature().Results().At(0).Type().Underlying().(*types.Slice); !ok {
			continue
		}
		fixed, returns := true, 0
		ast.Inspect(fi.decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				returns++
				fixed = fixed && len(n.Results) == 1 && (literalOrNil(n.Results[0]) || writtenOutList(info, fi.decl, n.Results[0]))
			}
			return fixed
		})
		if fixed && returns > 0 {
			lists[fn] = true
		}
	}
	return lists
}

// writtenOutList reports whether e is a local list of fn that fn writes
// out.
func writtenOutList(info *types.Info, fn *ast.FuncDecl, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	v := asVar(info.Uses[id])
	return ok && v != nil && writtenOut(info, fn, v)
}

func literalOrNil(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.Ident:
		return e.Name == "nil"
	}
	return false
}

func asVar(obj types.Object) *types.Var {
	v, _ := obj.(*types.Var)
	return v
}

// boundedByConstant reports whether l's condition compares a counter
// stepped by its post statement with a constant, as in for i := 0; i < 10;
// i++.
func (m *Model) boundedByConstant(info *types.Info, l *ast.ForStmt, fn ast.Node) bool {
	return anyComparison(l.Cond, func(bin *ast.BinaryExpr) bool {
		switch bin.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
			return isCounter(info, bin.X, l.Post) && m.IsConstant(info, bin.Y, fn) ||
				isCounter(info, bin.Y, l.Post) && m.IsConstant(info, bin.X, fn)
		}
		return false
	})
}

// isCounter reports whether e is the variable that post steps.
func isCounter(info *types.Info, e ast.Expr, post ast.Stmt) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || post == nil {
		return false
	}
	var stepped ast.Expr
	switch p := post.(type) {
	case *ast.IncDecStmt:
		stepped = p.X
	case *ast.AssignStmt:
		// A counter stepped by a shift or a product (flag <<= 1) reaches a
		// constant bound sooner, once per bit.
		if len(p.Lhs) == 1 && (p.Tok == token.ADD_ASSIGN || p.Tok == token.SUB_ASSIGN || p.Tok == token.SHL_ASSIGN || p.Tok == token.MUL_ASSIGN) {
			stepped = p.Lhs[0]
		}
	}
	sid, ok := stepped.(*ast.Ident)
	return ok && info.ObjectOf(sid) == info.ObjectOf(id) && info.ObjectOf(id) != nil
}

// CountTo returns n for a loop for i := 0; i < n; i++ or for i := 1; i
// <= n; i++, which run n times.
func CountTo(info *types.Info, l *ast.ForStmt) ast.Expr {
	from, to, op := countsUp(info, l)
	start := "0"
	if op == token.LEQ {
		start = "1"
	}
	if tv := info.Types[from]; tv.Value == nil || tv.Value.ExactString() != start {
		return nil
	}
	return to
}

// tail returns k for a loop for i := n - k; i < n; i++, which runs k
// times however large n is (the last k parts of a path).
func tail(info *types.Info, l *ast.ForStmt) ast.Expr {
	from, to, op := countsUp(info, l)
	start, ok := ast.Unparen(from).(*ast.BinaryExpr)
	if !ok || op != token.LSS || start.Op != token.SUB || types.ExprString(start.X) != types.ExprString(to) {
		return nil
	}
	return ast.Unparen(start.Y)
}

// countsUp returns a, b and the comparison (< or <=) for a loop for i :=
// a; i < b; i++, or nils.
func countsUp(info *types.Info, l *ast.ForStmt) (from, to ast.Expr, op token.Token) {
	init, ok := l.Init.(*ast.AssignStmt)
	post, ok2 := l.Post.(*ast.IncDecStmt)
	cond, ok3 := ast.Unparen(l.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || !ok3 || len(init.Lhs) != 1 || len(init.Rhs) != 1 || post.Tok != token.INC ||
		cond.Op != token.LSS && cond.Op != token.LEQ || !isCounter(info, cond.X, post) || !isCounter(info, init.Lhs[0], post) {
		return nil, nil, token.ILLEGAL
	}
	return init.Rhs[0], cond.Y, cond.Op
}

// describeLoop describes how many times the loop runs, for a message.
func describeLoop(pass *analysis.Pass, loop ast.Node) string {
	info := pass.TypesInfo
	switch l := loop.(type) {
	case *ast.RangeStmt:
		x := short(l.X)
		switch u := underlying(info, l.X).(type) {
		case *types.Chan:
			return "a loop over every value received from " + x
		case *types.Signature:
			return "a loop over every value " + x + " yields"
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return "a loop of " + x + " iterations"
			}
		}
		if bound := stopsAt(info, l); bound != nil {
			return "a loop over " + x + " that stops when " + short(l.Key) + " reaches " + short(bound)
		}
		if typesx.IsString(info.TypeOf(l.X)) {
			return "a loop over the runes of " + x + " (at most len(" + x + "))" // a rune may take up to four bytes
		}
		return "a loop of len(" + x + ") iterations"
	case *ast.ForStmt:
		if l.Cond == nil {
			return "a loop that runs until it exits"
		}
		if n := CountTo(info, l); n != nil {
			return "a loop of " + short(n) + " iterations"
		}
		if k := tail(info, l); k != nil {
			return "a loop of " + short(k) + " iterations (the last of " + short(ast.Unparen(l.Cond).(*ast.BinaryExpr).Y) + ")"
		}
		return "a loop while " + short(l.Cond)
	}
	return "a loop"
}

// stopsAt returns the bound at which a range loop breaks out, when its
// body starts with a test of its index against it:
//
//	for i, r := range term {
//		if i < prefix { ... } else { break }
//	}
//
// (or if i >= prefix { break }). The loop runs at most that many times,
// however long what it ranges over.
func stopsAt(info *types.Info, loop ast.Node) ast.Expr {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok || rng.Key == nil || len(rng.Body.List) == 0 {
		return nil
	}
	key, ok := rng.Key.(*ast.Ident)
	if !ok || info.ObjectOf(key) == nil {
		return nil
	}
	ifs, ok := rng.Body.List[0].(*ast.IfStmt)
	if !ok || ifs.Init != nil {
		return nil
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	isKey := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == info.ObjectOf(key)
	}
	op, bound := cond.Op, cond.Y
	if isKey(cond.Y) {
		bound = cond.X
		switch op { // bound > i is i < bound
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	} else if !isKey(cond.X) {
		return nil
	}
	switch {
	case (op == token.LSS || op == token.LEQ) && ifs.Else != nil && breaks(ifs.Else):
		return bound
	case (op == token.GEQ || op == token.GTR || op == token.EQL) && breaks(ifs.Body):
		return bound
	}
	return nil
}

// breaks reports whether s is a block (or an else branch) that ends by
// breaking out of the loop around it (a last "and more" written first).
func breaks(s ast.Stmt) bool {
	block, ok := s.(*ast.BlockStmt)
	if !ok || len(block.List) == 0 {
		return false
	}
	br, ok := block.List[len(block.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.BREAK && br.Label == nil
}

// configuredLimit returns the configuration type whose field bound is
// (cfg.MaxItems of a MiddlewareConfig or *Options), or "".
func configuredLimit(info *types.Info, bound ast.Expr) string {
	sel, ok := ast.Unparen(bound).(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.FieldVal {
		return ""
	}
	t := info.TypeOf(sel.X)
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return configTypeName(namedOf(t))
}

// short returns the source of e, elided when it is too long for a message.
func short(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 || strings.Contains(s, "\n") {
		return "…"
	}
	return s
}

// rangesOverErrors reports whether loop ranges over a slice of errors
// (the failures of a validation, turned into records or messages).
func rangesOverErrors(info *types.Info, loop ast.Node) bool {
	rng, ok := loop.(*ast.RangeStmt)
	return ok && typesx.IsErrorList(info.TypeOf(rng.X))
}

// isRangeOverData reports whether loop ranges over a slice, map, string or
// integer held in a variable or field, or over an iterator of a collection:
// its length is data.
func isRangeOverData(pass *analysis.Pass, loop ast.Node) bool {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		f, ok := loop.(*ast.ForStmt)
		return ok && f.Cond != nil && astx.CallsLen(pass.TypesInfo, f.Cond)
	}
	switch underlying(pass.TypesInfo, rng.X).(type) {
	case *types.Slice, *types.Map, *types.Basic, *types.Pointer:
		return true
	case *types.Signature: // maps.Keys(m), c.All()
		coll, _ := typesx.IteratedCollection(pass.TypesInfo, rng.X)
		return coll != nil
	}
	return false
}

// lookupWords end the names of functions that look things up by a list
// of keys (EventsFromIDs, GetByKeys): one result per key at most.
var lookupWords = []string{"byids", "fromids", "forids", "bykeys", "fromkeys", "forkeys"}

// lookupOfListed describes the bound of a range over a local that a
// lookup by keys returned when given a literal list of them
// (events, err := db.EventsFromIDs(ctx, []string{id})): at most one result
// per key listed, a count the code fixes. It returns "" otherwise.
func lookupOfListed(info *types.Info, loop ast.Node, fn ast.Node) string {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok || fn == nil {
		return ""
	}
	id, ok := ast.Unparen(rng.X).(*ast.Ident)
	if !ok {
		return ""
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || astx.Reassigned(info, fn, v) {
		return ""
	}
	var call *ast.CallExpr
	ast.Inspect(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if ok && as.Tok == token.DEFINE && len(as.Rhs) == 1 && slices.ContainsFunc(as.Lhs, func(lhs ast.Expr) bool {
			lid, ok := lhs.(*ast.Ident)
			return ok && info.Defs[lid] == v
		}) {
			call, _ = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		}
		return call == nil
	})
	if call == nil {
		return ""
	}
	f, _ := typeutil.Callee(info, call).(*types.Func)
	if f == nil || !slices.ContainsFunc(lookupWords, func(w string) bool { return strings.HasSuffix(strings.ToLower(f.Name()), w) }) {
		return ""
	}
	for _, arg := range call.Args {
		lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
		if _, isSlice := underlying(info, arg).(*types.Slice); ok && isSlice && !slices.ContainsFunc(lit.Elts, func(e ast.Expr) bool { _, kv := e.(*ast.KeyValueExpr); return kv }) {
			n := strconv.Itoa(len(lit.Elts))
			return "at most " + n + ": a lookup (" + f.Name() + ") of the " + n + " keys listed in a literal"
		}
	}
	return ""
}

// chunkSize returns the size of the chunks that the loop at cur ranges
// over one of, or "": the loop ranges over the variable of an enclosing
// for batch := range slices.Chunk(s, n) whose n is a constant, so it runs
// at most n times however long s is.
func (m *Model) chunkSize(pass *analysis.Pass, cur inspector.Cursor, fn ast.Node) string {
	rng, ok := cur.Node().(*ast.RangeStmt)
	if !ok {
		return ""
	}
	id, ok := ast.Unparen(rng.X).(*ast.Ident)
	if !ok {
		return ""
	}
	v := pass.TypesInfo.Uses[id]
	for anc := range cur.Parent().Enclosing((*ast.RangeStmt)(nil)) {
		outer := anc.Node().(*ast.RangeStmt)
		key, _ := outer.Key.(*ast.Ident)
		if key == nil || outer.Tok != token.DEFINE || pass.TypesInfo.Defs[key] != v {
			continue
		}
		call, ok := ast.Unparen(outer.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return ""
		}
		if pkg, name := typesx.Callee(pass.TypesInfo, call); pkg != "slices" || name != "Chunk" {
			return ""
		}
		if !m.IsConstant(pass.TypesInfo, call.Args[1], fn) || astx.Reassigned(pass.TypesInfo, anc.Node(), v.(*types.Var)) {
			return ""
		}
		return short(call.Args[1])
	}
	return ""
}

// typeShape returns the reflect call (t.NumField(), t.NumMethod(),
// t.NumIn()) that bounds the loop, directly or through a local list that
// fn fills only in loops it bounds (the indexes of a struct's exported
// fields), or "": the loop runs once per field, method or parameter of one
// type, a number the program fixes, however many values it is run for.
func typeShape(info *types.Info, loop ast.Node, fn ast.Node) string {
	if shape := shapeBound(info, loop); shape != "" {
		return shape
	}
	v, appends := rangedList(info, loop, fn)
	if len(appends) == 0 {
		return ""
	}
	shape := ""
	for _, stack := range appends {
		s := innermostLoopShape(info, stack)
		if s == "" || shape != "" && s != shape {
			return ""
		}
		shape = s
	}
	return shape + " (filling " + v.Name() + ")"
}

// rangedList returns the local list a range loop of fn walks, with the
// appends that fill it and the nodes around each (see [listAppends]).
func rangedList(info *types.Info, loop ast.Node, fn ast.Node) (*types.Var, map[ast.Node][]ast.Node) {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok || fn == nil {
		return nil, nil
	}
	id, ok := ast.Unparen(rng.X).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v := asVar(info.Uses[id])
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, nil
	}
	return v, listAppends(info, fn, v)
}

// listAppends returns the appends that fill the local list v of fn, each
// with the nodes around it, if fn gives v no other values than those
// appends of listed elements (append(v, x, y)), nil, composite literals
// and makes of a constant length; nil otherwise.
func listAppends(info *types.Info, fn ast.Node, v *types.Var) map[ast.Node][]ast.Node {
	values := astx.Values(info, fn, v)
	if len(values) == 0 || !declaredPlainly(info, fn, v) {
		return nil
	}
	appends := make(map[ast.Node][]ast.Node)
	for _, value := range values {
		switch {
		case literalOrNil(value) || madeEmptyOrFixed(info, value):
		case appendsTo(info, value, v):
			appends[value] = nil
		default:
			return nil
		}
	}
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		if _, ok := appends[n]; ok {
			appends[n] = slices.Clone(stack)
		}
		return true
	})
	return appends
}

// declaredPlainly reports whether fn declares v with a value of its own or
// none (xs := []T{a}, var xs []T): not as a parameter, a range variable or
// one of the results of a call, whose values nothing here lists.
func declaredPlainly(info *types.Info, fn ast.Node, v *types.Var) bool {
	plain := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			plain = plain || (len(n.Values) == 0 || len(n.Values) == len(n.Names)) &&
				slices.ContainsFunc(n.Names, func(id *ast.Ident) bool { return info.Defs[id] == v })
		case *ast.AssignStmt:
			plain = plain || n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) && slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool {
				id, ok := e.(*ast.Ident)
				return ok && info.Defs[id] == v
			})
		}
		return !plain
	})
	return plain
}

// writtenOut reports whether fn fills its local list v only outside
// loops: with literals and appends of listed elements, one after another
// (lines := []string{head}; if err != "" { lines = append(lines, err) }),
// also in helper closures that fn only calls outside loops. Its length is
// at most what the code writes out.
func writtenOut(info *types.Info, fn ast.Node, v *types.Var) bool {
	appends := listAppends(info, fn, v)
	if appends == nil {
		return false
	}
	for _, stack := range appends {
		if !runsOnce(info, fn, stack) {
			return false
		}
	}
	return true
}

// runsOnce reports whether the node within stack, the nodes of fn around
// it, runs at most once per call of fn: it is in no loop, and in no
// function literal but helpers that fn assigns to a local (add := func()
// {...}) and calls only outside loops.
func runsOnce(info *types.Info, fn ast.Node, stack []ast.Node) bool {
	for i, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.FuncLit:
			helper := helperVar(info, stack[:i], n)
			if helper == nil || !calledOutsideLoops(info, fn, helper) {
				return false
			}
		}
	}
	return true
}

// helperVar returns the local that lit is declared as (add := func()
// {...}), given the nodes around lit, or nil.
func helperVar(info *types.Info, outer []ast.Node, lit ast.Node) *types.Var {
	if len(outer) == 0 {
		return nil
	}
	as, ok := outer[len(outer)-1].(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != lit {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	return asVar(info.Defs[id])
}

// calledOutsideLoops reports whether fn uses the helper closure h only to
// call it, each call outside loops and other closures.
func calledOutsideLoops(info *types.Info, fn ast.Node, h *types.Var) bool {
	ok := true
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !ok || !isIdent || info.Uses[id] != h {
			return ok
		}
		call, isCall := stack[len(stack)-1].(*ast.CallExpr)
		ok = isCall && call.Fun == id && !slices.ContainsFunc(stack, loopOrLiteral)
		return ok
	})
	return ok && !astx.Reassigned(info, fn, h)
}

// loopOrLiteral reports whether n is a loop or a function literal, whose
// body may run any number of times.
func loopOrLiteral(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
		return true
	}
	return false
}

// innermostLoopShape is shapeBound of the innermost loop of stack, or ""
// if a function literal comes first.
func innermostLoopShape(info *types.Info, stack []ast.Node) string {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			return ""
		case *ast.ForStmt, *ast.RangeStmt:
			return shapeBound(info, n)
		}
	}
	return ""
}

// shapeBound returns the reflect call a loop counts to from zero (for i :=
// 0; i < t.NumField(); i++, for i := range t.NumMethod(), an array type's
// t.Len()), or "".
func shapeBound(info *types.Info, loop ast.Node) string {
	var n ast.Expr
	switch l := loop.(type) {
	case *ast.RangeStmt:
		n = l.X
	case *ast.ForStmt:
		n = CountTo(info, l)
	}
	call, ok := ast.Unparen(n).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s := info.Selections[sel]
	if s == nil || s.Obj().Pkg() == nil || s.Obj().Pkg().Path() != "reflect" {
		return ""
	}
	// An array type's Len is fixed too; a Value's Len is its data's.
	arrayLen := sel.Sel.Name == "Len" && typesx.IsNamed(s.Recv(), "reflect", "Type")
	if !arrayLen && !slices.Contains([]string{"NumField", "NumMethod", "NumIn", "NumOut"}, sel.Sel.Name) {
		return ""
	}
	return types.ExprString(call)
}

// appendsTo reports whether value is append(v, x, ...) of listed
// elements.
func appendsTo(info *types.Info, value ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(value).(*ast.CallExpr)
	if !ok || !astx.IsBuiltin(info, call.Fun, "append") || len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// madeEmptyOrFixed reports whether e makes a slice or map of a constant
// length (make([]T, 0, n), make(map[K]V)).
func madeEmptyOrFixed(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !astx.IsBuiltin(info, call.Fun, "make") {
		return false
	}
	_, isMap := info.TypeOf(call).Underlying().(*types.Map)
	return isMap || len(call.Args) > 1 && info.Types[call.Args[1]].Value != nil
}

// enumKeys describes the bound of a range over a map keyed by an
// enumeration of the package, or returns "": a named string or integer
// type declared with two or more constants, either unexported (other
// packages can make no other value of it) or numbered in a run (0, 1, 2,
// ...: an iota list). The map holds at most one entry per constant,
// whatever the data (a builder's map from its expression kinds).
func enumKeys(pass *analysis.Pass, loop ast.Node) string {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		return ""
	}
	m, ok := underlying(pass.TypesInfo, rng.X).(*types.Map)
	if !ok {
		return ""
	}
	named, ok := types.Unalias(m.Key()).(*types.Named)
	if !ok || named.Obj().Pkg() != pass.Pkg || named.TypeParams() != nil {
		return ""
	}
	basic, ok := named.Underlying().(*types.Basic)
	if !ok || basic.Info()&(types.IsString|types.IsInteger) == 0 {
		return ""
	}
	values := enumConstants(pass, named)
	if len(values) < 2 || named.Obj().Exported() && !numbered(values) {
		return ""
	}
	return "at most " + strconv.Itoa(len(values)) + ": the map's keys are constants of " + named.Obj().Name()
}

// enumConstants returns the values of the package-level constants that
// enumerate named: those of its type, and the untyped ones declared in the
// same const block as one of them (keyCondition = "keyCondition" below a
// projection expressionType = "projection": Go gives only the first the
// type, but the block lists the kinds).
func enumConstants(pass *analysis.Pass, named *types.Named) []constant.Value {
	var values []constant.Value
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			var typed, untyped []constant.Value
			for _, spec := range gen.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					c, ok := pass.TypesInfo.Defs[name].(*types.Const)
					if !ok || name.Name == "_" {
						continue
					}
					if types.Identical(c.Type(), named) {
						typed = append(typed, c.Val())
					} else if b, ok := c.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 && types.AssignableTo(c.Type(), named) {
						untyped = append(untyped, c.Val())
					}
				}
			}
			if len(typed) > 0 {
				values = append(values, typed...)
				values = append(values, untyped...)
			}
		}
	}
	return values
}

// numbered reports whether the values are integers that form a run
// without gaps or repeats, as an iota list does.
func numbered(values []constant.Value) bool {
	ints := make([]int64, 0, len(values))
	for _, v := range values {
		n, exact := constant.Int64Val(constant.ToInt(v))
		if !exact {
			return false
		}
		ints = append(ints, n)
	}
	slices.Sort(ints)
	for i := 1; i < len(ints); i++ {
		if ints[i] != ints[i-1]+1 {
			return false
		}
	}
	return true
}

// otherPackageVar returns the name of the package variable of another
// package that the loop ranges over (metrics.CoreFontMetrics), or "". Such
// a variable is a table written in that package's source or a registry
// filled as it initializes: its length is not this code's data, and what
// lists it runs when a program starts or a user asks.
func otherPackageVar(pass *analysis.Pass, loop ast.Node) string {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		return ""
	}
	sel, ok := ast.Unparen(rng.X).(*ast.SelectorExpr)
	if !ok || pass.TypesInfo.Selections[sel] != nil {
		return ""
	}
	v, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg() == pass.Pkg || v.Parent() != v.Pkg().Scope() {
		return ""
	}
	return v.Pkg().Name() + "." + v.Name()
}

// parserWords name types that consume input: a parser's, lexer's or
// decoder's remaining text is whatever the peer sent.
var parserWords = []string{"parser", "lexer", "scanner", "tokenizer", "decoder"}

// inputPackages hold types whose values are parsed from the network or
// files: certificates, mail messages, MIME parts, HTTP requests.
var inputPackages = []string{"crypto/x509", "crypto/x509/pkix", "net/mail", "net/textproto", "mime/multipart", "encoding/asn1", "net/http", "net/url"}

// requestTypes are the input packages' types that a client builds as
// much as a server parses: a request, its headers, its URL and query. In
// a package that serves no HTTP they are the program's own outgoing
// request (a curl command line made from it), while a response's
// headers, reached through them, stay the peer's.
var requestTypes = []string{"http.Request", "http.Header", "url.URL", "url.Values"}

// inputEvidence returns the name of the type that makes the loop's count
// come from parsed input, or "": the loop ranges over a field of a value
// of an input package's type (a certificate's IP addresses), or it is a
// loop (not over a fixed count) that consumes a parser's input.
func (m *Model) inputEvidence(pass *analysis.Pass, cur inspector.Cursor, fn ast.Node) string {
	info := pass.TypesInfo
	if rng, ok := cur.Node().(*ast.RangeStmt); ok {
		for e := ast.Unparen(rng.X); ; {
			if name := inputTypeName(info.TypeOf(e)); name != "" && !m.builtHere[fieldOf(info, e)] && (!slices.Contains(requestTypes, name) || m.servesHTTP()) {
				return name
			}
			switch x := e.(type) {
			case *ast.SelectorExpr:
				if info.Selections[x] == nil {
					return ""
				}
				e = ast.Unparen(x.X)
			case *ast.IndexExpr:
				e = ast.Unparen(x.X)
			case *ast.CallExpr:
				e = ast.Unparen(x.Fun) // a method's receiver, through its selector
			default:
				return ""
			}
		}
	}
	loop := cur.Node().(*ast.ForStmt)
	if loop.Cond != nil && CountTo(info, loop) != nil {
		return ""
	}
	// A while loop that reads a parser, such as for !p.empty() { ... p.s ... }.
	found := ""
	ast.Inspect(loop, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && found == "" {
			if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() {
				found = parserTypeName(v.Type())
			}
		}
		return found == ""
	})
	return found
}

// fieldOf returns the struct field e selects, or nil.
func fieldOf(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.FieldVal {
		return nil
	}
	return info.Selections[sel].Obj().(*types.Var)
}

// servesHTTP reports whether the package handles HTTP requests: a
// function of it takes an http.ResponseWriter, or a framework's context
// that carries the request (gin's c.Request, echo's c.Request()).
func servesHTTP(pass *analysis.Pass, insp *inspector.Inspector) bool {
	for cur := range insp.Root().Preorder((*ast.FuncType)(nil)) {
		for _, field := range cur.Node().(*ast.FuncType).Params.List {
			if t := pass.TypesInfo.TypeOf(field.Type); t != nil && (typesx.IsNamed(t, "net/http", "ResponseWriter") || carriesRequest(t)) {
				return true
			}
		}
	}
	return false
}

// carriesRequest reports whether t, a type of another package than
// net/http, has a field or method Request of type *http.Request.
func carriesRequest(t types.Type) bool {
	named := namedOf(t)
	if named == nil || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() == "net/http" {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, named.Obj().Pkg(), "Request")
	switch obj := obj.(type) {
	case *types.Var:
		return typesx.IsPointerTo(obj.Type(), "net/http", "Request")
	case *types.Func:
		res := obj.Signature().Results()
		return res.Len() == 1 && typesx.IsPointerTo(res.At(0).Type(), "net/http", "Request")
	}
	return false
}

// builtHere returns the unexported fields of the package's structs that
// hold a value of an input package's type (a textproto.MIMEHeader) which
// the package only ever builds itself: every value stored in them is a
// literal, a make or a local declared with one (a mail builder's custom
// headers, copied into a fresh map per call). Nothing parsed reaches them.
func builtHere(pass *analysis.Pass, insp *inspector.Inspector) map[*types.Var]bool {
	info := pass.TypesInfo
	candidate := func(f *types.Var) bool {
		return f != nil && !f.Exported() && f.Pkg() == pass.Pkg && inputTypeName(f.Type()) != ""
	}
	built := make(map[*types.Var]bool)
	parsed := make(map[*types.Var]bool)
	store := func(f *types.Var, value ast.Expr, fn ast.Node) {
		if !candidate(f) {
			return
		}
		if isBuiltValue(info, value, fn) {
			built[f] = true
		} else {
			parsed[f] = true
		}
	}
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
		fn := astx.OutermostFunc(cur)
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if len(n.Lhs) == len(n.Rhs) {
					store(fieldOf(info, ast.Unparen(lhs)), n.Rhs[i], fn)
				} else if f := fieldOf(info, ast.Unparen(lhs)); candidate(f) {
					parsed[f] = true // from a call's results
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					store(f, n.Value, fn)
				}
			}
		}
	}
	for f := range parsed {
		delete(built, f)
	}
	return built
}

// isBuiltValue reports whether value is a composite literal, a make, nil,
// or a local of fn declared with one of these and never given another
// value (its entries may be set).
func isBuiltValue(info *types.Info, value ast.Expr, fn ast.Node) bool {
	value = ast.Unparen(value)
	if id, ok := value.(*ast.Ident); ok && fn != nil {
		if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && v.Parent() != v.Pkg().Scope() {
			if init := astx.InitialValue(info, fn, v); init != nil && !assignedWhole(info, fn, v) {
				value = ast.Unparen(init)
			}
		}
	}
	return astx.IsFresh(info, value)
}

// assignedWhole reports whether fn assigns the local v a new value (v = x).
func assignedWhole(info *types.Info, fn ast.Node, v *types.Var) bool {
	return astx.Any(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		return ok && as.Tok == token.ASSIGN && slices.ContainsFunc(as.Lhs, func(l ast.Expr) bool {
			id, ok := ast.Unparen(l).(*ast.Ident)
			return ok && info.Uses[id] == v
		})
	})
}

// inputTypeName returns the name of t (or what it points to) if it is
// declared in one of inputPackages.
func inputTypeName(t types.Type) string {
	named := namedOf(t)
	if named == nil || named.Obj().Pkg() == nil || !slices.Contains(inputPackages, named.Obj().Pkg().Path()) {
		return ""
	}
	return named.Obj().Pkg().Name() + "." + named.Obj().Name()
}

// parserTypeName returns the name of t (or what it points to) if it names
// a parser, lexer, scanner, tokenizer or decoder.
func parserTypeName(t types.Type) string {
	named := namedOf(t)
	if named == nil {
		return ""
	}
	lower := strings.ToLower(named.Obj().Name())
	if slices.ContainsFunc(parserWords, func(w string) bool { return strings.Contains(lower, w) }) {
		return named.Obj().Name()
	}
	return ""
}

// configWords end the names of configuration types, also abbreviated
// (type cfg struct, ServerConf).
var configWords = []string{"config", "configuration", "cfg", "conf", "options", "opts", "settings"}

// configEvidence returns the name of the configuration type the loop
// ranges over: a list of them (a []*ServerConfig, a
// []SubjectTransformConfig), or a field of one through a pointer or kept
// in a field (cfg.Servers of a *Config, cg.config.Balancers of a
// ConsumerGroupConfig field); or "".
func configEvidence(pass *analysis.Pass, loop ast.Node) string {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		return ""
	}
	if name := configTypeName(namedOf(typesx.RangeElem(pass.TypesInfo.TypeOf(rng.X)))); name != "" {
		return name // a list of configurations, values or pointers: configured items
	}
	sel, ok := ast.Unparen(rng.X).(*ast.SelectorExpr)
	if !ok || pass.TypesInfo.Selections[sel] == nil {
		return ""
	}
	if name := configName(pass.TypesInfo.TypeOf(sel.X)); name != "" {
		return name
	}
	// A field of a field of a configuration is configured too, however
	// deep (cfg.Default.MitmDomains of a *YAMLConfig), and so is one of a
	// field named as a configuration, whatever its type
	// (ctx.Config.Signs of a config.Project).
	for {
		holder, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		if s := pass.TypesInfo.Selections[holder]; s == nil || s.Kind() != types.FieldVal {
			return ""
		}
		if name := configTypeName(namedOf(pass.TypesInfo.TypeOf(holder))); name != "" {
			return name
		}
		if isConfigName(holder.Sel.Name) {
			return types.ExprString(holder)
		}
		if name := configName(pass.TypesInfo.TypeOf(holder.X)); name != "" {
			return name
		}
		sel = holder
	}
}

// configName returns the name of the configuration type t points to, or
// "". Only a pointer counts: configuration is loaded once and shared, while
// a value such as a TopicConfig is often the payload of a request (a value
// kept in another object's field is the exception, see configEvidence).
func configName(t types.Type) string {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	return configTypeName(namedOf(ptr.Elem()))
}

// configTypeName returns the name of named if it names a configuration
// type (ServerConfig, DialOptions, Settings), or "".
func configTypeName(named *types.Named) string {
	if named == nil || !isConfigName(named.Obj().Name()) {
		return ""
	}
	return named.Obj().Name()
}

// isConfigName reports whether name ends with one of configWords, in
// any case (ServerConfig, cfg, dialOpts).
func isConfigName(name string) bool {
	lower := strings.ToLower(name)
	return slices.ContainsFunc(configWords, func(w string) bool { return strings.HasSuffix(lower, w) })
}

// partOfOuterElement reports whether the loop at cur ranges over a field
// of a value made per iteration of an enclosing loop in the same function:
// the outer loop's element, as in
//
//	for _, s := range samples { for k := range s.Label { ... } }
//
// or a local declared in its body, as in
//
//	for rows.Next() { var t typeInfo; rows.Scan(&t.Names); for _, n := range t.Names { ... } }
func partOfOuterElement(pass *analysis.Pass, cur inspector.Cursor) bool {
	rng, ok := cur.Node().(*ast.RangeStmt)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(rng.X).(*ast.SelectorExpr)
	if !ok || pass.TypesInfo.Selections[sel] == nil {
		return false
	}
	base := astx.RootIdent(sel.X)
	if base == nil {
		return false
	}
	obj := pass.TypesInfo.Uses[base]
	if obj == nil {
		return false
	}
	for anc := range cur.Parent().Enclosing((*ast.RangeStmt)(nil), (*ast.ForStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		switch outer := anc.Node().(type) {
		case *ast.RangeStmt:
			if id, ok := outer.Value.(*ast.Ident); ok && pass.TypesInfo.Defs[id] == obj {
				return true
			}
			body = outer.Body
		case *ast.ForStmt:
			body = outer.Body
		default:
			return false
		}
		if body.Pos() <= obj.Pos() && obj.Pos() < rng.Pos() {
			return true
		}
	}
	return false
}

// walkedList returns the list a loop goes through: what it ranges over,
// or xs in for i := 0; i < len(xs); i++. It returns nil for other loops.
func walkedList(info *types.Info, loop ast.Node) ast.Expr {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return l.X
	case *ast.ForStmt:
		return lengthOf(info, CountTo(info, l))
	}
	return nil
}

// variadicArgs reports whether the loop at cur ranges or counts over the
// variadic parameter of its function: the arguments written at a call
// site.
func variadicArgs(pass *analysis.Pass, cur inspector.Cursor) bool {
	id, ok := ast.Unparen(walkedList(pass.TypesInfo, cur.Node())).(*ast.Ident)
	if !ok {
		return false
	}
	for anc := range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		params := astx.FuncType(anc.Node()).Params.List
		if len(params) == 0 {
			return false
		}
		last := params[len(params)-1]
		if _, ok := last.Type.(*ast.Ellipsis); !ok {
			return false
		}
		for _, name := range last.Names {
			if pass.TypesInfo.Defs[name] == pass.TypesInfo.Uses[id] {
				return true
			}
		}
		return false
	}
	return false
}

// collectedFromConfig returns the evidence of the loops over configured
// items that fill the local list or set the loop at cur ranges over: fn
// writes to it only in such loops, or in loops within them over a fixed
// count or the parts of one item; else "".
func (m *Model) collectedFromConfig(pass *analysis.Pass, cur inspector.Cursor, fn ast.Node) string {
	info := pass.TypesInfo
	rng, ok := cur.Node().(*ast.RangeStmt)
	if !ok || fn == nil {
		return ""
	}
	id, ok := ast.Unparen(rng.X).(*ast.Ident)
	if !ok {
		return ""
	}
	v := asVar(info.Uses[id])
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return ""
	}
	writes := localWrites(info, fn, v) // nil for a parameter or a range variable too
	if len(writes) == 0 {
		return ""
	}
	evidence := ""
	for _, stack := range writes {
		evidence = ""
		for i, n := range stack {
			switch n.(type) {
			case *ast.FuncLit:
				return ""
			case *ast.ForStmt, *ast.RangeStmt:
				loopCur, ok := cur.Inspector().Root().FindNode(n)
				if !ok || n == rng {
					return ""
				}
				if rangesOverOuterElement(info, n, stack[:i]) {
					continue
				}
				switch t := m.Trips(pass, loopCur); t.Count {
				case CountConfig:
					evidence = t.Evidence
				case CountFixed, CountPart:
				default:
					return ""
				}
			}
		}
		if evidence == "" {
			return ""
		}
	}
	return evidence + ", collected in " + v.Name()
}

// rangesOverOuterElement reports whether loop ranges over the element of
// a loop among outer (for _, kinds := range all { for k := range kinds }).
func rangesOverOuterElement(info *types.Info, loop ast.Node, outer []ast.Node) bool {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(rng.X).(*ast.Ident)
	return ok && slices.ContainsFunc(outer, func(n ast.Node) bool {
		o, ok := n.(*ast.RangeStmt)
		if !ok {
			return false
		}
		value, ok := o.Value.(*ast.Ident)
		return ok && info.Defs[value] != nil && info.Defs[value] == info.Uses[id]
	})
}

// localWrites returns the statements that add to the local list or map v
// of fn (v = append(v, x), v[k] = x), each with the nodes around it, if fn
// declares v empty or with a literal and otherwise only reads it (len(v),
// v[k], range v); nil if fn may change v another way.
func localWrites(info *types.Info, fn ast.Node, v *types.Var) [][]ast.Node {
	var writes [][]ast.Node
	ok := true
	ast.PreorderStack(fn, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !ok || !isIdent || len(stack) < 2 {
			return ok
		}
		parent, grand := stack[len(stack)-1], stack[len(stack)-2]
		switch {
		case info.Defs[id] == v:
			ok = declaredEmpty(info, parent, id)
		case info.Uses[id] != v:
		case isWriteOf(info, parent, grand, id, v):
			writes = append(writes, slices.Clone(stack))
		default:
			ok = readsOnly(info, parent, grand, id)
		}
		return ok
	})
	if !ok {
		return nil
	}
	return writes
}

// declaredEmpty reports whether decl, which declares id, gives it no
// value, nil, a literal or an empty make.
func declaredEmpty(info *types.Info, decl ast.Node, id *ast.Ident) bool {
	var lhs, rhs []ast.Expr
	switch d := decl.(type) {
	case *ast.ValueSpec:
		lhs, rhs = make([]ast.Expr, len(d.Names)), d.Values
		for i, name := range d.Names {
			lhs[i] = name
		}
	case *ast.AssignStmt:
		lhs, rhs = d.Lhs, d.Rhs
	default:
		return false
	}
	if len(rhs) == 0 {
		return true
	}
	i := slices.Index(lhs, ast.Expr(id))
	return len(rhs) == len(lhs) && i >= 0 && (literalOrNil(rhs[i]) || madeEmptyOrFixed(info, rhs[i]))
}

// isWriteOf reports whether id, a use of v with parent and grand around
// it, adds to v: v = append(v, x) or v[k] = x.
func isWriteOf(info *types.Info, parent, grand ast.Node, id *ast.Ident, v *types.Var) bool {
	switch p := parent.(type) {
	case *ast.AssignStmt: // the v of v = append(v, x)
		return len(p.Lhs) == 1 && len(p.Rhs) == 1 && p.Lhs[0] == id && appendsTo(info, p.Rhs[0], v)
	case *ast.CallExpr: // the append(v, ...) of v = append(v, x)
		as, ok := grand.(*ast.AssignStmt)
		return ok && len(p.Args) > 0 && p.Args[0] == id && len(as.Rhs) == 1 && as.Rhs[0] == p && appendsTo(info, p, v)
	case *ast.IndexExpr: // v[k] = x
		as, ok := grand.(*ast.AssignStmt)
		return ok && p.X == id && slices.Contains(as.Lhs, ast.Expr(p))
	}
	return false
}

// readsOnly reports whether id, with parent and grand around it, is only
// read: ranged over, measured or indexed.
func readsOnly(info *types.Info, parent, grand ast.Node, id *ast.Ident) bool {
	switch p := parent.(type) {
	case *ast.RangeStmt:
		return p.X == id
	case *ast.CallExpr:
		return astx.IsBuiltin(info, p.Fun, "len") && len(p.Args) == 1
	case *ast.IndexExpr:
		switch g := grand.(type) {
		case *ast.AssignStmt:
			return !slices.Contains(g.Lhs, ast.Expr(p))
		case *ast.IncDecStmt, *ast.UnaryExpr:
			return false
		}
		return p.X == id
	}
	return false
}

// ancestorWalk returns the parent link a loop follows when it goes up a
// tree (for p != nil { ...; p = p.GetParent() }): its count is one node's
// depth, not the size of the tree; else "". Every assignment to the
// loop's variable in the body sets it to nil or to a parent of itself,
// directly or through a local (pi := p.GetParent(); p = pi.(Node)).
func ancestorWalk(info *types.Info, loop ast.Node) string {
	f, ok := loop.(*ast.ForStmt)
	if !ok || f.Cond == nil || f.Post != nil {
		return ""
	}
	var p types.Object
	ast.Inspect(f.Cond, func(n ast.Node) bool {
		if be, ok := n.(*ast.BinaryExpr); ok && be.Op == token.NEQ && p == nil {
			if id, ok := ast.Unparen(be.X).(*ast.Ident); ok && isNil(info, be.Y) {
				p = info.Uses[id]
			}
		}
		return p == nil
	})
	if p == nil {
		return ""
	}
	parents := make(map[types.Object]string) // locals set to a parent of p
	link := ""
	parentOf := func(e ast.Expr) string {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.TypeAssertExpr:
				e = x.X
				continue
			case *ast.CallExpr:
				if len(x.Args) != 0 {
					return ""
				}
				e = x.Fun
				continue
			case *ast.Ident:
				return parents[info.Uses[x]]
			case *ast.SelectorExpr:
				id, ok := ast.Unparen(x.X).(*ast.Ident)
				if ok && info.Uses[id] == p && strings.Contains(strings.ToLower(x.Sel.Name), "parent") {
					return x.Sel.Name
				}
			}
			return ""
		}
	}
	ok = true
	ast.Inspect(f.Body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign || !ok || len(as.Lhs) != len(as.Rhs) {
			return ok
		}
		for i, lhs := range as.Lhs {
			id, isIdent := ast.Unparen(lhs).(*ast.Ident)
			if !isIdent {
				continue
			}
			obj := info.ObjectOf(id)
			up := parentOf(as.Rhs[i])
			switch {
			case obj == p && up != "":
				link = up
			case obj == p:
				ok = isNil(info, as.Rhs[i])
			case up != "" && as.Tok == token.DEFINE:
				parents[obj] = up
			}
		}
		return ok
	})
	if !ok {
		return ""
	}
	return link
}

// childrenOfNode returns the field that the loop at cur ranges over if it
// is a field of a parameter of the function around the loop, which the
// loop body calls again on each element (for _, req := range a.Requires {
// visit(req) }): the loop walks the children of one node of a graph, as
// many times as there are nodes, but few children each; else "".
func childrenOfNode(pass *analysis.Pass, cur inspector.Cursor) string {
	info := pass.TypesInfo
	rng, ok := cur.Node().(*ast.RangeStmt)
	if !ok || rng.Value == nil && rng.Key == nil {
		return ""
	}
	sel, ok := ast.Unparen(rng.X).(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.FieldVal {
		return ""
	}
	node, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return ""
	}
	var fn types.Object
	var ftype *ast.FuncType
	for fnCur := range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn, ftype = funcObject(info, fnCur)
		break
	}
	if fn == nil || !slices.ContainsFunc(ftype.Params.List, func(f *ast.Field) bool {
		return slices.ContainsFunc(f.Names, func(id *ast.Ident) bool { return info.Defs[id] == info.Uses[node] })
	}) {
		return ""
	}
	elem := rng.Value
	if elem == nil {
		elem = rng.Key
	}
	elemVar, ok := elem.(*ast.Ident)
	if !ok || info.Defs[elemVar] == nil {
		return ""
	}
	recurses := astx.Any(rng.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		callee, ok := ast.Unparen(call.Fun).(*ast.Ident)
		return ok && info.Uses[callee] == fn && slices.ContainsFunc(call.Args, func(arg ast.Expr) bool {
			return astx.Mentions(info, arg, info.Defs[elemVar])
		})
	})
	if !recurses {
		return ""
	}
	return short(sel)
}

// funcObject returns the object that names the function at fnCur (a
// declared function, or a local that a literal is assigned to: visit =
// func(...) {...}) and its type; nil if it has no name.
func funcObject(info *types.Info, fnCur inspector.Cursor) (types.Object, *ast.FuncType) {
	switch fn := fnCur.Node().(type) {
	case *ast.FuncDecl:
		return info.Defs[fn.Name], fn.Type
	case *ast.FuncLit:
		as, ok := fnCur.Parent().Node().(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return nil, nil
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok {
			return nil, nil
		}
		return info.ObjectOf(id), fn.Type
	}
	return nil, nil
}

// namedOf returns the named type t is or points to.
func namedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	return named
}

// underlying returns the underlying type of e (a type parameter's core
// type), or nil if it has none (the package has errors).
func underlying(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return typesx.Core(t)
	}
	return nil
}
