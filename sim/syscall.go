package sim

// This file is the system call entry and exit path (sys/kern/subr_syscall.c:
// syscallenter() and syscallret(); Linux ptrace_report_syscall()). The syscall-exit
// stop predicate is where 9.0 and 9.1 differ most (§1.1, §1.3, §8).

// stageSyscallEnter stops a traced process at syscall entry under PT_TO_SCE or
// PT_SYSCALL (FreeBSD), or PTRACE_SYSCALL (linux).
func stageSyscallEnter(k *Kernel, p *Proc, a *kact) bool {
	if !a.stop.in {
		if !p.traced() || !k.stopsAt(p, S_PT_SCE, PTRACE_SCE) {
			return true
		}
		p.td.dbgflags |= TDB_SCE
		k.ptracestop(p, a, SIGTRAP, false, "syscall entry", k.os.fn.sceStop, "")
		return false
	}
	if !k.ptracestop(p, a, 0, false, "", k.os.fn.sceStop, "") {
		return false
	}
	p.td.dbgflags &^= TDB_SCE
	k.eventSignal(p)
	return true
}

// stopsAt reports whether the debugger asked for syscall stops of this kind.
func (k *Kernel) stopsAt(p *Proc, bit uint32, ev EventMask) bool { return k.os.stopsAt(k, p, bit, ev) }

// freebsdStopsAt is stopsAt on FreeBSD: p_stops in 9.x, p_ptevents in current.
func (k *Kernel) freebsdStopsAt(p *Proc, bit uint32, ev EventMask) bool {
	if k.d.eventMask {
		return p.ptevents&ev != 0
	}
	return p.stops&bit != 0
}

// syscallretStages returns the stages of syscallret() for this design.
func (k *Kernel) syscallretStages() []stage {
	s := []stage{stageSyscallExit}
	if k.d.vforkWait != nil {
		s = append(s, stagePPWait) // §1.3: TDP_RFPPWAIT, after the fork stop
	}
	if k.d.eventMask {
		s = append(s, stageVforkDone)
	}
	return s
}

// scxStop reports whether syscallret() stops p: only for PT_TO_SCX in 9.0 and the
// proposal (A6), also for TDB_FORK and TDB_EXEC in 9.1 and later (§8).
func (k *Kernel) scxStop(p *Proc) bool {
	if k.stopsAt(p, S_PT_SCX, PTRACE_SCX) {
		return true
	}
	return k.d.forkStopAtSCX && p.td.dbgflags&(TDB_FORK|TDB_EXEC) != 0
}

// stageSyscallExit is syscallret()'s ptrace hook: TDB_SCX, the stop, and clearing
// TDB_SCX|TDB_EXEC|TDB_FORK whether it stopped or not.
func stageSyscallExit(k *Kernel, p *Proc, a *kact) bool {
	if !a.stop.in {
		if !p.traced() {
			p.td.dbgflags &^= TDB_EXEC | TDB_FORK
			return true
		}
		p.td.dbgflags |= TDB_SCX
		if !k.scxStop(p) {
			p.td.dbgflags &^= TDB_SCX | TDB_EXEC | TDB_FORK
			return true
		}
		assumption := ""
		if k.d.proposal && a.op != nil && (a.op.Call == CallExec || a.child != nil) {
			assumption = "A6" // the fork or exec was reported in the fork or exec code
			k.assume(p, "A11", "syscallret")
		}
		k.ptracestop(p, a, SIGTRAP, false, scxWhy(p.td.dbgflags), k.os.fn.scxStop, assumption)
		return false
	}
	if !k.ptracestop(p, a, 0, false, "", k.os.fn.scxStop, "") {
		return false
	}
	p.td.dbgflags &^= TDB_SCX | TDB_EXEC | TDB_FORK
	k.eventSignal(p)
	return true
}

func scxWhy(f TDBFlags) string {
	switch {
	case f&TDB_FORK != 0:
		return "fork event at syscall exit"
	case f&TDB_EXEC != 0:
		return "exec event at syscall exit"
	}
	return "syscall exit"
}

// stageVforkDone is current's PL_FLAG_VFORK_DONE stop: once the vfork child has
// exec'd or exited, a parent whose debugger asked for PTRACE_VFORK stops again
// (kern_fork.c:fork_rfppwait(); ptrace__ptrace_vfork).
func stageVforkDone(k *Kernel, p *Proc, a *kact) bool {
	if !a.stop.in {
		if p.td.dbgflags&TDB_VFORK == 0 {
			return true
		}
		if !p.traced() || p.ptevents&PTRACE_VFORK == 0 {
			p.td.dbgflags &^= TDB_VFORK
			return true
		}
		k.ptracestop(p, a, SIGTRAP, false, "vfork done", "fork_rfppwait", "")
		return false
	}
	if !k.ptracestop(p, a, 0, false, "", "fork_rfppwait", "") {
		return false
	}
	p.td.dbgflags &^= TDB_VFORK
	k.eventSignal(p)
	return true
}

// eventSignal handles the signal a debugger passed when resuming from a stop that
// was not for a signal: current queues it (kern_sig.c:ptracestop()); 9.x and Linux
// event stops drop it.
func (k *Kernel) eventSignal(p *Proc) {
	sig := p.td.xsig
	p.td.xsig = 0
	if sig != 0 && k.d.resumeQueuesSig {
		k.queueSignal(p, sig, SI_NOINFO) // ptracestop: ksiginfo_init, KSI_PTRACE (siginfo.go)
		p.ptraceSig = sig
	}
}
