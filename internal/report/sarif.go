package report

import (
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/profile"
)

// srcRoot is the base id of repository-relative URIs, the one GitHub code
// scanning and most SARIF viewers resolve against the checkout.
const srcRoot = "%SRCROOT%"

// WriteSARIF writes a SARIF 2.1.0 log with one run of memlint: one rule per
// pass in passes and one result per finding. Locations are relative to root
// (the repository root); suggested fixes become the results' fixes.
func WriteSARIF(w io.Writer, root, version string, passes []*analysis.Analyzer, findings []Finding) error {
	run := sarif.NewRunWithInformationURI("memlint", "https://pkg.go.dev/github.com/memlint/memlint")
	run.Tool.Driver.WithVersion(version)
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
		srcRoot: *sarif.NewArtifactLocation().WithURI(fileURI(root) + "/"),
	})
	for _, a := range passes {
		addRule(run, a)
	}
	lines := newColumnConverter()
	for _, f := range findings {
		addResult(run, root, lines, f)
	}
	log := sarif.NewReport()
	log.AddRun(run)
	return log.PrettyWrite(w)
}

func addRule(run *sarif.Run, a *analysis.Analyzer) {
	short, _, _ := strings.Cut(a.Doc, "\n\n")
	help := a.Doc
	if a.URL != "" {
		help += "\n\nDocumentation: " + a.URL
	}
	rule := run.AddRule(a.Name).
		WithName(a.Name).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(strings.Join(strings.Fields(short), " "))).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(a.Doc)).
		WithHelp(sarif.NewMultiformatMessageString().WithText(help)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("warning"))
	if a.URL != "" {
		rule.WithHelpURI(a.URL)
	}
}

func addResult(run *sarif.Run, root string, lines *columnConverter, f Finding) {
	region := sarif.NewRegion().
		WithStartLine(f.Start.Line).
		WithStartColumn(lines.column(f.Start))
	if f.End.IsValid() && f.End.Filename == f.Start.Filename {
		region.WithEndLine(f.End.Line).WithEndColumn(lines.column(f.End))
	}
	res := run.CreateResultForRule(f.Pass.Name).
		WithLevel(sarifLevel(f.Tier)).
		WithRank(resultRank(f)).
		WithMessage(sarif.NewTextMessage(f.Message)).
		AddLocation(sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().
				WithArtifactLocation(artifactLocation(root, f.Start.Filename)).
				WithRegion(region)))
	for _, fix := range f.Fixes {
		res.AddFixe(sarifFix(root, fix))
	}
}

// sarifFix groups a fix's edits by file, keeping their order. Edits are
// byte ranges, which is exactly what SARIF's byteOffset/byteLength express.
func sarifFix(root string, fix Fix) *sarif.Fix {
	out := sarif.NewFix().WithDescription(sarif.NewTextMessage(fix.Message))
	changes := make(map[string]*sarif.ArtifactChange)
	for _, e := range fix.Edits {
		change, ok := changes[e.Filename]
		if !ok {
			change = sarif.NewArtifactChange().WithArtifactLocation(artifactLocation(root, e.Filename))
			changes[e.Filename] = change
			out.AddArtifactChange(change)
		}
		change.AddReplacement(sarif.NewReplacement().
			WithDeletedRegion(sarif.NewRegion().WithByteOffset(e.Start).WithByteLength(e.End - e.Start)).
			WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
	}
	return out
}

// artifactLocation names filename relative to the repository root, or by
// its absolute file URI when it lies outside the repository.
func artifactLocation(root, filename string) *sarif.ArtifactLocation {
	if rel, ok := relPath(root, filename); ok {
		return sarif.NewArtifactLocation().WithURI((&url.URL{Path: rel}).EscapedPath()).WithURIBaseID(srcRoot)
	}
	return sarif.NewArtifactLocation().WithURI(fileURI(filename))
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letters
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// A columnConverter turns Go's byte columns into SARIF's default column
// unit, UTF-16 code units, which differ on lines with non-ASCII text.
type columnConverter struct {
	files map[string][]byte
}

func newColumnConverter() *columnConverter {
	return &columnConverter{files: make(map[string][]byte)}
}

func (c *columnConverter) column(p token.Position) int {
	src, ok := c.files[p.Filename]
	if !ok {
		src, _ = os.ReadFile(p.Filename) // unreadable: fall back to byte columns
		c.files[p.Filename] = src
	}
	lineStart := p.Offset - (p.Column - 1)
	if lineStart < 0 || p.Offset > len(src) {
		return p.Column
	}
	col := 1
	for prefix := src[lineStart:p.Offset]; len(prefix) > 0; {
		r, size := utf8.DecodeRune(prefix)
		col += utf16.RuneLen(r)
		prefix = prefix[size:]
	}
	return col
}

// sarifLevel maps a cost tier to a SARIF level: the low tier, reported
// only under -strict, is a note.
func sarifLevel(tier string) string {
	if tier == cost.Low.String() {
		return "note"
	}
	return "warning"
}

// sarifRank maps a cost tier to a SARIF rank (0 to 100, higher first),
// so that code scanning lists the costly findings first; -1 (no rank)
// when the tier is unknown.
func sarifRank(tier string) float64 {
	t, ok := cost.ParseTier(tier)
	if !ok {
		return -1
	}
	return float64(t) * 100 / float64(cost.High)
}

// resultRank is the SARIF rank of a finding: its tier's, or, when a
// profile measured the finding, a place in its tier's third of the scale
// by the share of the profile it accounts for.
func resultRank(f Finding) float64 {
	t, ok := cost.ParseTier(f.Tier)
	share := profile.Rank(f.Message)
	if !ok || share == 0 {
		return sarifRank(f.Tier)
	}
	return (float64(t-1) + share) * 100 / float64(cost.High)
}
