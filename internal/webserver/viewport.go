//go:build !wasm

package webserver

import (
	"bytes"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// go-app's page template (app.Handler.servePage) writes a viewport meta
// with "maximum-scale=1, user-scalable=0", which stops a reader from
// zooming the page (WCAG 1.4.4). A second viewport meta would not undo it,
// so the server and the export replace it.

// viewportRE matches a viewport meta element, whatever the order of its
// attributes (go-app prints them in no fixed order).
var viewportRE = regexp.MustCompile(`<meta\b[^>]*\bname="viewport"[^>]*>`)

// viewportTag is the viewport meta that the pages carry instead: the
// device's width, and zoom as the reader likes.
const viewportTag = `<meta name="viewport" content="width=device-width, initial-scale=1">`

// fixPage is what the server and the export change in each of go-app's
// pages: its viewport meta (allowZoom) and the line breaks its writer puts
// between elements (tightenPage).
func fixPage(page []byte) []byte { return tightenPage(allowZoom(page)) }

// allowZoom returns page with each viewport meta replaced by viewportTag.
func allowZoom(page []byte) []byte {
	return viewportRE.ReplaceAllLiteral(page, []byte(viewportTag))
}

// zoomablePage buffers a page's response, so that serve can rewrite its
// viewport meta and set the Content-Length that go-app set for the
// original.
type zoomablePage struct {
	w    http.ResponseWriter
	code int
	body bytes.Buffer
}

func (p *zoomablePage) Header() http.Header { return p.w.Header() }

func (p *zoomablePage) WriteHeader(code int) {
	if p.code == 0 {
		p.code = code
	}
}

func (p *zoomablePage) Write(b []byte) (int, error) {
	if p.code == 0 {
		p.code = http.StatusOK
	}
	return p.body.Write(b)
}

// serveZoomable serves a page from h as fixPage leaves it. Responses that
// are not HTML pass unchanged.
func serveZoomable(h http.Handler, w http.ResponseWriter, r *http.Request) {
	p := &zoomablePage{w: w}
	h.ServeHTTP(p, r)
	if p.code == 0 {
		p.code = http.StatusOK
	}
	body := p.body.Bytes()
	if strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		body = fixPage(body)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(p.code)
	w.Write(body)
}
