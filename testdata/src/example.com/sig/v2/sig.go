// Package sig is imported by its path, example.com/sig/v2, whose last
// element is not the package's name.
package sig

type Algorithm string
