//go:build !wasm

package webserver

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// HeadersFileName is the file in which the export gives static hosts the
// server's security headers, in the format that Netlify and Cloudflare
// Pages read (and others copy): a line with a URL path, then one indented
// "Name: value" line per header.
const HeadersFileName = "_headers"

// maxHeaderRules is the most rules that Cloudflare Pages reads from a
// _headers file.
const maxHeaderRules = 100

// headersFilePreamble documents the file for whoever deploys the export.
const headersFilePreamble = `# forklab's security headers, the same as "go run ./cmd/serve" sends
# (internal/webserver/headers.go), for static hosts that read a _headers file
# (Netlify, Cloudflare Pages). Other hosts need them set by hand: copy them.
#
# Every page may be framed by no site (frame-ancestors 'none', X-Frame-Options
# DENY) except /embed, which any site may frame. Each block names one path,
# without wildcards: hosts differ in how they combine the headers of several
# matching rules, and two Content-Security-Policy headers would both apply.
# Written by the export; an export again replaces it.
`

// writeHeadersFile writes dir/_headers for the export in dir: a rule for
// every URL path at which a static host serves one of its files, with the
// headers that the server sends for that path (securityHeaders).
func writeHeadersFile(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if rel == HeadersFileName {
			return nil
		}
		paths = append(paths, urlPaths(filepath.ToSlash(rel))...)
		return nil
	})
	if err != nil {
		return fmt.Errorf("webserver: export: listing files for %s: %w", HeadersFileName, err)
	}
	// A path may come from two files: /embed from embed.html and from a
	// copy named embed, for file servers that do not add ".html".
	slices.Sort(paths)
	paths = slices.Compact(paths)
	if len(paths) > maxHeaderRules {
		return fmt.Errorf("webserver: export: %d paths need a rule in %s, more than the %d that Cloudflare Pages reads", len(paths), HeadersFileName, maxHeaderRules)
	}
	var b strings.Builder
	b.WriteString(headersFilePreamble)
	for _, p := range paths {
		fmt.Fprintf(&b, "\n%s\n", p)
		for _, h := range securityHeaders(p) {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
	}
	return os.WriteFile(filepath.Join(dir, HeadersFileName), []byte(b.String()), 0o644)
}

// urlPaths returns the URL paths at which a static host serves the file
// rel (slash-separated, relative to the site's root): its own, and for an
// HTML page the path of the route it stands for ("/" for index.html,
// "/embed" for embed.html).
func urlPaths(rel string) []string {
	paths := []string{"/" + rel}
	if page, ok := strings.CutSuffix(rel, ".html"); ok {
		if page == "index" || strings.HasSuffix(page, "/index") {
			page = strings.TrimSuffix(page, "index")
		}
		paths = append(paths, "/"+page)
	}
	return paths
}
