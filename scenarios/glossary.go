package scenarios

// This file reads the glossary (scenarios/glossary/glossary.txt): every kernel
// identifier the page shows, with the designs it belongs to, where it is defined, and
// a plain explanation. The page explains each term where it stands from here, and the
// glossary page lists them all.
//
//	term: p_oppid
//	designs: old new merged current
//	source: sys/sys/proc.h (release/9.1.0): pid_t p_oppid; /* Save ppid in ptrace. */
//	text: The pid of a traced process's real parent, kept so that it can be given back.
//
// Entries are separated by blank lines; `#` lines are comments.

import (
	_ "embed"
	"slices"
	"strings"

	"forklab/sim"
)

// Term is one glossary entry.
type Term struct {
	Pos     Pos
	Term    string
	Designs []string // canonical design names the term belongs to
	Source  string
	Text    string
}

//go:embed glossary/glossary.txt
var glossarySrc []byte

// glossaryKeys are an entry's keys, in the order they are written.
var glossaryKeys = []string{"term", "designs", "source", "text"}

// Glossary returns the glossary's entries in file order. An entry that does not parse
// is a bug: Glossary returns its error.
func Glossary() ([]Term, error) { return ParseGlossary("glossary/glossary.txt", glossarySrc) }

// GlossaryTerms returns the glossary's terms in file order, read from their
// term: lines alone: what marking the terms of a text needs, at a small part
// of Glossary's cost (issue 12: the page marks the terms of its first view
// before it needs any explanation; parsing the whole glossary was about 7 ms
// of a cold start). TestGlossaryTerms holds it to Glossary's terms.
func GlossaryTerms() []string {
	var out []string
	for _, ln := range splitLines(glossarySrc) {
		if v, ok := strings.CutPrefix(ln.text, "term:"); ok {
			out = append(out, strings.Trim(v, " \t"))
		}
	}
	return out
}

// ParseGlossary reads a glossary file; name is used in positions.
func ParseGlossary(name string, src []byte) ([]Term, error) {
	p := &parser{file: &File{Name: name}}
	var out []Term
	seen := map[string]int{}
	var t *Term
	next := 0 // the index of the key the entry expects next
	finish := func(line int) *Error {
		if t != nil && next < len(glossaryKeys) {
			return p.errorf(line, 1, "the entry for %s lacks %s:", t.Term, glossaryKeys[next])
		}
		if t != nil {
			out = append(out, *t)
		}
		t, next = nil, 0
		return nil
	}
	lines := splitLines(src)
	for _, ln := range lines {
		if strings.TrimSpace(ln.text) == "" {
			if err := finish(ln.num); err != nil {
				return nil, err
			}
			continue
		}
		if strings.HasPrefix(ln.text, "#") {
			continue
		}
		key := leadingName(ln.text)
		if !strings.HasPrefix(ln.text[len(key):], ":") || !slices.Contains(glossaryKeys, key) {
			return nil, p.errorf(ln.num, 1, "expected term:, designs:, source: or text:")
		}
		if next == len(glossaryKeys) || key != glossaryKeys[next] {
			want := "a blank line before the next term:"
			if next < len(glossaryKeys) {
				want = glossaryKeys[next] + ":"
			}
			return nil, p.errorf(ln.num, 1, "expected %s here (an entry is term:, designs:, source:, text:, in that order)", want)
		}
		off := skipBlanks(ln.text, len(key)+1)
		value := strings.TrimRight(ln.text[off:], " \t")
		if value == "" {
			return nil, p.errorf(ln.num, colAt(ln.text, off), "%s: needs a text", key)
		}
		switch key {
		case "term":
			if first, ok := seen[value]; ok {
				return nil, p.errorf(ln.num, colAt(ln.text, off), "%s is explained twice (first at line %d)", value, first)
			}
			seen[value] = ln.num
			t = &Term{Pos: p.pos(ln.num, 1), Term: value}
		case "designs":
			if value == "all" {
				t.Designs = allDesigns()
			} else {
				ds, _, err := p.designList(ln.num, ln.text, off)
				if err != nil {
					return nil, err
				}
				t.Designs = ds
			}
		case "source":
			t.Source = value
		case "text":
			t.Text = value
		}
		next++
	}
	if err := finish(len(lines) + 1); err != nil {
		return nil, err
	}
	return out, nil
}

// Lookup returns the entry for term.
func LookupTerm(terms []Term, term string) (Term, bool) {
	for _, t := range terms {
		if t.Term == term {
			return t, true
		}
	}
	return Term{}, false
}

// For reports whether the term belongs to design d.
func (t Term) For(d *sim.Design) bool { return slices.Contains(t.Designs, d.Name) }
