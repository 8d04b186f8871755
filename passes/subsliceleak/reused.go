package subsliceleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/clonefix"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/suppress"
)

// reusedResults are the methods whose result points into their receiver's
// buffer, which the receiver's next read overwrites, with how messages
// name that buffer.
var reusedResults = map[string]string{
	"(*bufio.Scanner).Bytes":    "bufio.Scanner reuses its buffer",
	"(*bufio.Reader).ReadSlice": "bufio.Reader reuses its buffer",
	"(*bufio.Reader).ReadLine":  "bufio.Reader reuses its buffer",
}

// trimmers return a piece of their first argument.
var trimmers = map[string]bool{
	"bytes.TrimSpace": true, "bytes.Trim": true, "bytes.TrimLeft": true, "bytes.TrimRight": true,
	"bytes.TrimPrefix": true, "bytes.TrimSuffix": true, "bytes.TrimFunc": true,
	"bytes.TrimLeftFunc": true, "bytes.TrimRightFunc": true,
}

// A reuse is a result of a reused-buffer read (or a piece of one) kept,
// inside the loop that reads, where it outlives the iteration.
type reuse struct {
	stored ast.Expr // what is kept
	file   *ast.File
	read   *ast.CallExpr // the read whose result it is
	recv   string        // the reader, as written
	where  string        // where it is kept
	why    string        // why the next read overwrites it
}

// checkReused reports results of Scanner.Bytes, Reader.ReadSlice and
// Reader.ReadLine kept past the next read of the same reader: appended to
// a slice, stored in a map, a field or a variable declared outside the
// loop that reads, or sent on a channel. The reader's next read overwrites
// the bytes they point to, so what was kept changes: a correctness bug,
// reported exactly for these stores.
func checkReused(pass *analysis.Pass, rep *suppress.Reporter) {
	insp := lazyinspect.Of(pass)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if rep.Skips(file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			for _, r := range reusesOf(pass, cur) {
				r.file = file
				rep.Report(r.diagnostic(pass), cost.Estimate{Tier: cost.High, Evidence: "the kept bytes change on the next read"})
			}
		}
	}
}

// reusesOf returns the places where the result of the read at cur, if it
// is one of reusedResults inside a loop that reads again from the same
// reader, is kept past the iteration.
func reusesOf(pass *analysis.Pass, cur inspector.Cursor) []*reuse {
	call := cur.Node().(*ast.CallExpr)
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil
	}
	why := reusedResults[knownName(fn)]
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if why == "" || !isSel {
		return nil
	}
	recv := types.ExprString(sel.X)
	loop, ok := innermostLoop(cur)
	if !ok || !readsAgain(pass, loop.Node(), recv) {
		return nil
	}
	views := viewsOf(pass, cur, loop)
	var found []*reuse
	for stmtCur := range loop.Preorder((*ast.AssignStmt)(nil), (*ast.SendStmt)(nil)) {
		for _, k := range keptViews(pass, stmtCur, loop, views, call, recv) {
			k.read, k.recv, k.why = call, recv, why
			found = append(found, k)
		}
	}
	return found
}

// innermostLoop returns the innermost for or range statement around cur,
// within its function.
func innermostLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return c, true
		}
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, false
}

// readsAgain reports whether loop calls a reading method (Scan, Read...,
// Peek, Discard) of the reader written recv.
func readsAgain(pass *analysis.Pass, loop ast.Node, recv string) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && types.ExprString(sel.X) == recv {
			name := sel.Sel.Name
			found = name == "Scan" || strings.HasPrefix(name, "Read") || name == "Peek" || name == "Discard"
		}
		return !found
	})
	return found
}

// viewsOf returns the local variables declared inside loop that hold the
// result of the read at cur, or a piece of it, and nothing else.
func viewsOf(pass *analysis.Pass, cur inspector.Cursor, loop inspector.Cursor) map[*types.Var]bool {
	info := pass.TypesInfo
	views := make(map[*types.Var]bool)
	read := cur.Node().(*ast.CallExpr)
	assigned := make(map[*types.Var][]ast.Expr) // every value each variable is given, nil if unknown
	for c := range loop.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		for i, l := range as.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			var rhs ast.Expr
			switch {
			case len(as.Rhs) == len(as.Lhs):
				rhs = as.Rhs[i]
			case i == 0 && len(as.Rhs) == 1:
				rhs = as.Rhs[0] // line, err := r.ReadSlice('\n')
			}
			assigned[v] = append(assigned[v], rhs)
		}
	}
	for changed := true; changed; {
		changed = false
		for v, values := range assigned {
			if views[v] || v.Pos() < loop.Node().Pos() || v.Pos() >= loop.Node().End() {
				continue
			}
			if !slices.ContainsFunc(values, func(e ast.Expr) bool { return !isView(info, e, read, views) }) {
				views[v] = true
				changed = true
			}
		}
	}
	return views
}

// isView reports whether e is the read, a view variable, a slice of one of
// these or a trimmed one (bytes.TrimSpace).
func isView(info *types.Info, e ast.Expr, read *ast.CallExpr, views map[*types.Var]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if e == read {
			return true
		}
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok && trimmers[knownName(fn)] && len(e.Args) > 0 {
			return isView(info, e.Args[0], read, views)
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		return ok && views[v]
	case *ast.SliceExpr:
		return isView(info, e.X, read, views)
	}
	return false
}

// keptViews returns the views that the statement at cur keeps past the
// iteration: appended to a slice declared outside the loop, stored in a
// map, field or variable declared outside it, or sent on a channel.
func keptViews(pass *analysis.Pass, cur inspector.Cursor, loop inspector.Cursor, views map[*types.Var]bool, read *ast.CallExpr, recv string) []*reuse {
	info := pass.TypesInfo
	outside := func(e ast.Expr) bool {
		id := astx.RootIdent(e)
		if id == nil {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && (v.Pos() < loop.Node().Pos() || v.Pos() >= loop.Node().End())
	}
	var found []*reuse
	keep := func(e ast.Expr, where string) {
		for _, part := range parts(e) {
			if isView(info, part, read, views) {
				found = append(found, &reuse{stored: part, where: where})
			}
		}
	}
	switch s := cur.Node().(type) {
	case *ast.SendStmt:
		keep(s.Value, "sent on "+types.ExprString(s.Chan))
	case *ast.AssignStmt:
		if len(s.Lhs) != len(s.Rhs) || s.Tok != token.ASSIGN {
			return nil
		}
		for i, l := range s.Lhs {
			if !outside(l) {
				continue
			}
			r := ast.Unparen(s.Rhs[i])
			if call, ok := r.(*ast.CallExpr); ok && isAppend(info, call) && !call.Ellipsis.IsValid() {
				for _, arg := range call.Args[1:] {
					keep(arg, "appended to "+types.ExprString(l))
				}
				continue
			}
			if _, isIdent := ast.Unparen(l).(*ast.Ident); (isIdent || sameOwner(info, l, read)) && leavesLoop(pass, cur, loop, recv) {
				// Kept once, and the loop ends: no next read overwrites
				// it. A field of the reader's own owner is its current
				// line (r.line = line; return true), replaced by the next
				// call that reads, as a Scanner's Bytes is.
				continue
			}
			keep(r, "kept in "+types.ExprString(l))
		}
	}
	return found
}

// sameOwner reports whether the field l and the reader of read hang from
// one variable: r.line and r.s.Bytes().
func sameOwner(info *types.Info, l ast.Expr, read *ast.CallExpr) bool {
	sel, ok := ast.Unparen(read.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	a, b := astx.RootIdent(l), astx.RootIdent(sel.X)
	return a != nil && b != nil && a != ast.Unparen(l) && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
}

// parts returns e and, for a composite literal (or its address), the
// values it is built from: item{name: line} keeps line.
func parts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return []ast.Expr{e}
	}
	out := make([]ast.Expr, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		out = append(out, ast.Unparen(elt))
	}
	return out
}

func isAppend(info *types.Info, call *ast.CallExpr) bool {
	return astx.IsBuiltin(info, call.Fun, "append") && len(call.Args) > 1
}

// leavesLoop reports whether the statement at cur, directly in loop (not
// in a loop inside it), is followed by leaving loop before a continue or
// another read from recv: then no next read overwrites what it keeps.
func leavesLoop(pass *analysis.Pass, cur, loop inspector.Cursor, recv string) bool {
	if inner, ok := innermostLoop(cur); !ok || inner.Node() != loop.Node() {
		return false // in a function literal of the loop, run at any time
	}
	return astx.LeavesBefore(pass.TypesInfo, cur, loop, func(s ast.Stmt) bool {
		return continues(s) || readsAgain(pass, s, recv)
	})
}

// continues reports whether n holds a continue that is not inside a loop
// or function of its own.
func continues(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.CONTINUE
		}
		return !found
	})
	return found
}

func (r *reuse) diagnostic(pass *analysis.Pass) analysis.Diagnostic {
	read := types.ExprString(r.read)
	next := "the next read from " + r.recv
	if strings.HasSuffix(read, ".Bytes()") {
		next = "the next " + r.recv + ".Scan()"
	}
	what := types.ExprString(r.stored)
	if what != read {
		what += " (from " + read + ")"
	}
	d := analysis.Diagnostic{
		Pos: r.stored.Pos(),
		End: r.stored.End(),
		Message: fmt.Sprintf("%s is %s, past %s, which overwrites the bytes it points to (%s): what was kept changes; keep a copy",
			what, r.where, next, r.why),
	}
	fix, fn, why := clonefix.Fix(pass, r.file, r.stored)
	if fix == nil {
		d.Message += " (no automatic fix: " + why + ")"
		return d
	}
	d.Message += " with " + fn
	d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	return d
}
