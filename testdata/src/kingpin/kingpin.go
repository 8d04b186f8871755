// Package kingpin stands for a command-line framework that calls a
// command's action with the parse's context.
package kingpin

type ParseContext struct{ Args []string }
