// Package testingmode only asks whether it runs in a test: production
// code, as often as its callers.
package testingmode

import (
	"strings"
	"testing"
)

// Banner is production code that shortens itself under tests.
func Banner(parts []string) string { // want `unknown: `
	if testing.Testing() {
		return ""
	}
	return strings.Join(parts, " ")
}
