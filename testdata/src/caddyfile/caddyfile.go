// Package caddyfile stands for caddy's reader of a configuration file's
// directives.
package caddyfile

type Dispenser struct {
	tokens []string
	cursor int
}

func (d *Dispenser) Next() bool {
	d.cursor++
	return d.cursor < len(d.tokens)
}

func (d *Dispenser) Val() string { return d.tokens[d.cursor] }
