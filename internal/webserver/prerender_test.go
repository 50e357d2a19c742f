//go:build !wasm

package webserver

import (
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// node is a tree to write with go-app's writer and without its line breaks.
type node struct {
	tag, title string // an element, with a title attribute
	flag       bool   // or with data-flag="true" instead
	text       string // or a text
	kids       []node
}

func (n node) ui() app.UI {
	if n.tag == "" {
		return app.Text(n.text)
	}
	kids := make([]app.UI, len(n.kids))
	for i, k := range n.kids {
		kids[i] = k.ui()
	}
	if n.flag {
		return app.Elem(n.tag).Attr("data-flag", true).Body(kids...)
	}
	return app.Elem(n.tag).Title(n.title).Body(kids...)
}

// tight is n as the browser's DOM holds it: no text but n's own.
func (n node) tight(b *strings.Builder) {
	if n.tag == "" {
		b.WriteString(html.EscapeString(n.text))
		return
	}
	switch {
	case n.flag:
		b.WriteString("<" + n.tag + ` data-flag="true"`)
	case n.title != "": // go-app writes an empty value bare
		b.WriteString("<" + n.tag + " title=" + strconv.Quote(n.title))
	default:
		b.WriteString("<" + n.tag + " title")
	}
	b.WriteString(">")
	for _, k := range n.kids {
		k.tight(b)
	}
	b.WriteString("</" + n.tag + ">")
}

// randomNode is a tree of depth up to d. Its texts hold line breaks,
// spaces, '<', '>', '&' and quotes; none is next to another text, or its
// element's only child and begins with a line break (tightenPage's
// limits, which the app's pages keep).
func randomNode(r *rand.Rand, d int) node {
	tags := []string{"p", "span", "div", "b", "pre"}
	n := node{tag: tags[r.IntN(len(tags))], title: strings.TrimSpace(randomText(r)), flag: r.IntN(3) == 0} // go-app trims a title
	if d == 0 {
		return n
	}
	count := r.IntN(5)
	for i := range count {
		if r.IntN(2) == 0 && (i == 0 || n.kids[i-1].tag != "") {
			t := randomText(r)
			if count == 1 {
				t = strings.TrimLeft(t, "\n")
			}
			n.kids = append(n.kids, node{text: t})
		} else {
			n.kids = append(n.kids, randomNode(r, d-1))
		}
	}
	return n
}

func randomText(r *rand.Rand) string {
	const chars = "ab \n;.<>&\"'"
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteByte(chars[r.IntN(len(chars))])
	}
	return b.String()
}

// TestTightenPage: tightenPage gives, of the page go-app writes, the page
// the DOM holds, over 2,000 random trees (texts with line breaks, titles
// with quotes and '>', data-* attributes set to true); a page without a
// body, and a textarea's text, are left as they are.
func TestTightenPage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		n := randomNode(r, 4)
		var want strings.Builder
		n.tight(&want)
		page := "<html><head>\n<title>x</title>\n</head><body>" + app.HTMLString(n.ui()) + "</body></html>"
		got := string(tightenPage([]byte(page)))
		if w := "<html><head>\n<title>x</title>\n</head><body>" + want.String() + "</body></html>"; got != w {
			t.Fatalf("tree %d:\n go-app wrote %q\n tightened    %q\n want         %q", i, page, got, w)
		}
	}
	if in := "<p>\na\n</p>"; string(tightenPage([]byte(in))) != in {
		t.Errorf("tightenPage changed a page without a body")
	}
	area := "<body><div>\n<textarea>\nline one\nline two\n</textarea>\n<p>x</p>\n</div></body>"
	if got, want := string(tightenPage([]byte(area))), "<body><div><textarea>\nline one\nline two\n</textarea><p>x</p></div></body>"; got != want {
		t.Errorf("tightenPage(%q) = %q, want %q", area, got, want)
	}
}
