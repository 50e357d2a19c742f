package ui

// This file shows what the processes of a pane have learnt from the kernel:
// for each process, the last wait4() and PT_LWPINFO (Linux: the stop's event
// and PTRACE_GETEVENTMSG) that returned to it, with the step it returned at,
// the status decoded into the <sys/wait.h> macros and the record's pl_flags a
// chip each (lit when set, "n/a" where the design has no such flag). Kernel
// state that no call has reported, the record of a process in a trace stop
// that nobody has read since it stopped, is shown apart and labelled so
// (scenarios.Run.Learnt decides both).

import (
	"strconv"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// debuggerView is what the processes of a run know at one frame.
type debuggerView struct {
	Linux      bool
	Design     *sim.Design
	Reports    []reportView
	Unreported []unreportedView
}

// reportView is one call's value as its caller learnt it.
type reportView struct {
	Pid  int
	Name string // the caller, NAME[pid]
	Call string // as written
	Line int
	Step int // the frame the call returned in
	Got  string
	Wait *sim.WaitResult // a wait4
	Lwp  *sim.LwpInfo    // a PT_LWPINFO that succeeded
	Err  sim.Errno       // a PT_LWPINFO that failed
}

// unreportedView is the record of a process in a trace stop that no call has
// read.
type unreportedView struct {
	Pid     int
	Name    string
	Since   int // the frame it stopped in
	Lwp     sim.LwpInfo
	Changed sim.PLFlags // flags that differ from the previous frame's record
}

// buildDebugger finds what the processes know at frame i of rv.
func buildDebugger(rv *runView, i int) debuggerView {
	v := designView(rv.Design)
	snap := &rv.Run.Frames[i].Snapshot
	reports, unreported := rv.Run.Learnt(i)
	for _, r := range reports {
		p, _ := snap.Proc(r.Proc)
		res := r.Result
		v.Reports = append(v.Reports, reportView{
			Pid: p.Pid, Name: rv.name(p.Pid), Call: callText(res.Step.Source), Line: res.Step.Pos.Line,
			Step: res.Returned, Got: res.Got, Wait: res.Res.Wait, Lwp: res.Res.Lwp, Err: res.Res.Errno,
		})
	}
	for _, u := range unreported {
		p, _ := snap.Proc(u.Proc)
		uv := unreportedView{Pid: p.Pid, Name: rv.name(p.Pid), Since: u.Since, Lwp: u.Lwp, Changed: u.Lwp.Flags}
		if i > 0 {
			if prev, ok := rv.Run.Frames[i-1].Snapshot.ByPid(p.Pid); ok && prev.Lwpinfo != nil {
				uv.Changed ^= prev.Lwpinfo.Flags
			}
		}
		v.Unreported = append(v.Unreported, uv)
	}
	return v
}

// waitStatus returns the status word wait4 stores for w (FreeBSD's or Linux's
// <sys/wait.h> encoding), and whether there is one.
func waitStatus(w *sim.WaitResult, linux bool) (int, bool) {
	switch w.Kind {
	case sim.WaitStopped:
		sig := w.Sig.Number(linux)
		if linux && w.Event != 0 {
			sig |= int(w.Event) << 8
		}
		return sig<<8 | 0x7f, true
	case sim.WaitExited:
		return (w.Status & 0xff) << 8, true
	case sim.WaitKilled:
		return w.Sig.Number(linux) & 0x7f, true
	}
	return 0, false
}

func sigText(s sim.Signal, linux bool) string {
	return s.String() + " (" + itoa(s.Number(linux)) + ")"
}

// debuggerPanel draws a debuggerView; go-app skips it when the view is the
// same as at the last step.
type debuggerPanel struct {
	app.Compo
	V     *debuggerView // the paneView's, never changed (as nodeView's N)
	Later bool          // leave it for the next frame (App.restLater)
}

func (p *debuggerPanel) Render() app.UI {
	if p.Later {
		return el("section").Class("debugger").Attr("data-role", "debugger")
	}
	return renderDebugger(*p.V)
}

// recordName is what the record of a trace stop is called under the design.
func (v debuggerView) recordName() string {
	if v.Linux {
		return "the ptrace event and PTRACE_GETEVENTMSG"
	}
	return "PT_LWPINFO"
}

// renderDebugger draws v.
func renderDebugger(v debuggerView) app.UI {
	items := make([]app.UI, 0, len(v.Reports)+len(v.Unreported))
	for i := range v.Reports {
		items = append(items, &reportItem{Design: v.Design, R: &v.Reports[i]})
	}
	for i := range v.Unreported {
		items = append(items, &unreportedItem{Design: v.Design, U: &v.Unreported[i]})
	}
	none := "No process has had a wait4() or " + v.recordName() + " return to it yet."
	return el("section").Class("debugger").
		Attr("data-role", "debugger").
		Attr("data-reports", len(v.Reports)).
		Attr("data-unreported", len(v.Unreported)).
		Body(
			el("h4").Text("What the processes have learnt"),
			hidden(el("p").Class("muted"), len(v.Reports) > 0).Text(none),
			el("div").Class("reports").Body(items...),
		)
}

// designView is the part of a debuggerView that its items depend on.
func designView(d *sim.Design) debuggerView { return debuggerView{Linux: d.Linux(), Design: d} }

// reportItem is one report, a component of its own so that go-app renders
// again only the reports that changed (its fields as nodeView's N).
type reportItem struct {
	app.Compo
	Design *sim.Design
	R      *reportView
}

func (it *reportItem) Render() app.UI { return renderReport(designView(it.Design), *it.R) }

// unreportedItem is one record no call has read, as reportItem.
type unreportedItem struct {
	app.Compo
	Design *sim.Design
	U      *unreportedView
}

func (it *unreportedItem) Render() app.UI { return renderUnreported(designView(it.Design), *it.U) }

// renderReport draws one call's value as its caller learnt it.
func renderReport(v debuggerView, r reportView) app.UI {
	kind, data := "wait", ""
	if r.Wait != nil {
		data = r.Wait.String()
	} else {
		kind, data = "lwpinfo", r.Got
	}
	head := el("p").Class("report-head").Body(
		el("span").Class("mono").Text(r.Name),
		app.Text(" at step "+itoa(r.Step)+", line "+itoa(r.Line)+": "),
		el("span").Class("mono").Text(r.Call),
	)
	var body app.UI
	switch {
	case r.Wait != nil:
		body = renderWait(r.Wait, v.Linux)
	case r.Lwp != nil:
		body = renderRecord(v, *r.Lwp, 0)
	default:
		body = el("p").Body(el("span").Class("mono").Text("ptrace() → "), el("strong").Text("-1, errno "+r.Err.String()))
	}
	return el("div").Class("report").
		Attr("data-role", "report").
		Attr("data-proc", r.Pid).
		Attr("data-call", kind).
		Attr("data-step", r.Step).
		Attr("data-value", data).
		Body(head, body)
}

// renderUnreported draws the record of a trace stop that no call has read.
func renderUnreported(v debuggerView, u unreportedView) app.UI {
	return el("div").Class("report unreported").
		Attr("data-role", "unreported").
		Attr("data-proc", u.Pid).
		Attr("data-flags", u.Lwp.Flags.String()).
		Body(
			el("p").Class("report-head").Body(
				el("span").Class("badge").Text("not reported yet"),
				app.Text(" "),
				el("span").Class("mono").Text(u.Name),
				app.Text(" is in a trace stop since step "+itoa(u.Since)+", and no call has read it. What "+v.recordName()+" would return:"),
			),
			renderRecord(v, u.Lwp, u.Changed),
		)
}

// renderWait draws a wait4 result: the value and the status macros.
func renderWait(w *sim.WaitResult, linux bool) app.UI {
	var ret string
	switch w.Kind {
	case sim.WaitErr:
		ret = "-1, errno " + w.Errno.String()
	case sim.WaitNone:
		ret = "0: no child to report"
	default:
		ret = itoa(w.Pid) + " (" + w.Name + ")"
	}
	status, hasStatus := waitStatus(w, linux)
	macro := func(name string, on bool, value string) app.UI {
		if !on {
			value = ""
		}
		return el("span").Class("macro").Attr("data-on", on).Attr("data-macro", name).Body(
			el("span").Class("mono").Body(markCode(name, false)...),
			app.Text(" "+value),
		)
	}
	event := linux && w.Event != 0
	return el("div").Class("wait").Attr("data-role", "wait").Body(
		el("p").Body(
			el("span").Class("mono").Body(markCode("wait4() → ", false)...),
			el("strong").Text(ret),
		),
		hidden(el("div").Class("macros"), !hasStatus).Body(
			el("span").Class("mono status").Text("status 0x"+hex4(status)),
			macro("WIFSTOPPED", w.Kind == sim.WaitStopped, "WSTOPSIG = "+sigText(w.Sig, linux)),
			macro("WIFEXITED", w.Kind == sim.WaitExited, "WEXITSTATUS = "+itoa(w.Status)),
			macro("WIFSIGNALED", w.Kind == sim.WaitKilled, "WTERMSIG = "+sigText(w.Sig, linux)),
			hidden(el("span").Class("macro").Attr("data-on", true), !event).Body(
				el("span").Class("mono").Text("status>>16"), app.Text(" = "+w.Event.String())),
		),
	)
}

// siginfoText is pl_siginfo as the record shows it while PL_FLAG_SI is set:
// si_signo and si_code, the code glossed in plain words, and where si_signo is not
// the stop signal, that the siginfo is left from an earlier signal stop (9.x never
// clears td_dbgksi; sim/siginfo.go). "" when the record has none (Linux, or
// PL_FLAG_SI clear).
func siginfoText(v debuggerView, l sim.LwpInfo) string {
	if v.Linux || l.Flags&sim.PL_FLAG_SI == 0 {
		return ""
	}
	s := "si_signo " + l.Siginfo.Signo.String() + ", si_code " + l.Siginfo.Code.String()
	if g := l.Siginfo.Code.Gloss(); g != "" {
		s += " (" + g + ")"
	}
	if l.Siginfo.Signo != l.Sig {
		s += "; left from an earlier " + l.Siginfo.Signo.String() + " stop, not this one"
	}
	return s
}

// renderRecord draws a PT_LWPINFO record (Linux: the event and the event
// message); changed marks the flags that changed this step.
func renderRecord(v debuggerView, l sim.LwpInfo, changed sim.PLFlags) app.UI {
	event := l.Event.String()
	names := [3]string{"stop signal", "pl_event", "pl_child_pid"}
	if v.Linux {
		event = l.LinuxEv.String()
		names = [3]string{"stop signal", "event", "GETEVENTMSG"}
	}
	child := "0"
	if l.ChildPid != 0 {
		child = itoa(l.ChildPid) + " (" + l.ChildName + ")"
	}
	chips := make([]app.UI, 0, len(sim.PLFlagNames))
	for _, f := range sim.PLFlagNames {
		has := v.Design.HasPLFlag(f.Flag)
		ch := changed&f.Flag != 0 && has
		state := "clear"
		switch {
		case !has:
			state = "n/a"
		case l.Flags&f.Flag != 0:
			state = "set"
		}
		label := f.Name + ": " + state
		text := f.Name[len("PL_FLAG_"):]
		if !has {
			label = f.Name + ": not in " + v.Design.Short()
			text += " n/a"
		}
		if ch {
			label += ", changed this step"
		}
		chips = append(chips, el("li").Class("chip term").
			Attr("data-flag", f.Name).
			Attr("data-term", f.Name).
			Attr("tabindex", -1).
			Attr("data-state", state).
			Attr("data-changed", ch).
			Title(label).
			Attr("aria-label", label).
			Text(text))
	}
	fields := []app.UI{
		el("dt").Class("mono").Body(markCode(names[0], false)...), el("dd").Body(markCode(sigText(l.Sig, v.Linux), false)...),
		el("dt").Class("mono").Body(markCode(names[1], false)...), el("dd").Class("mono").Attr("data-role", "event").Body(markCode(event, false)...),
		el("dt").Class("mono").Body(markCode(names[2], false)...), el("dd").Class("mono").Attr("data-role", "child").Text(child),
	}
	if si := siginfoText(v, l); si != "" {
		fields = append(fields,
			el("dt").Class("mono").Body(markCode("pl_siginfo", false)...),
			el("dd").Attr("data-role", "siginfo").Attr("data-code", l.Siginfo.Code.String()).Text(si))
	}
	return el("div").Class("lwpinfo").Attr("data-role", "lwpinfo").Attr("data-flags", l.Flags.String()).Body(
		el("dl").Class("fields").Body(fields...),
		hidden(termGroup(el("ul").Class("chips"), "pl_flags: "+l.Flags.String()), v.Linux).Body(chips...),
	)
}

// hex4 writes n in hexadecimal with at least four digits.
func hex4(n int) string {
	s := strconv.FormatInt(int64(n), 16)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}
