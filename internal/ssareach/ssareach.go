// Package ssareach answers whether control can flow between two points of
// an SSA function while avoiding some instructions: whether a Put can be
// reached without a reset, or a buffer written again after a piece of it
// was taken.
package ssareach

import "golang.org/x/tools/go/ssa"

// Reaches reports whether control can flow from just after the instruction
// from (or from the entry of fn, if from is nil) to an instruction for
// which to reports true, without executing one for which stop reports
// true. An instruction that matches both is reached.
func Reaches(fn *ssa.Function, from ssa.Instruction, to, stop func(ssa.Instruction) bool) bool {
	type pos struct {
		b *ssa.BasicBlock
		i int
	}
	if len(fn.Blocks) == 0 {
		return false
	}
	start := pos{fn.Blocks[0], 0}
	if from != nil {
		start = pos{b: from.Block()}
		for i, instr := range start.b.Instrs {
			if instr == from {
				start.i = i + 1
			}
		}
	}
	// The start block is not marked: a loop back to it runs its
	// instructions before from too.
	seen := make(map[*ssa.BasicBlock]bool)
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
		for _, s := range p.b.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, pos{s, 0})
			}
		}
	}
	return false
}
