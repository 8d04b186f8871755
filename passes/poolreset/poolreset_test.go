package poolreset_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/fixture"
	"github.com/memlint/memlint/passes/poolreset"
)

// packages are the fixtures run with the default flags.
var packages = []string{
	"poolreset/dirty",
	"poolreset/helpers",
	"poolreset/resetonget",
	"poolreset/useafterput",
	"poolreset/nonpointer",
	"poolreset/pinning",
	"poolreset/growing",
	"poolreset/alias",
	"poolreset/generic",
	"poolreset/fieldheld",
	"poolreset/elements",
	"poolreset/imported",
	"poolreset/transformer",
}

// The fixtures' functions have no callers, which the cost model rates
// low: they run under -strict, and the tiers fixture at the default.
func TestAnalyzer(t *testing.T) {
	fixture.SetFlag(t, poolreset.Analyzer, "strict", "true")
	dir := fixture.Dir(t)
	results := analysistest.RunWithSuggestedFixes(t, dir, poolreset.Analyzer, packages...)

	// analysistest compares golden files only for files with fixes; the
	// others must have a golden file identical to the source, so that a
	// fix appearing where none is safe fails the test.
	fixed := make(map[string]bool)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					fixed[r.Pass.Fset.File(e.Pos).Name()] = true
				}
			}
		}
	}
	for _, pkg := range packages {
		src := filepath.Join(dir, "src", pkg, "x.go")
		if fixed[src] {
			continue
		}
		orig, err1 := os.ReadFile(src)
		golden, err2 := os.ReadFile(src + ".golden")
		if err1 != nil || err2 != nil || !bytes.Equal(orig, golden) {
			t.Errorf("%s has no fixes, so %s.golden must exist and equal it (%v, %v)", src, src, err1, err2)
		}
	}
}

func TestTiers(t *testing.T) {
	analysistest.Run(t, fixture.Dir(t), poolreset.Analyzer, "poolreset/tiers")
}

func TestMaxCap(t *testing.T) {
	fixture.SetFlag(t, poolreset.Analyzer, "strict", "true")
	if err := poolreset.Analyzer.Flags.Set("maxcap", "true"); err != nil {
		t.Fatal(err)
	}
	defer poolreset.Analyzer.Flags.Set("maxcap", "false")
	analysistest.Run(t, fixture.Dir(t), poolreset.Analyzer, "poolreset/maxcap")
}

// TestFixedFixturesBuild builds every fixture's golden file, as the code
// after "memlint -fix": a fix that does not compile fails here, and runs
// the fixed dirty functions.
func TestFixedFixturesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	src := filepath.Join(fixture.Dir(t), "src")
	// The module is poolreset, so that fixtures import their helper
	// packages (poolreset/imported/zpool) by their analysistest paths.
	root := t.TempDir()
	mod := filepath.Join(root, "poolreset")
	if err := os.MkdirAll(mod, 0o777); err != nil {
		t.Fatal(err)
	}
	// Fixtures import a stand-in for golang.org/x/text (transform.Bytes),
	// which the module gets from a copy of it.
	const goMod = "module poolreset\n\ngo 1.26\n\nrequire golang.org/x/text v0.0.0\n\nreplace golang.org/x/text => ../xtext\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(goMod), 0o666); err != nil {
		t.Fatal(err)
	}
	xtext := filepath.Join(root, "xtext")
	if err := os.CopyFS(xtext, os.DirFS(filepath.Join(src, "golang.org", "x", "text"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(xtext, "go.mod"), []byte("module golang.org/x/text\n\ngo 1.26\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	goldens, err := filepath.Glob(filepath.Join(src, "poolreset", "*", "*.go.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files (%v)", err)
	}
	helpers, err := filepath.Glob(filepath.Join(src, "poolreset", "*", "*", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, golden := range append(goldens, helpers...) {
		rel, _ := filepath.Rel(src, strings.TrimSuffix(golden, ".golden"))
		data, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	// The fixed functions return what the originals return on a first
	// call, and keep doing so on later calls, whose originals see the
	// previous call's contents.
	run := filepath.Join(mod, "dirty", "run_test.go")
	if err := os.WriteFile(run, []byte(runDirty), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./dirty"}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s on the fixed fixtures: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

const runDirty = `package dirty

import (
	"slices"
	"testing"
)

func TestFixedAgain(t *testing.T) {
	var p parser
	p.states.New = func() any { return new(state) }
	for range 3 {
		if n := neverReset("abc"); n != 3 {
			t.Errorf("neverReset = %d, want 3", n)
		}
		resetOnOneBranch("a", true)
		if s, _ := resetOnOneBranch("b", false); s != "b" {
			t.Errorf("resetOnOneBranch = %q, want %q", s, "b")
		}
		if n := appendTo("ab"); n != 2 {
			t.Errorf("appendTo = %d, want 2", n)
		}
		if n := p.parseDirty([]int{1, 2}); n != 2 {
			t.Errorf("parseDirty = %d, want 2", n)
		}
		if out := localNoNilCheck([]string{"x", "y"}); !slices.Equal(out, []string{"x", "y"}) {
			t.Errorf("localNoNilCheck = %q, want [x y]", out)
		}
		if s := deferredPut("q"); s != "q" {
			t.Errorf("deferredPut = %q, want q", s)
		}
	}
}
`

// TestPinningFixReleases runs the pinning fixture before and after its
// fixes: the original puts objects back still referencing the caller's
// writer and buffer, which the next Get finds; the fixed code does not.
func TestPinningFixReleases(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	src := filepath.Join(fixture.Dir(t), "src", "poolreset", "pinning", "x.go")
	for _, c := range []struct {
		file string
		held string
	}{{src, "held"}, {src + ".golden", "released"}} {
		mod := t.TempDir()
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{"go.mod": "module pinning\n\ngo 1.26\n", "x.go": string(data), "run_test.go": runPinning}
		for name, content := range files {
			if err := os.WriteFile(filepath.Join(mod, name), []byte(content), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command("go", "test", "-count=1", ".")
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "WANT="+c.held)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go test on %s (want %s): %v\n%s", filepath.Base(c.file), c.held, err, out)
		}
	}
}

const runPinning = `package pinning

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// TestHeld counts the objects that a Get finds still referencing the
// previous caller's memory. A Put followed by a Get on the same goroutine
// returns the same object unless a GC runs in between, so a few tries
// suffice.
func TestHeld(t *testing.T) {
	held := 0
	for range 20 {
		Log(new(bytes.Buffer), context.Background(), []string{"a"}, "m")
		r := records.Get().(*record)
		if r.out != nil || r.ctx != nil || r.tags != nil {
			held++
		}
		Pipeline(3)
		cs := cmdSlices.Get().([]*cmd)
		if cap(cs) > 0 && cs[:1][0] != nil {
			held++
		}
		Count(make([]byte, 1<<10))
		d := decoders.Get().(*decoder)
		if d.s.data != nil {
			held++
		}
	}
	switch want := os.Getenv("WANT"); {
	case want == "held" && held == 0:
		t.Errorf("no Get found the previous caller's memory: the fixture does not show the leak")
	case want == "released" && held > 0:
		t.Errorf("%d Gets found the previous caller's memory after the fix", held)
	}
}
`

// TestFixesStopLeaks runs the Leak functions of the growing, alias,
// fieldheld and elements fixtures before and after their fixes: each uses a pooled object twice
// on one goroutine and returns how much of the first use the second one
// changes or finds (entries left in a map or slice, an id overwritten).
// The original leaks (a Put followed by a Get on the same goroutine
// returns the same object unless a GC runs in between, so a few tries
// suffice); the fixed code never does.
func TestFixesStopLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	for pkg, want := range map[string]int{"growing": 4, "alias": 2, "fieldheld": 1, "elements": 3} {
		var leaks []string
		out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "poolreset", pkg), func(f *ast.File) []byte {
			leaks = fixture.ExportedFuncs(f, "Leak")
			var main strings.Builder
			main.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"equiv/fixed\"\n\t\"equiv/orig\"\n)\n\nfunc main() {\n\tbad := false\n")
			for _, l := range leaks {
				fmt.Fprintf(&main, "\t{\n\tleaked := 0\n\tfor range 20 {\n\t\tleaked += orig.%[1]s()\n\t\tif n := fixed.%[1]s(); n != 0 {\n\t\t\tfmt.Printf(\"%[1]s: the fixed code leaks %%d entries\\n\", n)\n\t\t\tbad = true\n\t\t}\n\t}\n\tif leaked == 0 {\n\t\tfmt.Println(\"%[1]s: the original leaks nothing: the fixture does not show the bug\")\n\t\tbad = true\n\t}\n\t}\n", l)
			}
			main.WriteString("\tif bad {\n\t\tos.Exit(1)\n\t}\n\tfmt.Println(\"leaks fixed\")\n}\n")
			return []byte(main.String())
		})
		if len(leaks) < want || !strings.Contains(out, "leaks fixed") {
			t.Errorf("%s: ran %d Leak functions, want %d; output:\n%s", pkg, len(leaks), want, out)
		}
	}
}

// TestModule runs on a module whose pooled buffer is handed to a
// function of another of its packages: the module's path tells those
// apart from other modules' functions.
func TestModule(t *testing.T) {
	fixture.SetFlag(t, poolreset.Analyzer, "strict", "true")
	analysistest.Run(t, filepath.Join(fixture.Dir(t), "modules", "poolmod"), poolreset.Analyzer, "./server")
}

// TestNoGoDirective checks that no fix calls clear in a dependency whose
// go.mod has no go directive: the go command compiles it as go1.16.
func TestNoGoDirective(t *testing.T) {
	fixture.SetFlag(t, poolreset.Analyzer, "strict", "true")
	dir := filepath.Join(fixture.Dir(t), "src", "nogodirective")
	analysistest.RunWithSuggestedFixes(t, dir, poolreset.Analyzer, "dep/poolreset")
}
