//go:build !wasm

package ui

// This file is the raw DEFLATE of links (packSrc) natively, where the server
// pre-renders a src= link and the tests run: compress/flate. The browser
// has its own (permalink_wasm.go), which keeps compress/flate out of
// app.wasm; both read and write the same format.

import (
	"bytes"
	"compress/flate"
	"io"
)

// deflate compresses b as raw DEFLATE at the best compression.
func deflate(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// inflate decompresses raw DEFLATE data, up to limit bytes of it.
func inflate(raw []byte, limit int) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(raw))
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, int64(limit)))
}
