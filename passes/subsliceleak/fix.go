package subsliceleak

import (
	"go/ast"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/imports"
)

// A cloner is the function that copies a piece of some type.
type cloner struct {
	path, since string
}

var (
	bytesClone   = cloner{"bytes", "go1.20"}
	slicesClone  = cloner{"slices", "go1.21"}
	stringsClone = cloner{"strings", "go1.18"}
)

// cloneFix returns the fix that clones the piece at s, and the function it
// calls, or why there is no fix.
func cloneFix(pass *analysis.Pass, s site) (fix *analysis.SuggestedFix, fn, why string) {
	c, why := clonerFor(pass.TypesInfo.TypeOf(s.expr), types.RelativeTo(pass.Pkg))
	if why != "" {
		return nil, "", why
	}
	v := pass.TypesInfo.FileVersions[s.file]
	if v == "" {
		v = pass.Pkg.GoVersion()
	}
	if v != "" && version.Compare(v, c.since) < 0 {
		return nil, "", c.path + ".Clone needs " + c.since + ", the file is " + v
	}
	name, needImport, why := imports.Name(pass, s.file, s.expr.Pos(), c.path)
	if why != "" {
		return nil, "", why
	}
	fn = name + ".Clone"

	e := s.expr
	edits := []analysis.TextEdit{{Pos: e.Pos(), End: e.Pos(), NewText: []byte(fn + "(")}}
	if e, ok := e.(*ast.SliceExpr); ok && e.Slice3 {
		// Drop the third index: the clone has its own capacity.
		edits = append(edits, analysis.TextEdit{Pos: e.High.End(), End: e.Max.End()})
	}
	edits = append(edits, analysis.TextEdit{Pos: e.End(), End: e.End(), NewText: []byte(")")})
	if needImport {
		edits = append(edits, imports.Add(pass.Fset, s.file, c.path))
	}
	return &analysis.SuggestedFix{Message: "Clone with " + fn, TextEdits: edits}, fn, ""
}

// clonerFor returns the function that clones a value of type t, keeping
// its type.
func clonerFor(t types.Type, qual types.Qualifier) (cloner, string) {
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
