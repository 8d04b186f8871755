package report

import (
	"bytes"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

var pass = &analysis.Analyzer{Name: "fieldalign"}

func TestWriteGitHubEscapes(t *testing.T) {
	root := t.TempDir()
	findings := []Finding{{
		Pass:    pass,
		Start:   token.Position{Filename: filepath.Join(root, "dir,with:odd%chars", "x.go"), Line: 3, Column: 7},
		Message: "saves 50% of\r\nthe struct; see %0A",
	}}
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, root, findings); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=dir%2Cwith%3Aodd%25chars/x.go,line=3,col=7,title=memlint fieldalign::saves 50%25 of%0D%0Athe struct; see %250A\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteGitHub wrote\n%s\nwant\n%s", got, want)
	}
}

// TestColumns checks that SARIF columns count UTF-16 code units, not bytes.
func TestColumns(t *testing.T) {
	src := "package p\n\nvar s = \"é😀\"; var x = 1\n"
	name := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	offset := bytes.Index([]byte(src), []byte("x ="))
	lineStart := bytes.LastIndexByte([]byte(src[:offset]), '\n') + 1
	pos := token.Position{Filename: name, Offset: offset, Line: 3, Column: offset - lineStart + 1}
	// `var s = "é😀"; var ` is 18 characters, 19 UTF-16 code units (😀 takes
	// two) and 22 bytes (é takes two, 😀 four).
	if got, want := newColumnConverter().column(pos), 20; got != want || pos.Column != 23 {
		t.Errorf("column of x = %d (byte column %d), want %d (byte column 23)", got, pos.Column, want)
	}
}

// TestTiers checks that the cost tier sets the SARIF level and rank and the
// annotation's kind, so that code scanning lists costly findings first.
func TestTiers(t *testing.T) {
	for _, tc := range []struct {
		tier, level, command string
		rank                 float64
	}{
		{"high", "warning", "warning", 100},
		{"medium", "warning", "warning", 200.0 / 3},
		{"low", "note", "notice", 100.0 / 3},
		{"", "warning", "warning", -1},
	} {
		if level, rank := sarifLevel(tc.tier), sarifRank(tc.tier); level != tc.level || rank != tc.rank {
			t.Errorf("tier %q: level %q rank %v, want %q %v", tc.tier, level, rank, tc.level, tc.rank)
		}
		var buf bytes.Buffer
		f := Finding{Pass: pass, Start: token.Position{Filename: "/r/x.go", Line: 1, Column: 1}, Message: "m", Tier: tc.tier}
		if err := WriteGitHub(&buf, "/r", []Finding{f}); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("::"+tc.command+" ")) {
			t.Errorf("tier %q: annotation %q, want a %s command", tc.tier, buf.String(), tc.command)
		}
	}
}
