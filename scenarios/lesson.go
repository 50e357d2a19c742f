package scenarios

// This file reads lessons (docs/lessons.md): a guided walk through stops, each a
// view of a library scenario (the designs side by side, at one of its steps) with a
// caption, and perhaps a question. A lesson is told from a scenario by its first
// header key, `lesson:` where a scenario has `title:`.
//
//	lesson: The 2012 review, point by point
//	about: ...
//	cite: ...
//
//	stop: fork-follow-continue old,merged at "D: wait P nohang"
//	  say: What to look at, and why it matters.
//	  ask: result merged
//
// A stop names its step by the step's text (`ACTOR: CALL` as written, without its
// `=> RESULT` or comment), the Nth such step with `#N`, or `at start` for the view
// before the first step. Naming the text rather than a line number means that an edit
// of the scenario cannot silently move a stop: a stop whose text is no longer there
// is an error, and so is one whose step no longer runs under a design of the stop.

import (
	"bytes"
	"strconv"
	"strings"

	"forklab/sim"
)

// Lesson is a parsed lesson file.
type Lesson struct {
	Name  string   // the file name given to ParseLesson
	Title string   // lesson:
	About []string // about: lines
	Cites []string // cite: lines
	Tags  []string // tags:
	Stops []*Stop
}

// Stop is one `stop:` of a lesson with its continuation lines.
type Stop struct {
	Pos      Pos      // the stop line
	Scenario string   // the library path without .txt: "orphan-race", "freebsd/getppid"
	Designs  []string // canonical names, in the order shown (one to three panes)
	StepText string   // the step's text; "" for `at start`
	Nth      int      // which step with that text, from 1
	Caption  []string // say: lines
	Ask      *Ask     // nil when the stop asks nothing

	scenarioPos, designsPos, stepPos Pos

	// Set by Resolve:
	Entry    *Entry
	Step     *Step // nil for `at start`
	Position int   // the frame at which the stop's step runs under Designs[0] (0 for start)
}

// AskKind says what a question asks.
type AskKind uint8

const (
	AskResult AskKind = iota + 1 // what the step's call returns
	AskFlags                     // which pl_flags the stop the step reports carries (FreeBSD)
	AskParent                    // who is PROC's parent after the step
	AskState                     // what state PROC is in after the step
)

var askKinds = map[string]AskKind{"result": AskResult, "flags": AskFlags, "parent": AskParent, "state": AskState}

// Ask is `ask: KIND [PROC] [DESIGN]`: the question a stop asks, about one pane. The
// answer is never written: it is what the model does (Question).
type Ask struct {
	Pos    Pos
	Kind   AskKind
	Proc   string // AskParent, AskState: the process asked about
	Design string // canonical; the stop's first design unless named
}

// IsLesson reports whether src is a lesson: its first statement is a `lesson:` line.
func IsLesson(src []byte) bool {
	for _, ln := range splitLines(src) {
		if !isCommentOrBlank(ln.text) {
			return strings.HasPrefix(ln.text, "lesson:")
		}
	}
	return false
}

// ParseLesson reads the lesson src; name is used in positions. It checks the syntax
// and the design names; Resolve checks what the stops point at.
func ParseLesson(name string, src []byte) (*Lesson, error) {
	p := &parser{file: &File{Name: name}}
	l := &Lesson{Name: name}
	var stop *Stop
	for _, ln := range splitLines(bytes.TrimPrefix(src, []byte("\ufeff"))) {
		if isCommentOrBlank(ln.text) {
			continue
		}
		key := leadingName(ln.text)
		off := skipBlanks(ln.text, len(key)+1)
		value := strings.TrimRight(ln.text[off:], " \t")
		col := colAt(ln.text, off)
		switch {
		case isBlank(ln.text[0]):
			if stop == nil {
				return nil, p.errorf(ln.num, 1, "a continuation line (say:, ask:) belongs to a stop: line above it")
			}
			if err := p.readStopLine(stop, ln); err != nil {
				return nil, err
			}
			continue
		case !strings.HasPrefix(ln.text[len(key):], ":"):
			return nil, p.errorf(ln.num, 1, "expected a header line (lesson:, about:, cite:, tags:) or a stop: line")
		}
		if l.Title == "" && key != "lesson" {
			return nil, p.errorf(ln.num, 1, "a lesson starts with its lesson: line (a scenario starts with title:)")
		}
		switch key {
		case "lesson":
			if l.Title != "" {
				return nil, p.errorf(ln.num, 1, "lesson: given twice")
			}
			if value == "" {
				return nil, p.errorf(ln.num, col, "lesson: needs a title")
			}
			l.Title = value
		case "about", "cite", "tags":
			if stop != nil {
				return nil, p.errorf(ln.num, 1, "%s: belongs to the header, before the first stop:", key)
			}
			if value == "" && key != "about" {
				return nil, p.errorf(ln.num, col, "%s: needs a text", key)
			}
			switch key {
			case "about":
				l.About = append(l.About, value)
			case "cite":
				l.Cites = append(l.Cites, value)
			default:
				for _, w := range words(value, 0) {
					l.Tags = append(l.Tags, w.text)
				}
			}
		case "stop":
			s, err := p.readStop(ln, off)
			if err != nil {
				return nil, err
			}
			stop = s
			l.Stops = append(l.Stops, s)
		default:
			return nil, p.errorf(ln.num, 1, "unknown key %q; expected lesson:, about:, cite:, tags: or stop:", key+":")
		}
	}
	switch {
	case l.Title == "":
		return nil, p.errorf(1, 1, "the file has no lesson: line")
	case len(l.Stops) == 0:
		return nil, p.errorf(1, 1, "the lesson has no stop: line")
	}
	for _, s := range l.Stops {
		if len(s.Caption) == 0 {
			return nil, &Error{Pos: s.Pos, Msg: "the stop has no say: line: say what to look at and why"}
		}
	}
	return l, nil
}

// readStop reads `stop: SCENARIO DESIGNS at "STEP" [#N]` or `... at start`.
func (p *parser) readStop(ln srcLine, off int) (*Stop, *Error) {
	s := &Stop{Pos: p.pos(ln.num, 1), Nth: 1}
	t := ln.text
	ws := words(t, off)
	if len(ws) < 3 {
		return nil, p.errorf(ln.num, colAt(t, min(off, len(t))), `expected SCENARIO DESIGNS at "STEP" (or at start)`)
	}
	s.Scenario, s.scenarioPos = strings.TrimSuffix(ws[0].text, ".txt"), p.pos(ln.num, ws[0].col)
	at := strings.Index(t, " at ")
	if at < 0 {
		return nil, p.errorf(ln.num, ws[len(ws)-1].end(), `expected at "STEP" or at start after the designs`)
	}
	designs, dws, err := p.designList(ln.num, t[:at], byteOf(t, ws[1].col))
	if err != nil {
		return nil, err
	}
	if len(designs) > 3 {
		return nil, p.errorf(ln.num, dws[3].col, "a stop shows at most three designs")
	}
	s.Designs, s.designsPos = designs, p.pos(ln.num, dws[0].col)
	rest := skipBlanks(t, at+4)
	s.stepPos = p.pos(ln.num, colAt(t, rest))
	switch {
	case strings.TrimRight(t[rest:], " \t") == "start":
		s.Nth = 0
		return s, nil
	case rest >= len(t) || t[rest] != '"':
		return nil, p.errorf(ln.num, colAt(t, rest), `expected the step's text in double quotes, or start`)
	}
	end := strings.IndexByte(t[rest+1:], '"')
	if end < 0 {
		return nil, p.errorf(ln.num, colAt(t, rest), "the step's text has no closing double quote")
	}
	s.StepText = strings.Join(strings.Fields(t[rest+1:rest+1+end]), " ")
	tail := strings.TrimSpace(t[rest+2+end:])
	if tail != "" {
		n, ok := parseNumber(strings.TrimPrefix(tail, "#"))
		if !strings.HasPrefix(tail, "#") || !ok || n < 1 {
			return nil, p.errorf(ln.num, colAt(t, rest+2+end+strings.Index(t[rest+2+end:], tail)), "expected #N (which step with this text, from 1) or the end of the line")
		}
		s.Nth = n
	}
	return s, nil
}

// byteOf returns the byte offset of rune column col in s.
func byteOf(s string, col int) int {
	for i := range s {
		if col--; col == 0 {
			return i
		}
	}
	return len(s)
}

// readStopLine reads a stop's continuation line: `say: TEXT` or `ask: KIND ...`.
func (p *parser) readStopLine(s *Stop, ln srcLine) *Error {
	off := skipBlanks(ln.text, 0)
	key := leadingName(ln.text[off:])
	if !strings.HasPrefix(ln.text[off+len(key):], ":") || key != "say" && key != "ask" {
		return p.errorf(ln.num, colAt(ln.text, off), "expected say: or ask: under a stop")
	}
	voff := skipBlanks(ln.text, off+len(key)+1)
	value := strings.TrimRight(ln.text[voff:], " \t")
	if value == "" {
		return p.errorf(ln.num, colAt(ln.text, voff), "%s: needs a text", key)
	}
	if key == "say" {
		s.Caption = append(s.Caption, value)
		return nil
	}
	if s.Ask != nil {
		return p.errorf(ln.num, colAt(ln.text, off), "a stop asks one question (ask: given twice)")
	}
	ws := words(ln.text, voff)
	kind, ok := askKinds[ws[0].text]
	if !ok {
		return p.errorf(ln.num, ws[0].col, "unknown question %q; expected result, flags, parent PROC or state PROC", ws[0].text)
	}
	a := &Ask{Pos: p.pos(ln.num, ws[0].col), Kind: kind, Design: s.Designs[0]}
	ws = ws[1:]
	if kind == AskParent || kind == AskState {
		if len(ws) == 0 || !isName(ws[0].text) {
			return p.errorf(ln.num, len(ln.text)+1, "expected the process the question is about")
		}
		a.Proc, ws = ws[0].text, ws[1:]
	}
	if len(ws) > 0 {
		d, ok := sim.CanonicalDesign(ws[0].text)
		switch {
		case !ok:
			return p.errorf(ln.num, ws[0].col, "unknown design %q; expected a design name or alias (%s)", ws[0].text, designAliases())
		case !contains(s.Designs, d):
			return p.errorf(ln.num, ws[0].col, "the question is about one of the stop's panes; %s is not among them", d)
		case len(ws) > 1:
			return p.errorf(ln.num, ws[1].col, "unexpected %q after the design", ws[1].text)
		}
		a.Design = d
	}
	if kind == AskFlags {
		if dd, _ := sim.LookupDesign(a.Design); dd.Linux() {
			return p.errorf(ln.num, a.Pos.Col, "pl_flags are FreeBSD's: linux has none to ask about")
		}
	}
	s.Ask = a
	return nil
}

// Resolve finds each stop's scenario in lib, its step, and the position at which the
// step runs, and checks the question against the run. Any error is an *Error at the
// stop's line.
func (l *Lesson) Resolve(lib []Entry) error {
	for _, s := range l.Stops {
		if err := s.resolve(lib); err != nil {
			return err
		}
	}
	return nil
}

func (s *Stop) resolve(lib []Entry) *Error {
	for i := range lib {
		if strings.TrimSuffix(lib[i].Path, ".txt") == s.Scenario {
			s.Entry = &lib[i]
		}
	}
	if s.Entry == nil {
		return &Error{Pos: s.scenarioPos, Msg: "no library scenario " + strconv.Quote(s.Scenario) + " (name it as its path under scenarios/, without .txt)"}
	}
	f := s.Entry.File
	for _, d := range s.Designs {
		if dd, _ := sim.LookupDesign(d); !f.ForDesign(dd) {
			return &Error{Pos: s.designsPos, Msg: s.Scenario + " is not meant for " + d + " (its designs: line)"}
		}
	}
	if s.Nth > 0 {
		n := 0
		for _, st := range f.Steps() {
			if stepText(st) == s.StepText {
				if n++; n == s.Nth {
					s.Step = st
				}
			}
		}
		switch {
		case n == 0:
			return &Error{Pos: s.stepPos, Msg: s.Scenario + " has no step " + strconv.Quote(s.StepText)}
		case s.Step == nil:
			return &Error{Pos: s.stepPos, Msg: s.Scenario + " has " + strconv.Itoa(n) + " steps " + strconv.Quote(s.StepText) + ", not " + strconv.Itoa(s.Nth)}
		}
	}
	for i, d := range s.Designs {
		dd, _ := sim.LookupDesign(d)
		r := Execute(f, dd, Options{Snapshots: true})
		pos := r.Position(s.Step)
		if pos < 0 {
			return &Error{Pos: s.stepPos, Msg: "the step never runs under " + d + " (line " + strconv.Itoa(s.Step.Pos.Line) + " of " + s.Scenario + ")"}
		}
		if i == 0 {
			s.Position = pos
		}
		if s.Ask != nil && s.Ask.Design == d {
			if _, err := NewQuestion([]*Run{r}, 0, s.Ask.Kind, s.Step, s.Ask.Proc); err != nil {
				return &Error{Pos: s.Ask.Pos, Msg: err.Error()}
			}
		}
	}
	return nil
}

// stepText is a step's text as a stop names it: ACTOR: CALL, blanks folded, without
// its result.
func stepText(s *Step) string {
	src := s.Source
	if i := strings.Index(src, "=>"); i >= 0 {
		src = src[:i]
	}
	return strings.Join(strings.Fields(src), " ")
}

// Position returns the frame at which step runs (0 for nil, the start), or -1 when
// it never runs.
func (r *Run) Position(step *Step) int {
	if step == nil {
		return 0
	}
	for i, fr := range r.Frames {
		if fr.Step == step {
			return i
		}
	}
	return -1
}
