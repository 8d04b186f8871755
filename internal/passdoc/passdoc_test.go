package passdoc

import (
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	const src = `// Package p does things.
//
// # Analyzer p
//
// p: report things that
// wrap onto two lines
//
// Details here.
package p
`
	got, err := extract(src, "p")
	if want := "report things that wrap onto two lines\n\nDetails here."; err != nil || got != want {
		t.Errorf("extract = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{
		"package p\n",
		"// Package p.\npackage p\n",
		"// Package p.\n//\n// # Analyzer p\n//\n// q: wrong name\npackage p\n",
	} {
		if _, err := extract(bad, "p"); err == nil || !strings.Contains(err.Error(), "p: ") {
			t.Errorf("extract(%q) = nil error, want one naming the pass", bad)
		}
	}
}
