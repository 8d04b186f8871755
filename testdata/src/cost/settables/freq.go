// Package settables keeps tables that its users may replace.
package settables

import "sync"

var (
	LabelArgs = map[string]bool{"srcs": true}
	Strict    bool
	mu        sync.Mutex
	current   []string
	seen      int
)

// OverrideTables replaces the package's tables: two requests doing this
// at once would race, so it runs at set-up.
func OverrideTables(labels map[string]bool, strict bool) { // want `cold: configures the package \(it replaces the package variable LabelArgs\): at set-up, not per use`
	LabelArgs = labels
	Strict = strict || Strict
}

// Record keeps state that grows from itself: not settings.
func Record(s string) { // want `unknown: `
	current = append(current, s)
	seen = seen + 1
}

// SetCurrent replaces a variable under a lock, as a use may.
func SetCurrent(s []string) { // want `unknown: `
	mu.Lock()
	defer mu.Unlock()
	current = s
}

// Forget cleans the package's state up, which a use may do: not settings.
func Forget() { // want `unknown: `
	current = nil
}

var timeFormat = "15:04"

type ConsoleWriter struct{ TimeFormat string }

// Write syncs the package's time format with its writer's when they
// differ: per write all the same.
func (w ConsoleWriter) Write(p []byte) (int, error) { // want `hot: per I/O call \(Write\)`
	timeFormat = w.TimeFormat
	return len(p), nil
}

// UseFormat replaces the format only when given one, as a use may: only
// an unconditional replacement says set-up.
func UseFormat(f string) { // want `unknown: `
	if f != "" {
		timeFormat = f
	}
}
