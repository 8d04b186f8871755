package subsliceleak_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"github.com/memlint/memlint/internal/fixture"
)

// TestFixesKeepBehaviour runs the Case functions of the behaviour fixture
// before and after the fixes (x.go and x.go.golden, which TestAnalyzer
// checks are what the fixes produce) and compares what they return, nil-ness
// included.
func TestFixesKeepBehaviour(t *testing.T) {
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "behaviour"), 5)
	fixture.CompareCases(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "sharedcopy"), 2)
}

// TestReusedFixKeepsLines runs Lines of the reused fixture before and
// after its fix on an input long enough that the scanner moves its
// buffer's contents: the original's kept lines change, the fixed ones
// are the input's lines.
func TestReusedFixKeepsLines(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	const main = `package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"equiv/fixed"
	"equiv/orig"
)

func main() {
	var want []string
	for i := range 5000 {
		want = append(want, fmt.Sprintf("line %d %s", i, strings.Repeat("x", i%50)))
	}
	input := strings.Join(want, "\n")
	same := func(got [][]byte) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if !bytes.Equal(got[i], []byte(want[i])) {
				return false
			}
		}
		return true
	}
	if same(orig.Lines(strings.NewReader(input))) {
		fmt.Println("the original kept every line intact: the fixture does not show the bug")
		os.Exit(1)
	}
	if !same(fixed.Lines(strings.NewReader(input))) {
		fmt.Println("the fixed code does not keep the input's lines")
		os.Exit(1)
	}
	fmt.Println("fixed")
}
`
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "reused"), func(*ast.File) []byte { return []byte(main) })
	if !strings.Contains(out, "fixed") {
		t.Errorf("output:\n%s", out)
	}
}

// TestVacatedFixFreesPopped pops a job that holds a large object from a
// queue before and after the fix: the original's backing array keeps the
// job (and the object) reachable, the fixed one lets the collector free
// it; both return the jobs in order.
func TestVacatedFixFreesPopped(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	const main = `package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"equiv/fixed"
	"equiv/orig"
)

type queue interface {
	Add(func())
	Next() func()
}

// freed pops a job that holds a large object and reports whether the
// collector frees that object while the queue is still in use.
func freed(q queue) bool {
	done := make(chan struct{})
	func() {
		big := new([1 << 20]byte)
		runtime.AddCleanup(big, func(struct{}) { close(done) }, struct{}{})
		ran := ""
		q.Add(func() { ran = "first"; _ = big[0] })
		q.Add(func() { ran = "second" })
		q.Next()()
		if ran != "first" {
			fmt.Println("Next did not return the first job")
			os.Exit(1)
		}
	}()
	for range 20 {
		runtime.GC()
		select {
		case <-done:
			return true
		case <-time.After(10 * time.Millisecond):
		}
	}
	runtime.KeepAlive(q)
	return false
}

func main() {
	o, f := orig.NewQueue(), fixed.NewQueue()
	if freed(o) {
		fmt.Println("the original freed the popped job: the fixture does not show the leak")
		os.Exit(1)
	}
	if !freed(f) {
		fmt.Println("the fixed queue still keeps the popped job")
		os.Exit(1)
	}
	fmt.Println("fixed")
}
`
	out := fixture.RunOriginalAndFixed(t, filepath.Join(fixture.Dir(t), "src", "subsliceleak", "vacated"), func(*ast.File) []byte { return []byte(main) })
	if !strings.Contains(out, "fixed") {
		t.Errorf("output:\n%s", out)
	}
}
