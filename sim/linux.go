package sim

import (
	"slices"
	"strings"
)

// This file is the linux design (ptrace-semantics.md §6): Linux keeps the tracer
// apart from the real parent. A tracee's `parent` is its tracer (kept here in
// p_pptr's place) while `real_parent` and its children list do not change
// (kernel/ptrace.c:ptrace_link()); getppid returns real_parent. The tracer sees
// every stop and the exit first; the real parent gets the exit status after the
// tracer has (kernel/exit.c:wait_task_zombie()). Fork and exec events are
// PTRACE_EVENT_* stops with SIGTRAP; a new child is auto-attached with a pending
// SIGSTOP; an exec without PTRACE_O_TRACEEXEC gets the legacy SIGTRAP.

// linuxOS is the Linux personality.
var linuxOS = OS{
	Name: "Linux",
	fn: funcNames{
		// The generic entry code every call goes through, and the ptrace reports
		// of its syscall-entry and syscall-exit stops (PTRACE_SYSCALL).
		syscallEnter: "syscall_enter_from_user_mode", syscallReturn: "syscall_exit_to_user_mode",
		sceStop: "ptrace_report_syscall_entry", scxStop: "ptrace_report_syscall_exit",
		// get_signal() dequeues; a tracee stops in ptrace_signal(); a fatal signal
		// ends the process through do_group_exit(), SIGKILL included.
		signalStop: "ptrace_signal", takeSignal: "get_signal", stopAction: "get_signal",
		sigexit: "do_group_exit", killed: "do_group_exit", exit: "do_exit", kill: "kill_something_info",
		stopNotify: "do_notify_parent_cldstop", waitReturn: "do_wait", reap: "release_task",
		traceStopSleep: "ptrace_stop", jobStopSleep: "do_signal_stop",
		// do_wait() sleeps until __wake_up_parent() (do_notify_parent(),
		// do_notify_parent_cldstop()); the vfork parent in wait_for_vfork_done()
		// until complete_vfork_done() (exec, exit).
		sleep:  [...]string{wPPWait: "wait_for_vfork_done", wWait: "do_wait"},
		wakeup: [...]string{wPPWait: "complete_vfork_done", wWait: "__wake_up_parent"},
	},
	// Files as in Linux 6.18, the release the differential test ran on.
	sources: map[string]string{
		"syscall_enter_from_user_mode": "include/linux/entry-common.h",
		"syscall_exit_to_user_mode":    "include/linux/entry-common.h",
		"ptrace_report_syscall_entry":  "include/linux/ptrace.h",
		"ptrace_report_syscall_exit":   "include/linux/ptrace.h",
		"ptrace_report_syscall":        "include/linux/ptrace.h",
		"ptrace_init_task":             "include/linux/ptrace.h",
		"ptrace_event":                 "include/linux/ptrace.h",
		"kernel_clone":                 "kernel/fork.c",
		"wait_for_vfork_done":          "kernel/fork.c",
		"complete_vfork_done":          "kernel/fork.c",
		"do_execve":                    "fs/exec.c",
		"do_exit":                      "kernel/exit.c",
		"do_group_exit":                "kernel/exit.c",
		"forget_original_parent":       "kernel/exit.c",
		"do_wait":                      "kernel/exit.c",
		"wait_task_zombie":             "kernel/exit.c",
		"release_task":                 "kernel/exit.c",
		"__wake_up_parent":             "kernel/exit.c",
		"exit_ptrace":                  "kernel/ptrace.c",
		"ptrace_attach":                "kernel/ptrace.c",
		"ptrace_traceme":               "kernel/ptrace.c",
		"ptrace_detach":                "kernel/ptrace.c",
		"ptrace_resume":                "kernel/ptrace.c",
		"ptrace_request":               "kernel/ptrace.c",
		"ptrace_signal":                "kernel/signal.c",
		"ptrace_stop":                  "kernel/signal.c",
		"get_signal":                   "kernel/signal.c",
		"do_signal_stop":               "kernel/signal.c",
		"do_jobctl_trap":               "kernel/signal.c",
		"do_notify_parent":             "kernel/signal.c",
		"do_notify_parent_cldstop":     "kernel/signal.c",
		"prepare_signal":               "kernel/signal.c",
		"complete_signal":              "kernel/signal.c",
		"kill_something_info":          "kernel/signal.c",
		"vm":                           userMemory,
	},
	reqNames: [...]string{"", "PTRACE_TRACEME", "PTRACE_ATTACH", "PTRACE_DETACH", "PTRACE_CONT",
		"PT_TO_SCE", "PT_TO_SCX", "PTRACE_SYSCALL", "PTRACE_KILL", "PTRACE_SETOPTIONS",
		"PTRACE_SETOPTIONS", "PT_SET_EVENT_MASK", "PT_SET_EVENT_MASK", "PTRACE_GETEVENTMSG"},
	signo:       func(s Signal) int { return s.Number(true) },
	waitStage:   stageLinuxWait,
	forkStages:  linuxForkStages,
	execTraced:  linuxExecTraced,
	exit1:       (*Kernel).linuxExit,
	psignal:     (*Kernel).linuxPsignal,
	nextSignal:  (*Kernel).linuxNextSignal,
	jobctl:      (*Kernel).linuxJobctl,
	traceSignal: ptraceSignal,
	stopSignal:  (*Kernel).linuxSignalStop,
	waitScan:    (*Kernel).linuxWaitScan,
	ptrace:      (*Kernel).linuxPtrace,
	lwpinfo:     (*Kernel).linuxLwpinfo,
	realParent:  func(_ *Kernel, p *Proc) *Proc { return p.realParent },
	listedUnder: func(p *Proc) *Proc { return p.realParent },
	tracerLists: func(t, p *Proc) bool { return countProc(t.ptraced, p) == 1 },
	getppid:     func(_ *Kernel, p *Proc) *Proc { return p.realParent },
	stopsAt:     func(_ *Kernel, p *Proc, _ uint32, _ EventMask) bool { return p.syscallTr },
	followArg:   (*Kernel).linuxOptionsArg,
}

// stageLinuxClone is kernel/fork.c:kernel_clone() up to the new task running.
// copy_process() makes no child while a signal is pending: the call returns
// -ERESTARTNOINTR, the signal is taken and the call restarts (linuxInterrupted). A
// process only enters fork with a signal pending when it came while it was stopped
// at the syscall-entry stop under PTRACE_SYSCALL. Observed on a real kernel
// (scenarios/linux-syscall-stops.txt).
func stageLinuxClone(k *Kernel, p *Proc, a *kact) bool {
	op := a.op
	if op.Call == CallRfork {
		k.setReturn(p, a, "-1", ENOSYS) // Linux has no rfork(2)
		return true
	}
	for {
		if !linuxRestarting(k, p, a) {
			return false
		}
		if !p.linuxPending() {
			break
		}
		if !linuxInterrupted(k, p, a, "-ERESTARTNOINTR") {
			return false
		}
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
		child.sigPriv = append(child.sigPriv, SIGSTOP)
		p.event, p.eventMsg = ev, child.Pid
	}
	k.emit(&Forked{EventBase: k.base(p, "kernel_clone"), Child: child.Pid, ChildName: child.Name,
		Vfork: flags&RFPPWAIT != 0, SharedVM: flags&RFMEM != 0, Followed: follow})
	k.enterKernel(child, astPath)
	return true
}

// linuxForkStages is kernel_clone(): the child is created, the parent reports
// PTRACE_EVENT_FORK or _VFORK, then a vfork parent sleeps in wait_for_vfork_done()
// until the child execs or exits, and only then returns the child's pid.
func linuxForkStages(*Design) []stage {
	return []stage{stageLinuxClone, stageLinuxForkValue, stageLinuxForkEvent, stagePPWait, stageLinuxVforkValue}
}

// stageLinuxForkValue fixes fork's value before the PTRACE_EVENT_FORK stop: a stop
// after the value does not delay it (scenario-language.md "When a result is
// checked"). A vfork's value waits for stageLinuxVforkValue: the parent sleeps in
// the call first, and a call has no value while it sleeps. Observed on a real
// kernel: the vfork parent sleeps in vfork (/proc/PID/syscall) with nothing
// returned until its child execs (scenarios/linux-vfork.txt).
func stageLinuxForkValue(k *Kernel, p *Proc, a *kact) bool {
	if a.op.Call == CallVfork {
		return true
	}
	return stageForkValue(k, p, a)
}

// stageLinuxVforkValue fixes a vfork's value once wait_for_vfork_done() returns.
func stageLinuxVforkValue(k *Kernel, p *Proc, a *kact) bool {
	if a.op.Call != CallVfork {
		return true
	}
	return stageForkValue(k, p, a)
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

// linuxExecTraced is how a traced process reports a successful exec on Linux
// (fs/exec.c:exec_binprm() → ptrace_event(PTRACE_EVENT_EXEC)): the event stop with
// PTRACE_O_TRACEEXEC, else "legacy EXEC report via SIGTRAP" (§6), on the thread's
// own queue. It reports whether the exec is done (false: the process stopped).
func linuxExecTraced(k *Kernel, p *Proc, a *kact) bool {
	if p.options&PTRACE_O_TRACEEXEC != 0 {
		p.event, p.eventMsg = PTRACE_EVENT_EXEC, p.Pid
		k.ptracestop(p, a, SIGTRAP, false, "PTRACE_EVENT_EXEC", "ptrace_event", "")
		return false
	}
	k.linuxSend(p, p, SIGTRAP, "ptrace_event", true)
	return true
}

// linuxExit is kernel/exit.c:do_exit() → exit_notify(): children go to init, tracees
// are detached and run on (exit_ptrace()), and the parent — the tracer while
// traced — is notified.
func (k *Kernel) linuxExit(p *Proc, status int, sig Signal, fn string) {
	k.setAct(p, nil)
	p.killed = false
	p.sigPend, p.sigPriv = nil, nil
	p.flag |= P_WEXIT
	p.flag &^= P_PPWAIT | P_STOPPED_SIG | P_STOPPED_TRACE
	// exit_ptrace() walks the tracees most recently attached first (ptrace_link()
	// adds at the head): one detached early is no longer traced when a zombie
	// detached after it notifies it (scenarios/linux-tracer-exits.txt).
	for _, q := range slices.Backward(slices.Clone(p.ptraced)) {
		k.ptraceUnlink(q, p, "exit_ptrace")
		switch {
		case q.state == prsZombie:
			k.notifyParent(q, q.realParent)
		case q.stopped():
			// __ptrace_unlink() wakes the tracee, and ptrace_stop() returns
			// task->exit_code: still the stop's signal if the tracer never reported
			// the stop with wait (wait_task_stopped() zeroes it). At a
			// signal-delivery-stop that signal is then delivered; an event stop and
			// a group-stop ignore it. Observed on a real kernel: an attached process
			// whose SIGSTOP was never waited for stops by job control when its
			// tracer dies (scenarios/linux-tracer-exits.txt). A tracee whose group
			// stop is still in effect stops again (linuxJobctl).
			// At a syscall-stop, ptrace_report_syscall() sends that signal
			// (send_sig()): an untraced process then dies of the SIGTRAP.
			// Observed on a real kernel (scenarios/linux-syscall-stops.txt).
			var sig Signal
			if (q.td.siValid || linuxSyscallStop(q)) && q.flag&P_WAITED == 0 {
				sig = Signal(q.xstat)
			}
			k.linuxResume(p, q, sig, "exit_ptrace")
		case q.groupStopSig != 0 && q.td.k == nil:
			k.enterKernel(q, astPath)
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

// linuxPsignal posts sig to p (kernel/signal.c:send_signal_locked()).
//
//   - prepare_signal(): a stop signal flushes a pending SIGCONT; SIGCONT flushes the
//     pending stop signals, continues a process stopped by job control, and ends
//     its group stop (SIGNAL_STOP_STOPPED), which the parent hears of as
//     CLD_CONTINUED when the process next runs (linuxJobctl);
//   - sig_ignored(): a signal whose default action is to ignore it (SIGCONT's is,
//     once it has continued the process) is dropped, unless p is traced: its tracer
//     sees every signal but SIGKILL (§3);
//   - complete_signal(): a fatal signal that does not dump core takes an untraced
//     process down at once when it wants the signal (not stopped, nothing else
//     pending), even out of a killable sleep: the vfork wait
//     (wait_for_vfork_done() is TASK_KILLABLE). A core-dumping one (SIGTRAP,
//     SIGQUIT, ...) waits for the process to return to user mode.
//     Observed on a real kernel (scenarios/linux-vfork.txt).
func (k *Kernel) linuxPsignal(from, p *Proc, sig Signal, _ SiCode, fn string) {
	k.linuxSend(from, p, sig, fn, false)
}

// linuxSend posts sig to p's process queue, or with private to its thread's
// (send_sig_info() with PIDTYPE_PID, as ptrace_attach() and exec's legacy SIGTRAP
// do): dequeue_signal() takes the thread's first, and the two queues hold one
// signal each, so a SIGSTOP from kill(2) and one from PTRACE_ATTACH are two stops.
// Observed on a real kernel (scenarios/linux-group-stop.txt).
func (k *Kernel) linuxSend(from, p *Proc, sig Signal, fn string, private bool) {
	if !p.alive() {
		return
	}
	e := &SignalSent{EventBase: k.base(p, fn), From: from.Pid, Sig: sig}
	act := sig.defaultAction()
	switch act {
	case actStop:
		k.linuxDropPending(p, func(s Signal) bool { return s == SIGCONT })
	case actContinue:
		k.linuxDropPending(p, func(s Signal) bool { return s.defaultAction() == actStop })
		p.stopDequeued = false
		if p.stopped() && p.flag&P_STOPPED_TRACE == 0 {
			p.flag &^= P_STOPPED_SIG
			k.setrunnable(p)
			k.emit(&Continued{EventBase: k.base(p, "prepare_signal"), Sig: sig})
		}
		if p.groupStopSig != 0 {
			p.groupStopSig, p.cldContinued = 0, true
			if p.td.k == nil {
				k.enterKernel(p, astPath)
			}
		}
	}
	if (act == actIgnore || act == actContinue) && !p.traced() {
		e.Discarded = true
		k.emit(e)
		return
	}
	k.emit(e)
	if sig == SIGKILL {
		p.killed = true
		if p.td.k == nil {
			k.enterKernel(p, astPath)
		}
		k.setrunnable(p)
		return
	}
	if a := p.td.k; act == actTerminate && !sig.linuxCoreDump() && !p.traced() && !p.stopped() &&
		!p.linuxPending() && a != nil && a.sleeping() && !a.interrupt {
		k.emit(&SignalTaken{EventBase: k.base(p, "complete_signal"), Sig: sig, Action: "terminate"})
		k.linuxExit(p, 0, sig, k.os.fn.sigexit) // in its own context, woken (signal_wake_up())
		return
	}
	q := &p.sigPend
	if private {
		q = &p.sigPriv
	}
	if !slices.Contains(*q, sig) {
		*q = append(*q, sig)
	}
	k.gen++
	if p.td.k == nil {
		k.enterKernel(p, astPath)
	} else if p.td.k.interrupt {
		p.td.k.woken = true
	}
}

// ptraceSignal is kernel/signal.c:ptrace_signal(): the tracee stops for the signal
// it dequeued, with JOBCTL_STOP_DEQUEUED set.
func ptraceSignal(k *Kernel, p *Proc, a *kact, sig Signal) {
	p.stopDequeued = true
	k.signalStop(p, a, sig)
}

// linuxPending reports whether p has a signal pending, in either queue.
func (p *Proc) linuxPending() bool { return len(p.sigPend)+len(p.sigPriv) > 0 }

// linuxSignalStop is do_signal_stop(): a stop signal's default action. A tracee
// enters a group-stop its tracer sees (do_jobctl_trap() → ptrace_stop()); any other
// process stops by job control. Either way the group stop is in effect
// (SIGNAL_STOP_STOPPED) until SIGCONT, and the real parent is sent SIGCHLD
// (CLD_STOPPED; a tracer that is not the real parent gets its own). A stop signal
// a tracer passed on after a SIGCONT came does nothing (JOBCTL_STOP_DEQUEUED was
// cleared). It reports whether the process goes on (it does not when it stops).
func (k *Kernel) linuxSignalStop(p *Proc, a *kact, sig Signal, afterTrace bool) bool {
	k.emit(&SignalTaken{EventBase: k.base(p, k.os.fn.stopAction), Sig: sig, Action: "stop"})
	if afterTrace && !p.stopDequeued {
		k.emit(&SignalTaken{EventBase: k.base(p, "do_signal_stop"), Sig: sig, Action: "ignore (SIGCONT came since it was dequeued)"})
		return true
	}
	p.groupStopSig = sig
	if p.traced() {
		p.groupStop = true
		k.ptracestop(p, a, sig, true, "group-stop "+sig.String(), "do_signal_stop", "")
		if p.realParent != p.pptr {
			k.psignal(p, p.realParent, SIGCHLD, "do_notify_parent_cldstop")
		}
		return false
	}
	p.flag |= P_STOPPED_SIG
	p.xstat = int(sig)
	a.jobStop = true
	k.emit(&Stopped{EventBase: k.base(p, "do_signal_stop"), Sig: sig, Why: "job-control stop"})
	k.psignal(p, p.realParent, SIGCHLD, "do_notify_parent_cldstop")
	return false
}

// linuxJobctl is the top of get_signal()'s loop: the CLD_CONTINUED notice SIGCONT
// left, and the group stop a process released by its tracer still owes: once
// untraced, a process whose group stop is in effect stops again, silently
// (__ptrace_unlink() sets JOBCTL_STOP_PENDING). It reports whether p stopped.
func (k *Kernel) linuxJobctl(p *Proc, a *kact) bool {
	if p.cldContinued {
		p.cldContinued = false
		k.psignal(p, p.realParent, SIGCHLD, "do_notify_parent_cldstop")
		if t := p.tracer(); t != nil && t != p.realParent {
			k.psignal(p, t, SIGCHLD, "do_notify_parent_cldstop")
		}
	}
	if p.groupStopSig == 0 || p.traced() || p.stopped() {
		return false
	}
	p.flag |= P_STOPPED_SIG
	p.xstat = int(p.groupStopSig)
	a.jobStop = true
	k.emit(&Stopped{EventBase: k.base(p, "do_signal_stop"), Sig: p.groupStopSig, Why: "job-control stop: the group stop outlived the trace"})
	return true
}

// linuxCoreDump reports whether the signal's default action dumps core
// (SIG_KERNEL_COREDUMP_MASK).
func (s Signal) linuxCoreDump() bool {
	switch s.String() {
	case "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGFPE", "SIGSEGV", "SIGBUS", "SIGSYS", "SIGXCPU", "SIGXFSZ":
		return true
	}
	return false
}

// linuxDropPending removes the pending signals drop says, from both queues.
func (k *Kernel) linuxDropPending(p *Proc, drop func(Signal) bool) {
	p.sigPend = slices.DeleteFunc(p.sigPend, drop)
	p.sigPriv = slices.DeleteFunc(p.sigPriv, drop)
}

// linuxNextSignal is dequeue_signal(): the thread's own queue first, then the
// process's; in each, the synchronous signals first (SYNCHRONOUS_MASK), then the
// lowest number (next_signal()).
func (k *Kernel) linuxNextSignal(p *Proc) Signal {
	q := &p.sigPriv
	if len(*q) == 0 {
		q = &p.sigPend
	}
	best := Signal(0)
	key := func(s Signal) int {
		switch s.String() {
		case "SIGSEGV", "SIGBUS", "SIGILL", "SIGTRAP", "SIGFPE", "SIGSYS":
			return s.Number(true)
		}
		return 100 + s.Number(true)
	}
	for _, s := range *q {
		if best == 0 || key(s) < key(best) {
			best = s
		}
	}
	*q = slices.DeleteFunc(*q, func(s Signal) bool { return s == best })
	return best
}

// stageLinuxWait is do_wait(). Woken, it scans first and returns what it finds even
// with a signal pending; the signal is then taken on the way back to user mode.
// Only when there is nothing to report does a pending signal interrupt the sleep
// (-ERESTARTSYS): the process takes it (it may stop or die there) and, if it goes
// on, the call restarts. Observed on a real kernel: a tracee sleeping in wait4 whose
// child exits gets the child's status, then stops for the SIGCHLD
// (scenarios/linux-signals.txt).
//
// The restart is a new system call: arch_do_signal_or_restart() rewinds the
// instruction pointer to the syscall instruction, which enters the kernel again. So
// under PTRACE_SYSCALL the interrupted call stops at its exit first
// (syscall_exit_work() reports -ERESTARTSYS as any other return), and the restarted
// one at its entry (syscall_trace_enter()), whichever request resumed it from the
// stops in between. Observed on a real kernel (scenarios/linux-syscall-stops.txt).
func stageLinuxWait(k *Kernel, p *Proc, a *kact) bool {
	for {
		if !linuxRestarting(k, p, a) {
			return false
		}
		if a.sleeping() {
			if !a.woken && !p.linuxPending() {
				return false
			}
			a.woken = false
		}
		res, found := k.waitScan(p, a.op.Target)
		if !found && !a.op.NoHang {
			if p.linuxPending() {
				if !linuxInterrupted(k, p, a, "-ERESTARTSYS") {
					return false
				}
				continue
			}
			return k.sleep(p, a, wchan{wWait, nil}, true)
		}
		if !found {
			res = WaitResult{Kind: WaitNone}
		}
		k.waitReturn(p, a, res)
		return true
	}
}

// linuxInterrupted is the return of a call that a pending signal interrupted, to be
// restarted (-ERESTARTSYS, -ERESTARTNOINTR): under PTRACE_SYSCALL its exit stop;
// then the way back to user mode, where the signal is taken; then, if the process
// goes on, the restarted call's entry (linuxRestart). It reports whether the call
// starts over now; if not, the process stopped (the stage goes on with
// linuxRestarting once resumed) or died.
func linuxInterrupted(k *Kernel, p *Proc, a *kact, ret string) bool {
	if p.traced() && p.syscallTr {
		p.td.dbgflags |= TDB_SCX
		k.ptracestop(p, a, SIGTRAP, false, "syscall exit ("+ret+")", k.os.fn.scxStop, "")
		return false
	}
	return linuxRestart(k, p, a)
}

// linuxRestarting goes on with linuxInterrupted for a process resumed from one of
// its stops. It reports whether the call starts over now (true too when there was
// nothing to go on with).
func linuxRestarting(k *Kernel, p *Proc, a *kact) bool {
	switch {
	case a.stop.in && p.td.dbgflags&TDB_SCX != 0:
		if !k.ptracestop(p, a, 0, false, "", k.os.fn.scxStop, "") {
			return false
		}
		p.td.dbgflags &^= TDB_SCX
		return linuxRestart(k, p, a)
	case a.stop.in && p.td.dbgflags&TDB_SCE != 0:
		if !stageSyscallEnter(k, p, a) {
			return false
		}
		a.woken = true
	case a.stop.in || a.jobStop:
		return linuxRestart(k, p, a)
	}
	return true
}

// linuxRestart is the way back to user mode of an interrupted call, and the
// restarted call's entry: the signal is taken, then, if the process goes on, the
// syscall-entry stop under PTRACE_SYSCALL. It reports whether the process goes on.
func linuxRestart(k *Kernel, p *Proc, a *kact) bool {
	if !stageAST(k, p, a) {
		return false
	}
	a.woken = true
	return stageSyscallEnter(k, p, a)
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

// linuxPtrace is kernel/ptrace.c:sys_ptrace(). A request Linux lacks gets what an
// unknown request number gets: the checks of every request first (ESRCH unless the
// target is a tracee of the caller in a ptrace stop), then EIO from
// ptrace_request(). Observed on a real kernel (scenarios/linux-ptrace-errors.txt).
func (k *Kernel) linuxPtrace(p *Proc, a *kact) Errno {
	op := a.op
	switch op.Req {
	case PTTraceMe:
		if p.traced() {
			return EPERM
		}
		p.flag |= P_TRACED
		p.realParent.ptraced = append(p.realParent.ptraced, p)
		k.emit(&Attached{EventBase: k.base(p, "ptrace_traceme"), Tracer: p.pptr.Pid})
		return 0
	}
	// find_get_task_by_vpid() finds a zombie too: ptrace_attach() then fails with
	// EPERM (exit_state), and PTRACE_KILL, which does not need a stop, succeeds on
	// a zombie the caller traces; the rest need a ptrace stop (ESRCH). Observed on
	// a real kernel (scenarios/linux-ptrace-errors.txt).
	t := k.zpfind(k.pidOf(op.Target))
	if t == nil {
		return ESRCH
	}
	if op.Req == PTAttach {
		if t == p || t.traced() || !t.alive() {
			return EPERM
		}
		t.flag |= P_TRACED
		t.pptr = p
		p.ptraced = append(p.ptraced, t)
		k.emit(&Attached{EventBase: k.base(t, "ptrace_attach"), Tracer: p.Pid})
		k.linuxSend(p, t, SIGSTOP, "ptrace_attach", true)
		if t.stopped() && t.flag&P_STOPPED_TRACE == 0 {
			// A process stopped by job control is kicked to re-trap at once
			// (JOBCTL_TRAP_STOP): a group-stop with its stop signal, which the
			// tracer can wait for and resume; the SIGSTOP stays pending.
			t.groupStop = true
			t.flag |= P_STOPPED_TRACE
			t.flag &^= P_WAITED
			k.emit(&Stopped{EventBase: k.base(t, "do_jobctl_trap"), Sig: Signal(t.xstat), Trace: true, Why: "group-stop " + Signal(t.xstat).String()})
			k.psignal(t, p, SIGCHLD, "do_notify_parent_cldstop")
			k.wakeup(p)
		}
		return 0
	}
	// ptrace_check_attach(): traced by the caller and in a ptrace stop (PTRACE_KILL
	// only needs the first).
	if !t.traced() || t.pptr != p || (op.Req != PTKill && t.flag&P_STOPPED_TRACE == 0) {
		return ESRCH
	}
	if !k.d.HasRequest(op.Req) {
		return EIO // ptrace_request()'s default
	}
	switch op.Req {
	case PTContinue, PTSyscall:
		t.syscallTr = op.Req == PTSyscall
		k.linuxResume(p, t, op.Signal, "ptrace_resume")
	case PTDetach:
		k.ptraceUnlink(t, p, "ptrace_detach")
		k.linuxResume(p, t, op.Signal, "ptrace_detach")
	case PTKill:
		// Since Linux 6.0 PTRACE_KILL is send_sig_info(SIGKILL): it kills a tracee
		// that runs or sleeps as well as a stopped one. Observed on a real kernel
		// (scenarios/linux-signals.txt).
		k.psignal(p, t, SIGKILL, "ptrace_request")
	case PTFollowFork:
		t.options = setBits(t.options, PTRACE_O_TRACEFORK|PTRACE_O_TRACEVFORK, op.On)
	case PTFollowExec:
		t.options = setBits(t.options, PTRACE_O_TRACEEXEC, op.On)
	case PTLwpinfo:
		k.readLwpinfo(p, t, a, "ptrace_request")
	}
	return 0
}

// linuxSyscallStop reports whether q is in a syscall-stop (PTRACE_SYSCALL).
func linuxSyscallStop(q *Proc) bool {
	return q.flag&P_STOPPED_TRACE != 0 && q.td.dbgflags&(TDB_SCE|TDB_SCX) != 0
}

// linuxResume lets stopped tracee t go on with sig (ptrace_resume(), and
// ptrace_detach() and exit_ptrace(), which unlink t first). A signal passed at a
// syscall-stop is sent to the tracee (ptrace_report_syscall(): send_sig()), where an
// event stop drops it. Observed on a real kernel (scenarios/linux-syscall-stops.txt).
func (k *Kernel) linuxResume(p, t *Proc, sig Signal, fn string) {
	if sig != 0 && linuxSyscallStop(t) {
		k.resume(p, t, 0, fn)
		k.linuxSend(t, t, sig, "ptrace_report_syscall", true)
		return
	}
	k.resume(p, t, sig, fn)
}

// linuxLwpinfo is the stop's event (status>>16) and PTRACE_GETEVENTMSG after a fork
// event.
func (k *Kernel) linuxLwpinfo(t *Proc) LwpInfo {
	info := LwpInfo{Sig: Signal(t.xstat), Linux: true, LinuxEv: t.event}
	switch t.event {
	case PTRACE_EVENT_FORK, PTRACE_EVENT_VFORK, PTRACE_EVENT_CLONE:
		info.ChildPid = t.eventMsg
		if q := k.procByPid(t.eventMsg); q != nil {
			info.ChildName = q.Name
		}
	}
	return info
}

// linuxOptionsArg renders the addr and data arguments of the PTRACE_SETOPTIONS a
// follow-fork or follow-exec request makes: 0 and the options word it sets.
func (k *Kernel) linuxOptionsArg(op *Op) string {
	opts := uint32(0)
	if t := k.byName(op.Target); t != nil {
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
		return "0, 0"
	}
	return "0, " + strings.Join(parts, "|")
}
