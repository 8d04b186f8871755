package subsliceleak

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// A helper is a function of the analysed package that returns a piece of
// one of its parameters and does nothing else with it that could keep,
// write or hand it on: "func firstLine(b []byte) []byte". A call of it on
// a buffer is a piece of that buffer, as a slice expression would be.
//
// Helpers are found from syntax and types, once per package, so that they
// work where analysis facts do not (the language server).
type helper struct {
	param    int   // the parameter sliced, numbered as in source (receiver excluded)
	length   int64 // the piece's constant length, or unknownLength
	searched bool  // every piece ends where a search (bytes.IndexByte) found a separator
}

// arg returns the index of the sliced parameter among an SSA call's
// arguments, where a static method call passes its receiver first.
func (h helper) arg(fn *types.Func) int {
	if fn.Signature().Recv() != nil {
		return h.param + 1
	}
	return h.param
}

// findHelpers returns the helpers among the package's functions. Only
// functions with one result, of the sliced parameter's type, qualify: those
// returning several pieces (a token and the rest, a list of fields) split
// their input into pieces that together cover it.
func findHelpers(pass *analysis.Pass) map[*types.Func]helper {
	helpers := make(map[*types.Func]helper)
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Signature()
			if sig.Results().Len() != 1 || !isSliceOrString(sig.Results().At(0).Type()) {
				continue
			}
			for i := range sig.Params().Len() {
				p := sig.Params().At(i)
				// A variadic parameter is usually a slice the call packs anew.
				if sig.Variadic() && i == sig.Params().Len()-1 || !types.Identical(p.Type(), sig.Results().At(0).Type()) {
					continue
				}
				if h, ok := returnsPieceOf(pass.TypesInfo, fd, p); ok {
					h.param = i
					helpers[fn] = h
					break
				}
			}
		}
	}
	return helpers
}

// returnsPieceOf reports whether fd returns, on some path, a bounded piece
// p[lo:hi] of p, and on the others p itself or nil or "", and otherwise only
// reads p. The helper it returns has the piece's length when constant on
// every path, and whether every piece ends at a search's result.
func returnsPieceOf(info *types.Info, fd *ast.FuncDecl, p *types.Var) (helper, bool) {
	found := searchResults(info, fd)
	isP := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == p
	}
	length, pieces, ok, searched := int64(unknownLength), 0, true, true
	allowed := make(map[*ast.Ident]bool) // uses of p judged by their context
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			// A closure could keep p.
			if astx.Mentions(info, n, p) {
				ok = false
			}
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = ok && !mentionsAny(info, n.Results, p)
				return true
			}
			switch r := ast.Unparen(n.Results[0]).(type) {
			case *ast.SliceExpr:
				if !isP(r.X) {
					break
				}
				if r.High == nil || astx.CallsLen(info, r.High) {
					ok = false // a suffix may be most of p
					return false
				}
				searched = searched && endsAtSearch(info, r.High, found)
				n := constSpan(info, r)
				if pieces == 0 {
					length = n
				} else if length != n {
					length = unknownLength
				}
				pieces++
				allowed[ast.Unparen(r.X).(*ast.Ident)] = true
			case *ast.Ident:
				if isP(r) {
					length = unknownLength
					allowed[r] = true
				}
			}
		case *ast.CallExpr:
			// Calls of the standard library that answer a number, a bool
			// or a string (len, bytes.IndexByte, strings.HasPrefix) only
			// read p.
			if typesx.ReadsOnly(info, n) {
				for _, a := range n.Args {
					if isP(a) {
						allowed[ast.Unparen(a).(*ast.Ident)] = true
					}
				}
			}
		case *ast.IndexExpr:
			if isP(n.X) {
				allowed[ast.Unparen(n.X).(*ast.Ident)] = true
			}
		case *ast.RangeStmt:
			if isP(n.X) {
				allowed[ast.Unparen(n.X).(*ast.Ident)] = true
			}
		case *ast.AssignStmt:
			// Writes into p (p[i] = x) would not reach a clone.
			for _, l := range n.Lhs {
				if ix, isIx := ast.Unparen(l).(*ast.IndexExpr); isIx && isP(ix.X) {
					ok = false
				}
			}
		case *ast.IncDecStmt:
			if ix, isIx := ast.Unparen(n.X).(*ast.IndexExpr); isIx && isP(ix.X) {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && astx.Mentions(info, n.X, p) {
				ok = false
			}
		case *ast.Ident:
			if info.Uses[n] == p && !allowed[n] {
				ok = false
			}
		}
		return ok
	})
	return helper{length: length, searched: searched}, ok && pieces > 0
}

// isSearch reports whether fn finds the first occurrence of something in
// a byte slice or string, like bytes.IndexByte and strings.Index.
func isSearch(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "bytes" && fn.Pkg().Path() != "strings" || fn.Signature().Recv() != nil {
		return false
	}
	return strings.HasPrefix(fn.Name(), "Index")
}

// searchResults returns the local variables of fd that are only ever
// assigned the result of a search.
func searchResults(info *types.Info, fd *ast.FuncDecl) map[types.Object]bool {
	result := make(map[types.Object]bool)
	other := make(map[types.Object]bool)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				obj := info.ObjectOf(id)
				if len(n.Lhs) == len(n.Rhs) && isSearchCall(info, n.Rhs[i]) && n.Tok != token.ADD_ASSIGN && n.Tok != token.SUB_ASSIGN {
					result[obj] = true
				} else {
					other[obj] = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := n.X.(*ast.Ident); ok {
				other[info.ObjectOf(id)] = true
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					other[info.ObjectOf(id)] = true
				}
			}
		}
		return true
	})
	for obj := range other {
		delete(result, obj)
	}
	return result
}

func isSearchCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && isSearch(fn)
}

// endsAtSearch reports whether hi is a search's result, give or take a
// constant.
func endsAtSearch(info *types.Info, hi ast.Expr, found map[types.Object]bool) bool {
	for {
		b, ok := ast.Unparen(hi).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD && b.Op != token.SUB || info.Types[b.Y].Value == nil {
			break
		}
		hi = b.X
	}
	if id, ok := ast.Unparen(hi).(*ast.Ident); ok {
		return found[info.Uses[id]]
	}
	return isSearchCall(info, hi)
}

// constSpan returns hi-lo of a slice expression with constant bounds, or
// unknownLength.
func constSpan(info *types.Info, e *ast.SliceExpr) int64 {
	lo := int64(0)
	if e.Low != nil {
		n, ok := intConstant(info.Types[e.Low].Value)
		if !ok {
			return unknownLength
		}
		lo = n
	}
	hi, ok := intConstant(info.Types[e.High].Value)
	if !ok || hi <= lo {
		return unknownLength
	}
	return hi - lo
}

func mentionsAny(info *types.Info, exprs []ast.Expr, v *types.Var) bool {
	for _, e := range exprs {
		if astx.Mentions(info, e, v) {
			return true
		}
	}
	return false
}
