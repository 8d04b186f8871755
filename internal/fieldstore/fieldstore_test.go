package fieldstore_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"github.com/memlint/memlint/internal/fieldstore"
)

const src = `package p

type inner struct {
	buf []byte
	n   int
}

type outer struct {
	inner
	w any
}

func (o *outer) set(b []byte, w any) {
	o.buf = b
	o.w = w
}

func (o *outer) lit(b []byte) {
	o.inner = inner{buf: b}
}

func (o *outer) passOn(b []byte) {
	o.set(b, nil)
}

func (o outer) copyOnly(b []byte) {
	o.buf = b
}

func (o *outer) variadic(b []byte, rest ...int) {
	o.buf = b
}

func (o *outer) callsVariadic(b []byte) {
	o.variadic(b, 1, 2)
}
`

func TestStores(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Types:      map[ast.Expr]types.TypeAndValue{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	s := fieldstore.New(info, []*ast.File{f})
	outer := pkg.Scope().Lookup("outer").Type()
	method := func(name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(outer), true, pkg, name)
		return obj.(*types.Func)
	}
	buf := fieldstore.Path{0, 0} // outer.inner.buf
	for _, c := range []struct {
		fn   string
		want fieldstore.Store
		ok   bool
	}{
		{"set", fieldstore.Store{Target: 0, Path: buf, Source: 1}, true},
		{"set", fieldstore.Store{Target: 0, Path: fieldstore.Path{1}, Source: 2}, true},
		{"lit", fieldstore.Store{Target: 0, Path: buf, Source: 1}, true},
		{"lit", fieldstore.Store{Target: 0, Path: fieldstore.Path{0, 1}, Source: fieldstore.Zero}, true},
		{"passOn", fieldstore.Store{Target: 0, Path: buf, Source: 1}, true},
		{"passOn", fieldstore.Store{Target: 0, Path: fieldstore.Path{1}, Source: fieldstore.Zero}, true},
		{"copyOnly", fieldstore.Store{Target: 0, Path: buf, Source: 1}, false},
		{"callsVariadic", fieldstore.Store{Target: 0, Path: buf, Source: 1}, true},
	} {
		stores := s.Stores(method(c.fn))
		got := slices.ContainsFunc(stores, func(st fieldstore.Store) bool {
			return st.Target == c.want.Target && st.Source == c.want.Source && slices.Equal(st.Path, c.want.Path)
		})
		if got != c.ok {
			t.Errorf("%s: store %+v found = %v, want %v (stores: %+v)", c.fn, c.want, got, c.ok, stores)
		}
	}
	if f := buf.Field(outer); f == nil || f.Name() != "buf" {
		t.Errorf("Path{0, 0}.Field(outer) = %v, want buf", f)
	}
	if !buf.HasPrefix(fieldstore.Path{0}) || buf.HasPrefix(fieldstore.Path{1}) {
		t.Errorf("HasPrefix is wrong for %v", buf)
	}
}
