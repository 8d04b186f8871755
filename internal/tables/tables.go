// Package tables finds a package's tables: package variables initialized
// with a composite literal. Their length is written in the source, not set
// by input, so loops over them are short and of constant length.
package tables

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"maps"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
)

// Of returns the tables of the package of pass: the package variables
// initialized with a composite literal (or appends of them and of such
// tables: append(append([]T{a}, images...), indexes...)), slices declared without a value
// that only init sets, to composite literals (init() { ops = []op{...} }),
// and those built once by a call given only literals (var builtins =
// buildMap([]builtin{...})) that the package never changes afterwards.
func Of(pass *analysis.Pass, insp *inspector.Inspector) map[*types.Var]bool {
	tables := make(map[*types.Var]bool)
	built := make(map[*types.Var]bool)
	unset := make(map[*types.Var]bool)
	calls := make(map[*types.Var]*ast.CallExpr)
	for v, value := range packageVars(pass) {
		switch value := ast.Unparen(value).(type) {
		case nil:
			if _, ok := v.Type().Underlying().(*types.Slice); ok {
				unset[v] = true
			}
		case *ast.CompositeLit:
			tables[v] = true
		case *ast.CallExpr:
			calls[v] = value
		}
	}
	literal := maps.Clone(tables) // not those the loop adds, in no set order
	for v, call := range calls {
		switch {
		case !builtFromLiterals(pass.TypesInfo, call, literal):
		case astx.IsBuiltin(pass.TypesInfo, call.Fun, "append"):
			tables[v] = true // a literal written in parts
		default:
			built[v] = true
		}
	}
	for v := range setByInit(pass, insp, unset) {
		tables[v] = true
	}
	if len(built) == 0 {
		return tables
	}
	changes := changed(pass, built, true)
	for v := range built {
		if !changes[v] {
			tables[v] = true
		}
	}
	return tables
}

// builtFromLiterals reports whether call, not a conversion, is given at
// least one composite literal, or such a call, and otherwise only
// constants and literal tables: what it returns is made from lists
// written in the source (append(append([]T{a, b}, images...), indexes...)).
func builtFromLiterals(info *types.Info, call *ast.CallExpr, tables map[*types.Var]bool) bool {
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	literal := false
	for _, arg := range call.Args {
		switch arg := ast.Unparen(arg).(type) {
		case *ast.CompositeLit:
			literal = true
		case *ast.CallExpr:
			if !builtFromLiterals(info, arg, tables) {
				return false
			}
			literal = true
		case *ast.Ident:
			if v, ok := info.Uses[arg].(*types.Var); !ok || !tables[v] && info.Types[arg].Value == nil {
				return false
			}
		default:
			if info.Types[arg].Value == nil {
				return false
			}
		}
	}
	return literal
}

func isCompositeLit(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok
}

// setByInit returns those of the slices vars that the package sets only
// in init functions, each time to a composite literal, and never appends
// to nor addresses: their length is written in the source. Stores into
// their elements (ops[i].symbol = ...) leave it as it is.
func setByInit(pass *analysis.Pass, insp *inspector.Inspector, vars map[*types.Var]bool) map[*types.Var]bool {
	if len(vars) == 0 {
		return nil
	}
	info := pass.TypesInfo
	set := make(map[*types.Var]bool)
	other := make(map[*types.Var]bool)
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if v, _ := info.Uses[id].(*types.Var); !ok || !vars[v] {
					continue
				} else if inInit(cur) && len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN && isCompositeLit(n.Rhs[i]) {
					set[v] = true
				} else {
					other[v] = true
				}
			}
		case *ast.UnaryExpr:
			if v := rootVar(info, n.X); n.Op == token.AND && vars[v] {
				other[v] = true
			}
		}
	}
	for v := range other {
		delete(set, v)
	}
	return set
}

// inInit reports whether cur is in the body of an init function, and not
// in a function literal there.
func inInit(cur inspector.Cursor) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, ok := fn.Node().(*ast.FuncDecl)
		return ok && decl.Recv == nil && decl.Name.Name == "init"
	}
	return false
}

// changed returns those of vars that the package may change after their
// declaration: assigned (whole, at an index or a field), incremented or
// addressed; with handedOn, also given to delete or clear, or to a
// function, which may store into a map.
func changed(pass *analysis.Pass, vars map[*types.Var]bool, handedOn bool) map[*types.Var]bool {
	info := pass.TypesInfo
	found := make(map[*types.Var]bool)
	note := func(e ast.Expr) {
		if v := rootVar(info, e); vars[v] {
			found[v] = true
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					note(lhs)
				}
			case *ast.IncDecStmt:
				note(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					note(n.X)
				}
			case *ast.CallExpr:
				if !handedOn {
					break
				}
				if b, ok := info.Uses[calleeIdent(n.Fun)].(*types.Builtin); ok && b.Name() != "delete" && b.Name() != "clear" {
					return true // len, cap, append's copy: no change
				}
				for _, arg := range n.Args {
					if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
						note(id)
					}
				}
			}
			return true
		})
	}
	return found
}

func calleeIdent(fun ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(fun).(*ast.Ident)
	return id
}

// packageVars yields the package variables declared in the files of pass
// with the value each is declared with, nil if none; not those declared
// together from one call (var a, b = f()).
func packageVars(pass *analysis.Pass) iter.Seq2[*types.Var, ast.Expr] {
	return func(yield func(*types.Var, ast.Expr) bool) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				gen, ok := decl.(*ast.GenDecl)
				if !ok || gen.Tok != token.VAR {
					continue
				}
				for _, spec := range gen.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != 0 && len(vs.Names) != len(vs.Values) {
						continue
					}
					for i, name := range vs.Names {
						v, ok := pass.TypesInfo.Defs[name].(*types.Var)
						if !ok {
							continue
						}
						var value ast.Expr
						if len(vs.Values) > 0 {
							value = vs.Values[i]
						}
						if !yield(v, value) {
							return
						}
					}
				}
			}
		}
	}
}

// Zeros returns the package variables of the package of pass that hold
// their type's zero value wherever they are read: declared without a
// value or with an empty composite literal (var emptyResponse =
// Response{}), and never assigned, incremented or addressed in the
// package. Copying one over a struct clears every field.
func Zeros(pass *analysis.Pass) map[*types.Var]bool {
	zeros := make(map[*types.Var]bool)
	for v, value := range packageVars(pass) {
		if value == nil || isEmptyLiteral(value) {
			zeros[v] = true
		}
	}
	for v := range changed(pass, zeros, false) {
		delete(zeros, v)
	}
	return zeros
}

func isEmptyLiteral(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

func rootVar(info *types.Info, x ast.Expr) *types.Var {
	if id := astx.RootIdent(x); id != nil {
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	return nil
}
