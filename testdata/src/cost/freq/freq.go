package freq

import (
	"flag"
	"io"
	"net/http"
)

func init() {} // want `cold: once per process \(init\)`

type server struct{ w io.Writer }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want `hot: per request \(ServeHTTP\)`
	s.render(w)
}

func handle(w http.ResponseWriter, r *http.Request) {} // want `hot: per request \(handle\)`

// render is unexported and called only from ServeHTTP: it runs as often.
func (s *server) render(w io.Writer) {} // want `hot: per request \(ServeHTTP\), through ServeHTTP`

func (s *server) Write(p []byte) (int, error) { return len(p), nil } // want `hot: per I/O call \(Write\)`

func (s *server) WriteTo(w io.Writer) (int64, error) { return 0, nil } // want `hot: per I/O call \(WriteTo\)`

// iniFile's Write writes a whole file per call: named as io's, but not
// an I/O method.
type iniFile struct{}

func (f *iniFile) Write(w io.Writer, indent bool) error { return nil } // want `unknown`

// message's Write writes one whole message to w: per message sent.
type message struct{}

func (m *message) Write(w io.Writer) error { return nil } // want `hot: per value written or read \(Write\)`

func (s *server) Close() error { // want `cold: at teardown \(Close\)`
	closeAll()
	return nil
}

func closeAll() {} // want `cold: at teardown \(closeAll\)`

// Teardown by name, whoever calls it; but not closest or Stopped.
func Exported2() { stopWorkers(); closest(); _ = stopped() } // want `unknown`

func stopWorkers() {} // want `cold: at teardown \(stopWorkers\)`

func closest() {} // want `unknown`

func stopped() bool { return false } // want `unknown`

// Periodic work by name: a discovery's refresh and what only it calls;
// but not refreshes or Reloaded.
func (s *server) refresh() { s.targets() } // want `cold: on a refresh, a reload or a renewal \(refresh\): when a timer fires or the data changes, not per request$`

func (s *server) targets() {} // want `cold: on a refresh, a reload or a renewal \(refresh\): when a timer fires or the data changes, not per request, through refresh`

func RenewCertificates() {} // want `cold: on a refresh, a reload or a renewal \(RenewCertificates\): .*`

type listRenderer struct{}

// Refresh redraws a widget when the data it shows changes: no timer, but
// not per request either.
func (r *listRenderer) Refresh() {} // want `cold: on a refresh, a reload or a renewal \(Refresh\): when a timer fires or the data changes, not per request$`

func Exported3() { refreshes(); _ = Reloaded() } // want `unknown`

// A controller's reconcile, and what only it calls; but not Reconciled.
func (s *server) Reconcile(ctx any, req string) (bool, error) { s.desired(); return Reconciled(), nil } // want `cold: a controller's reconcile \(Reconcile\): per change of a watched resource, around the API calls it makes`

func (s *server) desired() {} // want `cold: a controller's reconcile \(Reconcile\): per change of a watched resource, around the API calls it makes, through Reconcile`

func Reconciled() bool { return false } // want `unknown`

func refreshes() {} // want `unknown`

func Reloaded() bool { return false } // want `unknown`

// ConfigValue is a piece of configuration, as an adapter builds it.
type ConfigValue struct{ Name string }

func ParseFastCGI(s string) ([]ConfigValue, error) { return nil, nil } // want `cold: configuration, at start-up \(ParseFastCGI\)`

func ParseRecord(s string) ([]server, error) { return nil, nil } // want `unknown`

func ConfigureTLS() {} // want `cold: configuration, at start-up \(ConfigureTLS\)`

// A module's Validate() checks its configuration once it is provisioned;
// ValidateStruct checks what a request carries, per request.
func (s *server) Validate() error { return nil } // want `cold: configuration, at start-up \(Validate\)`

func ValidateStruct(v any) error { return nil } // want `unknown`

func validateConfig() {} // want `cold: configuration, at start-up \(validateConfig\)`

// What is built from configuration is built when it is loaded.
func newRemotesFromConfig(raw any) []string { return nil } // want `cold: configuration, at start-up \(newRemotesFromConfig\)`

func ListenerFromCfg() {} // want `cold: configuration, at start-up \(ListenerFromCfg\)`

func RemotesFromCache() {} // want `unknown`

// Options parsed at start-up, and a document parsed given options: the
// second parses a document per call.
func parseOptions(args []string) []string { return args } // want `cold: configuration, at start-up \(parseOptions\)`

func ParseWithOptions(doc string, opts []string) []string { return parseOptions(opts) } // want `unknown`

func LoadConfigWithDefaults() {} // want `cold: configuration, at start-up \(LoadConfigWithDefaults\)`

// Other packages call what linters are told is unused.
//
//lint:ignore U1000 other packages link to it with go:linkname
func linkedTo() {} // want `unknown`

//nolint:unused // called through go:linkname
func alsoLinkedTo() {} // want `unknown`

func (s *server) Start() error { // want `cold: at start-up \(Start\)`
	go s.loop()
	go func() { s.drain() }()
	s.prepare()
	return nil
}

// loop and drain run in goroutines that Start starts: as long and as often
// as they like.
func (s *server) loop() {} // want `unknown`

func (s *server) drain() {} // want `unknown`

func (s *server) prepare() {} // want `cold: at start-up \(Start\), through Start`

func (s *server) StartSpan(name string) {} // want `unknown`

func startupMessage(addr string) {} // want `cold: at start-up \(startupMessage\)`

func Exported4() { startupMessage("") } // want `unknown`

// Replaying a log at start-up runs once, but over every record in it:
// maintainers make it faster (a pool's per-record slices), so it is not
// cold.
func ReplayWAL() {} // want `unknown`

func (s *server) String() string { return "server" } // want `cold: a description for people \(String\)`

type response struct{ items []string }

// Format builds the fields of a protocol response, not text for people:
// only fmt's signatures make a description.
func (m *response) Format() []any { // want `unknown`
	fields := make([]any, len(m.items))
	for i, it := range m.items {
		fields[i] = it
	}
	return fields
}

func dumpState() {} // want `cold: debug output \(dumpState\)`

func (s *server) PrettyPrint() string { return "" } // want `cold: debug output \(PrettyPrint\)`

// Tree renders the routes as an indented list, for debugging only. What
// it calls runs as rarely.
func (s *server) Tree() string { return s.routeLines() } // want `cold: documented as for debugging or tests \(Tree\)`

func (s *server) routeLines() string { return "" } // want `cold: documented as for debugging or tests \(Tree\), through Tree`

// SetClock replaces the server's clock. It is exported for
// testing.
func (s *server) SetClock() {} // want `cold: documented as for debugging or tests \(SetClock\)`

// IsSpace is a helper for testing whether b is white space: the phrase
// goes on, so it says nothing of who calls it.
func IsSpace(b byte) bool { return b == ' ' } // want `unknown`

// Describe writes a line per route for debugging, if desired, and per
// request otherwise.
func (s *server) Describe() {} // want `unknown`

func Provision() {} // want `cold: configuration, at start-up \(Provision\)`

func unused() {} // want `cold: no production callers`

func onlyTested() {} // want `cold: no production callers`

// Exported: its callers are elsewhere.
func Exported() { helper() } // want `unknown`

func helper() {} // want `unknown`

// callback escapes as a value: anything may call it.
func callback() {} // want `unknown`

var registered = []func(){callback}

var initial = setup()

func setup() int { return 0 } // want `cold: once per process \(package initialization\)`

// A table of rules holds literals that call a helper: the literals run
// whenever the rules are applied, not when the table is initialized.
var rules = []func(){func() { checkRule() }}

func checkRule() {} // want `unknown`

// Mixed callers: one hot, one cold; hot wins.
func shared() {} // want `hot: per request \(handle2\), through handle2`

func handle2(w http.ResponseWriter, r *http.Request) { shared() } // want `hot: per request \(handle2\)`

func (s *server) Stop() { shared() } // want `cold: at teardown \(Stop\)`

// A package interface may call an unexported method: its callers are unknown.
type flusher interface{ flush() }

func (s *server) flush() {} // want `unknown`

// A flag.Value parses a command line.
type durations []string

func (d *durations) Set(s string) error { return nil } // want `cold: flag parsing \(flag.Value's Set\)`

// BindFlags defines a library's flags in a program's flag set, before the
// program parses them.
func BindFlags(prefix string, set *flag.FlagSet) { // want `cold: defines command-line flags, at start-up \(BindFlags\)`
	set.String(prefix+"format", "pretty", "the output format")
}

// AutoMigrate creates the tables the models need: once at start-up.
func AutoMigrate(models []string) int { // want `cold: schema migration, at start-up or deploy \(AutoMigrate\)`
	return len(models)
}

// Deprecated API is code its maintainers no longer invest in: cold,
// whatever its name. What it calls is not: a deprecated entry point may
// be the way its users still reach code that runs per request.
//
// Deprecated: use Encode2.
func Encode(hashes []string) map[string]int { return index(hashes) } // want `cold: deprecated API \(Encode\)`

func index(hashes []string) map[string]int { return nil } // want `unknown`

func Encode2(hashes []string) int { return len(hashes) } // want `unknown`

// OldServer is kept for compatibility, and its users still run it: only
// the deprecated functions themselves are cold.
//
// Deprecated: use a Server.
type OldServer struct{}

func (OldServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {} // want `hot: per request \(ServeHTTP\)`

// legacyZipper is made only by a deprecated constructor.
type legacyZipper struct{}

// NewLegacyZipper makes one.
//
// Deprecated: use NewZipper.
func NewLegacyZipper() io.Writer { return &legacyZipper{} } // want `cold: deprecated API \(NewLegacyZipper\)`

func (*legacyZipper) Write(p []byte) (int, error) { return len(p), nil } // want `cold: reachable only through deprecated API \(NewLegacyZipper\)`

// memStore is an in-memory implementation of a store, for testing.
type memStore struct{ users map[string]int }

func (m *memStore) ListUsers() []string { return nil } // want `cold: a type documented as for debugging or tests \(memStore\)`

// diskStore keeps users on disk; tests use a memStore instead.
type diskStore struct{ dir string }

func (d *diskStore) ListUsers() []string { return nil } // want `unknown`

type stack[T any] struct{ items []T }

// pop is called on an instance of the generic type: those are its callers.
func (s *stack[T]) pop() (v T) { // want `unknown`
	if n := len(s.items); n > 0 {
		v, s.items = s.items[n-1], s.items[:n-1]
	}
	return v
}

func Drain(s *stack[int]) int { return s.pop() } // want `unknown`

// A reporter's configuration builds the reporter once, when the program
// starts; a topic's configuration is also the payload of a request, which
// its other methods convert per request.
type ReporterConfiguration struct{ Buckets []float64 }

func (c ReporterConfiguration) NewReporter() {} // want `cold: builds from configuration, at start-up \(ReporterConfiguration.NewReporter\)`

type TopicConfig struct{ Assignments []int }

func (t TopicConfig) ToRequest() {} // want `unknown`
