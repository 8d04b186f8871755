package passdoc

import "testing"

func TestExtract(t *testing.T) {
	src := "// Package p does things.\n//\n// # Analyzer p\n//\n// p: report things\n//\n// More.\npackage p\n"
	if got, want := Extract(src, "p"), "p: report things\n\nMore."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("no panic for a doc.go without the heading")
		}
	}()
	Extract("// Package p.\npackage p\n", "p")
}
