package sim

import "strings"

// This file is the linux design (ptrace-semantics.md §6): Linux keeps the tracer
// apart from the real parent. A tracee's `parent` is its tracer (kept here in
// p_pptr's place) while `real_parent` and its children list do not change
// (kernel/ptrace.c:ptrace_link()); getppid returns real_parent. The tracer sees
// every stop and the exit first; the real parent gets the exit status after the
// tracer has (kernel/exit.c:wait_task_zombie()). Fork and exec events are
// PTRACE_EVENT_* stops with SIGTRAP; a new child is auto-attached with a pending
// SIGSTOP; an exec without PTRACE_O_TRACEEXEC gets the legacy SIGTRAP.

// stageLinuxClone is kernel/fork.c:kernel_clone() up to the new task running.
func stageLinuxClone(k *Kernel, p *Proc, a *kact) bool {
	op := a.op
	if op.Call == CallRfork {
		k.setReturn(p, a, "-1", ENOSYS) // Linux has no rfork(2)
		return true
	}
	if op.Call == CallForkFail {
		k.setReturn(p, a, "-1", op.Errno)
		return true
	}
	flags := forkFlags(op)
	child := k.forkChild(p, op.Child, flags)
	a.child, a.forkFlags = child, flags
	opt, ev := PTRACE_O_TRACEFORK, PTRACE_EVENT_FORK
	if op.Call == CallVfork {
		opt, ev = PTRACE_O_TRACEVFORK, PTRACE_EVENT_VFORK
	}
	follow := p.traced() && p.options&opt != 0
	if follow {
		// ptrace_init_task(): the child is traced by the same tracer, with the same
		// options, and starts with a SIGSTOP pending.
		t := p.pptr
		child.flag |= P_TRACED
		child.pptr = t
		child.options = p.options
		t.ptraced = append(t.ptraced, child)
		k.emit(&Attached{EventBase: k.base(child, "ptrace_init_task"), Tracer: t.Pid})
		child.sigPend = append(child.sigPend, SIGSTOP)
		p.event, p.eventMsg = ev, child.Pid
	}
	k.emit(&Forked{EventBase: k.base(p, "kernel_clone"), Child: child.Pid, ChildName: child.Name,
		Vfork: flags&RFPPWAIT != 0, SharedVM: flags&RFMEM != 0, Followed: follow})
	k.setAct(child, &kact{opIdx: -1, stages: []stage{stageAST}})
	return true
}

// stageLinuxForkEvent is ptrace_event(PTRACE_EVENT_FORK or _VFORK) in the parent.
func stageLinuxForkEvent(k *Kernel, p *Proc, a *kact) bool {
	if !a.stop.in {
		if a.child == nil || p.event == 0 {
			return true
		}
		k.ptracestop(p, a, SIGTRAP, false, p.event.String(), "ptrace_event", "")
		return false
	}
	if !k.ptracestop(p, a, 0, false, "", "ptrace_event", "") {
		return false
	}
	p.event = 0
	p.td.xsig = 0
	return true
}

// linuxExit is kernel/exit.c:do_exit() → exit_notify(): children go to init, tracees
// are detached and run on (exit_ptrace()), and the parent — the tracer while
// traced — is notified.
func (k *Kernel) linuxExit(p *Proc, status int, sig Signal, fn string) {
	k.setAct(p, nil)
	p.killed = false
	p.sigPend = nil
	p.flag |= P_WEXIT
	p.flag &^= P_PPWAIT | P_STOPPED_SIG | P_STOPPED_TRACE
	for _, q := range append([]*Proc(nil), p.ptraced...) {
		k.ptraceUnlink(q, p, "exit_ptrace")
		if q.state == prsZombie {
			k.notifyParent(q, q.realParent)
		} else if q.stopped() && !q.groupStop {
			k.resume(p, q, 0, "exit_ptrace")
		}
	}
	for _, q := range append([]*Proc(nil), p.children...) {
		// forget_original_parent(): init adopts p's children.
		p.children = removeProc(p.children, q)
		k.init.children = append(k.init.children, q)
		q.realParent = k.init
		k.initZombies++
		if q.pptr == p {
			q.pptr = k.init
		}
		k.emit(&Reparented{EventBase: k.base(q, "forget_original_parent"), From: p.Pid, To: 1})
	}
	p.state = prsZombie
	if sig != 0 {
		p.xstat = int(sig)
	} else {
		p.xstat = status << 8
	}
	k.emit(&Exited{EventBase: k.base(p, fn), Status: status, Sig: sig})
	k.notifyParent(p, p.pptr)
}

// notifyParent is do_notify_parent(): SIGCHLD and a wakeup.
func (k *Kernel) notifyParent(p, to *Proc) {
	k.psignal(p, to, SIGCHLD, "do_notify_parent")
	k.wakeup(to)
}

// ptraceUnlink is __ptrace_unlink(): the tracee's parent is its real parent again.
func (k *Kernel) ptraceUnlink(q, tracer *Proc, fn string) {
	tracer.ptraced = removeProc(tracer.ptraced, q)
	q.flag &^= P_TRACED
	q.pptr = q.realParent
	q.options, q.syscallTr = 0, false
	k.emit(&Detached{EventBase: k.base(q, fn), Tracer: tracer.Pid})
}

// linuxWaitScan is one pass of do_wait(): real children oldest first, then tracees
// most recently attached first (scenario-language.md rule 4).
func (k *Kernel) linuxWaitScan(p *Proc, target string) (WaitResult, bool) {
	nfound := 0
	for _, q := range p.children {
		if target != "" && q.Name != target {
			continue
		}
		nfound++
		if q.traced() && q.pptr != p {
			// Traced by another: the real parent sees nothing until the tracer has
			// reaped it (wait_consider_task()).
			continue
		}
		if q.state == prsZombie {
			if q.traced() {
				k.ptraceUnlink(q, p, "wait_task_zombie")
			}
			res := k.deliver(p, q)
			k.freeProc(q, p)
			return res, true
		}
		if res, ok := k.linuxStopped(q); ok {
			return res, true
		}
	}
	for i := len(p.ptraced) - 1; i >= 0; i-- {
		q := p.ptraced[i]
		if q.realParent == p || (target != "" && q.Name != target) {
			continue
		}
		nfound++
		if q.state == prsZombie {
			// wait_task_zombie() for a tracer that is not the parent: it gets the
			// status, then the zombie goes back to its real parent (EXIT_TRACE).
			res := k.deliver(p, q)
			k.ptraceUnlink(q, p, "wait_task_zombie")
			k.emit(&HandedBack{EventBase: k.base(q, "wait_task_zombie"), To: q.realParent.Pid})
			k.notifyParent(q, q.realParent)
			return res, true
		}
		if res, ok := k.linuxStopped(q); ok {
			return res, true
		}
	}
	if nfound > 0 {
		return WaitResult{}, false
	}
	return WaitResult{Kind: WaitErr, Errno: ECHILD}, true
}

// linuxStopped reports an unreported ptrace stop of q (wait_task_stopped()).
func (k *Kernel) linuxStopped(q *Proc) (WaitResult, bool) {
	if !q.traced() || q.flag&P_STOPPED_TRACE == 0 || q.flag&P_WAITED != 0 {
		return WaitResult{}, false
	}
	q.flag |= P_WAITED
	return WaitResult{Kind: WaitStopped, Pid: q.Pid, Name: q.Name, Sig: Signal(q.xstat), Event: q.event}, true
}

// linuxPtrace is kernel/ptrace.c:sys_ptrace(). Requests Linux lacks fail with EIO.
func (k *Kernel) linuxPtrace(p *Proc, a *kact) Errno {
	op := a.op
	switch op.Req {
	case PTToSCE, PTToSCX, PTSetEvents, PTEditEvents:
		return EIO
	case PTTraceMe:
		if p.traced() {
			return EPERM
		}
		p.flag |= P_TRACED
		p.realParent.ptraced = append(p.realParent.ptraced, p)
		k.emit(&Attached{EventBase: k.base(p, "ptrace_traceme"), Tracer: p.pptr.Pid})
		return 0
	}
	t := k.pfind(k.pidOf(op.Target))
	if t == nil {
		return ESRCH
	}
	if op.Req == PTAttach {
		if t == p || t.traced() {
			return EPERM
		}
		t.flag |= P_TRACED
		t.pptr = p
		p.ptraced = append(p.ptraced, t)
		k.emit(&Attached{EventBase: k.base(t, "ptrace_attach"), Tracer: p.Pid})
		k.psignal(p, t, SIGSTOP, "ptrace_attach")
		return 0
	}
	// ptrace_check_attach(): traced by the caller and in a ptrace stop (PTRACE_KILL
	// only needs the first).
	if !t.traced() || t.pptr != p || (op.Req != PTKill && t.flag&P_STOPPED_TRACE == 0) {
		return ESRCH
	}
	switch op.Req {
	case PTContinue, PTSyscall:
		t.syscallTr = op.Req == PTSyscall
		k.resume(p, t, op.Signal, "ptrace_resume")
	case PTDetach:
		k.ptraceUnlink(t, p, "ptrace_detach")
		k.resume(p, t, op.Signal, "ptrace_detach")
	case PTKill:
		t.killed = true
		k.resume(p, t, SIGKILL, "ptrace_resume")
	case PTFollowFork:
		t.options = setBits(t.options, PTRACE_O_TRACEFORK|PTRACE_O_TRACEVFORK, op.On)
	case PTFollowExec:
		t.options = setBits(t.options, PTRACE_O_TRACEEXEC, op.On)
	case PTLwpinfo:
		k.readLwpinfo(p, t, a, "ptrace_getevent")
	}
	return 0
}

// linuxLwpinfo is the stop's event (status>>16) and PTRACE_GETEVENTMSG after a fork
// event.
func (k *Kernel) linuxLwpinfo(t *Proc) LwpInfo {
	info := LwpInfo{Sig: Signal(t.xstat), Linux: true, LinuxEv: t.event}
	switch t.event {
	case PTRACE_EVENT_FORK, PTRACE_EVENT_VFORK, PTRACE_EVENT_CLONE:
		info.ChildPid = t.eventMsg
		if q := k.byPid[t.eventMsg]; q != nil {
			info.ChildName = q.Name
		}
	}
	return info
}

// linuxOptionsArg renders the PTRACE_SETOPTIONS word a follow-fork or follow-exec
// request sets.
func (k *Kernel) linuxOptionsArg(op *Op) string {
	opts := uint32(0)
	if t := k.byName[op.Target]; t != nil {
		opts = t.options
	}
	bits := PTRACE_O_TRACEEXEC
	if op.Req == PTFollowFork {
		bits = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK
	}
	opts = setBits(opts, bits, op.On)
	var parts []string
	for _, o := range []struct {
		bit  uint32
		name string
	}{{PTRACE_O_TRACEFORK, "PTRACE_O_TRACEFORK"}, {PTRACE_O_TRACEVFORK, "PTRACE_O_TRACEVFORK"}, {PTRACE_O_TRACEEXEC, "PTRACE_O_TRACEEXEC"}} {
		if opts&o.bit != 0 {
			parts = append(parts, o.name)
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "|")
}
