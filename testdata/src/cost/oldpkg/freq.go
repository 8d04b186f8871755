// Package oldpkg implements an old protocol.
//
// Deprecated: use package newpkg.
package oldpkg

// Fragment splits a message: cold, as all of a deprecated package.
func Fragment(msg []byte, n int) [][]byte { // want `cold: a deprecated package \(cost/oldpkg\)`
	var out [][]byte
	for len(msg) > n {
		out, msg = append(out, msg[:n]), msg[n:]
	}
	return append(out, msg)
}
