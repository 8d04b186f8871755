// Package zpool is a typed pool in another package: a fixture for pools
// whose Get and Put bodies the importing package cannot see.
package zpool

import "sync"

// Pool keeps values of T without boxing them on every Put: the boxes are
// recycled through a second pool.
type Pool[T any] struct {
	full  sync.Pool
	boxes sync.Pool
}

func (p *Pool[T]) Get() T {
	v, ok := p.full.Get().(*T)
	if !ok {
		var zero T
		return zero
	}
	x := *v
	p.boxes.Put(v)
	return x
}

func (p *Pool[T]) Put(x T) {
	v, ok := p.boxes.Get().(*T)
	if !ok {
		v = new(T)
	}
	*v = x
	p.full.Put(v)
}

// Freeing is a typed pool that runs the destructor its maker gives on
// every value put back: what the value holds is the destructor's to clear.
type Freeing[T any] struct {
	pool sync.Pool
	free func(T) T
}

func NewFreeing[T any](alloc func() T, free func(T) T) *Freeing[T] {
	return &Freeing[T]{pool: sync.Pool{New: func() any { return alloc() }}, free: free}
}

func (p *Freeing[T]) Get() T { return p.pool.Get().(T) }

func (p *Freeing[T]) Put(x T) { p.pool.Put(p.free(x)) }
