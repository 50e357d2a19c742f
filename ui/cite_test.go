package ui

import (
	"strings"
	"testing"
)

// TestCiteLinks checks that a web address in a cite: line is a link and the
// rest stays text.
func TestCiteLinks(t *testing.T) {
	h := renderHTML(renderCite("D2644 (https://reviews.freebsd.org/D2644), ptrace-semantics.md §3"))
	for _, want := range []string{`href="https://reviews.freebsd.org/D2644"`, `rel="noopener noreferrer"`, "D2644 (", "), ptrace-semantics.md §3"} {
		if !strings.Contains(h, want) {
			t.Errorf("%q not in %s", want, h)
		}
	}
	if h := renderHTML(renderCite("ptrace-semantics.md §4(g)")); strings.Contains(h, "<a") {
		t.Errorf("a cite without an address has a link: %s", h)
	}
}
