package ui

import (
	"regexp"
	"slices"
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

// citeExpr is the expression citeURLs stands for.
var citeExpr = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:)]`)

// checkCiteURLs fails t where citeURLs and citeExpr find different addresses
// in c.
func checkCiteURLs(t *testing.T, c string) {
	t.Helper()
	var want [][2]int
	for _, m := range citeExpr.FindAllStringIndex(c, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := citeURLs(c); !slices.Equal(got, want) {
		t.Errorf("citeURLs(%q) = %v, the expression finds %v", c, got, want)
	}
}

// TestCiteURLsAsRegexp holds citeURLs to the regular expression it stands
// for, on the library's cite: lines and on made-up edge cases.
func TestCiteURLsAsRegexp(t *testing.T) {
	lines := []string{
		"", "http", "http://", "http://a", "http://ab", "http://a.", "https://a.b.", "(https://x.y/z).",
		"see http://a.b/c, and https://d.e/f; done", "httphttp://xx", "https://é.fr/ü)", "http://x\"y",
		"<https://a.b/c>", "https://a.b/c...", "http://:::", "http://ab:)", "xhttps://ab\thttp://cd\n",
		"hhttps://ab", "http:/ab https://ab", "https://a.b/(c)", "https:// ab",
	}
	lib, err := library()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lib {
		lines = append(lines, e.File.Cites...)
	}
	for _, c := range lines {
		checkCiteURLs(t, c)
	}
}

func FuzzCiteURLs(f *testing.F) {
	for _, s := range []string{"see http://a.b/c, and https://d.e/f; done", "(https://x.y/z).", "https://a.b/c..."} {
		f.Add(s)
	}
	f.Fuzz(checkCiteURLs)
}
