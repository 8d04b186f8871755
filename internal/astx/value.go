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
	value := InitialValue(info, fn, v)
	if value == nil || Reassigned(info, fn, v) {
		return nil
	}
	return value
}

// InitialValue returns the value the local variable v is declared with in
// fn, or nil.
func InitialValue(info *types.Info, fn ast.Node, v *types.Var) ast.Expr {
	var value ast.Expr
	ast.Inspect(fn, func(n ast.Node) bool {
		if value == nil {
			value = initialValue(info, n, v)
		}
		return value == nil
	})
	return value
}

// Values returns the values fn gives the local variable v: the one it is
// declared with and those of plain assignments to it (v = x), if fn
// assigns nothing else to v or its parts, nor takes its address. It
// returns nil otherwise, or if v is declared with a value that is not
// its own (one of a call's results, a range's element).
func Values(info *types.Info, fn ast.Node, v *types.Var) []ast.Expr {
	var values []ast.Expr
	plain := make(map[*ast.AssignStmt]bool)
	unpaired := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if value := initialValue(info, n, v); value != nil {
			values = append(values, value)
		} else if declaresWithValue(info, n, v) {
			unpaired = true
		}
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == v {
					values = append(values, as.Rhs[i])
					plain[as] = true
				}
			}
		}
		return true
	})
	if len(values) == 0 || unpaired || reassignedOtherwise(info, fn, v, plain) {
		return nil
	}
	return values
}

// declaresWithValue reports whether n declares v with some value: x, err
// := f(), var a, b = f(), for _, x := range xs.
func declaresWithValue(info *types.Info, n ast.Node, v *types.Var) bool {
	defines := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && info.Defs[id] == v
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Tok == token.DEFINE && slices.ContainsFunc(n.Lhs, defines)
	case *ast.ValueSpec:
		return len(n.Values) > 0 && slices.ContainsFunc(n.Names, func(name *ast.Ident) bool { return defines(name) })
	case *ast.RangeStmt:
		return n.Tok == token.DEFINE && (n.Key != nil && defines(n.Key) || n.Value != nil && defines(n.Value))
	}
	return false
}

// reassignedOtherwise is Reassigned, leaving out the assignments in plain.
func reassignedOtherwise(info *types.Info, fn ast.Node, v *types.Var, plain map[*ast.AssignStmt]bool) bool {
	rooted := func(e ast.Expr) bool {
		id := RootIdent(e)
		return id != nil && info.Uses[id] == v
	}
	return Any(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			return !plain[n] && slices.ContainsFunc(n.Lhs, rooted)
		case *ast.IncDecStmt:
			return rooted(n.X)
		case *ast.RangeStmt:
			return n.Tok == token.ASSIGN && (n.Key != nil && rooted(n.Key) || n.Value != nil && rooted(n.Value))
		case *ast.UnaryExpr:
			return n.Op == token.AND && rooted(n.X)
		}
		return false
	})
}

// Reassigned reports whether fn assigns v (or an element or field of it)
// after its declaration, ranges into it, or takes its address.
func Reassigned(info *types.Info, fn ast.Node, v *types.Var) bool {
	return reassignedOtherwise(info, fn, v, nil)
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

// IsNew reports whether e makes a new value: T{...}, &T{...} or new(T).
func IsNew(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && lit
	case *ast.CallExpr:
		return IsBuiltin(info, e.Fun, "new")
	}
	return false
}

// IsFresh reports whether e makes a value no one else holds: a composite
// literal, a make or nil.
func IsFresh(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		return IsBuiltin(info, e.Fun, "make")
	case *ast.Ident:
		return info.Types[e].IsNil()
	}
	return false
}
