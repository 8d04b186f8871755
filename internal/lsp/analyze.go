package lsp

import (
	"cmp"
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"log"
	"maps"
	"os"
	"slices"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint/internal/cost"
)

// A snapshot is the state of the editor an analysis works from.
type snapshot struct {
	docs           map[string]*document
	edits          int // of the package, when the snapshot was taken
	utf8           bool
	versionedEdits bool
}

func (e *engine) snapshot(dir string) *snapshot {
	e.mu.Lock()
	defer e.mu.Unlock()
	return &snapshot{
		docs:           maps.Clone(e.docs),
		edits:          e.edits[dir],
		utf8:           e.utf8,
		versionedEdits: e.versionedEdits,
	}
}

// analyze runs the passes on the package in dir as the editor shows it and
// publishes their findings, unless an edit made them stale meanwhile.
func (e *engine) analyze(ctx context.Context, dir string) {
	snap := e.snapshot(dir)
	files, findings, err := snap.analyze(ctx, e.analyzers, dir)
	if err != nil {
		if ctx.Err() == nil {
			log.Printf("memlint: %s: %v", dir, err)
		}
		return
	}

	e.mu.Lock()
	if e.edits[dir] != snap.edits || e.stopped {
		e.mu.Unlock()
		return
	}
	// Clear the files that no longer belong to the package, too.
	for _, path := range e.pkgFiles[dir] {
		if !slices.Contains(files, path) {
			files = append(files, path)
		}
	}
	publish := make([]protocol.PublishDiagnosticsParams, 0, len(files))
	for _, path := range files {
		found := findings[path]
		if found == nil {
			found = &fileFindings{version: snap.version(path)}
		}
		e.findings[path] = found
		p := protocol.PublishDiagnosticsParams{URI: snap.uri(path), Diagnostics: found.diagnostics()}
		if found.version > 0 {
			p.Version = uint32(found.version)
		}
		publish = append(publish, p)
	}
	e.pkgFiles[dir] = files
	e.mu.Unlock()

	for _, p := range publish {
		e.publish(p)
	}
}

// version returns the version of the open document at path, or -1 if the
// file is not open and was read from disk.
func (snap *snapshot) version(path string) int32 {
	if doc := snap.docs[path]; doc != nil {
		return doc.version
	}
	return -1
}

// uri returns the URI of the file at path, spelled as the editor spelled it
// if it is open.
func (snap *snapshot) uri(path string) protocol.DocumentURI {
	if doc := snap.docs[path]; doc != nil {
		return doc.uri
	}
	return uri.File(path)
}

// analyze loads the package in dir with the open documents overlaid, runs
// the analyzers and returns its files and the findings in each.
func (snap *snapshot) analyze(ctx context.Context, analyzers []*analysis.Analyzer, dir string) ([]string, map[string]*fileFindings, error) {
	overlay := make(map[string][]byte, len(snap.docs))
	for path, doc := range snap.docs {
		overlay[path] = doc.text
	}
	pkg, err := load(ctx, dir, overlay)
	if err != nil {
		return nil, nil, err
	}
	if pkg.IllTyped {
		// The passes need complete types; the editor shows the errors.
		return slices.Clone(pkg.GoFiles), nil, nil
	}
	adapted := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		adapted[i] = adapt(a, overlay)
	}
	graph, err := checker.Analyze(adapted, []*packages.Package{pkg}, nil)
	if err != nil {
		return nil, nil, err
	}
	files := slices.Clone(pkg.GoFiles)
	conv := &converter{snap: snap, overlay: overlay, mappers: make(map[string]*mapper)}
	findings := make(map[string]*fileFindings)
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			log.Printf("memlint: %s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			path, fd, ok := conv.finding(act.Package.Fset, act.Analyzer, d)
			if !ok {
				continue
			}
			found := findings[path]
			if found == nil {
				found = &fileFindings{version: snap.version(path)}
				findings[path] = found
				if !slices.Contains(files, path) {
					files = append(files, path)
				}
			}
			found.findings = append(found.findings, fd)
		}
	}
	// Order by position, for output that does not depend on the order the
	// passes ran in.
	for _, found := range findings {
		slices.SortStableFunc(found.findings, func(a, b finding) int {
			return cmp.Or(
				cmp.Compare(a.diag.Range.Start.Line, b.diag.Range.Start.Line),
				cmp.Compare(a.diag.Range.Start.Character, b.diag.Range.Start.Character),
			)
		})
	}
	return files, findings, nil
}

// adapt returns a copy of a fit to run in the server: its pass reads the
// files the editor has open from their buffers, as the parser did (the
// checker's pass.ReadFile reads the disk), and its panics become errors,
// so that a bug in one pass costs its findings in one package rather than
// the server.
func adapt(a *analysis.Analyzer, overlay map[string][]byte) *analysis.Analyzer {
	g := *a
	g.Run = func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		readFile := pass.ReadFile
		pass.ReadFile = func(name string) ([]byte, error) {
			if text, open := overlay[name]; open && slices.ContainsFunc(pass.Files, func(f *ast.File) bool {
				return pass.Fset.File(f.FileStart).Name() == name
			}) {
				return text, nil
			}
			return readFile(name)
		}
		return a.Run(pass)
	}
	return &g
}

// A converter turns analysis diagnostics, positioned in a file set, into
// protocol diagnostics and code actions, positioned in the documents.
type converter struct {
	snap    *snapshot
	overlay map[string][]byte
	mappers map[string]*mapper // by path; nil if the file changed on disk since it was loaded
}

// finding converts d, reported by the analyzer a, into a finding in the
// file whose path it returns. A fix that cannot be placed in the documents
// is left out.
func (c *converter) finding(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) (string, finding, bool) {
	path, rng, ok := c.place(fset, d.Pos, d.End)
	if !ok {
		return "", finding{}, false
	}
	diag := protocol.Diagnostic{
		Range:    rng,
		Severity: severity(d.Category),
		Code:     a.Name,
		Source:   "memlint",
		Message:  d.Message,
	}
	if url := cmp.Or(d.URL, a.URL); url != "" {
		diag.CodeDescription = &protocol.CodeDescription{Href: uri.URI(url)}
	}
	for _, rel := range d.Related {
		if relPath, relRange, ok := c.place(fset, rel.Pos, rel.End); ok {
			diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: c.snap.uri(relPath), Range: relRange},
				Message:  rel.Message,
			})
		}
	}
	fd := finding{diag: diag}
	for _, fix := range d.SuggestedFixes {
		if edit, ok := c.workspaceEdit(fset, fix.TextEdits); ok {
			fd.fixes = append(fd.fixes, protocol.CodeAction{
				Title:       cmp.Or(fix.Message, "Apply memlint's fix"),
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{diag},
				IsPreferred: len(d.SuggestedFixes) == 1,
				Edit:        edit,
			})
		}
	}
	return path, fd, true
}

func (c *converter) workspaceEdit(fset *token.FileSet, edits []analysis.TextEdit) (*protocol.WorkspaceEdit, bool) {
	byFile := make(map[string][]protocol.TextEdit)
	var files []string // in order of appearance, for deterministic output
	for _, e := range edits {
		path, rng, ok := c.place(fset, e.Pos, e.End)
		if !ok {
			return nil, false
		}
		if _, seen := byFile[path]; !seen {
			files = append(files, path)
		}
		byFile[path] = append(byFile[path], protocol.TextEdit{Range: rng, NewText: string(e.NewText)})
	}
	edit := new(protocol.WorkspaceEdit)
	for _, path := range files {
		u := c.snap.uri(path)
		if !c.snap.versionedEdits {
			if edit.Changes == nil {
				edit.Changes = make(map[protocol.DocumentURI][]protocol.TextEdit)
			}
			edit.Changes[u] = byFile[path]
			continue
		}
		// A version lets the client refuse edits made for an older text;
		// null means the file on disk.
		id := protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}}
		if doc := c.snap.docs[path]; doc != nil {
			id.Version = &doc.version
		}
		edit.DocumentChanges = append(edit.DocumentChanges, protocol.TextDocumentEdit{TextDocument: id, Edits: byFile[path]})
	}
	return edit, true
}

// place returns the file and range of the positions start and end (NoPos
// for end means start).
func (c *converter) place(fset *token.FileSet, start, end token.Pos) (string, protocol.Range, bool) {
	tf := fset.File(start)
	if tf == nil {
		return "", protocol.Range{}, false
	}
	if !end.IsValid() {
		end = start
	}
	if end < start || int(end) > tf.Base()+tf.Size() {
		return "", protocol.Range{}, false
	}
	path := tf.Name()
	m := c.mapper(path, tf.Size())
	if m == nil {
		return "", protocol.Range{}, false
	}
	return path, protocol.Range{Start: m.position(tf.Offset(start)), End: m.position(tf.Offset(end))}, true
}

// mapper returns the mapper of the file at path, whose loaded content had
// size bytes, or nil if its content is no longer what was analyzed.
func (c *converter) mapper(path string, size int) *mapper {
	m, seen := c.mappers[path]
	if !seen {
		content, open := c.overlay[path]
		if !open {
			content, _ = os.ReadFile(path)
		}
		if len(content) == size {
			m = newMapper(content, c.snap.utf8)
		}
		c.mappers[path] = m
	}
	return m
}

// severity shows findings of the low cost tier (reported under -strict)
// as information, the others as warnings.
func severity(tier string) protocol.DiagnosticSeverity {
	if tier == cost.Low.String() {
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityWarning
}
