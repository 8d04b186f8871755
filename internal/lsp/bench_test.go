package lsp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/memlint/memlint/internal/lsp"
)

// BenchmarkDidChange measures the time from a didChange of a file in a
// small module (one package of a few files importing std) to the
// publishDiagnostics for it, which includes the server's 200 ms debounce,
// and the live heap after the edits, which must not grow with their number:
//
//	go test -run NONE -bench DidChange -benchtime 200x ./internal/lsp
func BenchmarkDidChange(b *testing.B) {
	files := map[string]string{"m.go": padded}
	for i := range 4 {
		files[fmt.Sprintf("f%d.go", i)] = fmt.Sprintf(`package m

import (
	"strings"
	"sync"
)

type S%d struct {
	mu   sync.Mutex
	name string
}

func (s *S%[1]d) Join(parts []string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(append(parts, s.name), ",")
}
`, i)
	}
	dir := writeModule(b, files)
	u := uri.File(filepath.Join(dir, "m.go"))
	c := startServer(b, analyzers)
	c.call(b, protocol.MethodInitialize, map[string]any{"processId": nil, "capabilities": map[string]any{}}, nil)
	c.notify(b, protocol.MethodInitialized, struct{}{})
	c.notify(b, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: padded,
	}})
	if len(c.waitDiagnostics(b, u, 1)) == 0 {
		b.Fatal("no finding in the benchmark's module")
	}

	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	before := heap()
	b.ResetTimer()
	for i := range b.N {
		version := int32(i + 2)
		c.notify(b, protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: padded + strings.Repeat("\n", i%7)}},
		})
		if len(c.waitDiagnostics(b, u, uint32(version))) == 0 {
			b.Fatal("the finding disappeared")
		}
	}
	b.StopTimer()
	after := heap()
	b.ReportMetric(after, "heap-MB")
	b.ReportMetric(after-before, "heap-growth-MB")
}

// hoverModule is the module of the gopls benchmarks: m.go has a fieldalign
// finding and a use of Ts to hover over.
func hoverModule(b *testing.B) (dir string, u protocol.DocumentURI, text string) {
	text = structPart + "\nfunc count() int { return cap(Ts) }\n"
	dir = writeModule(b, map[string]string{"m.go": text})
	return dir, uri.File(filepath.Join(dir, "m.go")), text
}

// BenchmarkGoplsHover measures the round trip of a hover request to gopls
// v0.23.0, run directly and behind memlint gopls (both as processes on
// stdio, as an editor runs them), and reports the median:
//
//	go test -run NONE -bench GoplsHover -benchtime 1000x ./internal/lsp
func BenchmarkGoplsHover(b *testing.B) {
	gopls, memlint := goplsBinary(b), memlintBinary(b)
	for _, bc := range []struct {
		name string
		cmd  []string
	}{
		{"direct", []string{gopls}},
		{"proxy", []string{memlint, "gopls", "-gopls", gopls}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			dir, u, text := hoverModule(b)
			cmd := exec.Command(bc.cmd[0], bc.cmd[1:]...)
			cmd.Dir, cmd.Env, cmd.Stderr = dir, goplsEnv(b), os.Stderr
			c := startProcess(b, cmd)
			c.call(b, protocol.MethodInitialize, map[string]any{"processId": os.Getpid(), "rootUri": uri.File(dir), "capabilities": map[string]any{}}, nil)
			c.notify(b, protocol.MethodInitialized, struct{}{})
			c.notify(b, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
				URI: u, LanguageID: "go", Version: 1, Text: text,
			}})
			// Measure once both servers are done with the file.
			c.waitFor(b, u, "want the diagnostics of the opened file", func(diags []protocol.Diagnostic) bool {
				return bc.name == "direct" || len(bySource(diags, "memlint")) > 0
			})
			hover := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: position(text, "Ts)")}
			var h protocol.Hover
			c.call(b, protocol.MethodTextDocumentHover, hover, &h)
			if h.Contents.Value == "" {
				b.Fatal("empty hover")
			}

			times := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				c.call(b, protocol.MethodTextDocumentHover, hover, &h)
				times = append(times, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
			c.call(b, protocol.MethodShutdown, nil, nil)
			c.notify(b, protocol.MethodExit, nil)
			<-c.done
		})
	}
}

// BenchmarkGoplsEdits edits a file through the proxy, run in this process
// in front of gopls v0.23.0, waiting after each edit for memlint's
// diagnostics of it, and reports the proxy's live heap after the edits and
// its growth, which must not follow their number:
//
//	go test -run NONE -bench GoplsEdits -benchtime 1000x ./internal/lsp
func BenchmarkGoplsEdits(b *testing.B) {
	gopls := goplsBinary(b)
	dir, u, text := hoverModule(b)
	cmd := exec.Command(gopls)
	cmd.Dir, cmd.Env, cmd.Stderr = dir, goplsEnv(b), os.Stderr
	toGopls, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	fromGopls, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	editorEnd, proxyEnd := net.Pipe()
	proxyDone := make(chan error, 1)
	go func() {
		proxyDone <- lsp.RunProxy(context.Background(), proxyEnd, proxyEnd, toGopls, fromGopls, analyzers)
	}()
	c := &client{
		conn:  jsonrpc2.NewConn(jsonrpc2.NewStream(editorEnd)),
		diags: make(chan protocol.PublishDiagnosticsParams, 1000),
	}
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodTextDocumentPublishDiagnostics {
			var p protocol.PublishDiagnosticsParams
			json.Unmarshal(req.Params(), &p)
			c.diags <- p
		}
		return reply(ctx, nil, nil)
	})
	defer func() {
		c.call(b, protocol.MethodShutdown, nil, nil)
		c.notify(b, protocol.MethodExit, nil)
		<-proxyDone
		cmd.Wait()
	}()
	c.call(b, protocol.MethodInitialize, map[string]any{"processId": os.Getpid(), "rootUri": uri.File(dir), "capabilities": map[string]any{}}, nil)
	c.notify(b, protocol.MethodInitialized, struct{}{})
	c.notify(b, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: text,
	}})
	// memlint's diagnostics of version v arrive with version v: gopls's
	// (none) do not hold the merged list's version back.
	waitVersion := func(version uint32) {
		for {
			select {
			case p := <-c.diags:
				if p.URI == u && p.Version == version && len(bySource(p.Diagnostics, "memlint")) > 0 {
					return
				}
			case <-time.After(2 * time.Minute):
				b.Fatalf("no memlint diagnostics for version %d", version)
			}
		}
	}
	waitVersion(1)

	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	before := heap()
	b.ResetTimer()
	for i := range b.N {
		version := uint32(i + 2)
		c.notify(b, protocol.MethodTextDocumentDidChange, map[string]any{
			"textDocument":   map[string]any{"uri": u, "version": version},
			"contentChanges": []map[string]any{{"text": text + strings.Repeat("\n", i%7)}},
		})
		waitVersion(version)
	}
	b.StopTimer()
	after := heap()
	b.ReportMetric(after, "heap-MB")
	b.ReportMetric(after-before, "heap-growth-MB")
}
