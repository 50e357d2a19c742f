//go:build !wasm

package e2e

// TestDrafts types into the editor and checks that the edit survives Esc
// and a reload (ui/drafts.go); leaving with the edit asks first, and the
// harness answers that prompt (Page.handleJavaScriptDialog).

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestDrafts(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	link := srv.URL + "/?scenario=detach"
	b.Navigate(link)
	b.WaitApp()
	waitView(b, "detach", 0)
	// The button, not the key e: chromedp sends a typed key's "char"
	// separately, and it would land in the editor (see testEditor).
	b.Click("#toggle-editor")
	b.Poll(`document.activeElement && document.activeElement.id === 'editor-text'`)
	// Typed keys, as a person types: that is what lets a page ask before
	// it is left.
	Eval[bool](b, `(() => { const ta = document.getElementById('editor-text'); ta.setSelectionRange(ta.value.length, ta.value.length); return true; })()`)
	b.Do(chromedp.KeyEvent("\n# a reviewer's note"))
	b.Poll(`document.getElementById('editor-text').value.endsWith("# a reviewer's note")`)
	typed := Eval[string](b, `document.getElementById('editor-text').value`)

	b.PressKey("\x1b") // Escape
	b.Poll(`document.getElementById('editor-text') === null`)
	b.Click("#toggle-editor")
	b.Poll(`document.getElementById('editor-text') !== null`)
	if got := Eval[string](b, `document.getElementById('editor-text').value`); got != typed {
		t.Errorf("after Esc and e the editor holds %q, want the typed text", got)
	}

	b.Navigate(link) // a reload: the page asks first
	b.WaitApp()
	waitView(b, "detach", 0)
	if b.LeavePrompts() == 0 {
		t.Error("leaving with unrun edits did not ask first")
	}
	b.Click("#toggle-editor")
	b.Poll(`document.getElementById('editor-text') !== null`)
	if got := Eval[string](b, `document.getElementById('editor-text').value`); got != typed {
		t.Errorf("after a reload the editor holds %q, want the typed text", got)
	}
	b.Click("#editor-copy")
	if msg := b.Text("#share-msg"); !strings.Contains(msg, "src=") || !strings.Contains(msg, "not run yet") {
		t.Errorf("Copy link says %q, want a link with the editor's text", msg)
	}
	b.Screenshot("restored")

	// The language reference opens from the editor.
	b.Click("#editor-help")
	b.Poll(`document.querySelectorAll('#reference [data-role=reference-entry]').length > 10`)
	Eval[bool](b, `(document.getElementById('reference').scrollIntoView(), true)`)
	b.Screenshot("reference")
}
