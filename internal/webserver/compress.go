//go:build !wasm

package webserver

import (
	"compress/gzip"
	"net/http"
	"slices"
	"strings"
)

// A cold visit on a slow link waited for the page and the files its head
// reads, served as they are: 75 KB of pre-rendered page, 48 KB of style
// sheet and the scripts, before the first paint (issue 12: 1.4 s to the
// first paint at 150 KB/s, while app.wasm, precompressed, shared the link).
// gzipped serves them compressed.

// compressible are the content types gzipped compresses: text.
var compressible = []string{"text/html", "text/css", "text/javascript", "application/javascript", "application/json", "application/manifest+json", "image/svg+xml"}

// gzipped serves h's responses gzip-compressed when the request accepts
// gzip, asks for no range, and the response is text of a compressible type
// with no encoding of its own (app.wasm has one: files.serveWasm). Its
// ETag becomes weak, as the compressed body is not the same bytes.
func gzipped(h http.Handler, w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Range") != "" || !slices.Contains(acceptedEncodings(r.Header.Values("Accept-Encoding")), "gzip") {
		h.ServeHTTP(w, r)
		return
	}
	w.Header().Add("Vary", "Accept-Encoding")
	g := &gzipWriter{w: w}
	h.ServeHTTP(g, r)
	if g.gz != nil {
		g.gz.Close()
	}
}

// gzipWriter decides when the header is written whether to compress.
type gzipWriter struct {
	w       http.ResponseWriter
	decided bool
	gz      *gzip.Writer // nil: the body passes as it is
}

func (g *gzipWriter) Header() http.Header { return g.w.Header() }

func (g *gzipWriter) WriteHeader(code int) {
	if g.decided {
		return
	}
	g.decided = true
	h := g.w.Header()
	ct, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	if code == http.StatusOK && h.Get("Content-Encoding") == "" && slices.Contains(compressible, strings.TrimSpace(ct)) {
		h.Set("Content-Encoding", "gzip")
		h.Del("Content-Length")
		if et := h.Get("ETag"); et != "" && !strings.HasPrefix(et, "W/") {
			h.Set("ETag", "W/"+et)
		}
		g.gz, _ = gzip.NewWriterLevel(g.w, gzip.DefaultCompression)
	}
	g.w.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.decided {
		if g.w.Header().Get("Content-Type") == "" {
			g.w.Header().Set("Content-Type", http.DetectContentType(b))
		}
		g.WriteHeader(http.StatusOK)
	}
	if g.gz != nil {
		return g.gz.Write(b)
	}
	return g.w.Write(b)
}
