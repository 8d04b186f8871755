package astx

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"
)

// FileOf returns the file of the pass that holds pos, or nil.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// HasComment reports whether a comment of file lies inside n: an edit
// that rewrites n whole would drop it.
func HasComment(file *ast.File, n ast.Node) bool {
	for _, g := range file.Comments {
		if n.Pos() < g.Pos() && g.End() <= n.End() {
			return true
		}
	}
	return false
}

// ScopeAt returns the innermost scope at pos of file, or the package's
// scope when the file has none (its type-checking failed).
func ScopeAt(pass *analysis.Pass, file *ast.File, pos token.Pos) *types.Scope {
	fileScope := pass.TypesInfo.Scopes[file]
	if fileScope == nil {
		return pass.Pkg.Scope()
	}
	if s := fileScope.Innermost(pos); s != nil {
		return s
	}
	return fileScope
}

// VisibleAt reports whether name denotes obj at pos: whether code that a
// fix inserts there can refer to obj by that name.
func VisibleAt(pass *analysis.Pass, name string, obj types.Object, pos token.Pos) bool {
	file := FileOf(pass, pos)
	if file == nil {
		return false
	}
	_, found := ScopeAt(pass, file, pos).LookupParent(name, pos)
	return found == obj
}

// GoVersion returns the Go language version of file as the compiler
// reads it: its //go:build version or its module's go directive, and
// go1.16 for a module whose go.mod has no go directive (the go command's
// default for it, as for the go.mod it makes up for a +incompatible
// module), which the type checker leaves unset. It returns "" when
// nothing says (GOPATH mode, a driver that gives no module).
func GoVersion(pass *analysis.Pass, file *ast.File) string {
	if v := pass.TypesInfo.FileVersions[file]; v != "" {
		return v
	}
	if v := pass.Pkg.GoVersion(); v != "" {
		return v
	}
	mod := pass.Module
	if mod != nil && mod.Replace != nil {
		mod = mod.Replace
	}
	if mod != nil && mod.Path != "" && mod.GoVersion == "" {
		return "go1.16"
	}
	return ""
}

// MissingBuiltin says why a fix cannot call the go1.21 builtin name
// (clear, max, min) at pos: the file's Go version predates it, or a
// declaration shadows it there. It returns "" when the fix can.
func MissingBuiltin(pass *analysis.Pass, name string, pos token.Pos) string {
	if v := GoVersion(pass, FileOf(pass, pos)); v != "" && version.Compare(v, "go1.21") < 0 {
		return name + " needs go1.21, the file is " + v
	}
	if !VisibleAt(pass, name, types.Universe.Lookup(name), pos) {
		return name + " is shadowed here"
	}
	return ""
}
