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

func merge(b []byte) {
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
