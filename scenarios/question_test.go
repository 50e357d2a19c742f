package scenarios

import (
	"testing"

	"forklab/sim"
)

// TestQuestions: for every library scenario, design and step, each question that
// can be asked there offers the model's answer exactly once, as its Answer, among
// at least two distinct choices.
func TestQuestions(t *testing.T) {
	asked := 0
	for _, e := range loadLibrary(t) {
		var runs []*Run
		for _, d := range sim.Designs() {
			if e.File.ForDesign(d) {
				runs = append(runs, Execute(e.File, d, Options{Snapshots: true}))
			}
		}
		for i, r := range runs {
			for _, s := range e.File.Steps() {
				if r.Position(s) < 0 {
					continue
				}
				kinds := []AskKind{AskResult, AskParent, AskState}
				if s.Op.Call == sim.CallPtrace && s.Op.Req == sim.PTLwpinfo && !r.Design.Linux() {
					kinds = append(kinds, AskFlags)
				}
				for _, k := range kinds {
					q, err := NewQuestion(runs, i, k, s, s.Op.Actor)
					if err != nil {
						t.Errorf("%s:%d under %s, kind %d: %v", e.Path, s.Pos.Line, r.Design.Alias, k, err)
						continue
					}
					asked++
					want, _ := answerOf(r, k, s, s.Op.Actor)
					n := 0
					seen := map[string]bool{}
					for _, c := range q.Choices {
						if c == want {
							n++
						}
						if seen[c] {
							t.Errorf("%s:%d under %s: choice %q given twice", e.Path, s.Pos.Line, r.Design.Alias, c)
						}
						seen[c] = true
					}
					if n != 1 || q.Choices[q.Answer] != want || len(q.Choices) < 2 {
						t.Errorf("%s:%d under %s, %q: choices %q, answer %d, want %q once among two or more",
							e.Path, s.Pos.Line, r.Design.Alias, q.Prompt, q.Choices, q.Answer, want)
					}
				}
			}
		}
	}
	if asked < 1000 {
		t.Errorf("only %d questions asked over the library", asked)
	}
}

// TestQuestionChoicesFromOtherDesigns: the first wrong choices are what the other
// designs do. orphan-race line 21, R's first wait: 0 under old and current, C exited
// 1 under merged.
func TestQuestionChoicesFromOtherDesigns(t *testing.T) {
	f := libraryFileOf(t, "orphan-race.txt")
	var runs []*Run
	for _, name := range []string{"merged", "old", "current"} {
		d, _ := sim.LookupDesign(name)
		runs = append(runs, Execute(f, d, Options{Snapshots: true}))
	}
	var step *Step
	for _, s := range f.Steps() {
		if s.Pos.Line == 21 {
			step = s
		}
	}
	q, err := NewQuestion(runs, 0, AskResult, step, "")
	if err != nil {
		t.Fatal(err)
	}
	if q.Choices[q.Answer] != "C exited 1" {
		t.Errorf("answer %q, want C exited 1", q.Choices[q.Answer])
	}
	if !contains(q.Choices, "0") {
		t.Errorf("choices %q lack old's and current's 0", q.Choices)
	}
	if want := "What does R's wait C nohang return under freebsd-9.1 (merged)?"; q.Prompt != want {
		t.Errorf("prompt %q, want %q", q.Prompt, want)
	}
}
