// Package sizeexpr writes the Go expression for how many bytes a sequence
// of writes appends, for the passes that size a builder or buffer before
// filling it (concatloop's Builder fix, growhint): constant pieces are
// folded into one number, the rest kept as len(x) and count*len(x) terms.
package sizeexpr

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Sum is a byte count: a constant plus terms, each a count times a Go
// expression of type int, in the order they were first added.
type Sum struct {
	bytes int
	terms []term
}

type term struct {
	times int
	expr  string
}

// AddBytes adds n bytes.
func (s *Sum) AddBytes(n int) { s.bytes += n }

// AddLen adds len(x), where x is the source of a string or slice
// expression that can be evaluated again without effect.
func (s *Sum) AddLen(x string) { s.AddTimes(1, "len("+x+")") }

// AddTimes adds per bytes count times; a count already in the sum gets a
// larger factor (len(a) + len(a) is 2*len(a)).
func (s *Sum) AddTimes(per int, count string) {
	if per == 0 {
		return
	}
	for i := range s.terms {
		if s.terms[i].expr == count {
			s.terms[i].times += per
			return
		}
	}
	s.terms = append(s.terms, term{per, count})
}

// Add adds t.
func (s *Sum) Add(t Sum) {
	s.bytes += t.bytes
	for _, tt := range t.terms {
		s.AddTimes(tt.times, tt.expr)
	}
}

// Bytes returns the constant part of the sum.
func (s Sum) Bytes() int { return s.bytes }

// IsConstant reports whether the sum has no term that depends on data.
func (s Sum) IsConstant() bool { return len(s.terms) == 0 }

// Terms returns how many distinct terms of the sum depend on data.
func (s Sum) Terms() int { return len(s.terms) }

// String returns the sum as a Go expression, as gofmt spaces it inside a
// call's arguments: "len(s) + 3*len(xs) + 2".
func (s Sum) String() string {
	var parts []string
	for _, t := range s.terms {
		if t.times == 1 {
			parts = append(parts, t.expr)
		} else {
			parts = append(parts, strconv.Itoa(t.times)+"*"+t.expr)
		}
	}
	if s.bytes != 0 || len(parts) == 0 {
		parts = append(parts, strconv.Itoa(s.bytes))
	}
	return strings.Join(parts, " + ")
}

// ConstLen returns how many bytes writing the constant tv appends: the
// length of a string, or the UTF-8 length of a rune (a byte is one).
func ConstLen(tv types.TypeAndValue) (int, bool) {
	if tv.Value == nil {
		return 0, false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return len(constant.StringVal(tv.Value)), true
	case constant.Int:
		if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return 1, true
		}
		r, ok := constant.Int64Val(tv.Value)
		if !ok {
			return 0, false
		}
		if n := utf8.RuneLen(rune(r)); n > 0 {
			return n, true
		}
		return len(string(utf8.RuneError)), true // an invalid rune is written as U+FFFD
	}
	return 0, false
}

// Reevaluable reports whether e is a variable or a field path, which a
// size expression can evaluate once more without effect.
func Reevaluable(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return Reevaluable(e.X)
	}
	return false
}
