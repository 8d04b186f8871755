// Package resetcap is in a module whose go.mod has no go directive, which
// the go command compiles as go1.16, before the clear builtin, though the
// type checker is told no version.
package resetcap

// A cache that a reset empties.
type cache struct {
	entries map[string]*int
	order   []*int
}

func (c *cache) add(k string, v *int) {
	c.entries[k] = v
	c.order = append(c.order, v)
}

func (c *cache) get(k string) *int { return c.entries[k] }

func (c *cache) Reset() {
	c.order = nil // want `Reset sets c.order to nil,.* \(no automatic fix: clear needs go1.21, the file is go1.16\)`
}
