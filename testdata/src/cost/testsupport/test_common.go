package testsupport

import (
	"strings"
	"testing"
)

var _ = testing.Verbose

// Pretty is in a file named for tests, which imports testing without
// taking a T: the package's tests call it.
func Pretty(parts []string) string { // want `cold: test support \(its file, test_common.go, is named for tests\)`
	return strings.Join(parts, " ")
}
