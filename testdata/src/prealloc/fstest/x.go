// Package fstest stands for test helper packages, which are not reported.
package fstest

func names(xs []string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
