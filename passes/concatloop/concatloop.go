package concatloop

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/lazyinspect"
	"github.com/memlint/memlint/internal/passdoc"
	"github.com/memlint/memlint/internal/suppress"
)

func init() {
	// Strings that are struct fields or package variables are off by
	// default: their fix is never safe to apply blind, and maintainers
	// declined every such finding in the code we read.
	Analyzer.Flags.Bool("nonlocal", false, "also report strings that are struct fields or package variables (never fixed)")
	suppress.Register(Analyzer)
}

//go:embed doc.go
var docFile string

// Analyzer reports strings built by concatenation across loop iterations.
var Analyzer = &analysis.Analyzer{
	Name:     "concatloop",
	Doc:      passdoc.Extract(docFile, "concatloop"),
	URL:      "https://pkg.go.dev/github.com/memlint/memlint/passes/concatloop",
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, suppress.Analyzer, cost.Analyzer},
	Run:      run,
	// suppress drops findings in packages with type errors; running anyway
	// lets the driver report those errors once instead of once per pass.
	RunDespiteErrors: true,
}

// A target is the string that accumulates: a variable, or a field path
// rooted at one (obj.f.g), compared by objects rather than by text.
type target struct {
	obj  *types.Var
	path string // ".f.g" for a field path, "" for the variable itself
}

// An accumulation is one statement s += x or s = s + x + ..., with the
// operands it appends, in order.
type accumulation struct {
	cur      inspector.Cursor // of stmt; zero when not needed
	stmt     *ast.AssignStmt
	target   target
	operands []ast.Expr
}

// A group is one loop and the accumulations of one string across its
// iterations: the unit of a diagnostic.
type group struct {
	loop   inspector.Cursor // *ast.ForStmt or *ast.RangeStmt
	fn     inspector.Cursor // innermost *ast.FuncDecl or *ast.FuncLit
	target target
	accums []*accumulation
	// others is set when another string also accumulates in the loop.
	others bool
}

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	insp  *inspector.Inspector
	rep   *suppress.Reporter
	src   *astx.Source
	names map[ast.Node]map[string]bool // identifiers of a top-level function, plus builders already chosen
	model *cost.Model
}

func run(pass *analysis.Pass) (any, error) {
	rep := suppress.NewReporter(pass)
	if rep.SkipsPackage() {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		info:  pass.TypesInfo,
		insp:  lazyinspect.Of(pass),
		rep:   rep,
		src:   astx.NewSource(pass),
		names: make(map[ast.Node]map[string]bool),
		model: cost.Of(pass),
	}
	for fileCur := range c.insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if c.rep.Skips(file) {
			continue
		}
		for _, g := range c.groups(fileCur) {
			c.check(file, g)
		}
	}
	return nil, nil
}

// isLocal reports whether the string is a variable (or parameter or
// result) of the loop's function, or the last element of a slice that is
// one, which only that function can read.
func (c *checker) isLocal(g *group) bool {
	return (g.target.path == "" || g.target.path == lastElem) && astx.Contains(g.fn.Node(), g.target.obj.Pos())
}

// short returns the source of e, elided when it is too long for a message.
func (c *checker) short(e ast.Expr) string {
	s := c.src.Text(e)
	if len(s) > 40 || strings.Contains(s, "\n") {
		return "…"
	}
	return s
}

// underlying returns the underlying type of e, or nil if it has no type
// (the package has errors).
func (c *checker) underlying(e ast.Expr) types.Type {
	if t := c.info.TypeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}
