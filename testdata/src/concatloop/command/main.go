// Command command rewrites a version file and serves its contents. What it
// reads at start-up is its user's own file, not a peer's: quadratic copying
// there is slow, not an attack.
package main

import (
	"bufio"
	"net/http"
	"os"
)

func main() {
	f, err := os.Open("VERSION")
	if err != nil {
		panic(err)
	}
	scanner := bufio.NewScanner(f)
	content := ""
	for scanner.Scan() {
		content += scanner.Text() + "\n" // want `content grows by \+=.*\[low: loop over parsed input \(Scanner\), once per process \(a command's main\): a command's own input, chosen by its user\]$`
	}
	http.Handle("/", handler{})
	os.Stdout.WriteString(content)
}

type handler struct{}

// ServeHTTP loops over what a peer sent: high in a command too.
func (handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	names := ""
	for _, c := range r.Cookies() {
		names += c.Name // want `names grows by \+=.*\[high: loop over parsed input \(http.Request\)\]$`
	}
	w.Write([]byte(names))
}
