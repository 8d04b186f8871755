// Package behaviour holds fixes that TestFixesKeepBehaviour runs before and
// after applying them, comparing results (values, lengths and nil-ness).
package behaviour

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
)

const text = "GOPHER01 the rest of a long file\nsecond line\n"

func CaseReadAll() []byte {
	data, _ := io.ReadAll(strings.NewReader(text))
	return data[:8] // want `is returned`
}

func CaseThreeIndex() []byte {
	data, _ := io.ReadAll(strings.NewReader(text))
	piece := data[2:6:6] // want `is returned`
	return append(piece, '!')
}

func CaseMake() []int32 {
	buf := make([]int32, 2048)
	for i := range buf {
		buf[i] = int32(i * 3)
	}
	return buf[10:14] // want `is returned`
}

func CaseKey() map[string]int {
	data, _ := io.ReadAll(strings.NewReader(text))
	s := string(data)
	m := make(map[string]int)
	m[s[2:6]] = len(s) // want `is returned`
	return m
}

var codes = map[string]int{}

func CaseLine() map[string]int {
	r := bufio.NewReader(strings.NewReader(text))
	line, _ := r.ReadString('\n')
	codes[line[:6]] = len(line) // want `is stored in a map`
	return codes
}

func CaseBufferBytes() []byte {
	var b bytes.Buffer
	b.WriteString(text)
	return b.Bytes()[:3] // want `is returned`
}

func CaseBufferString() string {
	var b bytes.Buffer
	b.WriteString(text)
	s := b.String()
	return s[len(s)-5:] // want `is returned`
}

var sink struct{ piece []byte }

func CaseNilPiece() []byte {
	data, _ := os.ReadFile("/nonexistent/memlint")
	sink.piece = data[:len(data)/2] // want `is stored in a package variable`
	return sink.piece
}

func CaseEmptyPiece() []byte {
	data, _ := io.ReadAll(strings.NewReader(text))
	n := bytes.IndexByte(data, 'G')
	sink.piece = data[:n] // want `is stored in a package variable`
	return sink.piece
}

// firstLine returns the first line of b, or nil when b has no newline.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return nil
}

func CaseHelperLine() []byte {
	data, _ := io.ReadAll(strings.NewReader(text))
	return firstLine(data) // want `firstLine\(data\) is returned`
}

func CaseHelperNoLine() []byte {
	data, _ := io.ReadAll(strings.NewReader("no newline"))
	return firstLine(data) // want `firstLine\(data\) is returned`
}

func CaseHelperEmptyLine() []byte {
	data, _ := io.ReadAll(strings.NewReader("\nrest"))
	return firstLine(data) // want `firstLine\(data\) is returned`
}
