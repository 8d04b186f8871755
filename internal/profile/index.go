package profile

import (
	"encoding/binary"
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

// A location holds what a sample's stack needs of one of its locations to
// find the sample's own frame (see [indexer.readSample]).
type location struct {
	id uint64
	// site is the first frame outside the runtime, the location's
	// innermost; its fn is nil when all frames are the runtime's.
	site frame
	// via is the runtime function the location calls site through (or,
	// without a site, its outermost runtime function): nil if none.
	via     *funcInfo
	grows   bool    // whether a runtime frame before site allocates or grows
	charge  *charge // site's, once a sample charged it
	samples int64   // the value of the samples whose own frame is site
}

func index(p *rawProfile) (*fileIndex, error) {
	k, vi, ii, err := valueIndexes(p.sampleTypes)
	if err != nil {
		return nil, err
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
	x := &indexer{locs: make([]location, len(p.locs))}
	for i, b := range p.locs {
		if x.locs[i], err = summarize(b, funcs); err != nil {
			return nil, err
		}
	}
	for b := range p.samples {
		site, via, grows, err := x.readSample(b)
		if err != nil {
			return nil, err
		}
		if len(x.values) != len(p.sampleTypes) {
			return nil, fmt.Errorf("a sample with %d values for %d sample types", len(x.values), len(p.sampleTypes))
		}
		v := x.values[vi]
		ix.total += v
		if site == nil {
			continue
		}
		site.samples += v
		if !grows && k == cpuProfile { // heap samples are all allocations
			continue
		}
		if site.charge == nil {
			site.charge = ix.costAt(site.site)
		}
		c := site.charge
		c.value += v
		if ii >= 0 {
			c.inuse += x.values[ii]
		}
		if k == cpuProfile {
			c.add(via.name, v)
		}
	}
	for _, l := range x.locs {
		if l.samples != 0 {
			ix.packageSamples[l.site.fn.pkg] += l.samples
		}
	}
	if p.period > 0 {
		for pkg, v := range ix.packageSamples {
			ix.packageSamples[pkg] = v / p.period
		}
	}
	return ix, nil
}

// summarize returns what the location encoded in b contributes to the
// stacks it is in. Its lines, innermost first, are read up to the first
// outside the runtime; lines of functions the profile does not list are
// skipped.
func summarize(b []byte, funcs map[uint64]*funcInfo) (location, error) {
	var l location
	err := fields(b, func(f, _ int, v uint64, line []byte) error {
		switch {
		case f == 1:
			l.id = v
		case f == 4 && l.site.fn == nil:
			var funcID uint64
			var n int64
			err := fields(line, func(f, _ int, v uint64, _ []byte) error {
				switch f {
				case 1:
					funcID = v
				case 2:
					n = int64(v)
				}
				return nil
			})
			switch fn := funcs[funcID]; {
			case fn == nil:
			case !fn.runtime:
				l.site = frame{fn, int(n)}
			default:
				l.grows = l.grows || fn.grows
				l.via = fn
			}
			return err
		}
		return nil
	})
	return l, err
}

// An indexer reads the samples of a profile.
type indexer struct {
	locs   []location
	byID   map[uint64]*location // made when IDs are not the indexes + 1 that Go writes
	values []int64              // of the sample last read
}

// readSample reads the encoded sample b: its values, and its own frame,
// the first frame of its stack outside the runtime: the Go code whose own
// work, or work it asked of the runtime, the sample measured. It also
// says whether that work was allocation or growth, and the runtime
// function called for it. Only the leaf end of the stack, up to that
// frame, is decoded.
func (x *indexer) readSample(b []byte) (site *location, via *funcInfo, grows bool, err error) {
	x.values = x.values[:0]
	visit := func(id uint64) error {
		l, err := x.location(id)
		if err != nil {
			return err
		}
		if l.via != nil {
			via = l.via
		}
		grows = grows || l.grows
		if l.site.fn != nil {
			site = l
		}
		return nil
	}
	for len(b) > 0 {
		field, wire, v, data, rest, err := next(b)
		if err != nil {
			return nil, nil, false, err
		}
		b = rest
		switch {
		case field == 1 && site == nil: // location_id, leaf first
			if wire != wireBytes {
				if err := visit(v); err != nil {
					return nil, nil, false, err
				}
				continue
			}
			for len(data) > 0 && site == nil {
				id, n := binary.Uvarint(data)
				if n <= 0 {
					return nil, nil, false, errTruncated
				}
				data = data[n:]
				if err := visit(id); err != nil {
					return nil, nil, false, err
				}
			}
		case field == 2: // value
			if wire != wireBytes {
				x.values = append(x.values, int64(v))
				continue
			}
			for len(data) > 0 {
				v, n := binary.Uvarint(data)
				if n <= 0 {
					return nil, nil, false, errTruncated
				}
				data = data[n:]
				x.values = append(x.values, int64(v))
			}
		}
	}
	return site, via, grows, nil
}

// location returns the location with the given ID.
func (x *indexer) location(id uint64) (*location, error) {
	// Go writes IDs 1, 2, 3, ... in order: no lookup needed.
	if id >= 1 && id <= uint64(len(x.locs)) && x.locs[id-1].id == id {
		return &x.locs[id-1], nil
	}
	if x.byID == nil {
		x.byID = make(map[uint64]*location, len(x.locs))
		for i := range x.locs {
			x.byID[x.locs[i].id] = &x.locs[i]
		}
	}
	l := x.byID[id]
	if l == nil {
		return nil, fmt.Errorf("sample with unknown location %d", id)
	}
	return l, nil
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
