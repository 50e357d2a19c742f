// Package webbuild builds forklab's web front end into a web directory: it
// compiles cmd/serve for js/wasm into app.wasm, precompresses it into
// app.wasm.gz (gzip -9) and app.wasm.br (brotli, pure Go), and copies the
// hand-written assets of static/ beside it.
//
// Everything it needs is the go command and modules pinned in go.mod, so a
// fresh clone builds with `go run ./cmd/serve -build` and nothing installed by
// hand. The e2e tests use the same Build to make their own app.wasm.
package webbuild

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Names of the files that Build writes into the web directory.
const (
	WasmName   = "app.wasm"
	GzipName   = WasmName + ".gz"
	BrotliName = WasmName + ".br"

	// listName records the files that the last Build copied from static/, so
	// that the next Build removes copies whose source is gone, and nothing
	// else. Names starting with "." are never served.
	listName = ".build-files"

	// qualityName records the brotli quality of app.wasm.br, so that a build
	// at another quality compresses again even when app.wasm is unchanged.
	qualityName = ".build-brotli"
)

// DefaultBrotliQuality keeps a build fast; Improve then raises app.wasm.br to
// BestBrotliQuality, which is slow. With the pure-Go encoder on the 9.1 MB
// app.wasm, on a 2-core machine shared with other work: quality 6 takes 1.7 s
// for 2.06 MB, 9 takes 4.4 s for 2.02 MB, 10 takes 25 s for 1.81 MB, and 11
// takes about a minute for 1.77 MB. (gzip -9, run in parallel: 2.45 MB.)
const DefaultBrotliQuality = 6

// BestBrotliQuality is the highest brotli quality: what the server and a
// static export end up serving.
const BestBrotliQuality = brotli.BestCompression

// WasmPackage is the package, relative to the module root, that Build
// compiles for js/wasm. Its main_wasm.go is the front end.
const WasmPackage = "./cmd/serve"

// Options configures Build.
type Options struct {
	// Root is the module root: the directory holding forklab's go.mod. The go
	// command runs there.
	Root string

	// WebDir receives the build output. Default: Root/web.
	WebDir string

	// StaticDir holds the hand-written assets to copy. Default: Root/static.
	StaticDir string

	// BrotliQuality is the brotli level, 1 to 11. Default (0):
	// DefaultBrotliQuality. An app.wasm.br of the same app.wasm at this
	// quality or a higher one is kept.
	BrotliQuality int

	// Log receives one line per step. Nil discards them.
	Log io.Writer
}

// Result tells what a Build did.
type Result struct {
	WasmSize, GzipSize, BrotliSize int64

	// Reused reports whether the compiled app.wasm was identical to the one
	// already in the web directory, so that its compressed forms were kept.
	Reused bool

	Compile, Compress, Total time.Duration
}

func (r Result) String() string {
	s := fmt.Sprintf("app.wasm %d bytes, gzip %d, brotli %d; compile %v, compress %v, total %v",
		r.WasmSize, r.GzipSize, r.BrotliSize,
		r.Compile.Round(time.Millisecond), r.Compress.Round(time.Millisecond), r.Total.Round(time.Millisecond))
	if r.Reused {
		s += " (app.wasm unchanged, compressed files kept)"
	}
	return s
}

// Build compiles the front end into o.WebDir and copies o.StaticDir there.
//
// Each output file is written under a temporary name and renamed into place,
// app.wasm before its compressed forms, so a server reading the directory
// during a build sees either the old file or the new one, and never a
// compressed file older than app.wasm that belongs to another build.
func Build(ctx context.Context, o Options) (Result, error) {
	start := time.Now()
	var res Result
	if o.Root == "" {
		return res, errors.New("webbuild: no module root")
	}
	if o.WebDir == "" {
		o.WebDir = filepath.Join(o.Root, "web")
	}
	if o.StaticDir == "" {
		o.StaticDir = filepath.Join(o.Root, "static")
	}
	if o.BrotliQuality == 0 {
		o.BrotliQuality = DefaultBrotliQuality
	}
	if err := CheckQuality(o.BrotliQuality); err != nil {
		return res, err
	}
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", args...)
		}
	}

	if err := os.MkdirAll(o.WebDir, 0o755); err != nil {
		return res, err
	}
	tmp, err := os.MkdirTemp(o.WebDir, ".tmp-build-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)

	logf("compiling %s for js/wasm", WasmPackage)
	t := time.Now()
	newWasm := filepath.Join(tmp, WasmName)
	if err := CompileWasm(ctx, o.Root, newWasm); err != nil {
		return res, err
	}
	res.Compile = time.Since(t)

	dstWasm := filepath.Join(o.WebDir, WasmName)
	same, err := sameContent(newWasm, dstWasm)
	if err != nil {
		return res, err
	}
	if same && Fresh(dstWasm, filepath.Join(o.WebDir, GzipName)) && HasBrotliQuality(o.WebDir, o.BrotliQuality) {
		res.Reused = true
	} else {
		logf("compressing app.wasm (gzip -9, brotli -q %d)", o.BrotliQuality)
		t = time.Now()
		if err := Compress(newWasm, o.BrotliQuality); err != nil {
			return res, err
		}
		res.Compress = time.Since(t)
		for _, name := range []string{WasmName, GzipName, BrotliName} {
			if err := os.Rename(filepath.Join(tmp, name), filepath.Join(o.WebDir, name)); err != nil {
				return res, err
			}
		}
		if err := recordQuality(o.WebDir, o.BrotliQuality); err != nil {
			return res, err
		}
	}
	for _, p := range []struct {
		name string
		size *int64
	}{{WasmName, &res.WasmSize}, {GzipName, &res.GzipSize}, {BrotliName, &res.BrotliSize}} {
		fi, err := os.Stat(filepath.Join(o.WebDir, p.name))
		if err != nil {
			return res, err
		}
		*p.size = fi.Size()
	}

	logf("copying %s", o.StaticDir)
	if err := SyncStatic(o.StaticDir, o.WebDir); err != nil {
		return res, err
	}
	res.Total = time.Since(start)
	return res, nil
}

// WasmBuildFlags are the go build flags of app.wasm: no file paths, symbol
// table or DWARF (-trimpath, -s -w), and no inlining in sim and scenarios
// (-l). Those two run once per scenario and design (parsing, running, the
// comparison), never per step, so inlining buys the page nothing there; left
// out, it makes app.wasm about 100 KB smaller raw and 31 KB smaller as
// served (brotli 11: 1,780,820 bytes instead of 1,811,452), and leaves fewer
// bytes for the browser to compile on first use (issue 12). The ui package,
// which runs on every step, keeps it.
var WasmBuildFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=forklab/sim=-l", "-gcflags=forklab/scenarios=-l"}

// CompileWasm runs `GOOS=js GOARCH=wasm go build` with WasmBuildFlags on
// WasmPackage in the module root and writes the result to out.
func CompileWasm(ctx context.Context, root, out string) error {
	args := append(append([]string{"build"}, WasmBuildFlags...), "-o", out, WasmPackage)
	cmd := exec.CommandContext(ctx, goCommand(), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("webbuild: GOOS=js GOARCH=wasm go build %s: %v\n%s", WasmPackage, err, stderr.Bytes())
	}
	return nil
}

// goCommand finds the go command: the one on PATH, else the one of the
// toolchain that built this program.
func goCommand() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	if root := runtime.GOROOT(); root != "" {
		return filepath.Join(root, "bin", "go")
	}
	return "go"
}

// Compress writes wasm+".gz" (gzip, best compression) and wasm+".br" (brotli
// at the given quality) beside the file wasm, in parallel. Each is written
// to a temporary name and renamed, so its modification time is later than
// that of wasm.
func Compress(wasm string, brotliQuality int) error {
	var wg sync.WaitGroup
	var gzErr, brErr error
	wg.Go(func() {
		gzErr = compressTo(wasm, wasm+".gz", func(w io.Writer) (io.WriteCloser, error) {
			return gzip.NewWriterLevel(w, gzip.BestCompression)
		})
	})
	wg.Go(func() {
		brErr = compressTo(wasm, wasm+".br", func(w io.Writer) (io.WriteCloser, error) {
			return brotli.NewWriterLevel(w, brotliQuality), nil
		})
	})
	wg.Wait()
	return errors.Join(gzErr, brErr)
}

func compressTo(src, dst string, newWriter func(io.Writer) (io.WriteCloser, error)) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(dst, func(f io.Writer) error {
		bw := bufio.NewWriterSize(f, 1<<20)
		zw, err := newWriter(bw)
		if err != nil {
			return err
		}
		if _, err := io.Copy(zw, in); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// writeAtomic writes a file through a temporary file in the same directory
// and renames it to dst.
func writeAtomic(dst string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // no-op after the rename
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst)
}

// Fresh reports whether the compressed file exists and was written no
// earlier than the file it compresses, orig. A compressed file whose time is
// orig's time cut to whole seconds is fresh as well, because the brotli and
// gzip commands with -k copy the time of their input at that precision.
func Fresh(orig, compressed string) bool {
	o, err := os.Stat(orig)
	if err != nil {
		return false
	}
	c, err := os.Stat(compressed)
	if err != nil || !c.Mode().IsRegular() {
		return false
	}
	return IsFresh(o.ModTime(), c.ModTime())
}

// IsFresh is the rule of Fresh on two modification times.
func IsFresh(orig, compressed time.Time) bool {
	return !compressed.Before(orig) || compressed.Equal(orig.Truncate(time.Second))
}

// sameContent reports whether the files a and b have the same bytes. A
// missing b is not an error: it is different.
func sameContent(a, b string) (bool, error) {
	bb, err := os.ReadFile(b)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	ab, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ab, bb), nil
}

// SyncStatic copies every file under staticDir to the same relative path
// under webDir, rewriting only files whose content differs, and removes the
// copies that an earlier SyncStatic made of files that are gone from
// staticDir. Files of staticDir whose name starts with "." are skipped: they
// would never be served.
func SyncStatic(staticDir, webDir string) error {
	var names []string
	err := filepath.WalkDir(staticDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != staticDir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(staticDir, path)
		if err != nil {
			return err
		}
		if rel == WasmName || rel == GzipName || rel == BrotliName {
			return fmt.Errorf("webbuild: %s would overwrite the build output", path)
		}
		names = append(names, filepath.ToSlash(rel))
		return CopyFile(path, filepath.Join(webDir, rel))
	})
	if err != nil {
		return fmt.Errorf("webbuild: copying static files: %w", err)
	}

	listPath := filepath.Join(webDir, listName)
	old, err := os.ReadFile(listPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, name := range strings.Split(string(old), "\n") {
		if name == "" || slices.Contains(names, name) || !filepath.IsLocal(name) {
			continue
		}
		if err := os.Remove(filepath.Join(webDir, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	list := strings.Join(names, "\n") + "\n"
	return writeAtomic(listPath, func(w io.Writer) error {
		_, err := io.WriteString(w, list)
		return err
	})
}

// CopyFile copies src to dst, creating dst's directory. When dst already has
// the same content it is left alone, so its modification time does not change.
func CopyFile(src, dst string) error {
	same, err := sameContent(src, dst)
	if err != nil || same {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// ModuleRoot returns the directory, dir or one of its parents, that holds the
// go.mod of module forklab.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && modulePath(data) == "forklab" {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("webbuild: no go.mod of module forklab in %s or its parents", dir)
		}
		d = parent
	}
}

func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		line, _, _ = strings.Cut(line, "//")
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], "\"`")
		}
	}
	return ""
}
