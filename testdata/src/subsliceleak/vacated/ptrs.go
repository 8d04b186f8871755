package vacated

import "unsafe"

// A stack of unsafe pointers: they point to objects, not only to the
// bytes of strings.
type PtrStack struct{ ptrs []unsafe.Pointer }

func (s *PtrStack) Push(p unsafe.Pointer) { s.ptrs = append(s.ptrs, p) }

func (s *PtrStack) Pop() unsafe.Pointer {
	p := s.ptrs[len(s.ptrs)-1]
	s.ptrs = s.ptrs[:len(s.ptrs)-1] // want `s.ptrs\[:len\(s.ptrs\)-1\] drops the last element of a \[\]unsafe.Pointer .*\[low: dropped from the end`
	return p
}

// A stack of buffers made once: push re-extends the slice into its
// capacity and copies into the slot's own buffer, so a popped slot is kept
// for reuse, and clearing it would lose the buffer. Not reported.
type node struct {
	buf []byte
	z   uint32
}

type nodeStack []node

func NewNodeStack(n, size int) nodeStack {
	s := make(nodeStack, n)
	for i := range s {
		s[i].buf = make([]byte, size)
	}
	return s[:0]
}

func (s *nodeStack) Push(v node) {
	next := len(*s)
	*s = (*s)[:next+1]
	(*s)[next].z = v.z
	copy((*s)[next].buf, v.buf)
}

func (s *nodeStack) Pop() (v node) {
	last := len(*s) - 1
	if last >= 0 {
		v = (*s)[last]
		*s = (*s)[:last]
	}
	return
}
