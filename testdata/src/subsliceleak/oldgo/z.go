package oldgo

// walker pops its stack in a module older than clear: one slot is
// zeroed by assignment, which any version has.
type walker struct {
	stack []*conn
	queue []*conn
	pairs []*conn
}

func (w *walker) Pop() *conn {
	c := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1] // want `w.stack\[:len\(w.stack\)-1\] drops the last element of a \[\]\*conn from the slice, .*; clear first with w.stack\[len\(w.stack\)-1\] = nil \[low: `
	return c
}

func (w *walker) Next() *conn {
	c := w.queue[0]
	w.queue = w.queue[1:] // want `w.queue\[1:\] drops the first element of a \[\]\*conn from the slice, .*; clear first with w.queue\[0\] = nil \[low: `
	return c
}

// PopPair drops two slots: that takes clear, which the file's version
// lacks.
func (w *walker) PopPair() {
	w.pairs = w.pairs[:len(w.pairs)-2] // want `clear first with clear\(w.pairs\[len\(w.pairs\)-2:\]\) \(no automatic fix: clear needs go1.21, the file is go1.19\)`
}

func (w *walker) Push(c *conn) {
	w.stack = append(w.stack, c)
	w.queue = append(w.queue, c)
	w.pairs = append(w.pairs, c, c)
}

// entryLog hands its unstable entries to its caller: clearing the ones it
// drops would clear what the caller still reads, whatever the version.
type entryLog struct {
	entries []*conn
}

func (l *entryLog) Unstable() []*conn { return l.entries }

func (l *entryLog) StableTo(n int) {
	l.entries = l.entries[n:] // want `l.entries\[n:\] drops the first elements .*\(no automatic fix: the slice is shared at z.go:\d+, which may see the cleared elements\)`
}

func (l *entryLog) Append(c *conn) { l.entries = append(l.entries, c) }

// waiters pops callbacks from the front, one per response: a struct slot
// is zeroed by assigning its zero value.
type waiter struct {
	done func()
	id   int
}

type waiters struct{ list []waiter }

func (w *waiters) Next() func() {
	head := w.list[0]
	w.list = w.list[1:] // want `w.list\[1:\] drops the first element of a \[\]waiter from the slice, .*; clear first with w.list\[0\] = waiter\{\} \[low: `
	return head.done
}
