// Package helpers holds pieces taken by same-package helpers: a call of a
// function that returns part of its argument is a piece of the caller's
// buffer.
package helpers

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// firstLine returns the first line of b, or all of b.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// magic returns the fixed-size header of a file.
func magic(b []byte) []byte {
	return b[:16]
}

type parser struct{ sep byte }

// name returns what comes before the separator.
func (p *parser) name(b []byte) []byte {
	i := bytes.IndexByte(b, p.sep)
	if i < 0 {
		return nil
	}
	return b[:i]
}

// key returns the key of a "key=value" string.
func key(s string) string {
	i := strings.IndexByte(s, '=')
	if i < 0 {
		return ""
	}
	return s[:i]
}

func title(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return firstLine(data), nil // want `firstLine\(data\) is returned but keeps the whole os.ReadFile result alive; clone it with bytes.Clone`
}

type file struct{ magic []byte }

func (f *file) load(r io.Reader) {
	data, _ := io.ReadAll(r)
	f.magic = magic(data) // want `magic\(data\) \(16 bytes\) is stored in a field but keeps the whole io.ReadAll result alive`
}

func (p *parser) index(r io.Reader, names map[string][]byte) {
	body, _ := io.ReadAll(r)
	names["first"] = p.name(body) // want `p.name\(body\) is stored in a map`
}

var defaultKey string

func loadKey(name string) {
	data, _ := os.ReadFile(name)
	defaultKey = key(string(data)) // want `key\(string\(data\)\) is stored in a package variable but keeps the whole string\(os.ReadFile result\) alive; clone it with strings.Clone`
}

// A search-bounded piece of a whole file, taken in place.
func header(name string) []byte {
	data, _ := os.ReadFile(name)
	return data[:bytes.IndexByte(data, '\n')] // want `is returned but keeps the whole os.ReadFile result alive`
}
