package lsp_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/memlint/memlint/internal/lsp"
)

// fakeGopls is the gopls end of a proxy: it answers as the test tells it
// and records what reaches it.
type fakeGopls struct {
	conn    jsonrpc2.Conn
	caps    map[string]any // its capabilities in initialize
	actions any            // its answer to codeAction
	closed  chan struct{}  // closed when the proxy closes gopls's input
}

// startProxy runs the proxy between a client (the editor) and a fake
// gopls.
func startProxy(t *testing.T, caps map[string]any) (*client, *fakeGopls) {
	editorEnd, proxyEditor := net.Pipe()
	// gopls's input and output are pipes of their own, as a process's are.
	goplsIn, toGopls := io.Pipe()
	fromGopls, goplsOut := io.Pipe()
	g := &fakeGopls{
		conn:    jsonrpc2.NewConn(jsonrpc2.NewStream(pipe{goplsIn, goplsOut})),
		caps:    caps,
		actions: []map[string]any{{"title": "gopls's fix", "kind": "quickfix"}},
		closed:  make(chan struct{}),
	}
	g.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodInitialize:
			return reply(ctx, map[string]any{"capabilities": g.caps}, nil)
		case protocol.MethodTextDocumentCodeAction:
			return reply(ctx, g.actions, nil)
		case protocol.MethodTextDocumentHover:
			return reply(ctx, map[string]any{"contents": map[string]any{"kind": "markdown", "value": "from gopls"}}, nil)
		}
		return reply(ctx, nil, nil)
	})
	go func() {
		<-g.conn.Done()
		close(g.closed)
	}()

	c := &client{
		conn:  jsonrpc2.NewConn(jsonrpc2.NewStream(editorEnd)),
		diags: make(chan protocol.PublishDiagnosticsParams, 100),
		done:  make(chan error, 1),
	}
	go func() {
		c.done <- lsp.RunProxy(context.Background(), proxyEditor, proxyEditor, toGopls, fromGopls, analyzers)
	}()
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("malformed diagnostics: %v", err)
			}
			c.diags <- p
		case protocol.MethodWorkspaceConfiguration:
			return reply(ctx, []string{"editor's settings"}, nil)
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() {
		c.conn.Close()
		g.conn.Close()
	})
	return c, g
}

// goplsDiagnostic is a diagnostic as gopls would publish it.
func goplsDiagnostic(message string) protocol.Diagnostic {
	return protocol.Diagnostic{
		Range:    protocol.Range{Start: protocol.Position{Line: 9}, End: protocol.Position{Line: 9, Character: 3}},
		Severity: protocol.DiagnosticSeverityError,
		Source:   "compiler",
		Message:  message,
	}
}

func (g *fakeGopls) publish(t *testing.T, u protocol.DocumentURI, version uint32, diags ...protocol.Diagnostic) {
	t.Helper()
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	if err := g.conn.Notify(context.Background(), protocol.MethodTextDocumentPublishDiagnostics,
		protocol.PublishDiagnosticsParams{URI: u, Version: version, Diagnostics: diags}); err != nil {
		t.Fatal(err)
	}
}

// TestProxy checks what the proxy adds to gopls's answers: quick fixes in
// the capabilities, memlint's diagnostics merged with gopls's for each
// file (in both orders of arrival, neither side's ever lost), memlint's
// quick fixes after gopls's code actions; and that the rest passes
// through both ways.
func TestProxy(t *testing.T) {
	dir := writeModule(t, map[string]string{"m.go": padded})
	u := uri.File(filepath.Join(dir, "m.go"))
	c, g := startProxy(t, map[string]any{"textDocumentSync": 2, "positionEncoding": "utf-8"})

	var init struct {
		Capabilities struct {
			PositionEncoding   string
			TextDocumentSync   int
			CodeActionProvider protocol.CodeActionOptions
		}
	}
	c.call(t, protocol.MethodInitialize, map[string]any{"processId": nil, "capabilities": map[string]any{}}, &init)
	if init.Capabilities.PositionEncoding != "utf-8" || init.Capabilities.TextDocumentSync != 2 ||
		!slices.Equal(init.Capabilities.CodeActionProvider.CodeActionKinds, []protocol.CodeActionKind{protocol.QuickFix}) {
		t.Errorf("capabilities %+v: want gopls's, with quick fixes added", init.Capabilities)
	}

	// Opened with an extra line at the top, then the line deleted by an
	// incremental change in UTF-8 columns, as gopls negotiated.
	c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: "// ß😀\n" + padded,
	}})
	c.notify(t, protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": []map[string]any{{"range": protocol.Range{End: protocol.Position{Character: 9}}, "text": ""}, {"range": protocol.Range{End: protocol.Position{Line: 1}}, "text": ""}},
	})
	g.publish(t, u, 2, goplsDiagnostic("first"))
	if diags := c.waitFor(t, u, "gopls's diagnostics", func([]protocol.Diagnostic) bool { return true }); len(diags) != 1 || diags[0].Message != "first" {
		t.Errorf("got %+v, want gopls's diagnostic as it sent it", diags)
	}
	both := func(goplsMessage string) func([]protocol.Diagnostic) bool {
		return func(diags []protocol.Diagnostic) bool {
			return len(diags) == 2 && diags[0].Message == goplsMessage && diags[1].Code == "fieldalign"
		}
	}
	c.waitFor(t, u, "want gopls's diagnostic and memlint's", both("first"))
	g.publish(t, u, 2, goplsDiagnostic("second"))
	diags := c.waitFor(t, u, "want gopls's new diagnostic and memlint's", both("second"))
	finding := diags[1]
	_, _, fixed := reference(t, padded)

	var actions []protocol.CodeAction
	c.call(t, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        finding.Range,
	}, &actions)
	if len(actions) != 2 || actions[0].Title != "gopls's fix" || actions[1].Edit == nil {
		t.Fatalf("code actions %+v: want gopls's, then memlint's quick fix", actions)
	}
	if got := apply(padded, actions[1].Edit.Changes[u], true); got != fixed {
		t.Errorf("memlint's quick fix, in UTF-8 columns, gives\n%s\nwant\n%s", got, fixed)
	}
	g.actions = nil // gopls has none: memlint's alone
	c.call(t, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        finding.Range,
	}, &actions)
	if len(actions) != 1 || actions[0].Edit == nil {
		t.Errorf("code actions %+v: want memlint's quick fix", actions)
	}

	// Requests and answers pass through both ways.
	var hover protocol.Hover
	c.call(t, protocol.MethodTextDocumentHover, protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &hover)
	if hover.Contents.Value != "from gopls" {
		t.Errorf("hover %+v, want gopls's", hover)
	}
	var settings []string
	if _, err := g.conn.Call(context.Background(), protocol.MethodWorkspaceConfiguration, protocol.ConfigurationParams{}, &settings); err != nil || len(settings) != 1 {
		t.Errorf("workspace/configuration: %v %v, want the editor's answer", settings, err)
	}

	// The fix clears memlint's finding; gopls's stays until it clears it.
	c.notify(t, protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": u, "version": 3}, "contentChanges": []map[string]any{{"text": fixed}},
	})
	c.waitFor(t, u, "want gopls's diagnostic alone", func(diags []protocol.Diagnostic) bool {
		return len(diags) == 1 && diags[0].Message == "second"
	})
	g.publish(t, u, 3)
	c.waitFor(t, u, "want no diagnostics", func(diags []protocol.Diagnostic) bool { return len(diags) == 0 })

	// The end of the editor's input closes gopls's, and gopls's end stops
	// the proxy.
	c.conn.Close()
	select {
	case <-g.closed:
	case <-time.After(10 * time.Second):
		t.Fatal("gopls's input stayed open after the editor's closed")
	}
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("proxy: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the proxy did not stop")
	}
}
