package main_test

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/profile"
)

// The findings in testdata/profile/shop.go, by line.
const (
	namesLine   = "shop.go:18:" // prealloc, hot in the benchmark
	receiptLine = "shop.go:29:" // concatloop, hot
	tagsLine    = "shop.go:36:" // prealloc, never run
	summaryLine = "shop.go:47:" // concatloop, never run
	configLine  = "shop.go:54:" // prealloc in a configuration loader, hot
)

// TestProfile profiles testdata/profile's benchmark with go test
// -cpuprofile and -memprofile and runs memlint with the profiles: the hot
// findings come first with their measured share, the cold ones drop below
// the reported tiers, and every way of running memlint takes the setting.
func TestProfile(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/profile")); err != nil {
		t.Fatal(err)
	}
	// A fixed iteration count gives about the same CPU time however loaded
	// the machine is, though less under load (3000 iterations: 1.3 s of the
	// package's samples idle, 0.8 s with two busy loops on two cores);
	// 10000 keep the package above the profile's 100-sample minimum for
	// calling an unsampled line cold even then.
	if out, code := run(t, dir, "go", "test", "-run", "NONE", "-bench", ".", "-benchtime", "10000x",
		"-cpuprofile", "cpu.pprof", "-memprofile", "mem.pprof", "-o", "shop.test"); code != 0 {
		t.Fatalf("go test -bench: exit %d:\n%s", code, out)
	}
	profiles := "-profile=cpu.pprof,mem.pprof"
	hot := []string{namesLine, receiptLine, configLine}

	t.Run("ranked", func(t *testing.T) {
		out, code := run(t, dir, memlint, "-format=text", profiles, "./...")
		got := findings(out)
		if code != 3 || !sameLines(got, hot) || !ranked(got) {
			t.Fatalf("memlint -format=text %s: exit %d, output:\n%s\nwant exit 3 and the findings at %v, high, costliest first", profiles, code, out, hot)
		}
		for _, f := range got {
			if !strings.Contains(f, "[high: ") || !strings.Contains(f, "in the profile: ") || !strings.Contains(f, "% of CPU in runtime.") || !strings.Contains(f, "allocated here") {
				t.Errorf("finding without its measured cost: %s", f)
			}
		}
	})

	t.Run("strict", func(t *testing.T) {
		out, _ := run(t, dir, memlint, "-format=text", "-strict", profiles, "./...")
		got := findings(out)
		if len(got) != 5 || !sameLines(got[:3], hot) || !sameLines(got[3:], []string{tagsLine, summaryLine}) {
			t.Fatalf("memlint -strict: output:\n%s\nwant the hot findings, then those at %s and %s", out, tagsLine, summaryLine)
		}
		for _, f := range got[3:] {
			if !strings.Contains(f, "[low: ") || !strings.Contains(f, "not seen in the profile]") {
				t.Errorf("cold finding not marked so: %s", f)
			}
		}
	})

	t.Run("min", func(t *testing.T) {
		out, _ := run(t, dir, memlint, "-format=text", "-profile.min=99", profiles, "./...")
		if got := findings(out); len(got) != 0 {
			t.Errorf("memlint -profile.min=99: output:\n%s\nwant nothing: no finding is 99%% of a profile, so every one drops to low", out)
		}
	})

	t.Run("multichecker", func(t *testing.T) {
		out, code := run(t, dir, memlint, profiles, "./...")
		if code != 3 || !sameLines(findings(out), hot) || !strings.Contains(out, "in the profile: ") {
			t.Errorf("memlint %s: exit %d, output:\n%s\nwant exit 3 and the findings at %v with their measured cost", profiles, code, out, hot)
		}
	})

	t.Run("json", func(t *testing.T) {
		out, _ := run(t, dir, memlint, "-json", profiles, "./...")
		var tree map[string]map[string][]struct {
			Category string `json:"category"`
			Message  string `json:"message"`
		}
		if err := json.Unmarshal([]byte(out), &tree); err != nil {
			t.Fatalf("memlint -json: %v\n%s", err, out)
		}
		diags := tree["example.com/shop"]["prealloc"]
		if len(diags) != 2 {
			t.Fatalf("memlint -json: output:\n%s\nwant two prealloc findings", out)
		}
		for _, d := range diags {
			if d.Category != "high" || profile.Rank(d.Message) == 0 {
				t.Errorf("memlint -json: %+v, want category high and a measured cost", d)
			}
		}
	})

	t.Run("sarif", func(t *testing.T) {
		sarif := filepath.Join(t.TempDir(), "out.sarif")
		run(t, dir, memlint, "-sarif="+sarif, profiles, "./...")
		var log struct {
			Runs []struct {
				Results []struct {
					Rank    float64 `json:"rank"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(readFile(t, sarif)), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 3 {
			t.Fatalf("SARIF: %v\n%s", err, readFile(t, sarif))
		}
		for i, r := range log.Runs[0].Results {
			want := (2 + profile.Rank(r.Message.Text)) * 100 / 3
			if r.Rank != want || i > 0 && r.Rank > log.Runs[0].Results[i-1].Rank {
				t.Errorf("SARIF result %d: rank %v, want %v (the high tier's third, by measured share, costliest first)", i, r.Rank, want)
			}
		}
	})

	t.Run("auto", func(t *testing.T) {
		if err := os.Rename(filepath.Join(dir, "cpu.pprof"), filepath.Join(dir, "cmd/shopd/default.pgo")); err != nil {
			t.Fatal(err)
		}
		defer os.Rename(filepath.Join(dir, "cmd/shopd/default.pgo"), filepath.Join(dir, "cpu.pprof"))
		out, code := run(t, dir, memlint, "-format=text", "-profile=auto", "./...")
		got := findings(out)
		if code != 3 || !sameLines(got, hot) || !ranked(got) || strings.Contains(out, "allocated here") {
			t.Errorf("memlint -profile=auto: exit %d, output:\n%s\nwant the findings at %v measured by the CPU profile only", code, out, hot)
		}
	})

	t.Run("bad profile", func(t *testing.T) {
		for _, args := range [][]string{{"-profile=shop.go", "./..."}, {"lsp", "-profile=shop.go"}} {
			out, code := run(t, dir, memlint, args...)
			if code != 2 || !strings.Contains(out, "profile shop.go: ") {
				t.Errorf("memlint %s: exit %d, output:\n%s\nwant exit 2 and why shop.go is no profile", strings.Join(args, " "), code, out)
			}
		}
		// A default.pgo is found only when the packages are analyzed.
		pgo := filepath.Join(dir, "cmd/shopd/default.pgo")
		if err := os.WriteFile(pgo, []byte("not a profile"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(pgo)
		out, code := run(t, dir, memlint, "-format=text", "-profile=auto", "./...")
		if code != 3 || !strings.Contains(out, "the profile cannot be used: profile "+pgo) {
			t.Errorf("memlint -profile=auto with a bad default.pgo: exit %d, output:\n%s\nwant findings saying why the profile cannot be used", code, out)
		}
	})
}

// findings returns the lines of memlint's output that report findings.
func findings(out string) []string {
	var lines []string
	for line := range strings.SplitSeq(out, "\n") {
		if strings.Contains(line, ".go:") {
			lines = append(lines, line)
		}
	}
	return lines
}

// sameLines reports whether the findings are exactly at the positions
// given, in any order.
func sameLines(findings, positions []string) bool {
	if len(findings) != len(positions) {
		return false
	}
	for _, p := range positions {
		if !slices.ContainsFunc(findings, func(f string) bool { return strings.Contains(f, p) }) {
			return false
		}
	}
	return true
}

// ranked reports whether the findings come costliest first.
func ranked(findings []string) bool {
	return slices.IsSortedFunc(findings, func(a, b string) int {
		return cmp.Compare(profile.Rank(b), profile.Rank(a))
	})
}
