package astx_test

import (
	"go/token"
	"testing"

	"github.com/memlint/memlint/internal/astx"
)

// TestComparePos checks that positions order by file name, then offset,
// whatever order the files were added to the FileSet in (the loader adds
// a package's files concurrently).
func TestComparePos(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("b.go", -1, 100) // added first: lower token.Pos
	a := fset.AddFile("a.go", -1, 100)
	tests := []struct {
		x, y token.Pos
		want int
	}{
		{a.Pos(50), b.Pos(10), -1},
		{b.Pos(10), a.Pos(50), 1},
		{a.Pos(10), a.Pos(50), -1},
		{b.Pos(7), b.Pos(7), 0},
	}
	for _, tt := range tests {
		if got := astx.ComparePos(fset, tt.x, tt.y); got != tt.want {
			t.Errorf("ComparePos(%v, %v) = %d, want %d", fset.Position(tt.x), fset.Position(tt.y), got, tt.want)
		}
	}
}
