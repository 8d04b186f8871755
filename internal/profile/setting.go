package profile

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/memlint/memlint/internal/cost"
)

// DefaultMin is the default of the passes' profile.min setting: a finding
// accounting for at least this percentage of a profile's CPU time or
// allocated bytes is hot.
const DefaultMin = 0.5

// Auto is the profile setting that uses the default.pgo files of the
// main packages, as go build -pgo=auto does.
const Auto = "auto"

// Open returns the index of the profiles that setting names: files,
// separated by commas, or [Auto], which means the default.pgo profiles of
// the main packages of the module holding dir. go build -pgo=auto applies
// a main package's default.pgo to the packages it imports; memlint, which
// analyzes packages one at a time, applies every main package's of the
// module to each of its packages.
func Open(setting, dir string) (*Index, error) {
	if setting != Auto {
		return Load(strings.Split(setting, ","))
	}
	paths, err := defaultProfiles(dir)
	if err != nil {
		return nil, err
	}
	return Load(paths)
}

var defaultProfileCache sync.Map // module root -> func() ([]string, error)

// defaultProfiles returns the default.pgo files next to the main packages
// of the module holding dir (none outside a module), looking once per
// module and process.
func defaultProfiles(dir string) ([]string, error) {
	root := moduleRoot(dir)
	if root == "" {
		return nil, nil
	}
	find, _ := defaultProfileCache.LoadOrStore(root, sync.OnceValues(func() ([]string, error) {
		return findDefaultProfiles(root)
	}))
	return find.(func() ([]string, error))()
}

func moduleRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// findDefaultProfiles walks the module at root, as the go command sees
// its packages: without vendor and testdata directories, directories whose
// names start with "." or "_", and nested modules.
func findDefaultProfiles(root string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if d.Name() == "default.pgo" && isMainPackage(filepath.Dir(path)) {
			paths = append(paths, path)
		}
		return nil
	})
	return paths, err
}

// isMainPackage reports whether the Go files in dir (other than tests)
// declare package main.
func isMainPackage(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly)
		if err == nil {
			return f.Name.Name == "main"
		}
	}
	return false
}

// Adjust returns the estimate e of a finding as the profiles measure it,
// m, with a threshold of min percent: a finding accounting for at least
// min percent of a profile is high, whatever the static estimate said;
// one that accounts for less, in a package the profiles have enough
// samples of, drops a tier. The measure joins the evidence.
func Adjust(e cost.Estimate, m Measure, min float64) cost.Estimate {
	var clause string
	switch {
	case m.Seen() && 100*m.Share() >= min:
		e.Tier, clause = cost.High, m.String()
	case m.Known:
		e.Tier = max(e.Tier-1, cost.Low)
		clause = m.String()
		if m.Seen() {
			clause += fmt.Sprintf(" (below -profile.min=%v%%)", min)
		}
	case m.Seen():
		clause = m.String()
	default:
		clause = "the profile has too few samples of this package to tell"
	}
	if e.Evidence != "" {
		clause = e.Evidence + "; " + clause
	}
	e.Evidence = clause
	return e
}

// A Setting is the value of a pass's profile flag. Setting it to files
// starts reading them (see [prefetch]), so that a file that is missing or
// not a profile is a command-line error rather than a failure in the
// middle of a run, and the files are read while the command loads the
// packages, not after. Setting it to [Auto] starts reading the default.pgo
// files of the module in the working directory, the module linted most
// often; their errors are the passes' to report.
type Setting string

func (s *Setting) String() string { return string(*s) }

// Get returns the setting as a string, for [flag.Getter].
func (s *Setting) Get() any { return string(*s) }

func (s *Setting) Set(v string) error {
	switch v {
	case "":
	case Auto:
		if dir, err := os.Getwd(); err == nil {
			go prefetchDefault(dir)
		}
	default:
		for _, path := range strings.Split(v, ",") {
			if err := prefetch(path); err != nil {
				return err
			}
		}
	}
	*s = Setting(v)
	return nil
}

// prefetchDefault reads the default.pgo files of the module holding dir.
func prefetchDefault(dir string) {
	paths, _ := defaultProfiles(dir)
	for _, path := range paths {
		loadFile(path)
	}
}
