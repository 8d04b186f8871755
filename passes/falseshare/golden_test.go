package falseshare_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// padComment is the line comment the fix puts on the padding it inserts.
var padComment = regexp.MustCompile(`keeps (\S+) and (\S+) in different cache lines|(one cache line per element)`)

// TestFixedLayouts type-checks the fixed fixtures (the golden files) for
// amd64 and checks what each inserted padding promises: the two fields lie
// at least 63 bytes apart, so no 64-byte line holds both whatever the
// value's alignment, or the padded element is a whole number of lines.
func TestFixedLayouts(t *testing.T) {
	goldens, _ := filepath.Glob(filepath.Join(fixture.Dir(t), "src", "falseshare", "*", "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatal("no golden files")
	}
	sizes := types.SizesFor("gc", "amd64")
	checked := 0
	for _, name := range goldens {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Defs: make(map[*ast.Ident]types.Object)}
		conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Sizes: sizes}
		if _, err := conf.Check(f.Name.Name, fset, []*ast.File{f}, info); err != nil {
			t.Fatalf("%s does not type-check: %v", name, err)
		}
		for n := range ast.Preorder(f) {
			spec, ok := n.(*ast.TypeSpec)
			if !ok {
				continue
			}
			st, ok := info.Defs[spec.Name].Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for _, field := range spec.Type.(*ast.StructType).Fields.List {
				if field.Comment == nil {
					continue
				}
				m := padComment.FindStringSubmatch(field.Comment.Text())
				switch {
				case m == nil:
					continue
				case m[3] != "":
					if size := sizes.Sizeof(st); size%64 != 0 {
						t.Errorf("%s: padded %s is %d bytes, not whole cache lines", name, spec.Name.Name, size)
					}
				default:
					offA, sizeA, okA := field0(sizes, st, m[1])
					offB, _, okB := field0(sizes, st, m[2])
					if !okA || !okB {
						t.Errorf("%s: %s has no fields %s and %s", name, spec.Name.Name, m[1], m[2])
					} else if gap := offB - (offA + sizeA); gap < 63 {
						t.Errorf("%s: %s and %s of %s are %d bytes apart after the fix", name, m[1], m[2], spec.Name.Name, gap)
					}
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no padding was checked")
	}
}

// field0 returns the offset and size of the named field of st.
func field0(sizes types.Sizes, st *types.Struct, name string) (off, size int64, ok bool) {
	var vars []*types.Var
	for f := range st.Fields() {
		vars = append(vars, f)
	}
	offsets := sizes.Offsetsof(vars)
	for i, v := range vars {
		if v.Name() == name {
			return offsets[i], sizes.Sizeof(v.Type()), true
		}
	}
	return 0, 0, false
}
