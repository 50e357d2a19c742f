package scenarios

import (
	"strings"
	"testing"
)

// TestLessons: every lesson parses, points at steps that run under its designs,
// asks questions that can be asked there, and quotes the review verbatim.
func TestLessons(t *testing.T) {
	ls, err := Lessons()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) < 4 {
		t.Errorf("%d lessons, want at least 4", len(ls))
	}
	for _, l := range ls {
		for _, w := range LessonWarnings(l) {
			t.Errorf("%s", w)
		}
	}
}

func TestParseLessonErrors(t *testing.T) {
	const head = "lesson: L\n"
	for _, tc := range []struct{ src, want string }{
		{"title: T\n", "l:1:1: a lesson starts with its lesson: line (a scenario starts with title:)"},
		{"lesson:\n", "l:1:8: lesson: needs a title"},
		{head, "l:1:1: the lesson has no stop: line"},
		{head + "stop: orphan-race old\n", `l:2:7: expected SCENARIO DESIGNS at "STEP" (or at start)`},
		{head + "stop: orphan-race old merged\n", `l:2:29: expected at "STEP" or at start after the designs`},
		{head + "stop: orphan-race olde at start\n  say: s\n", `l:2:19: unknown design "olde"`},
		{head + "stop: orphan-race old,new,merged,current at start\n  say: s\n", "l:2:34: a stop shows at most three designs"},
		{head + "stop: orphan-race old at D: wait C\n  say: s\n", "l:2:26: expected the step's text in double quotes, or start"},
		{head + "stop: orphan-race old at \"D: wait C\n  say: s\n", "l:2:26: the step's text has no closing double quote"},
		{head + "stop: orphan-race old at \"D: wait C\" 2\n  say: s\n", "l:2:38: expected #N"},
		{head + "stop: orphan-race old at start\n", "l:2:1: the stop has no say: line"},
		{head + "stop: orphan-race old at start\n  ask: result\n  say: s\n  ask: result\n", "l:5:3: a stop asks one question"},
		{head + "stop: orphan-race old at start\n  say: s\n  ask: guess\n", `l:4:8: unknown question "guess"`},
		{head + "stop: orphan-race old at start\n  say: s\n  ask: parent\n", "l:4:14: expected the process the question is about"},
		{head + "stop: orphan-race old at start\n  say: s\n  ask: result merged\n", "l:4:15: the question is about one of the stop's panes; freebsd-9.1 is not among them"},
		{head + "stop: orphan-race linux at start\n  say: s\n  ask: flags\n", "l:4:8: pl_flags are FreeBSD's"},
		{head + "  say: s\n", "l:2:1: a continuation line (say:, ask:) belongs to a stop: line above it"},
		{head + "stop: orphan-race old at start\n  said: s\n", "l:3:3: expected say: or ask: under a stop"},
		{head + "stop: orphan-race old at start\n  say: s\nabout: late\n", "l:4:1: about: belongs to the header"},
		{head + "step: x\n", `l:2:1: unknown key "step:"`},
	} {
		_, err := ParseLesson("l", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ParseLesson(%q) = %v, want %q", tc.src, err, tc.want)
		}
	}
}

// TestResolveLessonErrors: a stop whose scenario, design or step does not exist, or
// whose step never runs under one of its designs, is an error at that stop.
func TestResolveLessonErrors(t *testing.T) {
	lib := loadLibrary(t)
	const head = "lesson: L\n"
	for _, tc := range []struct{ src, want string }{
		{head + "stop: no-such old at start\n  say: s\n", `l:2:7: no library scenario "no-such"`},
		{head + "stop: freebsd/getppid old at start\n  say: s\n", "l:2:23: freebsd/getppid is not meant for freebsd-9.0"},
		{head + "stop: orphan-race old at \"D: wait R\"\n  say: s\n", `l:2:26: orphan-race has no step "D: wait R"`},
		{head + "stop: orphan-race old at \"R: wait C nohang\" #3\n  say: s\n", `l:2:26: orphan-race has 2 steps "R: wait C nohang", not 3`},
		{head + "stop: vfork-follow merged,old at \"D: ptrace lwpinfo P\"\n  say: s\n", "l:2:34: the step never runs under freebsd-9.0"},
		{head + "stop: orphan-race old at \"D: wait C\"\n  say: s\n  ask: flags\n", "l:4:8: ask: flags needs a ptrace lwpinfo step"},
		{head + "stop: orphan-race old at \"D: wait C\"\n  say: s\n  ask: state Z\n", "l:4:8: no process Z in orphan-race.txt"},
	} {
		l, err := ParseLesson("l", []byte(tc.src))
		if err == nil {
			err = l.Resolve(lib)
		}
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
	l, err := ParseLesson("l", []byte(head+"stop: orphan-race merged,current at \"R: wait C nohang\" #2\n  say: s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Resolve(lib); err != nil {
		t.Fatal(err)
	}
	if s := l.Stops[0]; s.Step.Pos.Line != 27 || s.Position != 6 {
		t.Errorf("the stop resolves to line %d, position %d; want line 27, position 6", s.Step.Pos.Line, s.Position)
	}
}
