package poolreset

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/fieldstore"
	"github.com/memlint/memlint/internal/suppress"
	"github.com/memlint/memlint/internal/tables"
)

// A poolKey identifies one pool: a package-level variable (an array of
// pools counts as one), a struct field, or a local variable.
type poolKey struct {
	obj   types.Object // variable or field
	local ssa.Value    // *ssa.Alloc of a local pool
}

// A getSite is where an object leaves a pool: the type assertion on the
// result of Get, or a call of a getter helper.
type getSite struct {
	x      ssa.Value // the object
	pool   poolKey
	getter *ssa.Function // the helper called, if any
	merged ssa.Value     // for a merge with a fresh object, the object got
}

// A putSite is where an object goes back into a pool: a Put call, or a
// call of a putter helper.
type putSite struct {
	x      ssa.Value
	pool   poolKey
	call   ssa.CallInstruction
	putter *putSite  // the Put of the helper called, if any
	arg    ssa.Value // the argument of Put as written (before conversion to any)
}

// checker holds what one package's pool analysis needs.
type checker struct {
	pass       *analysis.Pass
	rep        *suppress.Reporter
	src        *astx.Source
	c          *candidates
	funcs      []*ssa.Function // built, with their closures, in source order
	gets       map[poolKey][]*getSite
	getOf      map[ssa.Value]*getSite
	getters    map[*ssa.Function][]*getSite // helper -> the gets it returns
	puts       []*putSite                   // Put calls and putter helper calls
	putters    map[*ssa.Function]map[int][]*putSite
	mayResets  map[*ast.FuncDecl]bool
	dirtyPools map[poolKey]bool
	// perhapsDirty say why a pool's Gets are only perhaps dirty: see
	// poolDirty.
	perhapsDirty map[poolKey]string
	allGets      map[poolKey][]*getSite // gets, those in getters included
	fields       *fieldstore.Summary
	pins         map[poolKey][]*pin
	model        *cost.Model
	zeros        map[*types.Var]bool             // package variables that hold a zero value
	news         map[types.Object][]*ast.FuncLit // pool -> its New functions, found on first use
}

func newChecker(pass *analysis.Pass, rep *suppress.Reporter, c *candidates, built map[*ast.FuncDecl]*ssa.Function) *checker {
	a := &checker{
		pass:         pass,
		rep:          rep,
		allGets:      make(map[poolKey][]*getSite),
		fields:       fieldstore.New(pass.TypesInfo, pass.Files),
		pins:         make(map[poolKey][]*pin),
		model:        cost.Of(pass),
		zeros:        tables.Zeros(pass),
		src:          astx.NewSource(pass),
		c:            c,
		gets:         make(map[poolKey][]*getSite),
		getOf:        make(map[ssa.Value]*getSite),
		getters:      make(map[*ssa.Function][]*getSite),
		putters:      make(map[*ssa.Function]map[int][]*putSite),
		mayResets:    make(map[*ast.FuncDecl]bool),
		dirtyPools:   make(map[poolKey]bool),
		perhapsDirty: make(map[poolKey]string),
	}
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		a.funcs = append(a.funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, d := range c.decls {
		if fn := built[d]; fn != nil {
			add(fn)
		}
	}
	a.collectPoolCalls()
	a.collectHelperCalls()
	return a
}

// collectPoolCalls finds the Get and Put calls, and the helpers that wrap
// them.
func (a *checker) collectPoolCalls() {
	for _, fn := range a.funcs {
		forEachCall(fn, func(call ssa.CallInstruction) {
			switch a.poolMethod(call.Common()) {
			case "Get":
				v, ok := call.(*ssa.Call)
				if !ok {
					return
				}
				if a.isWrapper(call.Common()) {
					if pool, ok := poolOf(v.Call.Args[0]); ok {
						a.addGet(&getSite{x: v, pool: pool}) // the wrapper returns the object as its type
					}
					return
				}
				a.addGets(v)
			case "Put":
				args := call.Common().Args
				pool, ok := poolOf(args[0])
				if !ok {
					return
				}
				p := &putSite{x: unwrapAny(args[1]), pool: pool, call: call, arg: args[1]}
				a.puts = append(a.puts, p)
				if param, ok := p.x.(*ssa.Parameter); ok && param.Parent() == fn && fn.Parent() == nil {
					a.addPutter(fn, param, p)
				}
			}
		})
	}
	for _, fn := range a.funcs {
		if fn.Parent() == nil {
			a.addGetter(fn)
		}
	}
}

func (a *checker) addGets(get *ssa.Call) {
	pool, ok := poolOf(get.Call.Args[0])
	if !ok {
		return
	}
	for _, ref := range referrers(get) {
		ta, ok := ref.(*ssa.TypeAssert)
		if !ok {
			continue
		}
		var x ssa.Value = ta
		if ta.CommaOk {
			x = nil
			for _, r := range referrers(ta) {
				if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
					x = e
				}
			}
			if x == nil {
				continue
			}
		}
		a.addGet(&getSite{x: x, pool: pool})
		// "x, ok := pool.Get().(*T); if !ok { x = new(T) }": the object
		// used from then on is the merge.
		for _, r := range referrers(x) {
			if phi, ok := r.(*ssa.Phi); ok && slices.ContainsFunc(phi.Edges, isFresh) && !slices.ContainsFunc(phi.Edges, func(e ssa.Value) bool { return e != x && !isFresh(e) }) {
				a.addGet(&getSite{x: phi, pool: pool, merged: x})
			}
		}
	}
}

func (a *checker) addGet(g *getSite) {
	a.gets[g.pool] = append(a.gets[g.pool], g)
	a.allGets[g.pool] = append(a.allGets[g.pool], g)
	a.getOf[g.x] = g
}

// isFresh reports whether v is a newly allocated object: new(T), &T{...},
// make, or the result of a constructor named new... or New....
func isFresh(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Alloc, *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan:
		return true
	case *ssa.MakeInterface:
		return isFresh(v.X)
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		return callee != nil && strings.HasPrefix(strings.ToLower(callee.Name()), "new")
	}
	return false
}

// addGetter records fn as a getter helper if every value it returns is a
// fresh object or an object it got from one pool.
func (a *checker) addGetter(fn *ssa.Function) {
	if fn.Signature.Results().Len() != 1 {
		return
	}
	var returned []*getSite
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		v := ret.Results[0]
		if g := a.getOf[v]; g != nil && (len(returned) == 0 || returned[0].pool == g.pool) {
			returned = append(returned, g)
			continue
		}
		if !isFresh(v) {
			return
		}
	}
	if len(returned) == 0 {
		return
	}
	a.getters[fn] = returned
	// The gets of a getter are checked at its call sites instead.
	pool := returned[0].pool
	a.gets[pool] = slices.DeleteFunc(a.gets[pool], func(g *getSite) bool { return slices.Contains(returned, g) })
}

func (a *checker) addPutter(fn *ssa.Function, param *ssa.Parameter, p *putSite) {
	for i, q := range fn.Params {
		if q == param {
			if a.putters[fn] == nil {
				a.putters[fn] = make(map[int][]*putSite)
			}
			a.putters[fn][i] = append(a.putters[fn][i], p)
		}
	}
}

// collectHelperCalls turns calls of getter and putter helpers into get and
// put sites.
func (a *checker) collectHelperCalls() {
	for _, fn := range a.funcs {
		forEachCall(fn, func(call ssa.CallInstruction) {
			callee := call.Common().StaticCallee()
			if callee == nil {
				return
			}
			if gets := a.getters[callee]; gets != nil {
				if v, ok := call.(*ssa.Call); ok {
					a.addGet(&getSite{x: v, pool: gets[0].pool, getter: callee})
				}
			}
			for _, i := range slices.Sorted(maps.Keys(a.putters[callee])) {
				for _, p := range a.putters[callee][i] {
					arg := call.Common().Args[i]
					a.puts = append(a.puts, &putSite{x: arg, pool: p.pool, call: call, putter: p, arg: arg})
				}
			}
		})
	}
}

func forEachCall(fn *ssa.Function, f func(ssa.CallInstruction)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				f(call)
			}
		}
	}
}

// poolMethod returns "Get" or "Put" if c calls that method of sync.Pool,
// or of a generic pool type of the package.
func (a *checker) poolMethod(c *ssa.CallCommon) string {
	fn := c.StaticCallee()
	if fn == nil {
		return ""
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return ""
	}
	return a.c.poolCall(obj)
}

// isWrapper reports whether c calls a method of a generic pool type, of
// the package or imported.
func (a *checker) isWrapper(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && a.c.wrapperCall(obj) != ""
}

// poolOf identifies the pool that ptr, a *sync.Pool, points to.
func poolOf(ptr ssa.Value) (poolKey, bool) {
	switch v := ptr.(type) {
	case *ssa.Global:
		return poolKey{obj: v.Object()}, v.Object() != nil
	case *ssa.Alloc:
		return poolKey{local: v}, true
	case *ssa.FieldAddr:
		if f := fieldOf(v.X.Type(), v.Field); f != nil {
			return poolKey{obj: f}, true
		}
	case *ssa.IndexAddr:
		return poolOf(v.X)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return poolOf(v.X)
		}
	}
	return poolKey{}, false
}

// fieldOf returns field i of the struct that ptr points to.
func fieldOf(ptr types.Type, i int) *types.Var {
	p, ok := ptr.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// unwrapAny returns the value that was converted to an interface to be
// passed to Put.
func unwrapAny(v ssa.Value) ssa.Value {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return v.X
	case *ssa.ChangeInterface:
		return v.X
	}
	return v
}

// resetPrefixes start the names of methods and functions that plausibly
// reset (or reinitialize) what they are given. Too many only make the pass
// quieter.
var resetPrefixes = []string{"reset", "clear", "init", "reinit", "renew", "reuse", "recycle", "prepare", "setup"}

func isResetName(name string) bool {
	name = strings.ToLower(name)
	return slices.ContainsFunc(resetPrefixes, func(p string) bool { return strings.HasPrefix(name, p) })
}

func isConstZero(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	return c.Value == nil || (c.Value.Kind() == constant.Int && constant.Sign(c.Value) == 0)
}
