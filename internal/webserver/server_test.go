//go:build !wasm

package webserver

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"forklab/internal/webbuild"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// page stands for the app's root component, so that these tests do not
// depend on the UI.
type page struct{ app.Compo }

func (*page) Render() app.UI { return app.H1().Text("forklab") }

func TestMain(m *testing.M) {
	app.Route("/", &page{})
	app.Route("/embed", &page{}) // as ui.Register routes the embed
	os.Exit(m.Run())
}

// fakeWasm is compressible enough that .br < .gz < raw, as with a real build.
func fakeWasm(seed string) []byte {
	var b bytes.Buffer
	b.WriteString("\x00asm\x01\x00\x00\x00")
	for i := range 4000 {
		b.WriteString(seed)
		b.WriteByte(byte(i * 7))
		b.WriteString(" func main.render padding ")
	}
	return b.Bytes()
}

// makeWeb writes a web directory like the build's, with a fake app.wasm.
func makeWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, webbuild.WasmName), fakeWasm("v1"))
	for name, body := range map[string]string{
		"style.css":    "body{margin:0}\n",
		"icon.svg":     `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"icon-192.png": "\x89PNG 192",
		"icon-512.png": "\x89PNG 512",
		".keep":        "",
		".build-files": "style.css\n",
	} {
		write(t, filepath.Join(dir, name), []byte(body))
	}
	if err := webbuild.Compress(filepath.Join(dir, webbuild.WasmName), 5); err != nil {
		t.Fatal(err)
	}
	return dir
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func newServer(t *testing.T, dir string) *Server {
	t.Helper()
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, h http.Handler, path string, header ...string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func body(t *testing.T, res *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decode undoes the response's Content-Encoding.
func decode(t *testing.T, res *http.Response) []byte {
	t.Helper()
	raw := body(t, res)
	var r io.Reader
	switch enc := res.Header.Get("Content-Encoding"); enc {
	case "":
		return raw
	case "br":
		r = brotli.NewReader(bytes.NewReader(raw))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWasmEncoding(t *testing.T) {
	dir := makeWeb(t)
	s := newServer(t, dir)
	want := fakeWasm("v1")
	for _, tc := range []struct {
		accept string
		enc    string
	}{
		{"br", "br"},
		{"gzip", "gzip"},
		{"gzip, deflate, br, zstd", "br"}, // what Chromium sends
		{"br;q=0, gzip", "gzip"},
		{"gzip;q=0.5, br;q=0.1", "br"}, // the server's preference among accepted codings
		{"BR", "br"},
		{"*", "br"},
		{"*;q=0, gzip", "gzip"},
		{"deflate", ""},
		{"identity", ""},
		{"", ""},
		{"br;q=0, gzip;q=0", ""},
	} {
		for _, path := range []string{"/web/app.wasm", "/app.wasm", "/goapp.wasm"} {
			res := get(t, s, path, "Accept-Encoding", tc.accept)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s (Accept-Encoding %q): status %d", path, tc.accept, res.StatusCode)
			}
			h := res.Header
			if got := h.Get("Content-Encoding"); got != tc.enc {
				t.Errorf("GET %s (Accept-Encoding %q): Content-Encoding %q, want %q", path, tc.accept, got, tc.enc)
			}
			if got := h.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("GET %s: Content-Type %q, want application/wasm", path, got)
			}
			if got := h.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("GET %s: Vary %q, want Accept-Encoding", path, got)
			}
			size := strconv.Itoa(len(want))
			if got := h.Get(UncompressedLengthHeader); got != size {
				t.Errorf("GET %s: %s %q, want %q", path, UncompressedLengthHeader, got, size)
			}
			if got, want := h.Get("ETag"), `"`+s.Version()+`"`; got != want {
				t.Errorf("GET %s: ETag %q, want %q", path, got, want)
			}
			if tc.enc == "" && h.Get("Content-Length") != size {
				t.Errorf("GET %s (identity): Content-Length %q, want %s", path, h.Get("Content-Length"), size)
			}
			if got := decode(t, res); !bytes.Equal(got, want) {
				t.Errorf("GET %s (Accept-Encoding %q): decoded body differs from app.wasm (%d bytes, want %d)", path, tc.accept, len(got), len(want))
			}
		}
	}
}

func TestWasmCompressedIsSmaller(t *testing.T) {
	s := newServer(t, makeWeb(t))
	n := func(enc string) int { return len(body(t, get(t, s, "/web/app.wasm", "Accept-Encoding", enc))) }
	raw, gz, br := n(""), n("gzip"), n("br")
	if !(br < gz && gz < raw) {
		t.Errorf("sizes raw %d, gzip %d, br %d: want br < gzip < raw", raw, gz, br)
	}
}

func TestWasmHead(t *testing.T) {
	s := newServer(t, makeWeb(t))
	r := httptest.NewRequest(http.MethodHead, "/web/app.wasm", nil)
	r.Header.Set("Accept-Encoding", "br")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusOK || w.Body.Len() != 0 || w.Header().Get("Content-Encoding") != "br" {
		t.Errorf("HEAD /web/app.wasm: status %d, body %d bytes, Content-Encoding %q; want 200, 0, br",
			w.Code, w.Body.Len(), w.Header().Get("Content-Encoding"))
	}
}

func TestStaleCompressedFilesAreNotServed(t *testing.T) {
	dir := makeWeb(t)
	s := newServer(t, dir)
	wasm := filepath.Join(dir, webbuild.WasmName)
	br, gz := wasm+".br", wasm+".gz"
	now := time.Now().Truncate(time.Second).Add(500 * time.Millisecond)
	setTime := func(path string, t0 time.Time) {
		t.Helper()
		if err := os.Chtimes(path, t0, t0); err != nil {
			t.Fatal(err)
		}
	}
	enc := func() string {
		t.Helper()
		res := get(t, s, "/web/app.wasm", "Accept-Encoding", "br, gzip")
		if got := decode(t, res); !bytes.Equal(got, fakeWasm("v1")) {
			t.Errorf("decoded body differs from app.wasm")
		}
		return res.Header.Get("Content-Encoding")
	}

	setTime(wasm, now)
	setTime(gz, now.Add(time.Second))
	setTime(br, now.Add(-time.Hour))
	if got := enc(); got != "gzip" {
		t.Errorf("with a stale .br: Content-Encoding %q, want gzip", got)
	}
	setTime(gz, now.Add(-time.Millisecond))
	if got := enc(); got != "" {
		t.Errorf("with a stale .br and .gz: Content-Encoding %q, want none", got)
	}
	// The brotli command (-k) copies the input's time cut to whole seconds.
	setTime(br, now.Truncate(time.Second))
	if got := enc(); got != "br" {
		t.Errorf("with a .br stamped with app.wasm's whole second: Content-Encoding %q, want br", got)
	}
	if err := os.Remove(br); err != nil {
		t.Fatal(err)
	}
	setTime(gz, now)
	if got := enc(); got != "gzip" {
		t.Errorf("with no .br: Content-Encoding %q, want gzip", got)
	}
}

func TestIsFresh(t *testing.T) {
	base := time.Date(2026, 1, 2, 3, 4, 5, 600_000_000, time.UTC)
	for _, tc := range []struct {
		compressed time.Time
		want       bool
	}{
		{base, true},
		{base.Add(time.Nanosecond), true},
		{base.Add(time.Hour), true},
		{base.Add(-time.Nanosecond), false},
		{base.Truncate(time.Second), true}, // brotli -k
		{base.Truncate(time.Second).Add(100 * time.Millisecond), false},
		{base.Add(-time.Second), false},
	} {
		if got := webbuild.IsFresh(base, tc.compressed); got != tc.want {
			t.Errorf("IsFresh(%v, %v) = %v, want %v", base, tc.compressed, got, tc.want)
		}
	}
}

func TestVersionFollowsContent(t *testing.T) {
	dir := makeWeb(t)
	s := newServer(t, dir)
	v1 := s.Version()
	if len(v1) != 20 {
		t.Fatalf("Version() = %q, want 20 hex digits", v1)
	}
	etag := func() string { return get(t, s, "/").Header.Get("ETag") }
	if got := etag(); got != `"`+v1+`"` {
		t.Fatalf("ETag %s, want %q", got, v1)
	}

	// The same content elsewhere has the same version.
	other := makeWeb(t)
	if got := newServer(t, other).Version(); got != v1 {
		t.Errorf("same content in another directory: version %s, want %s", got, v1)
	}

	// A rebuild is served at once, under a new ETag, without a restart.
	wasm := filepath.Join(dir, webbuild.WasmName)
	write(t, wasm, fakeWasm("v2"))
	if err := webbuild.Compress(wasm, 5); err != nil {
		t.Fatal(err)
	}
	v2 := s.Version()
	if v2 == v1 {
		t.Fatalf("version unchanged after app.wasm changed")
	}
	res := get(t, s, "/web/app.wasm", "If-None-Match", `"`+v1+`"`, "Accept-Encoding", "br")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /web/app.wasm with the old ETag: status %d, want 200", res.StatusCode)
	}
	if got := res.Header.Get("ETag"); got != `"`+v2+`"` {
		t.Errorf("ETag after rebuild %s, want %q", got, v2)
	}
	if got := decode(t, res); !bytes.Equal(got, fakeWasm("v2")) {
		t.Errorf("after rebuild: served the old app.wasm")
	}
	worker := string(body(t, get(t, s, "/app-worker.js")))
	if !strings.Contains(worker, v2) || strings.Contains(worker, v1) {
		t.Errorf("app-worker.js does not name the new version %s only:\n%s", v2, worker)
	}
	if res := get(t, s, "/", "If-None-Match", `"`+v2+`"`); res.StatusCode != http.StatusNotModified {
		t.Errorf("GET / with the current ETag: status %d, want 304", res.StatusCode)
	}

	// A change to a style sheet changes the version too.
	write(t, filepath.Join(dir, "style.css"), []byte("body{margin:1px}\n"))
	if v3 := s.Version(); v3 == v2 || v3 == v1 {
		t.Errorf("version unchanged after style.css changed")
	}

	// A better app.wasm.br of the same app.wasm is no new version
	// (webbuild.Improve): browsers keep their cache.
	v := s.Version()
	if _, err := webbuild.Improve(t.Context(), dir, 9); err != nil {
		t.Fatal(err)
	}
	if got := s.Version(); got != v {
		t.Errorf("version changed when app.wasm.br was recompressed")
	}
	if got := decode(t, get(t, s, "/web/app.wasm", "Accept-Encoding", "br")); !bytes.Equal(got, fakeWasm("v2")) {
		t.Errorf("after app.wasm.br was recompressed: served something else than app.wasm")
	}

	// Dot files are not part of the site.
	v = s.Version()
	write(t, filepath.Join(dir, ".build-tmp", "app.wasm"), []byte("half written"))
	if got := s.Version(); got != v {
		t.Errorf("a dot directory changed the version")
	}
}

func TestNotFound(t *testing.T) {
	dir := makeWeb(t)
	s := newServer(t, dir)
	for _, path := range []string{
		"/nope",
		"/web/",
		"/web",
		"/web/missing.css",
		"/web/.keep",
		"/web/.build-files",
		"/web/../go.mod",
		"/web/sub/../../x",
		"/web/%2e%2e/x",
		"/robots.txt",
		"/sitemap.xml",
		"/ads.txt",
	} {
		// The Host header is the client's: the server must not fetch from it.
		res := get(t, s, path, "Host", "example.invalid")
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
	}
	write(t, filepath.Join(dir, "robots.txt"), []byte("User-agent: *\n"))
	res := get(t, s, "/robots.txt", "Host", "example.invalid")
	if got := string(body(t, res)); res.StatusCode != http.StatusOK || got != "User-agent: *\n" {
		t.Errorf("GET /robots.txt with web/robots.txt: status %d, body %q", res.StatusCode, got)
	}

	// A symbolic link cannot reach outside the web directory.
	outside := filepath.Join(t.TempDir(), "secret.txt")
	write(t, outside, []byte("secret"))
	if err := os.Symlink(outside, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if res := get(t, s, "/web/link.txt"); res.StatusCode == http.StatusOK {
		t.Errorf("GET /web/link.txt (a link out of the web directory): status 200")
	}
	if err := os.Remove(filepath.Join(dir, webbuild.WasmName)); err != nil {
		t.Fatal(err)
	}
	if res := get(t, s, "/web/app.wasm", "Accept-Encoding", "br"); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /web/app.wasm after it was removed: status %d, want 404", res.StatusCode)
	}
}

func TestStaticFiles(t *testing.T) {
	s := newServer(t, makeWeb(t))
	for path, ctype := range map[string]string{
		"/web/style.css":    "text/css; charset=utf-8",
		"/web/icon.svg":     "image/svg+xml",
		"/web/icon-192.png": "image/png",
		"/web/icon-512.png": "image/png",
	} {
		res := get(t, s, path)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != ctype {
			t.Errorf("GET %s: status %d, Content-Type %q; want 200, %q", path, res.StatusCode, res.Header.Get("Content-Type"), ctype)
		}
	}
}

var ogURLRE = regexp.MustCompile(`<meta[^>]*property="og:url"[^>]*>`)

// urlRE finds absolute URLs in pages and scripts.
var urlRE = regexp.MustCompile(`https?://[^"'\s<>)]+`)

func TestPageIsLocal(t *testing.T) {
	s := newServer(t, makeWeb(t))
	res := get(t, s, "/")
	page := string(body(t, res))
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: status %d, Content-Type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		"<title>forklab</title>",
		"<h1>forklab</h1>",
		`href="/web/style.css"`,
		`href="/web/icon.svg"`,
		`href="/web/icon-192.png"`,
		`src="/web/icon-192.png"`,
		`href="/manifest.webmanifest"`,
		`src="/app.js"`,
		`<script src="/web/sandbox.js"></script>`, // before app.js runs (it is deferred)
		wasmPreloadTag,
		wasmStartScript,
		treesScript, // read with the head: the first render may call it before deferred scripts run
		tracesScript,
		earlyInputScript, // read with the head: it keeps the presses made from the first paint on
	} {
		if !strings.Contains(page, want) {
			t.Errorf("GET /: page lacks %s", want)
		}
	}
	// wasmstart.js's fetch takes the preload only if the preload comes first.
	if p, w := strings.Index(page, wasmPreloadTag), strings.Index(page, wasmStartScript); p > w {
		t.Errorf("GET /: wasmstart.js (at %d) comes before the preload of app.wasm (at %d)", w, p)
	}
	if got := res.Header.Get("Link"); got != WasmPreload {
		t.Errorf("GET /: Link %q, want %q", got, WasmPreload)
	}
	for _, path := range []string{"/app.js", "/web/style.css", "/web/app.wasm"} {
		if got := get(t, s, path).Header.Get("Link"); got != "" {
			t.Errorf("GET %s: Link %q, want none", path, got)
		}
	}
	// No resource may come from another host. The only absolute URLs are
	// the page's own (og:url) and XML namespaces.
	for _, path := range []string{"/", "/manifest.webmanifest", "/app-worker.js", "/app.js"} {
		text := string(body(t, get(t, s, path)))
		for _, u := range urlRE.FindAllString(text, -1) {
			if !strings.HasPrefix(u, "http://example.com/") && !strings.HasPrefix(u, "http://www.w3.org/") {
				t.Errorf("GET %s: names the absolute URL %s", path, u)
			}
		}
	}
	worker := string(body(t, get(t, s, "/app-worker.js")))
	for _, want := range []string{`"/web/app.wasm"`, `"/web/icon-192.png"`, `"/web/icon-512.png"`, `"/web/icon.svg"`, `"/web/style.css"`, `"/web/sandbox.js"`, `"/web/wasmstart.js"`, `"/web/trees.js"`, `"/web/traces.js"`, `"/web/earlyinput.js"`, `"/embed"`} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js does not cache %s", want)
		}
	}
	appJS := string(body(t, get(t, s, "/app.js")))
	if !strings.Contains(appJS, `goappWasmContentLengthHeader = "`+UncompressedLengthHeader+`"`) {
		t.Errorf("app.js does not read %s", UncompressedLengthHeader)
	}
}

func TestNewWithoutWasm(t *testing.T) {
	dir := t.TempDir()
	if _, err := New(dir); err == nil || !strings.Contains(err.Error(), "-build") {
		t.Errorf("New(dir without app.wasm) = %v, want an error that says to build", err)
	}
}

func TestExport(t *testing.T) {
	web := makeWeb(t)
	out := filepath.Join(t.TempDir(), "site")
	if err := Export(web, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"index.html", "embed", "embed.html", "app.js", "app-worker.js", "app.css", "wasm_exec.js", "manifest.webmanifest",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz",
		"web/style.css", "web/icon.svg", "web/icon-192.png", "web/icon-512.png",
	} {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil || fi.Size() == 0 {
			t.Errorf("export lacks %s (%v)", name, err)
		}
	}
	for _, name := range []string{"web/.keep", "web/.build-files"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("export holds %s", name)
		}
	}
	got, err := os.ReadFile(filepath.Join(out, "web", webbuild.WasmName))
	if err != nil || !bytes.Equal(got, fakeWasm("v1")) {
		t.Errorf("exported app.wasm differs from the built one (%v)", err)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>forklab</h1>", `src="/app.js"`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html lacks %s:\n%s", want, index)
		}
	}
	// go-app prints attributes in no fixed order.
	if og := ogURLRE.Find(index); !bytes.Contains(og, []byte(`content="/"`)) {
		t.Errorf("index.html: og:url is %s, want content=\"/\"", og)
	}
	if bytes.Contains(index, []byte("127.0.0.1")) {
		t.Errorf("index.html names the temporary server:\n%s", index)
	}

	// An export served by a plain file server, as a static host would.
	fsrv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer fsrv.Close()
	for path, ctype := range map[string]string{
		"/":                     "text/html; charset=utf-8",
		"/embed":                "text/html; charset=utf-8",
		"/embed.html":           "text/html; charset=utf-8",
		"/app.js":               "text/javascript; charset=utf-8",
		"/web/app.wasm":         "application/wasm",
		"/manifest.webmanifest": "",
	} {
		res, err := http.Get(fsrv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK || (ctype != "" && res.Header.Get("Content-Type") != ctype) {
			t.Errorf("static GET %s: status %d, Content-Type %q; want 200, %q", path, res.StatusCode, res.Header.Get("Content-Type"), ctype)
		}
	}

	// Exporting again over an export works; over anything else it does not.
	if err := Export(web, out); err != nil {
		t.Errorf("second export into the same directory: %v", err)
	}
	other := t.TempDir()
	write(t, filepath.Join(other, "notes.txt"), []byte("mine"))
	if err := Export(web, other); err == nil {
		t.Errorf("export into a directory holding other files: no error")
	}
}

func TestAcceptedEncodings(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"gzip, deflate, br, zstd"}, "br gzip"},
		{[]string{"gzip", "br"}, "br gzip"},
		{[]string{"br;q=0"}, ""},
		{[]string{"br; q=0.0, gzip ; q=1"}, "gzip"},
		{[]string{"*"}, "br gzip"},
		{[]string{"*;q=0"}, ""},
		{[]string{"br;q=0, *"}, "gzip"},
		{[]string{"br;q=bogus"}, "br"},
		{[]string{" , ,"}, ""},
	} {
		if got := strings.Join(acceptedEncodings(tc.in), " "); got != tc.want {
			t.Errorf("acceptedEncodings(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
