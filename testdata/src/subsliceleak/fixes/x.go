// Package fixes covers the forms of the suggested fix.
package fixes

import (
	"io"
	"os"
)

func threeIndex(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[:4:4] // want `data\[:4:4\] \(4 bytes\) is returned but keeps the whole os.ReadFile result alive \(a three-index slice limits capacity, not what stays alive\); clone it with bytes.Clone`
}

func threeIndexLow(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[2:6:6] // want `data\[2:6:6\] \(4 bytes\) is returned`
}

type ID []byte

func named(r io.Reader) ID {
	buf := make(ID, 4096)
	io.ReadFull(r, buf)
	return buf[:8] // want `clone it with slices.Clone`
}

type Name string

func namedString(name string) Name {
	data, _ := os.ReadFile(name)
	n := Name(data)
	return n[:4] // want `n\[:4\] \(4 bytes\) is returned but keeps the whole string\(os.ReadFile result\) alive; clone it \(no automatic fix: strings.Clone would drop the named type Name\)`
}

func shadowed(name string) []byte {
	bytes := 0
	data, _ := os.ReadFile(name)
	_ = bytes
	return data[:4] // want `no automatic fix: bytes is declared here and would shadow the import`
}

func commented(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[: /* magic */ 4] // want `is returned`
}

func twoInOneFile(name string) ([]byte, []byte) {
	data, _ := os.ReadFile(name)
	return data[:4], data[4:8] // want `data\[:4\]` `data\[4:8\]`
}
