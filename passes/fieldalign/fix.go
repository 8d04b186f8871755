package fieldalign

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/passes/falseshare"
)

// noFixReason says why reordering the fields would not be safe to apply
// blind, or returns "".
func noFixReason(pass *analysis.Pass, u *uses, tests *unseenTests, c *candidate) string {
	if c.outsideOrder != "" {
		return c.outsideOrder
	}
	if why := u.encoded[c.obj]; why != "" {
		return why
	}
	if why := u.breaks[c.obj]; why != "" {
		return why
	}
	// (The fuzz test runs the pass without falseshare.)
	if contended, _ := pass.ResultOf[falseshare.Analyzer].(falseshare.Contended); contended[c.obj] != "" {
		return contended[c.obj]
	}
	if pos, ok := u.positional[c.obj]; ok {
		return "positional literals at " + astx.Where(pass.Fset, pos) + " would break"
	}
	if at := tests.positionalLiteral(pass, c.obj.Name()); at != "" {
		return "positional literals at " + at + " would break"
	}
	if fn, at := tests.printedBy(pass, c.obj.Name()); at != "" && !isStringer(c.obj.Type()) {
		return printedReason(fn, at)
	}
	if freeComments(c, pass.Fset.File(c.file.FileStart)) {
		return "the field list has comments that belong to no field"
	}
	// A lock whose comment says it guards the fields that follow it
	// bounds its group by that comment, not by blank lines.
	if name, tail := guardingField(pass, c); name != "" {
		if !keepGroup(pass, c, tail, true) {
			return "the comment of " + name + " says it guards the fields that follow it, which a reorder would move away"
		}
	} else if name, group := guardedGroup(pass, c); name != "" && !keepGroup(pass, c, group, false) {
		return "the comment over " + name + " and the fields next to it says the lock guards them, and the smallest order would split the group"
	}
	if header := headedGroup(pass, c); header != "" {
		return "a comment heads a group of fields (" + strconv.Quote(header) + "), which a reorder would scatter"
	}
	return ""
}

// headedGroup returns the first line of a comment over a group of fields
// (a run without blank lines) that speaks of fields, such as "Write
// fields": a section of the struct, whose members a reorder would move
// away from it, unless the order keeps them together and apart from the
// others; or "".
func headedGroup(pass *analysis.Pass, c *candidate) string {
	groups := fieldGroups(pass.Fset.File(c.file.FileStart), c.st.Fields.List)
	for _, group := range groups {
		if len(group) < 2 || group[0].Doc == nil || keptApart(c.order, group, groups) {
			continue
		}
		text := group[0].Doc.Text()
		if slices.Contains(strings.FieldsFunc(strings.ToLower(text), notLetter), "fields") {
			first, _, _ := strings.Cut(text, "\n")
			return first
		}
	}
	return ""
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// fieldGroups splits a field list into runs of fields without a blank
// line between them.
func fieldGroups(tf *token.File, list []*ast.Field) [][]*ast.Field {
	var groups [][]*ast.Field
	for start := 0; start < len(list); {
		end := start + 1
		for end < len(list) && tf.Line(fieldStart(list[end])) == tf.Line(fieldEnd(list[end-1]))+1 {
			end++
		}
		groups = append(groups, list[start:end])
		start = end
	}
	return groups
}

// guardedGroup returns the name of a lock that shares a group of fields
// (a run without blank lines) with others, where the comment over the
// group or on the lock says it protects or guards (// List of observers
// and the mutex that protects them), and the group: the lock and its
// data, which a reorder must keep together, in their order, leaving the
// comment where it is.
func guardedGroup(pass *analysis.Pass, c *candidate) (string, []*ast.Field) {
	for _, group := range fieldGroups(pass.Fset.File(c.file.FileStart), c.st.Fields.List) {
		if len(group) < 2 {
			continue
		}
		for _, f := range group {
			if len(f.Names) == 0 || !isLock(pass.TypesInfo.TypeOf(f.Type)) {
				continue
			}
			for _, g := range []*ast.CommentGroup{group[0].Doc, f.Doc, f.Comment} {
				if saysGuards(strings.ToLower(g.Text())) {
					return f.Names[0].Name, group
				}
			}
		}
	}
	return "", nil
}

// keepGroup reports whether some order of c's fields as small as c.order
// keeps group together as written, and makes it c.order: c.order itself,
// or the group's block preceded by the other fields, largest alignment
// first, or followed by them, smallest first (to fill the block's tail
// padding); with no more pointer bytes either, where those are reported.
// last says the group must stay the struct's last fields (a lock that
// guards the fields that follow it, and those fields).
func keepGroup(pass *analysis.Pass, c *candidate, group []*ast.Field, last bool) bool {
	if i := keptAt(c.order, group); i >= 0 && (!last || i+len(group) == len(c.order)) {
		return true
	}
	units, ok := unitsOf(pass, c.st, c.obj.Type().Underlying().(*types.Struct))
	if !ok {
		return false
	}
	var block, others []unit
	for _, u := range units {
		if slices.Contains(group, u.field) {
			block = append(block, u)
		} else {
			others = append(others, u)
		}
	}
	after := slices.Clone(others)
	slices.SortStableFunc(after, func(a, b unit) int { return cmp.Compare(a.align, b.align) })
	orders := [][]unit{append(optimalOrder(others, false), block...)}
	if !last {
		orders = append(orders, append(slices.Clone(block), after...))
	}
	for _, order := range orders {
		scanned := (passflag.Bool(pass, "scan") || c.bigScan) && ptrBytes(pass.TypesSizes, structOf(order)) > c.optPtr
		if pass.TypesSizes.Sizeof(structOf(order)) == c.opt && !scanned {
			c.order = c.order[:0]
			for _, u := range order {
				c.order = append(c.order, u.field)
			}
			return true
		}
	}
	return false
}

// keptApart reports whether order keeps group together, as written, and
// still set apart: last, or followed by a field that began a group of its
// own, before which the fix keeps a blank line.
func keptApart(order, group []*ast.Field, groups [][]*ast.Field) bool {
	i := keptAt(order, group)
	if i < 0 {
		return false
	}
	end := i + len(group)
	return end == len(order) || slices.ContainsFunc(groups[1:], func(g []*ast.Field) bool { return g[0] == order[end] })
}

// keptAt returns where order holds group's fields together, as written;
// -1 if it does not.
func keptAt(order, group []*ast.Field) int {
	if i := slices.Index(order, group[0]); i >= 0 && i+len(group) <= len(order) && slices.Equal(order[i:i+len(group)], group) {
		return i
	}
	return -1
}

// guardingField returns the name of the lock (a field whose type has a
// Lock method, as sync.Mutex) whose comment says it protects or guards the
// fields that follow it (mu sync.Mutex // protects the following fields),
// and the fields from it to the end: the order groups the fields the lock
// covers, a layout that carries meaning, which a reorder of the fields
// before them keeps.
func guardingField(pass *analysis.Pass, c *candidate) (string, []*ast.Field) {
	for i, f := range c.st.Fields.List {
		if len(f.Names) == 0 || !isLock(pass.TypesInfo.TypeOf(f.Type)) {
			continue
		}
		for _, g := range []*ast.CommentGroup{f.Doc, f.Comment} {
			text := strings.ToLower(g.Text())
			if saysGuards(text) && (strings.Contains(text, "following") || strings.Contains(text, "below")) {
				return f.Names[0].Name, c.st.Fields.List[i:]
			}
		}
	}
	return "", nil
}

// saysGuards reports whether a lower-cased comment says a lock protects
// or guards something.
func saysGuards(text string) bool {
	return strings.Contains(text, "protect") || strings.Contains(text, "guard")
}

// isLock reports whether t, or what it points to, has a Lock method.
func isLock(t types.Type) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Lock")
	_, ok := obj.(*types.Func)
	return ok
}

// unseenTests holds the _test.go files of the package's directory when the
// pass does not see them (it analyzes the package without its tests): a fix
// must keep them compiling too. Each file is read once and parsed at most
// once per pass, when a name it contains is first looked up.
type unseenTests struct {
	loaded bool
	files  []*testFile
}

type testFile struct {
	name string
	src  []byte
	// positional maps each type name written in a positional literal of
	// the file (see positionalLiterals) to the first such literal; nil
	// until the file is parsed.
	positional map[string]token.Pos
	// printed maps each type name whose values the file prints with fmt
	// (see printedValues) to the first such call and its function.
	printed map[string]printCall
	fset    *token.FileSet
}

type printCall struct {
	fn  string
	pos token.Pos
}

// positionalLiteral returns where (file:line) the first positional literal
// of the named type is in the unseen tests, or "". Without type
// information, any positional literal whose type, or whose enclosing
// literal's type, mentions the name counts.
func (t *unseenTests) positionalLiteral(pass *analysis.Pass, name string) string {
	for _, f := range t.mentioning(pass, name) {
		if pos, ok := f.positional[name]; ok {
			return astx.Where(f.fset, pos)
		}
	}
	return ""
}

// printedBy returns the fmt function and the place (file:line) where the
// unseen tests first print a value of the named type, or "".
func (t *unseenTests) printedBy(pass *analysis.Pass, name string) (string, string) {
	for _, f := range t.mentioning(pass, name) {
		if c, ok := f.printed[name]; ok {
			return c.fn, astx.Where(f.fset, c.pos)
		}
	}
	return "", ""
}

// mentioning returns the unseen test files whose text contains name,
// parsed.
func (t *unseenTests) mentioning(pass *analysis.Pass, name string) []*testFile {
	if !t.loaded {
		t.load(pass)
	}
	var files []*testFile
	for _, f := range t.files {
		if !bytes.Contains(f.src, []byte(name)) {
			continue
		}
		if f.positional == nil {
			f.parse()
		}
		files = append(files, f)
	}
	return files
}

func (t *unseenTests) load(pass *analysis.Pass) {
	t.loaded = true
	var dir string
	for _, f := range pass.Files {
		filename := pass.Fset.File(f.FileStart).Name()
		if strings.HasSuffix(filename, "_test.go") {
			return // the tests are part of this pass: findUses saw them
		}
		dir = filepath.Dir(filename)
	}
	if dir == "" {
		return
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, name := range names {
		if src, err := os.ReadFile(name); err == nil {
			t.files = append(t.files, &testFile{name: name, src: src})
		}
	}
}

func (f *testFile) parse() {
	f.fset = token.NewFileSet()
	f.positional = make(map[string]token.Pos)
	f.printed = make(map[string]printCall)
	file, err := parser.ParseFile(f.fset, f.name, f.src, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	positionalLiterals(file, func(name string, pos token.Pos) {
		if _, seen := f.positional[name]; !seen {
			f.positional[name] = pos
		}
	})
	printedValues(file, func(name string, c printCall) {
		if _, seen := f.printed[name]; !seen {
			f.printed[name] = c
		}
	})
}

// printedValues calls yield with each call of a printing function of fmt
// (see printFuncs) in f and the name of the type of each value it prints
// that the syntax tells: a literal name{...} or &name{...}, new(name), or
// a variable set to one in the file. Without type information, a name
// declared twice may be taken for the other.
func printedValues(f *ast.File, yield func(name string, c printCall)) {
	made := make(map[string]string) // variable -> type name
	typeOf := func(e ast.Expr) string {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		switch e := e.(type) {
		case *ast.CompositeLit:
			return typeName(e.Type)
		case *ast.CallExpr:
			if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "new" && len(e.Args) == 1 {
				return typeName(e.Args[0])
			}
		case *ast.Ident:
			return made[e.Name]
		}
		return ""
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					if name := typeOf(as.Rhs[i]); name != "" {
						made[id.Name] = name
					}
				}
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "fmt" || !slices.Contains(printFuncs, sel.Sel.Name) {
			return true
		}
		for _, arg := range call.Args {
			if name := typeOf(arg); name != "" {
				yield(name, printCall{"fmt." + sel.Sel.Name, call.Pos()})
			}
		}
		return true
	})
}

// positionalLiterals calls yield, in source order, with each positional
// composite literal of f and the name of its type: written as name{...},
// pkg.name{...} or name[T]{...}, or elided as an element or key of a
// literal whose element or key type is written so (as in []name{{1, 2}} or
// []*name{{1, 2}}).
func positionalLiterals(f *ast.File, yield func(name string, pos token.Pos)) {
	var visit func(n ast.Node, elided []ast.Expr) bool
	visit = func(n ast.Node, elided []ast.Expr) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		typeExprs := elided
		if lit.Type != nil {
			typeExprs = []ast.Expr{lit.Type}
		}
		if len(lit.Elts) > 0 {
			if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
				for _, t := range typeExprs {
					if name := typeName(t); name != "" {
						yield(name, lit.Pos())
					}
				}
			}
		}
		inner := elementTypes(typeExprs)
		for _, e := range lit.Elts {
			ast.Inspect(e, func(n ast.Node) bool { return visit(n, inner) })
		}
		return false
	}
	ast.Inspect(f, func(n ast.Node) bool { return visit(n, nil) })
}

// elementTypes returns the type expressions that elided literals inside a
// literal of the given types have: element and key types, pointers removed.
func elementTypes(typeExprs []ast.Expr) []ast.Expr {
	var elems []ast.Expr
	for _, t := range typeExprs {
		switch t := ast.Unparen(t).(type) {
		case *ast.ArrayType:
			elems = append(elems, t.Elt)
		case *ast.MapType:
			elems = append(elems, t.Key, t.Value)
		}
	}
	for i, e := range elems {
		if star, ok := ast.Unparen(e).(*ast.StarExpr); ok {
			elems[i] = star.X
		}
	}
	return elems
}

// typeName returns the name of a type expression written as name,
// pkg.name, or an instance of either, or "".
func typeName(t ast.Expr) string {
	switch t := ast.Unparen(t).(type) {
	case *ast.Ident:
		return t.Name
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.IndexExpr:
		return typeName(t.X)
	case *ast.IndexListExpr:
		return typeName(t.X)
	}
	return ""
}

// freeComments reports whether the field list holds comments that are not
// the doc or line comment of a field, nor inside one (in a nested struct
// type, which moves whole), other than one after the opening brace: a
// reorder could not keep them in place.
func freeComments(c *candidate, tf *token.File) bool {
	owned := make(map[*ast.CommentGroup]bool)
	for _, f := range c.st.Fields.List {
		owned[f.Doc] = true
		owned[f.Comment] = true
	}
	inField := func(g *ast.CommentGroup) bool {
		return slices.ContainsFunc(c.st.Fields.List, func(f *ast.Field) bool {
			return fieldStart(f) <= g.Pos() && g.End() <= fieldEnd(f)
		})
	}
	openingLine := tf.Line(c.st.Fields.Opening)
	for _, g := range c.file.Comments {
		if g.Pos() > c.st.Fields.Opening && g.End() < c.st.Fields.Closing && !owned[g] && !inField(g) && tf.Line(g.Pos()) != openingLine {
			return true
		}
	}
	return false
}

// usedByAssembly reports whether the package's assembly files use the
// offsets that go_asm.h defines for the type (TypeName_field, TypeName__size).
func usedByAssembly(pass *analysis.Pass, name string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `_`)
	for _, filename := range pass.OtherFiles {
		if !strings.HasSuffix(filename, ".s") {
			continue
		}
		if src, err := pass.ReadFile(filename); err == nil && re.Match(src) {
			return true
		}
	}
	return false
}

// reorderFix rewrites the field list in the candidate's order. Every field
// moves with its doc comment, line comment, tag and names; nothing outside
// the fields changes (a comment after the opening brace stays), and the new
// list is formatted as gofmt would.
func reorderFix(pass *analysis.Pass, c *candidate) (analysis.SuggestedFix, bool) {
	tf := pass.Fset.File(c.file.FileStart)
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	offset := tf.Offset

	//memlint:ignore growhint once per finding, and the field texts dominate the size
	var body bytes.Buffer
	for i, f := range c.order {
		if i > 0 && blankBefore(src, tf, f) {
			body.WriteByte('\n') // a field that began a group still does
		}
		body.Write(src[offset(fieldStart(f)):offset(fieldEnd(f))])
		body.WriteByte('\n')
	}
	if slices.ContainsFunc(c.order, multilineTag) {
		return analysis.SuggestedFix{}, false // re-indenting would change the tag
	}
	const head = "package p\n\ntype _ struct {\n"
	formatted, err := format.Source([]byte(head + body.String() + "}\n"))
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	// The fields, one tab deep, each line ending in a newline.
	fields := formatted[len(head) : bytes.LastIndex(formatted, []byte("\n}"))+1]

	list := c.st.Fields.List
	start, end := fieldStart(list[0]), fieldEnd(list[len(list)-1])
	indent := src[bytes.LastIndexByte(src[:offset(start)], '\n')+1 : offset(start)]
	var text bytes.Buffer
	if len(bytes.TrimLeft(indent, " \t")) == 0 {
		// Replace the first to last field; the first line keeps its indent.
		for i, line := range slices.Collect(bytes.Lines(fields)) {
			line = bytes.TrimPrefix(line, []byte("\t"))
			if i > 0 && len(bytes.TrimSpace(line)) > 0 {
				text.Write(indent)
			}
			text.Write(line)
		}
		text.Truncate(text.Len() - 1)
		if tf.Line(end) == tf.Line(c.st.Fields.Closing) {
			// The closing brace follows the last field on its line: put it
			// on a line of its own, or a line comment moved last would
			// swallow it.
			open := src[bytes.LastIndexByte(src[:offset(c.st.Fields.Opening)], '\n')+1:]
			text.WriteByte('\n')
			text.Write(open[:len(open)-len(bytes.TrimLeft(open, " \t"))])
			end = c.st.Fields.Closing
		}
	} else {
		// The fields share the line of a brace, as in "struct{ a, b int }":
		// rewrite all between the braces, one level deeper than the line
		// of the opening brace.
		start, end = c.st.Fields.Opening+1, c.st.Fields.Closing
		outer := src[bytes.LastIndexByte(src[:offset(start)], '\n')+1:]
		outer = outer[:len(outer)-len(bytes.TrimLeft(outer, " \t"))]
		text.WriteByte('\n')
		for line := range bytes.Lines(fields) {
			if len(bytes.TrimSpace(line)) > 0 {
				text.Write(outer)
			}
			text.Write(line)
		}
		text.Write(outer)
	}
	return analysis.SuggestedFix{
		Message: "Reorder the fields of " + c.obj.Name() + " to remove padding",
		TextEdits: []analysis.TextEdit{{
			Pos:     start,
			End:     end,
			NewText: text.Bytes(),
		}},
	}, true
}

// multilineTag reports whether f holds a raw string of several lines (its
// tag, or a tag of a struct type written in it), whose text re-indenting
// would change.
func multilineTag(f *ast.Field) bool {
	return astx.Any(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		return ok && strings.HasPrefix(lit.Value, "`") && strings.Contains(lit.Value, "\n")
	})
}

// blankBefore reports whether a blank line comes before f (and its doc
// comment) in src: the field begins a group of fields, which it still
// begins where the reorder puts it.
func blankBefore(src []byte, tf *token.File, f *ast.Field) bool {
	end := bytes.LastIndexByte(src[:tf.Offset(fieldStart(f))], '\n')
	if end < 0 {
		return false
	}
	prev := src[bytes.LastIndexByte(src[:end], '\n')+1 : end]
	return len(bytes.TrimSpace(prev)) == 0
}

// fieldStart and fieldEnd bound a field with its doc and line comments.
func fieldStart(f *ast.Field) token.Pos {
	if f.Doc != nil {
		return f.Doc.Pos()
	}
	return f.Pos()
}

func fieldEnd(f *ast.Field) token.Pos {
	if f.Comment != nil {
		return f.Comment.End()
	}
	return f.End()
}
