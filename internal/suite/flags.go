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
	fs.Var(&forAll{name: "strict", analyzers: analyzers}, "strict", "report every true instance, low-tier findings too (sets -<pass>.strict of every pass)")
	fs.Var(&forAll{name: "include-tests", analyzers: analyzers}, "include-tests", "report findings in _test.go files and test-harness packages too (sets -<pass>.include-tests of every pass)")
}

// forAll is a boolean flag that sets the flag of the same name of every
// analyzer that has one.
type forAll struct {
	name      string
	analyzers []*analysis.Analyzer
	value     bool
}

func (f *forAll) String() string   { return strconv.FormatBool(f != nil && f.value) }
func (f *forAll) IsBoolFlag() bool { return true }

func (f *forAll) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	f.value = v
	for _, a := range f.analyzers {
		if a.Flags.Lookup(f.name) != nil {
			if err := a.Flags.Set(f.name, s); err != nil {
				return err
			}
		}
	}
	return nil
}
