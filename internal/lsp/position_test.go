package lsp

import (
	"testing"

	"go.lsp.dev/protocol"
)

func TestMapperPosition(t *testing.T) {
	// "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units; \xff is
	// an invalid byte, shown as one replacement character.
	content := []byte("aé😀b\r\n\xffx\n")
	for _, tc := range []struct {
		off         int
		utf16, utf8 protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}, protocol.Position{Line: 0, Character: 0}},
		{3, protocol.Position{Line: 0, Character: 2}, protocol.Position{Line: 0, Character: 3}},  // after é
		{7, protocol.Position{Line: 0, Character: 4}, protocol.Position{Line: 0, Character: 7}},  // after 😀
		{9, protocol.Position{Line: 0, Character: 6}, protocol.Position{Line: 0, Character: 9}},  // the \n of \r\n
		{11, protocol.Position{Line: 1, Character: 1}, protocol.Position{Line: 1, Character: 1}}, // after \xff
		{len(content), protocol.Position{Line: 2, Character: 0}, protocol.Position{Line: 2, Character: 0}},
	} {
		if got := newMapper(content, false).position(tc.off); got != tc.utf16 {
			t.Errorf("UTF-16 position of byte %d = %+v, want %+v", tc.off, got, tc.utf16)
		}
		if got := newMapper(content, true).position(tc.off); got != tc.utf8 {
			t.Errorf("UTF-8 position of byte %d = %+v, want %+v", tc.off, got, tc.utf8)
		}
	}
}

func TestOverlap(t *testing.T) {
	r := func(l1, c1, l2, c2 uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
	}
	for _, tc := range []struct {
		a, b protocol.Range
		want bool
	}{
		{r(1, 0, 3, 5), r(2, 0, 2, 0), true},  // cursor inside
		{r(1, 4, 3, 5), r(1, 4, 1, 4), true},  // cursor at the start
		{r(1, 4, 3, 5), r(3, 5, 3, 5), true},  // cursor at the end
		{r(1, 4, 3, 5), r(1, 0, 1, 3), false}, // before, same line
		{r(1, 4, 3, 5), r(3, 6, 4, 0), false}, // after
	} {
		if got := overlap(tc.a, tc.b); got != tc.want {
			t.Errorf("overlap(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
