package astx

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// FixedValue returns the value the local variable v is declared with in
// fn, if fn never assigns v (or an element or field of it) again nor takes
// its address: what v holds wherever fn reads it. It is nil otherwise.
func FixedValue(info *types.Info, fn ast.Node, v *types.Var) ast.Expr {
	var value ast.Expr
	ast.Inspect(fn, func(n ast.Node) bool {
		if value == nil {
			value = initialValue(info, n, v)
		}
		return value == nil
	})
	if value == nil || Reassigned(info, fn, v) {
		return nil
	}
	return value
}

// initialValue returns the value n gives v if n declares v with one.
func initialValue(info *types.Info, n ast.Node, v *types.Var) ast.Expr {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
			for i, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
					return n.Rhs[i]
				}
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) == len(n.Values) {
			for i, name := range n.Names {
				if info.Defs[name] == v {
					return n.Values[i]
				}
			}
		}
	}
	return nil
}

// Reassigned reports whether fn assigns v (or an element or field of it)
// after its declaration, ranges into it, or takes its address.
func Reassigned(info *types.Info, fn ast.Node, v *types.Var) bool {
	rooted := func(e ast.Expr) bool {
		id := RootIdent(e)
		return id != nil && info.Uses[id] == v
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || slices.ContainsFunc(n.Lhs, rooted)
		case *ast.IncDecStmt:
			found = found || rooted(n.X)
		case *ast.RangeStmt:
			found = found || n.Tok == token.ASSIGN && (n.Key != nil && rooted(n.Key) || n.Value != nil && rooted(n.Value))
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && rooted(n.X)
		}
		return !found
	})
	return found
}

// AssignedTo returns what the value at cur is assigned to, if it is the
// right-hand side of one of an assignment's pairs (x.f = x.f[1:]), or nil.
func AssignedTo(cur inspector.Cursor) ast.Expr {
	kind, idx := cur.ParentEdge()
	if kind != edge.AssignStmt_Rhs {
		return nil
	}
	as := cur.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	return as.Lhs[idx]
}
