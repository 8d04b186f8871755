package lsp_test

// End-to-end tests of "memlint gopls" in front of a real gopls, which they
// install from the module proxy (go install, in its own module graph, so
// memlint's go.mod is untouched) into the user cache, once per gopls and
// Go version.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// goplsVersion is the gopls release the tests run behind memlint gopls.
const goplsVersion = "v0.23.0"

// structPart has a fieldalign finding; broken adds a compile error (an
// unused variable) to the same file.
const (
	structPart = `package m

// T's comment stays.
type T struct {
	a bool // first flag
	b int64
	c bool
}

var Ts = make([]T, 1000)
`
	unusedLine = "\tunused := len(Ts)\n"
	funcPart   = "\nfunc count() int {\n" + unusedLine + "\treturn cap(Ts)\n}\n"
	broken     = structPart + funcPart
)

var (
	toolsOnce sync.Once
	toolsDir  string // holds this run's memlint and a copy of gopls
	toolsErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if toolsDir != "" {
		os.RemoveAll(toolsDir)
	}
	os.Exit(code)
}

// memlintBinary returns the path of memlint built from this source tree.
func memlintBinary(t testing.TB) string {
	t.Helper()
	dir := tools(t)
	bin := filepath.Join(dir, "memlint")
	if _, err := os.Stat(bin); err != nil {
		if out, err := exec.Command("go", "build", "-o", bin, "github.com/memlint/memlint/cmd/memlint").CombinedOutput(); err != nil {
			t.Fatalf("building memlint: %v\n%s", err, out)
		}
	}
	return bin
}

func tools(t testing.TB) string {
	toolsOnce.Do(func() { toolsDir, toolsErr = os.MkdirTemp("", "memlint-lsp-test") })
	if toolsErr != nil {
		t.Fatal(toolsErr)
	}
	return toolsDir
}

var (
	goplsOnce sync.Once
	goplsPath string
	goplsErr  error
)

// goplsBinary returns the path of a copy of gopls of its own, so that the
// tests can tell their gopls processes from others on the machine,
// installing gopls into the user cache on first use.
func goplsBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("installs gopls (minutes when not cached)")
	}
	goplsOnce.Do(func() {
		var cached string
		if cached, goplsErr = installGopls(t); goplsErr == nil {
			goplsPath = filepath.Join(tools(t), "gopls")
			goplsErr = copyFile(goplsPath, cached)
		}
	})
	if goplsErr != nil {
		t.Fatal(goplsErr)
	}
	return goplsPath
}

func installGopls(t testing.TB) (string, error) {
	goVersion, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "", err
	}
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		// No cache: install into a directory that outlives this run.
		if cacheRoot, err = os.MkdirTemp("", "memlint-gopls"); err != nil {
			return "", err
		}
	}
	cache := filepath.Join(cacheRoot, "memlint", "gopls-"+goplsVersion)
	bin := filepath.Join(cache, strings.TrimSpace(string(goVersion)), "gopls")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}

	start := time.Now()
	gobin := t.TempDir()
	cmd := exec.Command("go", "install", "golang.org/x/tools/gopls@"+goplsVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GOWORK=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", errors.New("go install golang.org/x/tools/gopls@" + goplsVersion + ": " + err.Error() + "\n" + string(out))
	}
	t.Logf("installed gopls %s in %s", goplsVersion, time.Since(start).Round(time.Second))
	// Keep only this build: older ones are of other Go versions.
	os.RemoveAll(cache)
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	return bin, copyFile(bin, filepath.Join(gobin, "gopls"))
}

// copyFile copies an executable, through a temporary file so that no one
// runs it half written.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Chmod(0o755); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(out.Name(), dst)
}

// processesOf returns the processes running the executable at path.
func processesOf(t testing.TB, path string) []int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err == nil && exe == path {
			pids = append(pids, pid)
		}
	}
	return pids
}

// noChild clears the variable by which memlint gopls knows it runs under
// itself, in case these tests run under a gopls behind memlint.
const noChild = "MEMLINT_GOPLS_CHILD="

// goplsEnv returns the environment to run gopls in, with Go telemetry off:
// otherwise gopls starts a telemetry sidecar process of its own, which
// may outlive it.
func goplsEnv(t testing.TB) []string {
	config := t.TempDir()
	if err := os.MkdirAll(filepath.Join(config, "go", "telemetry"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "go", "telemetry", "mode"), []byte("off"), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(), "XDG_CONFIG_HOME="+config, noChild)
}

// requireLinux skips tests that look for leftover processes in /proc.
func requireLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts processes in /proc")
	}
}

// startProcess starts cmd, a language server on stdio, and connects a
// client to it, which answers the server's requests as an editor with no
// settings does. done receives the result of cmd.Wait.
func startProcess(t testing.TB, cmd *exec.Cmd) *client {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &client{
		conn:  jsonrpc2.NewConn(jsonrpc2.NewStream(pipe{stdout, stdin})),
		diags: make(chan protocol.PublishDiagnosticsParams, 1000),
		done:  make(chan error, 1),
	}
	go func() { c.done <- cmd.Wait() }()
	c.conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("malformed diagnostics: %v", err)
			}
			c.diags <- p
		case protocol.MethodWorkspaceConfiguration:
			var p protocol.ConfigurationParams
			json.Unmarshal(req.Params(), &p)
			settings := make([]map[string]any, len(p.Items))
			for i := range settings {
				settings[i] = map[string]any{}
			}
			return reply(ctx, settings, nil)
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() {
		c.conn.Close()
		cmd.Process.Kill()
	})
	return c
}

// pipe is the client's end of a server's stdio.
type pipe struct {
	io.ReadCloser
	w io.WriteCloser
}

func (p pipe) Write(b []byte) (int, error) { return p.w.Write(b) }
func (p pipe) Close() error                { p.w.Close(); return p.ReadCloser.Close() }

// waitFor returns the first diagnostics published for u that satisfy ok.
func (c *client) waitFor(t testing.TB, u protocol.DocumentURI, what string, ok func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	t.Helper()
	timeout := time.After(2 * time.Minute)
	var last []protocol.Diagnostic
	for {
		select {
		case p := <-c.diags:
			if p.URI == u {
				if last = p.Diagnostics; ok(last) {
					return last
				}
			}
		case <-timeout:
			t.Fatalf("%s: the last diagnostics of %s were %+v", what, u, last)
		}
	}
}

// bySource returns the diagnostics from source.
func bySource(diags []protocol.Diagnostic, source string) []protocol.Diagnostic {
	var from []protocol.Diagnostic
	for _, d := range diags {
		if d.Source == source {
			from = append(from, d)
		}
	}
	return from
}

// position returns the position of the first occurrence of s in text, in
// UTF-16 columns (text is ASCII).
func position(text, s string) protocol.Position {
	before := text[:strings.Index(text, s)]
	line := strings.Count(before, "\n")
	return protocol.Position{Line: uint32(line), Character: uint32(len(before) - strings.LastIndex(before, "\n") - 1)}
}

// TestGoplsStdio drives "memlint gopls" as an editor does, over stdio: a
// file with a compile error and a memlint finding shows both; hover and
// go-to-definition answer; memlint's quick fix applies; edits (sent as
// incremental changes, as gopls asks) update both sides' diagnostics; and
// after shutdown no gopls is left running. gopls's own flags reach it.
func TestGoplsStdio(t *testing.T) {
	requireLinux(t)
	gopls, memlint := goplsBinary(t), memlintBinary(t)
	_, _, fixedStruct := reference(t, structPart)
	dir := writeModule(t, map[string]string{"m.go": broken})
	u := uri.File(filepath.Join(dir, "m.go"))
	logfile := filepath.Join(t.TempDir(), "gopls.log")

	cmd := exec.Command(memlint, "gopls", "-gopls", gopls, "serve", "-logfile="+logfile)
	cmd.Dir, cmd.Env, cmd.Stderr = dir, goplsEnv(t), os.Stderr
	c := startProcess(t, cmd)
	var init struct {
		Capabilities struct {
			PositionEncoding   string
			CodeActionProvider json.RawMessage
		}
	}
	c.call(t, protocol.MethodInitialize, map[string]any{
		"processId": os.Getpid(), "rootUri": uri.File(dir),
		"capabilities": map[string]any{
			"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}},
			"textDocument": map[string]any{"codeAction": map[string]any{"codeActionLiteralSupport": map[string]any{
				"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "refactor", "source"}},
			}}},
		},
	}, &init)
	if !strings.Contains(string(init.Capabilities.CodeActionProvider), "quickfix") {
		t.Errorf("codeActionProvider %s does not offer quick fixes", init.Capabilities.CodeActionProvider)
	}
	gopl := processesOf(t, gopls)
	if len(gopl) != 1 {
		t.Fatalf("%d gopls processes running, want 1", len(gopl))
	}
	c.notify(t, protocol.MethodInitialized, struct{}{})
	c.notify(t, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: broken,
	}})

	diags := c.waitFor(t, u, "want gopls's compile error and memlint's finding", func(d []protocol.Diagnostic) bool {
		return len(bySource(d, "compiler")) == 1 && len(bySource(d, "memlint")) == 1
	})
	if d := bySource(diags, "compiler")[0]; !strings.Contains(d.Message, "declared and not used") {
		t.Errorf("gopls's diagnostic %q, want the unused variable", d.Message)
	}
	finding := bySource(diags, "memlint")[0]
	if finding.Code != "fieldalign" || finding.Range.Start != position(broken, "T struct") {
		t.Errorf("memlint's diagnostic %+v, want fieldalign at the struct", finding)
	}

	var hover protocol.Hover
	c.call(t, protocol.MethodTextDocumentHover, protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: position(broken, "Ts)"),
	}, &hover)
	if !strings.Contains(hover.Contents.Value, "var Ts []T") {
		t.Errorf("hover of Ts: %q", hover.Contents.Value)
	}
	var defs []protocol.Location
	c.call(t, protocol.MethodTextDocumentDefinition, protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: position(broken, "T, 1000"),
	}, &defs)
	if len(defs) != 1 || defs[0].URI != u || defs[0].Range.Start != position(broken, "T struct") {
		t.Errorf("definition of T: %+v, want %s at %+v", defs, u, position(broken, "T struct"))
	}

	var actions []protocol.CodeAction
	c.call(t, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        protocol.Range{Start: finding.Range.Start, End: finding.Range.Start},
		Context:      protocol.CodeActionContext{Diagnostics: diags},
	}, &actions)
	i := slices.IndexFunc(actions, func(a protocol.CodeAction) bool {
		return a.Kind == protocol.QuickFix && len(a.Diagnostics) == 1 && a.Diagnostics[0].Source == "memlint"
	})
	if i < 0 || actions[i].Edit == nil || len(actions[i].Edit.DocumentChanges) != 1 {
		t.Fatalf("code actions %+v: want memlint's quick fix, editing one document", actions)
	}
	edits := actions[i].Edit.DocumentChanges[0].Edits
	text := apply(broken, edits, init.Capabilities.PositionEncoding == "utf-8")
	if want := fixedStruct + funcPart; text != want {
		t.Fatalf("the quick fix gives\n%s\nwant\n%s", text, want)
	}

	// Send the fix as the editor does, as changes of ranges, the last
	// first so that each range holds in the text the previous left.
	slices.SortFunc(edits, func(a, b protocol.TextEdit) int {
		return int(b.Range.Start.Line) - int(a.Range.Start.Line)
	})
	var changes []map[string]any
	for _, e := range edits {
		changes = append(changes, map[string]any{"range": e.Range, "text": e.NewText})
	}
	c.notify(t, protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": u, "version": 2}, "contentChanges": changes,
	})
	c.waitFor(t, u, "want only the compile error after the quick fix", func(d []protocol.Diagnostic) bool {
		return len(bySource(d, "compiler")) == 1 && len(d) == 1
	})
	unused := position(text, unusedLine)
	c.notify(t, protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": u, "version": 3},
		"contentChanges": []map[string]any{{
			"range": protocol.Range{Start: unused, End: protocol.Position{Line: unused.Line + 1}}, "text": "",
		}},
	})
	c.waitFor(t, u, "want no diagnostics once the variable is gone", func(d []protocol.Diagnostic) bool { return len(d) == 0 })

	c.call(t, protocol.MethodShutdown, nil, nil)
	c.notify(t, protocol.MethodExit, nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("memlint gopls: %v, want exit status 0", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("memlint gopls did not exit")
	}
	if left := processesOf(t, gopls); len(left) > 0 {
		t.Errorf("gopls processes %v still running after memlint gopls exited", left)
	}
	if _, err := os.Stat(logfile); err != nil {
		t.Errorf("gopls did not create the -logfile passed on: %v", err)
	}
}

// TestGoplsNeovim has headless Neovim use "memlint gopls" as its Go
// language server (see testdata/gopls.lua): both sides' diagnostics show,
// hover and definition answer, memlint's quick fix and an edit update
// them. The file on disk must then hold the fixed code, and no memlint or
// gopls process may be left once Neovim has quit.
func TestGoplsNeovim(t *testing.T) {
	requireLinux(t)
	nvim := requireNeovim(t)
	gopls, memlint := goplsBinary(t), memlintBinary(t)
	script, err := filepath.Abs(filepath.Join("testdata", "gopls.lua"))
	if err != nil {
		t.Fatal(err)
	}
	_, _, fixedStruct := reference(t, structPart)
	dir := writeModule(t, map[string]string{"m.go": broken})

	home := t.TempDir() // for Neovim's state and logs
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script, "m.go")
	cmd.Dir = dir
	cmd.Env = append(goplsEnv(t),
		"HOME="+home, "XDG_DATA_HOME="+home, "XDG_STATE_HOME="+home, "XDG_CACHE_HOME="+home,
		"MEMLINT_GOPLS="+gopls, "MEMLINT_GOPLS_CMD="+memlint+" gopls")
	out, err := cmd.CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(home, "nvim", "lsp.log"))
		t.Fatalf("nvim: %v\n%s\nlsp.log:\n%s", err, out, log)
	}
	got, err := os.ReadFile(filepath.Join(dir, "m.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fixedStruct + strings.Replace(funcPart, unusedLine, "", 1); string(got) != want {
		t.Errorf("m.go holds\n%s\nwant\n%s", got, want)
	}
	// Neovim waits for the server to stop, not for it to exit.
	deadline := time.Now().Add(10 * time.Second)
	for left := []int{0}; len(left) > 0; {
		if left = append(processesOf(t, gopls), processesOf(t, memlint)...); len(left) > 0 && time.Now().After(deadline) {
			t.Fatalf("processes %v of memlint or gopls still running after Neovim quit", left)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestGoplsCommandLine checks how memlint gopls finds gopls and runs the
// command lines that do not start a server: as they are, with gopls's
// output and exit code. A script stands in for gopls.
func TestGoplsCommandLine(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses shell scripts")
	}
	memlint := memlintBinary(t)
	script := func(dir, body string) string {
		path := filepath.Join(dir, "gopls")
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	fake := script(t.TempDir(), `echo "fake gopls: $*"; exit 3`)
	self := t.TempDir() // a "gopls" that is memlint itself, first on PATH
	if err := os.Symlink(memlint, filepath.Join(self, "gopls")); err != nil {
		t.Fatal(err)
	}
	wrapper := script(t.TempDir(), `exec "`+memlint+`" gopls "$@"`)

	for _, tc := range []struct {
		name   string
		args   []string
		env    []string
		code   int
		output string
	}{
		{"-gopls", []string{"-gopls", fake, "version", "-json"}, nil, 3, "fake gopls: version -json\n"},
		{"-gopls=", []string{"-gopls=" + fake, "-h"}, nil, 3, "fake gopls: -h\n"},
		{"memlint's flags, then gopls's", []string{"-strict", "-include-tests=false", "--gopls", fake, "-v", "version"}, nil, 3, "fake gopls: -v version\n"},
		{"$MEMLINT_GOPLS", []string{"api-json"}, []string{"MEMLINT_GOPLS=" + fake}, 3, "fake gopls: api-json\n"},
		{"PATH, skipping memlint", []string{"-listen=:0"}, []string{"PATH=" + self + string(filepath.ListSeparator) + filepath.Dir(fake)}, 3, "fake gopls: -listen=:0\n"},
		{"gopls missing", []string{"version"}, []string{"PATH=" + self}, 1, "memlint gopls: gopls not found on $PATH"},
		{"memlint named", []string{"-gopls", memlint, "version"}, nil, 1, "is memlint itself"},
		{"wrapper of memlint", []string{"version"}, []string{"MEMLINT_GOPLS=" + wrapper}, 1, "runs memlint gopls again"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(memlint, append([]string{"gopls"}, tc.args...)...)
			cmd.Env = append(os.Environ(), "MEMLINT_GOPLS=", noChild)
			cmd.Env = append(cmd.Env, tc.env...)
			out, err := cmd.CombinedOutput()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code || !strings.Contains(string(out), tc.output) {
				t.Errorf("exit %d, output %q; want exit %d and %q", code, out, tc.code, tc.output)
			}
		})
	}
}
