package ui

// This file tells a pane's step in words: the scenario's say: lines for the
// design, what each call returned and whether that matched the expectation,
// a badge for every named assumption the design relies on here, a callout for
// every invariant the step breaks (as the design behaves, or by a bug in the model), and
// every kernel event with the function and source file where it happens.

import (
	"fmt"
	"strings"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// narration is what a pane says about its frame.
type narration struct {
	Step        *scenarios.Step // the step run; nil at the start
	ShowStep    bool            // the panes ran different steps: name this one here
	Says        []string
	Results     []resultNote // calls whose value was fixed or that returned in this frame
	Checks      []scenarios.Check
	Assumptions []sim.Assumption
	Broken      []brokenNote // invariants this step broke (scenarios.Frame.Broken)
	Events      []eventNote
	Ended       bool   // the position is past this run's last frame
	EndNote     string // how the run ended, at or past its last frame
	EndChecks   []scenarios.Check
}

// resultNote is a call's value as the frame stands: fixed, returned, or both.
type resultNote struct {
	Call     string // the call, as written
	Got      string
	Returned bool // the caller has the value (the call returned by this frame)
	Text     string
}

// resultNotes tells the values fixed in frame i of r and the calls that
// returned in it: a value is the caller's only once the call has returned
// (scenarios.StepResult).
func resultNotes(r *scenarios.Run, i int) []resultNote {
	var out []resultNote
	for _, res := range r.Frames[i].Results {
		n := resultNote{Call: callText(res.Step.Source), Got: res.Got, Returned: res.ReturnedBy(i)}
		switch {
		case n.Returned:
			n.Text = n.Call + " returns " + res.Got
		case res.Returned != 0:
			n.Text = n.Call + ": the kernel has set its value, " + res.Got + ", but the call has not returned; it returns at step " + itoa(res.Returned)
		default:
			n.Text = n.Call + ": the kernel has set its value, " + res.Got + ", but the call has not returned when the run ends"
		}
		out = append(out, n)
	}
	for _, res := range r.ReturnedIn(i) {
		if res.Fixed != i {
			out = append(out, resultNote{Call: callText(res.Step.Source), Got: res.Got, Returned: true,
				Text: callText(res.Step.Source) + " returns " + res.Got + " (its value was set at step " + itoa(res.Fixed) + ")"})
		}
	}
	return out
}

// eventNote is one kernel event in words.
type eventNote struct {
	Kind string     // the event type, lower case (stopped, forked, ...)
	Proc string     // NAME[pid]
	Text string     // sim.Describe
	Func string     // the kernel function
	Src  kernelLink // where it lives
}

// brokenNote is an invariant a step broke, in words.
type brokenNote struct {
	Invariant string // its name, e.g. exit-status-once
	Text      string // what it says (sim.Invariants)
	Detail    string // how it does not hold, e.g. "P[100] got C[101]'s exit status 2 times"
	Declared  bool   // the design breaks it (Design.Breaks): a finding, not a model bug
	Design    string // the design's name
	Why       string // the design's reason (Design.Breaks), when declared
}

// newBrokenNote tells violation v of a run under d.
func newBrokenNote(d *sim.Design, v sim.Violation) brokenNote {
	b := brokenNote{Invariant: v.Invariant, Detail: v.Detail, Declared: v.Declared, Design: d.Name}
	for _, inv := range sim.Invariants {
		if inv.Name == v.Invariant {
			b.Text = inv.Text
		}
	}
	for _, br := range d.Breaks {
		if br.Invariant == v.Invariant {
			b.Why = br.Why
		}
	}
	return b
}

// Head is the callout's first line after its badge: the invariant and what it
// says.
func (b brokenNote) Head() string {
	if b.Text == "" {
		return b.Invariant
	}
	return b.Invariant + " — " + b.Text
}

// Reason says whose doing the violation is.
func (b brokenNote) Reason() string {
	if b.Declared {
		return "This is how " + b.Design + " behaves, a finding and not a fault in forklab's model: " + b.Why
	}
	return b.Design + " does not declare it: this is a bug in forklab's model, not a finding."
}

// Sentence is the note in one sentence, for the live region.
func (b brokenNote) Sentence() string {
	if b.Declared {
		return "Invariant broken: " + b.Invariant + ", " + b.Detail + "; this is how " + b.Design + " behaves, not a fault in forklab's model."
	}
	return "Model bug: invariant " + b.Invariant + " violated, " + b.Detail + "."
}

// brokenNotes tells the invariants frame i of rv broke, shown at position n
// (none past the run's last frame).
func brokenNotes(rv *runView, i, n int) []brokenNote {
	if n > len(rv.Run.Frames)-1 {
		return nil
	}
	var out []brokenNote
	for _, v := range rv.Run.Frames[i].Broken {
		out = append(out, newBrokenNote(rv.Design, v))
	}
	return out
}

// buildNarration tells frame i of rv at position n. shared says whether all
// panes ran the same step, whose common say: lines are then shown once above
// the panes.
func buildNarration(rv *runView, i, n int, shared bool) narration {
	r := rv.Run
	fr := &r.Frames[i]
	last := len(r.Frames) - 1
	nr := narration{Step: fr.Step, ShowStep: !shared, Ended: n > last}
	if fr.Step != nil && !nr.Ended {
		for _, say := range fr.Step.Says {
			if say.Designs == nil && shared {
				continue
			}
			if say.Designs == nil || containsStr(say.Designs, rv.Design.Name) {
				nr.Says = append(nr.Says, say.Text)
			}
		}
	}
	if !nr.Ended {
		nr.Results, nr.Checks = resultNotes(r, i), fr.Checks
		nr.Broken = brokenNotes(rv, i, n)
		seen := map[string]bool{}
		addAssumption := func(name string) {
			if name == "" || seen[name] {
				return
			}
			seen[name] = true
			if a, ok := rv.Design.Assumption(name); ok {
				nr.Assumptions = append(nr.Assumptions, a)
			} else {
				nr.Assumptions = append(nr.Assumptions, sim.Assumption{Name: name})
			}
		}
		for _, e := range fr.Events {
			switch e := e.(type) {
			case *sim.Assumed:
				addAssumption(e.Name)
			case *sim.Stopped:
				addAssumption(e.Assumption)
			}
			if _, ok := e.(*sim.Assumed); ok {
				continue // shown as a badge
			}
			text := sim.Describe(e, rv.name)
			if text == "" {
				continue
			}
			b := e.Common()
			nr.Events = append(nr.Events, eventNote{
				Kind: eventKind(e), Proc: b.Proc, Text: text, Func: b.Func,
				Src: kernelSource(b.Func, rv.Design),
			})
		}
	}
	if n >= last {
		nr.EndNote = endNote(rv)
		nr.EndChecks = r.EndChecks
	}
	return nr
}

// endNote says how a run ended.
func endNote(rv *runView) string {
	r := rv.Run
	var parts []string
	switch {
	case r.Err != nil:
		parts = append(parts, "stopped: "+r.Err.Error())
	case len(r.Deadlock) > 0:
		var held []string
		for _, h := range r.Deadlock {
			held = append(held, h.Actor+" "+h.Why)
		}
		parts = append(parts, "deadlock: "+strings.Join(held, "; "))
	default:
		parts = append(parts, "run ended")
	}
	for _, s := range r.NotRun {
		parts = append(parts, fmt.Sprintf("not run: line %d, %s (%s never ran it)", s.Pos.Line, s.Source, s.Op.Actor))
	}
	return strings.Join(parts, ". ")
}

// eventKind names an event's type in lower case: *sim.Stopped is "stopped".
func eventKind(e sim.Event) string {
	t := fmt.Sprintf("%T", e)
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return strings.ToLower(t)
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// renderNarration draws nr. Every part has its place whether it is empty or
// not, so that from one step to the next go-app updates the parts in place
// instead of building them anew.
func renderNarration(nr narration) app.UI {
	stepText := ""
	if nr.Step != nil {
		stepText = "line " + itoa(nr.Step.Pos.Line) + ": " + callText(nr.Step.Source)
	}
	says := make([]app.UI, 0, len(nr.Says))
	for _, s := range nr.Says {
		says = append(says, el("p").Class("say").Body(markTerms(s, false)...))
	}
	assumptions := make([]app.UI, 0, len(nr.Assumptions))
	for _, a := range nr.Assumptions {
		assumptions = append(assumptions, el("p").Class("assumption").Attr("data-assumption", a.Name).Body(
			append([]app.UI{
				el("a").Class("badge").Attr("data-role", "assumption-badge").Attr("href", assumptionHref(a.Name)).
					Title("Assumption " + a.Name + ": what the review says and what forklab assumes").Text("assumption " + a.Name),
				app.Text(" "),
			}, markTerms(a.Text, false)...)...,
		))
	}
	broken := make([]app.UI, 0, len(nr.Broken))
	for _, b := range nr.Broken {
		broken = append(broken, renderBroken(b))
	}
	results := make([]app.UI, 0, len(nr.Results))
	for _, res := range nr.Results {
		if !res.Returned {
			results = append(results, el("p").Class("result").Attr("data-result", "set").Body(markCode(res.Text, false)...))
			continue
		}
		results = append(results, el("p").Class("result").Attr("data-result", "returned").Title(res.Text).Body(
			el("span").Class("mono").Body(markCode(res.Call, false)...),
			app.Text(" → "),
			el("strong").Class("mono").Text(res.Got),
			app.Text(strings.TrimPrefix(res.Text, res.Call+" returns "+res.Got)),
		))
	}
	var checks []app.UI
	for _, c := range append(append([]scenarios.Check(nil), nr.Checks...), nr.EndChecks...) {
		checks = append(checks, renderCheck(c))
	}
	evs := make([]app.UI, 0, len(nr.Events))
	for _, e := range nr.Events {
		evs = append(evs, el("li").Attr("data-kind", e.Kind).Body(append([]app.UI{
			renderKernelFunc(e.Func, e.Src),
			el("span").Class("mono proc").Text(e.Proc),
			app.Text(" "),
		}, markTerms(e.Text, true)...)...))
	}
	empty := len(broken)+len(says)+len(assumptions)+len(results)+len(checks)+len(evs) == 0 && nr.EndNote == ""
	return el("section").Class("narration").Attr("data-role", "narration").Body(
		hidden(el("p").Class("pstep mono"), !nr.ShowStep || stepText == "" || nr.Ended).Text(stepText),
		el("div").Class("broken").Body(broken...),
		el("div").Class("says").Body(says...),
		el("div").Class("assumptions").Body(assumptions...),
		el("div").Class("results").Body(results...),
		el("div").Class("checks").Body(checks...),
		hidden(el("p").Class("endnote").Attr("data-role", "endnote"), nr.EndNote == "").Text(nr.EndNote),
		hidden(el("details").Class("events").Attr("open", true), len(evs) == 0).Body(
			el("summary").Text("In the kernel: "+itoa(len(nr.Events))+" events"),
			termGroup(el("ol"), "kernel events").Body(evs...),
		),
		hidden(el("p").Class("muted"), !empty).Text("Before the first step."),
	)
}

// renderBroken is the callout for an invariant the step broke: a finding when
// the design declares it, an error (a bug in the model) when it does not.
func renderBroken(b brokenNote) app.UI {
	badge := "invariant broken"
	if !b.Declared {
		badge = "model bug"
	}
	return el("div").Class("invariant").
		Attr("data-role", "broken").
		Attr("data-invariant", b.Invariant).
		Attr("data-declared", b.Declared).
		Attr("role", "note").
		Body(
			el("p").Class("inv-head").Body(
				el("span").Class("badge").Text(badge),
				app.Text(" "),
				el("strong").Class("mono").Text(b.Invariant),
				app.Text(strings.TrimPrefix(b.Head(), b.Invariant)),
			),
			el("p").Class("inv-detail mono").Text(b.Detail),
			el("p").Class("inv-why").Text(b.Reason()),
		)
}

func renderCheck(c scenarios.Check) app.UI {
	mark, state, says := "✓", "ok", "passes: "
	text := "expected " + c.Expected + " (line " + itoa(c.Pos.Line) + ")"
	if !c.OK {
		mark, state, says = "✗", "fail", "fails: "
		text += ", got " + c.Got
	}
	return el("p").Class("check").Attr("data-ok", state).Body(
		el("span").Class("mark").Attr("aria-hidden", "true").Text(mark),
		el("span").Class("sr-only").Text(says),
		app.Text(" "+text),
	)
}

// callText is a step line without its inline expectation.
func callText(src string) string {
	call, _, _ := strings.Cut(src, "=>")
	return strings.TrimSpace(call)
}
