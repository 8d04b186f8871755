// Package ruleset has an unexported function whose callers in the
// package only spread its result, and whose test compares it with nil:
// a fix that made it non-nil would fail the test.
package ruleset

type rule struct{ name string }

type Rule struct{ Name string }

func rulesOf(in []*rule) []*Rule {
	var out []*Rule // want `out gets at most len\(in\) elements .*; no automatic fix: the appends are conditional, and growing a nil slice that gets none would make it non-nil \[low`
	for _, r := range in {
		if r == nil {
			continue
		}
		out = append(out, &Rule{Name: r.name})
	}
	return out
}

// Rules gathers the rules of several sets.
func Rules(sets ...[]*rule) []*Rule {
	var all []*Rule
	for _, s := range sets {
		all = append(all, rulesOf(s)...)
	}
	return all
}
