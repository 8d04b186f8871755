package sizeexpr

import (
	"go/constant"
	"go/types"
	"testing"
)

func TestSumString(t *testing.T) {
	for _, tc := range []struct {
		build func(*Sum)
		want  string
	}{
		{func(*Sum) {}, "0"},
		{func(s *Sum) { s.AddBytes(3) }, "3"},
		{func(s *Sum) { s.AddLen("s"); s.AddTimes(3, "len(xs)") }, "len(s) + 3*len(xs)"},
		{func(s *Sum) { s.AddTimes(1, "len(xs)"); s.AddBytes(2) }, "len(xs) + 2"},
		{func(s *Sum) { s.AddTimes(0, "len(xs)"); s.AddLen("u.Host") }, "len(u.Host)"},
		{func(s *Sum) { s.AddLen("a"); s.AddLen("b"); s.AddLen("a"); s.AddTimes(2, "len(b)") }, "2*len(a) + 3*len(b)"},
		{func(s *Sum) {
			var t Sum
			t.AddLen("a")
			t.AddBytes(1)
			s.AddBytes(1)
			s.Add(t)
		}, "len(a) + 2"},
	} {
		var s Sum
		tc.build(&s)
		if got := s.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestConstLen(t *testing.T) {
	for _, tc := range []struct {
		tv   types.TypeAndValue
		want int
	}{
		{types.TypeAndValue{Type: types.Typ[types.String], Value: constant.MakeString("héllo")}, 6},
		{types.TypeAndValue{Type: types.Typ[types.Byte], Value: constant.MakeInt64(0xff)}, 1},
		{types.TypeAndValue{Type: types.Typ[types.Rune], Value: constant.MakeInt64('é')}, 2},
		{types.TypeAndValue{Type: types.Typ[types.UntypedRune], Value: constant.MakeInt64(-1)}, 3},
	} {
		if got, ok := ConstLen(tc.tv); !ok || got != tc.want {
			t.Errorf("ConstLen(%v) = %d, %v; want %d", tc.tv.Value, got, ok, tc.want)
		}
	}
	if _, ok := ConstLen(types.TypeAndValue{Type: types.Typ[types.String]}); ok {
		t.Error("a non-constant has a constant length")
	}
}
