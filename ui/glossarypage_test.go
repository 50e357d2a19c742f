package ui

import (
	"regexp"
	"strings"
	"testing"

	"forklab/scenarios"
)

// TestReferencePages: /glossary has an entry for every glossary term, and
// /assumptions lists A1..A12 in order, as the server pre-renders them.
func TestReferencePages(t *testing.T) {
	terms, err := scenarios.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	h := renderHTML(&glossaryPage{})
	got := regexp.MustCompile(`data-entry="([^"]*)"`).FindAllStringSubmatch(h, -1)
	if len(got) != len(terms) {
		t.Errorf("/glossary has %d entries, want %d", len(got), len(terms))
	}
	for _, g := range terms {
		if !strings.Contains(h, `data-entry="`+g.Term+`"`) {
			t.Errorf("/glossary lacks %s", g.Term)
		}
	}
	h = renderHTML(&assumptionsPage{})
	var names []string
	for _, m := range regexp.MustCompile(`data-assumption="(A[0-9]+)"`).FindAllStringSubmatch(h, -1) {
		names = append(names, m[1])
	}
	if want := "A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12"; strings.Join(names, " ") != want {
		t.Errorf("/assumptions lists %v, want %s", names, want)
	}
}

// TestBadgesLinkAssumptions: every assumption badge a pane shows links to
// its entry on /assumptions, and the pane's kernel words are terms.
func TestBadgesLinkAssumptions(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=fork-follow-to-scx&step=5&designs=old,new")
	n := renderHTML(renderNarration(x.a.view.Panes[1].Narr))
	badges := regexp.MustCompile(`<a [^>]*data-role="assumption-badge"[^>]*>`).FindAllString(n, -1)
	if len(badges) == 0 {
		t.Fatal("no assumption badge under new at step 5")
	}
	for _, b := range badges {
		if !regexp.MustCompile(`href="/assumptions#A[0-9]+"`).MatchString(b) {
			t.Errorf("badge %s does not link to its entry", b)
		}
	}
	for _, term := range []string{"do_fork", "fork_return", "PL_FLAG_FORKED"} {
		if !strings.Contains(n, `data-term="`+term+`"`) {
			t.Errorf("the narration under new does not mark %s", term)
		}
	}
}
