package sim

// This file implements ptrace(2) on FreeBSD (sys/kern/sys_process.c:kern_ptrace()).
// Requests are modelled by name: a request the design lacks fails as that kernel
// fails an unknown request (EINVAL), and the trace says so. Every request but
// PT_TRACE_ME and PT_ATTACH needs the target traced (EPERM), traced by the caller
// (EBUSY) and stopped with its stop seen by wait (EBUSY) (§3).

// stagePtrace is ptrace(2).
func stagePtrace(k *Kernel, p *Proc, a *kact) bool {
	if errno := k.os.ptrace(k, p, a); errno != 0 {
		k.setReturn(p, a, "-1", errno)
	} else {
		k.setReturn(p, a, "0", 0)
	}
	return true
}

func (k *Kernel) kernPtrace(p *Proc, a *kact) Errno {
	op := a.op
	if !k.d.HasRequest(op.Req) {
		return EINVAL
	}
	if op.Req == PTTraceMe {
		return k.ptTraceMe(p)
	}
	t := k.pfind(k.pidOf(op.Target))
	if t == nil {
		return ESRCH
	}
	if op.Req == PTAttach {
		return k.ptAttach(p, t)
	}
	switch {
	case !t.traced():
		return EPERM
	case t.pptr != p:
		return EBUSY
	case t.flag&P_STOPPED_TRACE == 0 || t.flag&P_WAITED == 0:
		return EBUSY
	}
	switch op.Req {
	case PTDetach:
		k.ptDetach(p, t, op.Signal)
	case PTContinue:
		k.resume(p, t, op.Signal, "kern_ptrace")
	case PTToSCE, PTToSCX, PTSyscall:
		k.setSyscallStops(t, op.Req)
		k.resume(p, t, 0, "kern_ptrace")
	case PTKill:
		// PT_KILL: data = SIGKILL through the sendsig path (P_WKILLED: no stop).
		t.killed = true
		k.resume(p, t, SIGKILL, "kern_ptrace")
	case PTFollowFork:
		if k.d.eventMask {
			t.ptevents = setBits(t.ptevents, PTRACE_FORK, op.On) // only PTRACE_FORK (ptrace__event_mask)
		} else if op.On {
			t.flag |= P_FOLLOWFORK
		} else {
			t.flag &^= P_FOLLOWFORK
		}
	case PTFollowExec:
		k.assume(t, "A1", "kern_ptrace")
		t.followExc = op.On
	case PTSetEvents:
		t.ptevents = op.Events
	case PTEditEvents:
		t.ptevents = t.ptevents&^op.Del | op.Events
	case PTLwpinfo:
		k.readLwpinfo(p, t, a, "kern_ptrace")
	}
	return 0
}

// readLwpinfo gives the debugger p what PT_LWPINFO (linux: the stop's event and
// PTRACE_GETEVENTMSG) says of t.
func (k *Kernel) readLwpinfo(p, t *Proc, a *kact, fn string) {
	info := k.lwpinfo(t)
	k.results[a.opIdx].Lwp = &info
	k.emit(&LwpinfoRead{EventBase: k.base(p, fn), Target: t.Pid, Info: info})
}

// pidOf returns the pid of the process called name, or 0.
func (k *Kernel) pidOf(name string) int {
	if q := k.byName(name); q != nil {
		return q.Pid
	}
	return 0
}

// ptTraceMe is PT_TRACE_ME: traced by the parent, no re-parenting (§3).
func (k *Kernel) ptTraceMe(p *Proc) Errno {
	if p.traced() {
		return EBUSY
	}
	p.flag |= P_TRACED
	if k.d.eventMask {
		p.ptevents = PTRACE_DEFAULT
	} else {
		p.oppid = p.pptr.Pid
	}
	k.emit(&Attached{EventBase: k.base(p, "kern_ptrace"), Tracer: p.pptr.Pid})
	return 0
}

// ptAttach is PT_ATTACH: P_TRACED, p_oppid, re-parenting to the debugger and a
// SIGSTOP, whose stop is an ordinary signal stop (§3).
func (k *Kernel) ptAttach(p, t *Proc) Errno {
	switch {
	case t == p:
		return EINVAL
	case t.traced():
		return EBUSY
	case p.traced() && k.isAncestor(t, p):
		return EINVAL // "can't trace an ancestor if you're being traced"
	}
	t.flag |= P_TRACED
	if k.d.eventMask {
		t.ptevents = PTRACE_DEFAULT
	} else {
		t.oppid = t.pptr.Pid
	}
	if t.pptr != p {
		if k.d.dbgChild {
			t.pptr.dbgChild++
		}
		k.procReparent(t, p, "kern_ptrace")
	}
	k.emit(&Attached{EventBase: k.base(t, "kern_ptrace"), Tracer: p.Pid})
	k.psignal(p, t, SIGSTOP, "kern_ptrace")
	return 0
}

// isAncestor reports whether a is on p's chain of p_pptr (which may loop).
func (k *Kernel) isAncestor(a, p *Proc) bool {
	seen := map[*Proc]bool{}
	for q := p.pptr; q != nil && !seen[q]; q = q.pptr {
		if q == a {
			return true
		}
		seen[q] = true
	}
	return false
}

// ptDetach is PT_DETACH: back to the real parent (or init), p_oppid cleared, P_TRACED
// and P_FOLLOWFORK cleared, resumed with sig (§4(g)). 9.x re-parents while P_TRACED is
// still set, so the orphan list puts the child on the debugger's p_orphans (the 9.1
// quirk, A12); current clears P_TRACED first.
func (k *Kernel) ptDetach(p, t *Proc, sig Signal) {
	if k.d.realParentKept {
		t.flag &^= P_TRACED | P_WAITED
		if t.oppid != t.pptr.Pid {
			k.procReparent(t, k.realParentOf(t), "kern_ptrace")
		}
		t.ptevents = 0
	} else {
		if t.oppid != t.pptr.Pid {
			pp := k.pfind(t.oppid)
			if pp == nil {
				pp = k.init
			} else if k.d.dbgChild {
				pp.dbgChild--
			}
			if k.d.proposal && k.d.orphanMark != "" {
				k.assume(t, "A12", "kern_ptrace")
			}
			k.procReparent(t, pp, "kern_ptrace")
		}
		t.oppid = 0
		t.flag &^= P_TRACED | P_WAITED | P_FOLLOWFORK
	}
	t.followExc = false
	k.emit(&Detached{EventBase: k.base(t, "kern_ptrace"), Tracer: p.Pid})
	k.resume(p, t, sig, "kern_ptrace")
}

// setSyscallStops records PT_TO_SCE, PT_TO_SCX or PT_SYSCALL: p_stops bits in 9.x,
// p_ptevents bits in current; neither PT_CONTINUE nor PT_DETACH clears them (§3).
func (k *Kernel) setSyscallStops(t *Proc, r Req) {
	var bits uint32
	var ev EventMask
	switch r {
	case PTToSCE:
		bits, ev = S_PT_SCE, PTRACE_SCE
	case PTToSCX:
		bits, ev = S_PT_SCX, PTRACE_SCX
	default:
		bits, ev = S_PT_SCE|S_PT_SCX, PTRACE_SYSCALL
	}
	if k.d.eventMask {
		t.ptevents |= ev
	} else {
		t.stops |= bits
	}
}

// lwpinfo is what the debugger can read of t's stop, as the system reports it.
func (k *Kernel) lwpinfo(t *Proc) LwpInfo { return k.os.lwpinfo(k, t) }

// ptLwpinfo builds what PT_LWPINFO reports for t (sys_process.c, §2.2):
// PL_EVENT_SIGNAL while TDB_XSIG, and PL_FLAG_SI with pl_siginfo (si_signo,
// si_code) while the thread holds a siginfo; SCE, else SCX; EXEC; FORKED with
// pl_child_pid; CHILD (9.1 and later); VFORKED and VFORK_DONE (current).
func (k *Kernel) ptLwpinfo(t *Proc) LwpInfo {
	td := &t.td
	info := LwpInfo{Sig: Signal(t.xstat)}
	var f PLFlags
	if td.dbgflags&TDB_XSIG != 0 {
		info.Event = PL_EVENT_SIGNAL
		if td.siValid {
			f |= PL_FLAG_SI
			info.Siginfo = td.dbgksi
		}
	}
	if td.dbgflags&TDB_SCE != 0 {
		f |= PL_FLAG_SCE
	} else if td.dbgflags&TDB_SCX != 0 {
		f |= PL_FLAG_SCX
	}
	if td.dbgflags&TDB_EXEC != 0 {
		f |= PL_FLAG_EXEC
	}
	if td.dbgflags&TDB_FORK != 0 {
		f |= PL_FLAG_FORKED
		info.ChildPid = td.dbgForked
		if q := k.procByPid(td.dbgForked); q != nil {
			info.ChildName = q.Name
		}
		if td.dbgflags&TDB_VFORK != 0 {
			f |= PL_FLAG_VFORKED
		}
	} else if k.d.HasPLFlag(PL_FLAG_VFORK_DONE) && td.dbgflags&(TDB_SCX|TDB_VFORK) == TDB_VFORK {
		f |= PL_FLAG_VFORK_DONE
	}
	if k.d.HasPLFlag(PL_FLAG_CHILD) && td.dbgflags&TDB_CHILD != 0 {
		f |= PL_FLAG_CHILD
	}
	info.Flags = f
	return info
}
