package reused

import (
	"bufio"
	"bytes"
	"io"
)

// Lines collects the scanner's tokens without copying them: the next Scan
// overwrites what the kept slices point to.
func Lines(r io.Reader) [][]byte {
	var lines [][]byte
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		lines = append(lines, sc.Bytes()) // want `sc.Bytes\(\) is appended to lines, past the next sc.Scan\(\), which overwrites the bytes it points to \(bufio.Scanner reuses its buffer\): what was kept changes; keep a copy with bytes.Clone`
	}
	return lines
}

type entry struct {
	key   string
	value []byte
}

// Index keeps trimmed pieces of lines in a map and in struct values.
func Index(r io.Reader) (map[string][]byte, []entry) {
	m := make(map[string][]byte)
	var entries []entry
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		k, v, ok := bytes.Cut(line, []byte("="))
		if !ok {
			continue
		}
		m[string(k)] = line[len(k)+1:] // want `line\[len\(k\) \+ 1:\] \(from sc.Bytes\(\)\) is kept in m\[string\(k\)\], past the next sc.Scan\(\)`
		entries = append(entries, entry{key: string(k), value: line}) // want `line \(from sc.Bytes\(\)\) is appended to entries`
		_ = v
	}
	return m, entries
}

// Records reads with ReadSlice and sends the slices on.
func Records(br *bufio.Reader, out chan<- []byte) error {
	for {
		rec, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		out <- rec // want `rec \(from br.ReadSlice\('\\n'\)\) is sent on out, past the next read from br, which overwrites the bytes it points to \(bufio.Reader reuses its buffer\)`
	}
}

// Not reported: copies, uses inside the iteration, a value kept when the
// loop ends, variables declared in the loop, and reads outside loops.
func Quiet(r io.Reader, br *bufio.Reader) ([][]byte, []string, []byte, int) {
	var lines [][]byte
	var texts []string
	var found []byte
	n := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		lines = append(lines, bytes.Clone(sc.Bytes()))
		texts = append(texts, string(sc.Bytes()))
		b := sc.Bytes()
		n += len(b)
		local := [][]byte{b}
		n += len(local)
		if bytes.HasPrefix(b, []byte("#")) {
			found = b
			break
		}
	}
	found = append(found, sc.Bytes()...)
	first, _ := br.ReadSlice('\n')
	lines = append(lines, first)
	return lines, texts, found, n
}

// wordReader wraps a Scanner and keeps the current line in a field, then
// returns: like the Scanner's own Bytes, the line is valid until the next
// call, which scans again and replaces it. Not reported.
type wordReader struct {
	s    *bufio.Scanner
	line []byte
}

func (r *wordReader) Line() bool {
	for r.s.Scan() {
		line := r.s.Bytes()
		if len(line) == 0 {
			continue
		}
		r.line = line
		return true
	}
	return false
}

// lastLine keeps a line in a field and goes on scanning: the next Scan
// overwrites what it keeps.
type lastLine struct {
	s    *bufio.Scanner
	last []byte
}

func (r *lastLine) Drain() {
	for r.s.Scan() {
		r.last = r.s.Bytes() // want `r.s.Bytes\(\) is kept in r.last, past the next r.s.Scan\(\)`
	}
}

// wholeLine joins the pieces of a line longer than br's buffer. It keeps
// the last piece without a copy only after the read that ended the line,
// and returns before reading again: not reported.
func wholeLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		piece, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			line = append(line, piece...)
			continue
		}
		if line == nil {
			line = piece
		} else {
			line = append(line, piece...)
		}
		if err != nil {
			return line, err
		}
		return bytes.TrimSuffix(line, []byte("\n")), nil
	}
}

// firstPieceLine keeps the first piece and only then learns that the line
// goes on: the next read overwrites that piece before it is copied.
func firstPieceLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	var err error
	for {
		var piece []byte
		piece, err = br.ReadSlice('\n')
		if line == nil {
			line = piece // want `piece \(from br.ReadSlice\('\\n'\)\) is kept in line, past the next read from br`
		} else {
			line = append(line, piece...)
		}
		if err == nil {
			break
		} else if err != bufio.ErrBufferFull {
			return nil, err
		}
	}
	return line, err
}

// untilBlank keeps the line in a switch whose break ends only the switch:
// the loop reads again. Reported.
func untilBlank(br *bufio.Reader) []byte {
	var last []byte
	for {
		l, err := br.ReadSlice('\n')
		if err != nil {
			return last
		}
		switch {
		case len(l) > 1:
			last = l // want `l \(from br.ReadSlice\('\\n'\)\) is kept in last, past the next read from br`
			break
		}
	}
}

// LastInClosure keeps the scanner's token from a function literal in the
// loop: what it keeps is overwritten by the next Scan all the same.
func LastInClosure(sc *bufio.Scanner) []byte {
	var last []byte
	for sc.Scan() {
		line := sc.Bytes()
		func() {
			last = line // want `line \(from sc.Bytes\(\)\) is kept in last, past the next sc.Scan\(\)`
		}()
	}
	return last
}
