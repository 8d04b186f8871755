package cost_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/fixture"
)

// showFrequency reports what the model says of each function declared
// outside test files.
var showFrequency = &analysis.Analyzer{
	Name:     "showfrequency",
	Doc:      "report each function's frequency",
	Requires: []*analysis.Analyzer{cost.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := cost.Of(pass)
		for _, f := range pass.Files {
			if name := pass.Fset.File(f.Pos()).Name(); strings.HasSuffix(name, "_test.go") || !strings.Contains(filepath.ToSlash(name), "/testdata/") {
				continue // tests and the generated test main
			}
			for _, decl := range f.Decls {
				if fd, ok := decl.(*ast.FuncDecl); ok {
					fr := m.Func(pass, fd)
					pass.Reportf(fd.Name.Pos(), "%s: %s", levelName[fr.Level], fr.Reason)
				}
			}
		}
		return nil, nil
	},
}

var levelName = map[cost.Level]string{cost.Cold: "cold", cost.Unknown: "unknown", cost.Hot: "hot"}

func TestFrequency(t *testing.T) {
	analysistest.Run(t, fixture.Dir(t), showFrequency, "cost/freq", "cost/command", "cost/hack/gen", "cost/msgpx/gen", "cost/pipeline", "cost/tools/strutil", "cost/oldpkg", "cost/cmd/protoc-gen-x/internal_gen", "cost/cmd/server/handlers", "cost/migrate", "cost/cliaction", "cost/corefile", "cost/injected", "cost/plugins/scaffolds", "cost/mage/endpoints", "cost/testsupport", "cost/matchers", "cost/testingmode", "cost/internal/release", "cost/errtypes", "cost/internal/third_party/k8s/deployutil", "cost/tool/cli", "cost/tool/zmscli", "cost/vcenter/simulator", "cost/storage/memory", "cost/storage/btree", "cost/vcenter/mockingbird", "cost/vcenter/config", "cost/vcenter/configurator", "cost/docs", "cost/registry", "cost/subcmd", "cost/tablegen", "cost/headercheck", "cost/argparse", "cost/reexec", "cost/settables")
}

// TestGeneratorPlugin runs on a module: a package that imports the
// module's own code generator is part of it, one that imports the code a
// generator wrote is not.
func TestGeneratorPlugin(t *testing.T) {
	analysistest.Run(t, filepath.Join(fixture.Dir(t), "modules", "genmod"), showFrequency, "./plugin/fieldset", "./server")
}
