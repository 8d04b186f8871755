// Package cobra stands for a command-line framework that describes each
// command by a Command and calls its Run.
package cobra

type Command struct {
	Use string
	Run func(cmd *Command, args []string)
}
