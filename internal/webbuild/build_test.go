package webbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCompress(t *testing.T) {
	dir := t.TempDir()
	wasm := filepath.Join(dir, WasmName)
	want := strings.Repeat("\x00asm forklab ", 5000)
	writeFile(t, wasm, want)
	if err := Compress(wasm, 5); err != nil {
		t.Fatal(err)
	}

	gz, err := os.Open(wasm + ".gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || string(got) != want {
		t.Errorf("gunzip(app.wasm.gz): %d bytes, %v; want the %d bytes of app.wasm", len(got), err, len(want))
	}
	br, err := os.Open(wasm + ".br")
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	if got, err := io.ReadAll(brotli.NewReader(br)); err != nil || string(got) != want {
		t.Errorf("unbrotli(app.wasm.br): %d bytes, %v; want the %d bytes of app.wasm", len(got), err, len(want))
	}
	for _, c := range []string{wasm + ".gz", wasm + ".br"} {
		if !Fresh(wasm, c) {
			t.Errorf("Fresh(%s) = false right after Compress", filepath.Base(c))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("Compress left %d files, want 3 (no temporary files)", len(entries))
	}
}

func TestFresh(t *testing.T) {
	dir := t.TempDir()
	wasm := filepath.Join(dir, WasmName)
	writeFile(t, wasm, "x")
	if Fresh(wasm, wasm+".br") {
		t.Errorf("Fresh of a missing file = true")
	}
	writeFile(t, wasm+".br", "y")
	base := time.Date(2026, 1, 2, 3, 4, 5, 600_000_000, time.Local)
	for _, tc := range []struct {
		compressed time.Time
		want       bool
	}{
		{base.Add(time.Millisecond), true},
		{base.Add(-time.Millisecond), false},
		{base.Truncate(time.Second), true},
	} {
		if err := os.Chtimes(wasm, base, base); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(wasm+".br", tc.compressed, tc.compressed); err != nil {
			t.Fatal(err)
		}
		if got := Fresh(wasm, wasm+".br"); got != tc.want {
			t.Errorf("Fresh with app.wasm at %v and .br at %v = %v, want %v", base, tc.compressed, got, tc.want)
		}
	}
}

func TestSyncStatic(t *testing.T) {
	static, web := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(static, "style.css"), "a{}")
	writeFile(t, filepath.Join(static, "icon.svg"), "<svg/>")
	writeFile(t, filepath.Join(static, "fonts", "x.woff2"), "font")
	writeFile(t, filepath.Join(static, ".hidden"), "no")
	writeFile(t, filepath.Join(web, "mine.txt"), "not from static")

	if err := SyncStatic(static, web); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"style.css": "a{}", "icon.svg": "<svg/>", "fonts/x.woff2": "font", "mine.txt": "not from static"} {
		if got := readFile(t, filepath.Join(web, name)); got != want {
			t.Errorf("web/%s = %q, want %q", name, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(web, ".hidden")); err == nil {
		t.Errorf("a dot file was copied")
	}

	// An unchanged file keeps its time; a removed one goes, and only files
	// that an earlier sync copied are removed.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(web, "style.css"), old, old); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(static, "icon.svg")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(static, "fonts", "x.woff2"), "font v2")
	if err := SyncStatic(static, web); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(web, "style.css")); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(web, "icon.svg")); err == nil {
		t.Errorf("web/icon.svg is still there after static/icon.svg was removed")
	}
	if got := readFile(t, filepath.Join(web, "fonts", "x.woff2")); got != "font v2" {
		t.Errorf("web/fonts/x.woff2 = %q, want the new content", got)
	}
	if got := readFile(t, filepath.Join(web, "mine.txt")); got != "not from static" {
		t.Errorf("a file that no sync made was touched")
	}
}

func TestSyncStaticRefusesBuildNames(t *testing.T) {
	static := t.TempDir()
	writeFile(t, filepath.Join(static, WasmName), "x")
	if err := SyncStatic(static, t.TempDir()); err == nil {
		t.Errorf("SyncStatic with static/app.wasm: no error")
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "webbuild", "build.go")); err != nil {
		t.Errorf("ModuleRoot(.) = %s, which does not hold internal/webbuild", root)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module other\n")
	if got, err := ModuleRoot(dir); err == nil {
		t.Errorf("ModuleRoot(dir of another module) = %s, want an error", got)
	}
	if got := modulePath([]byte("// c\nmodule \"forklab\" // x\n")); got != "forklab" {
		t.Errorf("modulePath = %q, want forklab", got)
	}
}

// TestBuild compiles the real front end: a few seconds warm, longer with an
// empty build cache.
func TestBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the wasm front end")
	}
	root, err := ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	web := filepath.Join(t.TempDir(), "web")
	var log bytes.Buffer
	res, err := Build(context.Background(), Options{Root: root, WebDir: web, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v", res)
	if res.Reused {
		t.Errorf("first build reports Reused")
	}
	if !(res.BrotliSize < res.GzipSize && res.GzipSize < res.WasmSize) {
		t.Errorf("sizes %v: want brotli < gzip < raw", res)
	}
	wasm := readFile(t, filepath.Join(web, WasmName))
	if !strings.HasPrefix(wasm, "\x00asm") {
		t.Errorf("app.wasm does not start with the wasm magic number")
	}
	for _, name := range []string{"style.css", "icon.svg", "icon-192.png", "icon-512.png"} {
		if readFile(t, filepath.Join(web, name)) != readFile(t, filepath.Join(root, "static", name)) {
			t.Errorf("web/%s differs from static/%s", name, name)
		}
	}
	entries, _ := os.ReadDir(web)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp") {
			t.Errorf("temporary %s left behind", e.Name())
		}
	}

	// Nothing changed: the compressed files are kept.
	res2, err := Build(context.Background(), Options{Root: root, WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	if !res2.Reused || res2.Compress != 0 {
		t.Errorf("second build of the same source: Reused %v, compress %v; want true, 0", res2.Reused, res2.Compress)
	}

	// A lower brotli quality keeps the better file; a higher one compresses
	// again.
	res3, err := Build(context.Background(), Options{Root: root, WebDir: web, BrotliQuality: 4})
	if err != nil {
		t.Fatal(err)
	}
	if !res3.Reused || res3.BrotliSize != res.BrotliSize {
		t.Errorf("build at brotli quality 4 after %d: Reused %v, brotli %d bytes (was %d); want the file kept", DefaultBrotliQuality, res3.Reused, res3.BrotliSize, res.BrotliSize)
	}
	res4, err := Build(context.Background(), Options{Root: root, WebDir: web, BrotliQuality: DefaultBrotliQuality + 1})
	if err != nil {
		t.Fatal(err)
	}
	if res4.Reused || res4.BrotliSize >= res.BrotliSize || BrotliQualityOf(web) != DefaultBrotliQuality+1 {
		t.Errorf("build at brotli quality %d after %d: Reused %v, brotli %d bytes (was %d), recorded quality %d; want a new, smaller .br",
			DefaultBrotliQuality+1, DefaultBrotliQuality, res4.Reused, res4.BrotliSize, res.BrotliSize, BrotliQualityOf(web))
	}
}
