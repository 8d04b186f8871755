// Package report writes memlint's findings in the formats CI systems read:
// plain text, GitHub Actions workflow commands (annotations) and SARIF 2.1.0
// (code scanning).
//
// The writers take [Finding]s, which carry resolved file positions rather
// than token.Pos values, so that they need neither a FileSet nor the
// packages that produced them.
package report

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A Finding is one diagnostic of one pass.
type Finding struct {
	Pass       *analysis.Analyzer
	Start, End token.Position // End is zero when the diagnostic has no extent
	Message    string
	Tier       string // the cost tier: "high", "medium" or "low" (the diagnostic's category)
	Fixes      []Fix
}

// A Fix is one suggested fix: edits that are applied together.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the bytes [Start, End) of a file with NewText.
type Edit struct {
	Filename   string
	Start, End int
	NewText    string
}

// NewFinding resolves the positions of the diagnostic d reported by pass.
func NewFinding(fset *token.FileSet, pass *analysis.Analyzer, d analysis.Diagnostic) Finding {
	f := Finding{Pass: pass, Start: fset.Position(d.Pos), Message: d.Message, Tier: d.Category}
	if d.End.IsValid() {
		f.End = fset.Position(d.End)
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(e.Pos)
			if e.End.IsValid() {
				end = fset.Position(e.End)
			}
			fix.Edits = append(fix.Edits, Edit{Filename: start.Filename, Start: start.Offset, End: end.Offset, NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// Sort orders findings by file, line, column, pass and message, and drops
// duplicates: a file of a package with tests is analyzed twice, once in the
// package and once in its test variant, and reports the same findings twice.
func Sort(findings []Finding) []Finding {
	key := func(f Finding) string {
		return fmt.Sprintf("%s\x00%09d\x00%09d\x00%s\x00%s", f.Start.Filename, f.Start.Line, f.Start.Column, f.Pass.Name, f.Message)
	}
	slices.SortStableFunc(findings, func(a, b Finding) int { return cmp.Compare(key(a), key(b)) })
	return slices.CompactFunc(findings, func(a, b Finding) bool { return key(a) == key(b) })
}

// relPath returns filename relative to base, with forward slashes, or the
// absolute filename when it lies outside base (e.g. in GOROOT).
func relPath(base, filename string) (string, bool) {
	rel, err := filepath.Rel(base, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(filename), false
	}
	return filepath.ToSlash(rel), true
}

// WriteText writes one line per finding, "file:line:col: message (pass)",
// with file names relative to base.
func WriteText(w io.Writer, base string, findings []Finding) error {
	for _, f := range findings {
		name, _ := relPath(base, f.Start.Filename)
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", name, f.Start.Line, f.Start.Column, f.Message, f.Pass.Name); err != nil {
			return err
		}
	}
	return nil
}

// WriteGitHub writes one GitHub Actions workflow command per finding
// ("notice" for the low cost tier, "warning" otherwise), which the Actions runner turns into an annotation on the pull
// request. File names are relative to root, the repository root (which is
// where GitHub resolves them).
func WriteGitHub(w io.Writer, root string, findings []Finding) error {
	for _, f := range findings {
		name, _ := relPath(root, f.Start.Filename)
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
			sarifLevelToCommand[sarifLevel(f.Tier)], escapeProperty(name), f.Start.Line, f.Start.Column,
			escapeProperty("memlint "+f.Pass.Name), escapeData(f.Message))
		if err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes a workflow command's message the way the Actions
// runner unescapes it; otherwise a newline would end the command and a
// literal "%0A" in a message would turn into a newline.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, in which ":"
// and "," would also end the value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// sarifLevelToCommand names the workflow command of each SARIF level.
var sarifLevelToCommand = map[string]string{"note": "notice", "warning": "warning"}
