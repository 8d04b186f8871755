package lsp

import (
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// A mapper turns byte offsets in one file's content into LSP positions,
// whose columns count UTF-16 code units unless the client negotiated UTF-8.
type mapper struct {
	content    []byte
	lineStarts []int
	utf8       bool
}

func newMapper(content []byte, utf8 bool) *mapper {
	starts := []int{0}
	for i, b := range content {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &mapper{content: content, lineStarts: starts, utf8: utf8}
}

// position returns the position of the byte at offset off, which must lie
// within the content or at its end.
func (m *mapper) position(off int) protocol.Position {
	line := sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > off }) - 1
	start := m.lineStarts[line]
	col := off - start
	if !m.utf8 {
		col = utf16Len(m.content[start:off])
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

// utf16Len counts the UTF-16 code units of b's text. An invalid byte counts
// as one unit, as editors show it as one replacement character.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n++
		if r >= 0x10000 {
			n++
		}
		b = b[size:]
	}
	return n
}

// before reports whether position p comes before q.
func before(p, q protocol.Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// overlap reports whether two ranges share a position; an empty range
// (a cursor) overlaps the ranges it touches.
func overlap(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// offset returns the byte offset of position p, the inverse of position.
// As LSP asks, a column past the end of its line means the line's end,
// and a line past the last means the end of the content.
func (m *mapper) offset(p protocol.Position) int {
	if int(p.Line) >= len(m.lineStarts) {
		return len(m.content)
	}
	start := m.lineStarts[p.Line]
	end := len(m.content)
	if int(p.Line)+1 < len(m.lineStarts) {
		end = m.lineStarts[p.Line+1] - 1 // the newline
	}
	line := m.content[start:end]
	if m.utf8 {
		return start + min(int(p.Character), len(line))
	}
	units := 0
	for i, r := range string(line) {
		if units >= int(p.Character) {
			return start + i
		}
		units++
		if r >= 0x10000 {
			units++
		}
	}
	return end
}
