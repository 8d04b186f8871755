package noimports

func made(fill func(int) byte) []byte {
	buf := make([]byte, 8192)
	for i := range buf {
		buf[i] = fill(i)
	}
	return buf[:8] // want `keeps the whole 8 KiB make\(\[\]byte, 8192\) alive; clone it with bytes.Clone`
}
