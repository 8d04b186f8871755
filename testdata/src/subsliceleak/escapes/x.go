// Package escapes has one finding per way a piece can outlive the call.
package escapes

import "os"

type msg struct {
	id   []byte
	name string
}

func newMsg(name string) *msg {
	data, _ := os.ReadFile(name)
	head := data[:8] // want `data\[:8\] \(8 bytes\) is returned but keeps the whole os.ReadFile result alive`
	return &msg{id: head}
}

func msgValue(name string) msg {
	data, _ := os.ReadFile(name)
	return msg{id: data[:8]} // want `data\[:8\] \(8 bytes\) is returned`
}

func intoField(m *msg, name string) {
	data, _ := os.ReadFile(name)
	m.id = data[:8] // want `data\[:8\] \(8 bytes\) is stored in a field but keeps`
}

func intoMap(index map[string]int, name string) {
	data, _ := os.ReadFile(name)
	s := string(data)
	index[s[:4]] = len(s) // want `s\[:4\] \(4 bytes\) is stored in a map but keeps the whole string\(os.ReadFile result\) alive`
}

func intoLocalMapReturned(name string) map[string]bool {
	data, _ := os.ReadFile(name)
	s := string(data)
	seen := make(map[string]bool)
	seen[s[:4]] = true // want `s\[:4\] \(4 bytes\) is returned`
	return seen
}

func intoElement(out [][]byte, name string) {
	data, _ := os.ReadFile(name)
	out[0] = data[:8] // want `is stored in a slice element`
}

func intoLocalSliceReturned(name string) [][]byte {
	data, _ := os.ReadFile(name)
	return [][]byte{data[:8]} // want `data\[:8\] \(8 bytes\) is returned`
}

func appended(out [][]byte, name string) [][]byte {
	data, _ := os.ReadFile(name)
	return append(out, data[:8]) // want `data\[:8\] \(8 bytes\) is returned`
}

var last []byte

func intoGlobal(name string) {
	data, _ := os.ReadFile(name)
	last = data[:8] // want `is stored in a package variable`
}

func sent(ch chan<- []byte, name string) {
	data, _ := os.ReadFile(name)
	ch <- data[:8] // want `is sent on a channel`
}

func captured(name string, use func([]byte)) {
	data, _ := os.ReadFile(name)
	head := data[:8] // want `is captured by a goroutine`
	go func() {
		use(head)
	}()
}

func goArgument(name string, use func([]byte)) {
	data, _ := os.ReadFile(name)
	go use(data[:8]) // want `is captured by a goroutine`
}

func closureReturned(name string) func() []byte {
	data, _ := os.ReadFile(name)
	head := data[:8] // want `is returned`
	return func() []byte { return head }
}

func throughInterface(name string) any {
	data, _ := os.ReadFile(name)
	return data[:8] // want `is returned`
}

func keyOfUnknownLength(index map[string]int, name string, i int) {
	data, _ := os.ReadFile(name)
	s := string(data)
	index[s[:i]] = i // want `s\[:i\] is stored in a map but keeps the whole string\(os.ReadFile result\) alive`
}

func fieldOfUnknownLength(m *msg, name string, i, j int) {
	data, _ := os.ReadFile(name)
	s := string(data)
	m.name = s[i:j] // want `s\[i:j\] is stored in a field`
}

func inLoop(index map[string]int, names []string) {
	for _, name := range names {
		data, _ := os.ReadFile(name)
		index[string(data)[:4]] = len(data) // want `is stored in a map`
	}
}
