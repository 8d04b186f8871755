package profile

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// BenchmarkLoad50MB measures reading and attributing a 50 MB CPU profile,
// which the issue requires to add under a second to a run.
func BenchmarkLoad50MB(b *testing.B) {
	// Writing the profile takes a minute: it is kept between runs.
	path := filepath.Join(os.TempDir(), "memlint-profile-bench-50MB-v1.pprof")
	fi, err := os.Stat(path)
	if err != nil {
		cpu := &profile.Profile{
			SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
			PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
			Period:     10_000_000,
		}
		writeBigProfile(b, path+".tmp", 50<<20, cpu, []int64{1, 10_000_000})
		if err := os.Rename(path+".tmp", path); err != nil {
			b.Fatal(err)
		}
		if fi, err = os.Stat(path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fi.Size())/(1<<20), "MB")
	// CPU time, besides the wall time b reports: on a machine shared with
	// other work, it is what the reading costs.
	start := cpuTime(b)
	for b.Loop() {
		if _, err := parseFile(path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writeBigProfile writes p, a profile with its sample types and no
// samples, as one of at least size bytes (gzip'ed) with the shape of a
// large service's: thousands of functions in hundreds of packages, stacks
// 10 to 40 deep, a tenth of them in allocation, each sample of values.
func writeBigProfile(tb testing.TB, path string, size int64, p *profile.Profile, values []int64) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		name := fmt.Sprintf("example.com/svc/pkg%d.Func%d", i%300, i)
		if i < 20 {
			name = growthFuncs[i%len(growthFuncs)]
		}
		p.Function = append(p.Function, &profile.Function{ID: uint64(i + 1), Name: name, Filename: fmt.Sprintf("/src/pkg%d/f.go", i%300), StartLine: int64(r.IntN(5000))})
	}
	for i := range 200000 {
		fn := p.Function[r.IntN(len(p.Function))]
		p.Location = append(p.Location, &profile.Location{ID: uint64(i + 1), Address: uint64(0x400000 + 16*i), Line: []profile.Line{{Function: fn, Line: fn.StartLine + int64(r.IntN(80))}}})
	}
	runtimeLocs := p.Location[:0:0]
	for _, l := range p.Location {
		if isRuntime(l.Line[0].Function.Name) {
			runtimeLocs = append(runtimeLocs, l)
		}
	}
	for {
		for range 50000 {
			depth := 10 + r.IntN(30)
			s := &profile.Sample{Value: values}
			if r.IntN(10) == 0 {
				s.Location = append(s.Location, runtimeLocs[r.IntN(len(runtimeLocs))])
			}
			for range depth {
				s.Location = append(s.Location, p.Location[r.IntN(len(p.Location))])
			}
			p.Sample = append(p.Sample, s)
		}
		f, err := os.Create(path)
		if err != nil {
			tb.Fatal(err)
		}
		if err := p.Write(f); err != nil {
			tb.Fatal(err)
		}
		fi, err := f.Stat()
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		if fi.Size() >= size {
			return
		}
	}
}
