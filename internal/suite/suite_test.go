package suite

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestREADMEPassTable checks that the README's table of passes lists
// every pass, in order, with the summary line of its doc.go: the docs are
// written once, in doc.go, and the README must not drift from them.
func TestREADMEPassTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(string(readme), "\n") {
		if passRow.MatchString(line) {
			got = append(got, line)
		}
	}
	var want []string
	for _, a := range Analyzers {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		want = append(want, fmt.Sprintf("| [`%s`](%s) | %s |", a.Name, a.URL, summary))
	}
	if !slices.Equal(got, want) {
		t.Errorf("README pass table:\n%s\nwant (from each pass's doc.go):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var passRow = regexp.MustCompile("^\\| \\[`[a-z]+`\\]\\(")
