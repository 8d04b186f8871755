// Package ssafunc builds SSA form for chosen functions of a package only.
//
// The buildssa pass builds every function of every package, which costs
// about three times the load itself on the standard library. memlint's SSA
// passes first pick the few functions that can hold a finding, by syntax,
// and build just those here: a package with no candidates costs nothing.
package ssafunc

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Build returns the SSA functions of decls, which must be declarations with
// bodies in pass.Files. Function literals inside them are built too, as
// their AnonFuncs. Calls to other functions of the package resolve to
// functions without blocks, as if they were external.
func Build(pass *analysis.Pass, decls []*ast.FuncDecl) map[*ast.FuncDecl]*ssa.Function {
	if len(decls) == 0 {
		return nil
	}
	want := make(map[*ast.FuncDecl]bool, len(decls))
	for _, d := range decls {
		want[d] = true
	}

	// Copy the package's files, with the bodies of the functions we do not
	// want removed, and leave package initialization out: the builder then
	// has nothing else to do. The syntax trees are shared with other passes,
	// so they are copied, never changed.
	info := *pass.TypesInfo
	info.InitOrder = nil
	info.FileVersions = make(map[*ast.File]string, len(pass.Files))
	files := make([]*ast.File, 0, len(pass.Files))
	for _, f := range pass.Files {
		copied := *f
		copied.Decls = make([]ast.Decl, len(f.Decls))
		for i, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && !want[fd] {
				stripped := *fd
				stripped.Body = nil
				decl = &stripped
			}
			copied.Decls[i] = decl
		}
		info.FileVersions[&copied] = pass.TypesInfo.FileVersions[f]
		files = append(files, &copied)
	}

	// BareInits: the package initializer calls no imports' initializers,
	// so the imports the wanted functions do not name need no packages.
	prog := ssa.NewProgram(pass.Fset, ssa.InstantiateGenerics|ssa.BareInits)
	// Only the direct imports that the wanted functions name need packages:
	// code can name the functions and variables of those alone, and the
	// builder makes the methods of other packages' types on demand.
	// Creating every import costs more than building the functions (a
	// package importing syscall creates thousands of members).
	for _, imp := range importsNamed(pass, decls) {
		prog.CreatePackage(imp, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, files, &info, false)
	pkg.Build()

	funcs := make(map[*ast.FuncDecl]*ssa.Function, len(decls))
	for _, d := range decls {
		obj, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok {
			continue
		}
		if fn := prog.FuncValue(obj); fn != nil && fn.Blocks != nil {
			funcs[d] = fn
		}
	}
	return funcs
}

// importsNamed returns, in import order, the packages imported by pass.Pkg
// whose objects the bodies of decls name, qualified or dot-imported.
func importsNamed(pass *analysis.Pass, decls []*ast.FuncDecl) []*types.Package {
	imported := make(map[*types.Package]bool)
	for _, imp := range pass.Pkg.Imports() {
		imported[imp] = false
	}
	for _, d := range decls {
		ast.Inspect(d.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := pass.TypesInfo.Uses[id]; obj != nil {
					if _, ok := imported[obj.Pkg()]; ok {
						imported[obj.Pkg()] = true
					}
				}
			}
			return true
		})
	}
	var named []*types.Package
	for _, imp := range pass.Pkg.Imports() {
		if imported[imp] {
			named = append(named, imp)
		}
	}
	return named
}
