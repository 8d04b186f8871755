package subsliceleak

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/clonefix"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesx"
)

// A shared copy is a string a function makes once from its []byte
// parameter (s := string(p[i:])) and then cuts, in a loop, into the keys
// or values of a map that it returns or hands on: "one allocation for all
// strings". Every entry keeps the whole copy alive, the bytes between the
// pieces (length prefixes, separators) included, so a caller that keeps
// one entry, or deletes some, keeps all of it. Cloning each piece where
// it is cut leaves the copy garbage when the function returns.
type sharedCopy struct {
	fn        *ast.FuncDecl
	file      *ast.File
	copy      *types.Var // s
	loop      ast.Node
	pieceVars map[*types.Var]bool // variables of the loop holding pieces
	holders   map[*types.Var]bool // slices declared outside the loop whose elements are given pieces
}

// checkSharedCopies reports the pieces of shared copies stored in maps
// that leave the function.
func checkSharedCopies(pass *analysis.Pass, rep *suppress.Reporter, model *cost.Model) {
	insp := lazyinspect.Of(pass)
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if rep.Skips(file) {
			continue
		}
		for fdCur := range fileCur.Preorder((*ast.FuncDecl)(nil)) {
			fd := fdCur.Node().(*ast.FuncDecl)
			if fd.Body == nil || !hasByteSliceParam(pass.TypesInfo, fd) {
				continue
			}
			for _, d := range sharedCopyPieces(pass, fd, file) {
				rep.Report(d, model.Func(pass, fd).Rate("each kept entry keeps the whole copy alive"))
			}
		}
	}
}

// hasByteSliceParam reports whether fd has a []byte parameter, which a
// shared copy copies.
func hasByteSliceParam(info *types.Info, fd *ast.FuncDecl) bool {
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if typesx.IsByteSlice(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// sharedCopyPieces returns the diagnostics of the shared copies of fd.
func sharedCopyPieces(pass *analysis.Pass, fd *ast.FuncDecl, file *ast.File) []analysis.Diagnostic {
	info := pass.TypesInfo
	defs := assignmentsIn(info, fd.Body)
	var found []analysis.Diagnostic
	for _, v := range slices.SortedFunc(maps.Keys(defs), func(x, y *types.Var) int { return cmp.Compare(x.Pos(), y.Pos()) }) {
		values := defs[v]
		if len(values) != 1 || !isCopyOfParam(info, fd, values[0]) {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if v.Pos() < n.Pos() || v.Pos() >= n.End() {
					sc := &sharedCopy{fn: fd, file: file, copy: v, loop: n}
					found = append(found, sc.diagnostics(pass, defs)...)
					return false
				}
			}
			return true
		})
	}
	return found
}

// assignmentsIn returns every value each local variable of body is given
// (nil for a value it cannot name, as the second result of a call).
func assignmentsIn(info *types.Info, body *ast.BlockStmt) map[*types.Var][]ast.Expr {
	defs := make(map[*types.Var][]ast.Expr)
	add := func(id *ast.Ident, rhs ast.Expr) {
		if v, ok := info.ObjectOf(id).(*types.Var); ok && body.Pos() <= v.Pos() && v.Pos() < body.End() {
			defs[v] = append(defs[v], rhs)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					var rhs ast.Expr
					if len(n.Lhs) == len(n.Rhs) && n.Tok != token.ADD_ASSIGN {
						rhs = n.Rhs[i]
					}
					add(id, rhs)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				var rhs ast.Expr
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				}
				add(id, rhs)
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					add(id, nil)
				}
			}
		}
		return true
	})
	return defs
}

// isCopyOfParam reports whether e is string(p) or string(p[i:j]) of a
// []byte parameter p of fd.
func isCopyOfParam(info *types.Info, fd *ast.FuncDecl, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || info.TypeOf(call) == nil || !types.Identical(info.TypeOf(call), types.Typ[types.String]) {
		return false
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
		return false
	}
	arg := ast.Unparen(call.Args[0])
	if s, ok := arg.(*ast.SliceExpr); ok {
		arg = ast.Unparen(s.X)
	}
	id, ok := arg.(*ast.Ident)
	if !ok || info.TypeOf(id) == nil || !typesx.IsByteSlice(info.TypeOf(id)) {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pos() >= fd.Type.Pos() && v.Pos() < fd.Type.End()
}

// diagnostics returns the pieces of the copy that the loop stores in a
// map that leaves the function, directly or as the elements of a slice
// whose elements (or their addresses) the map holds.
func (sc *sharedCopy) diagnostics(pass *analysis.Pass, defs map[*types.Var][]ast.Expr) []analysis.Diagnostic {
	info := pass.TypesInfo
	inLoop := func(v *types.Var) bool { return sc.loop.Pos() <= v.Pos() && v.Pos() < sc.loop.End() }
	sc.pieceVars = make(map[*types.Var]bool)
	for v, values := range defs {
		if inLoop(v) && !slices.ContainsFunc(values, func(e ast.Expr) bool { return sc.piece(info, e) == nil }) {
			sc.pieceVars[v] = true
		}
	}
	// Slices outside the loop given pieces: valueStrings[i] = s[a:b].
	sc.holders = make(map[*types.Var]bool)
	holderPieces := make(map[*types.Var][]*ast.SliceExpr)
	ast.Inspect(sc.loop, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			ix, ok := ast.Unparen(l).(*ast.IndexExpr)
			if !ok {
				continue
			}
			id, ok := ast.Unparen(ix.X).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.Uses[id].(*types.Var)
			if !ok || inLoop(v) {
				continue
			}
			if _, isSlice := v.Type().Underlying().(*types.Slice); !isSlice {
				continue
			}
			if p := sc.piece(info, as.Rhs[i]); p != nil {
				sc.holders[v] = true
				holderPieces[v] = append(holderPieces[v], p)
			}
		}
		return true
	})
	var pieces []*ast.SliceExpr
	var maps []string
	ast.Inspect(sc.loop, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			ix, ok := ast.Unparen(l).(*ast.IndexExpr)
			if !ok || !isMap(info.TypeOf(ix.X)) || !sc.leaves(pass, ix.X) {
				continue
			}
			stored := false
			for _, e := range []ast.Expr{ix.Index, as.Rhs[i]} {
				if p := sc.piece(info, e); p != nil {
					pieces = append(pieces, p)
					stored = true
				} else if pv := sc.pieceVarPieces(info, e, defs); pv != nil {
					pieces = append(pieces, pv...)
					stored = true
				} else if h := sc.heldElement(info, e); h != nil {
					pieces = append(pieces, holderPieces[h]...)
					stored = true
				}
			}
			if stored && !slices.Contains(maps, types.ExprString(ix.X)) {
				maps = append(maps, types.ExprString(ix.X))
			}
		}
		return true
	})
	var ds []analysis.Diagnostic
	seen := make(map[*ast.SliceExpr]bool)
	slices.SortFunc(pieces, func(x, y *ast.SliceExpr) int { return cmp.Compare(x.Pos(), y.Pos()) })
	for _, p := range pieces {
		if seen[p] {
			continue
		}
		seen[p] = true
		d := analysis.Diagnostic{
			Pos: p.Pos(),
			End: p.End(),
			Message: fmt.Sprintf("%s is a piece of %s, one string copied from the parameter for all the entries of %s: each entry the caller keeps keeps the whole copy alive, the bytes between the pieces included",
				types.ExprString(p), sc.copy.Name(), maps[0]),
		}
		fix, fn, why := clonefix.Fix(pass, sc.file, p)
		if fix == nil {
			d.Message += "; copy each piece (no automatic fix: " + why + ")"
		} else {
			d.Message += "; copy each piece with " + fn
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		ds = append(ds, d)
	}
	return ds
}

// piece returns the slice expression of the copy that e is, through
// string conversions (which do not copy a string), or nil.
func (sc *sharedCopy) piece(info *types.Info, e ast.Expr) *ast.SliceExpr {
	switch e := ast.Unparen(e).(type) {
	case *ast.SliceExpr:
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && info.Uses[id] == sc.copy {
			return e
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 && types.Identical(tv.Type, types.Typ[types.String]) {
			return sc.piece(info, e.Args[0])
		}
	}
	return nil
}

// pieceVarPieces returns the pieces that e, a variable of the loop that
// holds only pieces, is given.
func (sc *sharedCopy) pieceVarPieces(info *types.Info, e ast.Expr, defs map[*types.Var][]ast.Expr) []*ast.SliceExpr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !sc.pieceVars[v] {
		return nil
	}
	var out []*ast.SliceExpr
	for _, value := range defs[v] {
		out = append(out, sc.piece(info, value))
	}
	return out
}

// heldElement returns the holder whose element (or its address) e is.
func (sc *sharedCopy) heldElement(info *types.Info, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	ix, ok := e.(*ast.IndexExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || !sc.holders[v] {
		return nil
	}
	return v
}

// leaves reports whether the map m, a local variable made in the function,
// is returned, given to a call or stored in a field.
func (sc *sharedCopy) leaves(pass *analysis.Pass, m ast.Expr) bool {
	info := pass.TypesInfo
	id, ok := ast.Unparen(m).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pos() < sc.fn.Body.Pos() || v.Pos() >= sc.fn.Body.End() {
		return false
	}
	is := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
				e = ast.Unparen(call.Args[0]) // Hstore(m)
			}
		}
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(sc.fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			found = found || slices.ContainsFunc(n.Results, is)
		case *ast.CallExpr:
			if _, builtin := info.Uses[calleeIdent(n)].(*types.Builtin); !builtin {
				found = found || slices.ContainsFunc(n.Args, is)
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if _, field := ast.Unparen(l).(*ast.SelectorExpr); field && len(n.Rhs) == len(n.Lhs) && is(n.Rhs[i]) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}

func isMap(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}
