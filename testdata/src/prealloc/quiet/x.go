// Package quiet holds loops that prealloc must not report.
package quiet

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type user struct {
	name string
	ok   bool
}

func conditional(users []user) []string {
	var names []string
	for _, u := range users {
		if u.ok {
			names = append(names, u.name)
		}
	}
	return names
}

func inSwitch(users []user) []string {
	var names []string
	for _, u := range users {
		switch {
		case u.ok:
			names = append(names, u.name)
		}
	}
	return names
}

func breaks(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x < 0 {
			break
		}
		out = append(out, x)
	}
	return out
}

func continues(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x < 0 {
			continue
		}
		out = append(out, x)
	}
	return out
}

func returns(xs []int) ([]int, error) {
	var out []int
	for _, x := range xs {
		out = append(out, x)
		if x < 0 {
			return nil, fmt.Errorf("negative")
		}
	}
	return out, nil
}

func panics(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x < 0 {
			panic("negative")
		}
		out = append(out, x)
	}
	return out
}

func gotos(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x < 0 {
			goto done
		}
		out = append(out, x)
	}
done:
	return out
}

func labeledContinue(xs [][]int) []int {
	var sums []int
outer:
	for _, row := range xs {
		s := 0
		for _, v := range row {
			if v < 0 {
				continue outer
			}
			s += v
		}
		sums = append(sums, s)
	}
	return sums
}

func spread(xs [][]int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

func twoAppends(xs []int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x)
		out = append(out, -x)
	}
	return out
}

func runes(s string) []rune {
	var out []rune
	for _, r := range s {
		out = append(out, r)
	}
	return out
}

func channel(ch chan int) []int {
	var out []int
	for x := range ch {
		out = append(out, x)
	}
	return out
}

func iterator(seq func(func(int) bool)) []int {
	var out []int
	for x := range seq {
		out = append(out, x)
	}
	return out
}

func hasCapacity(xs []int) []int {
	out := make([]int, 0, 8)
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func usedBetween(xs []int) []int {
	var out []int
	out = append(out, 0)
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func declaredOutside(xs []int, out []int) []int {
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func constantArray() []int {
	var arr [4]int
	var out []int
	for _, x := range arr {
		out = append(out, x)
	}
	return out
}

func constantCount() []int {
	var out []int
	for i := 0; i < 4; i++ {
		out = append(out, i)
	}
	for i := range 10 {
		out = append(out, i)
	}
	return out
}

func literalList() []string {
	names := []string{"a", "b", "c"}
	var out []string
	for _, n := range names {
		out = append(out, strings.ToUpper(n))
	}
	return out
}

var table = []string{"x", "y"}

func packageTable() []string {
	var out []string
	for _, n := range table {
		out = append(out, n)
	}
	return out
}

func boundChanges(xs []int) []int {
	var out []int
	n := len(xs)
	for i := 0; i < n; i++ {
		out = append(out, i)
		n--
	}
	return out
}

func indexChanges(xs []int) []int {
	var out []int
	for i := 0; i < len(xs); i++ {
		out = append(out, xs[i])
		i++
	}
	return out
}

func stepTwo(xs []int) []int {
	var out []int
	for i := 0; i < len(xs); i += 2 {
		out = append(out, xs[i])
	}
	return out
}

type box struct {
	mu    sync.Mutex
	items []int
}

// The bound is read through a pointer and the body calls a function that
// could change it.
func (b *box) pointerBoundWithCalls(f func(int) int) []int {
	var out []int
	for i := 0; i < len(b.items); i++ {
		out = append(out, f(b.items[i]))
	}
	return out
}

func callBound(xs []int) []int {
	var out []int
	for i := 0; i < count(xs); i++ {
		out = append(out, i)
	}
	return out
}

func count(xs []int) int { return len(xs) }

func rangeCall(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, w)
	}
	return out
}

func mapChanged(m map[int]int) []int {
	var out []int
	for k := range m {
		out = append(out, k)
		delete(m, k+1)
	}
	return out
}

func mapWithCalls(m map[int]int, f func(int) int) []int {
	var out []int
	for k := range m {
		out = append(out, f(k))
	}
	return out
}

func allocatesAnyway(xs []int) []*user {
	var out []*user
	for _, x := range xs {
		out = append(out, &user{name: fmt.Sprint(x)})
	}
	return out
}

func formats(xs []int) []string {
	var out []string
	for _, x := range xs {
		out = append(out, fmt.Sprintf("%d", x))
	}
	return out
}

func concatenates(xs []string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, "<"+x+">")
	}
	return out
}

func closures(xs []int) []func() int {
	var out []func() int
	for _, x := range xs {
		out = append(out, func() int { return x })
	}
	return out
}

type list []string

func (l list) String() string {
	var parts []string
	for _, s := range l {
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func captured(xs []int) []int {
	var out []int
	add := func(x int) { out = append(out, x) }
	for _, x := range xs {
		out = append(out, x)
	}
	add(0)
	return out
}

func addressTaken(xs []int) []int {
	var out []int
	p := &out
	for _, x := range xs {
		out = append(out, x)
	}
	return *p
}

// SharedAcrossRounds stores the list's address in one round, where the
// next round's calls in the loop could reach it.
func SharedAcrossRounds(groups [][]int, keep func(*[]int), use func()) {
	var out []int
	for _, xs := range groups {
		out = nil
		for _, x := range xs {
			use()
			out = append(out, x)
		}
		keep(&out)
	}
}

func nilMap(xs []int) map[int]bool {
	var m map[int]bool
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func sizedMap(xs []int) map[int]bool {
	m := make(map[int]bool, 4)
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// The map cannot be sized where it is made: its count is declared later.
func mapBoundAfter(s string) map[string]bool {
	m := map[string]bool{}
	words := strings.Fields(s)
	for _, w := range words {
		m[w] = true
	}
	return m
}

func ignored(xs []int) []int {
	//memlint:ignore prealloc the list is usually empty
	var out []int
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func mentionedInHeader(xs []int) []int {
	var out []int
	for i := 0; i < len(xs)+len(out); i++ {
		out = append(out, i)
	}
	return out
}

// The map gets one key per group, not one per element.
func grouping(xs []user) map[string][]user {
	groups := make(map[string][]user)
	for _, x := range xs {
		groups[x.name] = append(groups[x.name], x)
	}
	return groups
}

func builderInBody(rows [][]string) []string {
	var lines []string
	for _, row := range rows {
		var b strings.Builder
		for _, cell := range row {
			b.WriteString(cell)
		}
		lines = append(lines, b.String())
	}
	return lines
}

func addressOfLocal(xs []user) []*user {
	var out []*user
	for _, x := range xs {
		u := x
		out = append(out, &u)
	}
	return out
}

func cmdDebugString(env []string) map[string]string {
	m := make(map[string]string)
	for _, kv := range env {
		m[kv] = kv
	}
	return m
}

func splitsEach(env []string) map[string]string {
	m := make(map[string]string)
	for _, kv := range env {
		kv := strings.SplitN(kv, "=", 2)
		m[kv[0]] = kv[1]
	}
	return m
}

// The bound changes in a statement followed by others: the search for
// changes must not forget it.
func boundChangesThenMore(n int) []int {
	var out []int
	k := 0
	for i := 0; i < n; i++ {
		out = append(out, i)
		n = n - 1
		k = 2
	}
	return append(out, k)
}

// A slice literal followed by a struct literal still allocates per iteration.
func allocatesThenLiteral(xs []int) []user {
	var out []user
	for _, x := range xs {
		parts := []int{x, x}
		out = append(out, user{name: "u", ok: len(parts) > x})
	}
	return out
}

// A set of the allowed flags seen: the switch rejects any other value,
// so the map holds at most four keys and never grows.
func CheckFlags(values []string) error {
	seen := map[string]struct{}{}
	for _, v := range values {
		switch v {
		case "NEVER", "DELAYED", "FAILURE", "SUCCESS":
			if _, ok := seen[v]; ok {
				return errors.New("repeated flag")
			}
		default:
			return errors.New("unknown flag")
		}
		seen[v] = struct{}{}
	}
	return nil
}

// An attribute node of a member record.
type attrNode struct {
	Key   string
	Value []byte
}

// The if rejects every key but the two a member has, so the map holds at
// most two entries and never grows, however many nodes there are.
func MemberAttrs(prefix string, nodes []attrNode) (map[string][]byte, error) {
	attrs := make(map[string][]byte)
	raftKey, attrKey := prefix+"/raft", prefix+"/attrs"
	for _, n := range nodes {
		if n.Key != raftKey && n.Key != attrKey {
			return nil, fmt.Errorf("unknown key %q", n.Key)
		}
		attrs[n.Key] = n.Value
	}
	return attrs, nil
}

// Filled inside a case of constants only: at most two keys.
func CountModes(modes []string) map[string]int {
	counts := make(map[string]int)
	for i, m := range modes {
		switch m {
		case "r", "w":
			counts[m] = i
		}
	}
	return counts
}

type item struct{ kind, value string }

// A set of one field's values: as many keys as the field has distinct
// values, often a few, not one per element.
func Kinds(items []item) bool {
	kinds := map[string]bool{}
	for _, it := range items {
		kinds[it.kind] = true
	}
	return len(kinds) > 1
}

type flow struct {
	Group string
	Value float64
}

// Groups collects the groups the flows belong to: a few, shared by many
// flows.
func Groups(flows []flow) int {
	groups := make(map[string]struct{})
	for _, f := range flows {
		groups[f.Group] = struct{}{}
	}
	return len(groups)
}

type option struct{ name string }

type app struct{ noHelp bool }

// builtins returns nil or a list written out here.
func (a *app) builtins() []*option {
	if a.noHelp {
		return nil
	}
	help := &option{name: "help"}
	return []*option{help}
}

// Seen fills a set from what builtins returns: at most one entry.
func (a *app) Seen() map[string]bool {
	opts := a.builtins()
	seen := map[string]bool{}
	for _, o := range opts {
		seen[o.name] = true
	}
	return seen
}

// SeenLocal is the same for a slice.
func (a *app) SeenLocal() []string {
	opts := a.builtins()
	var names []string
	for _, o := range opts {
		names = append(names, o.name)
	}
	return names
}

// Visible builds a new row for every row by appends: the rows' own
// allocations dwarf the few times the outer slice grows.
func Visible(rows [][]string, hidden map[int]bool) [][]string {
	var out [][]string
	for _, row := range rows {
		var kept []string
		for i, col := range row {
			if !hidden[i] {
				kept = append(kept, col)
			}
		}
		out = append(out, kept)
	}
	return out
}

// Order ranges over one of two alphabets written out here: 54 entries,
// whichever it is.
func Order(byFrequency bool) map[byte]int {
	alphabet := []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
	if byFrequency {
		alphabet = []byte("etnsoiarclduhmfpgvbjy_wOxCEkASMFTzDNLRPHIBV$WUKqYGXQZJ")
	}
	order := map[byte]int{}
	for i, c := range alphabet {
		order[c] = i
	}
	return order
}

// RangesOf collects the distinct ranges of many opcodes: a map's values
// repeat where its keys do not, so the set is far smaller than the map.
func RangesOf(rangeByOp map[string]string) map[string]string {
	have := make(map[string]string)
	for _, r := range rangeByOp {
		have[r] = r
	}
	return have
}

// Owners is the set of owners of some files.
func Owners(ownerOf map[string]string) map[string]bool {
	owners := map[string]bool{}
	for _, o := range ownerOf {
		owners[o] = true
	}
	return owners
}

// DistinctWords counts the distinct words: the set is only measured, so
// its keys repeat, and the word count overstates its size.
func DistinctWords(words []string) int {
	seen := make(map[string]struct{})
	for _, w := range words {
		seen[w] = struct{}{}
	}
	return len(seen)
}

type upload struct {
	FileName string
	Bucket   string
	Size     int64
}

// Buckets collects the buckets of a list of uploads: the uploads are
// named, and the few buckets they go to repeat.
func Buckets(uploads []*upload) []string {
	set := make(map[string]struct{})
	for _, u := range uploads {
		set[u.Bucket] = struct{}{}
	}
	out := make([]string, 0, len(set))
	for b := range set {
		out = append(out, b)
	}
	return out
}

// FileNames collects the names themselves: one per upload, reported.
func FileNames(uploads []*upload) map[string]bool {
	seen := make(map[string]bool) // want `seen can be preallocated with capacity len\(uploads\)`
	for _, u := range uploads {
		seen[u.FileName] = true
	}
	return seen
}

type container struct {
	ID      string
	ImageID string
}

// ContainerByImage indexes containers by the image they run: ImageID names
// another thing beside the container's own ID, which many containers
// share, so the map holds one entry per image, not per container.
func ContainerByImage(containers []container) map[string]string {
	byImage := make(map[string]string)
	for _, c := range containers {
		byImage[c.ImageID] = c.ID
	}
	return byImage
}

// Collected collects what nothing reads: the remedy is to delete the
// slice and the map (staticcheck's SA4010), not to give them a capacity,
// which would allocate for nothing.
func Collected(users []user) int {
	var names []string
	byIndex := make(map[int]string)
	for i, u := range users {
		names = append(names, u.name)
		byIndex[i] = u.name
	}
	return len(users)
}

type exprSpot struct{ row, col int }

type ownerRef struct{ ID string }

type usedVar struct {
	name  string
	at    *exprSpot
	owner ownerRef
}

// RowsUsed collects the rows its variables sit on: a row is an attribute
// of each variable's location, which the variables of one expression
// share, so the set holds a row or two, not one per variable.
func RowsUsed(vars map[string]usedVar) map[int]any {
	rows := make(map[int]any)
	for _, v := range vars {
		rows[v.at.row] = nil
	}
	return rows
}

// OwnersSeen collects an identity of each variable's part: one per
// variable.
func OwnersSeen(vars []usedVar) map[string]bool {
	seen := make(map[string]bool) // want `seen can be preallocated with capacity len\(vars\)`
	for _, v := range vars {
		seen[v.owner.ID] = true
	}
	return seen
}
