// Package client sends HTTP requests and serves none: the requests it
// ranges over are its own, built by the program, while the headers of a
// response are what a peer sent.
package client

import (
	"net/http"
	"net/url"
)

// HeaderNames lists the headers of a request the client is about to send,
// to print it as a command line: the program's own headers, a few.
func HeaderNames(req *http.Request) []string {
	var names []string // want `names can be preallocated with capacity len\(req.Header\) .*\[medium: no bound on the count found here\]$`
	for k := range req.Header {
		names = append(names, k)
	}
	return names
}

// ParamNames lists the parameters of a URL the client signs.
func ParamNames(u *url.URL) []string {
	params := u.Query()
	var names []string // want `names can be preallocated with capacity len\(params\) .*\[medium: no bound on the count found here\]$`
	for k := range params {
		names = append(names, k)
	}
	return names
}

// ResponseHeaderNames lists the headers a server sent back: parsed input.
func ResponseHeaderNames(resp *http.Response) []string {
	var names []string // want `names can be preallocated with capacity len\(resp.Header\) .*\[medium: loop over parsed input \(http.Response\)\]$`
	for k := range resp.Header {
		names = append(names, k)
	}
	return names
}
