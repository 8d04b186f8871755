// Package gate is memlint's driver for CI gates. It runs the same passes as
// the default driver (multichecker) and keeps its exit codes, and adds what
// multichecker cannot do: SARIF and GitHub Actions annotation output, and
// reporting only the findings on lines a change added.
//
// Exit codes, the same as multichecker's: 0 no findings, 3 findings
// (after the changed-lines filter), 1 the analysis failed (packages did not
// load or type-check, a pass failed, a file could not be written),
// 2 bad command line. With both findings and failures the exit code is 3.
package gate

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint/internal/profile"
	"github.com/memlint/memlint/internal/report"
)

// Exit codes.
const (
	exitClean    = 0
	exitFailed   = 1
	exitUsage    = 2 // what package flag exits with, too
	exitFindings = 3
)

// gateFlags are the flags that select this driver over multichecker.
var gateFlags = []string{"sarif", "format", "new-from-rev", "new-from-patch"}

// Requested reports whether the command line args (without the program
// name) use one of the flags only this driver implements.
func Requested(args []string) bool {
	for _, arg := range args {
		if arg == "--" {
			return false
		}
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && slices.Contains(gateFlags, name) {
			return true
		}
	}
	return false
}

type options struct {
	sarif        string
	format       string
	newFromRev   string
	newFromPatch string
	tests        bool
}

// Main parses the command line (flag.CommandLine, so that flags the
// command registered, like -include-tests, apply here too), runs the
// selected analyzers and returns the exit code.
func Main(analyzers []*analysis.Analyzer) int {
	var opts options
	fs := flag.CommandLine
	fs.StringVar(&opts.sarif, "sarif", "", "also write the findings as SARIF 2.1.0 to `file`")
	fs.StringVar(&opts.format, "format", "text", "standard output `format`: text, or github (GitHub Actions annotations)")
	fs.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings on lines added since git `revision` (work tree and untracked files included)")
	fs.StringVar(&opts.newFromPatch, "new-from-patch", "", "report only findings on lines added by the unified diff in `file` (- for standard input)")
	fs.BoolVar(&opts.tests, "test", true, "also analyze test packages")
	selected := passFlags(fs, analyzers)
	fs.Parse(os.Args[1:]) // exits 2 on a bad command line, as multichecker does
	if opts.format != "text" && opts.format != "github" {
		fmt.Fprintf(os.Stderr, "memlint: -format %q: want text or github\n", opts.format)
		return exitUsage
	}
	if opts.newFromRev != "" && opts.newFromPatch != "" {
		fmt.Fprintln(os.Stderr, "memlint: -new-from-rev and -new-from-patch exclude each other")
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "memlint: no packages named; try ./...")
		return exitUsage
	}
	return run(opts, selected(), fs.Args())
}

// passFlags registers a -<pass> flag for each analyzer and a -<pass>.<flag>
// for each of its flags, as multichecker does, and returns the function
// that tells, after parsing, which analyzers to run: those set true if any,
// otherwise all but those set false.
func passFlags(fs *flag.FlagSet, analyzers []*analysis.Analyzer) func() []*analysis.Analyzer {
	enabled := make(map[string]*bool)
	for _, a := range analyzers {
		enabled[a.Name] = fs.Bool(a.Name, false, "enable only the "+a.Name+" pass (or =false to disable it): "+firstLine(a.Doc))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return func() []*analysis.Analyzer {
		set := make(map[string]bool) // pass flags given on the command line
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		var only, all []*analysis.Analyzer
		for _, a := range analyzers {
			on := *enabled[a.Name]
			if set[a.Name] && on {
				only = append(only, a)
			}
			if !set[a.Name] || on {
				all = append(all, a)
			}
		}
		if len(only) > 0 {
			return only
		}
		return all
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func run(opts options, analyzers []*analysis.Analyzer, patterns []string) int {
	exit := exitClean
	fail := func(err error) {
		fmt.Fprintf(os.Stderr, "memlint: %v\n", err)
		exit = max(exit, exitFailed)
	}

	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: opts.tests}, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		fail(err)
		return exit
	}
	if packages.PrintErrors(pkgs) > 0 {
		exit = exitFailed
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		fail(err)
		return exit
	}
	var findings []report.Finding
	for act := range graph.All() {
		if act.Err != nil {
			if len(act.Package.Errors) == 0 { // else already printed, and the reason it failed
				fail(fmt.Errorf("%s: %v", act, act.Err))
			}
			exit = max(exit, exitFailed)
			continue
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				findings = append(findings, report.NewFinding(act.Package.Fset, act.Analyzer, d))
			}
		}
	}

	cwd, err := os.Getwd()
	if err != nil {
		fail(err)
		return exit
	}
	root := repositoryRoot(cwd)
	findings = byMeasuredCost(report.Sort(canonicalPaths(findings)))
	if opts.newFromRev != "" || opts.newFromPatch != "" {
		findings, err = keepAdded(findings, root, opts)
		if err != nil {
			fail(err)
			return exit
		}
	}

	if opts.sarif != "" {
		if err := writeSARIF(opts.sarif, root, analyzers, findings); err != nil {
			fail(err)
		}
	}
	switch opts.format {
	case "github":
		err = report.WriteGitHub(os.Stdout, root, findings)
	default:
		err = report.WriteText(os.Stdout, canonical(cwd), findings)
	}
	if err != nil {
		fail(err)
	}
	if len(findings) > 0 {
		exit = exitFindings
	}
	return exit
}

// byMeasuredCost puts the findings a profile measured first, the costliest
// first (by the share of the profile each accounts for); the others keep
// their order after them.
func byMeasuredCost(findings []report.Finding) []report.Finding {
	slices.SortStableFunc(findings, func(a, b report.Finding) int {
		return cmp.Compare(profile.Rank(b.Message), profile.Rank(a.Message))
	})
	return findings
}

// repositoryRoot returns the root of the git work tree containing dir, to
// which reported paths are relative; outside git, dir itself.
func repositoryRoot(dir string) string {
	if root, err := gitRoot(dir); err == nil {
		return canonical(root)
	}
	return canonical(dir)
}

// keepAdded keeps the findings that start on an added line.
func keepAdded(findings []report.Finding, root string, opts options) ([]report.Finding, error) {
	var added addedLines
	var err error
	if opts.newFromRev != "" {
		added, err = linesAddedSince(root, opts.newFromRev)
	} else {
		var patch []byte
		if patch, err = readPatch(opts.newFromPatch); err == nil {
			added, err = linesAddedByPatch(root, patch)
		}
	}
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(findings, func(f report.Finding) bool {
		return !added.has(f.Start.Filename, f.Start.Line)
	}), nil
}

func writeSARIF(name, root string, analyzers []*analysis.Analyzer, findings []report.Finding) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok {
		version = info.Main.Version
	}
	err = report.WriteSARIF(f, root, version, analyzers, findings)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// canonicalPaths rewrites the findings' file names without symbolic links,
// as git reports them, so that they compare equal to the names in diffs.
func canonicalPaths(findings []report.Finding) []report.Finding {
	for i := range findings {
		f := &findings[i]
		f.Start.Filename = canonical(f.Start.Filename)
		if f.End.IsValid() {
			f.End.Filename = canonical(f.End.Filename)
		}
		for _, fix := range f.Fixes {
			for j := range fix.Edits {
				fix.Edits[j].Filename = canonical(fix.Edits[j].Filename)
			}
		}
	}
	return findings
}

var canonicalCache = make(map[string]string)

func canonical(path string) string {
	if c, ok := canonicalCache[path]; ok {
		return c
	}
	c, err := filepath.EvalSymlinks(path)
	if err != nil {
		c = path
	}
	c, _ = filepath.Abs(c)
	canonicalCache[path] = c
	return c
}
