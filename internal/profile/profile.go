// Package profile attributes pprof profiles (CPU, and heap or allocs) to
// source lines, so that memlint can tell a finding that costs something in
// a real run from one that could.
//
// A CPU sample counts for a line when the leaf end of its stack is in the
// runtime's allocation and growth code (runtime.growslice, mapassign*
// growing the map, concatstring*, mallocgc, newobject, ...) and the line is
// the first frame outside the runtime: the Go code that appended,
// concatenated or allocated. A heap sample counts for its allocation site,
// which is the first frame of its stack (the heap profile writer hides the
// runtime frames above it).
//
// Lines are matched as profile-guided optimisation matches them: by
// function name and offset from the line that declares the function, so
// that a profile taken on an older revision still applies after edits that
// move the function. Closures, whose compiler-given names (F.func1, F.func2)
// shift when closures are added, are matched by their enclosing function,
// their offset, and the nearest declaration line.
package profile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/google/pprof/profile"
)

// A fileIndex is the attribution of one profile file.
type fileIndex struct {
	kind  kind
	total int64 // the profile's total: CPU time, or bytes allocated

	funcs    map[string]*funcLines   // by symbol name, closures excluded
	closures map[string][]*funcLines // closures, by the name of the function enclosing them

	// packageSamples counts, per package path, the samples (CPU samples,
	// or sampled allocations) taken in the package's own code: what tells
	// whether a line the profile never charged ran cold or was not
	// exercised at all.
	packageSamples map[string]int64
}

type kind int

const (
	cpuProfile kind = iota
	heapProfile
)

// funcLines holds the costs attributed to the lines of one function.
type funcLines struct {
	start int             // the line declaring the function; 0 when the profile does not say
	lines map[int]*charge // by line - start
}

// charge is what a profile attributes to one line.
type charge struct {
	value int64     // CPU profiles: time in allocation and growth; heap profiles: bytes allocated
	inuse int64     // heap profiles: bytes still in use
	by    []viaCost // CPU profiles: value by the runtime function the line called, a few
}

type viaCost struct {
	fn    string
	value int64
}

// add charges value, spent through the runtime function via, to the line.
func (c *charge) add(via string, value int64) {
	for i := range c.by {
		if c.by[i].fn == via {
			c.by[i].value += value
			return
		}
	}
	c.by = append(c.by, viaCost{via, value})
}

// cache holds each profile file parsed once per process, keyed by what
// changes when the file is rewritten.
var cache sync.Map // fileKey -> *cacheEntry

type fileKey struct {
	path  string
	size  int64
	mtime int64
}

type cacheEntry struct {
	key  fileKey
	once sync.Once
	ix   *fileIndex
	err  error
}

// loadFile returns the attribution of the profile in the named file.
func loadFile(path string) (*fileIndex, error) {
	e, _, err := entry(path)
	if err != nil {
		return nil, err
	}
	return e.index(path)
}

// prefetch starts reading the profile in the named file in the
// background, so that a command reads it while it loads the packages to
// analyze; [Load] then waits for it. A file that is small (read in
// milliseconds), missing, or that does not start as a gzip'ed profile
// does, is read now, for its error.
func prefetch(path string) error {
	e, made, err := entry(path)
	if err != nil {
		return err
	}
	if e.key.size < backgroundSize || !startsAsProfile(path) {
		_, err := e.index(path)
		return err
	}
	if made {
		go e.index(path)
	}
	return nil
}

// backgroundSize is the size from which prefetch reads a profile in the
// background: a gzip'ed megabyte takes some 20 milliseconds to read.
const backgroundSize = 1 << 20

// entry returns the cache entry of the named file, and whether this call
// made it.
func entry(path string) (*cacheEntry, bool, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, false, err
	}
	key := fileKey{path, fi.Size(), fi.ModTime().UnixNano()}
	v, loaded := cache.LoadOrStore(key, &cacheEntry{key: key})
	return v.(*cacheEntry), !loaded, nil
}

// index returns the attribution of the profile in the named file, parsing
// it unless another call has, or waiting for the call that is.
func (e *cacheEntry) index(path string) (*fileIndex, error) {
	e.once.Do(func() {
		e.ix, e.err = parseFile(path)
	})
	return e.ix, e.err
}

func parseFile(path string) (*fileIndex, error) {
	data, err := readProfile(path)
	if err != nil {
		return nil, err
	}
	p, err := decode(data)
	if err != nil {
		// Not protobuf: one of the legacy text formats, which pprof's
		// package converts, or not a profile.
		legacy, perr := profile.ParseData(data)
		if perr != nil {
			return nil, fmt.Errorf("profile %s: %v", path, perr)
		}
		var buf bytes.Buffer
		if err := legacy.WriteUncompressed(&buf); err != nil {
			return nil, fmt.Errorf("profile %s: %v", path, err)
		}
		if p, err = decode(buf.Bytes()); err != nil {
			return nil, fmt.Errorf("profile %s: %v", path, err)
		}
	}
	ix, err := index(p)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %v", path, err)
	}
	return ix, nil
}

// readProfile returns the contents of the profile file at path,
// decompressed if gzip'ed. A gzip'ed file is decompressed as it is read,
// into a buffer of the size its trailer gives: reading it whole first
// would put another copy in memory, and growing the buffer by doubling
// would copy it again and again.
func readProfile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(f, 1<<16)
	if magic, _ := r.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		out := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
		_, err := out.ReadFrom(r)
		return out.Bytes(), err
	}
	var size [4]byte // the uncompressed size modulo 2^32
	if _, err := f.ReadAt(size[:], fi.Size()-4); err != nil {
		return nil, fmt.Errorf("profile %s: %v", path, err)
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %v", path, err)
	}
	// Deflate compresses at most 1032 to 1: a larger size is not to be believed.
	n := min(int64(binary.LittleEndian.Uint32(size[:])), 1032*fi.Size())
	out := bytes.NewBuffer(make([]byte, 0, n+bytes.MinRead))
	if _, err := out.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("profile %s: %v", path, err)
	}
	return out.Bytes(), nil
}

// startsAsProfile reports whether the named file is gzip'ed and its
// first kilobytes decompress to the start of a profile.proto message:
// most likely a profile, whose reading can wait. The sample types, which
// say whether it is a CPU or heap profile, are known only at its end.
func startsAsProfile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return false
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(zr, head)
	return n > 0 && profileFields(head[:n])
}

// profileFields reports whether b holds fields of profile.proto's Profile
// message, each of its wire type, the last possibly cut short.
func profileFields(b []byte) bool {
	for len(b) > 0 {
		field, wire, _, _, rest, err := next(b)
		if err == errTruncated {
			return true
		}
		if err != nil || field < 1 || field >= len(profileWire) || profileWire[field] != wire && field != 13 {
			return false
		}
		b = rest
	}
	return true
}

// profileWire is the wire type of each field of the Profile message:
// length-delimited for messages and strings, varints for numbers, and
// either for the repeated numbers of field 13, packed or not.
var profileWire = [...]int{
	1: wireBytes, 2: wireBytes, 3: wireBytes, 4: wireBytes, 5: wireBytes, 6: wireBytes, // sample_type, sample, mapping, location, function, string_table
	7: wireVarint, 8: wireVarint, 9: wireVarint, 10: wireVarint, // drop_frames, keep_frames, time_nanos, duration_nanos
	11: wireBytes, 12: wireVarint, 13: wireVarint, 14: wireVarint, 15: wireVarint, // period_type, period, comment, default_sample_type, doc_url
}

// valueIndexes finds the sample values index uses: CPU time, or bytes
// allocated and in use.
func valueIndexes(sampleTypes []string) (k kind, value, inuse int, err error) {
	find := func(typ string) int {
		for i, t := range sampleTypes {
			if t == typ {
				return i
			}
		}
		return -1
	}
	if i := find("cpu"); i >= 0 {
		return cpuProfile, i, -1, nil
	}
	if i := find("alloc_space"); i >= 0 {
		return heapProfile, i, find("inuse_space"), nil
	}
	return 0, 0, 0, fmt.Errorf("not a CPU or heap profile (sample types %s)", strings.Join(sampleTypes, ", "))
}
