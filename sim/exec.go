package sim

// This file implements execve(2) (sys/kern/kern_exec.c:kern_execve(), do_execve()):
// on success the process gets a fresh address space, a vfork parent is released
// (P_PPWAIT cleared), and a traced process reports the exec as its design says
// (§4(d)): a bare SIGTRAP signal (9.0), a stop in kern_execve with PT_FOLLOW_EXEC
// (the proposal, A2) or the old signal without it (A3), a syscall-exit stop with
// PL_FLAG_EXEC|PL_FLAG_SCX (9.1; current while PTRACE_EXEC is in the mask), or
// PTRACE_EVENT_EXEC or a legacy SIGTRAP (linux). A failed exec reports nothing (§4(e)).

// stageExecve is kern_execve().
func stageExecve(k *Kernel, p *Proc, a *kact) bool {
	if a.stop.in {
		// The proposal's exec stop (A2) or linux's PTRACE_EVENT_EXEC stop.
		if !k.ptracestop(p, a, 0, false, "", "kern_execve", "") {
			return false
		}
		p.td.dbgflags &^= TDB_EXEC
		p.event = 0
		return true
	}
	if a.op.Errno != 0 {
		k.setReturn(p, a, "-1", a.op.Errno)
		return true
	}
	k.newVmspace(p, map[string]int{})
	k.emit(&Execed{EventBase: k.base(p, "do_execve"), Path: a.op.Path})
	if p.flag&P_PPWAIT != 0 {
		p.flag &^= P_PPWAIT // the vfork parent wakes (cv_broadcast p_pwait)
	}
	k.setReturn(p, a, "0", 0)
	if !p.traced() {
		return true
	}
	return k.os.execTraced(k, p, a)
}

// freebsdExecTraced is how a traced process reports a successful exec on FreeBSD,
// per design (do_execve(), kern_execve(); §4(d)). It reports whether kern_execve is
// done (false: the process stopped).
func freebsdExecTraced(k *Kernel, p *Proc, a *kact) bool {
	switch {
	case k.d.proposal && p.followExc:
		p.td.dbgflags |= TDB_EXEC
		k.ptracestop(p, a, SIGTRAP, false, "exec event (PT_FOLLOW_EXEC)", "kern_execve", "A2")
		return false
	case k.d.proposal:
		k.assume(p, "A3", "do_execve")
		k.tdsignal(p, SIGTRAP, "do_execve")
	case k.d.execSignal:
		// 9.0: tdsignal(td, SIGTRAP), and TDB_EXEC for a PT_TO_SCX stop (§1.1).
		p.td.dbgflags |= TDB_EXEC
		k.tdsignal(p, SIGTRAP, "do_execve")
	case k.d.eventMask:
		if p.ptevents&PTRACE_EXEC != 0 {
			p.td.dbgflags |= TDB_EXEC
		}
	default:
		p.td.dbgflags |= TDB_EXEC
	}
	return true
}
