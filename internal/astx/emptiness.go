package astx

import (
	"go/ast"
	"go/token"
	"go/types"
)

// SaysLen reports whether cond says a length is zero (zero set) or above
// zero: len(s) == 0, or len(s) > 0, len(s) != 0, len(s) >= 1 and their
// mirror images; for zero, also as one operand of an || chain (if len(a)
// == 0 || len(s) == 0 { return }), else of an && chain. is tells the
// length meant from the expression compared.
func SaysLen(info *types.Info, cond ast.Expr, zero bool, is func(length ast.Expr) bool) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if zero && bin.Op == token.LOR || !zero && bin.Op == token.LAND {
		return SaysLen(info, bin.X, zero, is) || SaysLen(info, bin.Y, zero, is)
	}
	var length ast.Expr
	switch {
	case zero && bin.Op == token.EQL && IsIntConst(info, bin.Y, 0),
		!zero && (bin.Op == token.GTR || bin.Op == token.NEQ) && IsIntConst(info, bin.Y, 0),
		!zero && bin.Op == token.GEQ && IsIntConst(info, bin.Y, 1):
		length = bin.X
	case zero && bin.Op == token.EQL && IsIntConst(info, bin.X, 0),
		!zero && (bin.Op == token.LSS || bin.Op == token.NEQ) && IsIntConst(info, bin.X, 0),
		!zero && bin.Op == token.LEQ && IsIntConst(info, bin.X, 1):
		length = bin.Y
	}
	return length != nil && is(ast.Unparen(length))
}

// ReturnsWhenEmpty reports whether one of stmts is an if, without init or
// else, whose body ends in a return and whose condition says the length
// is tells is zero (if len(s) == 0 { return nil }): the code after it
// runs only for a non-empty s.
func ReturnsWhenEmpty(info *types.Info, stmts []ast.Stmt, is func(length ast.Expr) bool) bool {
	for _, stmt := range stmts {
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 || !SaysLen(info, ifs.Cond, true, is) {
			continue
		}
		if _, returns := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); returns {
			return true
		}
	}
	return false
}
