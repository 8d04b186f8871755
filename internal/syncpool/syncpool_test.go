package syncpool_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/memlint/memlint/internal/syncpool"
)

const src = `package p

import "sync"

type Pool struct{}

func (*Pool) Get() any { return nil }

type alias = sync.Pool

var (
	real  sync.Pool
	ptr   *sync.Pool
	mine  Pool
	other alias
)
`

func TestPool(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"real": true, "ptr": false, "mine": false, "other": true} {
		if got := syncpool.IsPool(pkg.Scope().Lookup(name).Type()); got != want {
			t.Errorf("IsPool(%s) = %v, want %v", name, got, want)
		}
	}
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	for _, c := range []struct {
		t    types.Type
		name string
		want string
	}{
		{types.NewPointer(typ("real")), "Get", "Get"},
		{types.NewPointer(typ("real")), "Put", "Put"},
		{types.NewPointer(typ("mine")), "Get", ""},
	} {
		obj, _, _ := types.LookupFieldOrMethod(c.t, true, pkg, c.name)
		if got := syncpool.Method(obj.(*types.Func)); got != c.want {
			t.Errorf("Method(%s.%s) = %q, want %q", c.t, c.name, got, c.want)
		}
	}
}
