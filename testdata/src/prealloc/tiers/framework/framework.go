// Package framework serves HTTP through a web framework's context, which
// carries the request: its headers are what a peer sent.
package framework

import "net/http"

// Context is a framework's per-request context.
type Context struct {
	Request *http.Request
}

// HeaderNames lists the headers of the request being served.
func HeaderNames(c *Context) []string {
	var names []string // want `names can be preallocated with capacity len\(c.Request.Header\) .*\[medium: loop over parsed input \(http.Header\)\]$`
	for k := range c.Request.Header {
		names = append(names, k)
	}
	return names
}
