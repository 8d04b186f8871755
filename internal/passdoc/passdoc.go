// Package passdoc extracts a pass's documentation from its doc.go, the
// x/tools way, so that doc.go is its only source.
package passdoc

import (
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the package comment of the doc.go file src from its
// "# Analyzer name" heading on, the form the analysis drivers print. It
// panics when the heading is missing: a pass without documentation is a
// build-time mistake.
func Extract(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil || f.Doc == nil {
		panic(name + ": doc.go has no package comment")
	}
	_, doc, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+name+"\n")
	if !ok {
		panic(name + ": doc.go has no \"# Analyzer " + name + "\" heading")
	}
	return strings.TrimSpace(doc)
}
