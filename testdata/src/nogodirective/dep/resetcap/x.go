// Package resetcap is in a module whose go.mod has no go directive, which
// the go command compiles as go1.16, before the clear builtin, though the
// type checker is told no version.
package resetcap

// A queue of pointers that a reset drops: keeping its memory would need
// clear, to let go of what the pointers hold.
type queue struct{ items []*int }

func (q *queue) push(v *int) { q.items = append(q.items, v) }

func (q *queue) first() *int { return q.items[0] }

func (q *queue) Reset() {
	q.items = nil // want `Reset sets q.items to nil,.*; keep it with a loop that zeroes its elements and q.items = q.items\[:0\] \(no automatic fix: clear needs go1.21, the file is go1.16\)`
}
