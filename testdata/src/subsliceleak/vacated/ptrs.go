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
