// Package argparse parses a program's command line: what it does, it does
// as the program starts.
package argparse

import (
	"os"
	"strings"
)

type Parser struct{ flags []string }

// Parse parses the program's own arguments.
func Parse(p *Parser) error { // want `cold: a command-line parser \(Parse\(os.Args\[1:\]\)\): once per command run`
	return p.Parse(os.Args[1:])
}

func (p *Parser) Parse(args []string) error { // want `cold: a command-line parser`
	for _, a := range args {
		p.flags = append(p.flags, strings.TrimPrefix(a, "--"))
	}
	return nil
}

// Help is exported, and still runs once per command run.
func (p *Parser) Help() string { // want `cold: a command-line parser`
	return strings.Join(p.flags, "\n")
}
