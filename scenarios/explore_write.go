package scenarios

import (
	"fmt"
	"strings"

	"forklab/sim"
)

// Scenario writes outcome o of the exploration as a scenario of its own (`forklab
// explore -write`): the steps in o's example order, each with the result it had
// there, for the exploration's design alone; the steps that never ran after them, in
// file order; then expect lines for the final state, parent and tracer of every
// process, and `expect deadlock` if the run ended in one. Under the file-order rule
// of scenario-language.md the file runs exactly that order (each step is the first
// runnable one when its turn comes, as it was in the explored run), so it passes
// `forklab check`. n is o's number, from 1, for the title.
func (e *Exploration) Scenario(o *Outcome, n int) string {
	var b strings.Builder
	d := e.Design
	fmt.Fprintf(&b, "title: %s (order %d of %d under %s)\n", e.File.Title, n, len(e.Outcomes), d.Name)
	fmt.Fprintf(&b, "about: An order of %s that forklab explore found under %s: outcome %d of %d,\n", e.File.Name, d.Name, n, len(e.Outcomes))
	fmt.Fprintf(&b, "about: which %d of its %d orders reach. The results are this order's.\n", o.Count, e.Interleavings)
	for _, c := range e.File.Cites {
		fmt.Fprintf(&b, "cite: %s\n", c)
	}
	fmt.Fprintf(&b, "designs: %s\n", d.Name)
	if len(e.File.Tags) > 0 {
		fmt.Fprintf(&b, "tags: %s\n", strings.Join(e.File.Tags, " "))
	}
	b.WriteString("\n")
	for _, p := range e.File.Procs {
		if p.Parent != "" {
			fmt.Fprintf(&b, "proc %s parent %s\n", p.Name, p.Parent)
		} else {
			fmt.Fprintf(&b, "proc %s\n", p.Name)
		}
	}
	b.WriteString("\n")
	result := map[*Step]string{}
	for i, s := range e.steps {
		if g := o.Results[i]; g != "not run" {
			result[s] = g
		}
	}
	ran := map[*Step]bool{}
	for _, s := range o.Order {
		ran[s] = true
		fmt.Fprintf(&b, "%-40s => %s\n", FormatOp(s.Op), result[s])
	}
	for _, s := range e.steps {
		if !ran[s] {
			fmt.Fprintf(&b, "%s\n", FormatOp(s.Op))
		}
	}
	b.WriteString(finalExpects(o))
	return b.String()
}

// finalExpects writes expect lines for the state o's example run ended in: every
// process that exists, its state and, unless it was reaped, its parent and tracer,
// as checkExpect reads them; then `expect deadlock` if the run ended in one.
func finalExpects(o *Outcome) string {
	var b strings.Builder
	last := &o.last
	for _, n := range o.Run.File.Names {
		v, ok := last.Proc(n)
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "expect state %s is %s\n", n, expectState(&v))
		if v.State != sim.StateReaped {
			fmt.Fprintf(&b, "expect parent %s is %s\n", n, nameOf(last, v.Parent))
			fmt.Fprintf(&b, "expect traced %s by %s\n", n, nameOf(last, v.Tracer))
		}
	}
	if len(o.Run.Deadlock) > 0 {
		b.WriteString("expect deadlock\n")
	}
	return b.String()
}
