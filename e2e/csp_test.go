//go:build !wasm

package e2e

// The app runs under the server's Content-Security-Policy with a clean
// console, online and from the service worker's cache; the policy is
// enforced (an inline script is refused) and no other site may frame the
// main page.

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// documentCSP returns the Content-Security-Policy of the response for url.
func documentCSP(b *Browser, url string) string {
	b.t.Helper()
	r := b.Response(url)
	if r == nil {
		b.t.Fatalf("no response recorded for %s", url)
	}
	for k, v := range r.Headers {
		if strings.EqualFold(k, "Content-Security-Policy") {
			return fmt.Sprint(v)
		}
	}
	return ""
}

func TestCSP(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	page := srv.URL + "/?scenario=vfork-follow&step=3&designs=old,linux"
	b.Navigate(page)
	b.WaitApp()
	waitView(b, "vfork-follow", 3)
	if csp := documentCSP(b, page); !strings.Contains(csp, "'wasm-unsafe-eval'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("the page came with Content-Security-Policy %q", csp)
	}

	// The page holds no inline script and no inline event handler.
	if n := Eval[int](b, `[...document.scripts].filter(s => !s.src).length`); n != 0 {
		t.Errorf("%d inline scripts", n)
	}
	if on := Eval[[]string](b, `[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]).filter(a => a.name.startsWith('on')).map(a => a.name)`); len(on) != 0 {
		t.Errorf("inline event handlers: %v", on)
	}

	// Use the page: step, a third pane, another trace format, the keys, the
	// editor; the end-of-test check fails on any console error, which is
	// where Chromium reports what the policy refused.
	b.PressKey(kb.ArrowRight)
	waitView(b, "vfork-follow", 4)
	for _, key := range []string{"t", "f", "?", kb.Escape, "e", kb.Escape} {
		b.PressKey(key)
		time.Sleep(100 * time.Millisecond)
	}
	readView(b)

	// The policy is enforced: an inline script added to the page is refused.
	// Chromium's report of it names the script's hash: only that report is
	// no failure.
	const inline = "window.inlineRan = true"
	sum := sha256.Sum256([]byte(inline))
	b.AllowConsole("'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'")
	violated := Run(b, chromedp.Evaluate[string](`new Promise(done => {
	  document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective), {once: true});
	  const s = document.createElement('script');
	  s.textContent = `+jsString(inline)+`;
	  document.head.appendChild(s);
	  setTimeout(() => done(window.inlineRan ? 'ran' : 'no report'), 3000);
	})`, chromedp.EvalAwaitPromise))
	if violated != "script-src-elem" {
		t.Errorf("an inline script: %q, want it refused under script-src-elem", violated)
	}

	// From the service worker's cache, the page keeps its headers.
	if !Run(b, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)) {
		t.Fatal("no service worker")
	}
	// A scenario link: bare / is the start page, and readView needs a scenario.
	page = srv.URL + "/?scenario=fork-follow-continue"
	b.Navigate(page)
	b.WaitApp()
	b.Poll(`navigator.serviceWorker.controller !== null`)
	b.Navigate(page)
	b.WaitApp()
	readView(b)
	if r := b.Response(page); r == nil || !r.FromServiceWorker {
		t.Errorf("the second load of a scenario link did not come from the service worker")
	}
	if csp := documentCSP(b, page); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("the cached page came with Content-Security-Policy %q", csp)
	}
}

// frames returns the URL of each frame of the page (whose own URL is
// top), or, for one that could not be loaded, "refused: " and its URL.
func frames(b *Browser, top string) map[string]string {
	b.t.Helper()
	var res *page.FrameTree
	b.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
		if err == nil {
			res = r.FrameTree
		}
		return err
	}))
	out := map[string]string{}
	var walk func(ft *page.FrameTree)
	walk = func(ft *page.FrameTree) {
		if f := ft.Frame; f.URL != top {
			if f.UnreachableURL != "" {
				out[f.Name] = "refused: " + f.UnreachableURL
			} else {
				out[f.Name] = f.URL
			}
		}
		for _, c := range ft.ChildFrames {
			walk(c)
		}
	}
	walk(res)
	return out
}

// TestFrameAncestors: a page of another origin cannot frame the main page,
// and can frame /embed (when the app has that route). (A frame sandboxed
// without allow-same-origin runs in a target of its own, which the page's
// frame tree does not list.)
func TestFrameAncestors(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	want := map[string]string{"main": "refused: " + srv.URL + "/"}
	res, err := http.Head(srv.URL + "/embed")
	must(t, err)
	res.Body.Close()
	if res.StatusCode == http.StatusOK {
		// The address as the embed writes it back (format included), so
		// that the frame's address is the same before and after it runs.
		embed := srv.URL + "/embed?scenario=vfork-csh&step=5&designs=old,new&format=plain"
		want["embed"] = embed
	} else {
		t.Logf("no /embed route (%s): only the main page is framed", res.Status)
	}
	host := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><title>host</title>`)
		fmt.Fprintf(w, `<iframe name="main" src="%s/" width="800" height="450"></iframe>`, srv.URL)
		if e, ok := want["embed"]; ok {
			fmt.Fprintf(w, `<iframe name="embed" src="%s" width="800" height="450"></iframe>`, e)
		}
	}))
	b.AllowConsole("frame-ancestors 'none'")
	b.Navigate(host.URL)
	deadline := time.Now().Add(Timeout)
	for {
		got := frames(b, host.URL+"/")
		same := len(got) == len(want)
		for k, v := range want {
			same = same && got[k] == v
		}
		if same {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("frames %v, want %v%s", got, want, b.consoleDump())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
