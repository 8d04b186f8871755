// Package readers has deletes from slices that a helper of the package
// reads: its import path is not the standard library's, whose functions
// the pass knows to keep nothing.
package readers

// A helper of the package that only reads the list it is given keeps
// nothing of its array: the delete is fixed.
type addrs struct{ list []string }

func positionOf(a string, list []string) int {
	for i, x := range list {
		if x == a {
			return i
		}
	}
	return -1
}

func (s *addrs) Add(a string) { s.list = append(s.list, a) }

func (s *addrs) Remove(a string) {
	i := positionOf(a, s.list)
	if i < 0 {
		return
	}
	s.list = append(s.list[:i], s.list[i+1:]...) // want `append\(s.list\[:i\], s.list\[i\+1:\]\.\.\.\) deletes from a \[\]string by shifting, .*; slices.Delete\(s.list, i, i\+1\) clears them \[low`
}

// A helper that keeps what it is given shares the array.
var lastSeen []string

func remember(list []string) int {
	lastSeen = list
	return len(list)
}

type keptAddrs struct{ list []string }

func (s *keptAddrs) Add(a string) { s.list = append(s.list, a) }

func (s *keptAddrs) Remove(i int) {
	remember(s.list)
	s.list = append(s.list[:i], s.list[i+1:]...) // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\)`
}
