package sim

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Formats are the trace formats a Renderer writes.
var Formats = []string{"plain", "kdump", "truss", "strace"}

// Line is one line of a rendered trace, with the step whose run produced it.
type Line struct {
	Op   int
	Text string
}

// Renderer turns events into trace lines in one format. It keeps state across
// steps, since a call can start in one step and return in another.
type Renderer struct {
	format  string
	os      *OS
	pending map[int]*SyscallEnter // strace: calls entered and not yet printed
	split   map[int]bool          // strace: calls printed as <unfinished ...>
	names   map[int]string        // pid → NAME[pid]
}

// NewRenderer returns a renderer for format ("plain", "kdump", "truss" or
// "strace"), or an error for another name. names gives NAME[pid] for the pids that
// events mention (Kernel.Names).
func NewRenderer(format string, d *Design, names map[int]string) (*Renderer, error) {
	for _, f := range Formats {
		if f == format {
			return &Renderer{format: format, os: d.os, names: names,
				pending: map[int]*SyscallEnter{}, split: map[int]bool{}}, nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Render returns the lines for events.
func (r *Renderer) Render(events []Event) []Line {
	var out []Line
	for _, e := range events {
		b := e.Common()
		var texts []string
		switch r.format {
		case "plain":
			texts = r.plain(e)
		case "kdump":
			texts = r.kdump(e)
		case "truss":
			texts = r.truss(e)
		case "strace":
			texts = r.strace(e)
		}
		for _, t := range texts {
			out = append(out, Line{Op: b.Op, Text: t})
		}
	}
	return out
}

// plain: one line an event, "NAME[pid] function: what happened".
func (r *Renderer) plain(e Event) []string {
	b := e.Common()
	s := Describe(e, r.name)
	if s == "" {
		return nil
	}
	return []string{fmt.Sprintf("%-10s %-16s %s", b.Proc, b.Func, s)}
}

// name returns NAME[pid] for pid.
func (r *Renderer) name(pid int) string {
	if n, ok := r.names[pid]; ok {
		return n
	}
	return "pid " + itoa(pid)
}

// Describe says in words what an event means; name renders a pid.
func Describe(e Event, name func(int) string) string {
	switch e := e.(type) {
	case *SyscallEnter:
		return "calls " + e.Call + "(" + e.Args() + ")"
	case *SyscallReturn:
		if e.Errno != 0 {
			return e.Call + " returns -1 " + e.Errno.String()
		}
		return e.Call + " returns " + e.Value
	case *Unfinished:
		if e.Returned {
			return e.Call + " has returned; the process stops before it reaches user mode"
		}
		return e.Call + " has not returned yet"
	case *Resumed:
		return e.Call + " goes on"
	case *Blocked:
		return "sleeps: " + e.On
	case *Forked:
		s := "creates " + name(e.Child)
		if e.SharedVM {
			s += ", sharing its memory"
		}
		switch {
		case e.Vfork && e.WaitsIn != "":
			s += "; TDP_RFPPWAIT: it will wait in " + e.WaitsIn + " for the child to exec or exit"
		case e.Vfork:
			s += ", and waits for it to exec or exit"
		}
		if e.Followed {
			s += " (followed by the debugger)"
		}
		return s
	case *Execed:
		return "execs " + e.Path + ": a new, empty address space"
	case *Stopped:
		kind := "stops"
		if e.Trace {
			kind = "stops for its debugger"
		}
		s := kind + " with " + e.Sig.String() + ": " + e.Why
		if e.Flags != 0 {
			s += " (pl_flags " + e.Flags.String() + ")"
		}
		if e.LinuxEvent != 0 {
			s += " (" + e.LinuxEvent.String() + ")"
		}
		if e.Assumption != "" {
			s += " [assumption " + e.Assumption + "]"
		}
		return s
	case *Continued:
		s := "continues"
		if e.By != 0 {
			s = "resumed by " + name(e.By)
		}
		if e.Sig != 0 {
			s += " with " + e.Sig.String()
		}
		return s
	case *Reparented:
		s := "re-parented from " + name(e.From) + " to " + name(e.To)
		if e.Orphan {
			s += "; on " + name(e.From) + "'s p_orphans (" + e.Mark + ")"
		}
		return s
	case *Attached:
		return "traced by " + name(e.Tracer)
	case *Detached:
		return "no longer traced by " + name(e.Tracer)
	case *SignalSent:
		if e.Discarded {
			return e.Sig.String() + " from " + name(e.From) + " discarded (ignored by default)"
		}
		return e.Sig.String() + " posted by " + name(e.From)
	case *SignalTaken:
		return "takes " + e.Sig.String() + ": " + e.Action
	case *Exited:
		if e.Sig != 0 {
			return "killed by " + e.Sig.String() + ", now a zombie"
		}
		return "exits with " + itoa(e.Status) + ", now a zombie"
	case *Reaped:
		return "reaped by " + name(e.By)
	case *HandedBack:
		return "handed back to its real parent " + name(e.To) + " instead of being freed"
	case *WaitReturned:
		return "wait4 returns " + e.Result.String()
	case *LwpinfoRead:
		s := "reads the stop of " + name(e.Target) + ": " + e.Info.String()
		if !e.Info.Linux && e.Info.Flags&PL_FLAG_SI != 0 {
			s += ", siginfo " + e.Info.Siginfo.String()
		}
		return s
	case *Assumed:
		return "assumption " + e.Name + ": " + e.Text
	case *MemoryAccess:
		s := "loads " + e.Var + " = " + itoa(e.Value)
		if e.Write {
			s = "stores " + e.Var + " = " + itoa(e.Value)
		}
		if len(e.Shared) > 0 {
			s += " (memory shared with " + names(e.Shared, name) + ")"
		}
		return s
	}
	return ""
}

func names(pids []int, name func(int) string) string {
	var parts []string
	for _, p := range pids {
		parts = append(parts, name(p))
	}
	return strings.Join(parts, ", ")
}

// kdump: "  PID NAME     OP    detail", with CALL, RET, NAMI, PSIG, and STOP/EXIT
// lines for what ktrace does not record.
func (r *Renderer) kdump(e Event) []string {
	b := e.Common()
	name, _, _ := strings.Cut(b.Proc, "[")
	line := func(op, detail string) []string {
		return []string{fmt.Sprintf("%6d %-8s %-5s %s", b.Pid, name, op, detail)}
	}
	switch e := e.(type) {
	case *SyscallEnter:
		return line("CALL", e.Call+"("+e.Args()+")")
	case *SyscallReturn:
		if e.Errno != 0 {
			return line("RET", e.Call+" -1 errno "+e.Errno.String())
		}
		return line("RET", e.Call+" "+e.Value)
	case *Execed:
		return line("NAMI", `"`+e.Path+`"`)
	case *SignalTaken:
		return line("PSIG", e.Sig.String()+" SIG_DFL "+e.Action)
	case *Stopped:
		s := e.Sig.String()
		if e.Trace {
			s += " ptrace stop"
		}
		if e.Flags != 0 {
			s += " pl_flags=" + e.Flags.String()
		}
		return line("STOP", s)
	case *Exited:
		if e.Sig != 0 {
			return line("EXIT", "killed "+e.Sig.String())
		}
		return line("EXIT", "status "+itoa(e.Status))
	}
	return nil
}

// truss: "PID: call(args) = value", "PID: SIGNAL n (NAME)", "PID: process exit".
func (r *Renderer) truss(e Event) []string {
	b := e.Common()
	pfx := itoa(b.Pid) + ": "
	switch e := e.(type) {
	case *SyscallReturn:
		call := e.Call + "(" + r.args(b.Pid) + ")"
		delete(r.pending, b.Pid)
		if e.Errno != 0 {
			return []string{pfx + call + " ERR#" + e.Errno.String()}
		}
		return []string{pfx + call + " = " + e.Value}
	case *SyscallEnter:
		r.pending[b.Pid] = e
	case *SignalTaken:
		return []string{pfx + "SIGNAL " + itoa(r.os.signo(e.Sig)) + " (" + e.Sig.String() + ")"}
	case *Stopped:
		if e.Trace && e.Why != "" {
			return []string{pfx + "<stopped " + e.Sig.String() + ": " + e.Why + ">"}
		}
	case *Forked:
		if e.Followed {
			return []string{itoa(e.Child) + ": <new process>"}
		}
	case *Exited:
		delete(r.pending, b.Pid)
		if e.Sig != 0 {
			return []string{pfx + "process killed, signal = " + itoa(r.os.signo(e.Sig))}
		}
		return []string{pfx + "process exit, rval = " + itoa(e.Status)}
	}
	return nil
}

func (r *Renderer) args(pid int) string {
	if e := r.pending[pid]; e != nil {
		return e.Args()
	}
	return ""
}

// strace: "[pid N] call(args) = value", split calls as "<unfinished ...>" and
// "<... call resumed>", signals as "--- SIG ---", ends as "+++ exited with N +++".
func (r *Renderer) strace(e Event) []string {
	b := e.Common()
	out := r.straceLines(e)
	if len(out) == 0 {
		return nil
	}
	// A line of another process, or a stop of the same one, interrupts a call that
	// has not returned yet.
	ends := false
	switch e.(type) {
	case *SyscallReturn, *Unfinished, *Exited:
		ends = true
	}
	var pre []string
	for _, pid := range slices.Sorted(maps.Keys(r.pending)) {
		if pe := r.pending[pid]; pid != b.Pid || !ends {
			pre = append(pre, "[pid "+itoa(pid)+"] "+pe.Call+"("+pe.Args()+" <unfinished ...>")
			r.split[pid] = true
			delete(r.pending, pid)
		}
	}
	return append(pre, out...)
}

func (r *Renderer) straceLines(e Event) []string {
	b := e.Common()
	pfx := "[pid " + itoa(b.Pid) + "] "
	switch e := e.(type) {
	case *SyscallEnter:
		r.pending[b.Pid] = e
	case *Unfinished:
		if pe := r.pending[b.Pid]; pe != nil {
			r.split[b.Pid] = true
			delete(r.pending, b.Pid)
			return []string{pfx + pe.Call + "(" + pe.Args() + " <unfinished ...>"}
		}
	case *SyscallReturn:
		val := " = " + e.Value
		if e.Errno != 0 {
			val = " = -1 " + e.Errno.String()
		}
		line := pfx + "<... " + e.Call + " resumed>)" + val
		if pe := r.pending[b.Pid]; pe != nil && !r.split[b.Pid] {
			line = pfx + pe.Call + "(" + pe.Args() + ")" + val
		}
		delete(r.pending, b.Pid)
		delete(r.split, b.Pid)
		return []string{line}
	case *Stopped:
		if e.Trace {
			s := pfx + "--- stopped by " + e.Sig.String()
			if e.LinuxEvent != 0 {
				s += " (" + e.LinuxEvent.String() + ")"
			}
			return []string{s + " ---"}
		}
	case *SignalTaken:
		return []string{pfx + "--- " + e.Sig.String() + " {si_signo=" + e.Sig.String() + "} ---"}
	case *Exited:
		var out []string
		if pe := r.pending[b.Pid]; pe != nil {
			if pe.Call == "exit" {
				out = append(out, pfx+"exit("+pe.Args()+") = ?")
			} else {
				out = append(out, pfx+pe.Call+"("+pe.Args()+" <unfinished ...>) = ?")
			}
			delete(r.pending, b.Pid)
		}
		delete(r.split, b.Pid)
		if e.Sig != 0 {
			return append(out, pfx+"+++ killed by "+e.Sig.String()+" +++")
		}
		return append(out, pfx+"+++ exited with "+itoa(e.Status)+" +++")
	}
	return nil
}
