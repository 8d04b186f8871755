// Package lsp implements "memlint lsp", a Language Server Protocol server
// that editors run next to gopls (which cannot load third-party analyzers).
//
// For the Go files the editor opens, changes and saves, it publishes the
// findings of memlint's passes as diagnostics (source "memlint", code the
// pass's name, codeDescription its documentation URL) and offers each
// suggested fix as a "quickfix" code action.
//
// It analyzes the unsaved contents of open buffers (go/packages overlays)
// and re-analyzes only the package whose file changed, once the edits pause
// (see [debounce]). Analyses run one at a time in a goroutine of their own,
// so the server keeps answering the editor; an edit cancels the analysis
// it makes stale.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"
)

// debounce is how long the server waits after the last edit of a package
// before analyzing it: long enough to skip the states between keystrokes,
// short enough that findings follow a pause in typing.
const debounce = 200 * time.Millisecond

// Serve answers the editor on the connection rwc (its end of stdio) and
// publishes the analyzers' findings until the editor sends "exit". It
// returns nil if the editor asked it to shut down first.
//
// The analyzers must not use facts: the server loads only the changed
// package from source, and its dependencies from export data.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, analyzers []*analysis.Analyzer) error {
	if a := factUser(analyzers); a != nil {
		return fmt.Errorf("analyzer %s uses facts, which memlint lsp does not compute", a.Name)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		analyzers: analyzers,
		conn:      jsonrpc2.NewConn(jsonrpc2.NewStream(rwc)),
		docs:      make(map[string]*document),
		findings:  make(map[string]*fileFindings),
		pkgFiles:  make(map[string][]string),
		edits:     make(map[string]int),
	}
	s.queue = newQueue(debounce, s.analyze)
	go s.queue.work(ctx)
	s.conn.Go(ctx, s.handle)
	select {
	case <-s.conn.Done():
	case <-ctx.Done():
		s.conn.Close()
		<-s.conn.Done()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.exited && s.shutdown:
		return nil
	case s.exited:
		return errors.New("exit without shutdown")
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return fmt.Errorf("connection lost: %v", s.conn.Err())
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

type server struct {
	analyzers []*analysis.Analyzer
	conn      jsonrpc2.Conn
	queue     *queue

	mu             sync.Mutex
	utf8           bool // positions count bytes, not UTF-16 code units
	versionedEdits bool // the client takes documentChanges in workspace edits
	shutdown       bool
	exited         bool
	docs           map[string]*document     // open files, by path
	findings       map[string]*fileFindings // latest findings, by path
	pkgFiles       map[string][]string      // files last analyzed, by package directory
	edits          map[string]int           // edit count, by package directory
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

func (s *server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	params := req.Params()
	switch req.Method() {
	case protocol.MethodInitialize:
		return reply(ctx, s.initialize(params), nil)
	case protocol.MethodTextDocumentDidOpen:
		var p protocol.DidOpenTextDocumentParams
		if decode(params, &p) {
			s.open(p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text))
		}
	case protocol.MethodTextDocumentDidChange:
		var p protocol.DidChangeTextDocumentParams
		// The server asks for full-text sync, so the last change holds
		// the whole document.
		if decode(params, &p) && len(p.ContentChanges) > 0 {
			s.change(p.TextDocument.URI, p.TextDocument.Version, []byte(p.ContentChanges[len(p.ContentChanges)-1].Text))
		}
	case protocol.MethodTextDocumentDidSave:
		var p protocol.DidSaveTextDocumentParams
		if decode(params, &p) {
			s.touch(p.TextDocument.URI)
		}
	case protocol.MethodTextDocumentDidClose:
		var p protocol.DidCloseTextDocumentParams
		if decode(params, &p) {
			s.close(p.TextDocument.URI)
		}
	case protocol.MethodTextDocumentCodeAction:
		var p protocol.CodeActionParams
		if !decode(params, &p) {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "malformed codeAction parameters"))
		}
		return reply(ctx, s.codeActions(p), nil)
	case protocol.MethodShutdown:
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.queue.stop()
		return reply(ctx, nil, nil)
	case protocol.MethodExit:
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		s.conn.Close()
		return nil
	default:
		if _, isCall := req.(*jsonrpc2.Call); isCall {
			return jsonrpc2.MethodNotFoundHandler(ctx, reply, req)
		}
	}
	return reply(ctx, nil, nil) // a notification: replying sends nothing
}

func decode(params json.RawMessage, v any) bool {
	if err := json.Unmarshal(params, v); err != nil {
		log.Printf("memlint lsp: malformed parameters: %v", err)
		return false
	}
	return true
}

// clientCapabilities holds what the server reads from the client's
// capabilities, including LSP 3.17's positionEncodings, which the protocol
// package predates.
type clientCapabilities struct {
	General struct {
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	Workspace struct {
		WorkspaceEdit struct {
			DocumentChanges bool `json:"documentChanges"`
		} `json:"workspaceEdit"`
	} `json:"workspace"`
}

// initializeResult is protocol.InitializeResult with LSP 3.17's
// positionEncoding added to the capabilities.
type initializeResult struct {
	Capabilities struct {
		protocol.ServerCapabilities
		PositionEncoding string `json:"positionEncoding,omitempty"`
	} `json:"capabilities"`
	ServerInfo *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

func (s *server) initialize(params json.RawMessage) initializeResult {
	var p struct {
		Capabilities clientCapabilities `json:"capabilities"`
	}
	decode(params, &p)
	var res initializeResult
	res.ServerInfo = &protocol.ServerInfo{Name: "memlint"}
	res.Capabilities.TextDocumentSync = &protocol.TextDocumentSyncOptions{
		OpenClose: true,
		Change:    protocol.TextDocumentSyncKindFull,
		Save:      &protocol.SaveOptions{},
	}
	res.Capabilities.CodeActionProvider = &protocol.CodeActionOptions{
		CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix},
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.versionedEdits = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	// The client lists encodings by preference; UTF-16 is the default
	// every client supports.
	for _, enc := range p.Capabilities.General.PositionEncodings {
		if enc == "utf-8" || enc == "utf-16" {
			s.utf8 = enc == "utf-8"
			res.Capabilities.PositionEncoding = enc
			break
		}
	}
	return res
}

// filename returns the path of a file: URI; other schemes (unsaved
// "untitled:" buffers, say) have no package to analyze.
func filename(u protocol.DocumentURI) (string, bool) {
	parsed, err := url.Parse(string(u))
	if err != nil || parsed.Scheme != uri.FileScheme || parsed.Path == "" {
		return "", false
	}
	return filepath.FromSlash(parsed.Path), true
}

func (s *server) open(u protocol.DocumentURI, version int32, text []byte) {
	path, ok := filename(u)
	if !ok || filepath.Ext(path) != ".go" {
		return
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: u, version: version, text: text}
	s.edited(path)
	s.mu.Unlock()
}

func (s *server) change(u protocol.DocumentURI, version int32, text []byte) {
	path, ok := filename(u)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if doc := s.docs[path]; doc != nil {
		s.docs[path] = &document{uri: doc.uri, version: version, text: text}
		s.edited(path)
	}
}

func (s *server) touch(u protocol.DocumentURI) {
	if path, ok := filename(u); ok && filepath.Ext(path) == ".go" {
		s.mu.Lock()
		s.edited(path)
		s.mu.Unlock()
	}
}

// close forgets the buffer: its package is analyzed again from what is on
// disk, which is what the editor left there.
func (s *server) close(u protocol.DocumentURI) {
	if path, ok := filename(u); ok {
		s.mu.Lock()
		if _, open := s.docs[path]; open {
			delete(s.docs, path)
			s.edited(path)
		}
		s.mu.Unlock()
	}
}

// edited records an edit of the file at path, which makes findings being
// computed for its package stale, and schedules the package's analysis.
// s.mu is held.
func (s *server) edited(path string) {
	dir := filepath.Dir(path)
	s.edits[dir]++
	s.queue.schedule(dir)
}

// codeActions returns a quick fix for each suggested fix of the findings
// in the requested range. Findings computed for an older version of the
// document yield none: their edits would land in the wrong places.
func (s *server) codeActions(p protocol.CodeActionParams) []protocol.CodeAction {
	if len(p.Context.Only) > 0 && !slices.Contains(p.Context.Only, protocol.QuickFix) {
		return nil
	}
	path, ok := filename(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	found := s.findings[path]
	if found == nil {
		return nil
	}
	if doc := s.docs[path]; doc != nil && doc.version != found.version {
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
