// Package lazyinspect gives memlint's passes one syntax inspector per
// package, built only when a pass first asks for it.
//
// The driver runs an analyzer's requirements on every package before the
// analyzer itself, and builds inspect.Analyzer's inspector (a tenth of
// memlint's time on std) even for packages the passes then skip whole: test
// variants, external test packages, generated code. Asking for it lazily
// builds it only for the packages a pass analyzes.
package lazyinspect

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer provides the lazily built inspector of a package; passes get it
// with [Of].
var Analyzer = &analysis.Analyzer{
	Name:             "memlintinspect",
	Doc:              "build a package's syntax inspector when one of memlint's passes first asks for it",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[func() *inspector.Inspector](),
}

func run(pass *analysis.Pass) (any, error) {
	files := pass.Files
	return sync.OnceValue(func() *inspector.Inspector { return inspector.New(files) }), nil
}

// Of returns the inspector of pass's package; pass's analyzer must require
// [Analyzer]. Passes analyzing one package concurrently share it.
func Of(pass *analysis.Pass) *inspector.Inspector {
	return pass.ResultOf[Analyzer].(func() *inspector.Inspector)()
}
