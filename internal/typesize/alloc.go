package typesize

import "slices"

// classSizes are the object sizes of the Go runtime's small-object size
// classes (internal/runtime/gc/sizeclasses.go, Go 1.26; the table is the
// same on every architecture). A heap object of n bytes occupies the
// smallest class of at least n bytes.
var classSizes = []int64{
	8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
	240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896,
	1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456,
	4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
	12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264,
	28672, 32768,
}

// pageSize is the runtime's page size: objects above 32 KiB get whole pages,
// and every span of small objects starts on a page.
const pageSize = 8192

// AllocSize returns how many bytes the runtime allocates for a heap object
// of n bytes: its size class, or whole pages above 32 KiB.
func AllocSize(n int64) int64 {
	if n == 0 {
		return 0 // zero-sized objects share one address and cost nothing
	}
	if n > classSizes[len(classSizes)-1] {
		return (n + pageSize - 1) / pageSize * pageSize
	}
	i, _ := slices.BinarySearch(classSizes, n)
	return classSizes[i]
}

// mallocHeader is the word the runtime puts before a small object of more
// than minHeaderSize bytes that holds pointers (its type, for the GC), on
// 64-bit platforms.
const (
	mallocHeader  = 8
	minHeaderSize = 512
)

// HeapStarts returns where a heap object of n bytes can start relative to
// a boundary of line bytes (a power of two dividing the page): its span
// starts on a page, and its slots follow one another at its size class, so
// a 416-byte object starts 0 or 32 bytes into a 64-byte line, and a
// 120-byte one (class 128) always at 0. Objects below 16 bytes without
// pointers, which the runtime packs into shared 16-byte blocks, start at
// any multiple of align.
func HeapStarts(n, align int64, pointers bool, line int64) []int64 {
	if n < 16 && !pointers {
		var starts []int64
		for off := int64(0); off < line; off += max(align, 1) {
			starts = append(starts, off)
		}
		return starts
	}
	header := int64(0)
	if pointers && n > minHeaderSize && n <= classSizes[len(classSizes)-1] {
		header = mallocHeader
	}
	class := AllocSize(n + header)
	seen := make(map[int64]bool)
	var starts []int64
	for slot := int64(0); ; slot++ {
		off := (slot*class + header) % line
		if seen[off] {
			return starts
		}
		seen[off] = true
		starts = append(starts, off)
	}
}
