package profile

import (
	"bytes"
	"compress/gzip"
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/pprof/profile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// realProfiles copies testdata/hot to a temporary directory, profiles its
// benchmark there with go test -cpuprofile and -memprofile, and returns the
// directory and the profiles' paths. A fixed iteration count, rather than
// a duration, gives about the same number of samples however loaded the
// machine is.
var realProfiles = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "memlint-profile-test")
	if err != nil {
		return "", err
	}
	profiled = dir
	if err := os.CopyFS(dir, os.DirFS("testdata/hot")); err != nil {
		return "", err
	}
	cmd := exec.Command("go", "test", "-run", "NONE", "-bench", ".", "-benchtime", "6000x",
		"-cpuprofile", "cpu.pprof", "-memprofile", "mem.pprof", "-o", "hot.test")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", &exec.Error{Name: "go test -bench: " + string(out), Err: err}
	}
	return dir, nil
})

// profiled is the directory realProfiles made, if a test asked for it.
var profiled string

func TestMain(m *testing.M) {
	code := m.Run()
	if profiled != "" {
		os.RemoveAll(profiled)
	}
	os.Exit(code)
}

// measureSites analyzes the module in dir with ix and returns the measure of
// each line marked "// site:<name>", as a finding at the line's first
// statement (or, for a declaration, at the declared name) would get it.
func measureSites(t *testing.T, dir string, ix *Index) map[string]Measure {
	t.Helper()
	got := make(map[string]Measure)
	a := &analysis.Analyzer{
		Name: "sites",
		Doc:  "measure the marked lines",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, cg := range f.Comments {
					name, ok := strings.CutPrefix(cg.Text(), "site:")
					if !ok {
						continue
					}
					line := pass.Fset.Position(cg.Pos()).Line
					var at ast.Node
					ast.Inspect(f, func(n ast.Node) bool {
						if at == nil && n != nil && pass.Fset.Position(n.Pos()).Line == line {
							switch n := n.(type) {
							case *ast.AssignStmt:
								at = n
							case *ast.ValueSpec:
								at = n.Names[0]
							}
						}
						return at == nil
					})
					if at == nil {
						t.Fatalf("no statement on the line of site:%s", name)
					}
					got[strings.TrimSpace(name)] = ix.Measure(Symbols(pass.Pkg), Sites(pass, at.Pos(), at.End()))
				}
			}
			return nil, nil
		},
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, ".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	return got
}

func loadReal(t *testing.T) (string, *Index) {
	t.Helper()
	dir, err := realProfiles()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Load([]string{filepath.Join(dir, "cpu.pprof"), filepath.Join(dir, "mem.pprof")})
	if err != nil {
		t.Fatal(err)
	}
	return dir, ix
}

func TestRealProfiles(t *testing.T) {
	dir, ix := loadReal(t)
	got := measureSites(t, dir, ix)
	for name, m := range got {
		t.Logf("site:%s: %s", name, m)
	}
	for name, via := range map[string]string{
		"grow":     "runtime.growslice",
		"growdecl": "runtime.growslice", // at the slice's name: its appends count
		"concat":   "runtime.concatstring",
		"map":      "runtime.mapassign",
		"closure":  "runtime.growslice",
	} {
		m := got[name]
		if m.Alloc == 0 || m.CPU == 0 || !strings.HasPrefix(m.CPUVia, via) || m.Share() < 0.01 {
			t.Errorf("site:%s: %+v (%s), want allocations and CPU in %s of at least 1%%", name, m, m, via)
		}
	}
	if cold := got["cold"]; cold.Seen() || !cold.Known {
		t.Errorf("site:cold: %+v (%s), want not seen in a known package", cold, cold)
	}
	if got["growdecl"] != got["grow"] {
		t.Errorf("a finding at the slice's name measures %s, its append %s", got["growdecl"], got["grow"])
	}
}

// TestEditedSource checks that a profile taken before an edit still
// applies after edits that move functions, and after edits inside a
// function above one of its closures.
func TestEditedSource(t *testing.T) {
	dir, ix := loadReal(t)
	want := measureSites(t, dir, ix)

	edited := t.TempDir()
	if err := os.CopyFS(edited, os.DirFS("testdata/hot")); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(edited, "hot.go")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`import "strconv"`), []byte("import \"strconv\"\n\n// Added moves everything below.\nfunc Added() int {\n\treturn 1\n}"), 1)
	src = bytes.Replace(src, []byte("\tvar out []string\n\tadd :="), []byte("\tvar out []string\n\t// An edit above the closure.\n\tadd :="), 1)
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	got := measureSites(t, edited, ix)
	for site, m := range want {
		if got[site] != m {
			t.Errorf("site:%s: after the edit %s, before %s", site, got[site], m)
		}
	}
}

// A synthetic CPU profile pins down which samples count, and for what.
func TestAttribution(t *testing.T) {
	fn := func(id uint64, name string, start int64) *profile.Function {
		return &profile.Function{ID: id, Name: name, StartLine: start}
	}
	memmove, growslice := fn(1, "runtime.memmove", 1), fn(2, "runtime.growslice", 1)
	mapassign, tableGrow := fn(3, "runtime.mapassign_faststr", 1), fn(4, "internal/runtime/maps.(*table).grow", 1)
	hash, newobject := fn(5, "aeshashbody", 0), fn(6, "runtime.newobject", 1)
	f, closure, g := fn(7, "example.com/p.F", 10), fn(8, "example.com/p.F.func1.2", 20), fn(9, "example.com/p.G", 30)
	other, closure2 := fn(10, "example.com/q.H", 5), fn(11, "example.com/p.F.func3", 40)
	var locs []*profile.Location
	loc := func(lines ...profile.Line) *profile.Location {
		l := &profile.Location{ID: uint64(len(locs) + 1), Line: lines}
		locs = append(locs, l)
		return l
	}
	at := func(f *profile.Function, line int64) profile.Line { return profile.Line{Function: f, Line: line} }
	sample := func(v int64, stack ...*profile.Location) *profile.Sample {
		return &profile.Sample{Location: stack, Value: []int64{v, v}}
	}
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		Period:     1,
		Function:   []*profile.Function{memmove, growslice, mapassign, tableGrow, hash, newobject, f, closure, g, other, closure2},
		Sample: []*profile.Sample{
			sample(30, loc(at(memmove, 9)), loc(at(growslice, 9)), loc(at(f, 12))), // growth: F+2
			sample(50, loc(at(f, 13))),                        // F's own work: not charged
			sample(10, loc(at(mapassign, 9)), loc(at(f, 14))), // a map insert that does not grow
			sample(7, loc(at(hash, 0)), loc(at(tableGrow, 9)), loc(at(mapassign, 9)), loc(at(f, 14))),
			sample(5, loc(at(newobject, 9)), loc(at(closure, 22)), loc(at(f, 15))),   // closure+2
			sample(4, loc(at(newobject, 9)), loc(at(closure2, 42)), loc(at(f, 17))),  // another closure+2
			sample(3, loc(at(growslice, 9)), loc(at(g, 31), at(f, 16))),              // G inlined into F: G+1
			sample(2, loc(at(memmove, 9)), loc(at(growslice, 9)), loc(at(other, 6))), // too few samples in q to know
		},
	}
	p.Location = locs
	var buf bytes.Buffer
	if err := p.WriteUncompressed(&buf); err != nil {
		t.Fatal(err)
	}
	raw, err := decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	fi, err := index(raw)
	if err != nil {
		t.Fatal(err)
	}
	ix := &Index{files: []*fileIndex{fi}}
	measure := func(pkg string, sites ...Site) string {
		m := ix.Measure(pkg, sites)
		return strings.Join([]string{m.String(), map[bool]string{true: "known", false: "unknown"}[m.Known]}, "; ")
	}
	for _, tc := range []struct {
		sites []Site
		pkg   string
		want  string
	}{
		{[]Site{{Func: "example.com/p.F", Start: 110, Line: 112}}, "example.com/p", "in the profile: 27% of CPU in runtime.growslice; known"},
		{[]Site{{Func: "example.com/p.F", Start: 110, Line: 113}}, "example.com/p", "not seen in the profile; known"},
		{[]Site{{Func: "example.com/p.F", Start: 10, Line: 14}}, "example.com/p", "in the profile: 6.3% of CPU in runtime.mapassign_faststr; known"},
		// Closures: the one declared nearest, at the same offset.
		{[]Site{{Func: "example.com/p.F", Closure: true, Start: 24, Line: 26}}, "example.com/p", "in the profile: 4.5% of CPU in runtime.newobject; known"},
		{[]Site{{Func: "example.com/p.F", Closure: true, Start: 37, Line: 39}}, "example.com/p", "in the profile: 3.6% of CPU in runtime.newobject; known"},
		{[]Site{{Func: "example.com/p.G", Start: 30, Line: 31}}, "example.com/p", "in the profile: 2.7% of CPU in runtime.growslice; known"},
		{[]Site{{Func: "example.com/p.F", Start: 10, Line: 16}}, "example.com/p", "not seen in the profile; known"},
		{[]Site{{Func: "example.com/q.H", Start: 5, Line: 6}}, "example.com/q", "in the profile: 1.8% of CPU in runtime.growslice; unknown"},
		{[]Site{{Func: "example.com/q.H", Start: 5, Line: 7}}, "example.com/q", "not seen in the profile; unknown"},
		// Two sites on one line count once.
		{[]Site{{Func: "example.com/p.F", Start: 10, Line: 12}, {Func: "example.com/p.F", Start: 10, Line: 12}}, "example.com/p", "in the profile: 27% of CPU in runtime.growslice; known"},
	} {
		if got := measure(tc.pkg, tc.sites...); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.sites, got, tc.want)
		}
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct {
		m    Measure
		want string
		rank float64
	}{
		{Measure{}, "not seen in the profile", 0},
		{Measure{Alloc: 3 << 30, AllocTotal: 10 << 30, InUse: 5 << 20}, "in the profile: 3.0 GiB allocated here (30% of all allocation; 5.0 MiB of it in use when the profile was taken)", 0.30},
		{Measure{Alloc: 1000, AllocTotal: 1 << 30, CPU: 34, CPUTotal: 1000, CPUVia: "runtime.growslice"}, "in the profile: 1000 B allocated here (0.00% of all allocation), 3.4% of CPU in runtime.growslice", 0.034},
	} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.m, got, tc.want)
		}
		if got := Rank("x grows; " + tc.m.String()); got != tc.rank {
			t.Errorf("Rank(%q) = %v, want %v", tc.m, got, tc.rank)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	notProfile := filepath.Join(dir, "x.pprof")
	if err := os.WriteFile(notProfile, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	var goroutines bytes.Buffer
	p := &profile.Profile{SampleType: []*profile.ValueType{{Type: "goroutine", Unit: "count"}}}
	if err := p.Write(&goroutines); err != nil {
		t.Fatal(err)
	}
	goroutineProfile := filepath.Join(dir, "g.pprof")
	if err := os.WriteFile(goroutineProfile, goroutines.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "missing"): "no such file",
		notProfile:                    "x.pprof: parsing profile",
		goroutineProfile:              "not a CPU or heap profile (sample types goroutine)",
	} {
		if _, err := Load([]string{path}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%s): %v, want an error containing %q", filepath.Base(path), err, want)
		}
	}
}

// TestSetting checks that setting a profile flag fails at once for a file
// that is missing, not a profile, or small, and otherwise reads the
// profile in the background for the passes: a large profile of another
// kind is known to be one only once read, and is then reported by Load.
// Setting it to auto reads the default.pgo of the working directory's
// module.
func TestSetting(t *testing.T) {
	dir := t.TempDir()
	var gzipped bytes.Buffer
	zw := gzip.NewWriter(&gzipped)
	zw.Write([]byte("package main\n\nfunc main() {}\n"))
	zw.Close()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var small bytes.Buffer
	p := &profile.Profile{SampleType: []*profile.ValueType{{Type: "goroutine", Unit: "count"}}}
	if err := p.Write(&small); err != nil { // gzip'ed
		t.Fatal(err)
	}
	goroutine := filepath.Join(dir, "goroutine.pprof") // too large to read at once
	writeBigProfile(t, goroutine, backgroundSize, p, []int64{1})
	for path, want := range map[string]string{
		filepath.Join(dir, "missing"):              "no such file",
		write("main.go", []byte("package main\n")): "main.go: parsing profile",
		write("main.go.gz", gzipped.Bytes()):       "main.go.gz: parsing profile",
		write("small.pprof", small.Bytes()):        "not a CPU or heap profile (sample types goroutine)",
	} {
		if err := new(Setting).Set(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Set(%s): %v, want an error containing %q", filepath.Base(path), err, want)
		}
	}
	if err := new(Setting).Set(goroutine); err != nil {
		t.Errorf("Set(%s): %v, want it read in the background", filepath.Base(goroutine), err)
	}
	if _, err := Load([]string{goroutine}); err == nil || !strings.Contains(err.Error(), "not a CPU or heap profile") {
		t.Errorf("Load(%s) after Set: %v, want not a CPU or heap profile", filepath.Base(goroutine), err)
	}

	// The runtime's profiles start as profiles, though not as pprof's
	// package writes them.
	real, err := realProfiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cpu.pprof", "mem.pprof"} {
		if path := filepath.Join(real, name); !startsAsProfile(path) {
			t.Errorf("%s does not start as a profile: it would be read before packages load", name)
		}
	}

	// The passes of a command, which run at once, all wait for the one
	// reading a large profile.
	cpu := filepath.Join(dir, "cpu.pprof")
	writeBigProfile(t, cpu, backgroundSize, &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		Period:     10_000_000,
	}, []int64{1, 10_000_000})
	want, err := parseFile(cpu)
	if err != nil {
		t.Fatal(err)
	}
	if err := new(Setting).Set(cpu); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]*Index, 4)
	for i := range got {
		wg.Go(func() {
			got[i], _ = Load([]string{cpu})
		})
	}
	wg.Wait()
	for i, ix := range got {
		if ix == nil || !reflect.DeepEqual(ix.files[0], want) {
			t.Errorf("Load %d after Set: not the profile's attribution", i)
		}
	}

	// -profile=auto in a module whose command has a default.pgo.
	module := filepath.Join(dir, "module")
	write("module/go.mod", []byte("module example.com/m\n"))
	write("module/cmd/a/main.go", []byte("package main\n"))
	data, err := os.ReadFile(filepath.Join(real, "cpu.pprof"))
	if err != nil {
		t.Fatal(err)
	}
	pgo := write("module/cmd/a/default.pgo", data)
	if want, err = parseFile(pgo); err != nil {
		t.Fatal(err)
	}
	t.Chdir(module)
	if err := new(Setting).Set(Auto); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(Auto, filepath.Join(module, "cmd/a"))
	if err != nil || len(ix.files) != 1 || !reflect.DeepEqual(ix.files[0], want) {
		t.Errorf("Open(auto) after Set(auto): %v, not the attribution of %s", err, pgo)
	}
}

// TestLegacyProfile checks that a profile in one of the text formats
// before protocol buffers is read, through pprof's converter.
func TestLegacyProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "heap.txt")
	legacy := "heap profile: 1: 1024 [2: 2048] @ heap/1048576\n1: 1024 [2: 2048] @ 0x401000 0x402000\n"
	if err := os.WriteFile(path, []byte(legacy), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Load([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if f := ix.files[0]; f.kind != heapProfile || f.total == 0 {
		t.Errorf("legacy heap profile read as kind %v with %d bytes allocated", f.kind, f.total)
	}
}

// TestDefaultProfiles checks which default.pgo files -profile=auto uses:
// those next to main packages, as go build -pgo=auto, and none in
// directories the go command ignores or in nested modules.
func TestDefaultProfiles(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":                       "module example.com/m\n",
		"lib/lib.go":                   "package lib\n",
		"lib/default.pgo":              "",
		"cmd/a/main.go":                "package main\n",
		"cmd/a/main_test.go":           "package main_test\n",
		"cmd/a/default.pgo":            "",
		"testdata/c/main.go":           "package main\n",
		"testdata/c/default.pgo":       "",
		"nested/go.mod":                "module example.com/nested\n",
		"nested/cmd/b/main.go":         "package main\n",
		"nested/cmd/b/default.pgo":     "",
		"_old/main.go":                 "package main\n",
		"_old/default.pgo":             "",
		"cmd/a/internal/x/x.go":        "package x\n",
		"cmd/a/internal/x/default.pgo": "",
	} {
		name = filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := defaultProfiles(filepath.Join(root, "lib"))
	if want := []string{filepath.Join(root, "cmd/a/default.pgo")}; err != nil || !slices.Equal(got, want) {
		t.Errorf("defaultProfiles: %q, %v; want %q", got, err, want)
	}
	if got, err := defaultProfiles(t.TempDir()); err != nil || len(got) != 0 {
		t.Errorf("defaultProfiles outside a module: %q, %v; want none", got, err)
	}
}
