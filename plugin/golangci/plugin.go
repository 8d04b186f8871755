// Package golangci registers memlint as a golangci-lint v2 module plugin.
//
// Build a golangci-lint that includes it with "golangci-lint custom" and a
// .custom-gcl.yml naming this package, then configure it in .golangci.yml
// under linters.settings.custom. Two kinds of linter are registered:
//
//   - "memlint" runs all passes (or those its settings select), so that
//     //nolint:memlint silences any of them;
//   - "memlint-<pass>" (memlint-fieldalign, ...) runs one pass, so that
//     //nolint:memlint-fieldalign silences just that one.
//
// Enable one or the other for a pass, not both. The //memlint:ignore
// directives work under every linter.
//
// Settings of "memlint" (every key optional; unknown keys are errors):
//
//	enable: [fieldalign, prealloc] # run only these passes
//	disable: [concatloop]          # or: run all passes but these
//	include-tests: true            # report in _test.go files too
//	strict: true                   # report low-tier findings too
//	profile: cpu.pprof,mem.pprof   # or auto: findings hot in these pprof profiles are high
//	profile-min: 0.5               # the percentage of a profile from which a finding is hot
//	options:                       # the passes' flags, as in memlint -<pass>.<flag>
//	  <pass>: {<flag>: <value>}
//
// Settings of "memlint-<pass>": include-tests, strict, profile,
// profile-min, and options: {<flag>: <value>}.
//
// Each linter runs its own copies of the passes, with their own flags, so
// that the settings of one linter never reach another.
package golangci

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/profile"
	"github.com/memlint/memlint/internal/suite"
)

func init() {
	register.Plugin("memlint", newSuitePlugin)
	for _, a := range suite.Analyzers {
		register.Plugin("memlint-"+a.Name, func(conf any) (register.LinterPlugin, error) {
			return newPassPlugin(a, conf)
		})
	}
}

// Settings are the settings of the "memlint" linter.
type Settings struct {
	Enable       []string                  `json:"enable"`
	Disable      []string                  `json:"disable"`
	IncludeTests bool                      `json:"include-tests"`
	Strict       bool                      `json:"strict"`
	Profile      string                    `json:"profile"`
	ProfileMin   *float64                  `json:"profile-min"`
	Options      map[string]map[string]any `json:"options"`
}

// PassSettings are the settings of a "memlint-<pass>" linter.
type PassSettings struct {
	IncludeTests bool           `json:"include-tests"`
	Strict       bool           `json:"strict"`
	Profile      string         `json:"profile"`
	ProfileMin   *float64       `json:"profile-min"`
	Options      map[string]any `json:"options"`
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func newSuitePlugin(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, err
	}
	analyzers, err := selectPasses(s.Enable, s.Disable)
	if err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(s.Options)) {
		i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == name })
		if i < 0 {
			if lookupPass(name) == nil {
				return nil, fmt.Errorf("options: unknown pass %q (known: %s)", name, passNames())
			}
			continue // a pass this linter does not run
		}
		if err := setOptions(analyzers[i], s.Options[name]); err != nil {
			return nil, err
		}
	}
	for _, a := range analyzers {
		if err := setShared(a, shared{s.IncludeTests, s.Strict, s.Profile, s.ProfileMin}); err != nil {
			return nil, err
		}
	}
	return &plugin{analyzers: analyzers}, nil
}

func newPassPlugin(a *analysis.Analyzer, conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[PassSettings](conf)
	if err != nil {
		return nil, err
	}
	a, err = ownCopy(a)
	if err != nil {
		return nil, err
	}
	if err := setOptions(a, s.Options); err != nil {
		return nil, err
	}
	if err := setShared(a, shared{s.IncludeTests, s.Strict, s.Profile, s.ProfileMin}); err != nil {
		return nil, err
	}
	return &plugin{analyzers: []*analysis.Analyzer{a}}, nil
}

// shared are the settings every pass has.
type shared struct {
	includeTests, strict bool
	profile              string
	profileMin           *float64 // nil: the pass's default
}

// setShared sets the flags every pass has. The profile files are read
// here, so that a bad one fails the configuration, as it fails memlint's
// command line.
func setShared(a *analysis.Analyzer, s shared) error {
	err := errors.Join(
		a.Flags.Set("include-tests", strconv.FormatBool(s.includeTests)),
		a.Flags.Set("strict", strconv.FormatBool(s.strict)),
		a.Flags.Set("profile", s.profile))
	if s.profile != "" {
		err = errors.Join(err, new(profile.Setting).Set(s.profile))
	}
	if s.profileMin != nil {
		err = errors.Join(err, a.Flags.Set("profile.min", strconv.FormatFloat(*s.profileMin, 'g', -1, 64)))
	}
	return err
}

// ownCopy returns a copy of a with a flag set of its own, holding each
// flag's default value, so that one linter's settings stay its own.
func ownCopy(a *analysis.Analyzer) (*analysis.Analyzer, error) {
	c := *a
	c.Flags = flag.FlagSet{}
	var err error
	a.Flags.VisitAll(func(f *flag.Flag) {
		switch f.Value.(flag.Getter).Get().(type) {
		case bool:
			c.Flags.Bool(f.Name, false, f.Usage)
		case int64:
			c.Flags.Int64(f.Name, 0, f.Usage)
		case int:
			c.Flags.Int(f.Name, 0, f.Usage)
		case float64:
			c.Flags.Float64(f.Name, 0, f.Usage)
		case string:
			c.Flags.String(f.Name, "", f.Usage)
		default:
			err = errors.Join(err, fmt.Errorf("%s: flag %s has a type the plugin cannot copy", a.Name, f.Name))
			return
		}
		err = errors.Join(err, c.Flags.Set(f.Name, f.DefValue))
	})
	return &c, err
}

// selectPasses returns the passes to run: those in enable if it is not
// empty, otherwise all but those in disable.
func selectPasses(enable, disable []string) ([]*analysis.Analyzer, error) {
	if len(enable) > 0 && len(disable) > 0 {
		return nil, errors.New("set enable or disable, not both")
	}
	for _, name := range slices.Concat(enable, disable) {
		if lookupPass(name) == nil {
			return nil, fmt.Errorf("unknown pass %q (known: %s)", name, passNames())
		}
	}
	var selected []*analysis.Analyzer
	for _, a := range suite.Analyzers {
		if len(enable) > 0 && slices.Contains(enable, a.Name) || len(enable) == 0 && !slices.Contains(disable, a.Name) {
			c, err := ownCopy(a)
			if err != nil {
				return nil, err
			}
			selected = append(selected, c)
		}
	}
	return selected, nil
}

// setOptions sets the pass's flags from options, as the command line
// -<pass>.<flag>=<value> would.
func setOptions(a *analysis.Analyzer, options map[string]any) error {
	for _, name := range slices.Sorted(maps.Keys(options)) {
		f := a.Flags.Lookup(name)
		if f == nil {
			return fmt.Errorf("options: %s has no option %q (known: %s)", a.Name, name, flagNames(&a.Flags))
		}
		value := options[name]
		switch value.(type) {
		case string, bool, float64: // what JSON decodes scalars to
		default:
			return fmt.Errorf("options: %s.%s: want a string, number or boolean, not %T", a.Name, name, value)
		}
		if err := f.Value.Set(fmt.Sprint(value)); err != nil {
			return fmt.Errorf("options: %s.%s: invalid value %v: %v", a.Name, name, value, err)
		}
	}
	return nil
}

func lookupPass(name string) *analysis.Analyzer {
	i := slices.IndexFunc(suite.Analyzers, func(a *analysis.Analyzer) bool { return a.Name == name })
	if i < 0 {
		return nil
	}
	return suite.Analyzers[i]
}

func passNames() string {
	var names []string
	names = slices.Grow(names, len(suite.Analyzers))
	for _, a := range suite.Analyzers {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

func flagNames(fs *flag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
