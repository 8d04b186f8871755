package lsp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/memlint/memlint/internal/lsp"
	"github.com/memlint/memlint/internal/suite"
)

// analyzers are the passes the tests run.
var analyzers = suite.Analyzers

// padded is a file fieldalign reports: T wastes 8 bytes per value and a
// slice holds many. The non-ASCII text before the struct on its line makes
// UTF-16 columns differ from UTF-8 ones.
const padded = `package m

// T's comment stays.
const ß = "😀"; type T struct {
	a bool // first flag
	b int64
	c bool
}

var Ts = make([]T, 1000)
`

// other is a second file of the package, which the editor does not open.
const other = `package m

import "strings"

func names(ts []T) string { return strings.Repeat("T", len(ts)) }
`

// unpadded is the file as it is on disk, without the finding: the server
// must analyze what the editor shows, not what is saved.
const unpadded = `package m

type T struct {
	b int64
}

var Ts = make([]T, 1000)
`

func writeModule(t testing.TB, files map[string]string) string {
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// client is the editor's end of a connection to a server run in-process.
type client struct {
	conn  jsonrpc2.Conn
	diags chan protocol.PublishDiagnosticsParams
	done  chan error // receives Serve's result
}

func startServer(t testing.TB, analyzers []*analysis.Analyzer) *client {
	serverEnd, clientEnd := net.Pipe()
	c := &client{
		conn:  jsonrpc2.NewConn(jsonrpc2.NewStream(clientEnd)),
		diags: make(chan protocol.PublishDiagnosticsParams, 1000),
		done:  make(chan error, 1),
	}
	go func() { c.done <- lsp.Serve(context.Background(), serverEnd, analyzers) }()
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodTextDocumentPublishDiagnostics {
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("malformed diagnostics: %v", err)
			}
			c.diags <- p
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *client) call(t testing.TB, method string, params, result any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, params, result); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(t testing.TB, method string, params any) {
	t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// waitDiagnostics returns the first diagnostics published for u at version.
func (c *client) waitDiagnostics(t testing.TB, u protocol.DocumentURI, version uint32) []protocol.Diagnostic {
	t.Helper()
	timeout := time.After(2 * time.Minute) // the first load builds export data
	for {
		select {
		case p := <-c.diags:
			if p.URI == u && p.Version == version {
				return p.Diagnostics
			}
		case <-timeout:
			t.Fatalf("no diagnostics for %s version %d", u, version)
		}
	}
}

// reference runs the analyzers the way the memlint command does, on the
// file content saved to disk, and returns the byte offsets of the first
// finding and the content with its first fix applied.
func reference(t *testing.T, content string) (start, end int, fixed string) {
	dir := writeModule(t, map[string]string{"m.go": content})
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: dir}, ".")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if !act.IsRoot || len(act.Diagnostics) == 0 {
			continue
		}
		d := act.Diagnostics[0]
		tf := act.Package.Fset.File(d.Pos)
		fixed := []byte(content)
		edits := slices.Clone(d.SuggestedFixes[0].TextEdits)
		slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
		for _, e := range edits {
			fixed = slices.Replace(fixed, tf.Offset(e.Pos), tf.Offset(e.End), e.NewText...)
		}
		return tf.Offset(d.Pos), tf.Offset(d.End), string(fixed)
	}
	t.Fatal("the analyzers report nothing on the fixture")
	return
}

// offset returns the byte offset of position p in text.
func offset(text string, p protocol.Position, utf8 bool) int {
	off := 0
	lines := strings.SplitAfter(text, "\n")
	for _, line := range lines[:p.Line] {
		off += len(line)
	}
	if utf8 {
		return off + int(p.Character)
	}
	units := 0
	for i, r := range lines[p.Line] {
		if units >= int(p.Character) {
			return off + i
		}
		units += utf16.RuneLen(r)
	}
	return off + len(lines[p.Line])
}

// apply applies the text edits to text, as an editor does.
func apply(text string, edits []protocol.TextEdit, utf8 bool) string {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b protocol.TextEdit) int {
		return offset(text, b.Range.Start, utf8) - offset(text, a.Range.Start, utf8)
	})
	for _, e := range edits {
		text = text[:offset(text, e.Range.Start, utf8)] + e.NewText + text[offset(text, e.Range.End, utf8):]
	}
	return text
}

// TestProtocol drives the server as an editor does: it opens a file whose
// unsaved text has a finding, asks for the quick fix, applies it, sends the
// change and shuts the server down, for each position encoding.
func TestProtocol(t *testing.T) {
	wantStart, wantEnd, wantFixed := reference(t, padded)
	for _, enc := range []string{"", "utf-16", "utf-8"} {
		t.Run("encoding="+enc, func(t *testing.T) {
			utf8 := enc == "utf-8"
			dir := writeModule(t, map[string]string{"m.go": unpadded, "other.go": other})
			u := uri.File(filepath.Join(dir, "m.go"))
			c := startServer(t, analyzers)

			caps := map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}}
			if enc != "" {
				caps["general"] = map[string]any{"positionEncodings": []string{enc, "utf-16"}}
			}
			var init struct {
				Capabilities struct {
					PositionEncoding   string
					CodeActionProvider protocol.CodeActionOptions
				}
			}
			c.call(t, protocol.MethodInitialize, map[string]any{"processId": nil, "rootUri": uri.File(dir), "capabilities": caps}, &init)
			if init.Capabilities.PositionEncoding != enc {
				t.Errorf("negotiated position encoding %q, want %q", init.Capabilities.PositionEncoding, enc)
			}
			if !slices.Equal(init.Capabilities.CodeActionProvider.CodeActionKinds, []protocol.CodeActionKind{protocol.QuickFix}) {
				t.Errorf("code action kinds %v, want quickfix", init.Capabilities.CodeActionProvider.CodeActionKinds)
			}
			c.notify(t, protocol.MethodInitialized, struct{}{})

			c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
				URI: u, LanguageID: "go", Version: 1, Text: padded,
			}})
			diags := c.waitDiagnostics(t, u, 1)
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %+v", len(diags), diags)
			}
			d := diags[0]
			if d.Source != "memlint" || d.Code != "fieldalign" || d.CodeDescription == nil ||
				d.CodeDescription.Href != "https://pkg.go.dev/github.com/memlint/memlint/passes/fieldalign" {
				t.Errorf("diagnostic %+v: want source memlint, code fieldalign and the pass's URL", d)
			}
			if start, end := offset(padded, d.Range.Start, utf8), offset(padded, d.Range.End, utf8); start != wantStart || end != wantEnd {
				t.Errorf("diagnostic at bytes [%d, %d), want [%d, %d)", start, end, wantStart, wantEnd)
			}

			var none []protocol.CodeAction
			c.call(t, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
				Range:        d.Range,
				Context:      protocol.CodeActionContext{Only: []protocol.CodeActionKind{protocol.Refactor}},
			}, &none)
			if len(none) > 0 {
				t.Errorf("refactorings requested, got %+v", none)
			}

			var actions []protocol.CodeAction
			cursor := protocol.Range{Start: d.Range.Start, End: d.Range.Start}
			c.call(t, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
				Range:        cursor,
				Context:      protocol.CodeActionContext{Diagnostics: diags},
			}, &actions)
			if len(actions) != 1 {
				t.Fatalf("got %d code actions, want 1: %+v", len(actions), actions)
			}
			a := actions[0]
			if a.Kind != protocol.QuickFix || a.Edit == nil || len(a.Edit.DocumentChanges) != 1 {
				t.Fatalf("code action %+v: want a quickfix editing one document", a)
			}
			change := a.Edit.DocumentChanges[0]
			if change.TextDocument.URI != u || change.TextDocument.Version == nil || *change.TextDocument.Version != 1 {
				t.Errorf("edit of %+v, want %s version 1", change.TextDocument, u)
			}
			fixed := apply(padded, change.Edits, utf8)
			if fixed != wantFixed {
				t.Errorf("applying the quick fix gives\n%s\nwant\n%s", fixed, wantFixed)
			}

			// Type a little, then fix: only the final text matters.
			for v, text := range []string{"\n" + padded, "\n\n" + padded, fixed} {
				c.notify(t, protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
					TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: int32(v + 2)},
					ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}},
				})
				if v == 0 {
					// The findings are for version 1 until the edits
					// pause: their fixes would land a line too high.
					var stale []protocol.CodeAction
					c.call(t, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
						TextDocument: protocol.TextDocumentIdentifier{URI: u},
						Range:        cursor,
					}, &stale)
					if len(stale) > 0 {
						t.Errorf("code actions for an edited document: %+v", stale)
					}
				}
			}
			if diags := c.waitDiagnostics(t, u, 4); len(diags) != 0 {
				t.Errorf("after the fix, got diagnostics %+v", diags)
			}

			c.call(t, protocol.MethodShutdown, nil, nil)
			c.notify(t, protocol.MethodExit, nil)
			select {
			case err := <-c.done:
				if err != nil {
					t.Errorf("Serve: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the server did not exit")
			}
		})
	}
}

// TestBrokenCode checks that the server survives what editors send while
// code is being typed, and reports nothing on code that does not compile
// (the passes skip every file of a package with type errors).
func TestBrokenCode(t *testing.T) {
	dir := writeModule(t, map[string]string{})
	c := startServer(t, analyzers)
	c.call(t, protocol.MethodInitialize, map[string]any{"processId": nil, "capabilities": map[string]any{}}, nil)
	for i, text := range []string{
		padded + "\nfunc f() {\n\tx :=\n}\n",           // syntax error
		padded + "\nvar x int = \"s\"\n",               // type error
		padded + "\nvar _ = nosuch.X\n",                // undefined package
		"package m\n\nimport \"example.com/nosuch\"\n", // missing import
		"", // no package clause
	} {
		path := filepath.Join(dir, fmt.Sprint("broken", i), "m.go")
		if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		u := uri.File(path)
		c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: u, LanguageID: "go", Version: 1, Text: text,
		}})
		if diags := c.waitDiagnostics(t, u, 1); len(diags) > 0 {
			t.Errorf("case %d: diagnostics on code that does not compile: %+v", i, diags)
		}
		c.notify(t, protocol.MethodTextDocumentDidClose, protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	}
	// A new file in a directory that holds none, and a non-file buffer.
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri.File(filepath.Join(dir, "empty", "new.go")), LanguageID: "go", Version: 1, Text: "package empty\n",
	}})
	c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: "untitled:Untitled-1", LanguageID: "go", Version: 1, Text: padded,
	}})
	c.call(t, protocol.MethodShutdown, nil, nil)
	c.notify(t, protocol.MethodExit, nil)
	if err := <-c.done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestSoftErrors checks that findings survive errors that leave the types
// complete, such as an unused variable, which code being typed has all
// the time.
func TestSoftErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{})
	u := uri.File(filepath.Join(dir, "m.go"))
	c := startServer(t, analyzers)
	c.call(t, protocol.MethodInitialize, map[string]any{"processId": nil, "capabilities": map[string]any{}}, nil)
	c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: broken,
	}})
	if diags := c.waitDiagnostics(t, u, 1); len(diags) != 1 || diags[0].Code != "fieldalign" {
		t.Errorf("diagnostics %+v, want fieldalign's despite the unused variable", diags)
	}
}
