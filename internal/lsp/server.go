// Package lsp implements memlint's language servers: "memlint lsp", a
// Language Server Protocol server that editors run next to gopls (which
// cannot load third-party analyzers), and "memlint gopls", which stands
// in for gopls, runs it as a child and adds memlint's findings to its
// answers (see [GoplsMain]).
//
// For the Go files the editor opens, changes and saves, both publish the
// findings of memlint's passes as diagnostics (source "memlint", code the
// pass's name, codeDescription its documentation URL) and offer each
// suggested fix as a "quickfix" code action.
//
// They analyze the unsaved contents of open buffers (go/packages overlays)
// and re-analyze only the package whose file changed, once the edits pause
// (see [debounce]). Analyses run one at a time in a goroutine of their own,
// so the server keeps answering the editor; an edit cancels the analysis
// it makes stale. That part, shared by both, is the [engine].
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{conn: jsonrpc2.NewConn(jsonrpc2.NewStream(rwc))}
	var err error
	if s.engine, err = newEngine(analyzers, s.publish); err != nil {
		return err
	}
	go s.engine.work(ctx)
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

// A server is "memlint lsp": the engine behind a connection of its own.
type server struct {
	conn   jsonrpc2.Conn
	engine *engine

	mu       sync.Mutex
	shutdown bool
	exited   bool
}

func (s *server) publish(p protocol.PublishDiagnosticsParams) {
	if err := s.conn.Notify(context.Background(), protocol.MethodTextDocumentPublishDiagnostics, p); err != nil {
		log.Printf("memlint lsp: publishing diagnostics: %v", err)
	}
}

func (s *server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	params := req.Params()
	switch req.Method() {
	case protocol.MethodInitialize:
		return reply(ctx, s.initialize(params), nil)
	case protocol.MethodTextDocumentDidOpen, protocol.MethodTextDocumentDidChange,
		protocol.MethodTextDocumentDidSave, protocol.MethodTextDocumentDidClose:
		s.engine.observe(req.Method(), params)
	case protocol.MethodTextDocumentCodeAction:
		var p protocol.CodeActionParams
		if !decode(params, &p) {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "malformed codeAction parameters"))
		}
		return reply(ctx, s.engine.codeActions(p), nil)
	case protocol.MethodShutdown:
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.engine.stop()
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

// initializeParams holds what the servers read from initialize's parameters.
type initializeParams struct {
	Capabilities clientCapabilities `json:"capabilities"`
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
	var p initializeParams
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
	// The client lists encodings by preference; UTF-16 is the default
	// every client supports.
	for _, enc := range p.Capabilities.General.PositionEncodings {
		if enc == "utf-8" || enc == "utf-16" {
			res.Capabilities.PositionEncoding = enc
			break
		}
	}
	s.engine.configure(res.Capabilities.PositionEncoding == "utf-8", p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges)
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
