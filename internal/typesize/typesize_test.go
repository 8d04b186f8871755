package typesize_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
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

func TestHeapStarts(t *testing.T) {
	for _, tc := range []struct {
		n, align int64
		pointers bool
		want     []int64
	}{
		{120, 8, true, []int64{0}},             // class 128
		{416, 8, true, []int64{0, 32}},         // class 416
		{48, 8, false, []int64{0, 48, 32, 16}}, // class 48
		{600, 8, true, []int64{8}},             // a header word, then class 640
		{600, 8, false, []int64{0}},            // no header: class 640
		{12, 4, false, []int64{0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60}}, // tiny blocks
		{40000, 8, true, []int64{0}}, // whole pages
	} {
		if got := typesize.HeapStarts(tc.n, tc.align, tc.pointers, 64); !slices.Equal(got, tc.want) {
			t.Errorf("HeapStarts(%d, %d, %v) = %v, want %v", tc.n, tc.align, tc.pointers, got, tc.want)
		}
	}
}
