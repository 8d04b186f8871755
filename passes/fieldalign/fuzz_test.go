package fieldalign

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/internal/lazyinspect"
)

// FuzzReorderFix applies the reorder fix to every struct of a source file
// that has one and checks the result: it parses and type-checks, keeps
// every comment and the set of fields, and is never larger. The corpus is
// seeded with the fixtures; plain go test runs the seeds.
func FuzzReorderFix(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixture.Dir(f), "src", "fieldalign", "*", "*.go"))
	if len(files) == 0 {
		f.Fatal("no fixtures to seed the corpus")
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := token.NewFileSet()
		file, pkg, info, ok := check(fset, imp, src)
		if !ok {
			return // not a Go file that compiles: nothing to fix
		}
		insp := inspector.New([]*ast.File{file})
		pass := &analysis.Pass{
			Analyzer:   Analyzer,
			Fset:       fset,
			Files:      []*ast.File{file},
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ReadFile:   func(string) ([]byte, error) { return src, nil },
			ResultOf:   map[*analysis.Analyzer]any{lazyinspect.Analyzer: func() *inspector.Inspector { return insp }},
		}
		model, err := cost.Analyzer.Run(pass)
		if err != nil {
			t.Fatal(err)
		}
		u := findUses(pass, insp, model.(func() *cost.Model)())
		for n := range ast.Preorder(file) {
			spec, ok := n.(*ast.TypeSpec)
			if !ok {
				continue
			}
			c := candidateOf(pass, file, spec)
			if c == nil || c.opt >= c.size || u.pinned[c.obj] != "" || noFixReason(pass, u, new(unseenTests), c) != "" {
				continue // the analyzer offers no fix
			}
			fix, ok := reorderFix(pass, c)
			if !ok {
				continue
			}
			checkFixed(t, imp, pass, c, src, fix)
		}
	})
}

// check parses and type-checks src as a package of its own.
func check(fset *token.FileSet, imp types.Importer, src []byte) (*ast.File, *types.Package, *types.Info, bool) {
	// A directory that does not exist: no _test.go files next to it.
	file, err := parser.ParseFile(fset, "/nonexistent/x.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil || strings.HasSuffix(file.Name.Name, "_test") {
		return nil, nil, nil, false
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	conf := types.Config{Importer: imp, Sizes: types.SizesFor("gc", "amd64"), FakeImportC: true}
	pkg, err := conf.Check(file.Name.Name, fset, []*ast.File{file}, info)
	return file, pkg, info, err == nil
}

func checkFixed(t *testing.T, imp types.Importer, pass *analysis.Pass, c *candidate, src []byte, fix analysis.SuggestedFix) {
	tf := pass.Fset.File(c.file.FileStart)
	fixed := slices.Clone(src)
	for _, e := range slices.Backward(fix.TextEdits) {
		fixed = slices.Concat(fixed[:tf.Offset(e.Pos)], e.NewText, fixed[tf.Offset(e.End):])
	}
	fset := token.NewFileSet()
	file, pkg, _, ok := check(fset, imp, fixed)
	if !ok {
		t.Fatalf("struct %s: the fixed file does not type-check:\n%s", c.obj.Name(), fixed)
	}
	if got, want := comments(file), comments(c.file); !slices.Equal(got, want) {
		t.Fatalf("struct %s: comments changed:\n got %q\nwant %q\n%s", c.obj.Name(), got, want, fixed)
	}
	after := pkg.Scope().Lookup(c.obj.Name())
	if after == nil {
		return // declared in a function: compared through its fields below
	}
	before := c.obj.Type().Underlying().(*types.Struct)
	st := after.Type().Underlying().(*types.Struct)
	if got, want := fieldSet(st), fieldSet(before); !slices.Equal(got, want) {
		t.Fatalf("struct %s: fields changed: got %q, want %q", c.obj.Name(), got, want)
	}
	if sizes := pass.TypesSizes; sizes.Sizeof(st) > sizes.Sizeof(before) {
		t.Fatalf("struct %s grew from %d to %d bytes", c.obj.Name(), sizes.Sizeof(before), sizes.Sizeof(st))
	}
}

// comments returns the texts of a file's comments, sorted: a reorder
// moves them but must keep each. Trailing blanks do not count: the fix is
// formatted as gofmt does, which drops them.
func comments(f *ast.File) []string {
	var texts []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			texts = append(texts, strings.TrimRight(c.Text, " \t"))
		}
	}
	slices.Sort(texts)
	return texts
}

// fieldSet returns "name type `tag`" for each field, sorted.
func fieldSet(s *types.Struct) []string {
	var fields []string
	for i := range s.NumFields() {
		f := s.Field(i)
		var b bytes.Buffer
		b.WriteString(f.Name() + " " + types.TypeString(f.Type(), nil) + " " + s.Tag(i))
		fields = append(fields, b.String())
	}
	slices.Sort(fields)
	return fields
}
