package profile

import (
	"fmt"
	"regexp"
	"strings"
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
	pkg     string // import path
	outer   string
	runtime bool // part of the runtime, where costs are charged to the caller
	grows   bool // allocates, or grows a slice, map or string
	closure bool
}

func index(p *rawProfile) (*fileIndex, error) {
	k, vi, ii, err := valueIndexes(p.sampleTypes)
	if err != nil {
		return nil, err
	}
	nv := len(p.sampleTypes)
	samples := max(len(p.sampleStart)-1, 0)
	if len(p.values) != samples*nv {
		return nil, fmt.Errorf("%d values for %d samples of %d types", len(p.values), samples, nv)
	}
	ix := &fileIndex{
		kind:           k,
		funcs:          make(map[string]*funcLines),
		closures:       make(map[string][]*funcLines),
		packageSamples: make(map[string]int64),
	}
	funcs := make(map[uint64]*funcInfo, len(p.funcs))
	for _, fn := range p.funcs {
		funcs[fn.id] = describe(fn.name, int(fn.start))
	}
	// Each location's frames, leaf first.
	frames := make([][]frame, len(p.locs))
	for i, loc := range p.locs {
		for _, l := range p.lines[loc.lineStart:loc.lineEnd] {
			if fn := funcs[l.funcID]; fn != nil {
				frames[i] = append(frames[i], frame{fn, int(l.line)})
			}
		}
	}
	if err := p.denseLocations(); err != nil {
		return nil, err
	}
	for s := range samples {
		v := p.values[s*nv+vi]
		var inuse int64
		if ii >= 0 {
			inuse = p.values[s*nv+ii]
		}
		ix.total += v
		site, via, grows, ok := ownFrame(p.sampleLocs[p.sampleStart[s]:p.sampleStart[s+1]], frames)
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
	if p.period > 0 {
		for pkg, v := range ix.packageSamples {
			ix.packageSamples[pkg] = v / p.period
		}
	}
	return ix, nil
}

// denseLocations replaces the location IDs of the samples by the
// locations' indexes in p.locs, so that a sample's frames are found
// without a map lookup per location: what would dominate the time of a
// large profile.
func (p *rawProfile) denseLocations() error {
	index := make(map[uint64]int, len(p.locs))
	for i, loc := range p.locs {
		index[loc.id] = i
	}
	for i, id := range p.sampleLocs {
		// Go writes IDs 1, 2, 3, ... in order: no lookup needed.
		if id >= 1 && id <= uint64(len(p.locs)) && p.locs[id-1].id == id {
			p.sampleLocs[i] = id - 1
			continue
		}
		j, ok := index[id]
		if !ok {
			return fmt.Errorf("sample with unknown location %d", id)
		}
		p.sampleLocs[i] = uint64(j)
	}
	return nil
}

// ownFrame returns the first frame of a stack outside the runtime: the Go
// code whose own work, or work it asked of the runtime, the sample
// measured. It also says whether that work was allocation or growth, and
// the runtime function called for it.
func ownFrame(stack []uint64, frames [][]frame) (site frame, via string, grows, ok bool) {
	for _, loc := range stack {
		for _, f := range frames[loc] {
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

func describe(name string, start int) *funcInfo {
	info := &funcInfo{name: name, start: start, runtime: isRuntime(name), grows: grows(name), pkg: packagePath(name)}
	if loc := closureName.FindStringIndex(name); loc != nil {
		// Nested closures: the outermost named function.
		outer := name[:loc[0]]
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
