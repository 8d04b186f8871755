// Package cli stands for urfave/cli's first version, which describes each
// command by a Command value and calls its Action with a Context.
package cli

type Context struct{ args []string }

// Args returns the command's arguments.
func (c *Context) Args() []string { return c.args }

type Command struct {
	Name   string
	Action func(c *Context) error
}
