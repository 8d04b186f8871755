package errpath

import "errors"

func mark() {}

func work() error { return errors.New("x") }

func paths(ok bool) {
	mark() // want `normal`
	if err := work(); err != nil {
		mark() // want `on error path`
		for range 3 {
			mark() // want `on error path`
		}
	} else {
		mark() // want `normal`
	}
	if err := work(); ok && err != nil {
		mark() // want `on error path`
	}
	if err := work(); err == nil {
		mark() // want `normal`
	}
	if ok {
		mark() // want `normal`
	}
	if err := work(); err != nil {
		go func() {
			mark() // want `normal`
		}()
	}
}
