package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// A nolint is a golangci-lint //nolint directive: the linters it names
// (none names all) and the lines it covers.
type nolint struct {
	linters  []string
	pos      token.Pos
	from, to int
}

// sameCheck names, for each pass, golangci-lint's linters that report
// the same pattern: a //nolint for one of them is the maintainers'
// decision about this finding too (a struct kept in its order for
// fieldalignment, a loop left unpreallocated for prealloc).
var sameCheck = map[string][]string{
	"prealloc":   {"prealloc"},
	"fieldalign": {"fieldalignment", "govet", "maligned"},
	"concatloop": {"perfsprint", "modernize"},
}

// silences reports whether the directive is about the named pass: it
// names no linter, all of them, memlint, the pass's golangci-lint linter
// (memlint-prealloc) or a linter of [sameCheck].
func (n nolint) silences(pass string) bool {
	return len(n.linters) == 0 || slices.ContainsFunc(n.linters, func(l string) bool {
		return l == "all" || l == "memlint" || l == "memlint-"+pass || slices.Contains(sameCheck[pass], l)
	})
}

// parseNolint returns the linters of "//nolint:a,b // why", or none for a
// bare "//nolint" (all linters), and whether text is such a directive.
// golangci-lint also honours "// nolint:a", which nolintlint only asks to
// write without the space; a bare "// nolint" could be prose, and is not
// taken.
func parseNolint(text string) ([]string, bool) {
	rest, ok := strings.CutPrefix(text, "//nolint")
	if spaced, ok2 := strings.CutPrefix(text, "// nolint:"); ok2 {
		rest, ok = ":"+spaced, true
	}
	switch {
	case !ok:
		return nil, false
	case rest == "" || rest[0] == ' ' || rest[0] == '\t':
		return nil, true
	case rest[0] != ':':
		return nil, false
	}
	names, _, _ := strings.Cut(rest[1:], " ")
	names, _, _ = strings.Cut(names, "//")
	var linters []string
	for _, l := range strings.Split(names, ",") {
		if l = strings.TrimSpace(l); l != "" {
			linters = append(linters, l)
		}
	}
	return linters, len(linters) > 0
}

// nolints returns the //nolint directives of f with the lines each covers,
// as golangci-lint reads them: one after code on its line covers that
// line; one on a line of its own covers the declaration or statement that
// starts on the next line, whole.
func nolints(tf *token.File, f *ast.File) []nolint {
	var ns []nolint
	for _, group := range f.Comments {
		for _, c := range group.List {
			if linters, ok := parseNolint(c.Text); ok {
				line := tf.Line(c.Slash)
				ns = append(ns, nolint{linters: linters, pos: c.Slash, from: line, to: line})
			}
		}
	}
	if len(ns) == 0 {
		return nil
	}
	inline := make([]bool, len(ns))
	below := make([]int, len(ns)) // the last line of what starts on the next line
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.File, *ast.CommentGroup, *ast.Comment:
			return n != nil
		}
		start, end := tf.Line(n.Pos()), tf.Line(n.End())
		for i := range ns {
			line, at := ns[i].from, ns[i].pos
			inline[i] = inline[i] || start == line && n.Pos() < at || end == line && n.End() <= at
			if start == line+1 {
				below[i] = max(below[i], end)
			}
		}
		return true
	})
	for i := range ns {
		if !inline[i] && below[i] > 0 {
			ns[i].from, ns[i].to = ns[i].from+1, below[i]
		}
	}
	return ns
}
