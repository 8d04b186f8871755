// Command release is a module's own tool, below internal/: its developers
// run it, not the module's users.
package main

func main() { // want `cold: a command of the module's own \(cost/internal/release\)`
	tag(version{})
}

type version struct{ major, minor int }

func tag(v version) { // want `cold: a command of the module's own \(cost/internal/release\)`
}
