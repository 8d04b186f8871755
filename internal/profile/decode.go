package profile

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// decode reads the fields of a pprof profile (profile.proto, uncompressed)
// that attribution needs, into flat slices. It does what
// github.com/google/pprof/profile's parser does for these fields without
// an object per sample and a map per reference: on a profile of 50 MB
// that parser takes most of the time reading it.
func decode(data []byte) (*rawProfile, error) {
	p := new(rawProfile)
	if err := p.reserve(data); err != nil {
		return nil, err
	}
	var sampleTypes [][2]int64 // string indexes of type and unit
	var funcs []rawFunc        // names are string indexes until the table is read
	err := fields(data, func(field int, wire int, v uint64, b []byte) error {
		switch field {
		case 1: // sample_type
			var st [2]int64
			err := fields(b, func(f, _ int, v uint64, _ []byte) error {
				if f == 1 || f == 2 {
					st[f-1] = int64(v)
				}
				return nil
			})
			sampleTypes = append(sampleTypes, st)
			return err
		case 2: // sample
			return p.decodeSample(b)
		case 4: // location
			return p.decodeLocation(b)
		case 5: // function
			var fn rawFunc
			err := fields(b, func(f, _ int, v uint64, _ []byte) error {
				switch f {
				case 1:
					fn.id = v
				case 2:
					fn.nameIndex = int64(v)
				case 5:
					fn.start = int64(v)
				}
				return nil
			})
			funcs = append(funcs, fn)
			return err
		case 6: // string_table
			p.strings = append(p.strings, string(b))
		case 12: // period
			p.period = int64(v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	str := func(i int64) (string, error) {
		if i < 0 || i >= int64(len(p.strings)) {
			return "", fmt.Errorf("string index %d out of range", i)
		}
		return p.strings[i], nil
	}
	for _, st := range sampleTypes {
		s, err := str(st[0])
		if err != nil {
			return nil, err
		}
		p.sampleTypes = append(p.sampleTypes, s)
	}
	for i := range funcs {
		if funcs[i].name, err = str(funcs[i].nameIndex); err != nil {
			return nil, err
		}
	}
	p.funcs = funcs
	return p, nil
}

// A rawProfile is the part of a profile attribution reads.
type rawProfile struct {
	sampleTypes []string
	period      int64
	strings     []string
	funcs       []rawFunc
	locs        []rawLoc
	lines       []rawLine // of all locations, in order

	// Samples, flattened: sample i has the location IDs
	// sampleLocs[sampleStart[i]:sampleStart[i+1]] (leaf first) and the
	// values values[i*len(sampleTypes):].
	sampleStart []int
	sampleLocs  []uint64
	values      []int64
}

type rawFunc struct {
	id        uint64
	name      string
	nameIndex int64
	start     int64
}

type rawLoc struct {
	id        uint64
	lineStart int // the location's lines are lines[lineStart:lineEnd], innermost first
	lineEnd   int
}

type rawLine struct {
	funcID uint64
	line   int64
}

// reserve sizes the sample slices for the profile in data, counting the
// samples' location IDs and values without decoding them: growing the
// slices instead copies hundreds of megabytes on a large profile.
func (p *rawProfile) reserve(data []byte) error {
	samples, locs, values := 1, 0, 0
	err := fields(data, func(field, _ int, _ uint64, b []byte) error {
		if field != 2 {
			return nil
		}
		samples++
		return fields(b, func(f, wire int, _ uint64, packed []byte) error {
			n := 1
			if wire == wireBytes {
				n = countVarints(packed)
			}
			switch f {
			case 1:
				locs += n
			case 2:
				values += n
			}
			return nil
		})
	})
	p.sampleStart = make([]int, 0, samples)
	p.sampleLocs = make([]uint64, 0, locs)
	p.values = make([]int64, 0, values)
	return err
}

// countVarints counts the varints in b: the bytes that end one.
func countVarints(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x80 {
			n++
		}
	}
	return n
}

func (p *rawProfile) decodeSample(b []byte) error {
	if len(p.sampleStart) == 0 {
		p.sampleStart = append(p.sampleStart, 0)
	}
	err := fields(b, func(f, wire int, v uint64, packed []byte) error {
		switch f {
		case 1:
			if wire == wireBytes {
				return varints(packed, func(v uint64) { p.sampleLocs = append(p.sampleLocs, v) })
			}
			p.sampleLocs = append(p.sampleLocs, v)
		case 2:
			if wire == wireBytes {
				return varints(packed, func(v uint64) { p.values = append(p.values, int64(v)) })
			}
			p.values = append(p.values, int64(v))
		}
		return nil
	})
	p.sampleStart = append(p.sampleStart, len(p.sampleLocs))
	return err
}

func (p *rawProfile) decodeLocation(b []byte) error {
	loc := rawLoc{lineStart: len(p.lines)}
	err := fields(b, func(f, _ int, v uint64, line []byte) error {
		switch f {
		case 1:
			loc.id = v
		case 4:
			var l rawLine
			err := fields(line, func(f, _ int, v uint64, _ []byte) error {
				switch f {
				case 1:
					l.funcID = v
				case 2:
					l.line = int64(v)
				}
				return nil
			})
			p.lines = append(p.lines, l)
			return err
		}
		return nil
	})
	loc.lineEnd = len(p.lines)
	p.locs = append(p.locs, loc)
	return err
}

// Protocol buffer wire types.
const (
	wireVarint  = 0
	wireFixed64 = 1
	wireBytes   = 2
	wireFixed32 = 5
)

var errTruncated = errors.New("truncated protocol buffer")

// fields calls visit for each field of the message in b: with its value
// for varints (and fixed-size fields), with its bytes for length-delimited
// ones.
func fields(b []byte, visit func(field, wire int, v uint64, data []byte) error) error {
	for len(b) > 0 {
		key, n := binary.Uvarint(b)
		if n <= 0 {
			return errTruncated
		}
		b = b[n:]
		field, wire := int(key>>3), int(key&7)
		var v uint64
		var data []byte
		switch wire {
		case wireVarint:
			if v, n = binary.Uvarint(b); n <= 0 {
				return errTruncated
			}
			b = b[n:]
		case wireFixed64:
			if len(b) < 8 {
				return errTruncated
			}
			v, b = binary.LittleEndian.Uint64(b), b[8:]
		case wireFixed32:
			if len(b) < 4 {
				return errTruncated
			}
			v, b = uint64(binary.LittleEndian.Uint32(b)), b[4:]
		case wireBytes:
			size, n := binary.Uvarint(b)
			if n <= 0 || size > uint64(len(b)-n) {
				return errTruncated
			}
			data, b = b[n:n+int(size)], b[n+int(size):]
		default:
			return fmt.Errorf("unknown wire type %d", wire)
		}
		if err := visit(field, wire, v, data); err != nil {
			return err
		}
	}
	return nil
}

// varints calls add for each varint of a packed repeated field.
func varints(b []byte, add func(uint64)) error {
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return errTruncated
		}
		add(v)
		b = b[n:]
	}
	return nil
}
