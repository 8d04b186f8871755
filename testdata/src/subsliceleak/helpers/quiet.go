package helpers

import (
	"bytes"
	"io"
	"os"
)

// fields splits b: its pieces together cover b.
func fields(b []byte) [][]byte { return bytes.Fields(b) }

// cut returns a token and the rest: the pieces cover b.
func cut(b []byte) ([]byte, []byte) {
	i := bytes.IndexByte(b, ' ')
	if i < 0 {
		return b, nil
	}
	return b[:i], b[i+1:]
}

// rest returns a suffix, which may be most of b.
func rest(b []byte) []byte {
	i := bytes.IndexByte(b, ':')
	return b[i+1:]
}

// prefix returns a piece whose end is not a search's result.
func prefix(b []byte, n int) []byte { return b[:n] }

var last []byte

// remember keeps b itself: it is no helper, and keeping b keeps it all.
func remember(b []byte) []byte {
	last = b
	return b[:4]
}

func splitFile(name string) [][]byte {
	data, _ := os.ReadFile(name)
	return fields(data)
}

func token(name string) []byte {
	data, _ := os.ReadFile(name)
	tok, _ := cut(data)
	return tok
}

func tail(name string) []byte {
	data, _ := os.ReadFile(name)
	return rest(data)
}

func firstN(name string, n int) []byte {
	data, _ := os.ReadFile(name)
	return prefix(data, n)
}

func kept(name string) []byte {
	data, _ := os.ReadFile(name)
	return remember(data)
}

// Pieces of a parameter: the caller decides what the buffer is.
func ofParam(b []byte) []byte {
	return firstLine(b)
}

// The whole buffer is kept too: cloning the piece saves nothing.
func alsoWhole(r io.Reader) ([]byte, []byte) {
	data, _ := io.ReadAll(r)
	return firstLine(data), data
}

// One line per loop turn: the lines together may cover the buffer.
func lines(r io.Reader) [][]byte {
	data, _ := io.ReadAll(r)
	var out [][]byte
	for len(data) > 0 {
		line := firstLine(data)
		out = append(out, line)
		data = data[len(line):]
	}
	return out
}

// A line of a read buffer, of unknown length, may fill it: only whole
// files and bodies make a search-bounded piece small.
func fromRead(r io.Reader) []byte {
	buf := make([]byte, 8192)
	n, _ := r.Read(buf)
	return firstLine(buf[:n])
}

// Used locally only.
func localOnly(name string) int {
	data, _ := os.ReadFile(name)
	return len(firstLine(data))
}

// head is variadic: its calls usually pack a new slice, so it is not a
// helper, even where a buffer is spread into it.
func head(b ...byte) []byte { return b[:1] }

func spread(name string) []byte {
	data, _ := os.ReadFile(name)
	return head(data...)
}
