// Command command runs its main function once per process.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	var upper []string
	for _, arg := range os.Args {
		upper = append(upper, strings.ToUpper(arg))
	}
	fmt.Println(upper)
}
