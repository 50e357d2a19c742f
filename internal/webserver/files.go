//go:build !wasm

package webserver

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"forklab/internal/webbuild"
)

// UncompressedLengthHeader carries the size of app.wasm before compression.
// go-app's loader reads it (Handler.WasmContentLengthHeader) to show the
// loading percentage, because a compressed response has no usable
// Content-Length.
const UncompressedLengthHeader = "X-Uncompressed-Length"

// files is the app.Handler's resource provider: it serves the web directory
// at /web/, and app.wasm precompressed.
//
// Package() and Static() are "" and AppWASM() is "/web/app.wasm": the site
// lives at the root of its host. (app.LocalDir cannot take an absolute
// directory: it trims slashes and uses the directory as a URL prefix.)
type files struct {
	dir string // absolute
}

func (files) Package() string { return "" }
func (files) Static() string  { return "" }
func (files) AppWASM() string { return "/web/" + webbuild.WasmName }

// ServeHTTP serves /web/NAME from the web directory. Names with an element
// that starts with "." (.keep, the build's temporary files) and directories
// are not found. Files are opened with os.OpenInRoot, so nothing outside the
// directory can be reached, by ".." or by a symbolic link.
func (f files) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/web/")
	if !ok || !servable(name) {
		http.NotFound(w, r)
		return
	}
	if name == webbuild.WasmName {
		f.serveWasm(w, r)
		return
	}
	file, fi, err := f.open(name)
	if err != nil {
		serveError(w, r, err)
		return
	}
	defer file.Close()
	http.ServeContent(w, r, name, fi.ModTime(), file)
}

// serveWasm serves app.wasm as app.wasm.br or app.wasm.gz when the request
// accepts that encoding and the compressed file is not older than app.wasm,
// and as itself otherwise.
func (f files) serveWasm(w http.ResponseWriter, r *http.Request) {
	raw, rawInfo, err := f.open(webbuild.WasmName)
	if err != nil {
		serveError(w, r, err)
		return
	}
	defer raw.Close()

	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Add("Vary", "Accept-Encoding")
	h.Set(UncompressedLengthHeader, strconv.FormatInt(rawInfo.Size(), 10))

	body := raw
	for _, enc := range acceptedEncodings(r.Header.Values("Accept-Encoding")) {
		c, ci, err := f.open(webbuild.WasmName + encodings[enc])
		if err != nil {
			continue
		}
		if !webbuild.IsFresh(rawInfo.ModTime(), ci.ModTime()) {
			c.Close()
			continue
		}
		defer c.Close()
		h.Set("Content-Encoding", enc)
		body = c
		break
	}
	// ServeContent leaves out Content-Length when Content-Encoding is set.
	http.ServeContent(w, r, webbuild.WasmName, rawInfo.ModTime(), body)
}

func (f files) open(name string) (*os.File, fs.FileInfo, error) {
	file, err := os.OpenInRoot(f.dir, filepath.FromSlash(name))
	if err != nil {
		return nil, nil, err
	}
	fi, err := file.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fs.ErrNotExist
	}
	if err != nil {
		file.Close()
		return nil, nil, err
	}
	return file, fi, nil
}

func serveError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, fs.ErrNotExist) {
		http.NotFound(w, r)
		return
	}
	http.Error(w, "500 internal server error", http.StatusInternalServerError)
}

// servable reports whether name, a slash-separated path below the web
// directory, may be served: a valid fs path none of whose elements starts
// with ".".
func servable(name string) bool {
	if !fs.ValidPath(name) || name == "." {
		return false
	}
	for elem := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(elem, ".") {
			return false
		}
	}
	return true
}

// encodings maps each content coding that the server has precompressed files
// for to their suffix, in the server's order of preference.
var encodings = map[string]string{
	"br":   ".br",
	"gzip": ".gz",
}

var preference = []string{"br", "gzip"}

// acceptedEncodings returns the codings of preference that the
// Accept-Encoding values allow (a q-value above 0, named or through "*"), in
// the server's order of preference.
func acceptedEncodings(values []string) []string {
	q := map[string]float64{}
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding == "" {
				continue
			}
			weight := 1.0
			for param := range strings.SplitSeq(params, ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(param), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					if x, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
						weight = x
					}
				}
			}
			q[coding] = weight
		}
	}
	var out []string
	for _, enc := range preference {
		w, named := q[enc]
		if !named {
			w, named = q["*"]
		}
		if named && w > 0 {
			out = append(out, enc)
		}
	}
	return out
}
