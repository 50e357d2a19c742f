package ui

import (
	"regexp"
	"strings"
	"testing"
)

// segsString writes segs with the terms in brackets.
func segsString(segs []termSeg) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Term {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestSplitTerms(t *testing.T) {
	for _, tc := range []struct {
		text  string
		prose bool
		want  string
	}{
		{"The child stops with SIGSTOP in fork_return.", true, "The child stops with [SIGSTOP] in [fork_return]."},
		{"pl_flags=PL_FLAG_SCX|PL_FLAG_FORKED child=4", false, "[pl_flags]=[PL_FLAG_SCX]|[PL_FLAG_FORKED] child=4"},
		{"kern_exit.c: proc_reap() hands it to p_oppid.", true, "[kern_exit.c]: [proc_reap]() hands it to [p_oppid]."},
		{"the exit status; kill the process", true, "the exit status; kill the process"},
		{"CALL  exit(0x2)", false, "CALL  [exit](0x2)"},
		{"a group-stop, then vfork-csh", true, "a [group-stop], then [vfork]-csh"},
		{"kib asked; see D2644", true, "[kib] asked; see [D2644]"},
		{"PL_FLAG_SCXY and xSIGTRAP are not terms", true, "PL_FLAG_SCXY and xSIGTRAP are not terms"},
	} {
		if got := segsString(splitTerms(tc.text, tc.prose)); got != tc.want {
			t.Errorf("splitTerms(%q, %v) = %q, want %q", tc.text, tc.prose, got, tc.want)
		}
	}
}

func TestTipFor(t *testing.T) {
	tip, ok := tipFor("PL_FLAG_CHILD", "new")
	if !ok || !strings.Contains(tip.Text, "first stop") || tip.Source == "" {
		t.Fatalf("tipFor(PL_FLAG_CHILD) = %+v, %v", tip, ok)
	}
	if want := "Not in mikulin-2012 (new); it belongs to merged, current."; tip.Note != want {
		t.Errorf("note under new = %q, want %q", tip.Note, want)
	}
	if tip, _ := tipFor("PL_FLAG_CHILD", "merged"); tip.Note != "" {
		t.Errorf("note under merged = %q, want none", tip.Note)
	}
	if tip, _ := tipFor("PL_FLAG_CHILD", ""); tip.Note != "" {
		t.Errorf("note outside the panes = %q, want none", tip.Note)
	}
	if _, ok := tipFor("no_such_term", ""); ok {
		t.Error("tipFor found a term the glossary lacks")
	}
}

// termSpanRE matches a termSpan as go-app writes it, on a line of its own
// (its attributes in any order: go-app prints them in no fixed one).
var termSpanRE = regexp.MustCompile(`\n( *)<span [^>]*\bdata-term="[^"]*"[^>]*>([^<]*)</span>`)

// unwrapTerms replaces the term spans in h with their text, so that a test
// can look for a sentence across its terms. go-app writes each child on a line
// of its own, indented by its depth; the line break and indentation before a
// term, and before the sibling that follows it, go with the span.
func unwrapTerms(h string) string {
	var b strings.Builder
	for {
		m := termSpanRE.FindStringSubmatchIndex(h)
		if m == nil {
			return b.String() + h
		}
		b.WriteString(h[:m[0]])
		b.WriteString(h[m[4]:m[5]])
		h = strings.TrimPrefix(h[m[1]:], "\n"+h[m[2]:m[3]])
	}
}
