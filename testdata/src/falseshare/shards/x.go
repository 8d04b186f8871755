// Package shards has arrays of structs that each worker writes its own
// element of.
package shards

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// slot is one worker's counter: 16 bytes, four to a cache line.
type slot struct { // want `elements of slot are 16 bytes, so neighbours share a 64-byte cache line, and different goroutines may write their n at the same time.*pad slot to 64 bytes with _ \[48\]byte \[medium: written by the goroutines started in a loop at x.go:\d+\]`
	n    atomic.Int64
	last int64
}

// shard is locked per key by the workers: low tier, as for any mutex.
type shard struct {
	mu sync.Mutex
	m  map[string]int
	n  [4]int64
}

// wide is a cache line already.
type wide struct {
	n atomic.Int64
	_ [56]byte
}

func Count(items []string) {
	slots := make([]slot, runtime.GOMAXPROCS(0))
	shards := [8]shard{{sync.Mutex{}, nil, [4]int64{}}}
	wides := make([]wide, len(slots))
	var wg sync.WaitGroup
	for w := range slots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, it := range items {
				slots[w].n.Add(1)
				wides[w].n.Add(1)
				s := &shards[len(it)%8]
				s.mu.Lock()
				s.mu.Unlock()
				shards[len(it)%8].mu.Lock()
				shards[len(it)%8].mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
