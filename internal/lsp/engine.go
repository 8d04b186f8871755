package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"path/filepath"
	"slices"
	"sync"

	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
)

// An engine is memlint's half of a language server, shared by "memlint
// lsp" and "memlint gopls": it follows the editor's open Go buffers,
// analyzes their packages once edits pause, hands their findings to
// publish and answers for their quick fixes. The protocol around it (the
// connection, initialize, shutdown) is the caller's.
type engine struct {
	analyzers []*analysis.Analyzer
	queue     *queue
	// publish sends the findings in one file to the editor. It is called
	// from the queue's goroutine, never with mu held: a client that blocks
	// writing to us until we read would deadlock with our reader.
	publish func(protocol.PublishDiagnosticsParams)

	mu             sync.Mutex
	utf8           bool // positions count bytes, not UTF-16 code units
	versionedEdits bool // the client takes documentChanges in workspace edits
	stopped        bool
	docs           map[string]*document     // open files, by path
	findings       map[string]*fileFindings // latest findings, by path
	pkgFiles       map[string][]string      // files last analyzed, by package directory
	edits          map[string]int           // edit count, by package directory
}

// newEngine returns an engine running the analyzers, which must not use
// facts: the engine loads only the changed package from source, and its
// dependencies from export data. Its analyses run once work is called.
func newEngine(analyzers []*analysis.Analyzer, publish func(protocol.PublishDiagnosticsParams)) (*engine, error) {
	if a := factUser(analyzers); a != nil {
		return nil, fmt.Errorf("analyzer %s uses facts, which memlint's language server does not compute", a.Name)
	}
	e := &engine{
		analyzers: analyzers,
		publish:   publish,
		docs:      make(map[string]*document),
		findings:  make(map[string]*fileFindings),
		pkgFiles:  make(map[string][]string),
		edits:     make(map[string]int),
	}
	e.queue = newQueue(debounce, e.analyze)
	return e, nil
}

// factUser returns an analyzer that uses facts, among analyzers and those
// they require, or nil.
func factUser(analyzers []*analysis.Analyzer) *analysis.Analyzer {
	for _, a := range analyzers {
		if len(a.FactTypes) > 0 {
			return a
		}
		if a := factUser(a.Requires); a != nil {
			return a
		}
	}
	return nil
}

// work runs the analyses until ctx is done or the engine stops.
func (e *engine) work(ctx context.Context) { e.queue.work(ctx) }

// configure sets what the editor and the server negotiated in initialize:
// the position encoding and whether workspace edits may carry versions.
func (e *engine) configure(utf8, versionedEdits bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.utf8, e.versionedEdits = utf8, versionedEdits
}

// stop cancels the running analysis and publishes nothing more, once the
// editor asked the server to shut down.
func (e *engine) stop() {
	e.mu.Lock()
	e.stopped = true
	e.mu.Unlock()
	e.queue.stop()
}

// A document is a file open in the editor. Its text is replaced on each
// change, never modified, so that analyses can keep reading a snapshot.
type document struct {
	uri     protocol.DocumentURI
	version int32
	text    []byte
}

// fileFindings are the findings in one file, as computed for one version
// of it.
type fileFindings struct {
	version  int32 // of the document analyzed; -1 if it was read from disk
	findings []finding
}

// A finding is a diagnostic and a quick fix for each of its suggested fixes.
type finding struct {
	diag  protocol.Diagnostic
	fixes []protocol.CodeAction
}

// diagnostics returns the diagnostics to publish: never null, which would
// not clear the file's old ones.
func (f *fileFindings) diagnostics() []protocol.Diagnostic {
	diags := make([]protocol.Diagnostic, 0, len(f.findings))
	for _, fd := range f.findings {
		diags = append(diags, fd.diag)
	}
	return diags
}

// contentChange is protocol.TextDocumentContentChangeEvent as LSP defines
// it, with an optional range: a change without one replaces the whole text.
type contentChange struct {
	Range *protocol.Range `json:"range"`
	Text  string          `json:"text"`
}

// observe follows the editor's notifications about its documents (didOpen,
// didChange, didSave and didClose); it ignores other methods.
func (e *engine) observe(method string, params json.RawMessage) {
	switch method {
	case protocol.MethodTextDocumentDidOpen:
		var p protocol.DidOpenTextDocumentParams
		if decode(params, &p) {
			e.open(p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text))
		}
	case protocol.MethodTextDocumentDidChange:
		var p struct {
			TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
			ContentChanges []contentChange                          `json:"contentChanges"`
		}
		if decode(params, &p) {
			e.change(p.TextDocument.URI, p.TextDocument.Version, p.ContentChanges)
		}
	case protocol.MethodTextDocumentDidSave:
		var p protocol.DidSaveTextDocumentParams
		if decode(params, &p) {
			e.touch(p.TextDocument.URI)
		}
	case protocol.MethodTextDocumentDidClose:
		var p protocol.DidCloseTextDocumentParams
		if decode(params, &p) {
			e.close(p.TextDocument.URI)
		}
	}
}

func decode(params json.RawMessage, v any) bool {
	if err := json.Unmarshal(params, v); err != nil {
		log.Printf("memlint: malformed parameters: %v", err)
		return false
	}
	return true
}

func (e *engine) open(u protocol.DocumentURI, version int32, text []byte) {
	path, ok := filename(u)
	if !ok || filepath.Ext(path) != ".go" {
		return
	}
	e.mu.Lock()
	e.docs[path] = &document{uri: u, version: version, text: text}
	e.edited(path)
	e.mu.Unlock()
}

// change applies the changes to the document in order, each to the text
// the previous one left, as LSP orders them.
func (e *engine) change(u protocol.DocumentURI, version int32, changes []contentChange) {
	path, ok := filename(u)
	if !ok {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	doc := e.docs[path]
	if doc == nil {
		return
	}
	text := doc.text
	for _, c := range changes {
		text = applyChange(text, c, e.utf8)
	}
	e.docs[path] = &document{uri: doc.uri, version: version, text: text}
	e.edited(path)
}

// applyChange returns text with the change applied, in a new slice: an
// analysis may still be reading the old one.
func applyChange(text []byte, c contentChange, utf8 bool) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	m := newMapper(text, utf8)
	start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
	end = max(start, end)
	out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
	out = append(out, text[:start]...)
	out = append(out, c.Text...)
	return append(out, text[end:]...)
}

func (e *engine) touch(u protocol.DocumentURI) {
	if path, ok := filename(u); ok && filepath.Ext(path) == ".go" {
		e.mu.Lock()
		e.edited(path)
		e.mu.Unlock()
	}
}

// close forgets the buffer: its package is analyzed again from what is on
// disk, which is what the editor left there.
func (e *engine) close(u protocol.DocumentURI) {
	if path, ok := filename(u); ok {
		e.mu.Lock()
		if _, open := e.docs[path]; open {
			delete(e.docs, path)
			e.edited(path)
		}
		e.mu.Unlock()
	}
}

// edited records an edit of the file at path, which makes findings being
// computed for its package stale, and schedules the package's analysis.
// e.mu is held.
func (e *engine) edited(path string) {
	dir := filepath.Dir(path)
	e.edits[dir]++
	e.queue.schedule(dir)
}

// codeActions returns a quick fix for each suggested fix of the findings
// in the requested range. Findings computed for an older version of the
// document yield none: their edits would land in the wrong places.
func (e *engine) codeActions(p protocol.CodeActionParams) []protocol.CodeAction {
	if len(p.Context.Only) > 0 && !slices.Contains(p.Context.Only, protocol.QuickFix) {
		return nil
	}
	path, ok := filename(p.TextDocument.URI)
	if !ok {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	found := e.findings[path]
	if found == nil {
		return nil
	}
	if doc := e.docs[path]; doc != nil && doc.version != found.version {
		return nil
	}
	actions := []protocol.CodeAction{}
	for _, fd := range found.findings {
		if overlap(fd.diag.Range, p.Range) {
			actions = append(actions, fd.fixes...)
		}
	}
	return actions
}
