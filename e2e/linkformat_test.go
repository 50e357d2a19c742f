//go:build !wasm

package e2e

// TestLinkFormat: app.wasm packs and unpacks one's own scenario in a src=
// link with the browser's CompressionStream and DecompressionStream
// (ui/permalink_wasm.go), not compress/flate. The format stays raw DEFLATE
// and base64url: a link packed by compress/flate, as links already shared
// were, opens; the address the browser writes reads back with
// compress/flate, as the server's pre-render reads it; damaged ones say so.

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"io"
	"net/url"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/ui"

	"github.com/chromedp/chromedp/kb"
)

func TestLinkFormat(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	emulateMedia(b, "reduce")

	src := "title: My link\ndesigns: old, new\n\nproc P\nP: fork as C\nC: exit 3\nP: wait\n"
	f, err := scenarios.Parse("scenario.txt", []byte(src))
	must(t, err)
	e := expect("own", f, ui.DefaultDesigns(f))

	// A link made by compress/flate at its best compression opens.
	var raw bytes.Buffer
	w, err := flate.NewWriter(&raw, flate.BestCompression)
	must(t, err)
	_, err = w.Write([]byte(src))
	must(t, err)
	must(t, w.Close())
	b.Navigate(srv.URL + "/?src=" + base64.RawURLEncoding.EncodeToString(raw.Bytes()) + "&step=2")
	b.WaitApp()
	v := waitView(b, "own", 2)
	if !strings.HasPrefix(v.Title, "My link") {
		t.Errorf("a link packed by compress/flate opens %q", v.Title)
	}
	if errs := e.check(v, 2); len(errs) > 0 {
		t.Errorf("a link packed by compress/flate shows:\n  %s", strings.Join(errs, "\n  "))
	}

	// The address the browser writes for it, after a step, is raw DEFLATE
	// that compress/flate reads back to the text.
	b.PressKey(kb.ArrowRight)
	waitView(b, "own", 3)
	b.Poll(`location.search.includes('step=3')`)
	q, err := url.ParseQuery(strings.TrimPrefix(Eval[string](b, `location.search`), "?"))
	must(t, err)
	packed, err := base64.RawURLEncoding.DecodeString(q.Get("src"))
	must(t, err)
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(packed)))
	if err != nil || string(got) != src {
		t.Errorf("the browser's src= inflates to %q (%v), want %q", got, err, src)
	}

	// Damaged links say what is wrong and show a library scenario.
	for bad, want := range map[string]string{
		"!!!":  "damaged (not base64url)",
		"AAAA": "damaged (not DEFLATE data)",
	} {
		b.Navigate(srv.URL + "/?src=" + bad)
		b.WaitApp()
		b.Poll(`document.querySelector('[data-runtime=wasm][data-complete=true] .notice') !== null`)
		if got := b.Text(".notice"); !strings.Contains(got, want) {
			t.Errorf("src=%s says %q, want %q", bad, got, want)
		}
	}
	b.Screenshot("link-damaged")
}
