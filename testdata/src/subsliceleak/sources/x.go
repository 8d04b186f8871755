// Package sources has one finding per kind of buffer the pass knows.
package sources

import (
	"bufio"
	"bytes"
	"io"
	"io/ioutil"
	"os"
	"strings"
)

func readFile(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return data[:8], nil // want `data\[:8\] \(8 bytes\) is returned but keeps the whole os.ReadFile result alive; clone it with bytes.Clone`
}

func readAll(r io.Reader) []byte {
	body, _ := io.ReadAll(r)
	return body[4:8] // want `body\[4:8\] \(4 bytes\) is returned but keeps the whole io.ReadAll result alive`
}

func readAllOld(r io.Reader) []byte {
	body, _ := ioutil.ReadAll(r)
	return body[:16] // want `keeps the whole ioutil.ReadAll result alive`
}

func readFileOld(name string) []byte {
	body, _ := ioutil.ReadFile(name)
	return body[:16] // want `keeps the whole ioutil.ReadFile result alive`
}

func readBytes(r *bufio.Reader, codes map[int][]byte) {
	line, _ := r.ReadBytes('\n')
	codes[len(codes)] = line[:2] // want `keeps the whole bufio.Reader.ReadBytes result alive`
}

func readString(r *bufio.Reader, codes map[string]bool) {
	line, _ := r.ReadString('\n')
	codes[line[:2]] = true // want `line\[:2\] \(2 bytes\) is stored in a map but keeps the whole bufio.Reader.ReadString result alive; clone it with strings.Clone`
}

func bufferString(r io.Reader) string {
	var b bytes.Buffer
	b.ReadFrom(r)
	s := b.String()
	return s[:4] // want `keeps the whole bytes.Buffer.String result alive`
}

func bufferBytes(r io.Reader) []byte {
	var b bytes.Buffer
	b.ReadFrom(r)
	return b.Bytes()[:4] // want `keeps the whole bytes.Buffer's array alive`
}

func builderString(parts []string) string {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(p)
	}
	s := sb.String()
	return s[:4] // want `keeps the whole strings.Builder's array alive`
}

func converted(name string) string {
	data, _ := os.ReadFile(name)
	s := string(data)
	return s[:4] // want `keeps the whole string\(os.ReadFile result\) alive`
}

func made(r io.Reader) []byte {
	buf := make([]byte, 64<<10)
	io.ReadFull(r, buf)
	return buf[:8] // want `buf\[:8\] \(8 bytes\) is returned but keeps the whole 64 KiB make\(\[\]byte, 65536\) alive`
}

func madeWithCap(r io.Reader) []byte {
	buf := make([]byte, 4096, 8192)
	io.ReadFull(r, buf)
	return buf[16:32] // want `keeps the whole 8 KiB make\(\[\]byte, 4096, 8192\) alive`
}

func madeWords(seed uint64) []uint64 {
	words := make([]uint64, 1024)
	for i := range words {
		words[i] = seed * uint64(i)
	}
	return words[:2] // want `words\[:2\] \(16 bytes\) is returned but keeps the whole 8 KiB make\(\[\]uint64, 1024\) alive; clone it with slices.Clone`
}

func throughPhi(name string, short bool) []byte {
	data, _ := os.ReadFile(name)
	if short {
		data = data[4:]
	}
	return data[:4] // want `keeps the whole os.ReadFile result alive`
}

func constantLengthSuffix(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[len(data)-8:] // want `data\[len\(data\)-8:\] \(8 bytes\) is returned`
}

func window(name string, i int) []byte {
	data, _ := os.ReadFile(name)
	return data[i : i+4] // want `data\[i : i\+4\] \(4 bytes\) is returned`
}
