package ui

// This file marks the kernel identifiers in the text the page shows: each
// word that has an entry in the glossary (scenarios/glossary/glossary.txt)
// becomes a [data-term] element, which explains itself in a tooltip on hover
// and keyboard focus (tooltip.go). The glossary's terms are read once, the
// first time a text is marked, and the whole glossary is parsed the first
// time a term is explained, not when the program starts.

import (
	"strings"
	"sync"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// glossaryIndex is the parsed glossary and where each term is in it.
type glossaryIndex struct {
	Terms []scenarios.Term
	at    map[string]int
	Err   error // the glossary does not parse: a bug, which the glossary page shows
}

// glossary parses the glossary on first use.
var glossary = sync.OnceValue(func() *glossaryIndex {
	ts, err := scenarios.Glossary()
	g := &glossaryIndex{Terms: ts, at: make(map[string]int, len(ts)), Err: err}
	for i, t := range ts {
		g.at[t.Term] = i
	}
	return g
})

// terms is the set of the glossary's terms, read on first use without the
// rest of the glossary: marking the terms of a text needs no more.
var terms = sync.OnceValue(func() map[string]bool {
	ts := scenarios.GlossaryTerms()
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
})

// lookup returns the entry for term.
func (g *glossaryIndex) lookup(term string) (scenarios.Term, bool) {
	i, ok := g.at[term]
	if !ok {
		return scenarios.Term{}, false
	}
	return g.Terms[i], true
}

// proseWords are entries whose name is also an English word; in prose they are
// left unmarked ("the exit status", "kill the process"), in code (trace
// lines, function names) they are the system call.
var proseWords = map[string]bool{"exit": true, "kill": true}

// termSeg is a piece of a text: plain, or a glossary term.
type termSeg struct {
	Text string
	Term bool
}

// splitTerms cuts text into plain pieces and glossary terms. A word is a run
// of letters, digits and underscores, with inner dots and hyphens
// (kern_exit.c, group-stop); a word with dots or hyphens that is not a term
// is tried part by part (PL_FLAG_SCX|PL_FLAG_FORKED splits at the bar).
// prose leaves proseWords unmarked.
func splitTerms(text string, prose bool) []termSeg {
	known := terms()
	var out []termSeg
	plain := 0 // start of the pending plain text
	flush := func(end int) {
		if end > plain {
			out = append(out, termSeg{Text: text[plain:end]})
		}
	}
	isTerm := func(w string) bool {
		return known[w] && !(prose && proseWords[w])
	}
	mark := func(start, end int) {
		flush(start)
		out = append(out, termSeg{Text: text[start:end], Term: true})
		plain = end
	}
	for i := 0; i < len(text); {
		if !wordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (wordByte(text[j]) || (text[j] == '.' || text[j] == '-') && j+1 < len(text) && wordByte(text[j+1])) {
			j++
		}
		switch w := text[i:j]; {
		case isTerm(w):
			mark(i, j)
		case strings.ContainsAny(w, ".-"):
			k := i
			for k < j {
				e := k
				for e < j && wordByte(text[e]) {
					e++
				}
				if isTerm(text[k:e]) {
					mark(k, e)
				}
				k = e + 1
			}
		}
		i = j
	}
	flush(len(text))
	return out
}

// wordByte reports whether c can be part of a word.
func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// renderSegs draws segs: plain text as text, each term as a termSpan.
func renderSegs(segs []termSeg, grouped bool) []app.UI {
	out := make([]app.UI, 0, len(segs))
	for _, s := range segs {
		if s.Term {
			out = append(out, termSpan(s.Text, grouped))
		} else {
			out = append(out, app.Text(s.Text))
		}
	}
	return out
}

// markTerms draws prose with its glossary terms marked; grouped says the
// text stands in a termGroup (terms out of the tab order).
func markTerms(text string, grouped bool) []app.UI {
	return renderSegs(splitTerms(text, true), grouped)
}

// markCode draws code (a trace line, a function name) with its terms marked.
func markCode(text string, grouped bool) []app.UI {
	return renderSegs(splitTerms(text, false), grouped)
}

// termSpan is one glossary term. It is a tab stop of its own, unless it
// stands in a termGroup, whose one tab stop leads to it by the arrow keys.
func termSpan(term string, grouped bool) app.UI {
	return app.Raw(termMarkup(term, grouped))
}

// termMarkup is termSpan's markup, which the trace log writes too (markup).
func termMarkup(term string, grouped bool) string {
	tab := "0"
	if grouped {
		tab = "-1"
	}
	t := escapeMarkup(term)
	return `<span class="term" data-term="` + t + `" tabindex="` + tab + `">` + t + `</span>`
}

// escapeMarkup escapes s for markup, in text or in a quoted attribute. It
// writes a line break as a character reference: the server takes the line
// breaks that begin or end a text between two tags out of the pre-rendered
// page, as go-app's writer's (webserver's tightenPage).
var escapeMarkup = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "\n", "&#10;").Replace

// writeSegs writes segs as markup to b, as renderSegs draws them.
func writeSegs(b *strings.Builder, segs []termSeg, grouped bool) {
	for _, s := range segs {
		if s.Term {
			b.WriteString(termMarkup(s.Text, grouped))
		} else {
			b.WriteString(escapeMarkup(s.Text))
		}
	}
}

// termGroup makes e one tab stop for the terms inside it, which ↓ and ↑ walk
// (tooltip.go); label says so to a screen reader.
func termGroup(e app.HTMLElem, label string) app.HTMLElem {
	return e.Attr("data-termgroup", true).Attr("tabindex", 0).Attr("aria-label", termGroupLabel(label))
}

// termGroupAttrs are termGroup's attributes, as markup.
func termGroupAttrs(label string) string {
	return `data-termgroup="true" tabindex="0" aria-label="` + escapeMarkup(termGroupLabel(label)) + `"`
}

func termGroupLabel(label string) string { return label + "; ↓ and ↑ move through its terms" }

// termTip is what the tooltip says about a term in a pane.
type termTip struct {
	Term, Text, Source, Note string
}

// tipFor returns the tooltip of term in the pane of the design called
// design (an alias or name; "" outside the panes). Under a design the entry
// does not belong to, Note says which designs it does belong to.
func tipFor(term, design string) (termTip, bool) {
	t, ok := glossary().lookup(term)
	if !ok {
		return termTip{}, false
	}
	tip := termTip{Term: t.Term, Text: t.Text, Source: t.Source}
	if d, ok := sim.LookupDesign(design); ok && !t.For(d) {
		tip.Note = "Not in " + d.String() + "; it belongs to " + designAliases(t.Designs) + "."
	}
	return tip, true
}

// designAliases writes canonical design names by their aliases.
func designAliases(names []string) string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if d, ok := sim.LookupDesign(n); ok {
			out = append(out, d.Short())
		}
	}
	return strings.Join(out, ", ")
}
