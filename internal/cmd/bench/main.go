// Command bench compares memlint's wall time and peak memory on a set of
// packages (the standard library by default) with those of the same driver
// running a no-op analyzer, which is the cost of loading and type-checking
// alone. It builds both commands, warms the build cache with one run of
// each, then alternates timed runs and prints medians and ratios.
//
// Usage (from the repository root; make bench runs it):
//
//	go run ./internal/cmd/bench [-n runs] [-strict] [packages]
//
// With -strict, memlint reports every tier, as memlint -strict does.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

type sample struct {
	wall  time.Duration
	maxKB int64
}

func main() {
	runs := flag.Int("n", 3, "timed runs of each command")
	strict := flag.Bool("strict", false, "run memlint with -strict (every tier)")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"std"}
	}
	log.SetFlags(0)

	dir, err := os.MkdirTemp("", "memlint-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	memlint := build(dir, "memlint", "./cmd/memlint")
	noop := build(dir, "noopcheck", "./internal/cmd/noopcheck")

	samples := map[string][]sample{}
	for i := -1; i < *runs; i++ { // run -1 warms the caches and is not counted
		for _, bin := range []string{noop, memlint} {
			args := patterns
			if bin == memlint && *strict {
				args = append([]string{"-strict"}, patterns...)
			}
			s := measure(bin, args)
			if i >= 0 {
				samples[bin] = append(samples[bin], s)
			}
		}
	}

	base, ml := median(samples[noop]), median(samples[memlint])
	fmt.Printf("packages: %v, %d runs each, medians, memlint -strict=%t\n", patterns, *runs, *strict)
	fmt.Printf("%-10s %10s %12s\n", "driver", "wall", "peak RSS")
	fmt.Printf("%-10s %10s %9d MiB\n", "no-op", base.wall.Round(10*time.Millisecond), base.maxKB>>10)
	fmt.Printf("%-10s %10s %9d MiB\n", "memlint", ml.wall.Round(10*time.Millisecond), ml.maxKB>>10)
	fmt.Printf("ratio: wall %.2fx (target <= 1.30x), peak RSS %.2fx (target <= 1.50x)\n",
		float64(ml.wall)/float64(base.wall), float64(ml.maxKB)/float64(base.maxKB))
}

func build(dir, name, pkg string) string {
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("building %s: %v", pkg, err)
	}
	return out
}

// measure runs bin once; findings (exit 3) are expected, failures are not.
func measure(bin string, patterns []string) sample {
	cmd := exec.Command(bin, patterns...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if exit, ok := err.(*exec.ExitError); err != nil && !(ok && exit.ExitCode() == 3) {
		log.Fatalf("%s %v: %v", filepath.Base(bin), patterns, err)
	}
	return sample{wall: wall, maxKB: cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss}
}

func median(s []sample) sample {
	walls := make([]time.Duration, len(s))
	kbs := make([]int64, len(s))
	for i, x := range s {
		walls[i], kbs[i] = x.wall, x.maxKB
	}
	slices.Sort(walls)
	slices.Sort(kbs)
	return sample{wall: walls[len(s)/2], maxKB: kbs[len(s)/2]}
}
