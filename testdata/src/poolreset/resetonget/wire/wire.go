// Package wire stands in for a storage package whose blocks decode
// themselves, starting over first.
package wire

// Block is a decoded block of values.
type Block struct{ values []int64 }

// Reset empties b.
func (b *Block) Reset() { b.values = b.values[:0] }

// UnmarshalPortable decodes src into b, which it resets first.
func (b *Block) UnmarshalPortable(src []byte) error {
	b.Reset()
	for _, c := range src {
		b.values = append(b.values, int64(c))
	}
	return nil
}

// AppendValues appends src's values to b's.
func (b *Block) AppendValues(src []byte) {
	for _, c := range src {
		b.values = append(b.values, int64(c))
	}
}

// Sum adds b's values.
func (b *Block) Sum() int64 {
	var s int64
	for _, v := range b.values {
		s += v
	}
	return s
}
