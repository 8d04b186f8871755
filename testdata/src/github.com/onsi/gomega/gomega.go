// Package gomega stands for the matcher library that tests assert with.
package gomega

// Matcher matches an actual value in a test's assertion.
type Matcher interface {
	Match(actual any) (bool, error)
}
