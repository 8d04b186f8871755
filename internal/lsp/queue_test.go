package lsp

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestQueue(t *testing.T) {
	type run struct {
		ctx context.Context
		dir string
	}
	runs := make(chan run)
	finish := make(chan struct{})
	q := newQueue(50*time.Millisecond, func(ctx context.Context, dir string) {
		runs <- run{ctx, dir}
		<-finish
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go q.work(ctx)
	next := func() run {
		t.Helper()
		select {
		case r := <-runs:
			return r
		case <-time.After(time.Minute):
			t.Fatal("no analysis ran")
			return run{}
		}
	}

	// A burst of edits is analyzed once.
	for range 5 {
		q.schedule("a")
	}
	first := next()
	if first.dir != "a" {
		t.Fatalf("analyzed %s, want a", first.dir)
	}

	// An edit during the analysis cancels it, and the package is analyzed
	// again, as is another package edited meanwhile.
	q.schedule("b")
	q.schedule("a")
	if first.ctx.Err() == nil {
		t.Error("an edit did not cancel the stale analysis")
	}
	finish <- struct{}{}
	var dirs []string
	for range 2 {
		r := next()
		if r.ctx.Err() != nil {
			t.Errorf("the analysis of %s was canceled", r.dir)
		}
		dirs = append(dirs, r.dir)
		finish <- struct{}{}
	}
	if slices.Sort(dirs); !slices.Equal(dirs, []string{"a", "b"}) {
		t.Errorf("analyzed %v, want a and b", dirs)
	}

	select {
	case r := <-runs:
		t.Errorf("an extra analysis of %s", r.dir)
	case <-time.After(200 * time.Millisecond):
	}
}
