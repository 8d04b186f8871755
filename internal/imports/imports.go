// Package imports finds the name under which a file can refer to a
// package, and adds the import when it has none.
//
// Every fix that calls into another package (strings.Builder, slices.Grow,
// bytes.Clone, ...) needs both, and the edge cases are the same for all of
// them: aliased, blank and dot imports, names shadowed at the fix, the cgo
// preamble of import "C", comments at the end of import lines, and the
// standard library's packages, which may not import what depends on them.
// They are solved here once, so that every pass's fixes agree.
package imports

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	pathpkg "path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/memlint/memlint/internal/astx"
	"golang.org/x/tools/go/analysis"
)

// Name returns the name under which the package at path can be referred to
// at pos in file, and whether file must import it first (then the name is
// the last element of path, which for the standard library is the
// package's name). If the package cannot be used there, why says so; then
// needImport tells whether the reason is that the import cannot be added.
func Name(pass *analysis.Pass, file *ast.File, pos token.Pos, path string) (name string, needImport bool, why string) {
	name, imported := importedAs(pass, file, path)
	_, obj := astx.ScopeAt(pass, file, pos).LookupParent(name, pos)
	if imported {
		if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != path {
			return "", false, name + " is shadowed here"
		}
		return name, false, ""
	}
	if obj != nil {
		return "", false, name + " is declared here and would shadow the import"
	}
	if !mayImport(pass, file, path) {
		return "", true, "importing " + path + " would create an import cycle"
	}
	return name, true, ""
}

// importedAs returns the name that file's import of path declares, if it
// has one; blank and dot imports declare no usable name. An unnamed
// import declares the package's own name, which need not be the last
// element of its path (gopkg.in/yaml.v3, a major version's /v2).
func importedAs(pass *analysis.Pass, file *ast.File, path string) (string, bool) {
	for _, spec := range file.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err != nil || p != path {
			continue
		}
		if spec.Name == nil {
			if pn := pass.TypesInfo.PkgNameOf(spec); pn != nil {
				return pn.Name(), true
			}
			return pathpkg.Base(path), true
		}
		if spec.Name.Name != "_" && spec.Name.Name != "." {
			return spec.Name.Name, true
		}
	}
	return pathpkg.Base(path), false
}

// mayImport reports whether importing path cannot create an import cycle.
// Code outside the standard library cannot be imported by it, so only a
// standard package can close a cycle, by importing path when path depends
// on it. The package's import graph tells that only when the package
// already depends on path, which proves path does not depend on it; in
// any other case the standard package is left alone.
func mayImport(pass *analysis.Pass, file *ast.File, path string) bool {
	if pass.Pkg.Path() == path {
		return false
	}
	goroot := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	if tf := pass.Fset.File(file.FileStart); tf == nil || !strings.HasPrefix(tf.Name(), goroot) {
		return true
	}
	seen := make(map[*types.Package]bool)
	var dependsOn func(p *types.Package) bool
	dependsOn = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, q := range p.Imports() {
			if q.Path() == path || dependsOn(q) {
				return true
			}
		}
		return false
	}
	return dependsOn(pass.Pkg)
}

// Add returns the edit that imports path into file. It goes into the
// first import declaration other than one with import "C" (whose doc
// comment is the cgo preamble), next to the standard library's imports, in
// sorted order, on a line of its own so that the comments at the ends of
// lines stay with their imports. After a single import "x", and in a file
// without imports, it gets a declaration of its own. Every fix that adds
// the same import to a file makes the same edit, and identical edits are
// applied once.
func Add(fset *token.FileSet, file *ast.File, path string) analysis.TextEdit {
	quoted := strconv.Quote(path)
	tf := fset.File(file.FileStart)
	decl := firstImportDecl(file)
	switch {
	case decl == nil:
		return insert(afterLine(tf, file.Name.End(), file), "\n\nimport "+quoted)
	case !decl.Lparen.IsValid():
		// A declaration of its own: rewriting import "x" into a group
		// would conflict with a fix adding another import to the file.
		return insert(lineEnd(decl.Specs[0].(*ast.ImportSpec)), "\n\nimport "+quoted)
	}
	first, last := stdBlock(tf, decl)
	if first < 0 { // no standard imports: they get a block of their own first
		return insert(decl.Lparen+1, "\n\t"+quoted+"\n")
	}
	for i := first; i <= last; i++ {
		spec := decl.Specs[i].(*ast.ImportSpec)
		if spec.Path.Value <= quoted {
			continue
		}
		prevEnd := decl.Lparen
		if i > 0 {
			prevEnd = lineEnd(decl.Specs[i-1].(*ast.ImportSpec))
		}
		if start := specStart(spec); tf.Line(prevEnd) != tf.Line(start) {
			return insert(tf.LineStart(tf.Line(start)), "\t"+quoted+"\n")
		}
		return insert(spec.Pos(), quoted+"; ")
	}
	end := lineEnd(decl.Specs[last].(*ast.ImportSpec))
	if line := tf.Line(end); line != tf.Line(decl.Rparen) && line < tf.LineCount() {
		return insert(tf.LineStart(line+1), "\t"+quoted+"\n")
	}
	return insert(decl.Specs[last].End(), "; "+quoted)
}

// firstImportDecl returns the file's first import declaration that does
// not import "C".
func firstImportDecl(file *ast.File) *ast.GenDecl {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break // imports come first
		}
		if !importsC(gd) {
			return gd
		}
	}
	return nil
}

func importsC(gd *ast.GenDecl) bool {
	for _, spec := range gd.Specs {
		if spec.(*ast.ImportSpec).Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// stdBlock returns the indexes of the first and last of the group's specs
// in the block, between blank lines, that holds its last standard library
// import before any other import; -1 if there is none.
func stdBlock(tf *token.File, decl *ast.GenDecl) (first, last int) {
	first, last = -1, -1
	for i, s := range decl.Specs {
		spec := s.(*ast.ImportSpec)
		if !isStd(spec) {
			break
		}
		if i == 0 || tf.Line(specStart(spec)) > tf.Line(lineEnd(decl.Specs[i-1].(*ast.ImportSpec)))+1 {
			first = i // a blank line starts a new block
		}
		last = i
	}
	return first, last
}

// specStart returns where spec starts, with its doc comment.
func specStart(spec *ast.ImportSpec) token.Pos {
	if spec.Doc != nil {
		return spec.Doc.Pos()
	}
	return spec.Pos()
}

// isStd reports whether spec imports a standard package: one whose path's
// first element has no dot.
func isStd(spec *ast.ImportSpec) bool {
	path, err := strconv.Unquote(spec.Path.Value)
	return err == nil && !strings.Contains(strings.Split(path, "/")[0], ".")
}

// lineEnd returns where spec ends, with the comment after it on its line.
func lineEnd(spec *ast.ImportSpec) token.Pos {
	if spec.Comment != nil {
		return spec.Comment.End()
	}
	return spec.End()
}

// afterLine returns the end of the line of pos if only a comment follows
// pos on it, so that the comment stays where it is; pos otherwise.
func afterLine(tf *token.File, pos token.Pos, file *ast.File) token.Pos {
	line := tf.Line(pos)
	end := pos
	for _, cg := range file.Comments {
		if cg.Pos() > pos && tf.Line(cg.Pos()) == line {
			end = cg.End()
		}
	}
	if tf.Line(end) != line {
		return pos // a block comment running on: stay before it
	}
	return end
}

func insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}
