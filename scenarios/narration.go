package scenarios

import (
	_ "embed"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"forklab/sim"
)

// This file holds the rules that keep a scenario's narration true: a sentence is
// shown only under the designs it is true for, and the 2012 review is quoted only
// verbatim. A machine cannot tell whether a sentence is true, but it can tell when
// a sentence is shown under designs whose kernels do different things at its step,
// and it can compare a quotation with its source. The library holds itself to
// these rules (TestLibraryNarration); `forklab check -v` reports them for any file
// as warnings, never as errors, so that files written to the scenario-language
// contract keep parsing and running unchanged.

// ReviewMessage is the freebsd-current message of 26 January 2012 ("[ptrace] please
// review follow fork/exec changes", Mikulin answering Belousov), verbatim: the only
// text narration may quote as the review's.
//
//go:embed sources/review-thread-2012.txt
var ReviewMessage string

// Warning is a narration line that may mislead: FILE:LINE:COL: what is wrong.
type Warning struct {
	Pos Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": " + w.Msg }

// CheckNarration returns the warnings for f's narration, in file order. It runs f
// under every design of its designs: list, the designs its narration is shown
// under, whatever a command's -design flag selects.
//
// A plain say: is shown under every one of those designs. Where their kernels do
// different things at the step (the step's trace differs), the sentence is taken
// to describe only some of them, and it must say which: `[old merged] say: ...`
// (listing every design of the file is fine when the sentence is true for all).
// A sentence shown under a design names no kernel function of another system: no
// proc_reap under linux, no do_wait under FreeBSD.
// A sentence shown under a design at a step where that design's run rests on a
// named assumption (sim.Assumed, the proposal's A1-A12) names the assumption, so
// that a reading is never stated as a fact.
// A quotation (three words or more) in a sentence that names the review's authors or
// the review must be found, word for word, in ReviewMessage; "..." may stand for words
// left out.
func CheckNarration(f *File) []Warning {
	var runs []*Run
	for _, d := range sim.Designs() {
		if f.ForDesign(d) {
			runs = append(runs, Execute(f, d, Options{}))
		}
	}
	var out []Warning
	traces := make([]map[*Step]string, len(runs))
	assumed := make([]map[*Step][]string, len(runs))
	for i, r := range runs {
		traces[i] = stepTraces(r)
		assumed[i] = stepAssumptions(r)
	}
	for _, s := range f.Steps() {
		for _, say := range s.Says {
			for i, r := range runs {
				if say.Designs != nil && !slices.Contains(say.Designs, r.Design.Name) {
					continue
				}
				if names := assumed[i][s]; len(names) > 0 && !namesAny(say.Text, names) {
					out = append(out, Warning{say.Pos, "shown under " + r.Design.Alias + ", where this step rests on assumption " +
						strings.Join(names, ", ") + ": name it in the sentence, or give " + r.Design.Alias + " a sentence of its own"})
				}
			}
			for _, r := range runs {
				if say.Designs != nil && !slices.Contains(say.Designs, r.Design.Name) {
					continue
				}
				if fn := foreignFunc(say.Text, r.Design.OS()); fn != "" {
					out = append(out, Warning{say.Pos, "shown under " + r.Design.Alias + ", whose kernel has no function " + fn +
						": name the designs the sentence is for"})
				}
			}
			if say.Designs == nil {
				if groups := divergence(s, runs, traces); len(groups) > 1 {
					out = append(out, Warning{say.Pos, "a plain say: is shown under " + strings.Join(aliases(runs), ", ") +
						", whose kernels differ at this step (" + strings.Join(groups, " | ") +
						"): name the designs it is true for, as [" + strings.Join(aliases(runs), " ") + "] say: if it is true for all"})
				}
			}
			for _, q := range misquotes(say.Text) {
				out = append(out, Warning{say.Pos, q.msg})
			}
		}
	}
	// The about: lines are one paragraph: a quotation may run across them.
	paragraph := strings.Join(f.About, " ")
	for _, q := range misquotes(paragraph) {
		line, start := 0, 0
		for i, a := range f.About {
			if q.off >= start {
				line = i
			}
			start += len(a) + 1
		}
		out = append(out, Warning{f.AboutPos[line], q.msg})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos.Line < out[j].Pos.Line }) // README, "Sorting and app.wasm's size"
	return out
}

// stepTraces renders each step's events in the plain format (sim.Renderer), which
// names every event's kernel function.
func stepTraces(r *Run) map[*Step]string {
	rend, _ := sim.NewRenderer("plain", r.Design, r.Names)
	out := map[*Step]string{}
	for _, fr := range r.Frames[1:] {
		var b strings.Builder
		for _, l := range rend.Render(fr.Events) {
			b.WriteString(l.Text + "\n")
		}
		out[fr.Step] = b.String()
	}
	return out
}

// foreignFunc returns the first kernel function text names that another system's
// personality knows and os does not ("proc_reap" in a sentence shown under linux),
// or "". The names of the language's calls (fork, getppid, ...) are words of every
// system and never count.
func foreignFunc(text string, os *sim.OS) string {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		if os.Source(w) != "" || sim.IsCallName(w) {
			continue
		}
		for _, d := range sim.Designs() {
			if d.OS() != os && d.OS().Source(w) != "" {
				return w
			}
		}
	}
	return ""
}

// stepAssumptions returns the named assumptions each step's events rely on
// (sim.Assumed), in the order they come.
func stepAssumptions(r *Run) map[*Step][]string {
	out := map[*Step][]string{}
	for _, fr := range r.Frames[1:] {
		for _, e := range fr.Events {
			if a, ok := e.(*sim.Assumed); ok && !slices.Contains(out[fr.Step], a.Name) {
				out[fr.Step] = append(out[fr.Step], a.Name)
			}
		}
	}
	return out
}

// namesAny reports whether text names one of the assumptions (A8, A12, ...) as a
// word of its own.
func namesAny(text string, names []string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !('A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		if slices.Contains(names, w) {
			return true
		}
	}
	return false
}

// divergence groups the runs' designs by what their kernels did at step s: one
// group when all agree.
func divergence(s *Step, runs []*Run, traces []map[*Step]string) []string {
	var keys []string
	groups := map[string][]string{}
	for i, r := range runs {
		t := traces[i][s]
		if _, ok := groups[t]; !ok {
			keys = append(keys, t)
		}
		groups[t] = append(groups[t], r.Design.Alias)
	}
	var out []string
	for _, k := range keys {
		out = append(out, strings.Join(groups[k], " "))
	}
	return out
}

func aliases(runs []*Run) []string {
	var out []string
	for _, r := range runs {
		out = append(out, r.Design.Alias)
	}
	return out
}

// The expressions that find quotations are compiled when first used, not at
// init: the web front end links this package and never checks narration, and
// compiling them would cost every page load (issue 12).
var (
	quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"([^"]+)"`) })
	// reviewers are the words that attribute a quotation to the review.
	reviewers = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(kib|Belousov|Kostik|Konstantin|Mikulin|Dmitry|review|reviewer|thread)\b`)
	})
	spaces = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+`) })
)

// misquote is a quotation that is not in the review message, at byte offset off of
// the text it was found in.
type misquote struct {
	off int
	msg string
}

// LessonWarnings returns the misquotations of a lesson's introduction and captions
// (rule 3 of CheckNarration; a lesson's other references are checked by Resolve).
func LessonWarnings(l *Lesson) []Warning {
	var out []Warning
	for _, q := range misquotes(strings.Join(l.About, " ")) {
		out = append(out, Warning{Pos{File: l.Name, Line: 1, Col: 1}, q.msg})
	}
	for _, s := range l.Stops {
		for _, q := range misquotes(strings.Join(s.Caption, " ")) {
			out = append(out, Warning{s.Pos, q.msg})
		}
	}
	return out
}

// misquotes returns each quotation in text that is attributed to the review (its
// sentence names kib, Mikulin, the review or the thread) and is not in
// ReviewMessage word for word.
func misquotes(text string) []misquote {
	var out []misquote
	review := normalizeQuote(ReviewMessage)
	for _, sn := range sentences(text) {
		if !reviewers().MatchString(text[sn[0]:sn[1]]) {
			continue
		}
		for _, m := range quoted().FindAllStringSubmatchIndex(text[sn[0]:sn[1]], -1) {
			q := text[sn[0]+m[2] : sn[0]+m[3]]
			if len(strings.Fields(q)) < 3 {
				continue // a word or two in quotes is a name or a term ("kib", "real"), not a quotation
			}
			if !inOrder(review, strings.Split(normalizeQuote(q), "...")) {
				out = append(out, misquote{sn[0] + m[0], "the quotation \"" + q + "\" is not in the review message (scenarios/sources/review-thread-2012.txt) word for word: quote it verbatim, with ... for words left out"})
			}
		}
	}
	return out
}

// sentences returns the [start, end) offsets of text's sentences, split after each
// ". " outside a quotation.
func sentences(text string) [][2]int {
	var out [][2]int
	start, inQuote := 0, false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '"':
			inQuote = !inQuote
		case !inQuote && text[i] == '.' && i+1 < len(text) && text[i+1] == ' ':
			out = append(out, [2]int{start, i + 1})
			start = i + 2
		}
	}
	return append(out, [2]int{start, len(text)})
}

// normalizeQuote drops the mail's quoting marks (">") and folds white space, so a
// quotation may run across the message's line breaks.
func normalizeQuote(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimLeft(strings.TrimSpace(l), "> ") + " ")
	}
	return strings.TrimSpace(spaces().ReplaceAllString(b.String(), " "))
}

// inOrder reports whether every part occurs in s, each after the one before it.
func inOrder(s string, parts []string) bool {
	for _, p := range parts {
		p = strings.TrimSpace(p)
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}
