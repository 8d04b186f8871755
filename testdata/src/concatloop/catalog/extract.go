// Package catalog extracts messages from Go source and writes the
// generated catalog: a code generator's library, run by the module's
// developers. The input it parses is their own source, not a peer's.
package catalog

import (
	"go/format"
	"go/scanner"
	"go/token"
)

// Extract joins the string literals of src.
func Extract(src []byte) ([]byte, error) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", fset.Base(), len(src)), src, nil, 0)
	out := ""
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING {
			out += "var _ = " + lit + "\n" // want `out grows by \+=.*\[low: loop over parsed input \(Scanner\), a code generator \(it imports go/format\): a command's own input, chosen by its user\]$`
		}
	}
	return format.Source([]byte(out))
}
