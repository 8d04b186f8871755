package main_test

// End-to-end tests of the CI gate driver (internal/gate): SARIF and GitHub
// annotation output, the changed-lines filter and the exit codes.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/memlint/memlint/internal/suite"
)

// gatePadded has a padded struct, T, at line 3, of which many values exist.
const gatePadded = `package e2e

type T struct {
	a bool
	b int64
	c bool
}

var Ts = make([]T, 1000)
`

// gateMore, appended to gatePadded, adds a padded struct U at line 11.
const gateMore = `
type U struct {
	a bool
	b int64
	c bool
}

var Us = make([]U, 1000)
`

// fieldalignFinding matches fieldalign's message on the padded structs
// (24 bytes, 16 when sorted) without depending on its exact wording.
var fieldalignFinding = regexp.MustCompile(`24.*16`)

// annotation matches a GitHub annotation, capturing file, line and column.
var annotation = regexp.MustCompile(`^::warning file=([^,]*),line=(\d+),col=(\d+),title=memlint fieldalign::`)

// repository makes a git repository whose module lives in its subdirectory
// "mod", so that repository-relative and module-relative paths differ, and
// commits padded code. It returns the repository and module directories.
func repository(t *testing.T) (repo, mod string) {
	t.Helper()
	repo = t.TempDir()
	mod = filepath.Join(repo, "mod")
	writeFiles(t, mod, map[string]string{
		"go.mod": "module example.com/gate\n\ngo 1.26\n",
		"t.go":   gatePadded,
	})
	git(t, repo, "init", "-q")
	git(t, repo, "add", "-A")
	git(t, repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "padded T")
	return repo, mod
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		name = filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, code := run(t, dir, "git", args...)
	if code != 0 {
		t.Fatalf("git %v: exit %d:\n%s", args, code, out)
	}
	return out
}

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Runs []struct {
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string  `json:"id"`
					ShortDescription message `json:"shortDescription"`
					FullDescription  message `json:"fullDescription"`
					Help             message `json:"help"`
					HelpURI          string  `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string  `json:"ruleId"`
			RuleIndex int     `json:"ruleIndex"`
			Message   message `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation artifactLocation `json:"artifactLocation"`
					Region           struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Fixes []struct {
				Description     message `json:"description"`
				ArtifactChanges []struct {
					ArtifactLocation artifactLocation `json:"artifactLocation"`
					Replacements     []replacement    `json:"replacements"`
				} `json:"artifactChanges"`
			} `json:"fixes"`
		} `json:"results"`
	} `json:"runs"`
}

type replacement struct {
	DeletedRegion struct {
		ByteOffset int `json:"byteOffset"`
		ByteLength int `json:"byteLength"`
	} `json:"deletedRegion"`
	InsertedContent message `json:"insertedContent"`
}

type message struct {
	Text string `json:"text"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	schemaFile, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("SARIF output does not match the SARIF 2.1.0 schema: %v", err)
	}
}

func TestSARIF(t *testing.T) {
	repo, mod := repository(t)
	sarifFile := filepath.Join(t.TempDir(), "memlint.sarif")
	out, code := run(t, mod, memlint, "-sarif", sarifFile, "-format=github", "./...")
	m := annotation.FindStringSubmatch(out)
	if code != 3 || m == nil || !fieldalignFinding.MatchString(out) {
		t.Fatalf("memlint -sarif -format=github: exit %d, output:\n%s\nwant exit 3 and the fieldalign finding", code, out)
	}
	data := []byte(readFile(t, sarifFile))
	validateSARIF(t, data)

	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	r := log.Runs[0]
	if got := r.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file://"+canonical(t, repo)+"/" {
		t.Errorf("%%SRCROOT%% = %q, want the repository root %q", got, repo)
	}
	if len(r.Tool.Driver.Rules) != len(suite.Analyzers) {
		t.Errorf("got %d rules, want one per pass (%d)", len(r.Tool.Driver.Rules), len(suite.Analyzers))
	}
	for i, rule := range r.Tool.Driver.Rules {
		a := suite.Analyzers[i]
		if rule.ID != a.Name || rule.HelpURI != a.URL || rule.ShortDescription.Text == "" ||
			rule.FullDescription.Text != a.Doc || !strings.Contains(rule.Help.Text, a.URL) {
			t.Errorf("rule %d = %+v, want id %s, its Doc, help and helpUri %s", i, rule, a.Name, a.URL)
		}
	}

	if len(r.Results) != 1 {
		t.Fatalf("got %d results, want 1:\n%s", len(r.Results), data)
	}
	res := r.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "fieldalign" || r.Tool.Driver.Rules[res.RuleIndex].ID != "fieldalign" ||
		!fieldalignFinding.MatchString(res.Message.Text) ||
		loc.ArtifactLocation != (artifactLocation{URI: "mod/t.go", URIBaseID: "%SRCROOT%"}) ||
		loc.Region.StartLine != 3 || strconv.Itoa(loc.Region.StartColumn) != m[3] {
		t.Errorf("result = %+v, want fieldalign at mod/t.go:3:%s relative to %%SRCROOT%%", res, m[3])
	}

	// Applying the SARIF fix must give code that builds and is clean.
	if len(res.Fixes) != 1 || len(res.Fixes[0].ArtifactChanges) != 1 || res.Fixes[0].Description.Text == "" {
		t.Fatalf("result fixes = %+v, want one fix of one file", res.Fixes)
	}
	change := res.Fixes[0].ArtifactChanges[0]
	if change.ArtifactLocation.URI != "mod/t.go" {
		t.Fatalf("fix changes %q, want mod/t.go", change.ArtifactLocation.URI)
	}
	src := []byte(gatePadded)
	reps := slices.Clone(change.Replacements)
	slices.SortFunc(reps, func(a, b replacement) int { // back to front, so offsets stay valid
		return b.DeletedRegion.ByteOffset - a.DeletedRegion.ByteOffset
	})
	for _, rep := range reps {
		off, n := rep.DeletedRegion.ByteOffset, rep.DeletedRegion.ByteLength
		src = slices.Concat(src[:off], []byte(rep.InsertedContent.Text), src[off+n:])
	}
	writeFiles(t, mod, map[string]string{"t.go": string(src)})
	if out, code := run(t, mod, "go", "build", "./..."); code != 0 {
		t.Fatalf("code with the SARIF fix applied does not build:\n%s\n%s", out, src)
	}
	if out, code := run(t, mod, memlint, "-sarif", sarifFile, "./..."); code != 0 {
		t.Errorf("memlint after applying the SARIF fix: exit %d, want 0:\n%s", code, out)
	}
	validateSARIF(t, []byte(readFile(t, sarifFile))) // also valid with no results
}

func canonical(t *testing.T, dir string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(dir)
}

func TestGitHubAnnotations(t *testing.T) {
	_, mod := repository(t)
	out, code := run(t, mod, memlint, "-format=github", "./...")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	m := annotation.FindStringSubmatch(lines[0])
	if code != 3 || len(lines) != 1 || m == nil || m[1] != "mod/t.go" || m[2] != "3" || !fieldalignFinding.MatchString(lines[0]) {
		t.Errorf("memlint -format=github: exit %d, output:\n%s\nwant exit 3 and one fieldalign annotation of mod/t.go line 3", code, out)
	}
}

// TestNewFromRev checks that only findings on lines added since a revision
// are reported: on changed lines of tracked files and in untracked files.
func TestNewFromRev(t *testing.T) {
	repo, mod := repository(t)
	if out, code := run(t, mod, memlint, "-new-from-rev=HEAD", "./..."); code != 0 || out != "" {
		t.Fatalf("memlint -new-from-rev=HEAD with no change: exit %d, output:\n%s\nwant exit 0, no output (T is old)", code, out)
	}

	// U is added to the tracked file, V comes in an untracked file.
	writeFiles(t, mod, map[string]string{
		"t.go": gatePadded + gateMore,
		"v.go": "package e2e\n" + strings.ReplaceAll(gateMore, "U", "V"), // V at line 3, in a new file

	})
	out, code := run(t, mod, memlint, "-new-from-rev=HEAD", "./...")
	want := []string{"t.go:11:", "v.go:3:"}
	if code != 3 || !reportsExactly(out, want) {
		t.Errorf("memlint -new-from-rev=HEAD: exit %d, output:\n%s\nwant exit 3 and findings at %q only", code, out, want)
	}

	// Committed, the change is still new relative to the first commit.
	git(t, repo, "add", "-A")
	git(t, repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "U and V")
	if out, code := run(t, mod, memlint, "-new-from-rev=HEAD~1", "./..."); code != 3 || !reportsExactly(out, want) {
		t.Errorf("memlint -new-from-rev=HEAD~1: exit %d, output:\n%s\nwant exit 3 and findings at %q only", code, out, want)
	}

	if out, code := run(t, mod, memlint, "-new-from-rev=no-such-rev", "./..."); code != 1 || !strings.Contains(out, "no-such-rev") {
		t.Errorf("memlint -new-from-rev=no-such-rev: exit %d, output:\n%s\nwant exit 1 and an error naming the revision", code, out)
	}
}

func TestNewFromPatch(t *testing.T) {
	repo, mod := repository(t)
	writeFiles(t, mod, map[string]string{
		"t.go": gatePadded + gateMore,
	})
	patch := filepath.Join(t.TempDir(), "change.patch")
	writeFiles(t, filepath.Dir(patch), map[string]string{filepath.Base(patch): git(t, repo, "diff", "HEAD")})
	out, code := run(t, mod, memlint, "-new-from-patch", patch, "-format=github", "./...")
	if code != 3 || !reportsExactly(out, []string{"file=mod/t.go,line=11,"}) {
		t.Errorf("memlint -new-from-patch: exit %d, output:\n%s\nwant exit 3 and only U's finding (line 11)", code, out)
	}
}

// reportsExactly reports whether out has one line per element of want,
// each containing it.
func reportsExactly(out string, want []string) bool {
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		return false
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) || !fieldalignFinding.MatchString(lines[i]) {
			return false
		}
	}
	return true
}

// TestGateExitCodes checks the exit-code contract of the gate driver:
// 0 clean, 3 findings, 1 failure, 2 bad command line.
func TestGateExitCodes(t *testing.T) {
	_, dir := repository(t)
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"findings", nil, []string{"-sarif", sarif, "./..."}, 3},
		{"clean", nil, []string{"-sarif", sarif, "-fieldalign=false", "./..."}, 0},
		{"only fieldalign", nil, []string{"-format=github", "-fieldalign", "./..."}, 3},
		{"type error", map[string]string{"bad/bad.go": "package bad\n\nvar x int = \"s\"\n"}, []string{"-format=github", "./bad"}, 1},
		{"no such package", nil, []string{"-format=github", "./nosuch"}, 1},
		{"unwritable SARIF", nil, []string{"-sarif", filepath.Join(dir, "no", "dir", "x.sarif"), "-fieldalign=false", "./..."}, 1},
		{"bad format", nil, []string{"-format=xml", "./..."}, 2},
		{"unknown flag", nil, []string{"-format=github", "-nosuchflag", "./..."}, 2},
	} {
		writeFiles(t, dir, tc.files)
		if out, code := run(t, dir, memlint, tc.args...); code != tc.want {
			t.Errorf("%s: memlint %v: exit %d, want %d; output:\n%s", tc.name, tc.args, code, tc.want, out)
		}
	}
}
