// Package oldgo is written for go1.20, before the clear builtin: a slice
// of pointers (or a map) cannot be kept by a fix there.
package oldgo

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
	c.entries = make(map[string]*int) // want `Reset replaces c.entries with a new map, .*; keep it with for k := range c.entries { delete\(c.entries, k\) } \(no automatic fix: `
	c.order = nil // want `Reset sets c.order to nil,.*; keep it with a loop that zeroes its elements and c.order = c.order\[:0\] \(no automatic fix: clear needs go1.21, the file is go1.20\)`
}
