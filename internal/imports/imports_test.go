package imports_test

import (
	"go/ast"
	"go/build"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/imports"
	"golang.org/x/tools/go/analysis"
)

// check type-checks src as the only file of package pkgPath, named
// filename, and returns a pass over it and the position of /*here*/.
func check(t *testing.T, filename, pkgPath, src string) (*analysis.Pass, *ast.File, token.Pos) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Scopes: make(map[ast.Node]*types.Scope), Defs: make(map[*ast.Ident]types.Object), Uses: make(map[*ast.Ident]types.Object)}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check(pkgPath, fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	pos := file.FileStart
	if i := strings.Index(src, "/*here*/"); i >= 0 {
		pos = fset.File(file.FileStart).Pos(i)
	}
	return &analysis.Pass{Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info}, file, pos
}

func TestName(t *testing.T) {
	tests := []struct {
		name, src  string
		want       string
		needImport bool
		why        string
	}{
		{"no imports", "package p\n\nfunc f() { /*here*/ }", "strings", true, ""},
		{"imported", "package p\n\nimport \"strings\"\n\nvar _ = strings.ToUpper\n\nfunc f() { /*here*/ }", "strings", false, ""},
		{"alias", "package p\n\nimport str \"strings\"\n\nvar _ = str.ToUpper\n\nfunc f() { /*here*/ }", "str", false, ""},
		{"blank import", "package p\n\nimport _ \"strings\"\n\nfunc f() { /*here*/ }", "strings", true, ""},
		{"dot import", "package p\n\nimport . \"strings\"\n\nvar _ = ToUpper\n\nfunc f() { /*here*/ }", "strings", true, ""},
		{"shadowed", "package p\n\nimport \"strings\"\n\nvar _ = strings.ToUpper\n\nfunc f() {\n\tstrings := 1\n\t_ = strings /*here*/\n}", "", false, "strings is shadowed here"},
		{"shadowed alias", "package p\n\nimport str \"strings\"\n\nvar _ = str.ToUpper\n\nfunc f(str int) { _ = str /*here*/ }", "", false, "str is shadowed here"},
		{"local", "package p\n\nfunc f(strings []string) { _ = strings /*here*/ }", "", false, "strings is declared here and would shadow the import"},
		{"package-level", "package p\n\nvar strings = 1\n\nfunc f() { /*here*/ }", "", false, "strings is declared here and would shadow the import"},
		{"declared later", "package p\n\nfunc f() {\n\t/*here*/\n\tstrings := 1\n\t_ = strings\n}", "strings", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pass, file, pos := check(t, "/tmp/p/x.go", "p", tt.src)
			name, needImport, why := imports.Name(pass, file, pos, "strings")
			if name != tt.want || needImport != tt.needImport || why != tt.why {
				t.Errorf("Name = %q, %v, %q; want %q, %v, %q", name, needImport, why, tt.want, tt.needImport, tt.why)
			}
		})
	}
}

// TestNameCycle checks that a standard package gets no import that could
// close a cycle: strings depends on unicode/utf8, so utf8 may not import it.
func TestNameCycle(t *testing.T) {
	inGOROOT := func(pkgPath string) string {
		return filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(pkgPath), "memlint_x.go")
	}
	tests := []struct {
		name, filename, pkgPath, src string
		ok                           bool
	}{
		{"std below strings", inGOROOT("unicode/utf8"), "unicode/utf8", "package utf8\n", false},
		{"strings itself", inGOROOT("strings"), "strings", "package strings\n", false},
		{"std not yet depending on strings", inGOROOT("internal/x"), "internal/x", "package x\n", false},
		{"std depending on strings", inGOROOT("internal/x"), "internal/x", "package x\n\nimport \"bufio\"\n\nvar _ = bufio.NewReader\n", true},
		{"outside std", "/tmp/m/x.go", "example.com/m", "package m\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pass, file, pos := check(t, tt.filename, tt.pkgPath, tt.src)
			name, needImport, why := imports.Name(pass, file, pos, "strings")
			if !needImport {
				t.Fatalf("Name = %q, %v, %q: want an import needed", name, needImport, why)
			}
			if ok := why == ""; ok != tt.ok {
				t.Errorf("Name = %q, %v, %q; want allowed = %v", name, needImport, why, tt.ok)
			}
		})
	}
}

func TestAdd(t *testing.T) {
	tests := []struct {
		name, src string
		paths     []string // added in one go, as fixes of one file are
		want      string
	}{
		{"no imports", "package p\n\nfunc f() {}\n", []string{"strings"},
			"package p\n\nimport \"strings\"\n\nfunc f() {}\n"},
		{"no imports, comment after the package clause", "package p // the p package\n\nfunc f() {}\n", []string{"strings"},
			"package p // the p package\n\nimport \"strings\"\n\nfunc f() {}\n"},
		{"single import", "package p\n\nimport \"os\"\n", []string{"strings"},
			"package p\n\nimport \"os\"\n\nimport \"strings\"\n"},
		{"single import with comment", "package p\n\nimport \"os\" // for files\n", []string{"strings"},
			"package p\n\nimport \"os\" // for files\n\nimport \"strings\"\n"},
		{"single import, two paths", "package p\n\nimport \"os\"\n", []string{"bytes", "strings"},
			"package p\n\nimport \"os\"\n\nimport \"bytes\"\n\nimport \"strings\"\n"},
		{"group, at the end", "package p\n\nimport (\n\t\"bytes\"\n\t\"os\"\n)\n", []string{"strings"},
			"package p\n\nimport (\n\t\"bytes\"\n\t\"os\"\n\t\"strings\"\n)\n"},
		{"group, in between", "package p\n\nimport (\n\t\"bytes\"\n\t\"os\"\n)\n", []string{"io", "strings"},
			"package p\n\nimport (\n\t\"bytes\"\n\t\"io\"\n\t\"os\"\n\t\"strings\"\n)\n"},
		{"group, first", "package p\n\nimport (\n\t\"io\"\n\t\"os\"\n)\n", []string{"bytes"},
			"package p\n\nimport (\n\t\"bytes\"\n\t\"io\"\n\t\"os\"\n)\n"},
		{"alias", "package p\n\nimport (\n\tb \"bytes\"\n\t\"os\"\n)\n", []string{"io"},
			"package p\n\nimport (\n\tb \"bytes\"\n\t\"io\"\n\t\"os\"\n)\n"},
		{"trailing comments", "package p\n\nimport (\n\t\"os\" // for files\n\t_ \"unsafe\" // for linkname\n)\n", []string{"io", "strings"},
			"package p\n\nimport (\n\t\"io\"\n\t\"os\" // for files\n\t\"strings\"\n\t_ \"unsafe\" // for linkname\n)\n"},
		{"doc comment", "package p\n\nimport (\n\t\"io\"\n\t// Files.\n\t\"os\"\n)\n", []string{"math"},
			"package p\n\nimport (\n\t\"io\"\n\t\"math\"\n\t// Files.\n\t\"os\"\n)\n"},
		{"std then others", "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/a\"\n)\n", []string{"strings"},
			"package p\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\n\t\"example.com/a\"\n)\n"},
		{"last std block", "package p\n\nimport (\n\t\"strconv\"\n\n\t\"errors\"\n)\n", []string{"slices"},
			"package p\n\nimport (\n\t\"strconv\"\n\n\t\"errors\"\n\t\"slices\"\n)\n"},
		{"only others", "package p\n\nimport (\n\t\"example.com/a\"\n)\n", []string{"strings"},
			"package p\n\nimport (\n\t\"strings\"\n\n\t\"example.com/a\"\n)\n"},
		{"one line group", "package p\n\nimport (\"os\")\n", []string{"strings"},
			"package p\n\nimport (\n\t\"os\"\n\t\"strings\"\n)\n"},
		{"cgo preamble only", "package p\n\n// #include <stdio.h>\nimport \"C\"\n", []string{"strings"},
			"package p\n\nimport \"strings\"\n\n// #include <stdio.h>\nimport \"C\"\n"},
		{"cgo preamble and a group", "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport (\n\t\"os\"\n)\n", []string{"strings"},
			"package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport (\n\t\"os\"\n\t\"strings\"\n)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, "x.go", tt.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			var edits []analysis.TextEdit
			for _, path := range tt.paths {
				edit := imports.Add(fset, file, path)
				if again := imports.Add(fset, file, path); !equal(edit, again) {
					t.Fatalf("Add(%q) gave %v, then %v: fixes adding the same import must make the same edit", path, edit, again)
				}
				edits = append(edits, edit)
			}
			got := apply(t, fset, tt.src, edits)
			formatted, err := format.Source([]byte(got))
			if err != nil {
				t.Fatalf("result does not parse: %v\n%s", err, got)
			}
			if string(formatted) != tt.want {
				t.Errorf("got (formatted)\n%s\nwant\n%s", formatted, tt.want)
			}
		})
	}
}

func equal(a, b analysis.TextEdit) bool {
	return a.Pos == b.Pos && a.End == b.End && string(a.NewText) == string(b.NewText)
}

// apply applies non-overlapping edits to src, failing on overlaps as the
// drivers do.
func apply(t *testing.T, fset *token.FileSet, src string, edits []analysis.TextEdit) string {
	t.Helper()
	tf := fset.File(edits[0].Pos)
	slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos) - int(b.Pos) })
	var out strings.Builder
	last := 0
	for _, e := range edits {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last {
			t.Fatalf("overlapping edits: %v", edits)
		}
		out.WriteString(src[last:start])
		out.Write(e.NewText)
		last = end
	}
	out.WriteString(src[last:])
	return out.String()
}
