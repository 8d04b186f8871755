package profile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// An Index is the attribution of one or more profiles.
type Index struct {
	files []*fileIndex
}

// Load reads the profiles in the named files. Each file is parsed once
// per process, however many passes and packages ask for it.
func Load(paths []string) (*Index, error) {
	ix := new(Index)
	for _, path := range paths {
		f, err := loadFile(path)
		if err != nil {
			return nil, err
		}
		ix.files = append(ix.files, f)
	}
	return ix, nil
}

// A Site is a source line whose cost a finding includes.
type Site struct {
	// Func is the symbol of the named function that contains the line, as
	// the runtime spells it: "example.com/p.(*T).M", "main.main".
	Func string
	// Closure says whether the line is in a function literal in Func.
	Closure bool
	// Start is the line that declares the function (or literal) that
	// immediately contains the line.
	Start int
	Line  int
}

// minPackageSamples is how many samples of a package a profile must have
// before a line of it that the profile never charged counts as cold rather
// than unexercised: with 100 samples, code costing a few percent of the
// package would very likely have been sampled.
const minPackageSamples = 100

// A Measure is what the profiles say a finding costs.
type Measure struct {
	CPU, CPUTotal     int64  // nanoseconds spent in allocation and growth on the finding's lines, and in all
	CPUVia            string // the runtime function most of CPU was spent through
	Alloc, AllocTotal int64  // bytes allocated on the finding's lines, and in all
	InUse             int64  // bytes allocated on the finding's lines still in use when the profile was taken

	// Known says whether some profile has enough samples in the finding's
	// package for a line it never charged to count as cold.
	Known bool
}

// Measure adds up the costs the profiles charge to sites, which are lines
// of the package with import path pkg ("main" for commands, as symbols
// spell it).
func (ix *Index) Measure(pkg string, sites []Site) Measure {
	var m Measure
	via := make(map[string]int64)
	for _, f := range ix.files {
		if f.packageSamples[pkg] >= minPackageSamples {
			m.Known = true
		}
		switch f.kind {
		case cpuProfile:
			m.CPUTotal += f.total
		case heapProfile:
			m.AllocTotal += f.total
		}
		counted := make(map[*charge]bool)
		for _, s := range sites {
			c := f.lookup(s)
			if c == nil || counted[c] {
				continue
			}
			counted[c] = true
			switch f.kind {
			case cpuProfile:
				m.CPU += c.value
				for _, b := range c.by {
					via[b.fn] += b.value
				}
			case heapProfile:
				m.Alloc += c.value
				m.InUse += c.inuse
			}
		}
	}
	for fn, v := range via {
		if v > via[m.CPUVia] || v == via[m.CPUVia] && fn < m.CPUVia {
			m.CPUVia = fn
		}
	}
	return m
}

// lookup returns the cost the profile charges to the site's line, or nil.
func (f *fileIndex) lookup(s Site) *charge {
	var fl *funcLines
	if s.Closure {
		// The closure of Func declared nearest to the site's closure.
		for _, c := range f.closures[s.Func] {
			if fl == nil || abs(c.start-s.Start) < abs(fl.start-s.Start) {
				fl = c
			}
		}
	} else {
		fl = f.funcs[s.Func]
	}
	if fl == nil {
		return nil
	}
	if fl.start == 0 { // the profile predates start lines: absolute lines
		return fl.lines[s.Line]
	}
	return fl.lines[s.Line-s.Start]
}

func abs(x int) int { return max(x, -x) }

// Share is the largest share of a profile's total (CPU time, or bytes
// allocated) the finding accounts for, from 0 to 1.
func (m Measure) Share() float64 {
	return max(ratio(m.CPU, m.CPUTotal), ratio(m.Alloc, m.AllocTotal))
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Seen says whether the profiles charge anything to the finding.
func (m Measure) Seen() bool { return m.CPU > 0 || m.Alloc > 0 }

// String describes the measure for a finding's message, e.g.
// "in the profile: 1.2 GiB allocated here (41% of all allocation), 3.4% of CPU in runtime.growslice".
// Its shares are what [Rank] reads back.
func (m Measure) String() string {
	var parts []string
	if m.Alloc > 0 {
		s := fmt.Sprintf("%s allocated here (%s of all allocation", byteSize(m.Alloc), percent(ratio(m.Alloc, m.AllocTotal)))
		if m.InUse > 0 {
			s += fmt.Sprintf("; %s of it in use when the profile was taken", byteSize(m.InUse))
		}
		parts = append(parts, s+")")
	}
	if m.CPU > 0 {
		parts = append(parts, fmt.Sprintf("%s of CPU in %s", percent(ratio(m.CPU, m.CPUTotal)), m.CPUVia))
	}
	if len(parts) == 0 {
		return "not seen in the profile"
	}
	return "in the profile: " + strings.Join(parts, ", ")
}

func percent(r float64) string {
	p := 100 * r
	switch {
	case p >= 10:
		return fmt.Sprintf("%.0f%%", p)
	case p >= 1:
		return fmt.Sprintf("%.1f%%", p)
	default:
		return fmt.Sprintf("%.2f%%", p)
	}
}

func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, suffix := float64(n), ""
	for _, s := range []string{"KiB", "MiB", "GiB", "TiB"} {
		v /= unit
		suffix = s
		if v < unit {
			break
		}
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}

var shareIn = regexp.MustCompile(`([0-9.]+)% of (all allocation|CPU)`)

// Rank returns the share of a profile that a finding's message, as the
// memlint passes report it with a profile, says the finding accounts for
// (0 when it says none), so that drivers can order findings by measured
// cost without re-attributing them.
func Rank(message string) float64 {
	_, clause, ok := strings.Cut(message, "in the profile: ")
	if !ok {
		return 0
	}
	var best float64
	for _, m := range shareIn.FindAllStringSubmatch(clause, -1) {
		if p, err := strconv.ParseFloat(m[1], 64); err == nil {
			best = max(best, p/100)
		}
	}
	return best
}
