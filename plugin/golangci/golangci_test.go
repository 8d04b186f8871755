package golangci_test

// End-to-end tests of the plugin inside a real golangci-lint.
//
// "golangci-lint custom" clones golangci-lint from GitHub, adds a blank
// import of each plugin to cmd/golangci-lint/plugins.go, points the plugin
// modules at their sources with replace directives and builds. GitHub is not
// reachable everywhere these tests run, so they do the same from the module
// proxy: a wrapper module requiring golangci-lint at the pinned version,
// whose main package is golangci-lint's own (copied from the module cache)
// plus the blank import of this package. The binary is cached, keyed by a
// hash of its inputs, so only the first run pays for the build.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// golangciVersion is the golangci-lint release the plugin is built into;
// keep it in step with the README and with golang.org/x/tools in go.mod
// (golangci-lint's must not be newer than memlint's).
const golangciVersion = "v2.15.0"

// fieldalignFinding matches fieldalign's finding on the padded structs of
// the fixture (24 bytes, 16 when sorted) without depending on its wording.
var fieldalignFinding = regexp.MustCompile(`24.*16`)

const padded = `package fixture

type T struct {
	a bool
	b int64
	c bool
}

var Ts = make([]T, 1000)
`

// silenced has a padded struct whose finding a //nolint directive silences.
const silenced = `package fixture

type N struct { //nolint:%s // layout shared with C
	a bool
	b int64
	c bool
}

var Ns = make([]N, 1000)
`

// ignored has a padded struct whose finding a //memlint:ignore directive
// silences, and one that fieldalign reports only with -fieldalign.scan
// (its pointer field could come first, for the garbage collector).
const ignored = `package fixture

//memlint:ignore fieldalign layout shared with C
type I struct {
	a bool
	b int64
	c bool
}

var Is = make([]I, 1000)

type P struct {
	n int64
	p *int
}

var Ps = make([]P, 1000)
`

var (
	buildOnce sync.Once
	golangci  string
	buildErr  error
)

// golangciLint returns the path of a golangci-lint with memlint built in,
// building it on first use.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint (minutes when not cached)")
	}
	buildOnce.Do(func() { golangci, buildErr = buildGolangci(t) })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return golangci
}

func buildGolangci(t *testing.T) (string, error) {
	memlintDir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return "", err
	}
	var module struct{ Dir string }
	out, err := goCmd(t, "", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(out, &module); err != nil {
		return "", err
	}
	mainSrc, err := os.ReadFile(filepath.Join(module.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		return "", err
	}
	goVersion, err := goCmd(t, "", "env", "GOVERSION")
	if err != nil {
		return "", err
	}
	wrapper := map[string]string{
		"go.mod": "module memlint.test/golangci-lint\n\ngo 1.26.0\n\n" +
			"require (\n\tgithub.com/golangci/golangci-lint/v2 " + golangciVersion + "\n\tgithub.com/memlint/memlint v0.0.0\n)\n\n" +
			"replace github.com/memlint/memlint => " + filepath.ToSlash(memlintDir) + "\n",
		"main.go":    string(mainSrc),
		"plugins.go": "package main\n\nimport _ \"github.com/memlint/memlint/plugin/golangci\"\n",
	}
	key, err := inputsHash(memlintDir, string(goVersion), wrapper)
	if err != nil {
		return "", err
	}

	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		// No cache: build into a directory that outlives this test, for the others.
		if cacheRoot, err = os.MkdirTemp("", "memlint-golangci"); err != nil {
			return "", err
		}
	}
	cache := filepath.Join(cacheRoot, "memlint", "golangci-lint-"+golangciVersion)
	bin := filepath.Join(cache, key, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}

	start := time.Now()
	dir := t.TempDir()
	for name, content := range wrapper {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return "", err
		}
	}
	if _, err := goCmd(t, dir, "mod", "tidy"); err != nil {
		return "", err
	}
	if _, err := goCmd(t, dir, "build", "-ldflags=-s -w", "-o", "golangci-lint", "."); err != nil {
		return "", err
	}
	t.Logf("built golangci-lint %s with memlint in %s", golangciVersion, time.Since(start).Round(time.Second))

	// Keep only this build: older ones are of sources that changed since.
	os.RemoveAll(cache)
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	if err := os.Rename(filepath.Join(dir, "golangci-lint"), bin); err != nil {
		return "", err
	}
	return bin, nil
}

// inputsHash hashes what the golangci-lint binary is built from: the Go
// version, the wrapper module and memlint's non-test Go sources and module
// files.
func inputsHash(memlintDir, goVersion string, wrapper map[string]string) (string, error) {
	h := sha256.New()
	io.WriteString(h, goVersion)
	for _, name := range []string{"go.mod", "main.go", "plugins.go"} {
		io.WriteString(h, name+"\x00"+wrapper[name]+"\x00")
	}
	err := filepath.WalkDir(memlintDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != memlintDir && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if name != "go.mod" && name != "go.sum" && (!strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go")) {
			return nil
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(memlintDir, path)
		io.WriteString(h, filepath.ToSlash(rel)+"\x00")
		h.Write(content)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:16], err
}

func goCmd(t *testing.T, dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, errors.New("go " + strings.Join(args, " ") + ": " + err.Error() + "\n" + stderr.String())
	}
	return out, nil
}

// fixture writes a module with a padded struct and the given extra files
// (among them .golangci.yml) and returns its directory.
func fixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/fixture\n\ngo 1.26\n"
	files["t.go"] = padded
	files["i.go"] = ignored
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// config returns a .golangci.yml enabling the linter with settings
// (YAML lines for the "settings:" block, indented by 10 spaces).
func config(linter string, settings ...string) string {
	c := `version: "2"
linters:
  default: none
  enable: [` + linter + `]
  settings:
    custom:
      ` + linter + `:
        type: module
        description: memory anti-patterns
`
	if len(settings) > 0 {
		c += "        settings:\n          " + strings.Join(settings, "\n          ") + "\n"
	}
	return c
}

// golangciRun runs golangci-lint run in dir and returns its output and
// exit code (golangci-lint exits 1 when it reports issues).
func golangciRun(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(golangciLint(t), append([]string{"run"}, args...)...)
	cmd.Dir = dir
	// A cache of its own, so that no result of another configuration is reused.
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir(), "GOWORK=off", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("golangci-lint run: %v", err)
	return "", 0
}

// issues returns the lines of golangci-lint's output that report issues.
func issues(out string) []string {
	var lines []string
	for line := range strings.SplitSeq(out, "\n") {
		if strings.Contains(line, ".go:") && strings.HasSuffix(line, ")") {
			lines = append(lines, line)
		}
	}
	return lines
}

func TestFindingsAndNolint(t *testing.T) {
	dir := fixture(t, map[string]string{
		".golangci.yml": config("memlint"),
		"n.go":          strings.Replace(silenced, "%s", "memlint", 1),
	})
	out, code := golangciRun(t, dir, "./...")
	got := issues(out)
	if code != 1 || len(got) != 1 || !regexp.MustCompile(`^t\.go:3:\d+: fieldalign: `).MatchString(got[0]) ||
		!strings.HasSuffix(got[0], "(memlint)") || !fieldalignFinding.MatchString(got[0]) {
		t.Errorf("golangci-lint run: exit %d, output:\n%s\nwant exit 1 and one fieldalign issue at t.go:3 from memlint (n.go's is //nolint'd, i.go's //memlint:ignore'd)", code, out)
	}
}

func TestPerPassLinter(t *testing.T) {
	dir := fixture(t, map[string]string{
		".golangci.yml": config("memlint-fieldalign"),
		"n.go":          strings.Replace(silenced, "%s", "memlint-fieldalign", 1),
	})
	out, code := golangciRun(t, dir, "./...")
	got := issues(out)
	if code != 1 || len(got) != 1 || !strings.HasPrefix(got[0], "t.go:3:") || !strings.HasSuffix(got[0], "(memlint-fieldalign)") {
		t.Errorf("golangci-lint run: exit %d, output:\n%s\nwant exit 1 and one issue at t.go:3 from memlint-fieldalign (n.go's is //nolint'd, i.go's //memlint:ignore'd)", code, out)
	}
}

func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		linter   string
		settings []string
		want     string // an issue, or an error naming the mistake, or "" for no issues
	}{
		{"pass disabled", "memlint", []string{"disable: [fieldalign]"}, ""},
		{"pass enabled", "memlint", []string{"enable: [fieldalign]", "include-tests: true"}, "t.go:3:"},
		{"option", "memlint", []string{"options: {fieldalign: {scan: true}}"}, "i.go:12:"},
		{"per-pass option", "memlint-fieldalign", []string{"options: {scan: true}"}, "i.go:12:"},
		{"bad option value", "memlint", []string{"options: {fieldalign: {scan: maybe}}"}, "fieldalign.scan: invalid value maybe"},
		{"unknown key", "memlint", []string{"bogus: 1"}, `unknown field "bogus"`},
		{"unknown pass", "memlint", []string{"disable: [nosuchpass]"}, `unknown pass "nosuchpass"`},
		{"enable and disable", "memlint", []string{"enable: [fieldalign]", "disable: [fieldalign]"}, "not both"},
		{"unknown option pass", "memlint", []string{"options: {nosuchpass: {x: 1}}"}, `unknown pass "nosuchpass"`},
		{"unknown option", "memlint", []string{"options: {fieldalign: {nosuchoption: 1}}"}, `fieldalign has no option "nosuchoption"`},
		{"per-pass unknown key", "memlint-fieldalign", []string{"enable: [fieldalign]"}, `unknown field "enable"`},
		{"missing profile", "memlint", []string{"profile: missing.pprof"}, "missing.pprof: no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, code := golangciRun(t, fixture(t, map[string]string{".golangci.yml": config(tc.linter, tc.settings...)}), "./...")
			switch {
			case tc.want == "" && (code != 0 || len(issues(out)) != 0):
				t.Errorf("exit %d, output:\n%s\nwant exit 0 and no issues", code, out)
			case tc.want != "" && (code == 0 || !strings.Contains(out, tc.want)):
				t.Errorf("exit %d, output:\n%s\nwant a failure reporting %q", code, out, tc.want)
			}
		})
	}
}

// TestProfileSetting checks that the profile settings reach the passes: a
// profile without samples of the package says so in the finding.
func TestProfileSetting(t *testing.T) {
	var empty bytes.Buffer
	p := &profile.Profile{SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}}}
	if err := p.Write(&empty); err != nil {
		t.Fatal(err)
	}
	dir := fixture(t, map[string]string{
		".golangci.yml": config("memlint", "profile: empty.pprof", "profile-min: 2"),
		"empty.pprof":   empty.String(),
	})
	out, code := golangciRun(t, dir, "./...")
	if got := issues(out); code != 1 || len(got) != 1 || !strings.Contains(got[0], "the profile has too few samples of this package to tell") {
		t.Errorf("golangci-lint run: exit %d, output:\n%s\nwant one issue that the profile does not cover", code, out)
	}
}

func TestFix(t *testing.T) {
	dir := fixture(t, map[string]string{".golangci.yml": config("memlint")})
	if out, code := golangciRun(t, dir, "--fix", "./..."); code != 0 && code != 1 {
		t.Fatalf("golangci-lint run --fix: exit %d:\n%s", code, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "t.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(fixed) == padded {
		t.Fatalf("golangci-lint run --fix left t.go unchanged")
	}
	if out, err := goCmd(t, dir, "build", "./..."); err != nil {
		t.Fatalf("fixed module does not build: %v\n%s\n%s", err, out, fixed)
	}
	if out, code := golangciRun(t, dir, "./..."); code != 0 {
		t.Errorf("golangci-lint run after --fix: exit %d, want 0 (fixed):\n%s", code, out)
	}
}
