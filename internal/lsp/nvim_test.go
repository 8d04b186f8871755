package lsp_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestNeovim has headless Neovim start "memlint lsp", open a file with a
// finding, wait for memlint's diagnostic, apply its quick fix from the code
// action menu and save the file (see testdata/nvim.lua); the file on disk
// must then hold the fixed code.
func TestNeovim(t *testing.T) {
	nvim := requireNeovim(t)
	script, err := filepath.Abs(filepath.Join("testdata", "nvim.lua"))
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir() // for Neovim's state and logs
	memlint := memlintBinary(t)
	_, _, want := reference(t, padded)
	dir := writeModule(t, map[string]string{"m.go": padded})

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script, "m.go")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home, "XDG_STATE_HOME="+home, "XDG_CACHE_HOME="+home,
		"MEMLINT_LSP_CMD="+memlint+" lsp")
	out, err := cmd.CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(home, "nvim", "lsp.log"))
		t.Fatalf("nvim: %v\n%s\nlsp.log:\n%s", err, out, log)
	}
	got, err := os.ReadFile(filepath.Join(dir, "m.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("after the quick fix, m.go holds\n%s\nwant\n%s", got, want)
	}
}

// requireNeovim returns the path of nvim. Without it the test is skipped,
// unless MEMLINT_REQUIRE_NVIM is set, as "make test" does after installing
// Neovim.
func requireNeovim(t *testing.T) string {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("MEMLINT_REQUIRE_NVIM") != "" {
			t.Fatal("nvim not found; run make tools")
		}
		t.Skip("nvim not found; run make tools")
	}
	return nvim
}
