//go:build !wasm

package webserver

import (
	"net/http"
	"strings"
)

// The security headers: one policy, which the server sends on every
// response (Server.ServeHTTP) and the export writes, for static hosts that
// read one, into a _headers file (headersfile.go). The policy is part of the
// Version hash (contentVersion), so that a browser's service worker, whose
// cache keeps each response with its headers, drops its cached pages when
// the policy changes.

// header is one response header.
type header struct{ Name, Value string }

// contentSecurityPolicy allows only what the app uses, apart from
// frame-ancestors, which depends on the page (securityHeaders):
//   - scripts from its own origin only: the page's only scripts are the files
//     wasm_exec.js and app.js (go-app's page template writes no inline
//     script), and 'wasm-unsafe-eval' lets app.js compile app.wasm;
//   - style sheets from its own origin, and style attributes, which go-app's
//     Style() sets (the scrubber's marks, the tree's node positions);
//   - images from its own origin and blob: and data: URLs, which the picture
//     exports draw and download;
//   - workers from its own origin (app-worker.js) and blob: URLs (the GIF
//     encoder's worker);
//   - fetches from its own origin (app.wasm, the service worker's cache);
//   - no plugins, no <base>, forms only to its own origin.
const contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"img-src 'self' blob: data:; " +
	"worker-src 'self' blob:; " +
	"connect-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'"

// policy is the set of security headers, by the kind of path.
type policy struct {
	// Common goes on every response.
	Common []header
	// Framed goes on the responses for /embed, which any site may frame;
	// Unframed on all others, which no site may frame.
	Framed, Unframed []header
	// Files goes on the responses for everything but a page: app.wasm, the
	// scripts, styles and icons.
	Files []header
}

// securityPolicy is the policy that the server and the export apply.
var securityPolicy = policy{
	Common: []header{
		{"X-Content-Type-Options", "nosniff"},
		// A permalink's query can carry a whole scenario (src=): it goes to
		// no other site.
		{"Referrer-Policy", "no-referrer"},
	},
	Framed: []header{
		{"Content-Security-Policy", contentSecurityPolicy + "; frame-ancestors *"},
	},
	Unframed: []header{
		{"Content-Security-Policy", contentSecurityPolicy + "; frame-ancestors 'none'"},
		// For browsers that do not know frame-ancestors.
		{"X-Frame-Options", "DENY"},
	},
	Files: []header{
		// An embed in a frame sandboxed without allow-same-origin has the
		// origin null, from which app.js's fetch of app.wasm (mode cors) is
		// cross-origin. The files are public and sent without cookies.
		{"Access-Control-Allow-Origin", "*"},
	},
}

// embedPath is the path of the embeddable view.
const embedPath = "/embed"

// embeddable reports whether a response to path may be framed by any site:
// /embed, what lies below it, and the export's file for it (embed.html).
func embeddable(path string) bool {
	return path == embedPath || path == embedPath+".html" || strings.HasPrefix(path, embedPath+"/")
}

// securityHeaders returns the headers that a response to path carries.
func securityHeaders(path string) []header {
	hs := append([]header(nil), securityPolicy.Common...)
	if !isPage(path) && !strings.HasSuffix(path, ".html") {
		hs = append(hs, securityPolicy.Files...)
	}
	if embeddable(path) {
		return append(hs, securityPolicy.Framed...)
	}
	return append(hs, securityPolicy.Unframed...)
}

// setSecurityHeaders sets the headers of a response to path.
func setSecurityHeaders(h http.Header, path string) {
	for _, x := range securityHeaders(path) {
		h.Set(x.Name, x.Value)
	}
}
