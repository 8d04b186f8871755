// Package typesx holds the questions about go/types types that several
// memlint passes ask, answered once.
package typesx

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// IsString reports whether t is a string type: string, a type defined as
// one, or an untyped string constant's type. It is false for nil.
func IsString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsUntyped reports whether t is the type of an untyped constant.
func IsUntyped(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

// IsNamed reports whether t (through aliases) is the named type pkg.name,
// pkg being an import path.
func IsNamed(t types.Type, pkg, name string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == pkg && named.Obj().Name() == name
}

// IsPointerTo reports whether t is *pkg.name.
func IsPointerTo(t types.Type, pkg, name string) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(ptr.Elem(), pkg, name)
}

// IsSyncPool reports whether t is sync.Pool.
func IsSyncPool(t types.Type) bool {
	return IsNamed(t, "sync", "Pool")
}

// LocalStruct returns the struct type declared in pkg that t names (the
// generic type itself for an instance); nil for any other type.
func LocalStruct(pkg *types.Package, t types.Type) *types.TypeName {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n.Origin().Obj()
}

// LocalStructOrPointer is LocalStruct of t, or of what t points to when it
// is a pointer: the struct of a T or a *T value.
func LocalStructOrPointer(pkg *types.Package, t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return LocalStruct(pkg, t)
}

// StructOf returns the struct t is, or points to, or nil.
func StructOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// IsStd reports whether pkg is in the standard library: its path's first
// element has no dot.
func IsStd(pkg *types.Package) bool {
	first, _, _ := strings.Cut(pkg.Path(), "/")
	return !strings.Contains(first, ".")
}

// ErrorInterface is the interface of the predeclared type error.
var ErrorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// IsErrorType reports whether t or *t implements error.
func IsErrorType(t types.Type) bool {
	return types.Implements(t, ErrorInterface) || types.Implements(types.NewPointer(t), ErrorInterface)
}

// IsErrorList reports whether t is a slice of errors, or of values that
// are errors (a validation's failures): its length is the number of
// things that went wrong, most often none.
func IsErrorList(t types.Type) bool {
	s, ok := Core(t).(*types.Slice)
	return ok && types.Implements(s.Elem(), ErrorInterface)
}

// IsByteSlice reports whether t is a slice of bytes: []byte or a type
// defined as one. It is false for nil.
func IsByteSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	return ok && types.Identical(s.Elem(), types.Typ[types.Byte])
}

// IsCharacter reports whether t is a byte or a rune: a character of a
// text.
func IsCharacter(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Rune)
}

// PoolMethod returns "Get" or "Put" if fn is that method of sync.Pool,
// or "".
func PoolMethod(fn *types.Func) string {
	if fn.Pkg() == nil || fn.Pkg().Path() != "sync" || (fn.Name() != "Get" && fn.Name() != "Put") {
		return ""
	}
	if recv := fn.Signature().Recv(); recv != nil && IsPointerTo(recv.Type(), "sync", "Pool") {
		return fn.Name()
	}
	return ""
}

// ListElem returns the element type of a slice or array type, or nil.
func ListElem(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	switch t := t.Underlying().(type) {
	case *types.Slice:
		return t.Elem()
	case *types.Array:
		return t.Elem()
	}
	return nil
}

// RangeElem returns the type of the elements that ranging over a value of
// type t yields as its second variable: those of a slice, array, pointer
// to array or map; or nil.
func RangeElem(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		return u.Elem()
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return a.Elem()
		}
		return nil
	}
	return ListElem(t)
}

// OnlyStrings reports whether the only pointers in values of t are the
// bytes of strings.
func OnlyStrings(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Kind() != types.UnsafePointer
	case *types.Array:
		return OnlyStrings(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if !OnlyStrings(t.Field(i).Type()) {
				return false
			}
		}
		return true
	}
	return false
}

// HasPointers reports whether values of t hold pointers the garbage
// collector follows (a type parameter may).
func HasPointers(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Kind() == types.String || t.Kind() == types.UnsafePointer
	case *types.Array:
		return t.Len() > 0 && HasPointers(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if HasPointers(t.Field(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

// Core returns t's underlying type or, for a type parameter whose type
// set has one underlying type (S ~[]E, M ~map[K]V), that type: generic
// code ranges over, appends to and makes such values as it would their
// core type. A type parameter without one (any, ~int | ~string) gives its
// constraint interface, as Underlying does.
func Core(t types.Type) types.Type {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok || tp.Constraint() == nil {
		return t.Underlying()
	}
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return t.Underlying()
	}
	if core := termsCore(iface); core != nil {
		return core
	}
	return t.Underlying()
}

// termsCore returns the underlying type that all type terms of iface
// share, or nil if they differ or there are none.
func termsCore(iface *types.Interface) types.Type {
	var core types.Type
	add := func(t types.Type) bool {
		u := t.Underlying()
		if _, isIface := u.(*types.Interface); isIface {
			return false
		}
		if core != nil && !types.Identical(core, u) {
			return false
		}
		core = u
		return true
	}
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := range e.Len() {
				if !add(e.Term(j).Type()) {
					return nil
				}
			}
		default:
			if inner, ok := e.Underlying().(*types.Interface); ok {
				c := termsCore(inner)
				if c == nil || !add(c) {
					return nil
				}
			} else if !add(e) {
				return nil
			}
		}
	}
	return core
}

// Callee returns the import path of the package and the name of the
// function or method that call calls statically, or "", "" (a function
// value, an interface method, a builtin, a conversion).
func Callee(info *types.Info, call *ast.CallExpr) (pkg, name string) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return "", ""
	}
	return fn.Pkg().Path(), fn.Name()
}

// Qualifier writes the types of other packages as their code names them
// (syntax.Regexp, not github.com/grafana/regexp/syntax.Regexp) and those
// of pkg unqualified: messages read like the code they are about.
func Qualifier(pkg *types.Package) types.Qualifier {
	return func(other *types.Package) string {
		if other == pkg {
			return ""
		}
		return other.Name()
	}
}

// IteratedCollection returns the collection that the iterator made by the
// call x yields once element by element: m for maps.Keys(m), maps.Values(m)
// or maps.All(m); s for slices.All(s), slices.Values(s) or
// slices.Backward(s); c for c.All(), c.Keys() or c.Values() when c has a
// Len method, which by convention counts what they yield (byLen is then
// set). It returns nil for any other expression.
func IteratedCollection(info *types.Info, x ast.Expr) (coll ast.Expr, byLen bool) {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	pkg, name := Callee(info, call)
	if len(call.Args) == 1 && (pkg == "maps" && slices.Contains([]string{"Keys", "Values", "All"}, name) ||
		pkg == "slices" && slices.Contains([]string{"All", "Values", "Backward"}, name)) {
		return call.Args[0], false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || !slices.Contains([]string{"All", "Keys", "Values"}, sel.Sel.Name) {
		return nil, false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal || !hasLenMethod(info.TypeOf(sel.X)) {
		return nil, false
	}
	return sel.X, true
}

// hasLenMethod reports whether t has a method Len() int.
func hasLenMethod(t types.Type) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Len")
	fn, ok := obj.(*types.Func)
	return ok && IsLenFunc(fn)
}

// IsLenFunc reports whether fn is a Len method without arguments that
// returns an int: a collection's length, which by convention reads and
// changes nothing.
func IsLenFunc(fn *types.Func) bool {
	sig := fn.Signature()
	return fn.Name() == "Len" && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Int])
}

// IsSet reports whether t is a map whose values only mark presence (bool
// or struct{}): a set of what was seen.
func IsSet(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	switch v := m.Elem().Underlying().(type) {
	case *types.Struct:
		return v.NumFields() == 0
	case *types.Basic:
		return v.Kind() == types.Bool
	}
	return false
}

// ReadsOnly reports whether call is len or cap, or a call of a function of
// the standard library whose results are all numbers, bools or strings
// (bytes.IndexByte, strings.HasPrefix, strings.Join): it reads its
// arguments and keeps none of their memory, a string being a copy.
func ReadsOnly(info *types.Info, call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "len" || fn.Name() == "cap"
	case *types.Func:
		if fn.Pkg() == nil || !IsStd(fn.Pkg()) {
			return false
		}
		res := fn.Signature().Results()
		for r := range res.Variables() {
			b, ok := r.Type().Underlying().(*types.Basic)
			if !ok || b.Info()&(types.IsNumeric|types.IsBoolean|types.IsString) == 0 {
				return false
			}
		}
		return res.Len() > 0
	}
	return false
}
