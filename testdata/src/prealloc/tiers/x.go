// Package tiers holds prealloc findings of every tier; the test runs it
// with -strict, so the low tier is reported too.
package tiers

import (
	"bufio"
	"context"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"fmt"
	"log"
	"maps"
	"math/bits"
	"net"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

var keywords map[string]int

var names = []string{"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for"}

// init fills a package-level map over a constant count, once per process.
func init() {
	keywords = make(map[string]int) // want `keywords can be preallocated with capacity 10 .*\[low: a count fixed by the code\]$`
	for i := 10; i < 20; i++ {
		keywords[names[i-10]] = i
	}
}

// Handle runs per request.
func Handle(w http.ResponseWriter, r *http.Request) {
	var keys []string // want `keys can be preallocated with capacity len\(r.Header\) .*\[high: loop over parsed input \(http.Header\), per request \(Handle\)\]$`
	for k := range r.Header {
		keys = append(keys, k)
	}
	fmt.Fprint(w, keys)
}

type Options struct{ Hosts []string }

// Hosts ranges over configured items.
func Hosts(o *Options) []string {
	var out []string // want `\[low: loop over configured items \(Options\)\]$`
	for _, h := range o.Hosts {
		out = append(out, h)
	}
	return out
}

// Split allocates more per iteration than the growth costs.
func Split(lines []string) [][]string {
	var out [][]string // want `\[low: the loop body also allocates \(strings.Split\) on every iteration\]$`
	for _, l := range lines {
		out = append(out, strings.Split(l, ","))
	}
	return out
}

// Labels formats only an empty label: the message says the body
// allocates on some iterations, not on every one.
func Labels(names []string) []string {
	var out []string // want `\[low: the loop body also allocates \(fmt.Sprintf\) on some iterations\]$`
	for _, n := range names {
		if n == "" {
			n = fmt.Sprintf("label-%d", len(out))
		}
		out = append(out, n)
	}
	return out
}

// Firsts formats on some iterations and splits on every one: the
// message names what every iteration does.
func Firsts(lines []string) []string {
	var out []string // want `\[low: the loop body also allocates \(strings.Split\) on every iteration\]$`
	for _, l := range lines {
		if l == "" {
			l = fmt.Sprint(len(out))
		}
		parts := strings.Split(l, ",")
		out = append(out, parts[0])
	}
	return out
}

// Unknown lists the known names only for an error's suggestions, handed
// to a validator's addError callback: once per failure.
func Unknown(known []string, name string, addError func(msg string, suggestions []string)) {
	var suggestions []string // want `\[low: it only goes into a diagnostic \(a log line or an error's text\)\]$`
	for _, k := range known {
		suggestions = append(suggestions, "\""+k+"\"")
	}
	addError("unknown "+name, suggestions)
}

// Fields splits in the condition, which runs on every iteration.
func Fields(lines []string) []string {
	var out []string // want `\[low: the loop body also allocates \(strings.Fields\) on every iteration\]$`
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 {
			l = f[0]
		}
		out = append(out, l)
	}
	return out
}

// Files opens a file per iteration: the growth is a tiny share.
func Files(paths []string) []*os.File {
	var out []*os.File // want `\[low: the loop body also allocates \(os.Open\) on every iteration\]$`
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		out = append(out, f)
	}
	return out
}

type Block struct{ dir string }

// OpenBlock opens the block stored in dir.
func OpenBlock(dir string) (*Block, error) { return &Block{dir: dir}, nil }

// OpenedCount and OpenSlots only count: their names start with Open, but
// one is not named Open<Something> and neither can fail.
func OpenedCount(dir string) int { return len(dir) }

func OpenSlots(dir string) int { return len(dir) / 2 }

// Blocks opens a block per directory, as a compaction does.
func Blocks(dirs []string) []*Block {
	var blocks []*Block // want `\[low: the loop body also allocates \(OpenBlock\) on every iteration\]$`
	for _, d := range dirs {
		b, err := OpenBlock(d)
		if err != nil {
			continue
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// Certificates parses each certificate of a chain: the parse allocates
// the certificate and its parts, far more than the growth.
func Certificates(raw [][]byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate // want `\[low: the loop body also allocates \(x509.ParseCertificate\) on every iteration\]$`
	for _, r := range raw {
		c, err := x509.ParseCertificate(r)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
	}
	return certs, nil
}

type Selector struct{ terms []string }

// ParseSelector builds a selector from its text.
func ParseSelector(s string) ([]*Selector, error) { return []*Selector{{terms: []string{s}}}, nil }

// Selectors parses one selector per string, as a query API does.
func Selectors(in []string) ([][]*Selector, error) {
	var sets [][]*Selector // want `\[low: the loop body also allocates \(ParseSelector\) on every iteration\]$`
	for _, s := range in {
		set, err := ParseSelector(s)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set)
	}
	return sets, nil
}

type device struct{ attrs map[string]string }

// parseDevice reads a device's attributes from its files.
func parseDevice(path string) (*device, error) {
	return &device{attrs: map[string]string{"path": path}}, nil
}

// Devices reads each device, with a helper of the package's own: low.
func Devices(paths []string) (map[string]device, error) {
	devs := map[string]device{} // want `\[low: the loop body also allocates \(parseDevice\) on every iteration\]$`
	for _, p := range paths {
		d, err := parseDevice(p)
		if err != nil {
			return nil, err
		}
		devs[p] = *d
	}
	return devs, nil
}

// A Store answers queries over the network.
type Store interface {
	Get(ctx context.Context, id string) (string, error)
}

// Fetch queries the store per id: the round trip costs far more than
// the growth.
func Fetch(ctx context.Context, s Store, ids []string) ([]string, error) {
	var out []string // want `\[low: the loop body also calls s.Get, which takes a context and can fail \(a query, a remote call or a wait, costlier than the growth\), on every iteration\]$`
	for _, id := range ids {
		v, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// A Counter records a measurement; it takes a context but cannot fail.
type Counter interface {
	Add(ctx context.Context, n int64)
}

// Sizes records each size: recording is cheap, so the growth counts.
func Sizes(ctx context.Context, c Counter, names []string) []int {
	var sizes []int // want `sizes can be preallocated with capacity len\(names\) .*\[medium: no bound on the count found here\]$`
	for _, n := range names {
		c.Add(ctx, int64(len(n)))
		sizes = append(sizes, len(n))
	}
	return sizes
}

// Derived derives a context per name, which only package context does.
func Derived(ctx context.Context, names []string) []int {
	var out []int // want `out can be preallocated with capacity len\(names\) .*\[medium: no bound on the count found here\]$`
	for _, n := range names {
		c, cancel := context.WithCancelCause(ctx)
		cancel(context.Cause(c))
		out = append(out, len(n))
	}
	return out
}

// An APIClient sends requests to a remote API.
type APIClient struct {
	base string
	http *http.Client
}

// NewRequest builds a request to the API; it takes a context and can fail.
func (c *APIClient) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, c.base+path, nil)
}

// EnableRescue sends a few keys in one request: its round trip costs far
// more than the growth.
func (c *APIClient) EnableRescue(ctx context.Context, keys []string) error {
	var ids []string // want `\[low: the function also makes a remote call, costlier than the growth: c.NewRequest, which takes a context and can fail\]$`
	for _, k := range keys {
		ids = append(ids, "key:"+k)
	}
	_, err := c.NewRequest(ctx, "POST", "/rescue", ids)
	return err
}

// rulesToBody converts a request's rules, once per request.
func rulesToBody(rules []string) []string {
	var body []string // want `\[low: called only from AddRules, which makes a remote call, costlier than the growth: c.NewRequest, which takes a context and can fail\]$`
	for _, r := range rules {
		body = append(body, "rule:"+r)
	}
	return body
}

// AddRules sends the rules in one request, or checks them first in
// another: it converts them twice, and is named once.
func (c *APIClient) AddRules(ctx context.Context, rules []string, check bool) error {
	if check {
		if _, err := c.NewRequest(ctx, "POST", "/rules/check", rulesToBody(rules)); err != nil {
			return err
		}
	}
	_, err := c.NewRequest(ctx, "POST", "/rules", rulesToBody(rules))
	return err
}

// defaultHeaders is built when the package is initialized, by the helper
// that requests also call: it does not run only next to a remote call.
var defaultHeaders = headersToBody([]string{"accept", "user-agent"})

// headersToBody converts headers, at initialization and for requests.
func headersToBody(headers []string) []string {
	var body []string // want `body can be preallocated with capacity len\(headers\) .*\[medium: no bound on the count found here\]$`
	for _, h := range headers {
		body = append(body, "header:"+h)
	}
	return body
}

// SetHeaders sends headers in one request.
func (c *APIClient) SetHeaders(ctx context.Context, headers []string) error {
	_, err := c.NewRequest(ctx, "PUT", "/headers", headersToBody(headers))
	return err
}

// query sends a request without a context, as older clients do.
func (c *APIClient) query(method, path string) error {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Relay names an operation's secrets, then relays them: the request
// costs far more than the slice's growth.
func (c *APIClient) Relay(keys []string) error {
	var secrets []string // want `\[low: the function also makes a remote call, costlier than the growth: c.query, which reaches the network \(c.http.Do in query\)\]$`
	for _, k := range keys {
		secrets = append(secrets, "secret:"+k)
	}
	return c.query("POST", "/relay/"+strings.Join(secrets, ","))
}

// tagsToBody converts tags for two requests.
func tagsToBody(tags []string) []string {
	var body []string // want `\[low: called only from functions that make a remote call, costlier than the growth: AddTags \(c.query, which reaches the network \(c.http.Do in query\)\), RemoveTags \(c.NewRequest, which takes a context and can fail\)\]$`
	for _, t := range tags {
		body = append(body, "tag:"+t)
	}
	return body
}

// AddTags and RemoveTags send the tags in one request each.
func (c *APIClient) AddTags(tags []string) error {
	return c.query("POST", "/tags/"+strings.Join(tagsToBody(tags), ","))
}

func (c *APIClient) RemoveTags(ctx context.Context, tags []string) error {
	_, err := c.NewRequest(ctx, "DELETE", "/tags", tagsToBody(tags))
	return err
}

// labelsOf converts labels for a request and for a local summary, which
// makes no remote call: the growth counts there.
func labelsOf(labels []string) []string {
	var out []string // want `out can be preallocated with capacity len\(labels\) .*\[medium: no bound on the count found here\]$`
	for _, l := range labels {
		out = append(out, "label:"+l)
	}
	return out
}

// SetLabels sends the labels in one request.
func (c *APIClient) SetLabels(ctx context.Context, labels []string) error {
	_, err := c.NewRequest(ctx, "PUT", "/labels", labelsOf(labels))
	return err
}

// LabelSummary joins the labels locally.
func LabelSummary(labels []string) string {
	return strings.Join(labelsOf(labels), ",")
}

// DeviceNames copies a directory listing: reading it costs far more.
func DeviceNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	names := []string{} // want `\[low: the loop goes over a directory listing \(os.ReadDir\), which allocates per entry to read\]$`
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names, nil
}

// Ports parses numbers, which allocates nothing: still reported as usual.
func Ports(in []string) ([]uint16, error) {
	var ports []uint16 // want `ports can be preallocated with capacity len\(in\) .*\[medium: `
	for _, s := range in {
		n, err := strconv.ParseUint(s, 10, 16)
		if err != nil {
			return nil, err
		}
		ports = append(ports, uint16(n))
	}
	return ports, nil
}

// Counts calls look-alikes of an open that open nothing: still reported as usual.
func Counts(dirs []string) []int {
	var counts []int // want `counts can be preallocated with capacity len\(dirs\) .*\[medium: `
	for _, d := range dirs {
		counts = append(counts, OpenedCount(d)+OpenSlots(d))
	}
	return counts
}

// Long keeps an unknown share of the lines.
func Long(lines []string) []string {
	out := []string{} // want `out gets at most len\(lines\) elements .*\[low: conditional: the count is only an upper bound\]$`
	for _, l := range lines {
		if len(l) > 80 {
			out = append(out, l)
		}
	}
	return out
}

type list []int

// String is for people.
func (l list) String() string {
	var parts []string // want `\[low: a description for people \(String\)\]$`
	for _, x := range l {
		parts = append(parts, fmt.Sprint(x))
	}
	return strings.Join(parts, ",")
}

// Mixed splits the elements by a property: neither half's count is known.
func Mixed(ips [][]byte) (v4, v6 [][]byte) {
	for _, ip := range ips {
		if len(ip) == 4 {
			v4 = append(v4, ip)
		} else {
			v6 = append(v6, ip)
		}
	}
	return v4, v6
}

type sample struct{ labels map[string]string }

// Keys sorts the label keys of each sample: many samples, few labels each.
func Keys(samples []sample) [][]string {
	all := make([][]string, 0, len(samples))
	for _, s := range samples {
		var keys []string // want `keys can be preallocated with capacity len\(s.labels\) .*\[low: the parts of one element of an outer loop\]$`
		for k := range s.labels {
			keys = append(keys, k)
		}
		all = append(all, keys)
	}
	return all
}

// Union fills the set in two loops: the first loop's hint covers part.
func Union(a, b []int) map[int]bool {
	set := make(map[int]bool) // want `set can be sized for at least len\(a\) entries .*\[low: the map also gets entries outside the loop: the hint covers only part\]$`
	for _, x := range a {
		set[x] = true
	}
	for _, x := range b {
		set[x] = true
	}
	return set
}

// UnionPositive fills the set under a condition in two loops: the first
// loop's count bounds neither the set nor what that loop adds to it.
func UnionPositive(a, b []int) map[int]bool {
	set := make(map[int]bool) // want `set gets at most len\(a\) entries from this loop and more outside it, so that capacity covers only part .*\[low: the map also gets entries outside the loop: the hint covers only part\]$`
	for _, x := range a {
		if x > 0 {
			set[x] = true
		}
	}
	for _, x := range b {
		set[x] = true
	}
	return set
}

// Fallback fills the map made in one branch of an if chain; the other
// branches make maps of their own, so the loop's count is this map's.
func Fallback(keys []string, fetch func([]string) map[string]int, down bool) map[string]int {
	var counts map[string]int
	if down {
		counts = make(map[string]int) // want `counts can be preallocated with capacity len\(keys\) \(past 8 entries, the map grows ~log2\(n/8\) times, rehashing its entries each time\) \[medium: no bound on the count found here\]$`
		for _, k := range keys {
			counts[k] = -1
		}
	} else if fetch == nil {
		counts = make(map[string]int)
		counts[""] = 0
	} else {
		counts = fetch(keys)
	}
	return counts
}

// FallbackMarked fills the map past the if chain too, whichever branch
// made it: the loop's hint covers part.
func FallbackMarked(keys []string, down bool) map[string]int {
	var counts map[string]int
	if down {
		counts = make(map[string]int) // want `counts can be sized for at least len\(keys\) entries .*\[low: the map also gets entries outside the loop: the hint covers only part\]$`
		for _, k := range keys {
			counts[k] = -1
		}
	} else {
		counts = make(map[string]int)
	}
	counts[""] = 0
	return counts
}

// Orphans keeps the names its index does not know: a lookup in another
// map decides, and what it keeps is often none.
func Orphans(names []string, known map[string]int) []string {
	orphans := []string{} // want `orphans gets at most len\(names\) elements .*; no automatic fix: a lookup in known decides which elements it keeps, anywhere from none to all of them, so the upper bound may reserve far more than the loop keeps \[low: conditional: the count is only an upper bound\]$`
	for _, n := range names {
		if _, ok := known[n]; ok {
			continue
		}
		orphans = append(orphans, n)
	}
	return orphans
}

// Unique keeps the first of each name: the set it looks up is the one it
// fills, and it keeps most.
func Unique(names []string) []string {
	seen := make(map[string]bool)
	out := []string{} // want `out gets at most len\(names\) elements and can be preallocated with that capacity \(append grows it ~log2\(n\) times, copying the elements each time\) \[low: conditional: the count is only an upper bound\]$`
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// Responses answers every key, with an error for each when the fetch
// failed: that loop runs once per failure.
func Responses(keys []string, fetch func([]string) (map[string]string, error)) map[string]string {
	found, err := fetch(keys)
	if err != nil {
		failed := make(map[string]string) // want `failed can be preallocated with capacity len\(keys\) .*\[low: on an error path \(it runs only when something failed\): once per failure\]$`
		for _, k := range keys {
			failed[k] = err.Error()
		}
		return failed
	}
	return found
}

var errTooOld = errors.New("broker too old")

// KeysAlone asks for each key alone only when the batched request failed
// because the broker is too old: a fallback, once per such failure.
func KeysAlone(keys []string, lastErr error) [][]string {
	split := errors.Is(lastErr, errTooOld)
	if !split {
		return [][]string{keys}
	}
	var out [][]string // want `out can be preallocated with capacity len\(keys\) .*\[low: on an error path \(it runs only when something failed\): once per failure\]$`
	for _, k := range keys {
		out = append(out, []string{k})
	}
	return out
}

// RowsByIndex gives each index an empty list of rows to fill later: an
// empty slice literal, or make of length 0, allocates nothing, so the
// map's growth is what the loop costs.
func RowsByIndex(indices []uint32) (map[uint32][]string, map[uint32][]int) {
	rows := make(map[uint32][]string) // want `rows can be preallocated with capacity len\(indices\) .*\[medium: no bound on the count found here\]$`
	for _, idx := range indices {
		rows[idx] = []string{}
	}
	counts := make(map[uint32][]int) // want `counts can be preallocated with capacity len\(indices\) .*\[medium: no bound on the count found here\]$`
	for _, idx := range indices {
		counts[idx] = make([]int, 0)
	}
	return rows, counts
}

// ShardSizes ranges over the shards a call returns, or over one it
// writes out when the call returns none: the count is the call's.
func ShardSizes(split func() ([]int, error)) []int {
	shards, err := split()
	if err != nil {
		return nil
	}
	if len(shards) == 0 {
		shards = []int{0}
	}
	var sizes []int // want `sizes can be preallocated with capacity len\(shards\) .*\[medium: no bound on the count found here\]$`
	for _, s := range shards {
		sizes = append(sizes, s*2)
	}
	return sizes
}

// FirstSeen keeps each key the first time it counts it: the map it looks
// up is the one it fills (count[k]++), a dedup that keeps most.
func FirstSeen(keys []string) ([]string, map[string]int) {
	count := map[string]int{}
	var order []string // want `order gets at most len\(keys\) elements and can be preallocated with that capacity \(append grows it ~log2\(n\) times, copying the elements each time\); no automatic fix: the appends are conditional, and growing a nil slice that gets none would make it non-nil \[low: conditional: the count is only an upper bound\]$`
	for _, k := range keys {
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	return order, count
}

type row struct {
	names []string
	next  bool
}

func (r *row) scan(into *row) { into.names = append(into.names[:0], r.names...) }

// Columns reads the column names of each row: a local made per row holds
// few names, however many rows there are.
func Columns(r *row) [][]string {
	var all [][]string
	for r.next {
		var t row
		r.scan(&t)
		var cols []string // want `cols can be preallocated with capacity len\(t.names\) .*\[low: the parts of one element of an outer loop\]$`
		for _, n := range t.names {
			cols = append(cols, n+"!")
		}
		all = append(all, cols)
	}
	return all
}

// Watch collects the keys it was called with: a few, written at the call site.
func Watch(keys ...string) map[string]bool {
	set := map[string]bool{} // want `set can be preallocated with capacity len\(keys\) .*\[low: the arguments of one call \(a variadic parameter\)\]$`
	for _, k := range keys {
		set[k] = true
	}
	return set
}

// IDs counts through the messages it was called with, the same few.
func IDs(msgs ...fmt.Stringer) []string {
	ids := make([]string, 0) // want `ids can be preallocated with capacity len\(msgs\) .*\[low: the arguments of one call \(a variadic parameter\)\]$`
	for i := 0; i < len(msgs); i++ {
		ids = append(ids, msgs[i].String())
	}
	return ids
}

type closer interface{ Close() error }

// Errs gathers the errors of checking each resource: usually none.
func Errs(cs []closer) []error {
	var errs []error // want `errs can be preallocated with capacity len\(cs\) .*\[low: error aggregation: the errors of a teardown or a check, one per failure, usually few\]$`
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errs
}

// CheckAll validates each item and collects the failures: the fix would
// allocate len(items) errors on every call that has none.
func CheckAll(items []string) []error {
	errs := make([]error, 0) // want `errs gets at most len\(items\) elements .*; no automatic fix: the errors are usually few or none, and the capacity would be allocated in full on every call \[low: error aggregation`
	for _, it := range items {
		if err := check(it); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func check(string) error { return nil }

type ServerConfig struct{ URI string }

// URIs ranges over a list of configured servers.
func URIs(servers []*ServerConfig) []string {
	var out []string // want `\[low: loop over configured items \(ServerConfig\)\]$`
	for _, s := range servers {
		out = append(out, s.URI)
	}
	return out
}

// Branches appends on two branches of three: the chain has no final
// else, so an element may be skipped, and two appends are not one
// accumulation: not reported.
func Branches(in []int) []int {
	var out []int
	for _, x := range in {
		if x > 0 {
			out = append(out, x)
		} else if x < -10 {
			out = append(out, -x)
		}
	}
	return out
}

// Skips appends on one branch and continues on the other.
func Skips(in []int) []int {
	var out []int // want `out gets at most len\(in\) elements .*\[low: conditional: the count is only an upper bound\]$`
	for _, x := range in {
		if x > 0 {
			out = append(out, x)
		} else {
			continue
		}
	}
	return out
}

// Values copies each value as a string: one small allocation per element
// does not make the growth a small share, so it is reported as usual.
func Values(raw [][]byte) []string {
	var out []string // want `out can be preallocated with capacity len\(raw\) .*\[medium: `
	for _, v := range raw {
		out = append(out, string(v))
	}
	return out
}

type state struct{ name string }

// States makes a small value per name: reported as usual.
func States(names []string) []*state {
	var out []*state // want `out can be preallocated with capacity len\(names\) .*\[medium: `
	for _, n := range names {
		out = append(out, &state{name: n})
	}
	return out
}

// invariants switches on self-checks that only test and debug builds run.
var invariants = struct{ Enabled bool }{}

// Obsolete checks its list for duplicates only in builds with invariants
// on: production builds never fill the set.
func Obsolete(nums []int) []int {
	if invariants.Enabled {
		seen := make(map[int]struct{}) // want `seen can be preallocated with capacity len\(nums\) .*\[low: self-checks of debug builds \(under invariants\)\]$`
		for _, n := range nums {
			seen[n] = struct{}{}
		}
		if len(seen) != len(nums) {
			panic("duplicate")
		}
	}
	return nums
}

// Member is one machine of a cluster.
type Member struct{ ID uint64 }

// Cluster lists its machines: a handful.
type Cluster struct {
	members map[uint64]*Member
	Brokers []Member
	Servers []Member

	ReplicaAssignments []int32
}

// MemberIDs lists the machines: low.
func (c *Cluster) MemberIDs() []uint64 {
	var ids []uint64 // want `ids can be preallocated with capacity len\(c.members\) .*\[low: a list that is short in practice\]$`
	for _, m := range c.members {
		ids = append(ids, m.ID)
	}
	return ids
}

// BrokerIDs lists the brokers: low.
func (c *Cluster) BrokerIDs() []uint64 {
	var ids []uint64 // want `ids can be preallocated with capacity len\(c.Brokers\) .*\[low: a list that is short in practice\]$`
	for _, b := range c.Brokers {
		ids = append(ids, b.ID)
	}
	return ids
}

// Server is one machine of a deployment, as a driver describes it.
type Server struct{ Addr string }

// AvoidServers filters the candidates by a list of servers named for what
// happened to them: its elements are machines, a handful.
func AvoidServers(candidates, deprioritized []Server) map[string]bool {
	avoid := make(map[string]bool) // want `avoid can be preallocated with capacity len\(deprioritized\) .*\[low: a list that is short in practice\]$`
	for _, srv := range deprioritized {
		avoid[srv.Addr] = true
	}
	return avoid
}

// A Serverless function is no machine.
type Serverless struct{ Name string }

func FunctionNames(fns []Serverless) []string {
	var names []string // want `names can be preallocated with capacity len\(fns\) .*\[medium: no bound on the count found here\]$`
	for _, f := range fns {
		names = append(names, f.Name)
	}
	return names
}

// DecodePeers decodes the addresses of a consensus group's peers, as
// stored with its configuration: a handful, low.
func DecodePeers(encPeers [][]byte) []string {
	var addrs []string // want `addrs can be preallocated with capacity len\(encPeers\) .*\[low: a list that is short in practice\]$`
	for _, p := range encPeers {
		addrs = append(addrs, string(p))
	}
	return addrs
}

// digestsFor hashes a message once per key that signs it: one or two,
// low.
func digestsFor(msg []byte, signingKeys [][]byte) [][]byte {
	var digests [][]byte // want `digests can be preallocated with capacity len\(signingKeys\) .*\[low: a list that is short in practice\]$`
	for _, k := range signingKeys {
		digests = append(digests, append(slices.Clip(k), msg...))
	}
	return digests
}

// KeyIDs lists the keys of a key ring, which may hold many: medium.
func KeyIDs(keys [][]byte) []string {
	var ids []string // want `ids can be preallocated with capacity len\(keys\) .*\[medium`
	for _, k := range keys {
		ids = append(ids, string(k[:8]))
	}
	return ids
}

// CheckServers checks a consensus group's servers for duplicates when its
// configuration changes: low.
func (c *Cluster) CheckServers() bool {
	seen := make(map[uint64]bool) // want `seen can be preallocated with capacity len\(c.Servers\) .*\[low: a list that is short in practice\]$`
	for _, s := range c.Servers {
		if seen[s.ID] {
			return false
		}
		seen[s.ID] = true
	}
	return true
}

// Assignments copies a topic's replica assignments, one per partition:
// not the machines themselves, reported as usual.
func (c *Cluster) Assignments() []int64 {
	var out []int64 // want `out can be preallocated with capacity len\(c.ReplicaAssignments\) .*\[medium: `
	for _, r := range c.ReplicaAssignments {
		out = append(out, int64(r))
	}
	return out
}

// FuncExpr is a parsed call of a query language: a name and the
// arguments written in the query, a handful.
type FuncExpr struct {
	Name string
	Args []QueryArg
	Rows []QueryArg
}

// QueryArg is one argument of a FuncExpr.
type QueryArg struct{ Expr string }

// ArgExprs walks the arguments through a local copied from the field:
// low, as the field itself.
func ArgExprs(fe *FuncExpr) []string {
	args := fe.Args
	var exprs []string // want `exprs can be preallocated with capacity len\(args\) .*\[low: a list that is short in practice\]$`
	for _, a := range args {
		exprs = append(exprs, a.Expr)
	}
	return exprs
}

// LabelsAfterFirst counts through the arguments from the second: low too.
func LabelsAfterFirst(fe *FuncExpr) []string {
	args := fe.Args
	var labels []string // want `labels can be preallocated with capacity max\(len\(args\) - 1, 0\) .*\[low: a list that is short in practice\]$`
	for i := 1; i < len(args); i++ {
		labels = append(labels, args[i].Expr)
	}
	return labels
}

// RowExprs copies a field not named for parts: reported as usual.
func RowExprs(fe *FuncExpr) []string {
	rows := fe.Rows
	var exprs []string // want `exprs can be preallocated with capacity len\(rows\) .*\[medium: no bound on the count found here\]$`
	for _, r := range rows {
		exprs = append(exprs, r.Expr)
	}
	return exprs
}

// EntryOffsets reads a directory of n entries whose count the file
// declares, but counts above 1024 return first: low.
func EntryOffsets(n int, b []byte) ([]uint32, error) {
	if n <= 0 || n > 1024 || n > len(b)/4 {
		return nil, fmt.Errorf("bad entry count %d", n)
	}
	var offs []uint32 // want `offs can be preallocated with capacity max\(n, 0\) .*\[low: at most 1024: larger counts return above\]$`
	for j := range n {
		offs = append(offs, binary.BigEndian.Uint32(b[j*4:]))
	}
	return offs, nil
}

// A Matcher selects policies for at most one service.
type Matcher struct{ Services []string }

// Namespaces panics on more than one service: the loop runs at most once.
func Namespaces(root string, m Matcher) []string {
	if len(m.Services) > 1 {
		panic("at most 1 service")
	}
	lookup := []string{root} // want `lookup can be preallocated with capacity len\(m.Services\) \+ 1 .*\[low: at most 1: longer lists panic above\]$`
	for _, svc := range m.Services {
		lookup = append(lookup, svc)
	}
	return lookup
}

// Groups names the groups of a remote URL's first match: as many as the
// pattern has, a count the code fixes.
func Groups(re *regexp.Regexp, url string) map[string]string {
	matches := re.FindAllStringSubmatch(url, -1)[0]
	names := re.SubexpNames()
	groups := map[string]string{} // want `\[low: the groups of a regular expression, fixed by its pattern \(FindAllStringSubmatch\)\]$`
	for i, v := range matches {
		groups[names[i]] = v
	}
	return groups
}

// GroupKeys lists the pattern's group names as keys.
func GroupKeys(re *regexp.Regexp) []string {
	names := re.SubexpNames()
	var keys []string // want `\[low: the groups of a regular expression, fixed by its pattern \(SubexpNames\)\]$`
	for _, n := range names {
		keys = append(keys, n+"=")
	}
	return keys
}

// AllMatches lists every match of the pattern: as many as the input holds.
func AllMatches(re *regexp.Regexp, text string) []string {
	var out []string // want `out can be preallocated with capacity len\(all\) .*\[medium: no bound on the count found here\]$`
	all := re.FindAllString(text, -1)
	for _, m := range all {
		out = append(out, m+";")
	}
	return out
}

// DoubledOffsets changes the count after the check: reported as usual.
func DoubledOffsets(n int, b []byte) ([]uint32, error) {
	if n <= 0 || n > 1024 {
		return nil, fmt.Errorf("bad entry count %d", n)
	}
	n *= 2
	var offs []uint32 // want `offs can be preallocated with capacity max\(n, 0\) .*\[medium: `
	for j := range n {
		offs = append(offs, binary.BigEndian.Uint32(b[j*4:]))
	}
	return offs, nil
}

// GroupConfig configures a consumer group.
type GroupConfig struct{ Balancers []string }

// Group keeps its configuration by value, loaded once.
type Group struct{ config GroupConfig }

// Protocols ranges over a configuration kept in a field: low.
func (g *Group) Protocols() []string {
	var out []string // want `\[low: loop over configured items \(GroupConfig\)\]$`
	for _, b := range g.config.Balancers {
		out = append(out, b+"/v1")
	}
	return out
}

// ProxyConfig is a proxy's configuration file; its default rule is not
// named as a configuration, but what it lists is configured.
type ProxyConfig struct{ Default *ProxyRule }

// ProxyRule is one rule of the file.
type ProxyRule struct{ Domains []string }

// Domains ranges over a field of a field of a configuration: low.
func (c *ProxyConfig) Domains() []string {
	var out []string // want `\[low: loop over configured items \(ProxyConfig\)\]$`
	for _, d := range c.Default.Domains {
		out = append(out, "*."+d)
	}
	return out
}

// A Project is what a release tool reads from its file; its type is not
// named as a configuration, but the field that holds it is.
type Project struct{ Signs []string }

// ReleaseContext carries a release's state and its configuration.
type ReleaseContext struct{ Config Project }

// SignCommands ranges over a list of the field named Config: low.
func SignCommands(ctx *ReleaseContext) []string {
	var cmds []string // want `\[low: loop over configured items \(ctx.Config\)\]$`
	for _, s := range ctx.Config.Signs {
		cmds = append(cmds, "sign "+s)
	}
	return cmds
}

// cfg is a client's configuration, under an abbreviated name.
type cfg struct{ balancers []string }

// Consumer keeps a pointer to its client's configuration.
type Consumer struct{ cfg *cfg }

// Balancers ranges over an abbreviated configuration type: low.
func (c *Consumer) Balancers() []string {
	var out []string // want `\[low: loop over configured items \(cfg\)\]$`
	for _, b := range c.cfg.balancers {
		out = append(out, b+"/v1")
	}
	return out
}

// Topics ranges over a configuration value passed with a request, its
// payload: reported as usual.
func Topics(c GroupConfig) []string {
	var out []string // want `out can be preallocated with capacity len\(c.Balancers\) .*\[medium: `
	for _, b := range c.Balancers {
		out = append(out, b+"/v1")
	}
	return out
}

// TransformConfig configures one subject transform of a stream source.
type TransformConfig struct{ Source, Destination string }

// Source is one configured source of a stream.
type Source struct{ Transforms []TransformConfig }

// Filters lists a source's configured transforms, a handful: low.
func Filters(s *Source) []string {
	var out []string // want `\[low: loop over configured items \(TransformConfig\)\]$`
	for _, t := range s.Transforms {
		out = append(out, t.Source)
	}
	return out
}

// Entry is a configuration entry of one of several kinds.
type Entry interface{ Kind() string }

type serviceEntry struct{ name string }

func (e *serviceEntry) Kind() string { return "service" }

// DecodeEntry builds an entry of the kind its input names.
func DecodeEntry(raw map[string]any) (Entry, error) {
	name, _ := raw["Name"].(string)
	return &serviceEntry{name: name}, nil
}

// Entries decodes each raw entry: the decode allocates the entry, far more
// than the growth.
func Entries(raw []map[string]any) ([]Entry, error) {
	var entries []Entry // want `\[low: the loop body also allocates \(DecodeEntry\) on every iteration\]$`
	for _, r := range raw {
		e, err := DecodeEntry(r)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// TopicConfig describes a topic to create: the payload of a request,
// though its name says configuration.
type TopicConfig struct{ Assignments []int32 }

// request encodes the topic's replica assignments, one per partition:
// reported as usual, even in a method of a Config type.
func (t TopicConfig) request() []int64 {
	var out []int64 // want `out can be preallocated with capacity len\(t.Assignments\) .*\[medium: `
	for _, a := range t.Assignments {
		out = append(out, int64(a))
	}
	return out
}

// Request keeps request in production.
func Request(t TopicConfig) []int64 { return t.request() }

const maxTries = 5

// Squares and Backoffs run a number of times fixed by the code: the count
// is written as the loop's bounds give it, folded when both are literals.
func Squares() []int {
	var sq []int // want `sq can be preallocated with capacity 9 \(.*\[low: a count fixed by the code\]$`
	for i := 1; i < 10; i++ {
		sq = append(sq, i*i)
	}
	return sq
}

func Rounds() []int {
	var rs []int // want `rs can be preallocated with capacity 10 \(.*\[low: a count fixed by the code\]$`
	for i := 1; i <= 10; i++ {
		rs = append(rs, i)
	}
	return rs
}

func Backoffs() []int {
	var ds []int // want `ds can be preallocated with capacity maxTries - 2 \+ 1 \(.*\[low: a count fixed by the code\]$`
	for i := 2; i <= maxTries; i++ {
		ds = append(ds, i)
	}
	return ds
}

// Diversifier and Key: every call of diversifier passes the block size
// 64, so its loop runs 64 times, however the parameter is named. A
// parameter the function reassigns, or one a call passes a variable,
// says nothing.
func diversifier(id byte, v int) []byte {
	var d []byte // want `d can be preallocated with capacity max\(v, 0\) \(.*\[low: a count fixed by the code\]$`
	for i := 0; i < v; i++ {
		d = append(d, id)
	}
	return d
}

func salted(id byte, v int) []byte {
	v *= 2
	var d []byte // want `d can be preallocated with capacity max\(v, 0\) \(.*\[medium\]$`
	for i := 0; i < v; i++ {
		d = append(d, id)
	}
	return d
}

func repeated(id byte, v int) []byte {
	var d []byte // want `d can be preallocated with capacity max\(v, 0\) \(.*\[medium\]$`
	for i := 0; i < v; i++ {
		d = append(d, id)
	}
	return d
}

func Key(n int) ([]byte, []byte, []byte) {
	return diversifier(1, 64), append(diversifier(2, 64), salted(3, 64)...), repeated(4, n)
}

// layoutLogging is off in the source: the compiler drops what it guards,
// and a helper only called there.
const layoutLogging = false

func Layout(blocks []int, check bool) []int {
	out := make([]int, 0, len(blocks))
	out = append(out, blocks...)
	if layoutLogging && check {
		var ids []string // want `ids can be preallocated with capacity len\(blocks\) .*\[low: code switched off \(under layoutLogging, a constant false\)\]$`
		for _, b := range blocks {
			ids = append(ids, strconv.Itoa(b))
		}
		println(strings.Join(ids, ","))
		println(describeBlocks(blocks))
	}
	return out
}

func describeBlocks(blocks []int) string {
	var parts []string // want `parts can be preallocated with capacity len\(blocks\) .*\[low: code switched off \(every call of describeBlocks is under a constant false\)\]$`
	for _, b := range blocks {
		parts = append(parts, strconv.Itoa(b))
	}
	return strings.Join(parts, " ")
}

// A helper that every caller calls under a debug switch only feeds the
// debug log: a copy of a request's headers, made when Debug is on.
type client struct{ Debug bool }

func (c *client) Do(h map[string][]string) {
	if c.Debug {
		logHeaders(copyHeaderMap(h))
	}
}

func (c *client) Retry(h map[string][]string) {
	if c.Debug {
		logHeaders(copyHeaderMap(h))
	}
}

func logHeaders(map[string][]string) {}

func copyHeaderMap(h map[string][]string) map[string][]string {
	out := map[string][]string{} // want `out can be preallocated with capacity len\(h\) .*\[low: debug output \(every call of copyHeaderMap is under Debug\)\]$`
	for k, v := range h {
		out[k] = v
	}
	return out
}

// fieldError is one failure of a validation, and errorList a list of
// them: what a check collects, usually nothing.
type fieldError struct{ path, detail string }

func (e *fieldError) Error() string { return e.path + ": " + e.detail }

type errorList []*fieldError

func Duplicates(path string, dups []string) errorList {
	var errs errorList // want `errs can be preallocated with capacity len\(dups\) .*\[low: error aggregation: the errors of a teardown or a check, one per failure, usually few\]$`
	for _, d := range dups {
		errs = append(errs, &fieldError{path: path, detail: d})
	}
	return errs
}

// MediaType sorts a type's parameters for a deterministic output: the
// sort costs more than the growth.
func MediaType(t string, params map[string]string) string {
	keys := slices.Sorted(maps.Keys(params)) // want `slices.Sorted\(maps.Keys\(params\)\) appends one element .*\[low: sorted for a deterministic order: the sort costs more than the growth\]$`
	for i, k := range keys {
		keys[i] = k + "=" + params[k]
	}
	return t + ";" + strings.Join(keys, ";")
}

// ambiguousError names the candidates of a lookup that matched several.
type ambiguousError struct {
	name    string
	matches []string
}

func (e *ambiguousError) Error() string { return e.name + " is ambiguous" }

type mapping struct{ kind string }

// Resolve builds the list of candidates only for the error it returns.
func Resolve(name string, found []mapping) (string, error) {
	if len(found) == 1 {
		return found[0].kind, nil
	}
	var kinds []string // want `kinds can be preallocated with capacity len\(found\) .*\[low: builds an error \(ambiguousError\): once per failure\]$`
	for _, m := range found {
		kinds = append(kinds, m.kind)
	}
	return "", &ambiguousError{name: name, matches: kinds}
}

// Paths collects a map's keys and sorts them next: sorted keys, as
// slices.Sorted gives.
func Paths(nodes map[string][]byte) []string {
	paths := slices.Collect(maps.Keys(nodes)) // want `slices.Collect\(maps.Keys\(nodes\)\) appends one element .*\[low: sorted for a deterministic order: the sort costs more than the growth\]$`
	slices.Sort(paths)
	return paths
}

// Subscribed hands a snapshot of a registry to its caller: a map of a few
// entries, outside a request path.
func Subscribed(channels map[string]struct{}) []string {
	return slices.Collect(maps.Keys(channels)) // want `slices.Collect\(maps.Keys\(channels\)\) appends one element .*\[low: a snapshot of a map, where the package does not show a request path\]$`
}

// Partition groups values by a key computed per element: the map gets an
// entry only for a key it has not seen, so its size is the number of
// groups, not of elements. Not reported, even under -strict.
func Partition(values []string, keys []string) [][]string {
	var groups [][]string
	seen := map[string]int{}
	for i := range values {
		at, ok := seen[keys[i]]
		if ok {
			groups[at] = append(groups[at], values[i])
		} else {
			seen[keys[i]] = len(groups)
			groups = append(groups, []string{values[i]})
		}
	}
	return groups
}

// Compact logs the sources it merged: the list only goes into a log line.
func Compact(dirs []string) int {
	var sources []string // want `sources can be preallocated with capacity len\(dirs\) .*\[low: it only goes into a diagnostic \(a log line or an error's text\)\]$`
	for _, d := range dirs {
		sources = append(sources, strings.TrimSuffix(d, "/"))
	}
	log.Printf("compacted %v", sources)
	return len(dirs)
}

// A leveled logger, as logging libraries have.
type leveled struct{ prefix string }

func (l *leveled) Infof(format string, args ...any) { log.Printf(l.prefix+format, args...) }

var plog = &leveled{prefix: "proxy: "}

// Announce logs the endpoints it found: the list only goes into an
// info-level log line.
func Announce(urls []fmt.Stringer) {
	var found []string // want `found can be preallocated with capacity len\(urls\) .*\[low: it only goes into a diagnostic \(a log line or an error's text\)\]$`
	for _, u := range urls {
		found = append(found, u.String())
	}
	plog.Infof("endpoints found %q", found)
}

// A query builder: each clause builds its JSON source, a map that can
// fail to build, far more than the slice's growth.
type Query interface {
	Source() (any, error)
}

type BoolQuery struct{ must []Query }

func (q *BoolQuery) Source() (any, error) {
	var clauses []any // want `clauses can be preallocated with capacity len\(q.must\) .*\[low: the loop body also allocates \(clause.Source\) on every iteration\]$`
	for _, clause := range q.must {
		src, err := clause.Source()
		if err != nil {
			return nil, err
		}
		clauses = append(clauses, src)
	}
	return map[string]any{"bool": map[string]any{"must": clauses}}, nil
}

// normalize converts a decoded value: a list or a map is built again, a
// number or a string comes back as it came. A list of numbers allocates
// only its own growth.
func normalize(v any) (any, error) {
	switch v := v.(type) {
	case []any:
		return normalizeList(v)
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			s, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("key %v is not a string", k)
			}
			out[s] = e
		}
		return out, nil
	}
	return v, nil
}

func normalizeList(v []any) (any, error) {
	var out []any // want `out can be preallocated with capacity len\(v\) .*\[medium: no bound on the count found here\]$`
	for _, e := range v {
		n, err := normalize(e)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// valueOf boxes a command's value anew, whatever its type: a call given an
// untyped value that does not hand it back allocates.
func valueOf(cmd any) (any, error) {
	if c, ok := cmd.(interface{ Val() int64 }); ok {
		return c.Val(), nil
	}
	return nil, fmt.Errorf("no value in %T", cmd)
}

func CommandValues(cmds []any) []any {
	var out []any // want `\[low: the loop body also allocates \(valueOf\) on every iteration\]$`
	for _, c := range cmds {
		v, _ := valueOf(c)
		out = append(out, v)
	}
	return out
}

type member struct {
	name  string
	roles []string
}

// describe formats every member it is given, through a helper.
func describe(m member) string { return label(m.name, len(m.roles)) }

func label(name string, n int) string { return fmt.Sprintf("%s (%d roles)", name, n) }

// Descriptions calls a function of the package that formats on every
// call, two calls down: the message names both.
func Descriptions(ms []member) []string {
	var out []string // want `\[low: the loop body also allocates \(fmt.Sprintf in label\(\), called from describe\(\)\) on every iteration\]$`
	for _, m := range ms {
		out = append(out, describe(m))
	}
	return out
}

// withRoles makes a small slice per element and formats only on a
// failure, which neither counts.
func withRoles(m member, roles []string) (member, error) {
	if len(roles) == 0 {
		return member{}, fmt.Errorf("member %s has no roles", m.name)
	}
	m.roles = make([]string, len(roles))
	copy(m.roles, roles)
	return m, nil
}

// Converted presizes elements that each hold a slice of their own, as
// maintainers do: the helper's make is small next to a format or parse.
func Converted(ms []member, roles []string) []member {
	var out []member // want `out can be preallocated with capacity len\(ms\) .*\[medium: `
	for _, m := range ms {
		c, _ := withRoles(m, roles)
		out = append(out, c)
	}
	return out
}

// Render joins on every call, so each iteration's recursive call does.
func Render(t *tree, kids []*tree) string {
	var parts []string // want `\[low: the loop body also allocates \(strings.Join in Render\(\)\) on every iteration\]$`
	for _, k := range kids {
		parts = append(parts, Render(k, k.kids))
	}
	return t.name + "(" + strings.Join(parts, ",") + ")"
}

// A sigDecoder parses a binary schema, as a binary codec's decoder does.
type sigDecoder struct {
	buf []byte
	pos int
}

func (d *sigDecoder) ParseUnsigned() uint64 {
	n := uint64(d.buf[d.pos])
	d.pos++
	return n
}

func (d *sigDecoder) parseName() string {
	n := int(d.ParseUnsigned())
	s := string(d.buf[d.pos : d.pos+n])
	d.pos += n
	return s
}

// Variants reads a union's variants, as many as the schema it parses
// says: a parser's own count, from which std preallocates the types of a
// package's export data (a Read or Decode of a length prefix is another
// matter: see ReadList).
func (d *sigDecoder) Variants() []string {
	size := int(d.ParseUnsigned())
	var variants []string // want `variants can be preallocated with capacity max\(size, 0\) .*\[medium\]$`
	for i := 0; i < size; i++ {
		variants = append(variants, d.parseName())
	}
	return variants
}

type tree struct {
	name string
	kids []*tree
}

// ReadList reads a list whose length its first line declares: the count
// is what the input claims, and may be negative.
func ReadList(r *bufio.Reader) ([]string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	var elems int
	switch line[0] {
	case '*':
		length, err := strconv.Atoi(strings.TrimSpace(line[1:]))
		if err != nil {
			return nil, err
		}
		elems = length
	case '%':
		length, err := strconv.Atoi(strings.TrimSpace(line[1:]))
		if err != nil {
			return nil, err
		}
		elems = length * 2
	}
	var out []string // want `out can be preallocated with capacity max\(elems, 0\) .*; no automatic fix: a capacity from it trusts the input, which may declare far more elements than follow, or a negative count; cap it first \(min\(n, limit\)\) \[low: a count the input declares \(strconv.Atoi\)\]$`
	for i := 0; i < elems; i++ {
		s, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Varints decodes a length-prefixed list of varints.
func Varints(b []byte) []uint64 {
	n, k := binary.Uvarint(b)
	b = b[k:]
	count := int(n)
	vals := []uint64{} // want `vals can be preallocated with capacity max\(count, 0\) .*\[low: a count the input declares \(binary.Uvarint\)\]$`
	for i := 0; i < count; i++ {
		v, k := binary.Uvarint(b)
		b = b[k:]
		vals = append(vals, v)
	}
	return vals
}

type patch struct {
	diffs []string
	start int
}

// Copies builds each copy's own list by appends: the outer slice's
// growth is a small share of the loop's allocations.
func Copies(ps []patch) []patch {
	var out []patch // want `\[low: the loop body also allocates \(a slice it builds by appends\) on every iteration\]$`
	for _, p := range ps {
		c := patch{start: p.start} // want `c.diffs can be preallocated with capacity len\(p.diffs\) .*\[low: the parts of one element of an outer loop\]$`
		for _, d := range p.diffs {
			c.diffs = append(c.diffs, d)
		}
		out = append(out, c)
	}
	return out
}

type entry struct{ off, size int }

// TableTags fills a map at four constant keys and then lists them: the
// count is fixed by the code, not the data.
func TableTags(all map[string]entry) []string {
	picked := make(map[string]entry)
	picked["head"] = all["head"]
	picked["glyf"] = all["glyf"]
	picked["loca"] = all["loca"]
	picked["maxp"] = all["maxp"]
	var tags []string // want `tags can be preallocated with capacity len\(picked\) .*\[low: a count fixed by the code\]$`
	for tag := range picked {
		tags = append(tags, tag)
	}
	return tags
}

// NamedTags fills its map at keys from the data: the count grows with it.
// So does a count of each name, kept with ++.
func NamedTags(all map[string]entry, names []string) []string {
	picked := make(map[string]entry)
	picked["head"] = all["head"]
	for _, n := range names {
		picked[n] = all[n]
	}
	seen := make(map[string]int)
	seen["head"] = 1
	for _, n := range names {
		seen[n]++
	}
	var counted []string // want `counted can be preallocated with capacity len\(seen\) .*\[medium: no bound on the count found here\]$`
	for n := range seen {
		counted = append(counted, n)
	}
	_ = counted
	var tags []string // want `tags can be preallocated with capacity len\(picked\) .*\[medium: no bound on the count found here\]$`
	for tag := range picked {
		tags = append(tags, tag)
	}
	return tags
}

// outgoing is built by the package: its header holds what the caller set,
// one entry per call of With, never a parsed message's.
type outgoing struct {
	header http.Header
}

// With copies the header into a fresh map per call.
func (o outgoing) With(k, v string) outgoing {
	h := make(http.Header) // want `h can be preallocated with capacity len\(o.header\) .*\[medium: no bound on the count found here\]$`
	for name, vals := range o.header {
		h[name] = vals
	}
	h.Add(k, v)
	o.header = h
	return o
}

// incoming keeps the header of a response it read: parsed input.
type incoming struct {
	header http.Header
}

func (in *incoming) read(resp *http.Response) { in.header = resp.Header }

// Keys lists the header's names.
func (in *incoming) Keys() []string {
	var ks []string // want `ks can be preallocated with capacity len\(in.header\) .*\[medium: loop over parsed input \(http.Header\)\]$`
	for k := range in.header {
		ks = append(ks, k)
	}
	return ks
}

// ScriptNames lists another package's table: its length is set in that
// package's source, not by this code's data.
func ScriptNames() []string {
	var names []string // want `names can be preallocated with capacity len\(unicode.Scripts\) .*\[low: a package-level table of unicode.Scripts\]$`
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	return names
}

// builtins is built once from a list written below, and nothing changes
// it after: a table as much as a literal is.
var builtins = indexBuiltins([]builtin{{"len", 1}, {"cap", 1}, {"max", 2}})

// plugins is built the same way, but Register adds to it as the program
// runs: its length is not written in the source.
var plugins = indexBuiltins([]builtin{{"gzip", 0}})

type builtin struct {
	name  string
	arity int
}

func indexBuiltins(list []builtin) map[string]builtin {
	m := make(map[string]builtin, len(list))
	for _, b := range list {
		m[b.name] = b
	}
	return m
}

func Register(b builtin) { plugins[b.name] = b }

// BuiltinNames lists the built-in table: a count fixed by the code.
func BuiltinNames() map[string]int {
	arity := map[string]int{} // want `arity can be preallocated with capacity len\(builtins\) .*\[low: a count fixed by the code\]$`
	for name, b := range builtins {
		arity[name] = b.arity
	}
	return arity
}

// PluginNames lists what Register added: data.
func PluginNames() map[string]int {
	arity := map[string]int{} // want `arity can be preallocated with capacity len\(plugins\) .*\[medium: no bound on the count found here\]$`
	for name, b := range plugins {
		arity[name] = b.arity
	}
	return arity
}

// Path hashes the completed subtrees of a tree of n leaves: one per
// trailing one bit of n, at most 64 however large n is.
func Path(n uint64, h func(int) uint64) []uint64 {
	m := bits.TrailingZeros64(n + 1)
	var out []uint64 // want `out can be preallocated with capacity max\(m, 0\) .*\[low: at most 64: a count of bits \(bits.TrailingZeros64\)\]$`
	for i := range m {
		out = append(out, h(i))
	}
	return out
}

// ops is set once, by init, to a list written there; init only fills in
// its elements after: a table. plugs is set by init too, but AddPlug
// appends to it: data.
var (
	ops   []builtin
	plugs []plug
)

type plug struct{ name string }

func init() {
	ops = []builtin{{"add", 2}, {"neg", 1}}
	for i := range ops {
		ops[i].name = "op_" + ops[i].name
	}
	plugs = []plug{{"log"}}
}

func AddPlug(p plug) { plugs = append(plugs, p) }

// OpNames lists the operators: a count fixed by the code.
func OpNames() []string {
	var names []string // want `names can be preallocated with capacity len\(ops\) .*\[low: a count fixed by the code\]$`
	for _, op := range ops {
		names = append(names, op.name)
	}
	return names
}

// PlugNames lists what AddPlug appended: data.
func PlugNames() []string {
	var names []string // want `names can be preallocated with capacity len\(plugs\) .*\[medium: no bound on the count found here\]$`
	for _, h := range plugs {
		names = append(names, h.name)
	}
	return names
}

// bucketSizes groups values into n buckets and lists their sizes; n comes
// from nodelets, whose only caller passes 4: the loop over the buckets
// runs a count fixed by the code, whatever it stores into them.
func bucketSizes(vals []int, n int) []int {
	groups := make([][]int, n)
	for i, v := range vals {
		groups[i%n] = append(groups[i%n], v)
	}
	var sizes []int // want `sizes can be preallocated with capacity len\(groups\) .*\[low: a count fixed by the code\]$`
	for _, g := range groups {
		sizes = append(sizes, len(g))
	}
	return sizes
}

func nodelets(vals []int, limit int) []int { return bucketSizes(vals, limit) }

func Nodelets(vals []int) []int { return nodelets(vals, 4) }

const tracing = false

// TraceIDs returns above when tracing is off, a constant: the loop after
// it never runs.
func TraceIDs(events []entry) []int {
	if !tracing {
		return nil
	}
	var ids []int // want `ids can be preallocated with capacity len\(events\) .*\[low: code switched off \(past if !tracing { return }, a constant true\)\]$`
	for _, e := range events {
		ids = append(ids, e.off)
	}
	return ids
}

// allMediaTypes joins two lists written in the source: a table too, and
// so is what an unexported function that every call gives a table ranges
// over.
var (
	imageTypes    = []string{"image/v1", "image/v2"}
	indexTypes    = []string{"index/v1"}
	allMediaTypes = append(append([]string{"legacy"}, imageTypes...), indexTypes...)
)

func acceptHeader(acceptable []string) []string {
	var accept []string // want `accept can be preallocated with capacity len\(acceptable\) .*\[low: a count fixed by the code\]$`
	for _, t := range acceptable {
		accept = append(accept, t+";q=1")
	}
	return accept
}

func Head() []string  { return acceptHeader(allMediaTypes) }
func Image() []string { return acceptHeader(imageTypes) }
func Any() []string   { return acceptHeader(nil) }

// clause is an enumeration the package keeps to itself: a query holds at
// most one clause of each kind, whatever the data. Only the first
// constant has the type; the block lists the kinds all the same.
type clause string

const (
	selectClause clause = "select"
	whereClause         = "where"
	orderClause         = "order"
)

type query struct{ clauses map[clause]string }

// Kinds lists the kinds of clause the query holds: at most three.
func (q *query) Kinds() []clause {
	var kinds []clause // want `kinds can be preallocated .*\[low: at most 3: the map's keys are constants of clause\]$`
	for k := range q.clauses {
		kinds = append(kinds, k)
	}
	return kinds
}

// Phase is an exported enumeration numbered with iota.
type Phase int

const (
	Parse Phase = iota
	Plan
	Run
)

// Durations lists the time spent per phase: at most three.
func Durations(spent map[Phase]int64) []int64 {
	var out []int64 // want `out can be preallocated .*\[low: at most 3: the map's keys are constants of Phase\]$`
	for _, d := range spent {
		out = append(out, d)
	}
	return out
}

// Port is exported and its constants are not a numbering: callers make
// any value of it, so the map's size is the data's.
type Port int

const (
	HTTP  Port = 80
	HTTPS Port = 443
)

// Open lists the open ports of a scan.
func Open(scan map[Port]bool) []Port {
	var out []Port // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
	for p := range scan {
		out = append(out, p)
	}
	return out
}

// Batches sends names in batches of a fixed size: each batch's list holds
// at most that many, however many names there are.
func Batches(names []string, send func([]string)) {
	size := 20
	for batch := range slices.Chunk(names, size) {
		var out []string // want `out can be preallocated .*\[low: at most size: one chunk of slices.Chunk\]$`
		for _, n := range batch {
			out = append(out, strings.ToUpper(n[:1]))
		}
		send(out)
	}
}

// FieldAddrs returns, for a struct type, a function that lists pointers to
// the exported fields of a value of it: it runs per value, but the list is
// as long as the type has exported fields, which the program fixes.
func FieldAddrs(t reflect.Type) func(v reflect.Value) []any {
	var exported []int
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).IsExported() {
			exported = append(exported, i)
		}
	}
	return func(v reflect.Value) []any {
		var addrs []any // want `addrs can be preallocated .*\[low: at most t.NumField\(\) \(filling exported\): the program's types fix it\]$`
		for _, i := range exported {
			addrs = append(addrs, v.Field(i).Addr().Interface())
		}
		return addrs
	}
}

// ElementOffsets lists the offset of each element of an array type, once
// per type: the type's length, not any value, bounds it.
func ElementOffsets(t reflect.Type) []uintptr {
	offsets := []uintptr{0} // want `offsets can be preallocated .*\[low: at most t.Len\(\): the program's types fix it\]$`
	for i := 1; i <= t.Len(); i++ {
		offsets = append(offsets, uintptr(i)*t.Elem().Size())
	}
	return offsets
}

// ValueLengths counts to a value's length: its data decide it.
func ValueLengths(v reflect.Value) []int {
	var lens []int // want `lens can be preallocated .*\[medium: no bound on the count found here\]$`
	for i := 0; i < v.Len(); i++ {
		lens = append(lens, v.Index(i).Len())
	}
	return lens
}

// Indexes copies a list the function also fills from another source: its
// length is data, not the shape of a type.
func Indexes(t reflect.Type, extra []int) func() []int {
	var idx []int
	for i := 0; i < t.NumField(); i++ {
		idx = append(idx, i)
	}
	for _, e := range extra {
		idx = append(idx, e)
	}
	return func() []int {
		var out []int // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
		for _, i := range idx {
			out = append(out, i*2)
		}
		return out
	}
}

type pair struct{ name, value string }

// Banner lists settings that the code writes out one by one: however they
// are chosen, the list is no longer than the appends written here.
func Banner(verbose bool, subject string, n int) []string {
	var settings []pair
	addCount := func() {
		settings = append(settings, pair{"count", strconv.Itoa(n)})
	}
	settings = append(settings, pair{"subject", subject})
	if verbose {
		addCount()
		settings = append(settings, pair{"mode", "verbose"})
	}
	var out []string // want `out can be preallocated .*\[low: a count fixed by the code\]$`
	for _, s := range settings {
		out = append(out, s.name+"="+s.value)
	}
	return out
}

// prefixLines is given the lines its callers write out: a message line and
// sometimes an error line.
func prefixLines(lines []string, prefix string) []string {
	var out []string // want `out can be preallocated .*\[low: a count fixed by the code\]$`
	for _, l := range lines {
		out = append(out, prefix+l)
	}
	return out
}

func RenderEvent(msg, errText string) []string {
	lines := []string{msg}
	if errText != "" {
		lines = append(lines, "error: "+errText)
	}
	return prefixLines(lines, "> ")
}

func RenderNote(msg string) []string {
	return prefixLines([]string{msg}, "# ")
}

// Repeated calls a helper that appends in a loop: the list grows with the
// data.
func Repeated(names []string) []string {
	var settings []pair
	add := func(name string) {
		settings = append(settings, pair{"name", name})
	}
	add("first")
	for _, n := range names {
		add(n)
	}
	var out []string // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, s := range settings {
		out = append(out, s.name+"="+s.value)
	}
	return out
}

// Resolved appends a fallback to what a lookup returns: its length is the
// lookup's.
func Resolved(lookup func() ([]string, error)) []string {
	addrs, err := lookup()
	if err != nil {
		return nil
	}
	addrs = append(addrs, "0.0.0.0")
	var out []string // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, a := range addrs {
		out = append(out, a+":80")
	}
	return out
}

// Padded appends to a parameter: its length is the caller's.
func Padded(names []string) []string {
	names = append(names, "")
	var out []string // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, n := range names {
		out = append(out, n+"!")
	}
	return out
}

// Collected fills its list in a loop: its length is the data's.
func Collected(head string, rest []string) []string {
	lines := []string{head} // want `lines can be preallocated with capacity len\(rest\) \+ 1 .*\[medium: no bound on the count found here\]$`
	for _, r := range rest {
		lines = append(lines, r)
	}
	var out []string // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, l := range lines {
		out = append(out, strings.ToUpper(l))
	}
	return out
}

type step struct {
	name string
	deps []*step
}

type action struct {
	name string
	deps []*action
}

// Build makes an action per step, and calls itself on the step's
// dependencies: it runs once per node of the graph, but each loop walks
// the few children of one node.
func Build(s *step, done map[*step]*action) *action {
	if a, ok := done[s]; ok {
		return a
	}
	var deps []*action // want `deps can be preallocated .*\[low: the children of one node of a recursive walk \(s.deps\)\]$`
	for _, d := range s.deps {
		deps = append(deps, Build(d, done))
	}
	a := &action{name: s.name, deps: deps}
	done[s] = a
	return a
}

// BuildAll does the same with a local closure.
func BuildAll(roots []*step) []*action {
	done := map[*step]*action{}
	var mk func(s *step) *action
	mk = func(s *step) *action {
		a, ok := done[s]
		if !ok {
			var deps []*action // want `deps can be preallocated .*\[low: the children of one node of a recursive walk \(s.deps\)\]$`
			for _, d := range s.deps {
				deps = append(deps, mk(d))
			}
			a = &action{name: s.name, deps: deps}
			done[s] = a
		}
		return a
	}
	out := make([]*action, 0, len(roots))
	for _, r := range roots {
		out = append(out, mk(r))
	}
	return out
}

// DepNames walks one step's list without calling itself: the list is the
// data.
func DepNames(s *step) []string {
	var names []string // want `names can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, d := range s.deps {
		names = append(names, d.name)
	}
	return names
}

type codecOptions struct {
	codecs map[string]map[string]bool
}

// SupportedCodecs merges the codecs that the options list per format: the
// set is as large as the configuration makes it.
func SupportedCodecs(opts *codecOptions) []string {
	all := make(map[string]struct{})
	for _, codecs := range opts.codecs {
		for c := range codecs {
			all[c] = struct{}{}
		}
	}
	var out []string // want `out can be preallocated .*\[low: loop over configured items \(codecOptions\), collected in all\]$`
	for c := range all {
		out = append(out, c)
	}
	return out
}

// RequestedCodecs merges the options' codecs with the ones a request
// names: the set grows with the request.
func RequestedCodecs(opts *codecOptions, asked []string) []string {
	all := make(map[string]struct{})
	for _, codecs := range opts.codecs {
		for c := range codecs {
			all[c] = struct{}{}
		}
	}
	for _, c := range asked {
		all[c] = struct{}{}
	}
	var out []string // want `out can be preallocated .*\[medium: no bound on the count found here\]$`
	for c := range all {
		out = append(out, c)
	}
	return out
}

// A helper whose result is kept in a local that only an error reads
// builds that error: it runs once per failure.
type node struct{ id string }

func pickOne(candidates []*node) (*node, error) {
	if len(candidates) == 1 {
		return candidates[0], nil
	}
	ids := candidateIDs(candidates)
	return nil, fmt.Errorf("found %d candidates: %s", len(candidates), ids)
}

func candidateIDs(ns []*node) string {
	var ids []string // want `ids can be preallocated with capacity len\(ns\) .*\[low: builds diagnostics \(every call of candidateIDs feeds one\)\]$`
	for _, n := range ns {
		ids = append(ids, n.id)
	}
	return strings.Join(ids, ", ")
}

// PickOne keeps pickOne used in production.
func PickOne(candidates []*node) (*node, error) { return pickOne(candidates) }

// A local function whose every call is an argument of a log call builds
// that line: it runs once per failure.
func CommitKeys(keys [][]string, committed bool) error {
	if !committed {
		return nil
	}
	joinKeys := func(ks [][]string) []string {
		var out []string // want `out can be preallocated with capacity len\(ks\) .*\[low: builds diagnostics \(every call of joinKeys feeds one\)\]$`
		for _, k := range ks {
			out = append(out, k[0])
		}
		return out
	}
	log.Printf("commit failed after the primary was committed: %v", joinKeys(keys))
	return fmt.Errorf("commit failed")
}

// A local function also called for its result is not only the log's.
func SplitKeys(keys [][]string) []string {
	joinKeys := func(ks [][]string) []string {
		var out []string // want `out can be preallocated with capacity len\(ks\) .*\[medium: no bound on the count found here\]$`
		for _, k := range ks {
			out = append(out, k[0])
		}
		return out
	}
	log.Printf("splitting %v", joinKeys(keys))
	return joinKeys(keys)
}

// A loop that writes a log line per element does far more than growing
// its slice.
type auditLogger struct{}

func (auditLogger) Info(msg string, kv ...any) {}

func (auditLogger) Debug(msg string, kv ...any) {}

var audit auditLogger

func LockedKeys(keys []string) []string {
	var locked []string // want `locked can be preallocated .*\[low: the loop body also writes a log line \(audit.Info\) on each iteration that gets that far, far more work than the growth\]$`
	for _, k := range keys {
		audit.Info("key is locked", "key", k)
		locked = append(locked, k)
	}
	return locked
}

// A debug line is usually switched off.
func TracedKeys(keys []string) []string {
	var traced []string // want `traced can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, k := range keys {
		audit.Debug("tracing", "key", k)
		traced = append(traced, k)
	}
	return traced
}

// A log line written only for some elements is no such cost.
func CheckedKeys(keys []string) []string {
	var checked []string // want `checked can be preallocated .*\[medium: no bound on the count found here\]$`
	for _, k := range keys {
		if k == "" {
			log.Printf("empty key")
		}
		checked = append(checked, k)
	}
	return checked
}

// A helper whose result is joined into a local that only an error reads
// builds that error too.
type registry struct{ kinds map[string]func() }

func (r *registry) kindNames() []string {
	var names []string // want `names can be preallocated with capacity len\(r.kinds\) .*\[low: builds diagnostics \(every call of kindNames feeds one\)\]$`
	for k := range r.kinds {
		names = append(names, k)
	}
	return names
}

func (r *registry) Lookup(kind string) (func(), error) {
	fn, ok := r.kinds[kind]
	if !ok {
		known := strings.Join(r.kindNames(), ", ")
		return nil, fmt.Errorf("unknown kind %q; known: %s", kind, known)
	}
	return fn, nil
}

// A helper whose local is also returned is not only the error's.
func Label(candidates []*node) (string, error) {
	ids := nodeIDs(candidates)
	if len(candidates) > 8 {
		return "", fmt.Errorf("too many candidates: %s", ids)
	}
	return ids, nil
}

func nodeIDs(ns []*node) string {
	var ids []string // want `ids can be preallocated with capacity len\(ns\) .*\[medium: no bound on the count found here\]$`
	for _, n := range ns {
		ids = append(ids, n.id)
	}
	return strings.Join(ids, ", ")
}

// A usage error made from a format is a diagnostic, like fmt.Errorf.
func LayoutMissing(layouts []*node, want string) error {
	var names []string // want `names can be preallocated with capacity len\(layouts\) .*\[low: it only goes into a diagnostic \(a log line or an error's text\)\]$`
	for _, l := range layouts {
		names = append(names, l.id)
	}
	return usageErrorf("layout %q not found; the options are %s", want, strings.Join(names, ", "))
}

func usageErrorf(format string, args ...any) error { return fmt.Errorf("usage: "+format, args...) }

// A lookup by keys given a literal list of them returns at most one result
// per key: here one.
type eventStore struct{ byID map[string]*node }

func (s *eventStore) EventsFromIDs(ids []string) ([]*node, error) {
	var out []*node // want `out gets at most len\(ids\) elements .*\[low: conditional: the count is only an upper bound\]$`
	for _, id := range ids {
		if n, ok := s.byID[id]; ok {
			out = append(out, n)
		}
	}
	return out, nil
}

func (s *eventStore) Latest(id string) ([]string, error) {
	events, err := s.EventsFromIDs([]string{id})
	if err != nil {
		return nil, err
	}
	var names []string // want `names can be preallocated with capacity len\(events\) .*\[low: at most 1: a lookup \(EventsFromIDs\) of the 1 keys listed in a literal\]$`
	for _, ev := range events {
		names = append(names, ev.id)
	}
	return names, nil
}

// All looks up a list it was given: as long as that list.
func (s *eventStore) All(ids []string) ([]string, error) {
	events, err := s.EventsFromIDs(ids)
	if err != nil {
		return nil, err
	}
	var names []string // want `names can be preallocated with capacity len\(events\) .*\[medium: no bound on the count found here\]$`
	for _, ev := range events {
		names = append(names, ev.id)
	}
	return names, nil
}

// LastAddress walks the bytes of one address: 4 or 16, however many
// addresses a program handles.
func LastAddress(ip net.IP, mask net.IPMask) net.IP {
	var end net.IP // want `end can be preallocated with capacity len\(ip\) .*\[low: at most 16: the bytes of an address \(net.IP\)\]$`
	for i := 0; i < len(ip); i++ {
		end = append(end, ip[i]|^mask[i])
	}
	return end
}

// Masked walks a list of addresses: as long as that list.
func Masked(ips []net.IP, mask net.IPMask) []net.IP {
	var out []net.IP // want `out can be preallocated with capacity len\(ips\) .*\[medium: no bound on the count found here\]$`
	for _, ip := range ips {
		out = append(out, ip.Mask(mask))
	}
	return out
}

// finding is a large element: 72 bytes.
type finding struct {
	id, line, col, end, rank, kind, pass, tier, hash int64
}

// Ignored keeps the findings a filter drops, usually a few of many: an
// upper bound on 72-byte elements would reserve far more than it keeps.
func Ignored(fs []finding, ignore func(finding) bool) []finding {
	dropped := []finding{} // want `dropped gets at most len\(fs\) elements .*; no automatic fix: the appends are conditional and each element is 72 bytes, so the upper bound may reserve far more than the loop keeps \[low: conditional: the count is only an upper bound\]$`
	for _, f := range fs {
		if ignore(f) {
			dropped = append(dropped, f)
		}
	}
	return dropped
}

// RuneMatches appends the index of each rune that starts a match: at most
// one per rune of the text, usually a few.
func RuneMatches(text string, search []rune) []int {
	runes := []rune(text)
	var at []int // want `at gets at most len\(runes\) elements .*; no automatic fix: the loop goes over the characters of runes and appends for some, so one per character may reserve many times what it keeps \(a line start per newline\) \[low: conditional: the count is only an upper bound\]$`
	for i, r := range runes {
		if r == search[0] {
			at = append(at, i)
		}
	}
	return at
}

// LineStarts appends one offset per newline of a document: one per byte
// would reserve 8 bytes of capacity per byte of text.
func LineStarts(data []byte) []int {
	starts := []int{0} // want `starts gets at most len\(data\) \+ 1 elements .*; no automatic fix: the loop goes over the characters of data and appends for some, so one per character may reserve many times what it keeps \(a line start per newline\) \[low: conditional: the count is only an upper bound\]$`
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Squeeze copies a text but for repeated spaces: it keeps most bytes, and
// one byte of capacity per byte is a close bound.
func Squeeze(s string) []byte {
	out := []byte{} // want `out gets at most len\(s\) elements and can be preallocated with that capacity \(append grows it ~log2\(n\) times, copying the elements each time\) \[low: conditional: the count is only an upper bound\]$`
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' || i == 0 || s[i-1] != ' ' {
			out = append(out, s[i])
		}
	}
	return out
}

// Kept keeps pointers, 8 bytes each: the upper bound is cheap.
func Kept(fs []*finding, keep func(*finding) bool) []*finding {
	kept := []*finding{} // want `kept gets at most len\(fs\) elements and can be preallocated with that capacity \(append grows it ~log2\(n\) times, copying the elements each time\) \[low: conditional: the count is only an upper bound\]$`
	for _, f := range fs {
		if keep(f) {
			kept = append(kept, f)
		}
	}
	return kept
}

// Headers parses only the blobs that pass a magic check: the parse runs on
// some iterations, not every one.
func Headers(blobs [][]byte) [][]string {
	var out [][]string // want `\[low: the loop body also allocates \(strings.Split\) on some iterations\]$`
	for _, b := range blobs {
		if len(b) < 4 || string(b[:4]) != "\x7fELF" {
			continue
		}
		out = append(out, strings.Split(string(b[4:]), ","))
	}
	return out
}

// versioned formats a version only when there is one to format.
func versioned(v string) string {
	if v == "" {
		return v
	}
	return fmt.Sprintf("v%s", v)
}

// Versions calls a helper that formats only past its guard: on some
// iterations.
func Versions(vs []string) []string {
	var out []string // want `\[low: the loop body also allocates \(fmt.Sprintf in versioned\(\)\) on some iterations\]$`
	for _, v := range vs {
		out = append(out, versioned(v))
	}
	return out
}

// maxValues caps the values a list keeps.
const maxValues = 32

// FirstValues keeps at most maxValues of a list however long it is: the
// count is the cap, not the list's length.
func FirstValues(items []string) []string {
	var out []string // want `out gets at most len\(items\) elements .*; no automatic fix: the loop stops once out holds maxValues, so min\(len\(items\), maxValues\) is the capacity that fits \[low: at most maxValues: the loop stops once out holds maxValues\]$`
	for _, it := range items {
		if len(out) >= maxValues {
			break
		}
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

// runner starts once per process, its context ending its run; so does a
// service whose Start takes nothing.
type runner struct {
	jobs map[string]func(context.Context)
}

func (r *runner) Start(ctx context.Context) {
	var names []string // want `\[low: at start-up \(Start\)\]$`
	for name := range r.jobs {
		names = append(names, name)
	}
	slices.Sort(names)
	log.Println("starting jobs", names)
	<-ctx.Done()
}

type service struct{ hosts []string }

func (s *service) Start() {
	var addrs []string // want `\[low: at start-up \(Start\)\]$`
	for _, h := range s.hosts {
		addrs = append(addrs, h+":443")
	}
	slices.Sort(addrs)
	log.Println("serving", addrs)
}

// Begin is no Start: its other parameter is one operation's.
func (r *runner) Begin(ctx context.Context, ops []string) []string {
	var out []string // want `\[medium: no bound on the count found here\]$`
	for _, op := range ops {
		out = append(out, "op:"+op)
	}
	return out
}

// plan's description and explain build what an EXPLAIN shows people, not
// what runs the query.
type plan struct{ inputs []*plan }

func (p *plan) description() []string {
	var nodes []string // want `\[low: a description for people \(description\)\]$`
	for _, in := range p.inputs {
		nodes = append(nodes, in.name())
	}
	return nodes
}

func (p *plan) Explain() []string {
	var nodes []string // want `\[low: a description for people \(Explain\)\]$`
	for _, in := range p.inputs {
		nodes = append(nodes, in.name())
	}
	return nodes
}

func (p *plan) name() string { return "plan" }

// Lines shows the plan.
func (p *plan) Lines() []string { return p.description() }

// Locks fails when a lock comes after another expression: the length test
// guards an error, the loop has no cap.
func Locks(exprs []string) ([]string, error) {
	var locks []string // want `locks gets at most len\(exprs\) elements .*; no automatic fix: the appends are conditional, and growing a nil slice that gets none would make it non-nil \[low: conditional: the count is only an upper bound\]$`
	for _, e := range exprs {
		if strings.HasPrefix(e, "lock:") {
			locks = append(locks, e)
			continue
		}
		if len(locks) > 0 {
			return nil, &mixError{e}
		}
	}
	return locks, nil
}

// mixError is the concrete error a mix of locks and other expressions
// returns.
type mixError struct{ expr string }

func (e *mixError) Error() string { return "a lock and another expression: " + e.expr }

// FirstTwo stops when it holds more than one: the list ends two long, not
// one.
func FirstTwo(items []string) []string {
	var out []string // want `out gets at most len\(items\) elements .*; no automatic fix: the loop stops once out holds 2, so min\(len\(items\), 2\) is the capacity that fits \[low: at most 2: the loop stops once out holds 2\]$`
	for _, it := range items {
		if len(out) > 1 {
			break
		}
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

type CheckFailure struct {
	Reason   string
	Property string
}

// Failures turns a validation's errors into records: one per failure,
// usually none.
func Failures(errs []error) []*CheckFailure {
	var out []*CheckFailure // want `out can be preallocated with capacity len\(errs\) .*\[low: a list of errors: one per failure, usually few\]$`
	for _, err := range errs {
		out = append(out, &CheckFailure{Reason: err.Error()})
	}
	return out
}

// MachineCondition is one status condition of an object: one per type.
type MachineCondition struct {
	Type, Status, Reason string
}

// CopyConditions deep-copies an object's status conditions: a handful.
func CopyConditions(in []MachineCondition) []MachineCondition {
	var out []MachineCondition // want `out can be preallocated with capacity len\(in\) .*\[low: a list that is short in practice\]$`
	for _, c := range in {
		out = append(out, MachineCondition{Type: c.Type, Status: c.Status, Reason: c.Reason})
	}
	return out
}

// CheckOverlap lists the keys both remove and update, only to build an
// error: the list is usually empty, and a capacity would be allocated on
// every call.
func CheckOverlap(removals []string, updates map[string]string) error {
	overlap := []string{} // want `overlap gets at most len\(removals\) elements .*; no automatic fix: it only builds an error, so it is usually empty, .*\[low: it only goes into a diagnostic \(a log line or an error's text\)\]$`
	for _, key := range removals {
		if _, ok := updates[key]; ok {
			overlap = append(overlap, key)
		}
	}
	if len(overlap) > 0 {
		return fmt.Errorf("conflict between removals and updates for keys: %v", overlap)
	}
	return nil
}
