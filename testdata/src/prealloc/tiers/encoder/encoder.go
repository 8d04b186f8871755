// Package encoder talks to no network: a call that takes a context and can
// fail is local work (an encoder writing a header), and a page of values
// encoded next to it is as large as the data.
package encoder

import "context"

// A Serializer encodes a header; it takes a context and can fail.
type Serializer struct{}

func (s *Serializer) Write(ctx context.Context, header string) ([]byte, error) {
	return []byte(header), ctx.Err()
}

// Page encodes a page header and gathers the page's values.
func Page(ctx context.Context, s *Serializer, values []int64) ([]byte, []int64, error) {
	var kept []int64 // want `kept can be preallocated with capacity len\(values\) .*\[medium: no bound on the count found here\]$`
	for _, v := range values {
		kept = append(kept, v*2)
	}
	header, err := s.Write(ctx, "page")
	return header, kept, err
}
