package subsliceleak

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
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
	name, imported, why := importName(pass, s, c.path)
	if why != "" {
		return nil, "", why
	}
	fn = name + ".Clone"

	e := s.expr
	edits := []analysis.TextEdit{{Pos: e.Pos(), End: e.Pos(), NewText: []byte(fn + "(")}}
	if e.Slice3 {
		// Drop the third index: the clone has its own capacity.
		edits = append(edits, analysis.TextEdit{Pos: e.High.End(), End: e.Max.End()})
	}
	edits = append(edits, analysis.TextEdit{Pos: e.End(), End: e.End(), NewText: []byte(")")})
	if !imported {
		edits = append(edits, importEdit(s.file, c.path))
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

// importName returns the name under which the file refers to the package
// at path where s is, and whether the file imports it already, or why the
// name cannot be used there.
func importName(pass *analysis.Pass, s site, path string) (name string, imported bool, why string) {
	name = path
	for _, spec := range s.file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			if spec.Name.Name == "_" || spec.Name.Name == "." {
				continue
			}
			name = spec.Name.Name
		}
		imported = true
		break
	}
	scope := pass.Pkg.Scope().Innermost(s.expr.Pos())
	if scope == nil {
		return "", false, "no scope found"
	}
	_, obj := scope.LookupParent(name, s.expr.Pos())
	if imported {
		if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != path {
			return "", false, name + " is shadowed here"
		}
	} else if obj != nil {
		return "", false, name + " is declared here and would shadow the import"
	}
	return name, imported, ""
}

// importEdit adds an import of path to file, in order among the first
// import declaration's specs when it has parentheses.
func importEdit(file *ast.File, path string) analysis.TextEdit {
	quoted := strconv.Quote(path)
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT && !importsOnlyC(g) {
			decl = g
			break
		}
	}
	switch {
	case decl == nil:
		return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + quoted)}
	case !decl.Lparen.IsValid():
		return analysis.TextEdit{Pos: decl.End(), End: decl.End(), NewText: []byte("\n\nimport " + quoted)}
	}
	for _, spec := range decl.Specs {
		if is := spec.(*ast.ImportSpec); strings.Compare(is.Path.Value, quoted) > 0 {
			return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(quoted + "\n\t")}
		}
	}
	return analysis.TextEdit{Pos: decl.Rparen, End: decl.Rparen, NewText: []byte("\t" + quoted + "\n")}
}

// importsOnlyC reports whether g is import "C", whose doc comment is the
// cgo preamble: nothing may be added to it.
func importsOnlyC(g *ast.GenDecl) bool {
	return len(g.Specs) == 1 && g.Specs[0].(*ast.ImportSpec).Path.Value == `"C"`
}
