package shop

import (
	"strconv"
	"testing"
)

var sink any

func BenchmarkShop(b *testing.B) {
	items := make([]Item, 3000)
	entries := make([]Entry, 1000)
	for i := range items {
		items[i] = Item{Name: "item" + strconv.Itoa(i), Tag: "t"}
	}
	for i := range entries {
		entries[i] = Entry{Key: "key" + strconv.Itoa(i), Value: "v"}
	}
	for b.Loop() {
		sink = Names(items)
		sink = Receipt(items[:300])
		sink = LoadConfig(entries)
	}
}
