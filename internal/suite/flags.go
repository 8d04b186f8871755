package suite

import (
	"flag"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// SharedFlags registers on fs the settings every pass has (see
// suppress.Register) as one flag each that sets them for all analyzers:
// -strict sets -<pass>.strict of every pass.
func SharedFlags(fs *flag.FlagSet, analyzers []*analysis.Analyzer) {
	fs.Var(&forAll{name: "strict", analyzers: analyzers, isBool: true}, "strict", "report every true instance, low-tier findings too (sets -<pass>.strict of every pass)")
	fs.Var(&forAll{name: "include-tests", analyzers: analyzers, isBool: true}, "include-tests", "report findings in _test.go files and test-harness packages too (sets -<pass>.include-tests of every pass)")
	fs.Var(&forAll{name: "profile", analyzers: analyzers}, "profile", "pprof CPU or heap profile `files` (comma-separated), or auto for the main packages' default.pgo: findings hot in them are reported as high with their measured cost, and first with -format or -sarif (sets -<pass>.profile of every pass)")
	fs.Var(&forAll{name: "profile.min", analyzers: analyzers, value: defaultValue(analyzers, "profile.min")}, "profile.min", "the `percentage` of a profile's CPU time or allocated bytes from which a finding is hot (sets -<pass>.profile.min of every pass)")
}

// forAll is a flag that sets the flag of the same name of every analyzer
// that has one.
type forAll struct {
	name      string
	analyzers []*analysis.Analyzer
	isBool    bool
	value     string
}

func (f *forAll) String() string {
	if f == nil {
		return ""
	}
	return f.value
}

func (f *forAll) IsBoolFlag() bool { return f.isBool }

func (f *forAll) Set(s string) error {
	if f.isBool {
		if _, err := strconv.ParseBool(s); err != nil {
			return err
		}
	}
	for _, a := range f.analyzers {
		if a.Flags.Lookup(f.name) != nil {
			if err := a.Flags.Set(f.name, s); err != nil {
				return err
			}
		}
	}
	f.value = s
	return nil
}

// defaultValue returns the default of the analyzers' flag name.
func defaultValue(analyzers []*analysis.Analyzer, name string) string {
	for _, a := range analyzers {
		if f := a.Flags.Lookup(name); f != nil {
			return f.DefValue
		}
	}
	return ""
}
