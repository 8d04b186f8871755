// Package fx stands for uber's dependency-injection framework: a struct
// that embeds In lists what a constructor is given.
package fx

type In struct{}
