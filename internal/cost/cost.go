// Package cost is memlint's shared model of what a finding costs: how
// much each event wastes (bytes, copies, allocations), how many events
// happen (how often the code runs, how large its data is) and whose
// input drives the count. Every pass rates its findings with it, so that
// one threshold decides what is reported: by default the high and medium
// tiers, everything under -strict.
package cost

import "fmt"

// A Tier ranks a finding by what it costs in practice.
type Tier int

const (
	// Low: true, but maintainers rarely take the change (small counts,
	// cold paths, code without production callers). Reported only under
	// -strict.
	Low Tier = iota + 1
	// Medium: worth changing where the code runs often.
	Medium
	// High: the cost grows with input on a path that runs often, or is
	// quadratic in input an attacker controls.
	High
)

func (t Tier) String() string {
	switch t {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return fmt.Sprintf("Tier(%d)", int(t))
}

// ParseTier returns the tier named s ("low", "medium" or "high").
func ParseTier(s string) (Tier, bool) {
	for t := Low; t <= High; t++ {
		if t.String() == s {
			return t, true
		}
	}
	return 0, false
}

// An Estimate is what a finding costs and the evidence for it, in words
// that go into the message: "per request (ServeHTTP)", "loop over parsed
// input", "once at start-up (init)".
type Estimate struct {
	Tier     Tier
	Evidence string
}
