// Package matchers holds assertions for other packages' tests.
package matchers

import (
	"strings"

	"github.com/onsi/gomega"
)

type joined struct{ want string }

// Match is called by a test's assertion.
func (j joined) Match(actual any) (bool, error) { // want `cold: test support \(its file imports github.com/onsi/gomega\)`
	parts, _ := actual.([]string)
	return strings.Join(parts, ",") == j.want, nil
}

// Joined is the matcher tests use.
func Joined(want string) gomega.Matcher { // want `cold: test support \(its file imports github.com/onsi/gomega\)`
	return joined{want}
}
