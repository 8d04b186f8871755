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

func TestMapperOffset(t *testing.T) {
	content := []byte("aé😀b\r\n\xffx\n")
	for _, utf8 := range []bool{false, true} {
		m := newMapper(content, utf8)
		// offset inverts position at every character boundary.
		for _, off := range []int{0, 1, 3, 7, 8, 9, 10, 11, 12, len(content)} {
			if got := m.offset(m.position(off)); got != off {
				t.Errorf("utf8=%v: offset(position(%d)) = %d", utf8, off, got)
			}
		}
		// Past a line's end is its end; past the last line, the content's.
		if got := m.offset(protocol.Position{Line: 1, Character: 99}); got != 12 {
			t.Errorf("utf8=%v: offset past line 1's end = %d, want 12", utf8, got)
		}
		if got := m.offset(protocol.Position{Line: 7}); got != len(content) {
			t.Errorf("utf8=%v: offset past the last line = %d, want %d", utf8, got, len(content))
		}
	}
}

func TestApplyChange(t *testing.T) {
	text := []byte("package m\n\n// ß😀 x\nvar x int\n")
	at := func(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }
	for _, tc := range []struct {
		name   string
		change contentChange
		utf8   bool
		want   string
	}{
		{"whole text", contentChange{Text: "package n\n"}, false, "package n\n"},
		{"insert", contentChange{Range: &protocol.Range{Start: at(3, 4), End: at(3, 4)}, Text: "y, "}, false, "package m\n\n// ß😀 x\nvar y, x int\n"},
		{"delete after a surrogate pair, UTF-16", contentChange{Range: &protocol.Range{Start: at(2, 6), End: at(2, 8)}}, false, "package m\n\n// ß😀\nvar x int\n"},
		{"delete after a surrogate pair, UTF-8", contentChange{Range: &protocol.Range{Start: at(2, 9), End: at(2, 11)}}, true, "package m\n\n// ß😀\nvar x int\n"},
		{"replace lines", contentChange{Range: &protocol.Range{Start: at(1, 0), End: at(3, 0)}, Text: "\n"}, false, "package m\n\nvar x int\n"},
		{"append", contentChange{Range: &protocol.Range{Start: at(4, 0), End: at(4, 0)}, Text: "var y int\n"}, false, "package m\n\n// ß😀 x\nvar x int\nvar y int\n"},
	} {
		before := string(text)
		if got := string(applyChange(text, tc.change, tc.utf8)); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
		if string(text) != before {
			t.Fatalf("%s: the old text changed: analyses may be reading it", tc.name)
		}
	}
}
