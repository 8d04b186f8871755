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
