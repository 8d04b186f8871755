package falseshare

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

// reportFields reports pairs of fields of one struct that may share a
// cache line and are written by different goroutines at once.
func (c *checker) reportFields(insp *inspector.Inspector) {
	decls := structDecls(c.pass, c.rep, insp)
	positional := positionalLiterals(c.pass, insp)
	layout := layoutReaders(c.pass, insp)
	for _, tn := range sortedTypes(c.pass.Fset, decls) {
		spec := decls[tn]
		spans := c.fieldSpans(tn, spec)
		c.noteContended(tn, spans)
		if len(spans) < 2 {
			continue
		}
		var pairs [][2]span
		for _, pair := range c.conflicts(spans, c.lineStarts(tn)) {
			a, b := pair[0], pair[1]
			if blankBetween(tn, a.top, b.top) {
				continue // padded on purpose, perhaps for a known alignment
			}
			if b.off < a.off+a.size {
				continue // b lies inside a: an embedded struct written as a whole
			}
			pairs = append(pairs, [2]span{a, b})
		}
		var first string
		for _, pair := range pairs {
			a, b := pair[0], pair[1]
			gap := b.off - (a.off + a.size)
			msg := fmt.Sprintf("fields %s and %s of %s are %d bytes apart, so they can share a %d-byte cache line, and different goroutines may write them at the same time: each write makes the other goroutine's core reload the line (false sharing)",
				a.name, b.name, tn.Name(), gap, cacheLine)
			d := analysis.Diagnostic{Pos: b.field.Pos(), End: b.field.End()}
			pad := cacheLine - gap
			if why := c.noFieldFix(b, a, positional[tn], layout[tn]); why != "" {
				d.Message = msg + fmt.Sprintf("; put %d bytes of padding before %s (no fix: %s)", pad, b.name, why)
			} else {
				d.Message = msg + fmt.Sprintf("; insert _ [%d]byte before %s", pad, b.name)
				d.SuggestedFixes = []analysis.SuggestedFix{c.padBefore(b.field, pad, a.name, b.name)}
			}
			e := c.estimate(a.locs, b.locs)
			switch {
			case len(pairs) < manyPairs:
			case first == "" && e.Tier > cost.Low:
				first = astx.Where(c.pass.Fset, b.field.Pos())
				d.Message += fmt.Sprintf(" (one of %d such pairs of %s: grouping its fields by the goroutines that write them may part them all)", len(pairs), tn.Name())
			case e.Tier > cost.Low:
				e = cost.Estimate{Tier: cost.Low, Evidence: fmt.Sprintf("one of %d such pairs of %s, reported once at %s", len(pairs), tn.Name(), first)}
			}
			c.rep.Report(d, e)
		}
	}
}

// manyPairs: a struct with this many pairs of fields that different
// goroutines write (a stats block of counters, each loop keeping its own)
// is reported once at the default level; padding every pair is seldom
// the remedy its maintainers want.
const manyPairs = 3

// noteContended records tn in the result when different goroutines write
// two of its top-level fields at once, with the reason a reorder is not
// fixed: fields apart now could be brought into one cache line; fields
// that can share one already get this pass's padding, with which a
// reorder in the same run would not compose.
func (c *checker) noteContended(tn *types.TypeName, spans []span) {
	for i, a := range spans {
		for _, b := range spans[i+1:] {
			if a.top == b.top || c.allCold(a.locs) || c.allCold(b.locs) {
				continue // a field written only in cold code (Close) contends with nothing
			}
			if _, _, ok := concurrent(c.rootsOf(a.locs), c.rootsOf(b.locs), isShared(a.locs) || isShared(b.locs)); !ok {
				continue
			}
			lo, hi := a, b
			if lo.off > hi.off {
				lo, hi = hi, lo
			}
			if mayShareLine(lo, hi) {
				c.contended[tn] = fmt.Sprintf("%s and %s may be written by different goroutines and can share a cache line now; padding between them (see falseshare) would not survive a reorder in the same run", lo.name, hi.name)
			} else {
				c.contended[tn] = fmt.Sprintf("%s and %s may be written by different goroutines, and a reorder could put them in one cache line (see falseshare)", lo.name, hi.name)
			}
			return
		}
	}
}

// fieldSpans returns where the written fields of tn lie.
func (c *checker) fieldSpans(tn *types.TypeName, spec *ast.TypeSpec) []span {
	byPath := make(map[string][]location)
	for loc := range c.writes {
		if loc.strct == tn {
			byPath[loc.path] = append(byPath[loc.path], loc)
		}
	}
	st := tn.Type().Underlying().(*types.Struct)
	fields := topFields(spec.Type.(*ast.StructType))
	var spans []span
	for path, locs := range byPath {
		off, size, name, top, ok := c.resolve(st, path)
		if !ok || top >= len(fields) {
			continue
		}
		slices.SortFunc(locs, func(a, b location) int { return strings.Compare(fmt.Sprint(a.indexed), fmt.Sprint(b.indexed)) })
		spans = append(spans, span{locs: locs, name: name, off: off, size: size, top: top, field: fields[top]})
	}
	// The order of map iteration must not show.
	slices.SortFunc(spans, func(a, b span) int { return strings.Compare(a.name, b.name) })
	return spans
}

// resolve returns the offset, size and name of the field at path in st,
// and the index of its top-level field.
func (c *checker) resolve(st *types.Struct, path string) (off, size int64, name string, top int, ok bool) {
	sizes := c.pass.TypesSizes
	var names []string
	for i, part := range strings.Split(path, ".") {
		idx, err := strconv.Atoi(part)
		if err != nil || idx >= st.NumFields() {
			return 0, 0, "", 0, false
		}
		if i == 0 {
			top = idx
		}
		var vars []*types.Var
		for f := range st.Fields() {
			vars = append(vars, f)
		}
		off += sizes.Offsetsof(vars)[idx]
		f := st.Field(idx)
		names = append(names, f.Name())
		size = sizes.Sizeof(f.Type())
		if next, isStruct := f.Type().Underlying().(*types.Struct); isStruct {
			st = next
		}
	}
	return off, size, strings.Join(names, "."), top, true
}

// topFields returns, for each field of the struct in order, the line of
// the field list that declares it (a, b T declares two).
func topFields(st *ast.StructType) []*ast.Field {
	var fields []*ast.Field
	for _, f := range st.Fields.List {
		for range max(len(f.Names), 1) {
			fields = append(fields, f)
		}
	}
	return fields
}

func sortedTypes(fset *token.FileSet, decls map[*types.TypeName]*ast.TypeSpec) []*types.TypeName {
	var tns []*types.TypeName
	tns = slices.Grow(tns, len(decls))
	for tn := range decls {
		tns = append(tns, tn)
	}
	slices.SortFunc(tns, func(a, b *types.TypeName) int { return astx.ComparePos(fset, a.Pos(), b.Pos()) })
	return tns
}

// noFieldFix says why padding cannot be inserted before b blind.
func (c *checker) noFieldFix(b, a span, positional, layout string) string {
	switch {
	case positional != "":
		return "positional literals at " + positional + " would need a value for the padding"
	case layout != "":
		return layout
	case a.field == b.field:
		return "both are declared by one field line (or one embedded struct); split it first"
	case !c.src.StartsLine(fieldStart(b.field)):
		return "the field does not start its own line"
	case c.oneWriter(a.locs, b.locs) || c.oneRoot(a.locs, b.locs):
		return "the goroutines that write both take both lines whatever the padding"
	}
	return ""
}

// padBefore inserts a blank padding field on its own line before f (and its
// doc comment), indented like f.
func (c *checker) padBefore(f *ast.Field, n int64, a, b string) analysis.SuggestedFix {
	pos := fieldStart(f)
	indent := c.src.Indent(pos)
	text := fmt.Sprintf("_ [%d]byte // keeps %s and %s in different cache lines\n%s", n, a, b, indent)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Insert %d bytes of padding before %s", n, b),
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
	}
}

func fieldStart(f *ast.Field) token.Pos {
	if f.Doc != nil {
		return f.Doc.Pos()
	}
	return f.Pos()
}

// positionalLiterals returns, for each struct of the package, where a
// positional literal builds it (tests included): a blank field added to
// the struct would need a value in it.
func positionalLiterals(pass *analysis.Pass, insp *inspector.Inspector) map[*types.TypeName]string {
	at := make(map[*types.TypeName]string)
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := cur.Node().(*ast.CompositeLit)
		if len(lit.Elts) == 0 {
			continue
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
			continue
		}
		if tn := typesx.LocalStructOrPointer(pass.Pkg, pass.TypesInfo.TypeOf(lit)); tn != nil {
			if _, ok := at[tn]; !ok {
				at[tn] = astx.Where(pass.Fset, lit.Pos())
			}
		}
	}
	return at
}

// layoutReaders returns, for each struct of the package whose layout the
// package reads, why a blank padding field would change what it reads:
// reflect (code that walks the fields by index, as a stats block's ToMap
// does, would meet the padding and could fail on it), encoding/binary
// (the encoding would include it) and unsafe.Sizeof or Offsetof (a size
// or offset the code relies on would change).
func layoutReaders(pass *analysis.Pass, insp *inspector.Inspector) map[*types.TypeName]string {
	at := make(map[*types.TypeName]string)
	note := func(t types.Type, why string) {
		if tn := typesx.LocalStructOrPointer(pass.Pkg, t); tn != nil {
			if _, ok := at[tn]; !ok {
				at[tn] = why
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		switch fn := typeutil.Callee(pass.TypesInfo, call).(type) {
		case *types.Func:
			if fn.Pkg() == nil {
				continue
			}
			var why string
			switch fn.Pkg().Path() {
			case "reflect":
				why = "its values go through reflect at " + astx.Where(pass.Fset, call.Pos()) + ", and code that walks its fields would meet the padding"
			case "encoding/binary":
				why = "its values go through encoding/binary at " + astx.Where(pass.Fset, call.Pos()) + ", whose encoding would include the padding"
			default:
				continue
			}
			for _, arg := range call.Args {
				note(pass.TypesInfo.TypeOf(arg), why)
			}
		case *types.Builtin:
			if len(call.Args) != 1 {
				continue
			}
			measured := pass.TypesInfo.TypeOf(call.Args[0])
			switch fn.Name() {
			case "Sizeof", "Alignof":
			case "Offsetof":
				sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				measured = pass.TypesInfo.TypeOf(sel.X)
			default:
				continue
			}
			note(measured, "unsafe."+fn.Name()+" at "+astx.Where(pass.Fset, call.Pos())+" measures it, and the padding would change what it measures")
		}
	}
	return at
}

// reportGlobals reports package variables that different goroutines write
// and that the linker may place in one cache line: variables declared
// next to each other in a file, which the linker keeps together.
func (c *checker) reportGlobals(insp *inspector.Inspector) {
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if c.rep.Skips(file) {
			continue
		}
		for _, pair := range c.conflicts(c.globalSpans(file), nil) {
			a, b := pair[0], pair[1]
			d := analysis.Diagnostic{
				Pos: b.spec.Pos(),
				End: b.spec.End(),
				Message: fmt.Sprintf("package variables %s and %s are declared next to each other, so the linker may place them in one %d-byte cache line, and different goroutines may write them at the same time (false sharing); give each a type padded to a cache line on both sides, e.g. struct{ _ [%d]byte; atomic.Uint64; _ [%d]byte } (no fix: the variables' types and their uses would change)",
					a.name, b.name, cacheLine, cacheLine, cacheLine),
			}
			c.rep.Report(d, c.estimate(a.locs, b.locs))
		}
	}
}

// globalSpans returns where the written package variables of file lie if
// the linker lays them out in declaration order.
func (c *checker) globalSpans(file *ast.File) []span {
	sizes := c.pass.TypesSizes
	var spans []span
	var off int64
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for _, id := range vs.Names {
				v, ok := c.pass.TypesInfo.Defs[id].(*types.Var)
				if !ok || !typesize.Known(v.Type()) {
					continue
				}
				align := sizes.Alignof(v.Type())
				off = (off + align - 1) / align * align
				size := sizes.Sizeof(v.Type())
				loc := location{global: v, shared: true}
				if _, written := c.writes[loc]; written {
					spans = append(spans, span{locs: []location{loc}, name: v.Name(), off: off, size: size, spec: vs})
				}
				off += size
			}
		}
	}
	return spans
}

// reportShards reports structs whose values are elements of an array or
// slice that goroutines write element by element, each its own (a shard,
// a worker's slot), when neighbouring elements may share a cache line.
func (c *checker) reportShards(insp *inspector.Inspector) {
	decls := structDecls(c.pass, c.rep, insp)
	positional := positionalLiterals(c.pass, insp)
	sizes := c.pass.TypesSizes
	for _, tn := range sortedTypes(c.pass.Fset, decls) {
		spec := decls[tn]
		st := tn.Type().Underlying().(*types.Struct)
		if hasBlankField(st) {
			continue // padded already
		}
		size := sizes.Sizeof(st)
		var indexed []location
		for loc := range c.writes {
			if loc.strct == tn && loc.indexed {
				indexed = append(indexed, loc)
			}
		}
		if len(indexed) == 0 || size == 0 || size%cacheLine == 0 {
			continue
		}
		slices.SortFunc(indexed, func(a, b location) int { return strings.Compare(a.path, b.path) })
		// Neighbours: the same field of two adjacent elements.
		_, fsize, name, _, ok := c.resolve(st, indexed[0].path)
		if !ok || size-fsize > cacheLine-2 {
			continue
		}
		if _, _, ok := concurrent(c.rootsOf(indexed), c.rootsOf(indexed), true); !ok {
			continue
		}
		pad := (size+cacheLine-1)/cacheLine*cacheLine - size
		c.contended[tn] = fmt.Sprintf("different goroutines write the %s of neighbouring elements, and padding to a whole cache line (see falseshare) would not survive a reorder in the same run", name)
		d := analysis.Diagnostic{
			Pos: spec.Name.Pos(),
			End: spec.Name.End(),
			Message: fmt.Sprintf("elements of %s are %d bytes, so neighbours share a %d-byte cache line, and different goroutines may write their %s at the same time (false sharing)",
				tn.Name(), size, cacheLine, name),
		}
		fields := spec.Type.(*ast.StructType).Fields
		if at := positional[tn]; at != "" || !c.src.StartsLine(fields.Closing) {
			why := "positional literals at " + at + " would need a value for the padding"
			if at == "" {
				why = "the closing brace does not start its own line"
			}
			d.Message += fmt.Sprintf("; pad %s to %d bytes with _ [%d]byte (no fix: %s)", tn.Name(), size+pad, pad, why)
		} else {
			d.Message += fmt.Sprintf("; pad %s to %d bytes with _ [%d]byte", tn.Name(), size+pad, pad)
			indent := c.src.Indent(fields.Closing)
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message: fmt.Sprintf("Pad %s to %d bytes", tn.Name(), size+pad),
				TextEdits: []analysis.TextEdit{{
					Pos:     fields.Closing,
					End:     fields.Closing,
					NewText: []byte(fmt.Sprintf("\t_ [%d]byte // one cache line per element\n%s", pad, indent)),
				}},
			}}
		}
		c.rep.Report(d, c.estimate(indexed, indexed))
	}
}

func hasBlankField(st *types.Struct) bool {
	for f := range st.Fields() {
		if f.Name() == "_" {
			return true
		}
	}
	return false
}

// blankBetween reports whether a blank field lies among the top-level
// fields after i up to j.
func blankBetween(tn *types.TypeName, i, j int) bool {
	st := tn.Type().Underlying().(*types.Struct)
	for k := i + 1; k <= j && k < st.NumFields(); k++ {
		if st.Field(k).Name() == "_" {
			return true
		}
	}
	return false
}
