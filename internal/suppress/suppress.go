// Package suppress decides which of memlint's findings reach the user.
//
// Every pass reports through a [Reporter], so that the rules below hold
// the same way for all of them:
//
//   - Generated files (those with a "Code generated ... DO NOT EDIT." header,
//     see [ast.IsGenerated], or a "// Code generated " line before the
//     package clause) and vendored files are never reported: nobody
//     edits them by hand.
//
//   - Packages with type errors are not reported: what a pass sees of code
//     that does not compile cannot be trusted, nor can a fix to it be
//     checked. The passes still run on them (RunDespiteErrors), so that the
//     driver reports the package's errors once, rather than once per pass.
//
//   - Test files (_test.go), mocks and fakes (mockbroker.go, client_mock.go, a
//     mocks, sqlmock or fake package), test-harness packages (httptest, fstest,
//     testenv, testutil, ...) and files that take a *testing.T or another of
//     testing's T, TB, B, F and M are not reported unless the pass's
//     include-tests flag is set: maintainers reject findings in test code
//     almost always. Then a pass whose test-variants flag is off (the memlint
//     command turns it off) skips the test variant of a package (p [p.test])
//     whole: the driver analyzes the package as p too.
//
//   - Each finding carries a [cost.Estimate]. Findings of the low tier are
//     reported only when the pass's strict flag is set; the tier becomes
//     the diagnostic's Category and is named, with its evidence, at the end
//     of the message.
//
//   - With the pass's profile flag set, the profiles it names measure each
//     finding (see [profile.Adjust]): a finding hot in the profile is
//     reported as high whatever its static tier, one the profile shows
//     cold drops a tier, and the measured cost joins the evidence.
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
	"go/types"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/profile"
)

// passes names the registered passes, for validating directives. Each
// pass registers in its package's init, so the list is complete before
// any analysis runs and is never written after.
var passes []string

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
	skipped    map[*token.File]bool                // generated, vendored, or in a package with type errors
	tests      map[*token.File]bool                // _test.go files and the files of test-harness packages
	directives map[*token.File]map[int][]directive // by line
	malformed  []directive
	// testVariant is set for a package compiled with its in-package
	// _test.go files (p [p.test]): some of its files are tests, some not.
	testVariant bool
}

type directive struct {
	pos     token.Pos
	passes  []string
	reason  string
	problem string // why the directive is malformed, if it is
}

// saysGenerated reports whether a comment before f's package clause says
// a generator wrote it ("// Code generated from mode3/x.go by gen.go"),
// without the "DO NOT EDIT." that [ast.IsGenerated] needs: a change there
// belongs in what the generator reads.
func saysGenerated(f *ast.File) bool {
	for _, group := range f.Comments {
		if group.Pos() > f.Package {
			break
		}
		for _, c := range group.List {
			if strings.HasPrefix(c.Text, "// Code generated ") {
				return true
			}
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		skipped:    make(map[*token.File]bool),
		tests:      make(map[*token.File]bool),
		directives: make(map[*token.File]map[int][]directive),
	}
	harness := isTestHarness(pass.Pkg.Path()) || slices.ContainsFunc(pass.Files, saysTestsOnly)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		if len(pass.TypeErrors) > 0 || ast.IsGenerated(f) || saysGenerated(f) || isVendored(tf.Name()) {
			res.skipped[tf] = true
			continue
		}
		res.tests[tf] = strings.HasSuffix(tf.Name(), "_test.go") || isMock(filepath.Base(tf.Name())) || harness || takesTestingT(pass.TypesInfo, f)
		if strings.HasSuffix(tf.Name(), "_test.go") {
			res.testVariant = true
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
	res.testVariant = res.testVariant && slices.ContainsFunc(pass.Files, func(f *ast.File) bool {
		tf := pass.Fset.File(f.FileStart)
		return tf != nil && !strings.HasSuffix(tf.Name(), "_test.go")
	})
	return res, nil
}

func isVendored(name string) bool {
	return slices.Contains(strings.Split(filepath.ToSlash(name), "/"), "vendor")
}

// isTestHarness reports whether path is a package of test helpers: one of
// its elements starts or ends with "test", as in testing/fstest,
// internal/testenv or net/http/httptest, but is not an ordinary word, or
// starts with "bench" (a benchmark harness: bench, benchmarks, benchutil);
// it is a package of mocks; or one of harnessDirs.
func isTestHarness(path string) bool {
	return slices.ContainsFunc(strings.Split(path, "/"), func(elem string) bool {
		return strings.HasPrefix(elem, "test") || strings.HasPrefix(elem, "bench") ||
			strings.HasSuffix(elem, "test") && !slices.Contains(wordsEndingInTest, elem) ||
			isMock(elem) || slices.Contains(harnessDirs, elem)
	})
}

// testsOnly matches a package comment that says the package is for tests
// only ("It is intended to only be used in tests, as performance is not
// a goal", "a Redis test server, for use in Go unittests"): its users
// accept its costs.
var testsOnly = regexp.MustCompile(`(?i)\bonly\s+(to\s+)?be\s+used\s+(in|by|for)\s+tests\b|\bintended\s+(only\s+)?for\s+(use\s+in\s+)?tests\b|\bfor\s+use\s+only\s+in\s+tests\b|\bfor\s+use\s+in\s+(go\s+)?(unit\s*)?tests\b`)

func saysTestsOnly(f *ast.File) bool {
	return f.Doc != nil && testsOnly.MatchString(f.Doc.Text())
}

// harnessDirs name the packages that only tests run:
// integration, end-to-end and conformance suites (a protocol SDK's
// conformance server, driven by the spec's test runner), assertion
// helpers (a module's own internal/assert), fakes (a client's fake server
// or connection, client-go's fake clientsets).
var harnessDirs = []string{"integration", "e2e", "conformance", "assert", "require", "fake", "fakes"}

// takesTestingT reports whether the file names testing.T, TB, B, F or M:
// helpers that a test calls with its *testing.T (a cluster to run tests
// against, assertions, a fake file system), which production code never
// runs, even in a production package (tsdb's testutil.go, raft's
// testing.go). testing.Testing alone does not count.
func takesTestingT(info *types.Info, f *ast.File) bool {
	if !slices.ContainsFunc(f.Imports, func(spec *ast.ImportSpec) bool { return spec.Path.Value == `"testing"` }) {
		return false // no need to walk a file that cannot name the package
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if pn, ok := info.Uses[astx.RootIdent(sel.X)].(*types.PkgName); ok && pn.Imported().Path() == "testing" {
				found = found || slices.Contains([]string{"T", "TB", "B", "F", "M"}, sel.Sel.Name)
			}
		}
		return !found
	})
	return found
}

// isMock reports whether a package path element or a file's base name
// names mocks (mocks, mockbroker.go, client_mock.go, a mock library such as
// sqlmock or pgxmock): stand-ins that a
// library ships for its own and its users' tests, which production code
// never runs.
func isMock(name string) bool {
	name = strings.TrimSuffix(name, ".go")
	return strings.HasPrefix(name, "mock") || strings.HasSuffix(name, "mock") || strings.HasSuffix(name, "mocks")
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
	case slices.ContainsFunc(d.passes, func(p string) bool { return !slices.Contains(passes, p) }):
		d.problem = "it names an unknown pass (known: " + strings.Join(slices.Sorted(slices.Values(passes)), ", ") + ")"
	case d.reason == "":
		d.problem = "it gives no reason"
	}
	return d, true
}

// names reports whether the directive is about the named pass. A directive
// that names no known pass concerns every pass, so that it is not lost.
func (d directive) names(pass string) bool {
	return slices.Contains(d.passes, pass) ||
		!slices.ContainsFunc(d.passes, func(p string) bool { return slices.Contains(passes, p) })
}

// Register makes a a memlint pass, from its package's init: directives
// may name it, and its flag set gets the settings that every pass has and
// its [Reporter] obeys. The settings are the pass's own, so that drivers
// that run passes side by side (golangci-lint, nogo) can set them per
// pass; the memlint command sets them for all passes at once with -strict
// and -include-tests.
func Register(a *analysis.Analyzer) {
	if !slices.Contains(passes, a.Name) {
		passes = append(passes, a.Name)
	}
	fs := &a.Flags
	fs.Bool("strict", false, "also report low-tier findings: every true instance, including cold paths and small counts")
	fs.Bool("include-tests", false, "report findings in _test.go files and test-harness packages too")
	fs.Bool("test-variants", true, "analyze a package compiled with its _test.go files (p [p.test]) even when test files are not reported; a driver that also analyzes the package without them, as the memlint command does, turns this off to not do the same work twice")
	fs.Var(new(profile.Setting), "profile", "pprof CPU or heap `files` (comma-separated), or auto for the main packages' default.pgo: findings hot in them are reported as high, with their measured cost")
	fs.Float64("profile.min", profile.DefaultMin, "the `percentage` of a profile's CPU time or allocated bytes from which a finding is hot")
}

// A Reporter reports a pass's diagnostics unless they are suppressed.
type Reporter struct {
	pass          *analysis.Pass
	res           *Result
	strict        bool
	includeTests  bool
	testVariants  bool
	profiles      func() (*profile.Index, error) // nil without a profile setting
	profileMin    float64
	profileFailed bool // the profile's error is reported once
}

// NewReporter returns the Reporter for pass, which must require [Analyzer]
// and be registered with [Register]. It reports the malformed //memlint:ignore
// directives that concern pass.
func NewReporter(pass *analysis.Pass) *Reporter {
	r := &Reporter{
		pass:         pass,
		res:          pass.ResultOf[Analyzer].(*Result),
		strict:       passflag.Bool(pass, "strict"),
		includeTests: passflag.Bool(pass, "include-tests"),
		testVariants: passflag.Bool(pass, "test-variants"),
		profileMin:   passflag.Float64(pass, "profile.min"),
	}
	if setting := passflag.String(pass, "profile"); setting != "" && len(pass.Files) > 0 {
		dir := filepath.Dir(pass.Fset.File(pass.Files[0].FileStart).Name())
		r.profiles = sync.OnceValues(func() (*profile.Index, error) { return profile.Open(setting, dir) })
	}
	for _, d := range r.res.malformed {
		if d.names(pass.Analyzer.Name) {
			pass.Reportf(d.pos, "this //memlint:ignore directive silences nothing: %s; write //memlint:ignore <pass>[,<pass>] <reason>", d.problem)
		}
	}
	return r
}

// Strict reports whether the pass reports every tier.
func (r *Reporter) Strict() bool { return r.strict }

// SkipsPackage reports whether the pass can return at once: every file of
// the package is skipped, or the package is a test variant (p [p.test])
// whose other files the driver analyzes as p too, test files are not
// reported, and the test-variants flag is off.
func (r *Reporter) SkipsPackage() bool {
	if r.res.testVariant && !r.includeTests && !r.testVariants {
		return true
	}
	return !slices.ContainsFunc(r.pass.Files, func(f *ast.File) bool { return !r.Skips(f) })
}

// Skips reports whether findings in file are dropped (generated, vendored,
// or test code), so that passes can avoid analyzing it at all.
func (r *Reporter) Skips(file *ast.File) bool {
	return r.skips(r.pass.Fset.File(file.FileStart))
}

func (r *Reporter) skips(tf *token.File) bool {
	return tf == nil || r.res.skipped[tf] || r.res.tests[tf] && !r.includeTests
}

// Report reports d, which costs e, unless it is suppressed or below the
// reported tiers.
func (r *Reporter) Report(d analysis.Diagnostic, e cost.Estimate) {
	tf := r.pass.Fset.File(d.Pos)
	if r.skips(tf) {
		return
	}
	e = r.measured(d, e)
	if e.Tier < cost.Medium && !r.strict {
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
	d.Category = e.Tier.String()
	if d.URL == "" {
		d.URL = r.pass.Analyzer.URL // the category is a tier, not an anchor of the pass's page
	}
	d.Message += " [" + e.Tier.String()
	if e.Evidence != "" {
		d.Message += ": " + e.Evidence
	}
	d.Message += "]"
	r.pass.Report(d)
}

// measured returns the estimate of d as the pass's profiles measure it.
func (r *Reporter) measured(d analysis.Diagnostic, e cost.Estimate) cost.Estimate {
	if r.profiles == nil {
		return e
	}
	ix, err := r.profiles()
	if err != nil {
		if !r.profileFailed {
			r.profileFailed = true
			r.pass.Reportf(r.pass.Files[0].Package, "the profile cannot be used: %v", err)
		}
		return e
	}
	m := ix.Measure(profile.Symbols(r.pass.Pkg), profile.Sites(r.pass, d.Pos, d.End))
	return profile.Adjust(e, m, r.profileMin)
}
