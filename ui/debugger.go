package ui

// This file shows the debugger's view under each tree: what the last wait4()
// returned, decoded into the <sys/wait.h> macros a debugger uses, and the
// PT_LWPINFO record of the process it examines, every pl_flags bit a chip
// (lit when set, marked when it changed this step, "n/a" where the design has
// no such flag). Linux panes show the stop's PTRACE_EVENT and
// PTRACE_GETEVENTMSG instead.
//
// "The debugger" is whoever made the most recent wait4() or ptrace() call up
// to this frame; the process it examines is the target of that call, or for
// a wait, the process the wait reported.

import (
	"strconv"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// debuggerView is the debugger's view at one frame.
type debuggerView struct {
	Linux    bool
	Design   *sim.Design
	Actor    int    // the debugger's pid, 0 when no wait or ptrace has run yet
	Name     string // NAME[pid]
	Call     string // the call it made last, as written in the scenario
	Wait     *sim.WaitResult
	Examined int // the process whose PT_LWPINFO record is shown, 0 if none
	ExName   string
	Lwp      *sim.LwpInfo // nil when the examined process is not in a trace stop
	NoLwp    string       // why there is no record
	Changed  sim.PLFlags  // flags that differ from the previous frame's record
	Prev     *sim.LwpInfo
}

// buildDebugger finds the debugger's view at frame i of rv.
func buildDebugger(rv *runView, i int) debuggerView {
	v := debuggerView{Linux: rv.Design.Linux(), Design: rv.Design}
	frames := rv.Run.Frames
	var last *scenarios.Step
	for j := i; j >= 1 && last == nil; j-- {
		s := frames[j].Step
		if s != nil && (s.Op.Call == sim.CallWait || s.Op.Call == sim.CallPtrace) {
			last = s
		}
	}
	if last == nil {
		v.NoLwp = "No process has called wait4() or ptrace() yet."
		return v
	}
	snap := &frames[i].Snapshot
	actor, ok := snap.Proc(last.Op.Actor)
	if !ok {
		return v
	}
	v.Actor, v.Name, v.Call = actor.Pid, rv.name(actor.Pid), last.Source
	v.Wait = actor.LastWait

	target := ""
	if last.Op.Call == sim.CallWait && v.Wait != nil && v.Wait.Pid > 0 {
		target = v.Wait.Name
	} else {
		target = last.Op.Target
	}
	ex, ok := snap.Proc(target)
	if !ok {
		if target != "" {
			v.NoLwp = target + " does not exist yet."
		} else {
			v.NoLwp = "The last wait4() named no process."
		}
		return v
	}
	v.Examined, v.ExName = ex.Pid, rv.name(ex.Pid)
	v.Lwp = ex.Lwpinfo
	if v.Lwp == nil {
		v.NoLwp = v.ExName + " is " + stateBadge(ex) + ", not in a trace stop: PT_LWPINFO would fail with EBUSY."
		if v.Linux {
			v.NoLwp = v.ExName + " is " + stateBadge(ex) + ", not in a ptrace stop: there is no event to read."
		}
	}
	if i > 0 {
		if prev, ok := frames[i-1].Snapshot.ByPid(ex.Pid); ok {
			v.Prev = prev.Lwpinfo
		}
	}
	var now, before sim.PLFlags
	if v.Lwp != nil {
		now = v.Lwp.Flags
	}
	if v.Prev != nil {
		before = v.Prev.Flags
	}
	v.Changed = now ^ before
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
	V     debuggerView
	Later bool // leave it for the next frame (App.restLater)
}

func (p *debuggerPanel) Render() app.UI {
	if p.Later {
		return el("section").Class("debugger").Attr("data-role", "debugger")
	}
	return renderDebugger(p.V)
}

// renderDebugger draws v.
func renderDebugger(v debuggerView) app.UI {
	// Every part keeps its place, shown or hidden, so that stepping updates
	// it in place.
	note := v.NoLwp
	return el("section").Class("debugger").
		Attr("data-role", "debugger").
		Attr("data-actor", v.Actor).
		Attr("data-examined", v.Examined).
		Body(
			el("h4").Body(
				app.Text("Debugger's view: "),
				el("span").Class("mono").Text(v.Name),
			),
			hidden(el("p").Class("muted"), v.Actor != 0).Text(note),
			renderWait(v),
			renderLwpinfo(v),
		)
}

func renderWait(v debuggerView) app.UI {
	w := v.Wait
	none := w == nil || v.Actor == 0
	var ret, data string
	status, hasStatus := 0, false
	stopped, exited, killed, event := false, false, false, false
	var wsig, wstatus, tsig, ev string
	if none {
		data = "none"
	} else {
		data = w.String()
		switch w.Kind {
		case sim.WaitErr:
			ret = "-1, errno " + w.Errno.String()
		case sim.WaitNone:
			ret = "0: no child to report"
		default:
			ret = itoa(w.Pid) + " (" + w.Name + ")"
		}
		status, hasStatus = waitStatus(w, v.Linux)
		stopped, exited, killed = w.Kind == sim.WaitStopped, w.Kind == sim.WaitExited, w.Kind == sim.WaitKilled
		event = v.Linux && w.Event != 0
		wsig, wstatus, tsig, ev = "WSTOPSIG = "+sigText(w.Sig, v.Linux), "WEXITSTATUS = "+itoa(w.Status), "WTERMSIG = "+sigText(w.Sig, v.Linux), w.Event.String()
	}
	macro := func(name string, on bool, value string) app.UI {
		if !on {
			value = ""
		}
		return el("span").Class("macro").Attr("data-on", on).Attr("data-macro", name).Body(
			el("span").Class("mono").Text(name),
			app.Text(" "+value),
		)
	}
	return hidden(el("div").Class("wait").Attr("data-role", "wait").Attr("data-wait", data), v.Actor == 0).Body(
		hidden(el("p"), none).Body(
			el("span").Class("mono").Text("wait4() → "),
			el("strong").Text(ret),
		),
		hidden(el("p").Class("muted"), !none).Text(shortName(v.Name)+" has not returned from a wait4() yet."),
		hidden(el("div").Class("macros"), !hasStatus).Body(
			el("span").Class("mono status").Text("status 0x"+hex4(status)),
			macro("WIFSTOPPED", stopped, wsig),
			macro("WIFEXITED", exited, wstatus),
			macro("WIFSIGNALED", killed, tsig),
			hidden(el("span").Class("macro").Attr("data-on", true), !event).Body(
				el("span").Class("mono").Text("status>>16"), app.Text(" = "+ev)),
		),
	)
}

func renderLwpinfo(v debuggerView) app.UI {
	title := "PT_LWPINFO"
	if v.Linux {
		title = "ptrace event and PTRACE_GETEVENTMSG"
	}
	of := ""
	if v.ExName != "" {
		of = " of "
	}
	l := v.Lwp
	var flags sim.PLFlags
	sig, event, child := "", "", "0"
	if l != nil {
		flags = l.Flags
		sig, event = sigText(l.Sig, v.Linux), l.Event.String()
		if v.Linux {
			event = l.LinuxEv.String()
		}
		if l.ChildPid != 0 {
			child = itoa(l.ChildPid) + " (" + l.ChildName + ")"
		}
	}
	dataFlags := "none"
	if l != nil {
		dataFlags = flags.String()
	}
	names := [3]string{"stop signal", "pl_event", "pl_child_pid"}
	if v.Linux {
		names = [3]string{"stop signal", "event", "GETEVENTMSG"}
	}
	chips := make([]app.UI, 0, len(sim.PLFlagNames))
	for _, f := range sim.PLFlagNames {
		has := v.Design.HasPLFlag(f.Flag)
		changed := v.Changed&f.Flag != 0 && has && l != nil
		state := "clear"
		switch {
		case !has:
			state = "n/a"
		case flags&f.Flag != 0:
			state = "set"
		}
		label := f.Name + ": " + state
		text := f.Name[len("PL_FLAG_"):]
		if !has {
			label = f.Name + ": not in " + v.Design.Short()
			text += " n/a"
		}
		if changed {
			label += ", changed this step"
		}
		chips = append(chips, el("li").Class("chip").
			Attr("data-flag", f.Name).
			Attr("data-state", state).
			Attr("data-changed", changed).
			Title(label).
			Attr("aria-label", label).
			Text(text))
	}
	return hidden(el("div").Class("lwpinfo").Attr("data-role", "lwpinfo").Attr("data-flags", dataFlags), v.Actor == 0).Body(
		el("p").Body(el("span").Class("mono").Text(title), app.Text(of), el("span").Class("mono").Text(v.ExName)),
		hidden(el("p").Class("muted"), l != nil).Text(v.NoLwp),
		hidden(el("dl").Class("fields"), l == nil).Body(
			el("dt").Class("mono").Text(names[0]), el("dd").Text(sig),
			el("dt").Class("mono").Text(names[1]), el("dd").Class("mono").Attr("data-role", "event").Text(event),
			el("dt").Class("mono").Text(names[2]), el("dd").Class("mono").Attr("data-role", "child").Text(child),
		),
		hidden(el("ul").Class("chips").Attr("aria-label", "pl_flags: "+flags.String()), l == nil || v.Linux).Body(chips...),
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
