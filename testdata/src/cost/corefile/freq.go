// Package corefile is a server plugin: its set-up reads the plugin's block
// of the configuration file when the server starts or reloads, and its
// Match runs per query.
package corefile

import (
	"caddy"
	"caddyfile"
	"strings"
	"viper"
)

type plugin struct {
	patterns  []string
	upstreams []string
}

// parse reads the plugin's block of the configuration file.
func parse(c *caddy.Controller) (*plugin, error) { // want `cold: reads a configuration file \(its parameter is \*caddy.Controller\): at start-up or on a reload`
	p := &plugin{}
	for c.Next() {
		p.patterns = append(p.patterns, expand(c.Val()))
	}
	return p, nil
}

// expand is only called while the file is read.
func expand(s string) string { // want `cold: reads a configuration file \(its parameter is \*caddy.Controller\): at start-up or on a reload, through parse`
	return strings.ReplaceAll(s, "{", "${")
}

// unmarshalBlock reads the block through caddy v2's dispenser.
func (p *plugin) unmarshalBlock(d *caddyfile.Dispenser) { // want `cold: reads a configuration file \(its parameter is \*caddyfile.Dispenser\)`
	for d.Next() {
		p.upstreams = append(p.upstreams, d.Val())
	}
}

// upstreamsFrom reads the upstreams from a configuration loaded by viper.
func upstreamsFrom(v *viper.Viper) []string { // want `cold: reads a configuration file \(its parameter is \*viper.Viper\)`
	var out []string
	for _, u := range v.GetStringSlice("upstreams") {
		out = append(out, strings.TrimSpace(u))
	}
	return out
}

// Match runs per query.
func (p *plugin) Match(name string) bool { // want `unknown: `
	for _, pat := range p.patterns {
		if strings.HasPrefix(name, pat) {
			return true
		}
	}
	return false
}
