package lsp

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"slices"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Modes of the two go list runs of a load: the package's files and
// imports, then the export data of the imported packages, which the go
// command compiles with the overlay applied. (Export data covers what the
// package can reach through its imports: their dependencies need none.) The package itself is never compiled:
// that would take seconds for a large one, on every edit.
//
// The package is then parsed and type-checked here rather than by
// go/packages (NeedSyntax, NeedTypes): with any overlay, go/packages
// distrusts export data and type-checks every dependency from source,
// which also takes seconds.
const (
	packageMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedTypesSizes | packages.NeedModule
	depsMode = packages.NeedName | packages.NeedExportFile
)

// load loads the package in dir as the editor shows it, with the syntax
// and types the analyzers need; overlay maps file paths to the contents of
// their unsaved buffers.
func load(ctx context.Context, dir string, overlay map[string][]byte) (*packages.Package, error) {
	cfg := &packages.Config{Mode: packageMode, Context: ctx, Dir: dir, Overlay: overlay}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("%d packages in one directory", len(pkgs))
	}
	pkg := pkgs[0]
	var imports []string
	imports = slices.Grow(imports, len(pkg.Imports))
	for _, imp := range pkg.Imports {
		imports = append(imports, imp.ID)
	}
	if len(imports) > 0 {
		cfg.Mode = depsMode
		deps, err := packages.Load(cfg, imports...)
		if err != nil {
			return nil, err
		}
		byID := make(map[string]*packages.Package, len(deps))
		for _, dep := range deps {
			byID[dep.ID] = dep
		}
		for path, imp := range pkg.Imports {
			if dep := byID[imp.ID]; dep != nil {
				pkg.Imports[path] = dep
			}
		}
	}

	pkg.Fset = token.NewFileSet()
	for _, name := range pkg.CompiledGoFiles {
		var src any // the file on disk, unless it has an unsaved buffer
		if text, ok := overlay[name]; ok {
			src = text
		}
		f, err := parser.ParseFile(pkg.Fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if f != nil {
			pkg.Syntax = append(pkg.Syntax, f)
		}
		addErrors(pkg, err)
	}
	typecheck(pkg)
	return pkg, nil
}

// typecheck type-checks the package's syntax against the export data of
// its dependencies, recording errors in it as go/packages does.
func typecheck(pkg *packages.Package) {
	pkg.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	cfg := &types.Config{
		Importer: exportImporter(pkg),
		Sizes:    pkg.TypesSizes,
		Error:    func(err error) { addErrors(pkg, err) },
	}
	if pkg.Module != nil && pkg.Module.GoVersion != "" {
		cfg.GoVersion = "go" + pkg.Module.GoVersion
	}
	pkg.Types, _ = cfg.Check(pkg.PkgPath, pkg.Fset, pkg.Syntax, pkg.TypesInfo) // errors went to cfg.Error
	pkg.IllTyped = len(pkg.TypeErrors) > 0 || slices.ContainsFunc(pkg.Errors, func(e packages.Error) bool {
		return e.Kind != packages.TypeError
	})
}

// exportImporter imports the package's dependencies from the export data
// go list produced for them.
func exportImporter(pkg *packages.Package) types.Importer {
	view := make(map[string]*types.Package) // by package path, for all dependencies read
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		dep := pkg.Imports[path]
		if dep == nil {
			return nil, fmt.Errorf("no package for import %q", path)
		}
		if tpkg := view[dep.PkgPath]; tpkg != nil && tpkg.Complete() {
			return tpkg, nil
		}
		if dep.ExportFile == "" {
			return nil, fmt.Errorf("no export data for %q (does it build?)", path)
		}
		f, err := os.Open(dep.ExportFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, err := gcexportdata.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("reading export data of %q: %v", path, err)
		}
		return gcexportdata.Read(r, pkg.Fset, view, dep.PkgPath)
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// addErrors records parse or type errors in pkg.
func addErrors(pkg *packages.Package, err error) {
	switch err := err.(type) {
	case nil:
	case scanner.ErrorList:
		for _, e := range err {
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case types.Error:
		// A soft error, such as an unused variable or import, leaves the
		// types complete: code being typed has them all the time, and the
		// passes should still run and report (suppress drops a package's
		// findings if it has type errors).
		if !err.Soft {
			pkg.TypeErrors = append(pkg.TypeErrors, err)
		}
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
	default:
		pkg.Errors = append(pkg.Errors, packages.Error{Msg: err.Error(), Kind: packages.ParseError})
	}
}
