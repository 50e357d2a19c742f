package ui

// This file is the page's view state: which mode the page is in (the start
// page, one scenario, a lesson), whether it asks before it shows (quiz), which
// lesson stop is on screen, and which questions have been answered. Commands
// change it through its methods, which know nothing of go-app, so a test can
// drive every transition natively; App lays out what it says. A new mode
// (presenter, embed) is one more value of mode and one more case where the
// page is laid out (Render).

// mode is what the page is showing.
type mode uint8

const (
	modeStart    mode = iota // the start page of bare /
	modeScenario             // one scenario, its designs side by side
	modeLesson               // a lesson: one of its stops, a scenario at a step
)

// viewState is the state the page's modes share.
type viewState struct {
	Mode   mode
	Quiz   bool    // ask before every step is shown (quiz=1), in either view
	Lesson *lesson // the lesson on screen, in modeLesson
	Stop   int     // the stop on screen, from 0
	Pane   int     // the pane quiz mode asks about, from 0 (a stop's ask: names its own)
	Deck   bool    // nothing asks: an embed plays a lesson as a deck (embedlesson.go)

	// answers holds, by position on the timeline, the choice made there;
	// it is the reveal state of the scenario on screen under its designs,
	// and starts empty whenever either changes.
	answers map[int]int
}

// openStart shows the start page.
func (s *viewState) openStart() {
	*s = viewState{Mode: modeStart}
}

// openScenario shows one scenario; quiz says whether it asks at every step.
func (s *viewState) openScenario(quiz bool) {
	*s = viewState{Mode: modeScenario, Quiz: quiz}
}

// openLesson shows stop i of l (clamped to its stops).
func (s *viewState) openLesson(l *lesson, i int, quiz bool) {
	*s = viewState{Mode: modeLesson, Quiz: quiz, Lesson: l}
	s.Stop = min(max(i, 0), len(l.L.Stops)-1)
}

// moveStop moves to the stop by stops away, and reports whether it moved.
func (s *viewState) moveStop(by int) bool {
	if s.Mode != modeLesson {
		return false
	}
	i := min(max(s.Stop+by, 0), len(s.Lesson.L.Stops)-1)
	if i == s.Stop {
		return false
	}
	s.Stop = i
	s.resetAnswers()
	return true
}

// stop returns the stop on screen, or nil outside a lesson.
func (s *viewState) stop() *lessonStop {
	if s.Mode != modeLesson {
		return nil
	}
	return s.Lesson.stop(s.Stop)
}

// resetAnswers forgets the answers: the scenario or its designs changed.
func (s *viewState) resetAnswers() { s.answers = nil }

// askAbout makes quiz mode ask about pane i; what was answered stays
// answered.
func (s *viewState) askAbout(i int) { s.Pane = max(i, 0) }

// setQuiz turns quiz mode on or off; what was answered stays answered.
func (s *viewState) setQuiz(on bool) { s.Quiz = on }

// answer records choice c at position pos and reports whether it is the
// first answer there.
func (s *viewState) answer(pos, c int) bool {
	if !s.revealAnswer(pos) {
		return false
	}
	s.answers[pos] = c
	return true
}

// noChoice is what answers holds where the answer was revealed without a
// choice: a class answered aloud, or the reader pressed on (revealAnswer).
const noChoice = -1

// revealAnswer shows the answer at pos without recording a choice, and
// reports whether the question was still waiting there.
func (s *viewState) revealAnswer(pos int) bool {
	if _, ok := s.answers[pos]; ok {
		return false
	}
	if s.answers == nil {
		s.answers = map[int]int{}
	}
	s.answers[pos] = noChoice
	return true
}

// chosen returns what was answered at pos: a choice, or noChoice where the
// answer was revealed without one.
func (s *viewState) chosen(pos int) (int, bool) {
	c, ok := s.answers[pos]
	return c, ok
}

// asks reports whether position pos asks before it shows: every step in quiz
// mode (in a lesson, from the stop's own step on: what comes before it is
// the lesson's given), and a lesson stop's step when the stop asks; never
// in a deck.
func (s *viewState) asks(pos int) bool {
	if pos < 1 || s.Deck {
		return false
	}
	base := 1
	if st := s.stop(); st != nil {
		if st.S.Ask != nil && pos == st.S.Position {
			return true
		}
		base = max(base, st.S.Position)
	}
	return s.Quiz && pos >= base
}

// window says how far the timeline may be seen. to is the furthest position
// the reader may move to: the first one that asks a question (has says
// whether the model can ask one there) not yet answered, else last. pending
// reports that a question waits at to: the page then shows to-1 and hides
// every later position (its tree, results, trace lines and marks).
func (s *viewState) window(last int, has func(pos int) bool) (to int, pending bool) {
	for p := 1; p <= last; p++ {
		if _, ok := s.answers[p]; !ok && s.asks(p) && has(p) {
			return p, true
		}
	}
	return last, false
}

// String names the mode, for the page's data-mode attribute.
func (m mode) String() string {
	return [...]string{modeStart: "start", modeScenario: "scenario", modeLesson: "lesson"}[m]
}

// ownLesson reports whether one's own lesson is on screen (its text stays in
// the editor as its stops change scenario).
func (s *viewState) ownLesson() bool { return s.Mode == modeLesson && s.Lesson.Own() }
