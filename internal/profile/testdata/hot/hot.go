// Package hot has lines that allocate, some called often by its benchmark
// and some never: the profile tests attribute real profiles of it.
package hot

import "strconv"

// Collect appends n numbers to a slice made without capacity.
func Collect(n int) []int {
	var out []int // site:growdecl
	for i := range n {
		out = append(out, i) // site:grow
	}
	return out
}

// Join concatenates xs.
func Join(xs []string) string {
	s := ""
	for _, x := range xs {
		s += x // site:concat
	}
	return s
}

// Index maps each string to its position.
func Index(xs []string) map[string]int {
	m := make(map[string]int)
	for i, x := range xs {
		m[x] = i // site:map
	}
	return m
}

// Apply formats n numbers through a closure.
func Apply(n int) []string {
	var out []string
	add := func(i int) {
		out = append(out, strconv.Itoa(i)) // site:closure
	}
	for i := range n {
		add(i)
	}
	return out
}

// Cold copies xs; the benchmark never calls it.
func Cold(xs []string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x) // site:cold
	}
	return out
}
