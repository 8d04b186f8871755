package gate

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sourcegraph/go-diff/diff"
)

// addedLines holds, for each file (by absolute, symlink-free path), the
// lines a change added. A file that is entirely new maps to nil, which
// [addedLines.has] reads as "every line".
type addedLines map[string]map[int]bool

func (a addedLines) has(filename string, line int) bool {
	lines, ok := a[filename]
	return ok && (lines == nil || lines[line])
}

// linesAddedSince returns the lines added to the work tree of the git
// repository at root since rev: what a commit made from the work tree now
// would add, plus every line of untracked (and not ignored) files. Lines
// that were only moved or re-indented count as added, as in git's own diff.
func linesAddedSince(root, rev string) (addedLines, error) {
	// Fix the output format, whatever the user's git configuration says:
	// no color, no external diff tool, a/ b/ prefixes, unquoted non-ASCII
	// file names, no context lines.
	patch, err := git(root, "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "-c", "core.quotePath=false",
		"diff", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	added, err := linesAddedByPatch(root, patch)
	if err != nil {
		return nil, err
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for name := range strings.SplitSeq(strings.TrimSuffix(string(untracked), "\x00"), "\x00") {
		if name != "" {
			added[filepath.Join(root, filepath.FromSlash(name))] = nil
		}
	}
	return added, nil
}

// linesAddedByPatch returns the lines a unified diff adds. File names in
// the diff are relative to root; git's "b/" prefix is removed.
func linesAddedByPatch(root string, patch []byte) (addedLines, error) {
	files, err := diff.ParseMultiFileDiff(patch)
	if err != nil {
		return nil, fmt.Errorf("parsing diff: %v", err)
	}
	added := make(addedLines)
	for _, f := range files {
		name := strings.TrimPrefix(f.NewName, "b/")
		if f.NewName == "/dev/null" || name == "" {
			continue // deleted: nothing added
		}
		filename := filepath.Join(root, filepath.FromSlash(name))
		lines := added[filename]
		if lines == nil {
			lines = make(map[int]bool)
			added[filename] = lines
		}
		for _, h := range f.Hunks {
			addHunkLines(lines, h)
		}
	}
	return added, nil
}

// addHunkLines records the new-file line numbers of a hunk's "+" lines.
func addHunkLines(lines map[int]bool, h *diff.Hunk) {
	line := int(h.NewStartLine)
	sc := bufio.NewScanner(bytes.NewReader(h.Body))
	sc.Buffer(nil, len(h.Body)+1)
	for sc.Scan() {
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "+"):
			lines[line] = true
			line++
		case strings.HasPrefix(text, " "), text == "":
			line++ // context (some tools strip the space of empty context lines)
		}
		// "-" lines are not in the new file; "\ No newline at end of file" is no line.
	}
}

// gitRoot returns the top directory of the git work tree containing dir.
func gitRoot(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

func readPatch(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(name)
}
