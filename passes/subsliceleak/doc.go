// Package subsliceleak defines an Analyzer that reports small subslices and
// substrings that keep a large buffer alive after the function that made the
// buffer is done with it.
//
// # Analyzer subsliceleak
//
// subsliceleak: report small subslices and substrings that pin large buffers, and slices shrunk without clearing the pointers they drop
//
// A slice expression shares the backing array of the value it slices: as
// long as data[:8] is reachable, so is every byte of data. When data is a
// whole file, a response body or a 64 KiB scratch buffer, and only eight of
// its bytes outlive the call, the rest is memory the garbage collector can
// never reclaim:
//
//	func readMagic(name string) ([]byte, error) {
//		data, err := os.ReadFile(name)
//		if err != nil {
//			return nil, err
//		}
//		return data[:8], nil // keeps the whole file in memory
//	}
//
// The fix is to copy the piece: bytes.Clone(data[:8]).
//
// # What is reported
//
// A slice expression b[i:j], b[i:j:k] or s[i:j] is reported when all of
// these hold:
//
//   - Its operand is a buffer the function made itself: the result of
//     io.ReadAll, os.ReadFile (or their io/ioutil forms),
//     (*bufio.Reader).ReadBytes or ReadString, (*bytes.Buffer).String,
//     (*bytes.Buffer).Bytes or (*strings.Builder).String of a local buffer
//     or builder, string(b) of any of these, or make with a constant
//     capacity of at least -subsliceleak.minsize bytes (default 4096). The
//     value is followed through local variables, phis and reslicing with
//     go/ssa. Parameters, receivers and fields are never sources: their
//     memory belongs to someone else.
//   - The piece outlives the call: it is returned, stored in a field, map,
//     slice element or package variable of memory the function did not
//     make, sent on a channel, or captured by a goroutine or returned
//     closure, directly or inside a value that does (&msg{id: data[:8]}).
//   - The piece is small. Its length must be a constant of at most a quarter
//     of a buffer of known size, or at most minsize/16 bytes of a buffer of
//     unknown size. A piece of a line (ReadBytes, ReadString) is reported
//     only when it is stored in a map, a package variable or memory owned by
//     the caller: one pinned line costs little, many add up. A piece of unknown length is reported only when it is
//     stored in a map, a package variable or memory owned by the caller,
//     only of a whole stream or file (not of a make, whose pieces of unknown
//     length are usually what a read filled, kept with the spare capacity
//     on purpose, nor of a line, which is short), and only if it is not a
//     suffix (data[i:]) or a prefix that ends at a distance from the end
//     (data[:len(data)-k]): such pieces usually are most of the buffer, and
//     keeping them costs nothing extra. The exception is a piece of a
//     whole file or body (io.ReadAll, os.ReadFile) that ends where a search
//     found a separator (data[:bytes.IndexByte(data, '\n')], give or take
//     a constant): a line or a field of a file is usually a small part of
//     it, and it is reported however it outlives the call. Empty
//     pieces (buf[:0]) hand the capacity of a buffer over for appending and
//     are never reported.
//   - The rest of the buffer is no longer needed: neither the buffer nor any
//     other piece of it that is not reported outlives the call, and the
//     buffer is not given to a function of the analyzed package, a function
//     outside the standard library, or a closure, any of which may keep it.
//   - The piece is taken once per buffer: a loop that splits one buffer
//     into pieces may keep all of it, and then nothing is wasted.
//   - The buffer is not written after the piece is taken (by a call that
//     gets it, a copy or append into it, or an element store), on a path
//     that does not make it anew, and the piece is not written while the
//     buffer is used after it: the piece and the buffer would see each
//     other's writes, and a clone would not.
//
// # Helpers
//
// A call of a function of the analyzed package that returns a piece of
// its argument is a piece of the caller's buffer, reported by the rules
// above:
//
//	func firstLine(b []byte) []byte {
//		if i := bytes.IndexByte(b, '\n'); i >= 0 {
//			return b[:i]
//		}
//		return b
//	}
//
//	data, _ := os.ReadFile(name)
//	return firstLine(data) // keeps the whole file in memory
//
// Such a helper has one result, of the type of the parameter it slices; it
// returns p[i:j] of that parameter p on some path and p, nil or "" on the
// others, and otherwise only reads p (len, indexing, range, standard
// library calls that answer numbers or bools such as bytes.IndexByte). A
// suffix (p[i:], p[:len(p)-k]) disqualifies it. The piece's length is the
// constant one when every path returns the same constant span, and it
// counts as search-bounded when every piece ends at a bytes or strings
// Index result. Functions returning several pieces (a token and the rest)
// or a list of them split their input, and their pieces together cover
// it: they are not helpers. Helpers are found from syntax and types, once
// per package, so that they work in the language server, where analysis
// facts do not; helpers of other packages are not seen.
//
// A three-index slice expression (b[:4:4]) is reported too: limiting the
// capacity does not limit what stays alive.
//
// Pieces that are copied (copy, bytes.Clone, slices.Clone, strings.Clone,
// append([]byte(nil), b[i:j]...), string(b[i:j])) and pieces that never leave
// the function are not reported. Calls are not followed: a piece passed to
// another function is assumed not to be kept by it.
//
// # Shared copies
//
// A function that copies its []byte parameter into one string (s :=
// string(p[i:])) and cuts, in a loop, the keys or values of a map from it
// ("one allocation for all strings") makes every entry keep the whole
// copy alive, the bytes between the pieces (length prefixes, separators)
// included: a caller that keeps one entry, or deletes some, keeps all of
// it. Each piece s[a:b] stored in a map that the function returns, hands
// to a call or stores in a field is reported, directly, through a
// variable of the loop, or as an element of a slice whose elements (or
// their addresses) the map holds. The fix clones each piece with
// strings.Clone, which leaves the copy garbage when the function returns.
// Pieces of a string parameter (the caller's memory), pieces returned in
// a slice (which together cover the copy, as strings.Split's do) and maps
// that stay in the function are not reported.
//
// # Reused buffers
//
// (*bufio.Scanner).Bytes, (*bufio.Reader).ReadSlice and ReadLine return a
// view of the reader's buffer, which its next read overwrites. Such a
// result (or a slice of it, or bytes.TrimSpace and the other bytes.Trim
// functions of it) kept, inside the loop that reads, where it outlives
// the iteration is a correctness bug: appended to a slice, stored in a map,
// a field or a variable declared outside the loop (unless a break or
// return follows and what keeps it is a variable, or a field of the value
// that owns the reader: a wrapper's current line, r.line = line before
// return true, replaced by its next call as a Scanner's Bytes is), or
// sent on a channel. The kept bytes change when the
// reader moves its buffer's contents, which happens on long inputs. The
// fix copies the kept value with bytes.Clone; string(b), bytes.Clone and
// append(dst, b...) already copy and are not reported.
//
//	for sc.Scan() {
//		lines = append(lines, sc.Bytes()) // reported: the next Scan overwrites it
//	}
//
// # Vacated slots
//
// Reslicing a slice that outlives the function to drop elements from its
// front (q.items = q.items[1:]) or its end (s.list = s.list[:len(s.list)-1],
// *h = old[:n-1]) leaves the dropped elements in the backing array, where
// they keep what they point to reachable: until the slice grows into a new
// array (front) or an append overwrites the slot (end), or the holder goes.
// Removing by swapping (s[i] = s[len(s)-1] before the shrink) or by
// shifting (copy(s[i:], s[i+1:]), or s = append(s[:i], s[j:]...)) leaves
// duplicates in the vacated slots that outlive the moved elements' own
// removal. It is reported when the slice is a field, a package variable or
// the target of a pointer (not a local), its elements hold pointers, and
// the function neither clears elements of it (s[i] = nil, clear(s[:1]),
// s[i] = empty for a var empty E never assigned, or for an unexported
// field that nothing in the package sets)
// nor takes an element's address (a slab handing out &s[0]), nor keeps the
// front it drops as a slice (an arena handing out pieces of one array:
// got := s[:n]; s = s[n:]; a copy of the front, append(out, s[:n]...),
// does not count); slices named
// as free lists or pools (free, pool, idle, spare, cache, ...) are not
// reported: their dropped elements are lent out, not garbage. Nor is a
// slice that the function puts back later, from a deferred call or a saved
// copy (a scope stack emptied while a nested body compiles): its dropped
// elements are still in use.
//
// The cost is what the dropped elements point to, for as long as the array
// lives, which a queue or stack usually replaces or overwrites soon. The
// medium tier has the two kinds maintainers fix: buffers ([]byte
// elements) consumed from a list the caller handed over or goroutines
// share (writev's [][]byte; not a free list's buffer handed to the caller,
// who holds it anyway, nor one taken from the middle of the list, whose
// shift leaves a duplicate of a listed one), and elements removed by swapping or shifting
// in a loop that goes on removing (a filter of dead entries, leaving a
// duplicate per removal) from a slice that goroutines share (a field of a
// struct with a mutex, or a package variable). One removal followed by a
// return or break, lists of hooks, handlers or listeners (not a queue of
// them popped from the front, one per response), other queues and
// stacks, and elements that hold only strings are low.
//
// The fix clears the dropped elements first, clear(q.items[:1]) or
// clear(s.list[len(s.list)-1:]) (go1.21; in an older file one slot is
// set to its zero value, s.list[len(s.list)-1] = nil, or q.items[0] =
// item{} for a struct or array type of the package); a deletion by append becomes
// slices.Delete(s, i, j), which clears the vacated tail (go1.22; in an
// older file the message says to zero the vacated slots after the shift,
// and there is no fix). It is withheld when another
// slice may share the array and may see the cleared elements: when the
// slice is the caller's (*p of a parameter); when it is a method's
// receiver *r of a slice type that is exported (a copy made outside the
// package shares the array) or that the package converts from a slice it
// did not make (an iterator over its caller's variadic arguments); when
// it is a field or variable of another package, whose uses are out of
// sight; or when anywhere in the
// package its variable is read other than to index it, measure it, range
// over it (also through slices.All, Values or Backward), copy from it,
// give it to a function of the standard library that keeps nothing of it
// (it has results, all numbers, strings or errors: strings.Join,
// fmt.Sprintf; one without results may register what it is given) or to
// a function of the package with such results that only ranges over it,
// indexes it or measures it (indexOf(name, list)), or
// reslice, append to or edit it (slices.Delete, Insert, Compact, ...) and
// store the result back (directly or through a local copy such as old :=
// *h, which may itself be appended to or resliced in between, as a filter
// in place does: kept := s[:0]; kept = append(kept, x); s = kept); when
// it is assigned, or given in a composite literal
// (&T{items: ...}), anything but nil, a new slice or copy (make, a
// slice appended to that the next statement sets to nil, handing its
// array over: s = append(pending, s...); pending = nil, a
// literal, append(nil, xs...), or a local made so, filled in place and
// stored once: attrs := make([]Attr, 1); attrs[0] = a; &Node{Attr: attrs})
// or itself so resliced; and when a range over it (or over
// slices.All or Values of it) goes on after the removal (it reads the
// array it started with; slices.Backward never comes back to the slots
// cleared behind it). A field of a local that the function makes itself
// (list := new(extList), decoded into by another package's code, used
// only through its fields) is that local's own: uses of the same field
// elsewhere in the package are of other values and do not count. Uses
// after the removal in the same function, outside any loop around it,
// see the shortened slice (return ctx.rules), whose end comes before the
// cleared slots, and do not count either.
// Slices the package reaches through their capacity
// (s[:cap(s)], s[:len(s)+1], a ring buffer counting in the length) are
// not reported: what lies past the length is kept on purpose. Nor is a
// field whose every appended element the same function also stores in a
// map field of the struct that the package never deletes from, clears or
// replaces once made (a set of the items seen beside the list of those
// still to do): the map keeps each element as long as the array would.
//
// # Suggested fix
//
// The slice expression or helper call is wrapped in bytes.Clone for []byte, slices.Clone
// for other slice types (including named []byte types, whose type
// slices.Clone keeps) and strings.Clone for string; a three-index
// expression is cloned in its two-index form. The import is added when the
// file lacks it. No fix is offered when the file's Go version predates the
// function (strings.Clone 1.18, bytes.Clone 1.20, slices.Clone 1.21), when
// the package name is shadowed where the fix would go, or for named string
// types and type parameters, which the Clone functions would change.
//
// The fix keeps nil-ness: a slice expression is nil only when its operand is
// nil, and bytes.Clone and slices.Clone return nil exactly for nil input
// and a non-nil slice otherwise, even when it is empty. The clone has no
// spare capacity beyond its length (up to the allocator's size class), so
// appending to it no longer writes into the old buffer.
package subsliceleak
