package positional

import (
	"fmt"
	"testing"
)

func TestElsewhere(t *testing.T) {
	e := Elsewhere{true, 3, false}
	if !e.ok {
		t.Fatal("not ok")
	}
}

func TestKeyed(t *testing.T) {
	// Positional literals of other types that mention Keyed do not count.
	ks := []*Keyed{new(Keyed), {n: 1}}
	_ = map[string]*Keyed{"a": ks[0]}
}

func TestPrinted(t *testing.T) {
	if got := fmt.Sprint(&Printed{ok: true}); got != "&{true 0 false}" {
		t.Errorf("got %s", got)
	}
	if got := fmt.Sprint(Named{}); got != "named" {
		t.Errorf("got %s", got)
	}
}
