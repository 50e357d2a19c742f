package webbuild

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// ErrWasmChanged is returned by Improve when app.wasm changed while it was
// compressing: a new build, which writes its own app.wasm.br, got there
// first.
var ErrWasmChanged = errors.New("webbuild: app.wasm changed while it was being compressed")

// Improve recompresses webDir's app.wasm.br at the brotli quality given,
// unless it already has that quality or a higher one, and returns the size of
// app.wasm.br. It is meant to run in the background while a server serves
// webDir: the server serves the quick app.wasm.br of Build until the better
// one is renamed into place. Cancelling ctx stops it within a fraction of a
// second and leaves the directory as it was.
//
// A build may replace app.wasm meanwhile. Improve compares app.wasm with the
// bytes it compressed before and after renaming app.wasm.br into place: if it
// changed before, Improve writes nothing and returns ErrWasmChanged; if it
// changed in the instant between, Improve removes app.wasm.br, so that the
// server falls back to app.wasm.gz rather than serve another build's code.
func Improve(ctx context.Context, webDir string, quality int) (int64, error) {
	if err := CheckQuality(quality); err != nil {
		return 0, err
	}
	wasmPath := filepath.Join(webDir, WasmName)
	brPath := filepath.Join(webDir, BrotliName)
	if HasBrotliQuality(webDir, quality) {
		fi, err := os.Stat(brPath)
		if err != nil {
			return 0, err
		}
		return fi.Size(), nil
	}
	src, err := os.ReadFile(wasmPath)
	if err != nil {
		return 0, err
	}
	f, err := os.CreateTemp(webDir, "."+BrotliName+".tmp-")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name()) // no-op after the rename
	size, err := compressBrotli(ctx, f, src, quality)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if !wasmIs(wasmPath, src) {
		return 0, ErrWasmChanged
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return 0, err
	}
	if err := os.Rename(f.Name(), brPath); err != nil {
		return 0, err
	}
	if !wasmIs(wasmPath, src) {
		os.Remove(brPath)
		return 0, ErrWasmChanged
	}
	return size, recordQuality(webDir, quality)
}

// compressBrotli writes src to f compressed at quality, a megabyte at a
// time, checking ctx between megabytes. It returns the compressed size.
func compressBrotli(ctx context.Context, f *os.File, src []byte, quality int) (int64, error) {
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := brotli.NewWriterLevel(bw, quality)
	for len(src) > 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		n := min(len(src), 1<<20)
		if _, err := zw.Write(src[:n]); err != nil {
			return 0, err
		}
		src = src[n:]
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// wasmIs reports whether the file at path holds exactly want.
func wasmIs(path string, want []byte) bool {
	got, err := os.ReadFile(path)
	return err == nil && bytes.Equal(got, want)
}

// HasBrotliQuality reports whether webDir's app.wasm.br belongs to its
// app.wasm (Fresh) and was written at the brotli quality given or a higher
// one: whether Improve has nothing to do.
func HasBrotliQuality(webDir string, quality int) bool {
	return BrotliQualityOf(webDir) >= quality &&
		Fresh(filepath.Join(webDir, WasmName), filepath.Join(webDir, BrotliName))
}

// BrotliQualityOf returns the brotli quality that app.wasm.br in webDir was
// written at, as Build and Improve record it, or 0 if that is unknown.
func BrotliQualityOf(webDir string) int {
	b, err := os.ReadFile(filepath.Join(webDir, qualityName))
	if err != nil {
		return 0
	}
	q, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return q
}

func recordQuality(webDir string, quality int) error {
	return writeAtomic(filepath.Join(webDir, qualityName), func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "%d\n", quality)
		return err
	})
}

// CheckQuality returns an error unless q is a brotli quality from 1 to 11.
// (Quality 0 exists, but in Options 0 means the default.)
func CheckQuality(q int) error {
	if q < 1 || q > brotli.BestCompression {
		return fmt.Errorf("webbuild: brotli quality %d out of range 1..%d", q, brotli.BestCompression)
	}
	return nil
}
