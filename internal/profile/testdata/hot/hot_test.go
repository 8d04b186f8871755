package hot

import (
	"strconv"
	"testing"
)

var sink any

func BenchmarkHot(b *testing.B) {
	words := make([]string, 2000)
	for i := range words {
		words[i] = strconv.Itoa(i)
	}
	for b.Loop() {
		sink = Collect(20000)
		sink = Join(words[:300])
		sink = Index(words)
		sink = Apply(1000)
	}
}
