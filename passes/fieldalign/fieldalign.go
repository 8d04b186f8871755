package fieldalign

import (
	"cmp"
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
	"github.com/memlint/memlint/passes/falseshare"
)

//go:embed doc.go
var docFile string

// Analyzer reports structs whose fields can be reordered into less memory.
var Analyzer = &analysis.Analyzer{
	Name: "fieldalign",
	Doc:  passdoc.Extract(docFile, "fieldalign"),
	URL:  "https://pkg.go.dev/github.com/memlint/memlint/passes/fieldalign",
	// falseshare says which structs' layout decides which goroutines share
	// a cache line: a reorder of those is no blind fix.
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer, falseshare.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

func init() {
	// scan enables the reports about pointer bytes, which cost only GC time.
	Analyzer.Flags.Bool("scan", false, "also report structs whose pointer fields could come first, so that the GC scans fewer bytes of each value")
	suppress.Register(Analyzer)
}

func run(pass *analysis.Pass) (any, error) {
	if compilerKnowsLayouts(pass.Pkg.Path()) {
		return nil, nil
	}
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	insp := lazyinspect.Of(pass)
	cands := findCandidates(pass, rep, insp)
	if len(cands) == 0 {
		return nil, nil
	}
	u := findUses(pass, insp, cost.Of(pass))
	tests := new(unseenTests)
	for _, c := range cands {
		if d, e, ok := diagnose(pass, u, tests, c); ok {
			rep.Report(d, e)
		}
	}
	return nil, nil
}

// compilerKnowsLayouts reports whether the package's struct layouts are
// also known to the compiler, linker or assembly of the runtime.
func compilerKnowsLayouts(path string) bool {
	return path == "runtime" || path == "internal/abi" || strings.HasPrefix(path, "internal/runtime/")
}

// A candidate is a struct type declaration that a reorder would make smaller
// (or, with -scan, cheaper to scan).
type candidate struct {
	file        *ast.File
	spec        *ast.TypeSpec
	st          *ast.StructType
	obj         *types.TypeName
	size, opt   int64 // current and optimal size
	ptr, optPtr int64 // current and optimal pointer bytes
	// bigScan is set when large pointer-free fields (arrays, tables) sit
	// before pointers, so that the order puts the pointers first: the GC
	// then scans at least bigScanBytes fewer bytes of each value.
	bigScan bool
	order   []*ast.Field
	// Why a reorder may change what others see, if it may: struct tags
	// (the order of encoded output), or exported fields only (a public
	// type that other packages can build with positional literals).
	outsideOrder string
}

// findCandidates returns, in source order, the struct type declarations of
// the package whose layout can shrink and is not fixed on purpose by the
// declaration itself.
func findCandidates(pass *analysis.Pass, rep *suppress.Reporter, insp *inspector.Inspector) []*candidate {
	var cands []*candidate
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if rep.Skips(file) || importsC(file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.TypeSpec)(nil)) {
			if c := candidateOf(pass, file, cur.Node().(*ast.TypeSpec)); c != nil {
				cands = append(cands, c)
			}
		}
	}
	return cands
}

func importsC(f *ast.File) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// layoutComment matches comments saying that a struct's field order
// matters. "Must match" and "in sync with" mark structs mirrored elsewhere
// (the runtime and reflect declare runtimeSelect twice, one for each
// side). "Atomically" marks 64-bit fields that must stay aligned on 32-bit
// platforms. Padding and atomic are no such words: a comment may as well
// say that padding is wasted or that a field could become atomic, and
// deliberate padding is a blank field.
var layoutComment = regexp.MustCompile(`(?i)\b(align(ed|ment|s)?|layout|offsets?|cache[- ]?lines?|false[- ]shar(ing|ed)|atomically|first field|field order|order of (the )?fields|must (be|come|stay) (first|last)|must (match|agree)|in sync with)\b`)

func candidateOf(pass *analysis.Pass, file *ast.File, spec *ast.TypeSpec) *candidate {
	st, ok := spec.Type.(*ast.StructType)
	if !ok || spec.Assign.IsValid() || st.Fields == nil || len(st.Fields.List) < 2 {
		return nil
	}
	obj, ok := pass.TypesInfo.Defs[spec.Name].(*types.TypeName)
	if !ok || obj == nil {
		return nil
	}
	tstruct, ok := obj.Type().Underlying().(*types.Struct)
	if !ok || hasFixedLayout(tstruct) {
		return nil
	}
	units, ok := unitsOf(pass, st, tstruct)
	if !ok {
		return nil
	}
	c := &candidate{file: file, spec: spec, st: st, obj: obj, outsideOrder: outsideOrder(obj, tstruct)}
	sizes := pass.TypesSizes
	c.size = sizes.Sizeof(tstruct)
	c.ptr = ptrBytes(sizes, tstruct)
	scan := passflag.Bool(pass, "scan")
	order := optimalOrder(units, true)
	c.optPtr = ptrBytes(sizes, structOf(order))
	c.bigScan = c.ptr-c.optPtr >= bigScanBytes
	if !scan && !c.bigScan {
		order = optimalOrder(units, false)
		c.optPtr = ptrBytes(sizes, structOf(order))
	}
	c.opt = sizes.Sizeof(structOf(order))
	if c.opt >= c.size && !((scan || c.bigScan) && c.optPtr < c.ptr) || mentionsLayout(file, spec, st) {
		return nil
	}
	for _, u := range order {
		c.order = append(c.order, u.field)
	}
	return c
}

// bigScanBytes is the GC work per value, in bytes scanned each cycle,
// above which a layout's pointer bytes matter without -scan: a large
// pointer-free array or table before a pointer field makes the collector
// walk all of it (std moved compress/flate's hash chains, 640 KiB, behind
// the pointers for this). A decoder's tables or a page buffer of tens of
// KiB, one per stream, cost the collector microseconds per cycle:
// maintainers leave those.
const bigScanBytes = 64 << 10

// hasFixedLayout reports whether the struct's fields show that its layout is
// fixed on purpose: blank (padding) fields or structs.HostLayout.
func hasFixedLayout(s *types.Struct) bool {
	for f := range s.Fields() {
		if f.Name() == "_" || typesx.IsNamed(f.Type(), "structs", "HostLayout") {
			return true
		}
	}
	return false
}

// outsideOrder says why the field order may matter beyond the package, or
// returns "". Struct tags tie it to an encoding's output. An exported type
// whose fields are all exported can be built elsewhere with positional
// literals that no pass of this package sees (unless it is a command's,
// which nothing imports); one unexported field is
// enough to rule those out, since a positional literal must set every
// field (std reordered gzip.Writer, which embeds the exported Header).
func outsideOrder(obj *types.TypeName, s *types.Struct) string {
	if keys, tagged := tagKeys(s); tagged {
		if slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(orderedEncodings, k) }) {
			return "its " + strings.Join(keys, ", ") + " tags make the field order the order of the encoded output"
		}
		// Other tags may be read by name (mapstructure, env), but what
		// their readers write may follow the fields' order: a wire
		// format (miekg/dns's dns tags), help text, the order of errors.
		names := "struct"
		if len(keys) > 0 {
			names = strings.Join(keys, ", ")
		}
		return "its " + names + " tags may tie the field order to the code that reads them"
	}
	if !obj.Exported() || obj.Parent() != obj.Pkg().Scope() || obj.Pkg().Name() == "main" {
		return "" // no other package can import a command's
	}
	for f := range s.Fields() {
		if !f.Exported() {
			return ""
		}
	}
	return "its fields are all exported, so other packages may build it with positional literals"
}

// orderedEncodings are the tag keys of encoders whose output follows the
// fields' order. Not avro, protobuf or thrift: their encoders follow a
// schema or field numbers, though a schema may be derived from the struct
// (twmb/avro's SchemaFor), so their tags only may tie the order.
var orderedEncodings = []string{"json", "xml", "yaml", "toml", "hcl", "csv", "msgpack", "cbor", "bson", "parquet", "asn1"}

// tagKeys returns the keys of the struct's field tags, sorted, each once,
// and whether any field has a tag. A key whose value is "-" (json:"-")
// leaves its field out of what reads the tag, so it ties no order and
// does not count.
func tagKeys(s *types.Struct) (keys []string, tagged bool) {
	for i := range s.NumFields() {
		tag := s.Tag(i)
		for tag != "" {
			tag = strings.TrimLeft(tag, " ")
			key, rest, ok := strings.Cut(tag, ":")
			if !ok || key == "" || strings.ContainsAny(key, " \"") {
				tagged = tagged || tag != ""
				break
			}
			v, err := strconv.QuotedPrefix(rest)
			if err != nil {
				tagged = true
				break
			}
			if value, _ := strconv.Unquote(v); value != "-" {
				keys, tagged = append(keys, key), true
			}
			tag = rest[len(v):]
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys), tagged
}

// mentionsLayout reports whether the comments of the declaration or of its
// fields talk about alignment, offsets, atomics or field order, or give
// the fields' bytes in an encoded form.
func mentionsLayout(file *ast.File, spec *ast.TypeSpec, st *ast.StructType) bool {
	start := spec.Pos()
	if spec.Doc != nil {
		start = spec.Doc.Pos()
	}
	// The doc comment of an unparenthesized declaration belongs to its GenDecl.
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Lparen == token.NoPos && gd.Pos() <= spec.Pos() && spec.End() <= gd.End() && gd.Doc != nil {
			start = gd.Doc.Pos()
		}
	}
	for _, g := range file.Comments {
		if g.Pos() >= start && g.End() <= st.End() && layoutComment.MatchString(g.Text()) {
			return true
		}
	}
	ranges := 0
	for _, f := range st.Fields.List {
		if f.Comment != nil && byteRange.MatchString(f.Comment.Text()) {
			ranges++
		}
	}
	return ranges >= 2
}

// byteRange matches a field comment that gives the field's bytes in an
// encoded header ("// 4-5", "// bytes 8..11"): two or more such comments
// document a wire layout in field order, which a reorder would scramble.
var byteRange = regexp.MustCompile(`^\s*(?i:bytes?\s*)?\[?\d+\s*(-|–|\.\.|:)\s*\d+\]?\s*$`)

// A unit is one line of a field list: a field, or a group of fields sharing
// a type (a, b int), which a reorder keeps together.
type unit struct {
	field       *ast.Field
	vars        []*types.Var
	size, align int64
	ptr         int64 // pointer bytes: the prefix the GC scans
}

// unitsOf returns the units of a struct declaration, or false if the size of
// a field is unknown: invalid types and type parameters.
func unitsOf(pass *analysis.Pass, st *ast.StructType, s *types.Struct) ([]unit, bool) {
	sizes := pass.TypesSizes
	var units []unit
	i := 0
	for _, f := range st.Fields.List {
		u := unit{field: f}
		for range max(len(f.Names), 1) {
			if i >= s.NumFields() {
				return nil, false
			}
			u.vars = append(u.vars, s.Field(i))
			i++
		}
		t := u.vars[0].Type()
		if !typesize.Known(t) {
			return nil, false
		}
		u.size = sizes.Sizeof(t) * int64(len(u.vars))
		u.align = sizes.Alignof(t)
		u.ptr = ptrBytes(sizes, structOf([]unit{u}))
		units = append(units, u)
	}
	return units, i == s.NumFields()
}

// optimalOrder sorts the units into a smallest layout: zero-sized fields
// first (a trailing one is padded), then by alignment, largest first, which
// leaves no padding between fields. The sort is stable, so that fields move
// only as far as needed. With byPointers, fields with pointers come first and
// those with the shortest pointer-free tail before others, so that the GC
// scans a shorter prefix of each value.
func optimalOrder(units []unit, byPointers bool) []unit {
	order := slices.Clone(units)
	slices.SortStableFunc(order, func(a, b unit) int {
		if c := firstIf(a.size == 0, b.size == 0); c != 0 {
			return c
		}
		if c := cmp.Compare(b.align, a.align); c != 0 {
			return c
		}
		if !byPointers {
			return 0
		}
		if c := firstIf(a.ptr > 0, b.ptr > 0); c != 0 {
			return c
		}
		if a.ptr > 0 && b.ptr > 0 {
			return cmp.Compare(a.size-a.ptr, b.size-b.ptr)
		}
		return 0
	})
	return order
}

// firstIf orders a before b if only a has the property, and after if only
// b has it.
func firstIf(a, b bool) int {
	switch {
	case a && !b:
		return -1
	case b && !a:
		return 1
	}
	return 0
}

func structOf(units []unit) *types.Struct {
	var vars []*types.Var
	for _, u := range units {
		vars = append(vars, u.vars...)
	}
	return types.NewStruct(vars, nil)
}

// ptrBytes returns the length of the prefix of a value of type t that holds
// pointers: the bytes the garbage collector scans.
func ptrBytes(sizes types.Sizes, t types.Type) int64 {
	word := sizes.Sizeof(types.Typ[types.Uintptr])
	switch t := t.Underlying().(type) {
	case *types.Basic:
		if t.Kind() == types.String || t.Kind() == types.UnsafePointer {
			return word
		}
		return 0
	case *types.Pointer, *types.Map, *types.Chan, *types.Signature, *types.Slice:
		return word
	case *types.Interface:
		return 2 * word
	case *types.Array:
		p := ptrBytes(sizes, t.Elem())
		if p == 0 || t.Len() == 0 {
			return 0
		}
		return (t.Len()-1)*sizes.Sizeof(t.Elem()) + p
	case *types.Struct:
		var vars []*types.Var
		for f := range t.Fields() {
			vars = append(vars, f)
		}
		offsets := sizes.Offsetsof(vars)
		for i := len(vars) - 1; i >= 0; i-- {
			if p := ptrBytes(sizes, vars[i].Type()); p > 0 {
				return offsets[i] + p
			}
		}
	}
	return 0
}
