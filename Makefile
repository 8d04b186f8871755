# memlint's build, test and benchmark entry points. Everything the tests
# need is fetched by the Go toolchain from go.mod; see README.md.

GO      ?= go
BIN     := bin/memlint
GOFILES  = $(shell git ls-files '*.go' | grep -v '^testdata/')

.PHONY: all build test tools gofmt-check std-smoke lint bench install

all: build

build:
	$(GO) build -o $(BIN) ./cmd/memlint

# test: unit and fixture tests, the end-to-end tests of the real binaries
# (standalone, go vet -vettool, go fix -fixtool), a formatting check, and a
# smoke run on the standard library that fails on any panic or internal error.
# The golangci-lint plugin test builds golangci-lint, and the memlint gopls
# tests install gopls from the module proxy (minutes each when not cached),
# hence the timeout; go test -short skips them. The editor tests need Neovim
# (see tools) and fail rather than skip without it.
test: tools gofmt-check build
	MEMLINT_REQUIRE_NVIM=1 $(GO) test -timeout 30m ./...
	$(MAKE) std-smoke

# tools: what the tests need besides Go: Neovim, the editor the language
# server's end-to-end test drives. Installed with apt-get when missing, if we
# are root; otherwise install it yourself (package neovim).
tools:
	@command -v nvim >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null; } || \
		{ echo "nvim not found: install Neovim (apt-get install neovim) for the editor test"; exit 1; }

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
	$(GO) run ./internal/cmd/bench -n 5
	$(GO) run ./internal/cmd/bench -n 5 -strict

install:
	$(GO) install ./cmd/memlint
