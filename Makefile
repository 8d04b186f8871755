# memlint's build, test and benchmark entry points. Everything the tests
# need is fetched by the Go toolchain from go.mod; see README.md.

GO      ?= go
BIN     := bin/memlint
GOFILES  = $(shell git ls-files '*.go' | grep -v '^testdata/')

.PHONY: all build test gofmt-check std-smoke lint bench install

all: build

build:
	$(GO) build -o $(BIN) ./cmd/memlint

# test: unit and fixture tests, the end-to-end tests of the real binaries
# (standalone, go vet -vettool, go fix -fixtool), a formatting check, and a
# smoke run on the standard library that fails on any panic or internal error.
# The golangci-lint plugin test builds golangci-lint (minutes when not cached),
# hence the timeout; go test -short skips it.
test: gofmt-check build
	$(GO) test -timeout 30m ./...
	$(MAKE) std-smoke

gofmt-check:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "not gofmt'd:"; echo "$$out"; exit 1; fi

# memlint exits 3 when it reports findings, 1 when analysis fails.
std-smoke: build
	@./$(BIN) std > /tmp/memlint-std.out 2>&1; code=$$?; \
	if [ $$code -ne 0 ] && [ $$code -ne 3 ] || grep -E -q 'panic|internal error|goroutine [0-9]+ \[' /tmp/memlint-std.out; then \
		echo "memlint std failed (exit $$code):"; head -40 /tmp/memlint-std.out; exit 1; \
	fi; \
	echo "memlint std: exit $$code, $$(grep -c ': ' /tmp/memlint-std.out) findings"

lint: gofmt-check build
	$(GO) vet ./...
	./$(BIN) ./...

bench: build
	$(GO) run ./internal/cmd/bench

install:
	$(GO) install ./cmd/memlint
