package basic

import "strings"

// A scope reporter names each scope by its path, joined into a new string:
// strings.Join reads the path and keeps none of it, so truncating the
// path on a reset changes nothing a holder sees.
type scopeReporter struct {
	path  []string
	index map[string]int
}

func (r *scopeReporter) enter(title string) {
	r.path = append(r.path, title)
	id := strings.Join(r.path, "|")
	r.index[id]++
}

func (r *scopeReporter) exit() { r.path = r.path[:len(r.path)-1] }

func (r *scopeReporter) reset() {
	r.path = nil // want `reset sets r.path to nil, dropping its capacity \(grown at joined.go:14\), which its next use allocates again; keep it with clear\(r.path\) and r.path = r.path\[:0\] \[low`
}
