package sim

// This file implements the exit cycle (sys/kern/kern_exit.c):
//
//   - exit1(): the process stops being traced and releases a vfork parent; its
//     children go to init, and those it traced are killed (9.x) or go back to their
//     real parent and are killed (current); its own orphans are dropped; it becomes a
//     zombie and its p_pptr — the debugger, if traced — gets SIGCHLD and a wakeup;
//   - kern_wait() of the parent finds the zombie and calls proc_reap();
//   - proc_reap(): the waiter gets the status; if the zombie has a real parent other
//     than the waiter (p_oppid), it is handed back to it, with SIGCHLD, instead of
//     being freed, so that parent's next wait gets the same status again (§3, §4(f)).
//
// Which exit statuses reach whom, per design:
//   - untraced child: its parent, once;
//   - traced child, debugger not the real parent: the debugger, then the real parent
//     (all designs); in 9.1 and the proposal the real parent may reap the orphan
//     first, through p_orphans, and then gets it twice while the debugger never does;
//   - traced child whose debugger is its real parent (PT_TRACE_ME, or attaching to
//     one's own child): twice to the same process in 9.x, once in current;
//   - tracees of a debugger that exits: killed by SIGKILL, reaped by init (9.x) or
//     their real parent (current), then the real parent gets "killed SIGKILL".
// Linux's version of the cycle is in linux.go.

// stageExit is _exit(2).
func stageExit(k *Kernel, p *Proc, a *kact) bool {
	k.os.exit1(k, p, a.op.Status, 0, k.os.fn.exit)
	return false
}

// exit1 ends p with status (or killed by sig) on FreeBSD
// (sys/kern/kern_exit.c:exit1()).
func (k *Kernel) exit1(p *Proc, status int, sig Signal, fn string) {
	k.setAct(p, nil)
	p.killed = false
	p.sigPend, p.sigCode = nil, nil
	p.flag |= P_WEXIT
	p.flag &^= P_TRACED | P_PPWAIT | P_STOPPED_SIG | P_STOPPED_TRACE
	for _, q := range append([]*Proc(nil), p.children...) {
		k.exitChild(p, q)
	}
	for len(p.orphans) > 0 {
		q := p.orphans[0]
		if k.d.realParentKept {
			q.oppid = k.init.Pid // r346009: the orphan's real parent is now its reaper
		}
		k.clearOrphan(q)
	}
	p.state = prsZombie
	if sig != 0 {
		p.xstat = int(sig)
	} else {
		p.xstat = status << 8
	}
	p.td.dbgflags = 0
	k.emit(&Exited{EventBase: k.base(p, fn), Status: status, Sig: sig})
	k.psignal(p, p.pptr, SIGCHLD, "childproc_exited")
	k.wakeup(p.pptr)
}

// exitChild deals with q, a child of the exiting p: init adopts it; if p traced it,
// it is untraced and killed ("their existence means someone is screwing up", 9.x
// exit1); current returns it to its real parent first.
func (k *Kernel) exitChild(p, q *Proc) {
	to := k.init
	if q.traced() && k.d.realParentKept {
		if t := k.realParentOf(q); t != nil && t != p {
			to = t
		}
	}
	k.procReparent(q, to, "exit1")
	if k.d.realParentKept {
		q.oppid = to.Pid
	}
	if !q.traced() {
		return
	}
	k.clearOrphan(q)
	q.flag &^= P_TRACED | P_STOPPED_TRACE | P_STOPPED_SIG
	q.ptevents = 0
	k.emit(&Detached{EventBase: k.base(q, "exit1"), Tracer: p.Pid})
	k.psignal(p, q, SIGKILL, "exit1")
	q.killed = true
	k.setrunnable(q)
}

// procReap gives q's status to the waiter and frees q, or hands it back to its real
// parent (kern_exit.c:proc_reap()).
func (k *Kernel) procReap(waiter, q *Proc) WaitResult {
	res := k.deliver(waiter, q)
	if t := k.handBackTo(q); t != nil {
		k.procReparent(q, t, "proc_reap")
		if k.d.dbgChild {
			t.dbgChild--
		}
		if !k.d.realParentKept {
			q.oppid = 0
		}
		k.emit(&HandedBack{EventBase: k.base(q, "proc_reap"), To: t.Pid})
		k.psignal(q, t, SIGCHLD, "proc_reap")
		k.wakeup(t)
		return res
	}
	k.freeProc(q, waiter)
	return res
}

// handBackTo returns the process a zombie goes back to instead of being freed: the
// live process of p_oppid (9.x), or proc_realparent() when p_oppid is not p_pptr's
// pid (current).
func (k *Kernel) handBackTo(q *Proc) *Proc {
	if k.d.realParentKept {
		if q.oppid == q.pptr.Pid {
			return nil
		}
		return k.realParentOf(q)
	}
	if q.oppid == 0 {
		return nil
	}
	return k.pfind(q.oppid)
}

// freeProc removes the zombie q from the process table.
func (k *Kernel) freeProc(q, by *Proc) {
	q.pptr.children = removeProc(q.pptr.children, q)
	if q.realParent != nil {
		q.realParent.children = removeProc(q.realParent.children, q)
	}
	k.clearOrphan(q)
	q.state = prsReaped
	k.emit(&Reaped{EventBase: k.base(q, k.os.fn.reap), By: by.Pid})
}

// deliver records that waiter got q's exit status and returns it.
func (k *Kernel) deliver(waiter, q *Proc) WaitResult {
	if k.delivered == nil {
		k.delivered = map[[2]int]int{}
	}
	k.delivered[[2]int{waiter.Pid, q.Pid}]++
	return exitResult(q)
}

// exitResult decodes q's p_xstat as wait reports it.
func exitResult(q *Proc) WaitResult {
	if q.xstat&0xff != 0 {
		return WaitResult{Kind: WaitKilled, Pid: q.Pid, Name: q.Name, Sig: Signal(q.xstat & 0xff)}
	}
	return WaitResult{Kind: WaitExited, Pid: q.Pid, Name: q.Name, Status: q.xstat >> 8}
}

// initReap lets init reap one zombie child, through the design's wait path; it
// reports whether it did.
func (k *Kernel) initReap() bool {
	if k.initZombies == 0 {
		return false
	}
	for _, q := range k.init.children {
		if q.state == prsZombie {
			_, found := k.waitScan(k.init, "")
			return found
		}
	}
	k.initZombies = 0 // none left (a Linux zombie held by its tracer is not init's yet)
	return false
}
