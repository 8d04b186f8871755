// Package ssareach answers whether control can flow between two points of
// an SSA function while avoiding some instructions: whether a Put can be
// reached without a reset, or a buffer written again after a piece of it
// was taken.
package ssareach

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Reaches reports whether control can flow from just after the instruction
// from (or from the entry of fn, if from is nil) to an instruction for
// which to reports true, without executing one for which stop reports
// true. An instruction that matches both is reached.
//
// A branch whose condition is constant on the edge control comes in by is
// followed only where it goes: a loop for i := 0; i < 3; i++ runs its body
// at least once, because its first test compares 0 with 3.
func Reaches(fn *ssa.Function, from ssa.Instruction, to, stop func(ssa.Instruction) bool) bool {
	type pos struct {
		b    *ssa.BasicBlock
		i    int
		pred *ssa.BasicBlock // the block control came from, nil at the start
	}
	if len(fn.Blocks) == 0 {
		return false
	}
	start := pos{b: fn.Blocks[0]}
	if from != nil {
		start = pos{b: from.Block()}
		for i, instr := range start.b.Instrs {
			if instr == from {
				start.i = i + 1
			}
		}
	}
	// Edges, not blocks, are marked: a block entered again by another edge
	// may branch elsewhere (the loop's test after its first round). The
	// start block's instructions before from run again on a loop back to it.
	type edge struct{ from, to *ssa.BasicBlock }
	seen := make(map[edge]bool)
	work := []pos{start}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		blocked := false
		for _, instr := range p.b.Instrs[p.i:] {
			if to(instr) {
				return true
			}
			if stop(instr) {
				blocked = true
				break
			}
		}
		if blocked {
			continue
		}
		succs := p.b.Succs
		if taken := constantBranch(p.b, p.pred); taken != nil {
			succs = []*ssa.BasicBlock{taken}
		}
		for _, s := range succs {
			if e := (edge{p.b, s}); !seen[e] {
				seen[e] = true
				work = append(work, pos{b: s, pred: p.b})
			}
		}
	}
	return false
}

// constantBranch returns the successor b branches to when entered from
// pred, if b ends in an if on a comparison of constants and of phis of b
// that are constant on the edge from pred; nil otherwise.
func constantBranch(b, pred *ssa.BasicBlock) *ssa.BasicBlock {
	if pred == nil || len(b.Instrs) == 0 {
		return nil
	}
	branch, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	cmp, ok := branch.Cond.(*ssa.BinOp)
	if !ok {
		return nil
	}
	x, y := valueFrom(cmp.X, b, pred), valueFrom(cmp.Y, b, pred)
	if x == nil || y == nil || x.Kind() == constant.Unknown || y.Kind() == constant.Unknown || x.Kind() != y.Kind() {
		return nil
	}
	switch cmp.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return nil
	}
	if constant.Compare(x, cmp.Op, y) {
		return b.Succs[0]
	}
	return b.Succs[1]
}

// valueFrom returns the constant v is when b is entered from pred: v
// itself, or what a phi of b gets on that edge; nil if it is not known.
func valueFrom(v ssa.Value, b, pred *ssa.BasicBlock) constant.Value {
	if phi, ok := v.(*ssa.Phi); ok && phi.Block() == b {
		for i, p := range b.Preds {
			if p == pred {
				v = phi.Edges[i]
			}
		}
	}
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		return c.Value
	}
	return nil
}
