package strict

import "strings"

type listError struct{ names []string }

// Error is a cold path: reported only under -strict, as the low tier.
func (e *listError) Error() string {
	var b strings.Builder // want `b is filled by 2 writes .* \[low: a description for people \(Error\)\]`
	for _, n := range e.names {
		b.WriteString(n)
		b.WriteByte(';')
	}
	return b.String()
}
