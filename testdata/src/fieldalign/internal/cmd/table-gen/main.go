// Command table-gen is a module's own code generator: it runs on its
// developers' machines, once per build, so its layouts cost nothing that
// matters.
package main

import "fmt"

// policy is held inline by a map, but only for one run of the generator.
type policy struct {
	set   bool
	limit int64
	warn  bool
}

func main() {
	policies := map[string]policy{}
	for _, name := range []string{"a", "b"} {
		policies[name] = policy{set: true}
	}
	fmt.Println(len(policies))
}
