//go:build !wasm

// Package webserver builds the go-app handler that serves forklab's web app
// from a web directory made by package webbuild, and exports the app as a
// static site.
//
// The handler differs from a plain app.Handler in these ways
// (go-app-notes.md, "Pitfalls and fixes"):
//   - app.wasm is served precompressed (br or gzip, by Accept-Encoding), with
//     its uncompressed size in X-Uncompressed-Length, and the pages, style
//     sheets and scripts gzipped as they are served;
//   - every icon is a local file, so the page and its service worker make no
//     request that leaves the host;
//   - Version is a hash of the web directory's content, recomputed whenever a
//     file there changes, so a rebuild is served at once under a new ETag and
//     a new service-worker cache, without restarting the server;
//   - the service worker pre-caches every icon, the SVG one included, and
//     answers a permalink offline (app-worker.js);
//   - the page has the browser fetch app.wasm at once (WasmPreload), in a
//     Link header and a <link rel=preload> in its head, instead of after its
//     deferred scripts have been fetched and run, when go-app's app.js asks
//     for it: the download then overlaps the page's own.
package webserver

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"forklab/internal/webbuild"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// config is what the app.Handler is made of, apart from Version and the
// resource provider. Its printed form is part of the Version hash, so that a
// change here also renews the browsers' caches.
type config struct {
	Name, Title, Description, Lang string
	BackgroundColor, ThemeColor    string
	LoadingLabel                   string
	Icon                           app.Icon
	Styles                         []string
	// Scripts run before go-app's own (sandbox.js must: it readies a frame
	// sandboxed without allow-same-origin for go-app's start).
	Scripts []string
	// CacheableResources are pre-cached by the service worker besides
	// those go-app lists itself (app.Handler.makeAppWorkerJS), which leave
	// out Icon.SVG.
	CacheableResources []string
	ServiceWorker      string
	RawHeaders         []string
}

// WasmPreload is the preload of app.wasm, as a Link header's value. It
// matches app.js's fetch("/web/app.wasm") (mode cors, same-origin
// credentials: crossorigin anonymous), so that fetch takes the preloaded
// response instead of asking again.
const WasmPreload = "</web/" + webbuild.WasmName + ">; rel=preload; as=fetch; crossorigin=anonymous"

// wasmPreloadTag is WasmPreload as an element of the page's head, for
// static hosts, which send no Link header.
const wasmPreloadTag = `<link rel="preload" href="/web/` + webbuild.WasmName + `" as="fetch" crossorigin="anonymous">`

// wasmStartScript starts compiling app.wasm from the page's head and hands
// the module to go-app's loader (static/wasmstart.js). It runs before
// go-app's scripts, which are deferred, and after wasmPreloadTag: its fetch
// takes the preloaded response, and a preload that came after it would ask
// for app.wasm a second time. go-app writes RawHeaders in order after the
// Scripts, hence its place there.
const wasmStartScript = `<script src="/web/wasmstart.js"></script>`

// treesScript moves the trees' nodes and links once go-app has drawn them
// (static/trees.js, ui/place.go). The program calls it from its first
// render on, which can come before a deferred script has run: it is read
// with the head, as wasmStartScript, and the browser fetches both at once.
const treesScript = `<script src="/web/trees.js"></script>`

// tracesScript scrolls the trace logs to their current step, the
// pre-rendered page's once it has been read, the program's after each step
// (static/traces.js, ui/browser.go scrollTraces).
const tracesScript = `<script src="/web/traces.js"></script>`

// earlyInputScript keeps the keys, clicks and choices made before the
// program runs, and hands them to it once it does (static/earlyinput.js,
// ui/earlyinput.go). It is read with the head, to listen from the first
// paint of the pre-rendered page on.
const earlyInputScript = `<script src="/web/earlyinput.js"></script>`

// serviceWorker is the template of /app-worker.js.
//
//go:embed app-worker.js
var serviceWorker string

var appConfig = config{
	Name:            "forklab",
	Title:           "forklab",
	Description:     "What a Unix kernel does when a debugger follows fork, vfork and exec, under five kernel designs.",
	Lang:            "en",
	BackgroundColor: "#f8fafc",
	ThemeColor:      "#1e293b",
	// No percentage: wasmstart.js has the browser compile app.wasm as it
	// arrives, and go-app's loader, which would count the bytes, does not
	// see them.
	LoadingLabel: "loading forklab…",
	Icon: app.Icon{
		Default:    "/web/icon-192.png",
		Large:      "/web/icon-512.png",
		SVG:        "/web/icon.svg",
		AppleTouch: "/web/icon-192.png",
	},
	Styles:             []string{"/web/style.css"},
	Scripts:            []string{"/web/sandbox.js"},
	CacheableResources: []string{"/web/icon.svg", embedPath, "/web/gif-worker.js", "/web/wasmstart.js", "/web/trees.js", "/web/traces.js", "/web/earlyinput.js"}, // an embed, and the Save menu's GIF encoder, work offline too
	ServiceWorker:      serviceWorker,
	RawHeaders:         []string{wasmPreloadTag, wasmStartScript, treesScript, tracesScript, earlyInputScript},
}

// Server serves the web app. It is safe for concurrent use.
type Server struct {
	files files
	mu    sync.Mutex // serialises rebuilding cur
	cur   atomic.Pointer[site]
}

// site is the handler for one state of the web directory.
type site struct {
	sig     string // file names, sizes and times: cheap to compute per request
	version string // hash of the content
	handler *app.Handler
}

// New returns a Server for the web directory webDir, which must hold
// app.wasm. The routes must be registered (ui.Register) before the first
// request.
func New(webDir string) (*Server, error) {
	dir, err := filepath.Abs(webDir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(filepath.Join(dir, webbuild.WasmName)); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("webserver: %s has no %s; build it first with: go run ./cmd/serve -build", dir, webbuild.WasmName)
	}
	s := &Server{files: files{dir: dir}}
	if _, err := s.site(); err != nil {
		return nil, err
	}
	return s, nil
}

// Dir returns the absolute web directory.
func (s *Server) Dir() string { return s.files.dir }

// Version returns the version that the server currently serves: a hash of
// the web directory's content.
func (s *Server) Version() string {
	st, _ := s.site()
	if st == nil {
		return ""
	}
	return st.version
}

// ServeHTTP serves the app, every response with the security headers
// (securityHeaders), every page as fixPage leaves it (a viewport that
// allows zoom, no line breaks between elements), and text gzipped. Before each request it looks at the names, sizes
// and modification times of the web directory's files, and makes a new
// app.Handler with a new Version when they changed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header(), r.URL.Path)
	gzipped(http.HandlerFunc(s.serve), w, r)
}

// serve is ServeHTTP before compression.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	st, _ := s.site()
	if st == nil {
		http.Error(w, "500 internal server error: web directory unreadable", http.StatusInternalServerError)
		return
	}
	switch r.URL.Path {
	case "/robots.txt", "/sitemap.xml", "/ads.txt":
		// app.Handler would fetch these with an HTTP GET to the request's
		// Host header, which a client chooses: serve them from the web
		// directory instead, or not at all.
		w.Header().Set("Cache-Control", "no-cache")
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/web" + r.URL.Path
		s.files.ServeHTTP(w, r2)
		return
	}
	if isPage(r.URL.Path) {
		w.Header().Add("Link", WasmPreload)
		serveZoomable(st.handler, w, r)
		return
	}
	st.handler.ServeHTTP(w, r)
}

// isPage reports whether path is one of the app's pages (whose last element
// has no extension) rather than a file: /web/*, app.js, wasm_exec.js and the
// like.
func isPage(path string) bool {
	if strings.HasPrefix(path, "/web/") {
		return false
	}
	return !strings.Contains(path[strings.LastIndex(path, "/")+1:], ".")
}

// site returns the handler for the current content of the web directory. On
// an error it returns the last good one, if any, with the error.
func (s *Server) site() (*site, error) {
	cur := s.cur.Load()
	sig, err := signature(s.files.dir)
	if err != nil {
		return cur, err
	}
	if cur != nil && cur.sig == sig {
		return cur, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur = s.cur.Load(); cur != nil && cur.sig == sig {
		return cur, nil
	}
	// If a file changes between the signature and the hash, the next request
	// sees another signature and hashes again.
	version, err := contentVersion(s.files.dir)
	if err != nil {
		return cur, err
	}
	next := &site{sig: sig, version: version, handler: newHandler(version, s.files)}
	s.cur.Store(next)
	return next, nil
}

func newHandler(version string, res files) *app.Handler {
	c := appConfig
	return &app.Handler{
		Name:                    c.Name,
		ShortName:               c.Name,
		Title:                   c.Title,
		Description:             c.Description,
		Lang:                    c.Lang,
		BackgroundColor:         c.BackgroundColor,
		ThemeColor:              c.ThemeColor,
		LoadingLabel:            c.LoadingLabel,
		Icon:                    c.Icon,
		Styles:                  append([]string(nil), c.Styles...),
		Scripts:                 append([]string(nil), c.Scripts...),
		CacheableResources:      append([]string(nil), c.CacheableResources...),
		ServiceWorkerTemplate:   c.ServiceWorker,
		Resources:               res,
		Version:                 version,
		WasmContentLengthHeader: UncompressedLengthHeader,
		RawHeaders:              append([]string(nil), c.RawHeaders...),
	}
}

// walk calls fn for each regular file below dir, in lexical order, skipping
// names that start with "." as the server does.
func walk(dir string, fn func(rel string, path string, fi fs.FileInfo) error) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed since the directory was read
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		return fn(filepath.ToSlash(rel), path, fi)
	})
}

// signature describes the files of dir by name, size and modification time.
func signature(dir string) (string, error) {
	var b strings.Builder
	err := walk(dir, func(rel, _ string, fi fs.FileInfo) error {
		b.WriteString(rel)
		b.WriteByte(0)
		b.WriteString(strconv.FormatInt(fi.Size(), 10))
		b.WriteByte(0)
		b.WriteString(strconv.FormatInt(fi.ModTime().UnixNano(), 10))
		b.WriteByte('\n')
		return nil
	})
	return b.String(), err
}

// contentVersion hashes the names and contents of dir's files and the
// handler's configuration, security headers and viewport. Equal builds
// give equal versions, wherever the directory is. app.wasm's compressed
// forms are left out: they say nothing that app.wasm does not, and
// webbuild.Improve rewrites app.wasm.br at a better quality while the server
// runs, which must not look like an update to the browsers that hold the
// app.
func contentVersion(dir string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n%+v\n%s\n", appConfig, securityPolicy, viewportTag)
	err := walk(dir, func(rel, path string, _ fs.FileInfo) error {
		if rel == webbuild.GzipName || rel == webbuild.BrotliName {
			return nil
		}
		f, err := os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", rel)
		n, err := io.Copy(h, f)
		fmt.Fprintf(h, "\x00%d\n", n)
		return err
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}
