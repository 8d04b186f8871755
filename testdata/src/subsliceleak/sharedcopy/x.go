package sharedcopy

import (
	"encoding/binary"
	"errors"
	"strings"
)

type Pairs map[string]*string

type sink interface{ Set(Pairs) error }

// decodePairs reads length-prefixed keys and values and cuts them from one
// copy of the input: every entry keeps the whole copy, length prefixes
// included.
func decodePairs(src []byte, dst sink) error {
	n := int(binary.BigEndian.Uint32(src))
	rest := string(src[4:])
	pairs := make(Pairs, n)
	values := make([]string, n)
	rp := 0
	for i := 0; i < n; i++ {
		kl := int(binary.BigEndian.Uint32(src[4+rp:]))
		rp += 4
		key := string(rest[rp : rp+kl]) // want `rest\[rp:rp \+ kl\] is a piece of rest, one string copied from the parameter for all the entries of pairs: each entry the caller keeps keeps the whole copy alive, the bytes between the pieces included; copy each piece with strings.Clone`
		rp += kl
		vl := int(binary.BigEndian.Uint32(src[4+rp:]))
		rp += 4
		values[i] = rest[rp : rp+vl] // want `rest\[rp:rp \+ vl\] is a piece of rest`
		rp += vl
		pairs[key] = &values[i]
	}
	return dst.Set(pairs)
}

// fields returns a map of the comma-separated fields of line, each cut
// from one copy of it.
func fields(line []byte) map[string]int {
	s := string(line)
	m := map[string]int{}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			m[s[start:i]] = i // want `s\[start:i\] is a piece of s`
			start = i + 1
		}
	}
	return m
}

// Not reported: each piece converted on its own, a map that stays in the
// function, pieces of a string parameter (the caller's memory), pieces
// returned in a slice (which together cover the copy), pieces of
// strings.Split.
func decodeEach(src []byte) map[string]string {
	m := map[string]string{}
	for i := 0; i+2 <= len(src); i += 2 {
		m[string(src[i:i+1])] = string(src[i+1 : i+2])
	}
	return m
}

func count(line []byte) int {
	s := string(line)
	m := map[string]bool{}
	for i := range len(s) {
		m[s[i:i+1]] = true
	}
	return len(m)
}

func fromString(s string) map[string]int {
	m := map[string]int{}
	for i := range len(s) {
		m[s[i:i+1]] = i
	}
	return m
}

func split(line []byte) []string {
	s := string(line)
	var out []string
	for i := 0; i+1 <= len(s); i++ {
		out = append(out, s[i:i+1])
	}
	return out
}

func splitMap(line []byte) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Split(string(line), ",") {
		m[f] = true
	}
	return m
}

type collect struct{ got Pairs }

func (c *collect) Set(p Pairs) error {
	if p == nil {
		return errors.New("nil")
	}
	c.got = p
	return nil
}

// CaseDecode and CaseFields compare what the original and fixed code
// return.
func CaseDecode() map[string]string {
	src := []byte{0, 0, 0, 2, 0, 0, 0, 1, 'a', 0, 0, 0, 2, 'x', 'y', 0, 0, 0, 2, 'b', 'c', 0, 0, 0, 0}
	var c collect
	if err := decodePairs(src, &c); err != nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range c.got {
		out[k] = *v
	}
	return out
}

func CaseFields() map[string]int { return fields([]byte("a,bb,,ccc")) }
