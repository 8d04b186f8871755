// Package clonefix makes the suggested fix that copies a slice or string
// expression with bytes.Clone, slices.Clone or strings.Clone, so that what
// it is stored in no longer shares the memory it was cut from.
package clonefix

import (
	"go/ast"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/imports"
	"github.com/memlint/memlint/internal/typesx"
)

// A cloner is the function that copies a value of some type.
type cloner struct {
	path, since string
}

var (
	bytesClone   = cloner{"bytes", "go1.20"}
	slicesClone  = cloner{"slices", "go1.21"}
	stringsClone = cloner{"strings", "go1.18"}
)

// Fix returns the fix that clones e, an expression of file, and the
// function it calls, or why there is no fix: the file's Go version
// predates the function, its package name is shadowed at e, or e's type
// would change (named string types, type parameters). A three-index slice
// expression is cloned in its two-index form: the clone has its own
// capacity. The fix keeps nil-ness: the Clone functions return nil
// exactly for nil input.
func Fix(pass *analysis.Pass, file *ast.File, e ast.Expr) (fix *analysis.SuggestedFix, fn, why string) {
	c, why := clonerFor(pass.TypesInfo.TypeOf(e), typesx.Qualifier(pass.Pkg))
	if why != "" {
		return nil, "", why
	}
	v := astx.GoVersion(pass, file)
	if v != "" && version.Compare(v, c.since) < 0 {
		return nil, "", c.path + ".Clone needs " + c.since + ", the file is " + v
	}
	name, needImport, why := imports.Name(pass, file, e.Pos(), c.path)
	if why != "" {
		return nil, "", why
	}
	fn = name + ".Clone"

	edits := []analysis.TextEdit{{Pos: e.Pos(), End: e.Pos(), NewText: []byte(fn + "(")}}
	if e, ok := e.(*ast.SliceExpr); ok && e.Slice3 {
		edits = append(edits, analysis.TextEdit{Pos: e.High.End(), End: e.Max.End()})
	}
	edits = append(edits, analysis.TextEdit{Pos: e.End(), End: e.End(), NewText: []byte(")")})
	if needImport {
		edits = append(edits, imports.Add(pass.Fset, file, c.path))
	}
	return &analysis.SuggestedFix{Message: "Clone with " + fn, TextEdits: edits}, fn, ""
}

// clonerFor returns the function that clones a value of type t, keeping
// its type.
func clonerFor(t types.Type, qual types.Qualifier) (cloner, string) {
	if t == nil {
		return cloner{}, "its type is unknown"
	}
	switch t.Underlying().(type) {
	case *types.Basic:
		if types.Identical(t, types.Typ[types.String]) {
			return stringsClone, ""
		}
		return cloner{}, "strings.Clone would drop the named type " + types.TypeString(t, qual)
	case *types.Slice:
		if types.Identical(t, types.NewSlice(types.Typ[types.Byte])) {
			return bytesClone, ""
		}
		return slicesClone, ""
	}
	return cloner{}, "the piece's type is a type parameter"
}
