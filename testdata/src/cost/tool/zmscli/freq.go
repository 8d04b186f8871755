// Package zmscli is a tool's command line, named for the tool: its
// commands run once per invocation of the program.
package zmscli

// GroupNames lists the groups a command prints.
func GroupNames(groups map[string]int) []string { // want `cold: the command line \(cost/tool/zmscli\): once per command run`
	var names []string
	for name := range groups {
		names = append(names, name)
	}
	return names
}
