//go:build !wasm

package webserver

import (
	"bufio"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The embeddable view, so that /embed is a page here as in the app.
func init() { app.Route(embedPath, &page{}) }

// head asks for path as curl -I does.
func head(t *testing.T, h http.Handler, path string) *http.Response {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodHead, path, nil))
	return w.Result()
}

// directives splits a Content-Security-Policy into its directives' sources.
func directives(t *testing.T, csp string) map[string][]string {
	t.Helper()
	d := map[string][]string{}
	for part := range strings.SplitSeq(csp, ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		if _, dup := d[f[0]]; dup {
			t.Errorf("CSP names %s twice: %s", f[0], csp)
		}
		d[f[0]] = f[1:]
	}
	return d
}

func TestSecurityHeaders(t *testing.T) {
	s := newServer(t, makeWeb(t))
	for _, tc := range []struct {
		path         string
		status       int
		framed, page bool
	}{
		{"/", http.StatusOK, false, true},
		{"/?scenario=vfork&step=3", http.StatusOK, false, true},
		{"/embed", http.StatusOK, true, true},
		{"/embed?scenario=vfork-csh&step=5&designs=old,new", http.StatusOK, true, true},
		{"/web/app.wasm", http.StatusOK, false, false},
		{"/app.js", http.StatusOK, false, false},
		{"/app-worker.js", http.StatusOK, false, false},
		{"/web/style.css", http.StatusOK, false, false},
		{"/web/missing.css", http.StatusNotFound, false, false},
		{"/robots.txt", http.StatusNotFound, false, false},
		{"/embedded", http.StatusNotFound, false, true},
	} {
		res := head(t, s, tc.path)
		h := res.Header
		if res.StatusCode != tc.status {
			t.Errorf("HEAD %s: status %d, want %d", tc.path, res.StatusCode, tc.status)
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("HEAD %s: X-Content-Type-Options %q, want nosniff", tc.path, got)
		}
		if got := h.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("HEAD %s: Referrer-Policy %q, want no-referrer", tc.path, got)
		}
		if n := len(h.Values("Content-Security-Policy")); n != 1 {
			t.Errorf("HEAD %s: %d Content-Security-Policy headers, want 1", tc.path, n)
			continue
		}
		d := directives(t, h.Get("Content-Security-Policy"))
		want := map[string]string{
			"default-src":     "'self'",
			"script-src":      "'self' 'wasm-unsafe-eval'",
			"style-src":       "'self'",
			"style-src-attr":  "'unsafe-inline'",
			"img-src":         "'self' blob: data:",
			"worker-src":      "'self' blob:",
			"connect-src":     "'self'",
			"object-src":      "'none'",
			"base-uri":        "'none'",
			"form-action":     "'self'",
			"frame-ancestors": "'none'",
		}
		wantXFO := "DENY"
		if tc.framed {
			want["frame-ancestors"] = "*"
			wantXFO = ""
		}
		for name, sources := range want {
			if got := strings.Join(d[name], " "); got != sources {
				t.Errorf("HEAD %s: CSP %s is %q, want %q", tc.path, name, got, sources)
			}
		}
		if len(d) != len(want) {
			t.Errorf("HEAD %s: CSP has %d directives, want %d: %s", tc.path, len(d), len(want), h.Get("Content-Security-Policy"))
		}
		wantACAO := "*"
		if tc.page {
			wantACAO = ""
		}
		if got := h.Get("Access-Control-Allow-Origin"); got != wantACAO {
			t.Errorf("HEAD %s: Access-Control-Allow-Origin %q, want %q", tc.path, got, wantACAO)
		}
		if got := h.Get("X-Frame-Options"); got != wantXFO {
			t.Errorf("HEAD %s: X-Frame-Options %q, want %q", tc.path, got, wantXFO)
		}
	}
}

func TestPagesAllowZoom(t *testing.T) {
	s := newServer(t, makeWeb(t))
	for _, path := range []string{"/", "/embed", "/?scenario=vfork"} {
		res := get(t, s, path)
		page := body(t, res)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", path, res.StatusCode)
		}
		if n := bytes.Count(page, []byte(`name="viewport"`)); n != 1 {
			t.Errorf("GET %s: %d viewport metas, want 1", path, n)
		}
		if !bytes.Contains(page, []byte(viewportTag)) {
			t.Errorf("GET %s: no %s", path, viewportTag)
		}
		for _, bad := range []string{"user-scalable", "maximum-scale"} {
			if bytes.Contains(page, []byte(bad)) {
				t.Errorf("GET %s: the page still says %s", path, bad)
			}
		}
		if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(page)) {
			t.Errorf("GET %s: Content-Length %s, body %d bytes", path, got, len(page))
		}
		if got := head(t, s, path).Header.Get("Content-Length"); got != strconv.Itoa(len(page)) {
			t.Errorf("HEAD %s: Content-Length %s, GET's body %d bytes", path, got, len(page))
		}
	}
	// A revalidation keeps go-app's 304, with no body.
	res := get(t, s, "/", "If-None-Match", `"`+s.Version()+`"`)
	if res.StatusCode != http.StatusNotModified || len(body(t, res)) != 0 {
		t.Errorf("GET / If-None-Match the version: status %d, want 304 with no body", res.StatusCode)
	}
}

func TestAllowZoomAnyAttributeOrder(t *testing.T) {
	for _, in := range []string{
		`<head><meta name="viewport" content="width=device-width, user-scalable=0"></head>`,
		`<head><meta content="width=device-width, maximum-scale=1" name="viewport"></head>`,
	} {
		if got, want := string(allowZoom([]byte(in))), "<head>"+viewportTag+"</head>"; got != want {
			t.Errorf("allowZoom(%s) = %s, want %s", in, got, want)
		}
	}
	other := `<meta name="description" content="user-scalable=0 is a phrase">`
	if got := string(allowZoom([]byte(other))); got != other {
		t.Errorf("allowZoom changed another meta: %s", got)
	}
}

// TestVersionFollowsPolicy: the service worker's cache, whose responses
// keep the headers they came with, is renewed when the policy changes.
func TestVersionFollowsPolicy(t *testing.T) {
	dir := makeWeb(t)
	before, err := contentVersion(dir)
	if err != nil {
		t.Fatal(err)
	}
	saved := securityPolicy
	t.Cleanup(func() { securityPolicy = saved })
	securityPolicy.Common = append(append([]header(nil), saved.Common...), header{"Cross-Origin-Opener-Policy", "same-origin"})
	after, err := contentVersion(dir)
	if err != nil {
		t.Fatal(err)
	}
	if before == after {
		t.Errorf("the version stays %s when the security headers change", before)
	}
}

// readHeadersFile parses a _headers file into the headers of each path,
// failing on any line that is not a comment, a path or an indented header.
func readHeadersFile(t *testing.T, path string) map[string]http.Header {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rules := map[string]http.Header{}
	var cur http.Header
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			if _, dup := rules[line]; dup {
				t.Errorf("%s:%d: a second rule for %s", path, n, line)
			}
			cur = http.Header{}
			rules[line] = cur
		case strings.HasPrefix(line, "  ") && cur != nil:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Errorf("%s:%d: not a header: %q", path, n, line)
			}
			cur.Add(name, value)
		default:
			t.Errorf("%s:%d: not a _headers line: %q", path, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rules
}

func TestExportHeadersFile(t *testing.T) {
	web := makeWeb(t)
	out := filepath.Join(t.TempDir(), "site")
	if err := Export(web, out); err != nil {
		t.Fatal(err)
	}
	// A second file for /embed, as for file servers that add no ".html",
	// gives no second rule (readHeadersFile fails on one).
	write(t, filepath.Join(out, "embed"), []byte("<!DOCTYPE html>"))
	must(t, writeHeadersFile(out))
	rules := readHeadersFile(t, filepath.Join(out, HeadersFileName))
	s := newServer(t, web)
	// Each path that the server serves has a rule with the server's headers.
	for _, path := range []string{"/", "/index.html", "/embed", "/embed.html", "/web/app.wasm", "/app.js", "/app-worker.js", "/web/icon.svg"} {
		rule, ok := rules[path]
		if !ok {
			t.Errorf("%s has no rule for %s", HeadersFileName, path)
			continue
		}
		served := head(t, s, path).Header
		for _, x := range securityHeaders(path) {
			if got, want := rule.Values(x.Name), served.Values(x.Name); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s %s: %s is %q; the server sends %q", HeadersFileName, path, x.Name, got, want)
			}
		}
		if len(rule) != len(securityHeaders(path)) {
			t.Errorf("%s %s: %d headers, want %d: %v", HeadersFileName, path, len(rule), len(securityHeaders(path)), rule)
		}
	}
	if got := rules["/embed"].Get("X-Frame-Options"); got != "" {
		t.Errorf("%s: /embed has X-Frame-Options %q", HeadersFileName, got)
	}
	if !strings.Contains(rules["/"].Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("%s: / may be framed: %s", HeadersFileName, rules["/"].Get("Content-Security-Policy"))
	}
	// Every exported file has its rule, and the rules name no other path.
	files := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if rel == HeadersFileName {
			return nil
		}
		files++
		if _, ok := rules["/"+filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s has no rule for the exported file %s", HeadersFileName, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// index.html and embed.html add / and /embed, which the file embed has.
	if extra := 1; len(rules) != files+extra {
		t.Errorf("%s has %d rules for %d files, want %d", HeadersFileName, len(rules), files, files+extra)
	}
	// The exported pages allow zoom too.
	for _, name := range []string{"index.html", "embed.html"} {
		page, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(page, []byte(viewportTag)) || bytes.Contains(page, []byte("user-scalable")) {
			t.Errorf("exported %s: viewport not rewritten", name)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestURLPaths(t *testing.T) {
	for rel, want := range map[string]string{
		"index.html":      "/index.html /",
		"embed.html":      "/embed.html /embed",
		"docs/index.html": "/docs/index.html /docs/",
		"web/app.wasm":    "/web/app.wasm",
		"embed":           "/embed",
	} {
		if got := strings.Join(urlPaths(rel), " "); got != want {
			t.Errorf("urlPaths(%s) = %s, want %s", rel, got, want)
		}
	}
}
