package scenarios

import (
	"fmt"
	"strings"

	"forklab/sim"
)

// Trace renders a whole run: a header, each step's source line and the lines of its
// events, and how the run ended. It is deterministic to the byte.
func Trace(r *Run, rend *sim.Renderer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s under %s\n", r.File.Title, r.Design)
	for _, fr := range r.Frames[1:] {
		fmt.Fprintf(&b, "\n%d: %s\n", fr.Step.Pos.Line, fr.Step.Source)
		for _, l := range rend.Render(fr.Events) {
			b.WriteString("    " + l.Text + "\n")
		}
		for _, c := range fr.Checks {
			writeCheck(&b, c)
		}
	}
	b.WriteString("\n")
	for _, c := range r.EndChecks {
		writeCheck(&b, c)
	}
	for _, s := range r.NotRun {
		fmt.Fprintf(&b, "not run: %d: %s (%s never ran it)\n", s.Pos.Line, s.Source, s.Op.Actor)
	}
	if len(r.Deadlock) > 0 {
		b.WriteString("deadlock:\n" + indentLines(r.DeadlockReport()))
	}
	if r.Err != nil {
		fmt.Fprintf(&b, "%v\n", r.Err)
	}
	if len(r.Assumed) > 0 {
		fmt.Fprintf(&b, "assumptions relied on: %s\n", strings.Join(r.Assumed, " "))
	}
	fmt.Fprintf(&b, "%d expectations checked, %d failed\n", r.Checked, len(r.Failures))
	return b.String()
}

func writeCheck(b *strings.Builder, c Check) {
	mark := "ok  "
	if !c.OK {
		mark = "FAIL"
	}
	fmt.Fprintf(b, "    %s expect %s (line %d), got %s\n", mark, c.Expected, c.Pos.Line, c.Got)
}

func indentLines(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
	}
	return b.String()
}
