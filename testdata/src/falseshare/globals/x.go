// Package globals has package-level counters written by many goroutines.
package globals

import (
	"sync"
	"sync/atomic"
)

var (
	blocksMerged atomic.Uint64
	bytesSaved   atomic.Uint64 // want `package variables blocksMerged and bytesSaved are declared next to each other, so the linker may place them in one 64-byte cache line.*no fix`
)

var readOnly = 3

// mergesStarted is a pointer: its Add writes the counter it points to,
// which lies apart from the variables around it.
var mergesStarted = func() *atomic.Uint64 { return new(atomic.Uint64) }()

func merge(b []byte) {
	mergesStarted.Add(1)
	blocksMerged.Add(1)
	bytesSaved.Add(uint64(len(b)))
}

func MergeAll(parts [][]byte) {
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			merge(p)
		}()
	}
	wg.Wait()
}
