package ruleset

import "testing"

func TestRulesOfNil(t *testing.T) {
	if rulesOf([]*rule{nil}) != nil {
		t.Fatal("want nil")
	}
}
