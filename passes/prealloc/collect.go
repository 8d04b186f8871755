package prealloc

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/imports"
	"github.com/memlint/memlint/internal/sizeexpr"
	"github.com/memlint/memlint/internal/typesx"
)

// checkCollect reports slices.Collect, slices.Sorted or slices.SortedFunc
// of maps.Keys(m) or maps.Values(m): the result grows by appending one
// element at a time, though len(m) is known before the first.
func (c *checker) checkCollect(cur inspector.Cursor) {
	info := c.pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	pkg, collector := typesx.Callee(info, call)
	if pkg != "slices" || collector != "Collect" && collector != "Sorted" && collector != "SortedFunc" || len(call.Args) == 0 {
		return
	}
	seq, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok || len(seq.Args) != 1 {
		return
	}
	if pkg, lister := typesx.Callee(info, seq); pkg != "maps" || lister != "Keys" && lister != "Values" {
		return
	}
	m := seq.Args[0]
	if !sizeexpr.Reevaluable(m) {
		return // a call: len would run it twice
	}
	elem := typesx.ListElem(info.TypeOf(call)) // Collect and Sorted return a slice
	if elem == nil {
		return
	}
	est := c.collectEstimate(cur, m, collector != "Collect" || c.sortedNext(cur))
	mText, seqText := c.src.Text(m), c.src.Text(seq)
	diag := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s appends one element at a time, growing its result ~log2(n) times, though len(%s) is known: collect into a slice with that capacity, slices.AppendSeq(make([]%s, 0, len(%s)), %s)",
			c.src.Text(call), mText, types.TypeString(elem, typesx.Qualifier(c.pass.Pkg)), mText, seqText),
	}
	if collector != "Collect" {
		diag.Message += ", and sort that"
	}
	if fix, why := c.collectFix(cur, collector, elem, mText, seqText); fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
	} else {
		diag.Message += " (no automatic fix: " + why + ")"
	}
	c.rep.Report(diag, est)
}

// sortedNext reports whether the collection at cur is assigned to a
// variable that the next statement sorts (keys := slices.Collect(...);
// slices.Sort(keys)): the keys are sorted, as by slices.Sorted.
func (c *checker) sortedNext(cur inspector.Cursor) bool {
	assign, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(assign.Lhs) != 1 {
		return false
	}
	list, i := astx.StmtList(cur.Parent())
	if list == nil || i+1 >= len(list) {
		return false
	}
	next, ok := list[i+1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(next.X).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || types.ExprString(call.Args[0]) != types.ExprString(assign.Lhs[0]) {
		return false
	}
	pkg, name := typesx.Callee(c.pass.TypesInfo, call)
	return pkg == "sort" || pkg == "slices" && strings.HasPrefix(name, "Sort")
}

// collectEstimate rates a collection of the entries of m at cur: medium
// where the code runs per request or I/O call, low elsewhere. A map's
// keys are collected to sort them for a deterministic order, or to hand
// a snapshot of a registry (subscriptions, registered drivers) to a
// caller, and those maps are usually a few entries: a header's fields, a
// query's parameters, a client's channels.
func (c *checker) collectEstimate(cur inspector.Cursor, m ast.Expr, sorted bool) cost.Estimate {
	if v, ok := c.pass.TypesInfo.Uses[astx.RootIdent(m)].(*types.Var); ok && c.tables[v] {
		return cost.Estimate{Tier: cost.Low, Evidence: "a count fixed by the code"}
	}
	switch freq := c.model.At(c.pass, cur, policy); {
	case freq.Level == cost.Cold:
		return cost.Estimate{Tier: cost.Low, Evidence: freq.Reason}
	case freq.Level == cost.Hot:
		return cost.Estimate{Tier: cost.Medium, Evidence: freq.Reason}
	case sorted:
		return cost.Estimate{Tier: cost.Low, Evidence: "sorted for a deterministic order: the sort costs more than the growth"}
	}
	return cost.Estimate{Tier: cost.Low, Evidence: "a snapshot of a map, where the package does not show a request path"}
}

// collectFix replaces a Collect with slices.AppendSeq into a slice grown
// to len(m), and a Sorted that is the value of a one-variable assignment
// with that and a sort of the variable. slices.Grow of a nil slice by
// zero is nil, so an empty map still gives a nil slice.
func (c *checker) collectFix(cur inspector.Cursor, collector string, elem types.Type, mText, seqText string) (*analysis.SuggestedFix, string) {
	call := cur.Node().(*ast.CallExpr)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, "slices is dot-imported"
	}
	slicesName := sel.X.(*ast.Ident).Name // a qualified name: pkg.Func
	elemText, why := c.typeText(elem, call.Pos())
	if why != "" {
		return nil, why
	}
	collected := fmt.Sprintf("%s.AppendSeq(%s.Grow([]%s(nil), len(%s)), %s)", slicesName, slicesName, elemText, mText, seqText)
	if collector == "Collect" {
		return &analysis.SuggestedFix{
			Message:   "Collect into a slice with capacity len(" + mText + ")",
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(collected)}},
		}, ""
	}
	assign, ok := cur.Parent().Node().(*ast.AssignStmt)
	if list, _ := astx.StmtList(cur.Parent()); !ok || list == nil || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return nil, "the sorted slice is not assigned to a variable, which a sort could then take"
	}
	target, ok := ast.Unparen(assign.Lhs[0]).(*ast.Ident)
	if !ok || target.Name == "_" {
		return nil, "the sorted slice is not assigned to a variable, which a sort could then take"
	}
	sort := slicesName + ".Sort(" + target.Name + ")"
	if collector == "SortedFunc" {
		cmp := call.Args[1]
		if !sizeexpr.Reevaluable(cmp) && !isFuncLit(cmp) {
			return nil, "the comparison is computed by a call, which would then run after the keys are collected"
		}
		sort = slicesName + ".SortFunc(" + target.Name + ", " + c.src.Text(cmp) + ")"
	}
	// The sort goes on a line of its own after the assignment's, below a
	// comment at the end of that line.
	tf := c.pass.Fset.File(assign.End())
	line := tf.Line(assign.End())
	if line >= tf.LineCount() {
		return nil, "the assignment ends the file"
	}
	eol := tf.LineStart(line+1) - 1
	return &analysis.SuggestedFix{
		Message: "Collect into a slice with capacity len(" + mText + "), then sort it",
		TextEdits: []analysis.TextEdit{
			{Pos: call.Pos(), End: call.End(), NewText: []byte(collected)},
			{Pos: eol, End: eol, NewText: []byte("\n" + c.src.Indent(assign.Pos()) + sort)},
		},
	}, ""
}

// typeText writes t as the file can name it at pos, or says why it
// cannot: a package of t that the file does not import.
func (c *checker) typeText(t types.Type, pos token.Pos) (string, string) {
	why := ""
	text := types.TypeString(t, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		name, needImport, reason := imports.Name(c.pass, c.file, pos, p.Path())
		switch {
		case reason != "":
			why = "the element type's package " + p.Path() + ": " + reason
		case needImport:
			why = "the element type's package " + p.Path() + " is not imported in this file"
		}
		return name
	})
	return text, why
}

func isFuncLit(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.FuncLit)
	return ok
}
