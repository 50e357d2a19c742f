package scenarios

// This file makes predict-then-reveal questions. A question is asked before a step
// is shown, about one design's run; its answer is what the model does, never a
// text written by hand. The wrong choices come first from what the other designs do
// at the same step (the alternatives the 2012 review argued about), then from near
// misses a student might pick: ECHILD or 0 for a wait, SIGSTOP for SIGTRAP, a flag
// too many or too few, another process.

import (
	"errors"
	"slices"
	"strings"

	"forklab/sim"
)

// Question is one question with its choices.
type Question struct {
	Kind    AskKind
	Design  *sim.Design
	Step    *Step
	Proc    string   // AskParent, AskState
	Prompt  string   // the question, in plain words
	Choices []string // in the order shown
	Answer  int      // the index of the model's answer in Choices
}

// maxChoices is how many choices a question offers at most.
const maxChoices = 4

// NewQuestion makes the question of kind about step (and proc, for AskParent and AskState)
// under the design of runs[i]; the other runs, of the same file under other
// designs, give the first wrong choices. Runs must have been made with Snapshots.
func NewQuestion(runs []*Run, i int, kind AskKind, step *Step, proc string) (*Question, error) {
	r := runs[i]
	answer, err := answerOf(r, kind, step, proc)
	if err != nil {
		return nil, err
	}
	q := &Question{Kind: kind, Design: r.Design, Step: step, Proc: proc, Prompt: prompt(r.Design, kind, step, proc)}
	choices := []string{answer}
	add := func(c string) {
		if c != "" && len(choices) < maxChoices && !slices.Contains(choices, c) {
			choices = append(choices, c)
		}
	}
	for j, o := range runs {
		if j != i {
			if a, err := answerOf(o, kind, step, proc); err == nil && (kind != AskFlags || !o.Design.Linux()) {
				add(a)
			}
		}
	}
	for _, c := range nearMisses(r, kind, step, proc, answer) {
		add(c)
	}
	// The answer's place depends only on the step, so that the page and its tests
	// agree, and it is not always first.
	at := (step.Pos.Line + int(kind)) % len(choices)
	choices[0], choices[at] = choices[at], choices[0]
	q.Choices, q.Answer = choices, at
	return q, nil
}

// DefaultAsk is the question quiz mode asks at a step under d, and the process it is
// about: the flags an lwpinfo reads (FreeBSD), the state an exit leaves its actor in
// (exit has no value), else what the call returns.
func DefaultAsk(step *Step, d *sim.Design) (AskKind, string) {
	switch {
	case step.Op.Call == sim.CallPtrace && step.Op.Req == sim.PTLwpinfo && !d.Linux():
		return AskFlags, ""
	case step.Op.Call == sim.CallExit:
		return AskState, step.Op.Actor
	}
	return AskResult, ""
}

// noValue is the answer for a call that never returns in the run.
const noValue = "no value: it never returns"

// answerOf returns the model's answer in r.
func answerOf(r *Run, kind AskKind, step *Step, proc string) (string, error) {
	if step == nil {
		return "", errors.New("a question needs a step: at start nothing has happened yet")
	}
	pos := r.Position(step)
	if pos < 0 {
		return "", errors.New("the step never runs under " + r.Design.Name)
	}
	switch kind {
	case AskResult:
		if res, ok := r.ResultOf(step, len(r.Frames)); ok {
			return res.Got, nil
		}
		return noValue, nil
	case AskFlags:
		if step.Op.Call != sim.CallPtrace || step.Op.Req != sim.PTLwpinfo {
			return "", errors.New("ask: flags needs a ptrace lwpinfo step, whose result holds the flags")
		}
		if r.Design.Linux() {
			return "", errors.New("pl_flags are FreeBSD's: linux has none to ask about")
		}
		if res, ok := r.ResultOf(step, len(r.Frames)); ok {
			return flagsAnswer(res), nil
		}
		return noValue, nil
	case AskParent, AskState:
		if !slices.Contains(r.File.Names, proc) {
			return "", errors.New("no process " + proc + " in " + r.File.Name)
		}
		snap := r.Frames[pos].Snapshot
		v, ok := snap.Proc(proc)
		if kind == AskState {
			if !ok {
				return proc + " does not exist yet", nil
			}
			return expectState(&v), nil
		}
		if !ok || v.State == sim.StateReaped {
			return proc + " does not exist", nil
		}
		return nameOf(&snap, v.Parent), nil
	}
	return "", errors.New("unknown question")
}

// flagsAnswer renders the pl_flags of an lwpinfo result, or its errno.
func flagsAnswer(res StepResult) string {
	if res.Res.Lwp == nil {
		return res.Got
	}
	if res.Res.Lwp.Flags == 0 {
		return "no flags"
	}
	return res.Res.Lwp.Flags.String()
}

// nearMisses returns plausible wrong answers for kind, given the right one.
func nearMisses(r *Run, kind AskKind, step *Step, proc, answer string) []string {
	var out []string
	switch kind {
	case AskResult:
		if f := strings.Fields(answer); len(f) == 3 && f[1] == "stopped" {
			other := map[string]string{"SIGSTOP": "SIGTRAP", "SIGTRAP": "SIGSTOP"}[f[2]]
			if other == "" {
				other = "SIGSTOP"
			}
			out = append(out, f[0]+" stopped "+other, f[0]+" exited 0")
		}
		switch step.Op.Call {
		case sim.CallWait:
			out = append(out, "ECHILD", "0", noValue)
		case sim.CallFork, sim.CallVfork, sim.CallRfork, sim.CallGetppid:
			out = append(out, otherNames(r, answer)...)
			out = append(out, "EAGAIN")
		case sim.CallRead:
			out = append(out, "0", "1")
		case sim.CallPtrace:
			out = append(out, "ok", "EBUSY", "ESRCH", "EINVAL")
		default:
			out = append(out, "ok", "EPERM", noValue)
		}
	case AskFlags:
		var f sim.PLFlags
		for _, n := range strings.Split(answer, "|") {
			if v, ok := sim.ParsePLFlag(n); ok {
				f |= v
			}
		}
		for _, x := range []sim.PLFlags{sim.PL_FLAG_SCX, sim.PL_FLAG_FORKED, sim.PL_FLAG_CHILD, sim.PL_FLAG_EXEC, sim.PL_FLAG_SI} {
			if r.Design.HasPLFlag(x) {
				if g := f ^ x; g == 0 {
					out = append(out, "no flags")
				} else {
					out = append(out, g.String())
				}
			}
		}
	case AskParent:
		for _, n := range append(otherNames(r, answer), "init") {
			if n != proc {
				out = append(out, n)
			}
		}
	case AskState:
		out = []string{"zombie", "reaped", "running", "stopped SIGSTOP", "stopped SIGTRAP", "blocked"}
	}
	return out
}

// otherNames returns the file's process names other than name.
func otherNames(r *Run, name string) []string {
	var out []string
	for _, n := range r.File.Names {
		if n != name {
			out = append(out, n)
		}
	}
	return out
}

// prompt words the question.
func prompt(d *sim.Design, kind AskKind, step *Step, proc string) string {
	under := " under " + d.String() + "?"
	call := strings.TrimSpace(strings.TrimPrefix(stepText(step), step.Op.Actor+":"))
	switch kind {
	case AskResult:
		return "What does " + step.Op.Actor + "'s " + call + " return" + under
	case AskFlags:
		return "Which pl_flags does " + step.Op.Actor + "'s PT_LWPINFO read" + under
	case AskParent:
		return "Who is " + proc + "'s parent after " + step.Op.Actor + "'s " + call + under
	}
	return "What state is " + proc + " in after " + step.Op.Actor + "'s " + call + under
}
