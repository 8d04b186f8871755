// Package tiers holds concatenation in loops of every cost tier; the test
// runs it with -strict, so the low tier is reported too.
package tiers

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

// The default tiers.

// Render runs per request: its loop over the form values is high.
func Render(w http.ResponseWriter, r *http.Request) {
	s := ""
	for _, v := range r.Form["q"] {
		s += v + ";" // want `s grows by \+= in a loop of len\(r.Form\["q"\]\) iterations.*\[high: loop over parsed input \(url.Values\)\]$`
	}
	w.Write([]byte(s))
}

type list struct{ items []string }

// String over many items is worth fixing, unlike a few appends in one.
func (l *list) String() string {
	s := ""
	for _, it := range l.items {
		s += it + "\n" // want `s grows by \+=.*\[medium: no bound on the count found here\]$`
	}
	return s
}

// Parsed input: a while loop that consumes a lexer's text is high, even
// though it builds an error's text.
type lexer struct{ s string }

func (l *lexer) quoted() (string, error) {
	var out string
	for len(l.s) > 0 && l.s[0] != '"' {
		out += l.s[:1] // want `out grows by \+= in a loop while len\(l.s\) > 0 && l.s\[0\] != '"'.*\[high: loop over parsed input \(lexer\)\]$`
		l.s = l.s[1:]
	}
	return out, nil
}

// Use keeps quoted used in production.
func Use(l *lexer) { l.quoted() }

// peerError's Error is cold, but its loops are over what a peer sent:
// the peer chooses how many.
type peerError struct{ req *http.Request }

func (e peerError) Error() string {
	s := ""
	for _, c := range e.req.Cookies() {
		s += c.Name // want `\[high: loop over parsed input \(http.Request\), quadratic even though a description for people \(Error\)\]$`
	}
	valid := ""
	for _, h := range e.req.Header["Host"] {
		valid += h + ", " // want `valid grows by \+=.*\[high: loop over parsed input \(http.Header\), quadratic even though a description for people \(Error\)\]$`
	}
	return s + valid
}

// merge joins runs of marked words into one element: the element grows by
// += until a word without a mark starts a new one.
func merge(words []string, marked []bool) []string {
	var out []string
	for i, w := range words {
		if i > 0 && marked[i] && marked[i-1] {
			out[len(out)-1] += w // want `out\[len\(out\)-1\] grows by \+=.*accumulate the run in a strings.Builder and store it once \(no automatic fix: the string is an element of a slice that the loop also appends to\) \[medium: no bound on the count found here\]$`
		} else {
			out = append(out, w)
		}
	}
	return out
}

// Merge keeps merge used in production.
func Merge(words []string, marked []bool) []string { return merge(words, marked) }

// The low tier, reported only with -strict.

type set struct{ names []string }

func (e set) GoString() string {
	s := ""
	for _, v := range e.names {
		s += v // want `\[low: a description for people \(GoString\)\]$`
	}
	return s
}

// Counted loops over a constant are short.
func Digits() string {
	s := ""
	for i := 0; i < 10; i++ {
		s += strconv.Itoa(i) // want `\[low: a count fixed by the code\]$`
	}
	return s
}

// Config lists a handful of servers.
type Config struct{ Servers []string }

func Describe(cfg *Config) string {
	s := ""
	for _, srv := range cfg.Servers {
		s += srv + " " // want `\[low: loop over configured items \(Config\)\]$`
	}
	return s
}

// A branch its maintainers say runs rarely is low; its sibling is not.
func Flags(mode string, names []string) string {
	s := ""
	switch mode {
	case "long":
		// Slow, but this form is rarely used.
		for _, n := range names {
			s += n + " " // want `\[low: its branch is said to run rarely \(the comment at x.go:[0-9]+\)\]$`
		}
	default:
		for _, n := range names {
			s += n // want `\[medium: no bound on the count found here\]$`
		}
	}
	return s
}

// Pieces made by fmt cost more than the copying.
func Formatted(ips []net.IP) string {
	s := ""
	for i, ip := range ips {
		s += fmt.Sprintf("%d=%s ", i, ip) // want `\[low: fmt formats and allocates every piece too: a Builder saves only the copying\]$`
	}
	return s
}

// A string that ends in a panic.
func Check(names []string) {
	bad := ""
	for _, n := range names {
		if n == "" {
			bad += n + "?" // want `\[low: the string ends in a diagnostic\]$`
		}
	}
	if bad != "" {
		panic(bad)
	}
}

// Under a debug switch.
var debug bool

func Trace(xs []string) string {
	s := ""
	if debug {
		for _, x := range xs {
			s += x // want `\[low: debug output \(under debug\)\]$`
		}
	}
	return s
}

// unused has no production callers.
func unused(xs []string) string {
	s := ""
	for _, x := range xs {
		s += x // want `\[low: no production callers\]$`
	}
	return s
}

// A String method that lists the parts of one value by their own text
// (each part's String) lists a handful: a rule's conditions.
type condition struct{ key, want string }

func (c condition) String() string { return c.key + "=" + c.want }

type rule struct{ conds []condition }

func (r *rule) String() string {
	s := "rule"
	for _, c := range r.conds {
		s += " " + c.String() // want `\[low: describes the parts of one value, each by its own text: a handful\]$`
	}
	return s
}

// Writing the parts' own data is serializing them, rated by their count:
// a table's column names.
type table struct{ cols []condition }

func (t *table) String() string {
	s := ""
	for _, c := range t.cols {
		s += c.key + "," // want `\[medium: no bound on the count found here\]$`
	}
	return s
}

// A tree printer: the parts are nodes too, so the text grows with the
// whole tree.
type node interface{ String() string }

type call struct{ args []node }

func (c *call) String() string {
	s := "("
	for _, a := range c.args {
		s += a.String() + " " // want `\[medium: no bound on the count found here\]$`
	}
	return s + ")"
}

// A receiver that is itself a list is many values, not one value's parts.
type calls []*call

func (cs calls) String() string {
	s := ""
	for _, c := range cs {
		s += c.String() // want `\[medium: no bound on the count found here\]$`
	}
	return s
}

// A list of pointers to configuration holds configured items.
type ServerConfig struct{ URI string }

func URIs(servers []*ServerConfig) string {
	s := ""
	for _, sc := range servers {
		s += sc.URI + " " // want `\[low: loop over configured items \(ServerConfig\)\]$`
	}
	return s
}

// GeoHash grows a string until it reaches a length the code fixes: a
// count fixed by the code, low tier.
func GeoHash(bits []byte) string {
	precision := 12
	s := ""
	i := 0
	for len(s) < precision {
		i++
		s += string(bits[i%len(bits)]) // want `s grows by \+= in a loop while len\(s\) < precision.*\[low: a count fixed by the code\]$`
	}
	return s
}

// PrefixOf stops when its index reaches prefix: the message says so, and
// the length of term is not the count.
func PrefixOf(term string, prefix int) string {
	p := ""
	for i, r := range term {
		if i < prefix {
			p += string(r) // want `p grows by \+= in a loop over term that stops when i reaches prefix: .*\[medium\]$`
		} else {
			break
		}
	}
	return p
}

// FirstFour stops at a constant: low tier.
func FirstFour(names []string) string {
	s := ""
	for i, n := range names {
		if i >= 4 {
			break
		}
		s += n // want `s grows by \+= in a loop over names that stops when i reaches 4: .*\[low: a count fixed by the code\]$`
	}
	return s
}

// Reply reads a terminal's reply byte by byte, but gives up once it is
// longer than any valid reply: the string stays short.
func Reply(r interface{ ReadByte() (byte, error) }) (string, error) {
	reply := ""
	for {
		b, err := r.ReadByte()
		if err != nil {
			return "", err
		}
		reply += string(b) // want `reply grows by \+= .*\[low: the loop stops once len\(reply\) > 25: the string stays short\]$`
		if b == 'R' {
			return reply, nil
		}
		if len(reply) > 25 {
			break
		}
	}
	return "", fmt.Errorf("no reply")
}

// Until repeats words until the string is long enough: its condition
// caps the string, though the count of words is not fixed.
func Until(words []string) string {
	p := ""
	for i := 0; len(p) < 64; i++ {
		p += words[i%len(words)] // want `p grows by \+= .*\[low: the loop runs only while len\(p\) < 64: the string stays short\]$`
	}
	return p
}

// Signature keeps its key once computed: the loop runs once per value.
type Signature struct {
	Params []string
	key    string
}

func (s *Signature) Key() string {
	if s.key != "" {
		return s.key
	}
	k := ""
	for _, p := range s.Params {
		k += p + "," // want `k grows by \+= .*\[low: once per value: the result is kept in s.key\]$`
	}
	s.key = k
	return k
}

// FragmentOf joins a request's form into a fragment. It is kept for old
// callers: low, even over input.
//
// Deprecated: use url.Values.Encode.
func FragmentOf(r *http.Request) string {
	f := ""
	for k, vs := range r.Form {
		f += k + "=" + vs[0] + "&" // want `f grows by \+=.*\[low: loop over parsed input \(url.Values\), deprecated API \(FragmentOf\): kept for old callers, not changed for speed\]$`
	}
	return f
}

// Preview lists at most six items: longer lists return above, abbreviated.
func Preview(items []string) string {
	n := len(items)
	out := "["
	if n > 6 {
		return out + items[0] + " ... " + items[n-1] + "]"
	}
	for _, it := range items {
		out += it + " " // want `out grows by \+=.*\[low: at most 6: longer lists return above\]$`
	}
	return out + "]"
}

// Tail returns early only for short lists: the loop is not bounded.
func Tail(items []string) string {
	if len(items) < 2 {
		return ""
	}
	out := ""
	for _, it := range items {
		out += it // want `out grows by \+=.*\[medium: no bound on the count found here\]$`
	}
	return out
}

type chatMessage struct {
	role string
	text string
}

// SplitChat keeps the system messages' text and passes the others on: the
// prompt grows only on the iterations of its case, and the message says
// so.
func SplitChat(msgs []chatMessage) (string, []chatMessage) {
	prompt := ""
	var rest []chatMessage
	for _, m := range msgs {
		switch m.role {
		case "system":
			prompt += m.text // want `prompt grows by \+= in a loop of len\(msgs\) iterations, under case "system": each time it copies the whole string built so far, so the copying is quadratic in how often it runs; use a strings.Builder \[medium: no bound on the count found here\]$`
		default:
			rest = append(rest, m)
		}
	}
	return prompt, rest
}

type trackInfo struct{ id string }

func (t *trackInfo) String() string { return t.id }

// PlayHeader ranges over a list that nothing fills: the hook gets it by
// value, so the loop never runs.
func PlayHeader(hook func([]*trackInfo)) string {
	var infos []*trackInfo
	hook(infos)
	header := ""
	for _, i := range infos {
		header += i.String() // want `header grows by \+= in a loop of len\(infos\) iterations: .*\[low: a count fixed by the code\]$`
	}
	return header
}

// Excerpt keeps the lines from start to end of what it scans: past the
// guard that skips the others, the text grows only over that window.
func Excerpt(sc *bufio.Scanner, start, end int) string {
	text := ""
	i := 0
	for sc.Scan() {
		i++
		if i < start {
			continue
		} else if i > end {
			break
		}
		text += sc.Text() + "\n" // want `text grows by \+= in a loop while sc.Scan\(\), past if i < start { continue }: each time it copies the whole string built so far, so the copying is quadratic in how often it runs; use a strings.Builder`
	}
	return text
}

// LastParts joins the last k+1 parts: the loop runs k+1 times however
// many parts there are, and lastTwo's callers fix k, so its loop runs a
// count fixed by the code.
func LastParts(parts []string, k int) string {
	n := len(parts)
	out := ""
	for i := n - (1 + k); i < n; i++ {
		out += "/" + parts[i] // want `out grows by \+= in a loop of 1 \+ k iterations \(the last of n\): .*\[medium\]$`
	}
	return out
}

func lastTwo(parts []string, k int) string {
	out := ""
	for i := len(parts) - k; i < len(parts); i++ {
		out += "/" + parts[i] // want `out grows by \+= in a loop of k iterations \(the last of len\(parts\)\): .*\[low: a count fixed by the code\]$`
	}
	return out
}

func ShortPath(parts []string) string { return lastTwo(parts, 2) }

type ListingConfig struct{ MaxShown int }

// Listing stops at a limit its configuration sets, writing a last line
// first: at most that many, low tier.
func Listing(names []string, cfg ListingConfig) string {
	s := ""
	for i, n := range names {
		if i == cfg.MaxShown {
			s += "\n- more…"
			break
		}
		s += "\n- " + n // want `s grows by \+= in a loop over names that stops when i reaches cfg.MaxShown: .*\[low: at most cfg.MaxShown, a configured limit \(ListingConfig\)\]$`
	}
	return s
}

// FieldNames runs per value, but a struct type has as many fields as the
// program declares.
func FieldNames(v reflect.Value) string {
	s := ""
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		s += t.Field(i).Name + " " // want `s grows by \+= in a loop of t.NumField\(\) iterations.*\[low: at most t.NumField\(\): the program's types fix it\]$`
	}
	return s
}

// Dotted joins the fields of one chain, and its authors said why they
// kept the copying.
func Dotted(flds []string) string {
	s := ""
	for _, f := range flds {
		// quadratic, but probably ok: a chain has a few fields
		s += "." + f // want `s grows by \+= .*\[low: its comment accepts the cost \(.*\)\]$`
	}
	return s
}

// DottedLater is marked to be changed: the comment asks for it.
func DottedLater(flds []string) string {
	s := ""
	for _, f := range flds {
		s += "." + f // TODO: quadratic, ok for now // want `s grows by \+= .*\[medium: no bound on the count found here\]$`
	}
	return s
}

var numerals = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// YearInNumerals writes each digit of a year: an integer has at most 20.
func YearInNumerals(year int) string {
	y := fmt.Sprintf("%d", year)
	s := ""
	j := len(y)
	for i := 0; i < j; i++ {
		s += numerals[y[i]-'0'] // want `s grows by \+= .*\[low: at most 20: the digits of an integer \(fmt.Sprintf\)\]$`
	}
	return s
}

// CountInNumerals ranges over the digits of strconv.Itoa's text.
func CountInNumerals(n int) string {
	s := ""
	for _, d := range strconv.Itoa(n) {
		s += numerals[d-'0'] // want `s grows by \+= .*\[low: at most 20: the digits of an integer \(strconv.Itoa\)\]$`
	}
	return s
}

// NameInNumerals ranges over a name's text: it grows with the name.
func NameInNumerals(name string) string {
	y := fmt.Sprintf("%s", name)
	s := ""
	for i := 0; i < len(y); i++ {
		s += numerals[y[i]%10] // want `s grows by \+= .*\[medium: no bound on the count found here\]$`
	}
	return s
}

// nameSet is a set of names with methods, as set packages write them.
type nameSet map[string]struct{}

func newNameSet(names ...string) nameSet {
	s := make(nameSet, len(names))
	s.Insert(names...)
	return s
}

func (s nameSet) Insert(names ...string) {
	for _, n := range names {
		s[n] = struct{}{}
	}
}

// knownNames is where Refresh reads names from.
var knownNames []string

// Refresh adds the names known now.
func (s nameSet) Refresh() { s.Insert(knownNames...) }

func (s nameSet) List() []string {
	out := make([]string, 0, len(s))
	for n := range s {
		out = append(out, n)
	}
	return out
}

// Mismatch collects up to three reasons, each a constant inserted once:
// the list the loop joins has at most three names.
func Mismatch(ports, labels, weights bool) string {
	reasons := newNameSet()
	if ports {
		reasons.Insert("ports differ")
	}
	if labels {
		reasons.Insert("labels differ")
	}
	if weights {
		reasons.Insert("weights differ", "weights unset")
	}
	msg := ""
	for i, r := range reasons.List() {
		msg += r // want `msg grows by \+= in a loop of len\(reasons.List\(\)\) iterations: .*\[low: a count fixed by the code\]$`
		if i < len(reasons)-1 {
			msg += "; "
		}
	}
	return msg
}

// Unmatched inserts names it is given: the set is as long as they are.
func Unmatched(names []string) string {
	seen := newNameSet()
	seen.Insert("none")
	seen.Insert(names...)
	msg := ""
	for _, n := range seen.List() {
		msg += n + " " // want `msg grows by \+= in a loop of len\(seen.List\(\)\) iterations: .*\[medium: no bound on the count found here\]$`
	}
	return msg
}

// Repeated inserts a constant in a loop, which the set keeps once, but
// the code does not say so: no bound is claimed.
func Repeated(n int) string {
	seen := newNameSet()
	for range n {
		seen.Insert("again")
	}
	msg := ""
	for _, s := range seen.List() {
		msg += s + " " // want `msg grows by \+= in a loop of len\(seen.List\(\)\) iterations: .*\[medium: no bound on the count found here\]$`
	}
	return msg
}

// Loaded fills its set from elsewhere, by a method without arguments
// called for its effect: no bound is claimed.
func Loaded() string {
	names := newNameSet("default")
	names.Refresh()
	msg := ""
	for _, n := range names.List() {
		msg += n + " " // want `msg grows by \+= in a loop of len\(names.List\(\)\) iterations: .*\[medium: no bound on the count found here\]$`
	}
	return msg
}

// Backup lengthens a name by a constant suffix until no file has it: a
// fixed piece per iteration, not the input.
func Backup(name string, exists func(string) bool) string {
	for exists(name) {
		name += ".bak" // want `name grows by \+= .*\[low: appends only constants: a fixed piece per iteration \(padding, an indent, a suffix until a name is free\), not the input\]$`
	}
	return name
}

type module struct{ Path, Version string }

// UserAgent looks its own module up among the dependencies: the string
// grows for the one that matches, not per dependency.
func UserAgent(deps []module) string {
	ua := "client"
	for _, d := range deps {
		if d.Path == "example.com/client" {
			ua += "/" // want `ua grows by \+= in a loop of len\(deps\) iterations, under if d.Path == "example.com/client": .*\[low: only for the elements where d.Path == "example.com/client": a lookup, which usually matches one\]$`
			ua += d.Version
		}
	}
	return ua
}

// verbAt reads the letters of one verb of a layout: the loop stops at the
// first character that is not a letter.
func VerbAt(layout string, i int) string {
	verb := ""
	for _, r := range layout[i:] {
		if unicode.IsLetter(r) {
			verb += string(r) // want `verb grows by \+= in a loop over the runes of layout\[i:\] \(at most len\(layout\[i:\]\)\): .*\[low: one character per iteration, until the first for which unicode.IsLetter\(r\) fails: the length of one token\]$`
		} else {
			break
		}
	}
	return verb
}

// DigitsAt reads a number the same way, with the test before the +=.
func DigitsAt(s string) string {
	num := ""
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			break
		}
		num += string(s[i]) // want `\[low: one character per iteration, until the first for which isDigit\(s\[i\]\) fails: the length of one token\]$`
	}
	return num
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// FreePrefix lengthens a default prefix until no entry starts with it: a
// constant suffix a few times, in a for loop inside the range.
func FreePrefix(entries []string) string {
	prefix := "ref"
	for _, e := range entries {
		for strings.HasPrefix(e, prefix) {
			prefix += "2" // want `prefix grows by \+= in a loop nested in a loop of len\(entries\) iterations: each time .*\[low: appends only constants: a fixed piece per iteration \(padding, an indent, a suffix until a name is free\), not the input\]$`
		}
	}
	return prefix
}

// opLexer reads parsed input, but an operator grows only while it is the
// start of one the lexer knows: two or three bytes.
type opLexer struct {
	src []byte
	pos int
	ops map[string]bool
}

func (l *opLexer) isOperatorPrefix(s string) bool {
	for op := range l.ops {
		if strings.HasPrefix(op, s) {
			return true
		}
	}
	return false
}

func (l *opLexer) Operator() string {
	op := ""
	for l.pos < len(l.src) && l.isOperatorPrefix(op+string(l.src[l.pos])) {
		op += string(l.src[l.pos]) // want `op grows by \+= .*\[low: the loop goes on only while l.isOperatorPrefix\(op\+string\(l.src\[l.pos\]\)\) accepts the string built so far: it grows to the longest known prefix \(an operator, a keyword\), not with the input\]$`
		l.pos++
	}
	return op
}

// regexpFlags appends a letter per flag, and a repeated flag fails: each
// += runs at most once per call, so nothing grows with the input.
func regexpFlags(flags string) (string, error) {
	multiline, ignoreCase := false, false
	out := ""
	for _, c := range flags {
		switch c {
		case 'm':
			if multiline {
				return "", fmt.Errorf("flag %c repeated", c)
			}
			multiline = true
			out += "m"
		case 'i':
			if ignoreCase {
				panic("flag i repeated")
			}
			ignoreCase = true
			out += "i"
		}
	}
	return out, nil
}

func RegexpFlags(flags string) (string, error) { return regexpFlags(flags) }

// repeatedFlags sets its flags but does not stop at a repeated one: "mmm"
// grows the string once per letter.
func repeatedFlags(flags string) string {
	multiline := false
	out := ""
	for _, c := range flags {
		if c == 'm' {
			multiline = true
			out += "m" // want `out grows by \+= in a loop over the runes of flags`
		}
	}
	if multiline {
		out += ";"
	}
	return out
}

func RepeatedFlags(flags string) string { return repeatedFlags(flags) }

// scope is a node of a tree of scopes, each knowing its parent.
type scope struct {
	name   string
	parent *scope
}

func (s *scope) Parent() *scope { return s.parent }

// Path walks up from a scope to the root: as many steps as the scope is
// deep, not as the tree is large.
func (s *scope) Path() string {
	path := ""
	for p := s; p != nil; {
		path += "/" + p.name // want `path grows by \+= in a loop while p != nil.*\[low: the ancestors of one node, as many as it is deep \(Parent\)\]$`
		up := p.Parent()
		p = up
	}
	return path
}

// Names walks a list, not up a tree: each step goes to the next element.
type item struct {
	name string
	next *item
}

func (it *item) Names() string {
	names := ""
	for p := it; p != nil; {
		names += p.name // want `names grows by \+= in a loop while p != nil.*\[medium`
		p = p.next
	}
	return names
}

// dumpHeaders is called by nothing: its quadratic loop over parsed input
// never runs in production.
func dumpHeaders(h http.Header) string {
	s := ""
	for k := range h {
		s += k + "\n" // want `\[low: loop over parsed input \(http.Header\), but nothing outside tests calls dumpHeaders\]$`
	}
	return s
}

// moduleDirs returns four directories and one more when the host names
// its triplet: at most five.
func moduleDirs(triplet string) []string {
	dirs := []string{"/usr/lib64/pkcs11/", "/usr/lib/pkcs11/", "/usr/local/lib/pkcs11/", "/usr/lib/softhsm/"}
	if triplet != "" {
		dirs = append(dirs, "/usr/lib/"+triplet+"/")
	}
	return dirs
}

// ModuleDirsYAML writes the directories out as a YAML list.
func ModuleDirsYAML(indent, triplet string) string {
	res := ""
	for _, dir := range moduleDirs(triplet) {
		res += indent + "- " + dir + "\n" // want `res grows by \+= in a loop of len\(moduleDirs\(triplet\)\) iterations: .*\[low: a count fixed by the code\]$`
	}
	return res
}

// ShortName spells id in the digits of alphabet: one iteration per digit,
// however large id is.
func ShortName(id int, alphabet string) string {
	name := ""
	for id > 0 {
		id--
		name += alphabet[id%len(alphabet) : id%len(alphabet)+1] // want `name grows by \+= .*\[low: at most 64: the loop divides id on every iteration, one per digit\]$`
		id /= len(alphabet)
	}
	return name
}

// HexDigits shifts a constant amount per iteration.
func HexDigits(v uint64) string {
	s := ""
	for ; v != 0; v >>= 4 {
		s += string("0123456789abcdef"[v&15]) // want `s grows by \+= .*\[low: at most 64: the loop divides v on every iteration, one per digit\]$`
	}
	return s
}

// Countdown divides by one, which does not shrink n: the count is n.
func Countdown(n int, parts []string) string {
	s := ""
	for n > 0 {
		s += parts[n%len(parts)] // want `s grows by \+= .*\[medium\]$`
		n = n / 1
		n--
	}
	return s
}

// permBits is a set of flags; permEnd is one past the highest.
type permBits uint32

const (
	permRead permBits = 1 << iota
	permWrite
	permExec
	permEnd
)

var permNames = map[permBits]string{permRead: "r", permWrite: "w", permExec: "x"}

// PermNames shifts its counter up to a constant: one trip per flag.
func PermNames(p permBits) string {
	s := ""
	for flag := permRead; flag < permEnd; flag <<= 1 {
		if p&flag != 0 {
			s += permNames[flag] + "|" // want `s grows by \+= .*\[low: a count fixed by the code\]$`
		}
	}
	return s
}

// Doublings shifts its counter up to a parameter: nothing fixes the count.
func Doublings(n int, parts []string) string {
	s := ""
	for i := 1; i < n; i *= 2 {
		s += parts[i%len(parts)] // want `s grows by \+= .*\[medium\]$`
	}
	return s
}
