package fieldalign

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

// pageSize is the runtime's page size: objects above 32 KiB get whole pages.
const pageSize = 8192

// allocSize returns how many bytes the runtime allocates for a heap object
// of n bytes: its size class, or whole pages above 32 KiB.
func allocSize(n int64) int64 {
	if n == 0 {
		return 0 // zero-sized objects share one address and cost nothing
	}
	if n > classSizes[len(classSizes)-1] {
		return (n + pageSize - 1) / pageSize * pageSize
	}
	i, _ := slices.BinarySearch(classSizes, n)
	return classSizes[i]
}
