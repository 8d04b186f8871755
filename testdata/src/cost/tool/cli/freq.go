// Package cli is a command line's front end: its commands run once per
// invocation of the program.
package cli

// CommandNames lists the names of the commands given.
func CommandNames(cmds map[string]func()) []string { // want `cold: the command line \(cost/tool/cli\): once per command run`
	var names []string
	for name := range cmds {
		names = append(names, name)
	}
	return names
}
