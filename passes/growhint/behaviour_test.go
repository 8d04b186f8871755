package growhint_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// calls exercises every function of the flagged fixture, with inputs
// that take each branch (empty and set parts, escapes, doubled slashes,
// invalid UTF-8, nothing appended) and report nil-ness and capacity as
// well as content; PKG is the package under test.
const calls = `
	for _, l := range []*PKG.Link{{}, {Scheme: "https", Host: "example.com", Path: "/a b", Query: "x=1", Anchor: "top"}, {Path: "rel"}} {
		show(l.String())
	}
	for _, in := range [][3]string{{"", "", ""}, {"a b", "c/d", "q=1&r"}, {"ü", "%", "+"}} {
		show(PKG.Escaped(in[0], in[1], in[2]))
	}
	for _, data := range [][]byte{nil, {}, {0, 0xff, 0x10}} {
		show(PKG.Hex(data))
	}
	for _, parts := range [][]string{nil, {""}, {"a", "bc", "def"}} {
		show(PKG.JoinQuoted(parts))
		show(PKG.Lines(parts))
	}
	for _, p := range []string{"", "/", "//a///b/", "a\xffb//ü"} {
		show(PKG.MarkSlashes(p))
		show(PKG.Quote(p))
	}
	for _, qs := range []string{"", "A=1", "A=1&&B=2&", "&"} {
		show(PKG.Rewrite(qs))
	}
	for _, n := range []int{-1, 0, 3} {
		show(PKG.Repeat(n))
	}
	show(PKG.NilChecked(nil, "a", "b"))
	show(PKG.NilChecked(new(PKG.Node), "a", "b"))
	for _, in := range [][2]string{{"", "x"}, {"*?x", "ab.c.d"}, {"?*", "é.f"}, {"**", "a"}} {
		show(PKG.Mask(in[0], in[1]))
	}
	show(PKG.Silenced("a", "b", "c", "d"))
`

// TestFixesKeepResults runs the flagged fixture and its fixed form on the
// same inputs: a Grow or a capacity must change nothing a caller sees.
func TestFixesKeepResults(t *testing.T) {
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("the go command is needed to run the fixed fixture: ", err)
	}
	dir := filepath.Join(fixture.Dir(t), "src", "growhint", "flagged")
	orig, err := os.ReadFile(filepath.Join(dir, "x.go"))
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "x.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(orig, fixed) {
		t.Fatal("the golden file equals the fixture: nothing to compare")
	}
	var outs []string
	for _, src := range [][]byte{orig, fixed} {
		tmp := t.TempDir()
		main := "package main\n\nimport (\n\t\"fmt\"\n\n\tPKG \"equiv/flagged\"\n)\n\n" +
			"func show(v any) {\n\tif b, ok := v.([]byte); ok {\n\t\tfmt.Printf(\"%q nil=%v\\n\", b, b == nil)\n\t\treturn\n\t}\n\tfmt.Printf(\"%q\\n\", v)\n}\n\n" +
			"func main() {" + calls + "}\n"
		files := map[string][]byte{
			"go.mod":          []byte("module equiv\n\ngo 1.26\n"),
			"flagged/x.go":    src,
			"flagged/node.go": []byte("package flagged\n\n// Node exports node for the test.\ntype Node = node\n"),
			"main.go":         []byte(main),
		}
		for name, content := range files {
			path := filepath.Join(tmp, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(gotool, "run", ".")
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("running the fixture: %v\n%s", err, out)
		}
		outs = append(outs, string(out))
	}
	if outs[0] != outs[1] {
		t.Fatalf("the fixed code behaves differently:\noriginal:\n%s\nfixed:\n%s", outs[0], outs[1])
	}
	if n := strings.Count(outs[0], "\n"); n < 30 {
		t.Fatalf("only %d results compared:\n%s", n, outs[0])
	}
}
