// Package passdoc extracts a pass's documentation from its doc.go, the
// way golang.org/x/tools/go/analysis/passes do, so that doc.go is the
// only place it is written: the package comment serves pkg.go.dev, the
// "# Analyzer <name>" section serves `memlint help <name>`, and its first
// line ("<name>: <summary>") serves the README's pass table.
package passdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the part of the package comment of the Go source
// content (a doc.go) after its "# Analyzer name" heading, without the
// "name: " that starts it, as analysis.Analyzer.Doc wants it: a one-line
// summary, then the details. It panics if there is none: a pass without
// documentation is a programming error.
func Extract(content, name string) string {
	doc, err := extract(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return "", fmt.Errorf("%s: doc.go: %v", name, err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("%s: doc.go has no package comment", name)
	}
	_, section, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+name+"\n")
	if !ok {
		return "", fmt.Errorf("%s: doc.go has no %q heading", name, "# Analyzer "+name)
	}
	section, ok = strings.CutPrefix(strings.TrimSpace(section), name+": ")
	if !ok {
		return "", fmt.Errorf("%s: the %q section does not start with %q", name, "# Analyzer "+name, name+": ")
	}
	// The summary may wrap in doc.go; Doc wants it on one line.
	summary, rest, _ := strings.Cut(section, "\n\n")
	return strings.Join(strings.Fields(summary), " ") + "\n\n" + rest, nil
}
