// Package api holds the types the module's programs use, which a
// generator wrote once: code under gen/ is not the generator.
package api

// Item is a generated message.
type Item struct{ Name string }
