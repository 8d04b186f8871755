package aliased

import (
	by "bytes"
	"os"
)

var _ = by.Equal

func aliasedImport(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[:4] // want `clone it with by.Clone`
}
