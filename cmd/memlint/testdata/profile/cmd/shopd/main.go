// Command shopd is the main package whose default.pgo -profile=auto uses.
package main

import "example.com/shop"

func main() {
	println(len(shop.Names(nil)))
}
