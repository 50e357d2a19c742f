package scenarios

import "forklab/sim"

// Report is what one call told its caller: the value of a wait4 or a PT_LWPINFO
// (on Linux, the stop's event and PTRACE_GETEVENTMSG) that has returned to it.
// Result.Returned is the frame the caller learnt it in.
type Report struct {
	Proc   string // the caller
	Result StepResult
}

// Unreported is kernel state that no call has reported: a process in a trace
// stop whose record no PT_LWPINFO (Linux: event request) has returned since the
// stop began. Lwp is what such a call would return.
type Unreported struct {
	Proc  string
	Since int // the frame the stop began in
	Lwp   sim.LwpInfo
}

// Learnt says what the processes know at frame n (the last frame past the end):
// for each process, in file order, the last wait4 and the last PT_LWPINFO that
// returned to it, and then each process in a trace stop whose record no call has
// read since it stopped.
func (r *Run) Learnt(n int) ([]Report, []Unreported) {
	n = min(n, len(r.Frames)-1)
	// A caller runs one call at a time, so in frame order its later calls
	// return later.
	byCaller := map[string][2]*StepResult{} // the caller's last wait, last lwpinfo
	readAt := map[string]int{}              // the frame a process's record was last read in
	for i := 1; i <= n; i++ {
		for _, res := range r.Frames[i].Results {
			if !res.ReturnedBy(n) {
				continue
			}
			kind := reportKind(res.Step)
			if kind < 0 {
				continue
			}
			cur := byCaller[res.Step.Op.Actor]
			cur[kind] = &res
			byCaller[res.Step.Op.Actor] = cur
			if kind == 1 && res.Res.Lwp != nil {
				readAt[res.Step.Op.Target] = max(readAt[res.Step.Op.Target], res.Returned)
			}
		}
	}
	var reports []Report
	var unreported []Unreported
	for _, name := range r.File.Names {
		for _, res := range byCaller[name] {
			if res != nil {
				reports = append(reports, Report{Proc: name, Result: *res})
			}
		}
	}
	procs := newProcIndex(&r.Frames[n].Snapshot)
	for _, name := range r.File.Names {
		v, ok := procs.proc(name)
		if !ok || v.Lwpinfo == nil {
			continue
		}
		since := stoppedSince(r, v.Pid, n)
		if readAt[name] < max(since, 1) {
			unreported = append(unreported, Unreported{Proc: name, Since: since, Lwp: *v.Lwpinfo})
		}
	}
	return reports, unreported
}

// reportKind is 0 for a wait4, 1 for a PT_LWPINFO, -1 for other calls.
func reportKind(s *Step) int {
	switch {
	case s.Op.Call == sim.CallWait:
		return 0
	case s.Op.Call == sim.CallPtrace && s.Op.Req == sim.PTLwpinfo:
		return 1
	}
	return -1
}

// stoppedSince returns the frame, at or before n, in which pid last entered a
// trace stop.
func stoppedSince(r *Run, pid, n int) int {
	for i := n; i >= 1; i-- {
		for _, e := range r.Frames[i].Events {
			if st, ok := e.(*sim.Stopped); ok && st.Trace && st.Pid == pid {
				return i
			}
		}
	}
	return 0
}
