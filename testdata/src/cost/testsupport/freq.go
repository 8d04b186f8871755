// Package testsupport holds helpers that other packages' tests call.
package testsupport

import (
	"strings"
	"testing"
)

// Lines is given a test's T: it runs in tests only.
func Lines(t testing.TB, parts []string) string { // want `cold: test support \(its file takes a testing.T, B or TB\)`
	t.Helper()
	return strings.Join(parts, "\n")
}
