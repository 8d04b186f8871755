// Package strict has pairs that -strict reports at the low tier, with a
// fix only where padding parts the writers: where the same goroutines
// write both fields, they take both lines whatever the padding.
package strict

import (
	"sync"
	"sync/atomic"
)

// stats is written field after field by whichever goroutine runs a job:
// every writer takes both lines whatever the padding.
type stats struct {
	pages  atomic.Int64
	splits atomic.Int64 // want `fields pages and splits of stats .* \(no fix: the goroutines that write both take both lines whatever the padding\) \[low: .*one function writes both`
}

// shared is one value written by the goroutines started per job.
var shared stats

func record() {
	shared.pages.Add(1)
	shared.splits.Add(1)
}

func Run(jobs int) {
	for range jobs {
		go record()
	}
}

// gauges is bumped by every connection's read loop, in and out both, and
// by a replayer that adds to out only: the read loops take both lines
// whatever the padding.
type gauges struct {
	in  atomic.Int64
	out atomic.Int64 // want `fields in and out of gauges .* \(no fix: the goroutines that write both take both lines whatever the padding\) \[low: .*the same goroutines write both`
}

var g gauges

func (c *conn) readLoop() {
	for {
		g.in.Add(1)
		c.deliver()
	}
}

type conn struct{}

func (c *conn) deliver() { g.out.Add(1) }

func Accept(c *conn) { go c.readLoop() }

func StartReplayer() {
	go func() {
		for {
			g.out.Add(1)
		}
	}()
}

// locks has two mutexes that different goroutines take: false sharing,
// but a mutex's contention costs more than the line, so it is low tier.
type locks struct {
	readMu  sync.Mutex
	writeMu sync.Mutex // want `fields readMu and writeMu of locks are 0 bytes apart, so they can share a 64-byte cache line, and different goroutines may write them at the same time.*\[low: .*a mutex`
}

var l locks

func Read() {
	l.readMu.Lock()
	defer l.readMu.Unlock()
}

func StartWriter() {
	go func() {
		l.writeMu.Lock()
		defer l.writeMu.Unlock()
	}()
}

// remote is started once: its inited guard changes from 0 to 1 before the
// goroutine that shares its data runs, and never again. Not reported.
type remote struct {
	inited int32
	dataMu sync.Mutex
	data   []byte
}

func (r *remote) begin() bool { return atomic.CompareAndSwapInt32(&r.inited, 0, 1) }

func (r *remote) Serve() {
	if !r.begin() {
		return
	}
	go func() {
		for {
			r.dataMu.Lock()
			r.data = r.data[:0]
			r.dataMu.Unlock()
		}
	}()
}

func (r *remote) Write(b []byte) {
	r.dataMu.Lock()
	r.data = append(r.data, b...)
	r.dataMu.Unlock()
}

var console remote

func ServeConsole()         { console.Serve() }
func WriteConsole(b []byte) { console.Write(b) }

// spin is a spin lock: its state goes 0 -> 1 and back on every use, beside
// the counter the callers and a ticker goroutine bump.
type spin struct {
	state atomic.Int32
	ticks atomic.Int64 // want `fields state and ticks of spin .*\[low: written by the callers' goroutines and the goroutine started at x.go:\d+; one side is a flag or state, stored now and then\]$`
}

var clock spin

func Tick() {
	for !clock.state.CompareAndSwap(0, 1) {
	}
	clock.ticks.Add(1)
	clock.state.CompareAndSwap(1, 0)
}

func StartTicker() {
	go func() {
		for {
			clock.ticks.Add(1)
		}
	}()
}
