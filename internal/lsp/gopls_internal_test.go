package lsp

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestServesStdio(t *testing.T) {
	for _, tc := range []struct {
		args string
		want bool
	}{
		{"", true},
		{"serve", true},
		{"-mode=stdio", true},
		{"-mode stdio", true},
		{"-rpc.trace -logfile /tmp/gopls.log", true},
		{"-remote=auto -remote.logfile auto serve -rpc.trace", true},
		{"-v serve -listen=", true},
		{"version", false},
		{"-v version", false},
		{"api-json", false},
		{"-h", false},
		{"serve -help", false},
		{"-listen=:4389", false},
		{"serve -listen unix;/tmp/gopls.sock", false},
		{"-logfile version", true}, // "version" is -logfile's value
		{"serve check", false},
		{"-- version", false},
	} {
		if got := servesStdio(strings.Fields(tc.args)); got != tc.want {
			t.Errorf("servesStdio(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestWithQuickFix(t *testing.T) {
	for _, tc := range []struct {
		provider, want string // want "" means unchanged
	}{
		{``, `{"codeActionKinds":["quickfix"]}`},
		{`false`, `{"codeActionKinds":["quickfix"]}`},
		{`true`, ``},
		{`{}`, ``}, // no list: any kind
		{`{"codeActionKinds":["quickfix","refactor"],"resolveProvider":true}`, ``},
		{`{"codeActionKinds":["refactor"],"resolveProvider":true}`, `{"codeActionKinds":["refactor","quickfix"],"resolveProvider":true}`},
	} {
		got, changed := withQuickFix(json.RawMessage(tc.provider))
		if changed != (tc.want != "") || changed && string(got) != tc.want || !changed && string(got) != tc.provider {
			t.Errorf("withQuickFix(%s) = %s, %v; want %q", tc.provider, got, changed, tc.want)
		}
	}
}
