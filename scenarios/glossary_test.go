package scenarios

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"forklab/sim"
)

// TestGlossaryTerms: the terms GlossaryTerms reads from the term: lines are
// the terms of the parsed glossary, in its order.
func TestGlossaryTerms(t *testing.T) {
	terms, err := Glossary()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, g := range terms {
		want = append(want, g.Term)
	}
	if got := GlossaryTerms(); !slices.Equal(got, want) {
		t.Errorf("GlossaryTerms gives %d terms, Glossary %d:\n got %q\nwant %q", len(got), len(want), got, want)
	}
}

// TestGlossaryCovers: every kernel function a library trace names, under every
// design whose trace names it, and every constant or field the library's narration
// and lessons name, has a glossary entry that belongs to that design.
func TestGlossaryCovers(t *testing.T) {
	terms, err := Glossary()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Term{}
	for _, g := range terms {
		byName[g.Term] = g
	}
	missing := map[string]bool{}
	wrong := map[string]bool{}
	need := func(word string, d *sim.Design) {
		g, ok := byName[word]
		switch {
		case !ok:
			missing[word] = true
		case d != nil && !g.For(d):
			wrong[word+" ("+d.Alias+")"] = true
		}
	}
	ident := regexp.MustCompile(`\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|(p|td|pl)_[a-z_]+)\b`)
	for _, e := range loadLibrary(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			for _, fr := range Execute(e.File, d, Options{}).Frames {
				for _, ev := range fr.Events {
					if fn := ev.Common().Func; fn != "vm" {
						need(fn, d)
					}
				}
			}
		}
		for _, s := range e.File.Steps() {
			for _, say := range s.Says {
				for _, w := range ident.FindAllString(say.Text, -1) {
					need(w, nil)
				}
			}
		}
		for _, w := range ident.FindAllString(strings.Join(e.File.About, " "), -1) {
			need(w, nil)
		}
	}
	ls, err := Lessons()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		for _, s := range l.Stops {
			for _, w := range ident.FindAllString(strings.Join(s.Caption, " "), -1) {
				need(w, nil)
			}
		}
	}
	report := func(what string, set map[string]bool) {
		if len(set) > 0 {
			var ws []string
			for w := range set {
				ws = append(ws, w)
			}
			sort.Strings(ws)
			t.Errorf("%s: %s", what, strings.Join(ws, " "))
		}
	}
	report("no glossary entry", missing)
	report("the glossary says these belong to other designs", wrong)
}

func TestParseGlossaryErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"term: a\ndesigns: all\nsource: s\n", "g:4:1: the entry for a lacks text:"},
		{"term: a\nsource: s\n", "g:2:1: expected designs: here"},
		{"term: a\ndesigns: olde\n", `g:2:10: unknown design "olde"`},
		{"term: a\ndesigns: all\nsource: s\ntext: t\nterm: b\n", "g:5:1: expected a blank line before the next term: here"},
		{"term: a\ndesigns: all\nsource: s\ntext: t\n\nterm: a\n", "g:6:7: a is explained twice (first at line 1)"},
		{"word: a\n", "g:1:1: expected term:, designs:, source: or text:"},
		{"term:\n", "g:1:6: term: needs a text"},
	} {
		_, err := ParseGlossary("g", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ParseGlossary(%q) = %v, want %q", tc.src, err, tc.want)
		}
	}
}
