// Package passflag reads a pass's settings from its own flag set while it
// runs. Passes keep no setting in a package variable: golangci-lint and
// Bazel's nogo run analyzers side by side in one process, and a copy of an
// analyzer with its own flag set must see its own values.
package passflag

import (
	"flag"

	"golang.org/x/tools/go/analysis"
)

// Bool returns the value of the running analyzer's boolean flag name, or
// false if it has no such flag.
func Bool(pass *analysis.Pass, name string) bool {
	v, _ := get(pass, name).(bool)
	return v
}

// Int64 returns the value of the running analyzer's int64 flag name, or 0
// if it has no such flag.
func Int64(pass *analysis.Pass, name string) int64 {
	v, _ := get(pass, name).(int64)
	return v
}

func get(pass *analysis.Pass, name string) any {
	f := pass.Analyzer.Flags.Lookup(name)
	if f == nil {
		return nil
	}
	return f.Value.(flag.Getter).Get()
}

// String returns the value of the running analyzer's flag name as a
// string ("" if it has no such flag).
func String(pass *analysis.Pass, name string) string {
	f := pass.Analyzer.Flags.Lookup(name)
	if f == nil {
		return ""
	}
	return f.Value.String()
}

// Float64 returns the value of the running analyzer's float64 flag name,
// or 0 if it has no such flag.
func Float64(pass *analysis.Pass, name string) float64 {
	v, _ := get(pass, name).(float64)
	return v
}
