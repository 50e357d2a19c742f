package scenarios

import (
	"strconv"
	"strings"

	"forklab/sim"
)

// checkResult compares a step's result with its expectation.
func (x *executor) checkResult(s *Step, exp *Result, res sim.CallResult) Check {
	c := Check{Pos: exp.Pos, Expected: exp.Text, Got: gotText(s, res)}
	switch exp.Kind {
	case ResOK:
		c.OK = res.Errno == 0
	case ResErrno:
		c.OK = res.Errno == exp.Errno
	case ResBlocks:
		c.OK = false // it has a value
	case ResName:
		c.OK = res.Errno == 0 && res.Name == exp.Name
	case ResValue:
		c.OK = res.Errno == 0 && res.Ret == exp.Value
	case ResZero:
		c.OK = res.Wait != nil && res.Wait.Kind == sim.WaitNone
	case ResStopped, ResExited, ResKilled:
		c.OK = waitMatches(exp, res.Wait)
	case ResLwpinfo:
		c.OK = res.Lwp != nil && lwpMatches(x.run.Design, exp, *res.Lwp)
	}
	return c
}

// gotText renders a call's result in the RESULT syntax, and a stop's ptrace event
// after it (linux: "P stopped SIGTRAP PTRACE_EVENT_EXEC").
func gotText(s *Step, res sim.CallResult) string {
	if res.Errno == 0 && res.Wait != nil {
		return res.Wait.String()
	}
	return resultText(s, res)
}

// resultText renders a call's result in the RESULT syntax, as an expectation of it
// is written.
func resultText(s *Step, res sim.CallResult) string {
	switch {
	case res.Errno != 0:
		return res.Errno.String()
	case res.Wait != nil:
		w := *res.Wait
		w.Event = 0
		return w.String()
	case res.Lwp != nil:
		return res.Lwp.String()
	case res.Name != "":
		return res.Name
	case s.Op.Call == sim.CallRead:
		return strconv.Itoa(res.Ret)
	}
	return "ok"
}

func waitMatches(exp *Result, w *sim.WaitResult) bool {
	if w == nil || w.Name != exp.Name {
		return false
	}
	switch exp.Kind {
	case ResStopped:
		return w.Kind == sim.WaitStopped && w.Sig == exp.Signal
	case ResExited:
		return w.Kind == sim.WaitExited && w.Status == exp.Status
	}
	return w.Kind == sim.WaitKilled && w.Sig == exp.Signal
}

// lwpMatches checks lwpinfo tokens; a flag the design does not have is always clear.
func lwpMatches(d *sim.Design, exp *Result, l sim.LwpInfo) bool {
	if l.Sig != exp.Signal {
		return false
	}
	if l.Flags&exp.Set != exp.Set || l.Flags&exp.Clear != 0 {
		return false
	}
	if exp.Exact && l.Flags != exp.Flags {
		return false
	}
	if exp.HasChild {
		if exp.Child == "" {
			if l.ChildPid != 0 {
				return false
			}
		} else if l.ChildName != exp.Child {
			return false
		}
	}
	if exp.HasEvent {
		if d.Linux() {
			return !exp.EventIsPL && l.LinuxEv == exp.Event
		}
		return exp.EventIsPL && l.Event == exp.PLEvent
	}
	return true
}

// checkExpect checks an expect line against the state now.
func (x *executor) checkExpect(e *Expect) Check {
	c := Check{Pos: e.Pos, Expected: expectText(e)}
	snap := x.k.Snapshot()
	v, ok := snap.Proc(e.Proc)
	if !ok {
		c.Got = e.Proc + " does not exist yet"
		return c
	}
	name := func(pid int) string { return nameOf(&snap, pid) }
	switch e.Kind {
	case ExpParent:
		c.Got = "parent " + e.Proc + " is " + name(v.Parent)
		c.OK = name(v.Parent) == e.Other && v.State != sim.StateReaped
	case ExpRealParent:
		c.Got = "realparent " + e.Proc + " is " + name(v.RealParent)
		c.OK = name(v.RealParent) == e.Other && v.State != sim.StateReaped
	case ExpTraced:
		other := e.Other
		if other == "" {
			other = "none"
		}
		c.Got = "traced " + e.Proc + " by " + name(v.Tracer)
		c.OK = name(v.Tracer) == other
	case ExpState:
		c.Got = "state " + e.Proc + " is " + expectState(&v)
		want, _ := sim.ParseState(e.State)
		c.OK = v.State == want && (e.Signal == 0 || v.StopSig == e.Signal)
	}
	return c
}

// nameOf returns the name of process pid in snap, or "none" (pid 0, or no such
// process), as expect lines write it.
func nameOf(snap *sim.Snapshot, pid int) string {
	if p, ok := snap.ByPid(pid); ok && pid != 0 {
		return p.Name
	}
	return "none"
}

// expectState writes a process's state as `expect state` does: "stopped SIGSTOP",
// "zombie".
func expectState(v *sim.ProcView) string {
	if v.State == sim.StateStopped {
		return v.State.String() + " " + v.StopSig.String()
	}
	return v.State.String()
}

func expectText(e *Expect) string {
	switch e.Kind {
	case ExpParent:
		return "parent " + e.Proc + " is " + e.Other
	case ExpRealParent:
		return "realparent " + e.Proc + " is " + e.Other
	case ExpTraced:
		if e.Other == "" {
			return "traced " + e.Proc + " by none"
		}
		return "traced " + e.Proc + " by " + e.Other
	case ExpState:
		s := "state " + e.Proc + " is " + e.State
		if e.Signal != 0 {
			s += " " + e.Signal.String()
		}
		return strings.TrimSpace(s)
	}
	return "deadlock"
}
