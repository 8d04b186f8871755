// Command strictcmd declares an exported struct with exported fields:
// nothing imports a command, so no other package can build it with
// positional literals, and the reorder has a fix.
package main

import "fmt"

type Variant struct { // want `struct Variant of 24 bytes could be 16 .*; reorder the fields \[low: `
	Nullable bool
	Size     int64
	Signed   bool
}

func main() {
	v := Variant{Size: 8}
	fmt.Println(v.Size)
}
