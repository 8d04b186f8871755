package lsp

import (
	"context"
	"slices"
	"sync"
	"time"
)

// A queue runs the analyses of packages, one at a time, each once its
// package has gone a delay without edits. Running one at a time bounds the
// memory to one package's syntax and types; an edit of the package being
// analyzed cancels that run and queues a new one.
type queue struct {
	delay time.Duration
	run   func(ctx context.Context, dir string)
	wake  chan struct{}

	mu      sync.Mutex
	timers  map[string]*time.Timer // packages waiting out the delay
	ready   []string               // packages to analyze, oldest first
	running string                 // package being analyzed, if any
	cancel  context.CancelFunc     // cancels the running analysis
	stopped bool
}

func newQueue(delay time.Duration, run func(ctx context.Context, dir string)) *queue {
	return &queue{
		delay:  delay,
		run:    run,
		wake:   make(chan struct{}, 1),
		timers: make(map[string]*time.Timer),
	}
}

// schedule analyzes the package in dir after the delay, restarting the
// delay if it is already waiting.
func (q *queue) schedule(dir string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return
	}
	if q.running == dir {
		q.cancel()
	}
	if t := q.timers[dir]; t != nil {
		t.Reset(q.delay)
		return
	}
	q.timers[dir] = time.AfterFunc(q.delay, func() { q.due(dir) })
}

func (q *queue) due(dir string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.timers, dir)
	if q.stopped || slices.Contains(q.ready, dir) {
		return
	}
	q.ready = append(q.ready, dir)
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// work runs the queued analyses until ctx is done.
func (q *queue) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			q.stop()
			return
		case <-q.wake:
		}
		for {
			q.mu.Lock()
			if len(q.ready) == 0 || q.stopped {
				q.mu.Unlock()
				break
			}
			dir := q.ready[0]
			q.ready = q.ready[1:]
			runCtx, cancel := context.WithCancel(ctx)
			q.running, q.cancel = dir, cancel
			q.mu.Unlock()

			q.run(runCtx, dir)

			q.mu.Lock()
			q.running, q.cancel = "", nil
			q.mu.Unlock()
			cancel()
		}
	}
}

// stop cancels the running analysis and drops the waiting ones.
func (q *queue) stop() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.stopped = true
	for dir, t := range q.timers {
		t.Stop()
		delete(q.timers, dir)
	}
	q.ready = nil
	if q.cancel != nil {
		q.cancel()
	}
}
