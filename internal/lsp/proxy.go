package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
)

// A proxy stands between the editor and gopls. It forwards every message
// as it came, except three, which it amends with memlint's part:
//
//   - gopls's publishDiagnostics for a file, to which it adds memlint's
//     findings there (the editor replaces a file's diagnostics on each
//     notification, so each side's are merged in, and sent again when
//     either side's change);
//   - gopls's answer to a codeAction request, to which it adds memlint's
//     quick fixes for the range;
//   - gopls's answer to initialize, whose capabilities it extends to quick
//     fixes if gopls does not offer them.
//
// It reads the editor's notifications about its documents into an engine,
// which follows the buffers as gopls does (in the text synchronization and
// position encoding gopls negotiated) and analyzes them.
type proxy struct {
	engine *engine
	editor *writer
	gopls  *writer

	mu      sync.Mutex
	pending map[string]envelope         // the editor's requests whose answers the proxy amends, by id
	files   map[string]*fileDiagnostics // by path
}

// An envelope holds the fields of a JSON-RPC message that the proxy routes
// by: a request has a method and an id, a notification only a method, a
// response only an id.
type envelope struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
}

// fileDiagnostics are the diagnostics each side last published for a file.
type fileDiagnostics struct {
	uri            protocol.DocumentURI // as gopls spelled it, or memlint if gopls has not published
	gopls          []json.RawMessage    // kept as gopls sent them
	goplsVersion   *int32
	memlint        []protocol.Diagnostic
	memlintVersion *int32
}

// runProxy forwards messages between the editor (editorIn, editorOut) and
// gopls (goplsIn, goplsOut), adding the analyzers' findings, until gopls's
// output ends. The end of the editor's input closes goplsIn, which makes
// gopls exit.
func runProxy(ctx context.Context, editorIn io.Reader, editorOut io.Writer, goplsIn io.WriteCloser, goplsOut io.Reader, analyzers []*analysis.Analyzer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := &proxy{
		editor:  newWriter(editorOut),
		gopls:   newWriter(goplsIn),
		pending: make(map[string]envelope),
		files:   make(map[string]*fileDiagnostics),
	}
	var err error
	if p.engine, err = newEngine(analyzers, p.memlintDiagnostics); err != nil {
		return err
	}
	go p.engine.work(ctx)
	go func() {
		if err := p.fromEditor(bufio.NewReader(editorIn)); err != nil && !errors.Is(err, io.EOF) {
			log.Printf("memlint gopls: reading from the editor: %v", err)
		}
		goplsIn.Close()
	}()
	err = p.fromGopls(bufio.NewReader(goplsOut))
	p.engine.stop()
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// fromEditor forwards the editor's messages to gopls, noting what the
// proxy needs from them on the way.
func (p *proxy) fromEditor(r *bufio.Reader) error {
	for {
		body, err := readMessage(r)
		if err != nil {
			return err
		}
		var msg envelope
		if json.Unmarshal(body, &msg) == nil {
			switch msg.Method {
			case protocol.MethodInitialize, protocol.MethodTextDocumentCodeAction:
				if msg.ID != nil {
					p.mu.Lock()
					p.pending[string(msg.ID)] = msg
					p.mu.Unlock()
				}
			case protocol.MethodTextDocumentDidOpen, protocol.MethodTextDocumentDidChange,
				protocol.MethodTextDocumentDidSave, protocol.MethodTextDocumentDidClose:
				p.engine.observe(msg.Method, msg.Params)
			case protocol.MethodShutdown:
				p.engine.stop()
			}
		}
		if err := p.gopls.write(body); err != nil {
			return err
		}
	}
}

// fromGopls forwards gopls's messages to the editor, amending those that
// carry memlint's part.
func (p *proxy) fromGopls(r *bufio.Reader) error {
	for {
		body, err := readMessage(r)
		if err != nil {
			return err
		}
		var msg envelope
		if json.Unmarshal(body, &msg) == nil {
			switch {
			case msg.Method == protocol.MethodTextDocumentPublishDiagnostics:
				err = p.editor.send(func() []byte { return p.goplsDiagnostics(msg.Params, body) })
				if err != nil {
					return err
				}
				continue
			case msg.Method == "" && msg.ID != nil:
				body = p.amendAnswer(msg, body)
			}
		}
		if err := p.editor.write(body); err != nil {
			return err
		}
	}
}

// publishParams is protocol.PublishDiagnosticsParams with the version
// optional, as LSP has it, and the diagnostics kept as they were sent.
type publishParams struct {
	URI         protocol.DocumentURI `json:"uri"`
	Version     *int32               `json:"version,omitempty"`
	Diagnostics []json.RawMessage    `json:"diagnostics"`
}

// goplsDiagnostics records gopls's diagnostics for a file and returns the
// message to send the editor: gopls's own if memlint has nothing there.
func (p *proxy) goplsDiagnostics(params json.RawMessage, body []byte) []byte {
	var pub publishParams
	if json.Unmarshal(params, &pub) != nil {
		return body
	}
	path, ok := filename(pub.URI)
	if !ok {
		return body
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	f := p.file(path)
	f.uri, f.gopls, f.goplsVersion = pub.URI, pub.Diagnostics, pub.Version
	if len(f.memlint) == 0 {
		p.forget(path, f)
		return body
	}
	return f.merged()
}

// file returns the diagnostics of the file at path. p.mu is held.
func (p *proxy) file(path string) *fileDiagnostics {
	f := p.files[path]
	if f == nil {
		f = new(fileDiagnostics)
		p.files[path] = f
	}
	return f
}

// forget drops the record of a file without diagnostics, so that the
// proxy's memory follows the files with findings, not all files ever
// seen. p.mu is held.
func (p *proxy) forget(path string, f *fileDiagnostics) {
	if len(f.gopls) == 0 && len(f.memlint) == 0 {
		delete(p.files, path)
	}
}

// memlintDiagnostics records memlint's findings in a file and sends the
// editor the file's diagnostics, both sides'.
func (p *proxy) memlintDiagnostics(pub protocol.PublishDiagnosticsParams) {
	path, ok := filename(pub.URI)
	if !ok {
		return
	}
	err := p.editor.send(func() []byte {
		p.mu.Lock()
		defer p.mu.Unlock()
		f := p.file(path)
		if f.uri == "" {
			f.uri = pub.URI
		}
		f.memlint, f.memlintVersion = pub.Diagnostics, nil
		if pub.Version > 0 {
			v := int32(pub.Version)
			f.memlintVersion = &v
		}
		body := f.merged()
		p.forget(path, f)
		return body
	})
	if err != nil {
		log.Printf("memlint gopls: publishing diagnostics: %v", err)
	}
}

// merged returns a publishDiagnostics notification of both sides'
// diagnostics. Its version is that of the document they were computed for,
// if the sides that report something agree on it, and none otherwise.
func (f *fileDiagnostics) merged() []byte {
	pub := publishParams{URI: f.uri, Diagnostics: slices.Clip(f.gopls)}
	for _, d := range f.memlint {
		raw, err := json.Marshal(d)
		if err != nil {
			continue
		}
		pub.Diagnostics = append(pub.Diagnostics, raw)
	}
	switch {
	case len(f.gopls) == 0:
		pub.Version = f.memlintVersion
	case len(f.memlint) == 0:
		pub.Version = f.goplsVersion
	case f.goplsVersion != nil && f.memlintVersion != nil && *f.goplsVersion == *f.memlintVersion:
		pub.Version = f.goplsVersion
	}
	if pub.Diagnostics == nil {
		pub.Diagnostics = []json.RawMessage{} // null would not clear the file's old ones
	}
	return marshal(notification{JSONRPC: "2.0", Method: protocol.MethodTextDocumentPublishDiagnostics, Params: pub})
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // of values built here, of types that always marshal
	}
	return b
}

// amendAnswer returns gopls's answer to one of the editor's requests with
// memlint's part added, if it is an answer the proxy amends.
func (p *proxy) amendAnswer(answer envelope, body []byte) []byte {
	p.mu.Lock()
	req, ok := p.pending[string(answer.ID)]
	delete(p.pending, string(answer.ID))
	p.mu.Unlock()
	if !ok || answer.Error != nil {
		return body
	}
	switch req.Method {
	case protocol.MethodInitialize:
		return p.amendInitialize(req.Params, answer, body)
	case protocol.MethodTextDocumentCodeAction:
		return p.amendCodeActions(req.Params, answer, body)
	}
	return body
}

// amendInitialize sets up the engine as the editor and gopls agreed, and
// returns gopls's capabilities, with quick fixes added if they lack them.
func (p *proxy) amendInitialize(params json.RawMessage, answer envelope, body []byte) []byte {
	var req initializeParams
	decode(params, &req)
	var result map[string]json.RawMessage
	var caps map[string]json.RawMessage
	if json.Unmarshal(answer.Result, &result) != nil || json.Unmarshal(result["capabilities"], &caps) != nil || caps == nil {
		return body
	}
	var enc string // UTF-16 unless gopls chose another
	json.Unmarshal(caps["positionEncoding"], &enc)
	p.engine.configure(enc == "utf-8", req.Capabilities.Workspace.WorkspaceEdit.DocumentChanges)

	provider, changed := withQuickFix(caps["codeActionProvider"])
	if !changed {
		return body
	}
	caps["codeActionProvider"] = provider
	result["capabilities"] = marshal(caps)
	return marshal(response{JSONRPC: "2.0", ID: answer.ID, Result: result})
}

// withQuickFix returns a codeActionProvider capability that covers quick
// fixes, and whether it had to change c for that.
func withQuickFix(c json.RawMessage) (json.RawMessage, bool) {
	var all bool
	if json.Unmarshal(c, &all) == nil && all {
		return c, false
	}
	var opts map[string]json.RawMessage
	if json.Unmarshal(c, &opts) != nil || opts == nil { // absent, null or false
		return json.RawMessage(`{"codeActionKinds":["quickfix"]}`), true
	}
	var kinds []protocol.CodeActionKind
	if json.Unmarshal(opts["codeActionKinds"], &kinds) != nil || kinds == nil || slices.Contains(kinds, protocol.QuickFix) {
		return c, false // no list means any kind
	}
	opts["codeActionKinds"] = marshal(append(kinds, protocol.QuickFix))
	return marshal(opts), true
}

// amendCodeActions returns gopls's code actions with memlint's quick fixes
// for the range appended.
func (p *proxy) amendCodeActions(params json.RawMessage, answer envelope, body []byte) []byte {
	var req protocol.CodeActionParams
	if !decode(params, &req) {
		return body
	}
	ours := p.engine.codeActions(req)
	var actions []json.RawMessage
	if len(ours) == 0 || json.Unmarshal(answer.Result, &actions) != nil { // null decodes to none
		return body
	}
	for _, a := range ours {
		actions = append(actions, marshal(a))
	}
	return marshal(response{JSONRPC: "2.0", ID: answer.ID, Result: actions})
}

// readMessage reads the body of a message of the LSP base protocol: a
// header whose Content-Length counts the body's bytes, a blank line, the body.
func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line != "" {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, _ := strings.Cut(line, ":")
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if length, err = strconv.Atoi(strings.TrimSpace(value)); err != nil || length < 0 {
				return nil, fmt.Errorf("bad header %q", line)
			}
		}
	}
	if length < 0 {
		return nil, errors.New("message without Content-Length")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// A writer writes whole messages of the base protocol, one at a time.
type writer struct {
	mu sync.Mutex
	w  *bufio.Writer
}

func newWriter(w io.Writer) *writer { return &writer{w: bufio.NewWriter(w)} }

func (w *writer) write(body []byte) error {
	return w.send(func() []byte { return body })
}

// send writes the message that build returns. It builds it holding the
// writer, so that messages built from state that changes, such as a
// file's merged diagnostics, go out in the order they were built.
func (w *writer) send(build func() []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	body := build()
	fmt.Fprintf(w.w, "Content-Length: %d\r\n\r\n", len(body))
	w.w.Write(body)
	return w.w.Flush() // reports the first error of the writes
}
