package prealloc

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesx"
)

// Lists that are short in practice although their length comes from data.
// Maintainers reject capacity changes for them (PRECISION.md, reason 6):
// the one or two reallocations saved are not worth a line.

// partWords name the parts of one declaration, call or block: its
// parameters, results, arguments, type-set terms, CFG predecessors and
// successors, closure bindings, related notes, and the types of a
// signature or type set. Their number is bounded by what one piece of
// syntax holds, a handful in practice.
var partWords = []string{"args", "params", "results", "preds", "succs", "bindings", "terms", "related", "types"}

// machineWords name the machines of a cluster: its members, peers,
// servers, brokers or replicas. A cluster has a handful, at most hundreds,
// and the code that lists them runs when its membership changes or an
// operator asks.
var machineWords = []string{"members", "peers", "servers", "brokers", "replicas"}

// signerWords name the keys that sign one message (params.Signers,
// privateKeys, signingKeys): one or two, whose signatures cost far more
// than the list.
var signerWords = []string{"signers", "privatekeys", "signingkeys"}

// maxLimit is the largest constant argument that isShortByLimit takes for
// the limit of the list a call returns.
const maxLimit = 64

// isShortInPractice reports whether loop, in fn, ranges over a list that
// is short in practice.
func (c *checker) isShortInPractice(loop ast.Node, fn ast.Node) bool {
	x := c.listOf(loop)
	if x == nil {
		return false
	}
	return c.namesParts(x, fn) || c.namesMachines(x) || c.namesSigners(x) || c.isShortByLimit(x, fn) || c.isTableType(x) || c.holdsConditions(x)
}

// listOf returns the list that loop walks: what it ranges over, or x in a
// loop that counts to its length (for i := 1; i < len(x); i += 2), or nil.
func (c *checker) listOf(loop ast.Node) ast.Expr {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return l.X
	case *ast.ForStmt:
		cond, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.LSS && cond.Op != token.LEQ {
			return nil
		}
		call, ok := ast.Unparen(cond.Y).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return nil
		}
		if !astx.IsBuiltin(c.pass.TypesInfo, call.Fun, "len") {
			return nil
		}
		return call.Args[0]
	}
	return nil
}

// namesMachines reports whether x is a slice or map field, local or
// parameter named for the machines of a cluster (c.members,
// cluster.Brokers, encPeers): the name's last word is one of machineWords,
// so a list of replica assignments is not one. A list whose elements are
// of a type so named in the singular ([]description.Server, []*Peer) holds
// machines too, whatever its own name (candidates, deprioritized).
func (c *checker) namesMachines(x ast.Expr) bool {
	if isMachine(typesx.RangeElem(c.pass.TypesInfo.TypeOf(x))) {
		return true
	}
	name, ok := c.listName(x)
	if !ok {
		return false
	}
	last := strings.LastIndexFunc(name, unicode.IsUpper)
	if last > 0 {
		name = name[last:]
	}
	return slices.Contains(machineWords, strings.ToLower(name))
}

// isMachine reports whether t, or what it points to, is a named type
// called Server, Member, Peer, Broker or Replica (exported: a package's
// own member or peer type may name a part of something else).
func isMachine(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && slices.ContainsFunc(machineWords, func(w string) bool {
		return named.Obj().Name() == strings.ToUpper(w[:1])+strings.TrimSuffix(w[1:], "s")
	})
}

// namesSigners reports whether x is a field, local or parameter named for
// the keys that sign one message: its name ends in one of signerWords.
func (c *checker) namesSigners(x ast.Expr) bool {
	name, ok := c.listName(x)
	lower := strings.ToLower(name)
	return ok && slices.ContainsFunc(signerWords, func(w string) bool { return strings.HasSuffix(lower, w) })
}

// listName returns the name of the field, local or parameter x is.
func (c *checker) listName(x ast.Expr) (string, bool) {
	if id, isIdent := ast.Unparen(x).(*ast.Ident); isIdent {
		v, isVar := c.pass.TypesInfo.Uses[id].(*types.Var)
		return id.Name, isVar && !v.IsField()
	}
	return c.fieldName(x)
}

// fieldName returns the name of the field that x selects (c.members).
func (c *checker) fieldName(x ast.Expr) (string, bool) {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	if s := c.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
		return "", false
	}
	return sel.Sel.Name, true
}

// namesParts reports whether x is a slice field named for the parts of one
// declaration, call or block (f.Params, b.Preds, opts.Types), or a local
// that a method so named returned (args, err := dir.ParseArgs()) or that
// holds such a field (args := fe.Args). A local so named is not enough: a
// variable called results may hold the results of a query, not of a
// function.
func (c *checker) namesParts(x ast.Expr, fn ast.Node) bool {
	if t := c.pass.TypesInfo.TypeOf(x); t == nil || !isSlice(t) {
		return false // a map such as types.Info.Types can be large
	}
	name, ok := c.fieldName(x)
	if id, isIdent := ast.Unparen(x).(*ast.Ident); isIdent {
		name, ok = c.partsSource(id, fn)
	}
	if !ok {
		return false
	}
	lower := strings.ToLower(name)
	for _, w := range partWords {
		if strings.HasSuffix(lower, w) {
			return true
		}
	}
	return false
}

// partsSource returns the name of the method whose result initializes the
// local id names, or of the field it is copied from, if nothing assigns it
// again in fn.
func (c *checker) partsSource(id *ast.Ident, fn ast.Node) (string, bool) {
	if call := c.definingCall(id, fn); call != nil {
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel {
			return "", false
		}
		return sel.Sel.Name, true
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || c.modifies(fn, []*types.Var{v}) {
		return "", false
	}
	if init := astx.InitialValue(c.pass.TypesInfo, fn, v); init != nil {
		return c.fieldName(init)
	}
	return "", false
}

// isShortByLimit reports whether x is a local that a call returned when
// given a small positive constant, the limit of the list it returns:
// worst := curve.Examples(window, 10). A constant of a named type is a
// kind or a set of flags (stor.List(storage.TypeAll)), not a limit.
func (c *checker) isShortByLimit(x ast.Expr, fn ast.Node) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	call := c.definingCall(id, fn)
	if call == nil {
		return false
	}
	for _, arg := range call.Args {
		tv, ok := c.pass.TypesInfo.Types[arg]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			continue
		}
		if _, basic := types.Unalias(tv.Type).(*types.Basic); !basic {
			continue
		}
		if n, exact := constant.Int64Val(tv.Value); exact && n > 0 && n <= maxLimit {
			return true
		}
	}
	return false
}

// definingCall returns the call, not a conversion or a builtin, whose
// result initializes the local variable id names, if the variable is never
// assigned again in fn.
func (c *checker) definingCall(id *ast.Ident, fn ast.Node) *ast.CallExpr {
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	var call *ast.CallExpr
	ast.Inspect(fn, func(n ast.Node) bool {
		assign, ok := n.(*ast.AssignStmt)
		if !ok || assign.Tok != token.DEFINE || len(assign.Rhs) != 1 {
			return call == nil
		}
		for _, lhs := range assign.Lhs {
			if id := identOf(lhs); id != nil && c.pass.TypesInfo.Defs[id] == v {
				call, _ = ast.Unparen(assign.Rhs[0]).(*ast.CallExpr)
			}
		}
		return call == nil
	})
	if call == nil || c.modifies(fn, []*types.Var{v}) {
		return nil
	}
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return nil
	}
	return call
}

// isTableType reports whether x is a slice of a named type of this package
// that the package keeps in a package-level literal table, such as
// []EventSpec next to var specs = [...]EventSpec{...}. Lists of such a type
// are copies or parts of the table: built once, of a fixed size.
func (c *checker) isTableType(x ast.Expr) bool {
	elem := typesx.ListElem(c.pass.TypesInfo.TypeOf(x))
	named, ok := types.Unalias(elem).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	for table := range c.tables {
		if types.Identical(typesx.ListElem(table.Type()), named) {
			return true
		}
	}
	return false
}

// holdsConditions reports whether x is a list of conditions (of a type
// named Condition or ...Condition, such as a Kubernetes object's status
// conditions, one per condition type): a handful per object.
func (c *checker) holdsConditions(x ast.Expr) bool {
	elem := typesx.ListElem(c.pass.TypesInfo.TypeOf(x))
	if ptr, ok := types.Unalias(elem).(*types.Pointer); ok {
		elem = ptr.Elem()
	}
	named, ok := types.Unalias(elem).(*types.Named)
	return ok && strings.HasSuffix(named.Obj().Name(), "Condition")
}
