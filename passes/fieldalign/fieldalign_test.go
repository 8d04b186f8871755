package fieldalign_test

import (
	"bytes"
	"go/format"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/fieldalign"
)

// amd64Fixtures are the fixture packages checked with the default
// (amd64) sizes and flags.
var amd64Fixtures = []string{
	"fieldalign/alloc",
	"fieldalign/basic",
	"fieldalign/bigscan",
	"fieldalign/cgo",
	"fieldalign/comments",
	"fieldalign/contended",
	"fieldalign/few",
	"fieldalign/generated",
	"fieldalign/generics",
	"fieldalign/internal/cmd/table-gen",
	"fieldalign/ignore",
	"fieldalign/onamd64",
	"fieldalign/percall",
	"fieldalign/pinned",
	"fieldalign/positional",
}

func TestAnalyzer(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), fieldalign.Analyzer, amd64Fixtures...)
}

// Test386 checks that sizes come from the target: the twin of
// fieldalign/onamd64 has different findings on 386.
func Test386(t *testing.T) {
	t.Setenv("GOARCH", "386")
	results := analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), fieldalign.Analyzer, "fieldalign/on386")
	if len(results) == 0 || results[0].Pass.TypesSizes.Sizeof(types.Typ[types.Uintptr]) != 4 {
		t.Fatalf("the fixture was not analyzed with 386 sizes")
	}
}

func TestScanFlag(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	setFlag(t, "scan", true)
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), fieldalign.Analyzer, "fieldalign/scan")
}

// TestStrict checks the low tier: structs without evidence of many values,
// or whose field order is seen outside the package, reported only with
// -fieldalign.strict.
func TestStrict(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	setFlag(t, "strict", true)
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), fieldalign.Analyzer, "fieldalign/strict", "fieldalign/strictcmd")
}

// TestScanOffByDefault checks that without the flag a struct whose size
// cannot shrink is not reported for its pointer bytes.
func TestScanOffByDefault(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	results := analysistest.Run(new(fixture.Recorder), fixture.Dir(t), fieldalign.Analyzer, "fieldalign/scan")
	var msgs []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			msgs = append(msgs, d.Message)
		}
	}
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "struct Both of 32 bytes could be 24 (saves 8 bytes per value; size class 32 -> 24 when allocated alone); ") {
		t.Errorf("without -scan, got %q, want only the size finding of Both", msgs)
	}
}

func setFlag(t *testing.T, name string, on bool) {
	f := fieldalign.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(map[bool]string{true: "true", false: "false"}[on]); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// TestFixesAreFormatted applies the suggested fixes to the fixtures exactly
// as reported, without the formatting analysistest adds, and checks that
// the result is the golden file byte for byte: fixes to gofmt'd files need
// no gofmt. (A one-line struct is not gofmt'd to begin with.)
func TestFixesAreFormatted(t *testing.T) {
	t.Setenv("GOARCH", "amd64")
	rec := new(fixture.Recorder)
	results := analysistest.Run(rec, fixture.Dir(t), fieldalign.Analyzer, amd64Fixtures...)
	if len(rec.Errors) > 0 {
		t.Fatalf("the fixtures do not match their // want comments: %q", rec.Errors)
	}
	checked := 0
	for _, r := range results {
		edits := make(map[string][]edit)
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					tf := r.Pass.Fset.File(e.Pos)
					edits[tf.Name()] = append(edits[tf.Name()], edit{tf.Offset(e.Pos), tf.Offset(e.End), e.NewText})
				}
			}
		}
		for name, es := range edits {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
				continue
			}
			got := apply(src, es)
			want, err := os.ReadFile(name + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: fixes applied verbatim differ from the golden file:\n%s", name, got)
			}
			if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
				t.Errorf("%s: fixed file is not gofmt'd (%v)", name, err)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no fixes were checked")
	}
}

type edit struct {
	start, end int
	text       []byte
}

func apply(src []byte, edits []edit) []byte {
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out := slices.Clone(src)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], e.text, out[e.end:])
	}
	return out
}

// TestGoldenFilesCompile copies every fixture package (and wire, which
// one imports), with the golden files in place of the originals, into a
// GOPATH tree and builds it: a fix
// must leave code that compiles (go vet also type-checks the tests).
func TestGoldenFilesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gopath := t.TempDir()
	src := filepath.Join(fixture.Dir(t), "src")
	var pkgs []string
	for _, pkg := range append(amd64Fixtures, "fieldalign/on386", "fieldalign/scan", "fieldalign/strict", "wire") {
		dir := filepath.Join(src, pkg)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(gopath, "src", pkg)
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, ".go") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, name+".golden"))
			if os.IsNotExist(err) {
				data, err = os.ReadFile(filepath.Join(dir, name))
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		pkgs = append(pkgs, "./"+pkg)
	}
	cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
	cmd.Dir = filepath.Join(gopath, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet on the fixed fixtures: %v\n%s", err, out)
	}
}
