// Package caddy stands for the server framework that gives a plugin's
// set-up the plugin's block of the configuration file.
package caddy

import "caddyfile"

type Controller struct {
	caddyfile.Dispenser
	ServerType string
}
