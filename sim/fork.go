package sim

import "maps"

// This file implements fork, vfork and rfork on FreeBSD (sys/kern/kern_fork.c):
//
//   - fork1() fails before do_fork() or creates the child there; with the parent
//     traced and following forks, do_fork() marks the parent's thread TDB_FORK and the
//     child's TDB_STOPATFORK, and the parent sleeps until the child has stopped;
//   - the child, in fork_return(), attaches itself to the debugger and stops with
//     SIGSTOP (current attaches it in do_fork already);
//   - the parent's fork event is a stop in syscallret() (9.1 and later), only a
//     PT_TO_SCX stop (9.0), or a stop in the fork code (the 2012 proposal, A4);
//   - a vfork parent waits for the child to exec or exit in do_fork() (9.0) or in
//     syscallret() after its fork stop (9.1 and later, TDP_RFPPWAIT).
//
// ptrace-semantics.md §4(a), (b), (c) and (e) give the sequences per design.

// freebsdForkStages returns the kernel path of fork, vfork and rfork for design d.
func freebsdForkStages(d *Design) []stage {
	s := []stage{stageFork1, stageDbgWait}
	if d.vforkWait == nil {
		s = append(s, stagePPWait) // §1.1: the vfork wait is in do_fork
	}
	s = append(s, stageForkValue)
	if d.proposal {
		s = append(s, stageForkStopProposal)
	}
	return s
}

// forkFlags returns the rfork flags of op's call (sys/kern/kern_fork.c:sys_fork(),
// sys_vfork(), sys_rfork()).
func forkFlags(op *Op) uint32 {
	switch op.Call {
	case CallVfork:
		return RFFDG | RFPROC | RFPPWAIT | RFMEM
	case CallRfork:
		return op.Rfork
	}
	return RFFDG | RFPROC
}

// followsForks reports whether a traced p's forks are followed: P_FOLLOWFORK, or
// PTRACE_FORK in p_ptevents in current (§1.4).
func (k *Kernel) followsForks(p *Proc) bool {
	if !p.traced() {
		return false
	}
	if k.d.eventMask {
		return p.ptevents&PTRACE_FORK != 0
	}
	return p.flag&P_FOLLOWFORK != 0
}

// stageFork1 is fork1() and do_fork().
func stageFork1(k *Kernel, p *Proc, a *kact) bool {
	op := a.op
	if op.Call == CallForkFail {
		// Every failure path of fork1 returns before do_fork, so no TDB_FORK (§4(e)).
		k.setReturn(p, a, "-1", op.Errno)
		return true
	}
	flags := forkFlags(op)
	if k.d.proposal && p.traced() && flags&(RFMEM|RFPPWAIT) != 0 {
		flags &^= RFMEM | RFPPWAIT
		k.assume(p, "A7", "fork1")
	}
	if flags&RFPROC == 0 {
		k.setReturn(p, a, "0", 0)
		return true
	}
	child := k.forkChild(p, op.Child, flags)
	a.child, a.forkFlags = child, flags
	follow := k.followsForks(p)
	if follow {
		p.td.dbgflags |= TDB_FORK
		p.td.dbgForked = child.Pid
		child.td.dbgflags |= TDB_STOPATFORK
		if k.d.proposal {
			// A5: TDB_FORK on the child's thread too.
			child.td.dbgflags |= TDB_FORK
			child.td.dbgForked = child.Pid
		}
		if k.d.attachInDoFork {
			k.attachForkChild(p, child, "do_fork")
		}
	}
	if k.d.eventMask && flags&RFPPWAIT != 0 {
		// current do_fork() marks every vfork TDB_VFORK, traced or not (§4(c) CURRENT).
		p.td.dbgflags |= TDB_VFORK
	}
	e := &Forked{EventBase: k.base(p, "do_fork"), Child: child.Pid, ChildName: child.Name,
		Vfork: flags&RFPPWAIT != 0, SharedVM: flags&RFMEM != 0, Followed: follow}
	if e.Vfork && k.d.vforkWait != nil {
		// do_fork() only sets TDP_RFPPWAIT; the wait comes later (§1.3).
		e.WaitsIn = k.d.vforkWait.in
	}
	k.emit(e)
	k.enterKernel(child, forkReturnPath)
	return true
}

// forkChild creates p's child called name, sharing p's address space with RFMEM
// and waited for with RFPPWAIT.
func (k *Kernel) forkChild(p *Proc, name string, flags uint32) *Proc {
	child := k.newProc(name, k.maxPid+1, p)
	if flags&RFMEM != 0 {
		child.shareVmspace(p.vm)
	} else {
		k.newVmspace(child, maps.Clone(p.vm.vars))
	}
	if flags&RFPPWAIT != 0 {
		child.flag |= P_PPWAIT
	}
	if k.d.realParentKept {
		child.oppid = p.Pid
	}
	return child
}

// attachForkChild makes the new child of a followed fork traced by its parent's
// debugger (fork_return() in 9.x, do_fork() in current): P_TRACED, p_oppid and
// re-parenting to the debugger.
func (k *Kernel) attachForkChild(parent, child *Proc, fn string) {
	child.flag |= P_TRACED
	child.oppid = parent.Pid // current: already so since fork1
	if k.d.eventMask {
		child.ptevents = PTRACE_DEFAULT // §4(a) CURRENT: not inherited
	}
	k.procReparent(child, parent.pptr, fn)
	k.emit(&Attached{EventBase: k.base(child, fn), Tracer: parent.pptr.Pid})
}

// stageDbgWait: do_fork() sleeps on p_dbgwait until the followed child has stopped
// (9.x; current no longer waits, so the two fork stops race).
func stageDbgWait(k *Kernel, p *Proc, a *kact) bool {
	c := a.child
	if c == nil || k.d.attachInDoFork || c.td.dbgflags&TDB_STOPATFORK == 0 || !c.alive() {
		return true
	}
	if k.d.proposal && !a.sleeping() {
		k.assume(p, "A10", "do_fork")
	}
	return k.sleep(p, a, wchan{wDbgWait, c}, false)
}

// stagePPWait: the vfork parent sleeps while the child has P_PPWAIT, until the child
// execs or exits (do_fork() in 9.0, syscallret() TDP_RFPPWAIT in 9.1 and later,
// wait_for_vfork_done() on Linux).
func stagePPWait(k *Kernel, p *Proc, a *kact) bool {
	c := a.child
	if c == nil || c.flag&P_PPWAIT == 0 {
		return true
	}
	return k.sleep(p, a, wchan{wPPWait, c}, false)
}

// stageForkValue sets fork's return value, the child's pid.
func stageForkValue(k *Kernel, p *Proc, a *kact) bool {
	if c := a.child; c != nil {
		k.setReturn(p, a, itoa(c.Pid), 0)
		if a.opIdx >= 0 {
			k.results[a.opIdx].Ret, k.results[a.opIdx].Name = c.Pid, c.Name
		}
	}
	return true
}

// stageForkStopProposal is the proposal's fork stop in the fork code (A4): SIGTRAP
// with PL_FLAG_FORKED and no PL_FLAG_SCX; TDB_FORK is then cleared, since
// syscallret no longer handles it (A6).
func stageForkStopProposal(k *Kernel, p *Proc, a *kact) bool {
	if !a.stop.in && p.td.dbgflags&TDB_FORK == 0 {
		return true
	}
	if !k.ptracestop(p, a, SIGTRAP, false, "fork event (PL_FLAG_FORKED)", "fork1", "A4") {
		return false
	}
	p.td.dbgflags &^= TDB_FORK
	return true
}

// stageForkReturn is the new child's fork_return(): a followed child attaches to the
// debugger (9.x) and stops with SIGSTOP; 9.1 and later mark the stop TDB_CHILD.
func stageForkReturn(k *Kernel, p *Proc, a *kact) bool {
	if !a.stop.in {
		if p.td.dbgflags&TDB_STOPATFORK == 0 {
			return true
		}
		if k.d.attachInDoFork {
			if !p.traced() {
				p.td.dbgflags &^= TDB_STOPATFORK // detached before it ran
				return true
			}
		} else {
			parent := p.pptr
			if !k.followsForks(parent) {
				// The debugger stopped following before the child ran (§4(b)).
				p.td.dbgflags &^= TDB_STOPATFORK
				return true
			}
			k.attachForkChild(parent, p, "fork_return")
		}
		if k.d.HasPLFlag(PL_FLAG_CHILD) {
			p.td.dbgflags |= TDB_CHILD
		}
		if k.d.childSCX {
			p.td.dbgflags |= TDB_SCX
		}
		why, assumption := "new child's first stop", ""
		if k.d.proposal {
			why, assumption = "new child's first stop (PL_FLAG_FORKED on the child)", "A5"
			k.assume(p, "A9", "fork_return")
		}
		k.ptracestop(p, a, SIGSTOP, false, why, "fork_return", assumption)
		return false
	}
	if !k.ptracestop(p, a, 0, false, "", "fork_return", "") {
		return false
	}
	p.td.dbgflags &^= TDB_CHILD | TDB_SCX | TDB_FORK
	p.td.xsig = 0
	return true
}
