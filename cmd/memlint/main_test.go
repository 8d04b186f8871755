package main_test

// End-to-end tests of the real memlint binary in each of the ways people run
// it: standalone, with -json, -fix and -diff, as go vet's -vettool and as
// go fix's -fixtool.

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var memlint string // path of the binary built by TestMain

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "memlint-e2e")
	if err != nil {
		panic(err)
	}
	memlint = filepath.Join(dir, "memlint")
	if out, err := exec.Command("go", "build", "-o", memlint, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const padded = `package e2e

// T is a record; many of them live in Ts.
type T struct {
	a bool // first flag
	b int64
	c bool
}

var Ts = make([]T, 1000)
`

const packed = `package e2e

// T is a record; many of them live in Ts.
type T struct {
	b int64
	a bool // first flag
	c bool
}

var Ts = make([]T, 1000)
`

const finding = "struct T of 24 bytes could be 16 (saves 8 bytes per value; size class 24 -> 16 when allocated alone)"

// module writes a module holding padded code and returns its directory.
func module(t *testing.T) string {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/demo\n\ngo 1.26\n",
		"t.go":   padded,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs name with args in dir and returns its combined output and exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("%s %v: %v", name, args, err)
	return "", 0
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStandalone(t *testing.T) {
	dir := module(t)
	out, code := run(t, dir, memlint, "./...")
	if code != 3 || !strings.Contains(out, "t.go:4:6: "+finding) {
		t.Errorf("memlint ./...: exit %d, output:\n%s\nwant exit 3 and %q", code, out, finding)
	}

	out, code = run(t, dir, memlint, "-fieldalign=false", "./...")
	if code != 0 || out != "" {
		t.Errorf("memlint -fieldalign=false ./...: exit %d, output:\n%s\nwant exit 0 and no output", code, out)
	}
}

func TestJSON(t *testing.T) {
	out, code := run(t, module(t), memlint, "-json", "./...")
	if code != 0 {
		t.Fatalf("memlint -json: exit %d (x/tools' JSON mode exits 0):\n%s", code, out)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("memlint -json output is not x/tools JSON: %v\n%s", err, out)
	}
	diags := tree["example.com/demo"]["fieldalign"]
	if len(diags) != 1 || !strings.Contains(diags[0].Message, finding) || !strings.HasSuffix(diags[0].Posn, "t.go:4:6") {
		t.Errorf("memlint -json: got %+v, want one fieldalign finding %q at t.go:4:6", diags, finding)
	}
}

func TestFix(t *testing.T) {
	dir := module(t)
	out, code := run(t, dir, memlint, "-fix", "-diff", "./...")
	if code == 1 || !strings.Contains(out, "+\tb int64") || readFile(t, filepath.Join(dir, "t.go")) != padded {
		t.Errorf("memlint -fix -diff: exit %d, want a diff and the file untouched; output:\n%s", code, out)
	}

	if out, code := run(t, dir, memlint, "-fix", "./..."); code != 0 {
		t.Fatalf("memlint -fix: exit %d:\n%s", code, out)
	}
	if got := readFile(t, filepath.Join(dir, "t.go")); got != packed {
		t.Errorf("memlint -fix wrote:\n%s\nwant:\n%s", got, packed)
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed module does not build:\n%s", out)
	}
	if out, code := run(t, dir, memlint, "./..."); code != 0 {
		t.Errorf("memlint after -fix: exit %d, want 0 (fixed):\n%s", code, out)
	}
}

func TestVetTool(t *testing.T) {
	out, code := run(t, module(t), "go", "vet", "-vettool="+memlint, "./...")
	if code == 0 || !strings.Contains(out, "t.go:4:6: "+finding) {
		t.Errorf("go vet -vettool: exit %d, output:\n%s\nwant a failure reporting %q", code, out, finding)
	}
}

func TestFixTool(t *testing.T) {
	dir := module(t)
	if out, code := run(t, dir, "go", "fix", "-fixtool="+memlint, "./..."); code != 0 {
		t.Fatalf("go fix -fixtool: exit %d:\n%s", code, out)
	}
	if got := readFile(t, filepath.Join(dir, "t.go")); got != packed {
		t.Errorf("go fix -fixtool wrote:\n%s\nwant:\n%s", got, packed)
	}
}

// TestTypeErrors checks that a package that does not compile gets its errors
// reported once, by the driver, rather than once per pass, and no findings.
func TestTypeErrors(t *testing.T) {
	dir := module(t)
	broken := padded + "\nvar x int = \"not an int\"\n"
	if err := os.WriteFile(filepath.Join(dir, "t.go"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, memlint, "./...")
	if code != 1 || !strings.Contains(out, "cannot use") || strings.Contains(out, "skipped") ||
		strings.Contains(out, "could be") || strings.Contains(out, "goroutine") {
		t.Errorf("memlint on a package with a type error: exit %d, output:\n%s\nwant exit 1 and only the type error", code, out)
	}
}

// TestEmptyFile checks that a package of files without a package clause
// (empty .go files, which the parser keeps without a position) is
// reported as a syntax error, without a crash.
func TestEmptyFile(t *testing.T) {
	dir := module(t)
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty", "empty.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, memlint, "./...")
	if code == 2 || !strings.Contains(out, "expected 'package'") || strings.Contains(out, "goroutine") || !strings.Contains(out, "struct T") {
		t.Errorf("memlint on a package of empty files: exit %d, output:\n%s\nwant the syntax error and the other package's finding", code, out)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := module(t)
	for _, pattern := range []string{"./nonexistent", "./nonexistent/...", "no/such/pkg"} {
		out, code := run(t, dir, memlint, pattern)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 1 || len(lines) != 1 || strings.Contains(out, "goroutine") {
			t.Errorf("memlint %s: exit %d, output:\n%s\nwant exit 1 and a one-line error", pattern, code, out)
		}
	}
}

// contended is a struct that falseshare pads (its reader and writer
// goroutines count into one cache line) and fieldalign would reorder.
const contended = `package e2e

import "sync/atomic"

type Conn struct {
	closed  bool
	read    atomic.Int64
	open    bool
	written atomic.Int64
	ok      bool
}

var Conns []*Conn

func NewConn() *Conn {
	c := &Conn{}
	go func() {
		for {
			c.read.Add(1)
		}
	}()
	go func() {
		for {
			c.written.Add(1)
		}
	}()
	return c
}
`

// TestFixContended checks that the fixes of two passes never both edit one
// struct: merged line by line, a reorder and an inserted padding field
// compose into a struct with the padding in the wrong place.
func TestFixContended(t *testing.T) {
	dir := module(t)
	if err := os.WriteFile(filepath.Join(dir, "t.go"), []byte(contended), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, memlint, "-strict", "-fix", "./..."); code != 0 {
		t.Fatalf("memlint -strict -fix: exit %d:\n%s", code, out)
	}
	got := readFile(t, filepath.Join(dir, "t.go"))
	const padding = "// keeps read and written in different cache lines"
	read, pad, written := strings.Index(got, "\tread "), strings.Index(got, padding), strings.Index(got, "\twritten ")
	if !(0 <= read && read < pad && pad < written) || strings.Count(got, "[56]byte") != 1 {
		t.Errorf("memlint -strict -fix wrote:\n%s\nwant one padding field between read and written, the fields in their order", got)
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed module does not build:\n%s", out)
	}
}
