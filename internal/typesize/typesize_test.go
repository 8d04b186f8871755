package typesize_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/memlint/memlint/internal/typesize"
)

const src = `package p

import "sync/atomic"

type List struct {
	next *List
	ptr  atomic.Pointer[List]
	n    [4]int
}

type Box[T any] struct{ v T }

type Ref[T any] struct{ p *T }

type Broken struct{ x undefined }
`

func TestKnown(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, nil)
	for name, want := range map[string]bool{
		"List":   true,  // refers to itself through pointers, and atomic.Pointer of itself
		"Box":    false, // holds a type parameter by value
		"Ref":    true,  // holds it only through a pointer
		"Broken": false, // an invalid field type
	} {
		if got := typesize.Known(pkg.Scope().Lookup(name).Type()); got != want {
			t.Errorf("Known(%s) = %v, want %v", name, got, want)
		}
	}
}
