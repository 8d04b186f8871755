package profile

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// decode reads the fields of a pprof profile (profile.proto, uncompressed)
// that attribution needs. It does what github.com/google/pprof/profile's
// parser does for these fields without an object per sample and a map per
// reference, and it leaves samples and locations encoded: attribution
// reads of a location only its frames up to the first outside the runtime
// (see [summarize]), and of a sample only its values and the leaf end of
// its stack (see [indexer.readSample]), a small part of a sample's bytes
// when stacks are deep.
func decode(data []byte) (*rawProfile, error) {
	p := &rawProfile{data: data, locs: make([][]byte, 0, count(data, 4))}
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
		case 4: // location
			p.locs = append(p.locs, b)
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
			p.strings = append(p.strings, b)
		case 12: // period
			p.period = int64(v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, st := range sampleTypes {
		s, err := p.str(st[0])
		if err != nil {
			return nil, err
		}
		p.sampleTypes = append(p.sampleTypes, s)
	}
	for i := range funcs {
		if funcs[i].name, err = p.str(funcs[i].nameIndex); err != nil {
			return nil, err
		}
	}
	p.funcs = funcs
	return p, nil
}

// count returns how many times field occurs in the message in data, so
// that a slice of them is made once: growing it instead copies megabytes
// on a large profile.
func count(data []byte, field int) int {
	n := 0
	for len(data) > 0 {
		f, _, _, _, rest, err := next(data)
		if err != nil {
			break // decode reports it
		}
		if f == field {
			n++
		}
		data = rest
	}
	return n
}

// A rawProfile is the part of a profile attribution reads.
type rawProfile struct {
	sampleTypes []string
	period      int64
	strings     [][]byte // made strings only when used: most are file names
	funcs       []rawFunc
	locs        [][]byte // encoded Location messages
	data        []byte   // the profile, whose samples index reads
}

type rawFunc struct {
	id        uint64
	name      string
	nameIndex int64
	start     int64
}

func (p *rawProfile) str(i int64) (string, error) {
	if i < 0 || i >= int64(len(p.strings)) {
		return "", fmt.Errorf("string index %d out of range", i)
	}
	return string(p.strings[i]), nil
}

// samples yields the encoded Sample messages of the profile, which decode
// has checked to be well formed at the top level.
func (p *rawProfile) samples(yield func([]byte) bool) {
	for b := p.data; len(b) > 0; {
		field, _, _, data, rest, _ := next(b)
		if field == 2 && !yield(data) {
			return
		}
		b = rest
	}
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
		field, wire, v, data, rest, err := next(b)
		if err != nil {
			return err
		}
		b = rest
		if err := visit(field, wire, v, data); err != nil {
			return err
		}
	}
	return nil
}

// next reads the field at the start of the message in b: its number and
// wire type, its value for varints (and fixed-size fields) or its bytes
// for length-delimited ones, and the rest of the message.
func next(b []byte) (field, wire int, v uint64, data, rest []byte, err error) {
	key, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, 0, 0, nil, nil, errTruncated
	}
	b = b[n:]
	field, wire = int(key>>3), int(key&7)
	switch wire {
	case wireVarint:
		if v, n = binary.Uvarint(b); n <= 0 {
			return 0, 0, 0, nil, nil, errTruncated
		}
		b = b[n:]
	case wireFixed64:
		if len(b) < 8 {
			return 0, 0, 0, nil, nil, errTruncated
		}
		v, b = binary.LittleEndian.Uint64(b), b[8:]
	case wireFixed32:
		if len(b) < 4 {
			return 0, 0, 0, nil, nil, errTruncated
		}
		v, b = uint64(binary.LittleEndian.Uint32(b)), b[4:]
	case wireBytes:
		size, n := binary.Uvarint(b)
		if n <= 0 || size > uint64(len(b)-n) {
			return 0, 0, 0, nil, nil, errTruncated
		}
		data, b = b[n:n+int(size)], b[n+int(size):]
	default:
		return 0, 0, 0, nil, nil, fmt.Errorf("unknown wire type %d", wire)
	}
	return field, wire, v, data, b, nil
}
