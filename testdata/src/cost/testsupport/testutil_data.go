package testsupport

import "strings"

// Sample is in a file named for test utilities, whatever it imports.
func Sample(parts []string) string { // want `cold: test support \(its file, testutil_data.go, is named for tests\)`
	return strings.Join(parts, ",")
}
