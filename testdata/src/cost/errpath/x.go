package errpath

import "errors"

var errTooOld = errors.New("too old")

// A test of what an error is runs on a failure of that kind, and so does
// what follows a return taken when the error is not of it.
func kinds(lastErr error, ok bool) {
	if errors.Is(lastErr, errTooOld) {
		mark() // want `on error path`
	}
	var target *kindError
	if ok && errors.As(lastErr, &target) {
		mark() // want `on error path`
	}
	if !errors.Is(lastErr, errTooOld) {
		mark() // want `normal`
	}
	mark() // want `normal`
}

func split(lastErr error) {
	split := errors.Is(lastErr, errTooOld)
	if !split {
		return
	}
	for range 3 {
		mark() // want `on error path`
	}
}

func fallback(lastErr error) {
	if !errors.Is(lastErr, errTooOld) {
		mark() // want `normal`
		return
	}
	mark() // want `on error path`
}

func notEarly(lastErr error) {
	if !errors.Is(lastErr, errTooOld) {
		mark() // want `normal`
	}
	mark() // want `normal`
}

type kindError struct{}

func (*kindError) Error() string { return "kind" }
