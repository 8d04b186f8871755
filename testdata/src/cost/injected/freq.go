// Package injected holds the constructors that a dependency-injection
// container calls once, when it assembles the application.
package injected

import (
	"strings"

	"go.uber.org/fx"
)

type routersIn struct {
	fx.In

	Names []string
}

// NewRouters is given its inputs by the container: once per application.
func NewRouters(in routersIn) string { // want `cold: a dependency-injection constructor \(its parameter embeds fx.In\): once when the application is assembled`
	return joined(in.Names)
}

// joined is only called from the constructor, as often.
func joined(names []string) string { // want `cold: a dependency-injection constructor \(its parameter embeds fx.In\): once when the application is assembled, through NewRouters`
	return strings.Join(names, ",")
}

type plainIn struct {
	Names []string
}

// Route takes a struct that embeds nothing of a container: any caller.
func Route(in plainIn) string { // want `unknown: `
	return strings.Join(in.Names, ",")
}
