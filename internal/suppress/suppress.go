// Package suppress decides which of memlint's findings reach the user.
//
// Every pass reports through a [Reporter], so that the rules below hold
// the same way for all of them:
//
//   - Generated files (those with a "Code generated ... DO NOT EDIT." header,
//     see [ast.IsGenerated]) and vendored files are never reported: nobody
//     edits them by hand.
//
//   - Packages with type errors are not reported: what a pass sees of code
//     that does not compile cannot be trusted, nor can a fix to it be
//     checked. The passes still run on them (RunDespiteErrors), so that the
//     driver reports the package's errors once, rather than once per pass.
//
//   - Test files (_test.go) and test-harness packages (httptest, fstest,
//     testenv, testutil, ...) are not reported unless [IncludeTests] is set:
//     maintainers reject findings in test code almost always.
//
//   - A //memlint:ignore directive on the line of a finding, or on the line
//     above it, silences the passes it names:
//
//     //memlint:ignore fieldalign,prealloc layout is read by cgo
//
//     The reason is required. A directive without one silences nothing and
//     is itself reported, by each pass it names.
package suppress

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IncludeTests makes passes report findings in _test.go files too.
// The memlint command sets it from its -include-tests flag.
var IncludeTests bool

// Passes names every memlint pass, for validating directives.
var Passes = []string{"fieldalign", "concatloop", "prealloc", "subsliceleak", "poolreset", "resetcap"}

const prefix = "//memlint:ignore"

// Analyzer parses the directives and classifies the files of a package once,
// for all passes that require it.
var Analyzer = &analysis.Analyzer{
	Name:             "memlintsuppress",
	Doc:              "parse //memlint:ignore directives and find generated, vendored and test files",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Result](),
}

// Result holds what [Analyzer] found in one package.
type Result struct {
	skipped    map[*token.File]bool
	directives map[*token.File]map[int][]directive // by line
	malformed  []directive
}

type directive struct {
	pos     token.Pos
	passes  []string
	reason  string
	problem string // why the directive is malformed, if it is
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		skipped:    make(map[*token.File]bool),
		directives: make(map[*token.File]map[int][]directive),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		if len(pass.TypeErrors) > 0 || isSkippedFile(f, tf.Name()) || !IncludeTests && isTestHarness(pass.Pkg.Path()) {
			res.skipped[tf] = true
			continue
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				d, ok := parseDirective(c)
				if !ok {
					continue
				}
				if d.problem != "" {
					res.malformed = append(res.malformed, d)
					continue
				}
				line := tf.Line(c.Slash)
				if res.directives[tf] == nil {
					res.directives[tf] = make(map[int][]directive)
				}
				res.directives[tf][line] = append(res.directives[tf][line], d)
			}
		}
	}
	return res, nil
}

func isSkippedFile(f *ast.File, name string) bool {
	if ast.IsGenerated(f) || isVendored(name) {
		return true
	}
	return !IncludeTests && strings.HasSuffix(name, "_test.go")
}

func isVendored(name string) bool {
	return slices.Contains(strings.Split(filepath.ToSlash(name), "/"), "vendor")
}

// isTestHarness reports whether path is a package of test helpers: one of
// its elements starts or ends with "test", as in testing/fstest,
// internal/testenv or net/http/httptest, but is not an ordinary word.
func isTestHarness(path string) bool {
	return slices.ContainsFunc(strings.Split(path, "/"), func(elem string) bool {
		return strings.HasPrefix(elem, "test") ||
			strings.HasSuffix(elem, "test") && !slices.Contains(wordsEndingInTest, elem)
	})
}

var wordsEndingInTest = []string{"attest", "contest", "fastest", "latest", "protest"}

// parseDirective parses "//memlint:ignore pass[,pass] reason".
// Unknown pass names are kept so that the directive can be reported.
func parseDirective(c *ast.Comment) (directive, bool) {
	rest, ok := strings.CutPrefix(c.Text, prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return directive{}, false
	}
	fields := strings.Fields(rest)
	d := directive{pos: c.Slash}
	if len(fields) > 0 {
		d.passes = strings.Split(fields[0], ",")
		d.reason = strings.Join(fields[1:], " ")
	}
	switch {
	case len(d.passes) == 0:
		d.problem = "it names no pass"
	case slices.ContainsFunc(d.passes, func(p string) bool { return !slices.Contains(Passes, p) }):
		d.problem = "it names an unknown pass (known: " + strings.Join(Passes, ", ") + ")"
	case d.reason == "":
		d.problem = "it gives no reason"
	}
	return d, true
}

// names reports whether the directive is about the named pass. A directive
// that names no known pass concerns every pass, so that it is not lost.
func (d directive) names(pass string) bool {
	return slices.Contains(d.passes, pass) ||
		!slices.ContainsFunc(d.passes, func(p string) bool { return slices.Contains(Passes, p) })
}

// A Reporter reports a pass's diagnostics unless they are suppressed.
type Reporter struct {
	pass *analysis.Pass
	res  *Result
}

// NewReporter returns the Reporter for pass, which must require [Analyzer].
// It reports the malformed //memlint:ignore directives that concern pass.
func NewReporter(pass *analysis.Pass) *Reporter {
	r := &Reporter{pass: pass, res: pass.ResultOf[Analyzer].(*Result)}
	for _, d := range r.res.malformed {
		if d.names(pass.Analyzer.Name) {
			pass.Reportf(d.pos, "this //memlint:ignore directive silences nothing: %s; write //memlint:ignore <pass>[,<pass>] <reason>", d.problem)
		}
	}
	return r
}

// Skips reports whether findings in file are dropped (generated, vendored,
// or test code), so that passes can avoid analyzing it at all.
func (r *Reporter) Skips(file *ast.File) bool {
	return r.res.skipped[r.pass.Fset.File(file.FileStart)]
}

// Report reports d unless it is suppressed.
func (r *Reporter) Report(d analysis.Diagnostic) {
	tf := r.pass.Fset.File(d.Pos)
	if tf == nil || r.res.skipped[tf] {
		return
	}
	line := tf.Line(d.Pos)
	for _, l := range []int{line, line - 1} {
		for _, dir := range r.res.directives[tf][l] {
			if slices.Contains(dir.passes, r.pass.Analyzer.Name) {
				return
			}
		}
	}
	r.pass.Report(d)
}
