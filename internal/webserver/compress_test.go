//go:build !wasm

package webserver

import (
	"compress/gzip"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestGzipped: a page, the style sheet and app.js come gzipped to a browser
// that accepts it, the same bytes once unpacked, with a weak ETag where
// there is one; not to a request that does not accept it or asks for a
// range; app.wasm keeps its own precompressed coding.
func TestGzipped(t *testing.T) {
	s := newServer(t, makeWeb(t))
	for _, path := range []string{"/", "/web/style.css", "/app.js"} {
		plain := get(t, s, path, "Accept-Encoding", "identity")
		want := body(t, plain)
		if got := plain.Header.Get("Content-Encoding"); got != "" {
			t.Errorf("GET %s, no gzip: Content-Encoding %q", path, got)
		}
		res := get(t, s, path, "Accept-Encoding", "gzip, deflate, br")
		if got := res.Header.Get("Content-Encoding"); got != "gzip" {
			t.Errorf("GET %s: Content-Encoding %q, want gzip", path, got)
			continue
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("GET %s: Vary %q lacks Accept-Encoding", path, res.Header.Get("Vary"))
		}
		if et := res.Header.Get("ETag"); et != "" && !strings.HasPrefix(et, "W/") {
			t.Errorf("GET %s: gzipped, ETag %s is strong", path, et)
		}
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		// go-app writes a page's attributes in no fixed order: compare the
		// page's bytes as a multiset.
		if path == "/" {
			slices.Sort(got)
			slices.Sort(want)
		}
		if string(got) != string(want) {
			t.Errorf("GET %s: the gzipped body unpacks to %d bytes unlike the plain one's %d", path, len(got), len(want))
		}
	}
	if got := get(t, s, "/web/style.css", "Accept-Encoding", "gzip", "Range", "bytes=0-9").Header.Get("Content-Encoding"); got != "" {
		t.Errorf("GET a range of style.css: Content-Encoding %q, want none", got)
	}
	wasm := get(t, s, "/web/app.wasm", "Accept-Encoding", "gzip, br")
	if got := wasm.Header.Get("Content-Encoding"); got != "br" || wasm.StatusCode != http.StatusOK {
		t.Errorf("GET app.wasm: %d, Content-Encoding %q, want 200 br", wasm.StatusCode, got)
	}
}
