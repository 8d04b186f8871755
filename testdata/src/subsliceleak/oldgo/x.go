// Package oldgo is a module whose go.mod predates bytes.Clone and slices.Clone.
package oldgo

import "os"

func bytesPiece(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[:4] // want `clone it \(no automatic fix: bytes.Clone needs go1.20, the file is go1.19\)`
}

func stringPiece(name string) string {
	data, _ := os.ReadFile(name)
	s := string(data)
	return s[:4] // want `clone it with strings.Clone`
}
