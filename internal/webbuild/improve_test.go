package webbuild

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// fakeWasm is a few megabytes that brotli compresses better at a higher
// quality, like a real app.wasm.
func fakeWasm(seed string) string {
	var b strings.Builder
	b.WriteString("\x00asm\x01\x00\x00\x00")
	x := uint32(len(seed))
	for i := range 200_000 {
		x = x*1664525 + 1013904223
		b.WriteString(seed)
		b.WriteByte(byte(x >> 24 % 16))
		if i%3 == 0 {
			b.WriteString(" runtime.gcStart ")
		}
	}
	return b.String()
}

// quickWeb returns a web directory with app.wasm and an app.wasm.br written
// by Build's rule at quality 2.
func quickWeb(t *testing.T) (dir, wasm string) {
	t.Helper()
	dir = t.TempDir()
	wasm = fakeWasm("v1")
	writeFile(t, filepath.Join(dir, WasmName), wasm)
	if err := Compress(filepath.Join(dir, WasmName), 2); err != nil {
		t.Fatal(err)
	}
	if err := recordQuality(dir, 2); err != nil {
		t.Fatal(err)
	}
	return dir, wasm
}

func unbrotli(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(brotli.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestImprove(t *testing.T) {
	dir, wasm := quickWeb(t)
	br := filepath.Join(dir, BrotliName)
	quick, _ := os.Stat(br)

	size, err := Improve(context.Background(), dir, 9)
	if err != nil {
		t.Fatal(err)
	}
	better, _ := os.Stat(br)
	if size != better.Size() || size >= quick.Size() {
		t.Errorf("Improve to quality 9 returned %d bytes; app.wasm.br has %d, was %d at quality 2", size, better.Size(), quick.Size())
	}
	if unbrotli(t, br) != wasm {
		t.Errorf("app.wasm.br at quality 9 does not decode to app.wasm")
	}
	if got := BrotliQualityOf(dir); got != 9 {
		t.Errorf("recorded quality %d, want 9", got)
	}
	if !Fresh(filepath.Join(dir, WasmName), br) {
		t.Errorf("app.wasm.br is not fresh after Improve")
	}
	noTemporaryFiles(t, dir)

	// A quality already reached (or passed) is no work.
	for _, q := range []int{5, 9} {
		size, err := Improve(context.Background(), dir, q)
		now, _ := os.Stat(br)
		if err != nil || size != better.Size() || !now.ModTime().Equal(better.ModTime()) {
			t.Errorf("Improve to quality %d after 9: %d bytes, %v, rewritten %v; want the file kept", q, size, err, !now.ModTime().Equal(better.ModTime()))
		}
	}

	// A stale app.wasm.br (app.wasm rebuilt since) is made again whatever
	// quality it was recorded at.
	wasm2 := fakeWasm("v2")
	writeFile(t, filepath.Join(dir, WasmName), wasm2)
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, WasmName), future, future); err != nil {
		t.Fatal(err)
	}
	if _, err := Improve(context.Background(), dir, 5); err != nil {
		t.Fatal(err)
	}
	if unbrotli(t, br) != wasm2 {
		t.Errorf("after app.wasm changed, app.wasm.br still holds the old build")
	}
}

func TestImproveCancelled(t *testing.T) {
	dir, _ := quickWeb(t)
	br := filepath.Join(dir, BrotliName)
	before, _ := os.ReadFile(br)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Improve(ctx, dir, 11); !errors.Is(err, context.Canceled) {
		t.Errorf("Improve with a cancelled context: %v, want context.Canceled", err)
	}
	after, _ := os.ReadFile(br)
	if !bytes.Equal(before, after) || BrotliQualityOf(dir) != 2 {
		t.Errorf("a cancelled Improve changed app.wasm.br or its recorded quality")
	}
	noTemporaryFiles(t, dir)
}

func TestImproveBadQuality(t *testing.T) {
	dir, _ := quickWeb(t)
	for _, q := range []int{-1, 0, 12} {
		if _, err := Improve(context.Background(), dir, q); err == nil {
			t.Errorf("Improve at quality %d: no error", q)
		}
	}
}

// TestImproveWasmChanged rebuilds app.wasm while Improve compresses the old
// one: Improve must not put the old build's app.wasm.br in place.
func TestImproveWasmChanged(t *testing.T) {
	dir, _ := quickWeb(t)
	br := filepath.Join(dir, BrotliName)
	before, _ := os.ReadFile(br)
	errc := make(chan error, 1)
	go func() {
		_, err := Improve(context.Background(), dir, 9)
		errc <- err
	}()
	// Improve has read app.wasm once its temporary file exists.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(dir, "."+BrotliName+".tmp-*")); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Improve never started compressing")
		}
	}
	writeFile(t, filepath.Join(dir, WasmName), fakeWasm("v2"))
	if err := <-errc; !errors.Is(err, ErrWasmChanged) {
		t.Errorf("Improve across a rebuild: %v, want ErrWasmChanged", err)
	}
	after, _ := os.ReadFile(br)
	if !bytes.Equal(before, after) || BrotliQualityOf(dir) != 2 {
		t.Errorf("Improve across a rebuild changed app.wasm.br or its recorded quality")
	}
	noTemporaryFiles(t, dir)
}
