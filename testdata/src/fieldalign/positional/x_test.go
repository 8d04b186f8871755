package positional

import "testing"

func TestElsewhere(t *testing.T) {
	e := Elsewhere{true, 3, false}
	if !e.ok {
		t.Fatal("not ok")
	}
}
