package lsp_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
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
