// Package short holds loops over lists whose length comes from data but
// that are short in practice: prealloc must not report them.
package short

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

type signature struct {
	params  []string
	Results []int
	Types   []reflect.Type
}

type block struct {
	Preds []*block
}

// The parameters of one signature: a handful.
func ParamNames(sig *signature) []string {
	var names []string
	for _, p := range sig.params {
		names = append(names, strings.ToUpper(p))
	}
	return names
}

// The results of one function.
func ResultValues(sig *signature) []int {
	var vals []int
	for _, r := range sig.Results {
		vals = append(vals, r*2)
	}
	return vals
}

// The argument types of one fuzz target.
func ZeroValues(sig *signature) []reflect.Value {
	var vals []reflect.Value
	for _, t := range sig.Types {
		vals = append(vals, reflect.Zero(t))
	}
	return vals
}

// The predecessors of one basic block.
func Edges(b *block, v int) []int {
	var out []int
	for range b.Preds {
		out = append(out, v)
	}
	return out
}

type directive struct{ text string }

func (d directive) ParseArgs() ([]string, error) { return strings.Fields(d.text), nil }

// The arguments of one directive, from a method named for them.
func Patterns(d directive) ([]string, error) {
	args, err := d.ParseArgs()
	if err != nil {
		return nil, err
	}
	var list []string
	for _, a := range args {
		list = append(list, strings.TrimSpace(a))
	}
	return list, nil
}

type curve struct{ points []int }

func (c *curve) Examples(window, n int) []int { return c.points[:min(n, len(c.points))] }

// At most 10 examples: the call's constant argument limits the list.
func Worst(c *curve, window int) []int {
	examples := c.Examples(window, 10)
	var links []int
	for _, e := range examples {
		links = append(links, e+window)
	}
	return links
}

type EventSpec struct{ Name string }

var specs = [...]EventSpec{{Name: "a"}, {Name: "b"}}

func Specs() []EventSpec { return specs[:] }

// Specs come from the package's literal table: built once, fixed size.
func EventNames(specs []EventSpec) map[string]int {
	nameToType := make(map[string]int)
	for i, spec := range specs {
		nameToType[spec.Name] = i
	}
	return nameToType
}

var Verbose bool

// Verbose-only output is a cold path.
func Report(pkgs map[string]bool) []string {
	if Verbose {
		var list []string
		for pkg := range pkgs {
			list = append(list, pkg)
		}
		return list
	}
	return nil
}

// The second loop appends more: len(ys) is only part of the final length.
// The map, filled by both loops, gets a hint that covers only part: low tier.
func Union(ys, ns []uint64) []uint64 {
	var all []uint64
	seen := make(map[uint64]bool)
	for _, y := range ys {
		seen[y] = true
		all = append(all, y)
	}
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			all = append(all, n)
		}
	}
	return all
}

type listener func(string)

type cache struct{ listeners map[int]listener }

// Listeners are registered by code, one by one: few.
func (c *cache) snapshot() []listener {
	var ls []listener
	for _, l := range c.listeners {
		ls = append(ls, l)
	}
	return ls
}

type pkg struct{ members map[string]int }

// A text printer, like String: it formats a summary for people to read.
func WritePackage(buf *bytes.Buffer, p *pkg) {
	fmt.Fprintf(buf, "package:\n")
	var names []string
	for name := range p.members {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(buf, "\t%s %d\n", name, p.members[name])
	}
}

// A binary writer is not a text printer: reported.
func WriteBlobs(w io.Writer, xs [][]byte) error {
	blobs := make([][]byte, 0) // want `blobs can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		blobs = append(blobs, x[:1])
	}
	for _, b := range blobs {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

type edge struct{ from, to string }

// Each struct stored in an interface is copied to the heap: the loop
// allocates per element anyway.
func Boxed(path []edge) []any {
	var edges []any
	for _, e := range path {
		edges = append(edges, edge{e.to, e.from})
	}
	return edges
}

// Pointers convert to interfaces without allocating: reported.
func AnyPointers(path []*edge) []any {
	edges := make([]any, 0) // want `edges can be preallocated with capacity len\(path\)`
	for _, e := range path {
		edges = append(edges, e)
	}
	return edges
}

var registry []string

// An init function runs once per process.
func init() {
	var upper []string
	for _, name := range registry {
		upper = append(upper, strings.ToUpper(name))
	}
	registry = upper
}

type node struct{ subs []int }

// A formatter like String: output for people to read.
func FormatNode(n *node) string {
	var parts []string
	for _, s := range n.subs {
		parts = append(parts, strconv.Itoa(s))
	}
	return strings.Join(parts, ",")
}

type info struct{ Types map[string]int }

// A map named Types, like types.Info.Types, can be large: reported.
func TypeNames(in *info) map[string]bool {
	names := make(map[string]bool) // want `names can be preallocated with capacity len\(in.Types\)`
	for name := range in.Types {
		names[name] = true
	}
	return names
}

type FileType int

const (
	TypeTable FileType = 1 << iota
	TypeJournal
	TypeAll = TypeTable | TypeJournal
)

type store struct{ names []string }

func (s *store) List(t FileType) []string { return s.names }

// TypeAll is a set of flags, not a limit: the listing holds every file.
func Backup(s *store) []string {
	files := s.List(TypeAll)
	copies := []string{} // want `copies can be preallocated with capacity len\(files\) .*\[medium: no bound on the count found here\]$`
	for _, f := range files {
		copies = append(copies, f+".bak")
	}
	return copies
}
