//go:build !wasm

package webserver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"forklab/internal/webbuild"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Export writes into outDir a static site that any static host can serve
// from its root: the pre-rendered pages (index.html for "/"), app.js,
// app-worker.js, app.css, wasm_exec.js, manifest.webmanifest, and a copy of
// the web directory (app.wasm, its compressed forms, styles and icons) in
// outDir/web. The routes must be registered (ui.Register) first.
//
// outDir may exist only if it is empty or holds an earlier export; files of
// an earlier export are overwritten. The pages are changed as the server
// changes them (fixPage: a viewport that allows zoom), and a _headers file gives hosts that read one the server's
// security headers (writeHeadersFile). A host serves app.wasm.br or .gz only
// if it is configured to; the plain app.wasm works everywhere.
func Export(webDir, outDir string) error {
	s, err := New(webDir)
	if err != nil {
		return err
	}
	if err := checkExportDir(outDir); err != nil {
		return err
	}
	st, err := s.site()
	if err != nil {
		return err
	}
	// GenerateStaticWebsite fetches each page from an httptest server, on
	// the loopback interface.
	if err := app.GenerateStaticWebsite(outDir, st.handler); err != nil {
		return fmt.Errorf("webserver: export: %w", err)
	}
	err = walk(s.Dir(), func(rel, path string, _ fs.FileInfo) error {
		return webbuild.CopyFile(path, filepath.Join(outDir, "web", filepath.FromSlash(rel)))
	})
	if err != nil {
		return fmt.Errorf("webserver: export: copying web files: %w", err)
	}
	// go-app writes the embed's page as embed.html, which hosts that map
	// /embed to embed.html (GitHub Pages, Netlify) serve at /embed; a plain
	// file server needs it under its own name.
	if err := webbuild.CopyFile(filepath.Join(outDir, "embed.html"), filepath.Join(outDir, "embed")); err != nil {
		return fmt.Errorf("webserver: export: %w", err)
	}
	if err := fixPages(outDir); err != nil {
		return err
	}
	return writeHeadersFile(outDir)
}

// checkExportDir refuses to write into a directory that holds something other
// than an earlier export, so a mistyped -export cannot scatter files.
func checkExportDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, marker := range []string{"index.html", "app.js", "app-worker.js"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("webserver: export: %s is not empty and holds no earlier export (no %s)", dir, marker)
		}
	}
	return nil
}

// originRE matches the origin of the temporary server that
// GenerateStaticWebsite pre-renders from, which go-app writes into og:url.
var originRE = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)

// fixPages removes that origin from the pages, so that og:url holds the
// page's path instead of an address that is gone, and changes them as the
// server does (fixPage).
func fixPages(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && d.Name() == "web" && filepath.Dir(path) == dir {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(path) != ".html" {
			return nil
		}
		page, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fixed := fixPage(originRE.ReplaceAll(page, nil))
		if string(fixed) == string(page) {
			return nil
		}
		return os.WriteFile(path, fixed, 0o644)
	})
}
