package imported

import "poolreset/imported/zpool"

type series struct {
	labels []string
	points []float64
}

type head struct {
	seriesBufs zpool.Pool[[]*series]
	refBufs    zpool.Pool[[]uint64]
}

func (h *head) getSeries() []*series {
	b := h.seriesBufs.Get()
	if b == nil {
		return make([]*series, 0, 64)
	}
	return b
}

// The imported Put takes any T: it has nothing to clear the elements with.
func (h *head) putSeries(b []*series) {
	h.seriesBufs.Put(b[:0]) // want `b is put back into h.seriesBufs with its elements still set: .*; call clear\(b\[:cap\(b\)\]\) before Put`
}

// Not reported: cleared first, or elements without pointers.
func (h *head) putSeriesCleared(b []*series) {
	clear(b)
	h.seriesBufs.Put(b[:0])
}

func (h *head) putRefs(b []uint64) {
	h.refBufs.Put(b[:0])
}

// Not reported: the pool's own destructor runs on every Put.
var freeing = zpool.NewFreeing(func() []*series { return nil }, func(b []*series) []*series {
	clear(b)
	return b[:0]
})

func (h *head) putFreed(b []*series) {
	freeing.Put(b)
}
