package scenarios

// This file writes a Markdown transcript of a scenario run under several
// designs side by side, as the page steps them: position n shows each run's
// frame n, and a run that has ended stays on its last frame. A reviewer
// pastes it into a review or an issue; the page's Save menu downloads the
// same text.

import (
	"fmt"
	"strings"

	"forklab/sim"
)

// Transcript returns the Markdown transcript of runs (one per design, all of
// the same file), titled with the scenario's key ("" for one's own). Each
// position gets a "## Step n of m" header with the step the panes ran and
// the narration every design shares, then one "### design" part per run:
// the step it ran (when the runs differ), its own narration, what each call
// returned, the expectations checked, the invariants broken, the kernel
// events with the function that makes them, and how the run ended.
func Transcript(key string, runs []*Run) (string, error) {
	if len(runs) == 0 {
		return "", fmt.Errorf("transcript: no runs")
	}
	f := runs[0].File
	for _, r := range runs[1:] {
		if r.File != f {
			return "", fmt.Errorf("transcript: the runs are of different files")
		}
	}
	last := 0
	for _, r := range runs {
		last = max(last, len(r.Frames)-1)
	}
	var b strings.Builder
	title := f.Title
	if key != "" {
		title += " (" + key + ")"
	}
	b.WriteString("# " + title + "\n\n")
	for _, a := range f.About {
		b.WriteString(a + "\n")
	}
	if len(f.About) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("Designs:")
	for i, r := range runs {
		sep := ","
		if i == 0 {
			sep = ""
		}
		b.WriteString(sep + " " + r.Design.String())
	}
	b.WriteString(fmt.Sprintf(". %d steps.\n\n", last))
	for n := 0; n <= last; n++ {
		writePosition(&b, runs, n, last)
	}
	return b.String(), nil
}

// writePosition writes position n of last.
func writePosition(b *strings.Builder, runs []*Run, n, last int) {
	shared := runs[0].stepAt(n)
	for _, r := range runs[1:] {
		if r.stepAt(n) != shared {
			shared = nil
		}
	}
	head := fmt.Sprintf("## Step %d of %d", n, last)
	switch {
	case n == 0:
		head += ": the start"
	case shared != nil:
		head += fmt.Sprintf(": line %d, `%s`", shared.Pos.Line, shared.Call())
	default:
		head += ": the designs run different steps"
	}
	b.WriteString(head + "\n\n")
	if shared != nil {
		for _, say := range shared.Says {
			if say.Designs == nil {
				b.WriteString(say.Text + "\n\n")
			}
		}
	}
	for _, r := range runs {
		writePane(b, r, n, shared != nil)
	}
}

// stepAt returns the step r ran at position n, nil at the start or past its
// end.
func (r *Run) stepAt(n int) *Step {
	if n >= len(r.Frames) {
		return nil
	}
	return r.Frames[n].Step
}

// writePane writes what run r shows at position n. shared says whether every
// run ran the same step, whose common narration the position's header part
// has already written.
func writePane(b *strings.Builder, r *Run, n int, shared bool) {
	fr := r.FrameAt(n)
	end := len(r.Frames) - 1
	b.WriteString("### " + r.Design.String() + "\n\n")
	if n > end {
		b.WriteString(fmt.Sprintf("- The run ended after step %d.\n", end))
		return
	}
	lines := 0
	item := func(s string) {
		b.WriteString("- " + s + "\n")
		lines++
	}
	if n == 0 {
		for _, p := range fr.Snapshot.Procs {
			item(fmt.Sprintf("%s: %s", r.name(p.Pid), p.State))
		}
	}
	if fr.Step != nil && !shared {
		item(fmt.Sprintf("Ran line %d: `%s`", fr.Step.Pos.Line, fr.Step.Call()))
	}
	if fr.Step != nil {
		for _, say := range fr.Step.Says {
			if say.Designs != nil && contains(say.Designs, r.Design.Name) || say.Designs == nil && !shared {
				item(say.Text)
			}
		}
	}
	for _, res := range fr.Results {
		switch {
		case res.ReturnedBy(n):
			item(fmt.Sprintf("`%s` returns `%s`.", res.Step.Call(), res.Got))
		case res.Returned != 0:
			item(fmt.Sprintf("`%s`: its value is set, `%s`; it returns at step %d.", res.Step.Call(), res.Got, res.Returned))
		default:
			item(fmt.Sprintf("`%s`: its value is set, `%s`; it has not returned when the run ends.", res.Step.Call(), res.Got))
		}
	}
	for _, res := range r.ReturnedIn(n) {
		if res.Fixed != n {
			item(fmt.Sprintf("`%s` returns `%s` (set at step %d).", res.Step.Call(), res.Got, res.Fixed))
		}
	}
	checks := fr.Checks
	if n == end {
		checks = append(append([]Check(nil), checks...), r.EndChecks...)
	}
	for _, c := range checks {
		if c.OK {
			item(fmt.Sprintf("✓ expected %s (line %d).", c.Expected, c.Pos.Line))
		} else {
			item(fmt.Sprintf("✗ expected %s (line %d), got %s.", c.Expected, c.Pos.Line, c.Got))
		}
	}
	for _, v := range fr.Broken {
		kind := "Invariant broken, as this design behaves"
		if !v.Declared {
			kind = "Model bug"
		}
		item(fmt.Sprintf("%s: %s, %s.", kind, v.Invariant, v.Detail))
	}
	for _, e := range fr.Events {
		text := sim.Describe(e, r.name)
		if text == "" {
			continue
		}
		c := e.Common()
		item(fmt.Sprintf("`%s` %s %s", c.Func, c.Proc, text))
	}
	if n == end && n > 0 {
		switch {
		case r.Err != nil:
			item("The run stopped: " + r.Err.Error() + ".")
		case len(r.Deadlock) > 0:
			var held []string
			for _, h := range r.Deadlock {
				held = append(held, h.Actor+" "+h.Why)
			}
			item("The run ended in a deadlock: " + strings.Join(held, "; ") + ".")
		default:
			item("The run ended.")
		}
	}
	if lines == 0 {
		item("Nothing happens here.")
	}
	b.WriteString("\n")
}

// name returns NAME[pid] for pid in the run.
func (r *Run) name(pid int) string {
	if s, ok := r.Names[pid]; ok {
		return s
	}
	return fmt.Sprintf("pid %d", pid)
}
