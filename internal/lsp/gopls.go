package lsp

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"golang.org/x/tools/go/analysis"
)

// insideGopls is set in the environment of the gopls that "memlint gopls"
// runs. Finding it set means that the "gopls" found runs memlint again (a
// wrapper script, say), which would start one memlint after another.
const insideGopls = "MEMLINT_GOPLS_CHILD"

// GoplsMain runs "memlint gopls", a drop-in replacement for the gopls
// command, and returns the exit code. args are the arguments after
// "gopls": memlint's flags first (those of flags, and -gopls PATH naming
// the real gopls), then gopls's own command line.
//
// A command line that starts gopls's language server on standard input
// and output runs gopls as a child behind a proxy that adds memlint's
// diagnostics and quick fixes (see [proxy]). Any other (gopls version,
// gopls -h, a server listening on a socket, ...) runs the real gopls as it
// is.
func GoplsMain(args []string, flags *flag.FlagSet, analyzers []*analysis.Analyzer) int {
	named := flags.String("gopls", "", "the gopls to run (default $MEMLINT_GOPLS, else gopls on $PATH)")
	n := leadingFlags(args, flags)
	flags.Parse(args[:n])
	args = args[n:]
	gopls, err := findGopls(cmp.Or(*named, os.Getenv("MEMLINT_GOPLS")))
	if err != nil {
		fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
		return 1
	}
	env := append(os.Environ(), insideGopls+"=1")
	if !servesStdio(args) {
		return runGopls(gopls, args, env)
	}
	return proxyGopls(gopls, args, env, analyzers)
}

// leadingFlags returns how many of the first arguments are flags of fs,
// with their values: memlint's, which come before gopls's.
func leadingFlags(args []string, fs *flag.FlagSet) int {
	n := 0
	for n < len(args) && strings.HasPrefix(args[n], "-") {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[n], "-"), "=")
		f := fs.Lookup(name)
		if f == nil {
			break
		}
		n++
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !hasValue && !(ok && b.IsBoolFlag()) {
			n++ // the value is the next argument
		}
	}
	return min(n, len(args))
}

// findGopls returns the path of the real gopls: the one named, if any,
// else the first gopls on $PATH that is not this program.
func findGopls(named string) (string, error) {
	if os.Getenv(insideGopls) != "" {
		return "", errors.New("the gopls it found runs memlint gopls again; point -gopls or $MEMLINT_GOPLS at the real gopls")
	}
	self, _ := os.Executable()
	if named != "" {
		path, err := exec.LookPath(named)
		if err != nil {
			return "", err
		}
		if sameFile(path, self) {
			return "", fmt.Errorf("%s is memlint itself, not gopls", named)
		}
		return path, nil
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if !filepath.IsAbs(dir) {
			continue // as exec.LookPath, never run a program from the current directory
		}
		if path, err := exec.LookPath(filepath.Join(dir, "gopls")); err == nil && !sameFile(path, self) {
			return path, nil
		}
	}
	return "", errors.New("gopls not found on $PATH: install it (go install golang.org/x/tools/gopls@latest puts it in $(go env GOPATH)/bin), or name it with -gopls PATH or $MEMLINT_GOPLS")
}

func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// goplsBoolFlags are gopls's flags (before and after "serve") that take no
// value; all others do, as the next argument unless written -flag=value.
var goplsBoolFlags = map[string]bool{"v": true, "verbose": true, "vv": true, "veryverbose": true, "rpc.trace": true}

// servesStdio reports whether gopls's command line args start its language
// server on standard input and output: no command or "serve", without a
// help flag or -listen (a daemon serving a socket, which memlint cannot
// stand in front of).
func servesStdio(args []string) bool {
	command, rest, ok := skipGoplsFlags(args)
	if !ok {
		return false
	}
	switch command {
	case "":
		return true
	case "serve":
		command, _, ok = skipGoplsFlags(rest)
		return ok && command == ""
	}
	return false
}

// skipGoplsFlags returns the first argument after the flags, if any, and
// those after it; ok is false if a flag asks for help or a daemon.
func skipGoplsFlags(args []string) (command string, rest []string, ok bool) {
	for len(args) > 0 {
		arg := args[0]
		if arg == "--" {
			args = args[1:]
			break
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			break
		}
		args = args[1:]
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !hasValue && !goplsBoolFlags[name] && len(args) > 0 {
			value, args = args[0], args[1:]
		}
		if name == "h" || name == "help" || name == "listen" && value != "" {
			return "", nil, false
		}
	}
	if len(args) == 0 {
		return "", nil, true
	}
	return args[0], args[1:], true
}

// runGopls runs gopls with args as it is and returns its exit code. Where
// the system can, it replaces this process, so that the editor talks to
// gopls itself.
func runGopls(gopls string, args, env []string) int {
	if runtime.GOOS != "windows" {
		err := syscall.Exec(gopls, append([]string{gopls}, args...), env)
		fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
		return 1
	}
	cmd := exec.Command(gopls, args...)
	cmd.Env, cmd.Stdin, cmd.Stdout, cmd.Stderr = env, os.Stdin, os.Stdout, os.Stderr
	return exitCode(cmd.Run())
}

// proxyGopls runs gopls's language server as a child behind the proxy,
// until gopls exits, and returns gopls's exit code.
func proxyGopls(gopls string, args, env []string, analyzers []*analysis.Analyzer) int {
	cmd := exec.Command(gopls, args...)
	cmd.Env, cmd.Stderr = env, os.Stderr
	toGopls, err := cmd.StdinPipe()
	if err != nil {
		fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
		return 1
	}
	fromGopls, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
		return 1
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
		return 1
	}
	// Pass on the signals editors stop their server with: gopls's exit
	// then ends the proxy.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for sig := range signals {
			cmd.Process.Signal(sig)
		}
	}()
	err = runProxy(context.Background(), os.Stdin, os.Stdout, &goplsInput{toGopls, cmd.Process}, fromGopls, analyzers)
	if err != nil {
		fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
	}
	return exitCode(cmd.Wait())
}

// goplsInput is gopls's standard input. Closing it, when the editor's
// input ends, makes gopls exit; if it has not a while later, it is killed,
// so that an editor that vanished leaves no gopls behind.
type goplsInput struct {
	io.WriteCloser
	process *os.Process
}

func (l *goplsInput) Close() error {
	time.AfterFunc(10*time.Second, func() { l.process.Kill() })
	return l.WriteCloser.Close()
}

func exitCode(err error) int {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		return exit.ExitCode()
	}
	fmt.Fprintf(os.Stderr, "memlint gopls: %v\n", err)
	return 1
}
