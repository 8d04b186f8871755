package grouped

import (
	"io"
	"os"
)

func stringPiece(name string, r io.Reader) string {
	data, _ := os.ReadFile(name)
	s := string(data)
	return s[:4] // want `clone it with strings.Clone`
}

func bytesPiece(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[:4] // want `clone it with bytes.Clone`
}
