package profile

import (
	"regexp"
	"strings"

	"github.com/google/pprof/profile"
)

// A frame is one function and line of a stack; a location holds several
// when calls were inlined into it.
type frame struct {
	fn   *funcInfo
	line int
}

// funcInfo is what index needs to know of a profile's function, computed
// once per function rather than once per sample.
type funcInfo struct {
	name    string
	start   int
	runtime bool   // part of the runtime, where costs are charged to the caller
	grows   bool   // allocates, or grows a slice, map or string
	pkg     string // import path
	outer   string
	closure bool
}

func index(p *profile.Profile) (*fileIndex, error) {
	k, vi, ii, err := valueIndexes(p)
	if err != nil {
		return nil, err
	}
	ix := &fileIndex{
		kind:           k,
		funcs:          make(map[string]*funcLines),
		closures:       make(map[string][]*funcLines),
		packageSamples: make(map[string]int64),
	}
	funcs := make(map[*profile.Function]*funcInfo, len(p.Function))
	for _, fn := range p.Function {
		funcs[fn] = describe(fn)
	}
	// Each location's frames, leaf first, in a slice indexed by the
	// location's ID, which are renumbered densely for it: a map lookup per
	// location of every sample would dominate the time of a large profile.
	frames := make([][]frame, len(p.Location)+1)
	for i, loc := range p.Location {
		loc.ID = uint64(i + 1)
		for _, l := range loc.Line {
			if l.Function != nil {
				frames[loc.ID] = append(frames[loc.ID], frame{funcs[l.Function], int(l.Line)})
			}
		}
	}
	for _, s := range p.Sample {
		v := s.Value[vi]
		var inuse int64
		if ii >= 0 {
			inuse = s.Value[ii]
		}
		ix.total += v
		ix.inuse += inuse
		site, via, grows, ok := ownFrame(s.Location, frames)
		if !ok {
			continue
		}
		ix.packageSamples[site.fn.pkg] += v
		if !grows && k == cpuProfile { // heap samples are all allocations
			continue
		}
		c := ix.costAt(site)
		c.value += v
		c.inuse += inuse
		if k == cpuProfile {
			if c.by == nil {
				c.by = make(map[string]int64)
			}
			c.by[via] += v
		}
	}
	if p.Period > 0 {
		for pkg, v := range ix.packageSamples {
			ix.packageSamples[pkg] = v / p.Period
		}
	}
	return ix, nil
}

// ownFrame returns the first frame of a stack outside the runtime: the Go
// code whose own work, or work it asked of the runtime, the sample
// measured. It also says whether that work was allocation or growth, and
// the runtime function called for it.
func ownFrame(stack []*profile.Location, frames [][]frame) (site frame, via string, grows, ok bool) {
	for _, loc := range stack {
		for _, f := range frames[loc.ID] {
			if !f.fn.runtime {
				return f, via, grows, true
			}
			grows = grows || f.fn.grows
			via = f.fn.name
		}
	}
	return frame{}, "", false, false
}

func (ix *fileIndex) costAt(f frame) *charge {
	var fl *funcLines
	if f.fn.closure {
		for _, c := range ix.closures[f.fn.outer] {
			if c.start == f.fn.start {
				fl = c
				break
			}
		}
		if fl == nil {
			fl = &funcLines{start: f.fn.start, lines: make(map[int]*charge)}
			ix.closures[f.fn.outer] = append(ix.closures[f.fn.outer], fl)
		}
	} else {
		fl = ix.funcs[f.fn.name]
		if fl == nil {
			fl = &funcLines{start: f.fn.start, lines: make(map[int]*charge)}
			ix.funcs[f.fn.name] = fl
		}
	}
	off := f.line - fl.start
	c := fl.lines[off]
	if c == nil {
		c = new(charge)
		fl.lines[off] = c
	}
	return c
}

// closureName matches the names the compiler gives closures and the
// wrappers of go and defer statements: F.func1, F.func1.2, F.gowrap1.
var closureName = regexp.MustCompile(`\.(func|gowrap|deferwrap)[0-9]+(\.[0-9]+)*$`)

func describe(fn *profile.Function) *funcInfo {
	info := &funcInfo{name: fn.Name, start: int(fn.StartLine), runtime: isRuntime(fn.Name), grows: grows(fn.Name), pkg: packagePath(fn.Name)}
	if loc := closureName.FindStringIndex(fn.Name); loc != nil {
		// Nested closures: the outermost named function.
		outer := fn.Name[:loc[0]]
		for {
			l := closureName.FindStringIndex(outer)
			if l == nil {
				break
			}
			outer = outer[:l[0]]
		}
		if strings.Contains(outer[strings.LastIndex(outer, "/")+1:], ".") {
			info.outer, info.closure = outer, true
		}
	}
	return info
}

// isRuntime reports whether the function named is the runtime's, to
// whose caller a cost is charged: runtime and internal/runtime packages,
// and the assembly routines that have no package (aeshashbody).
func isRuntime(name string) bool {
	return strings.HasPrefix(name, "runtime.") || strings.HasPrefix(name, "internal/runtime/") || !strings.Contains(name, ".")
}

// growthFuncs are the runtime functions in which the costs memlint's
// findings are about are spent: allocating, and the copying that growing
// a slice, a map or a string by concatenation does.
var growthFuncs = []string{
	"runtime.mallocgc", // and mallocgcSmallNoscan, mallocgcLarge, ...
	"runtime.newobject",
	"runtime.newarray",
	"runtime.growslice",
	"runtime.concatstring", // concatstrings, concatstring2, ...
	"runtime.hashGrow",     // the maps before Go 1.24
	"runtime.growWork",
	"internal/runtime/maps.(*table).grow",
	"internal/runtime/maps.(*table).rehash",
	"internal/runtime/maps.(*table).split",
	"internal/runtime/maps.(*Map).growToSmall",
	"internal/runtime/maps.(*Map).growToTable",
}

func grows(name string) bool {
	for _, g := range growthFuncs {
		if strings.HasPrefix(name, g) {
			return true
		}
	}
	return false
}

// packagePath returns the import path of the package of the function
// named, as the runtime spells symbols: "example.com/p.(*T).M" is in
// example.com/p, and functions of package main are "main.F".
func packagePath(name string) string {
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return ""
	}
	return name[:slash+1+dot]
}
