package sim

// This file is signal posting and delivery (sys/kern/kern_sig.c): tdsendsignal()
// queues a signal, issignal() on the way back to user mode (ast) takes it, and a
// traced process stops in ptracestop() so that its debugger decides whether the
// signal is delivered (ptrace-semantics.md §3).

// psignal posts sig from `from` to p, as the system does, with the siginfo of
// kern_psignal(): si_code SI_KERNEL (siginfo.go). (The SIGCHLD FreeBSD's
// sigparent() sends carries CLD_* codes instead; FreeBSD discards it when it is
// posted, so no stop shows it.)
func (k *Kernel) psignal(from, p *Proc, sig Signal, fn string) {
	k.os.psignal(k, from, p, sig, SI_KERNEL, fn)
}

// pksignal posts sig with si_code code (kern_sig.c:pksignal()).
func (k *Kernel) pksignal(from, p *Proc, sig Signal, code SiCode, fn string) {
	k.os.psignal(k, from, p, sig, code, fn)
}

// tdsendsignal posts sig from `from` to p on FreeBSD (kern_sig.c:tdsendsignal()),
// with a siginfo whose si_code is code.
func (k *Kernel) tdsendsignal(from, p *Proc, sig Signal, code SiCode, fn string) {
	if !p.alive() {
		return
	}
	e := &SignalSent{EventBase: k.base(p, fn), From: from.Pid, Sig: sig}
	act := sig.defaultAction()
	// FreeBSD discards a signal whose default action is to ignore it when it is
	// posted, traced or not; Linux queues it for a tracee, whose tracer sees it (§3).
	if act == actIgnore {
		e.Discarded = true
		k.emit(e)
		return
	}
	k.emit(e)
	// A traced process stops for a SIGKILL like any other signal, in every FreeBSD
	// design: issignal() "If traced, always stop", with no exception for SIGKILL; and
	// if it is already stopped, tdsendsignal() leaves the SIGKILL pending ("If traced
	// process is already stopped, then no further action is necessary", 9.1 and
	// current kern_sig.c; §3). Only an untraced process is killed at once.
	if sig == SIGKILL && !p.traced() {
		p.killed = true
		if p.td.k == nil {
			k.enterKernel(p, nil)
		}
		k.setrunnable(p)
		return
	}
	if act == actContinue && p.stopped() && p.flag&P_STOPPED_TRACE == 0 {
		p.flag &^= P_STOPPED_SIG
		k.setrunnable(p)
		k.emit(&Continued{EventBase: k.base(p, fn), Sig: sig})
		if !p.traced() {
			return
		}
	}
	k.queueSignal(p, sig, code)
}

// tdsignal posts sig to p's own thread from the kernel (kern_sig.c:tdsignal():
// "ksi.ksi_code = SI_KERNEL;").
func (k *Kernel) tdsignal(p *Proc, sig Signal, fn string) {
	k.emit(&SignalSent{EventBase: k.base(p, fn), From: p.Pid, Sig: sig})
	k.queueSignal(p, sig, SI_KERNEL)
}

// queueSignal adds sig, whose siginfo has si_code code, to p's pending set and
// makes p act on it: a process in user mode enters the kernel to deliver it, one
// sleeping in kern_wait is interrupted. sigqueue_add() keeps no siginfo for
// SIGKILL and SIGSTOP (ksiCode). A signal already pending keeps the siginfo it
// was first queued with (the model holds one of each).
func (k *Kernel) queueSignal(p *Proc, sig Signal, code SiCode) {
	for _, s := range p.sigPend {
		if s == sig {
			return
		}
	}
	p.sigPend = append(p.sigPend, sig)
	if p.sigCode == nil {
		p.sigCode = map[Signal]SiCode{}
	}
	p.sigCode[sig] = ksiCode(sig, code)
	k.gen++
	if p.td.k == nil {
		k.enterKernel(p, astPath)
	} else if p.td.k.interrupt {
		p.td.k.woken = true
	}
}

// sigFfs removes and returns the lowest-numbered pending signal, or 0
// (kern_sig.c:cursig() → issignal() → sig_ffs()).
func (k *Kernel) sigFfs(p *Proc) Signal {
	best := -1
	for i, s := range p.sigPend {
		if best < 0 || k.os.signo(s) < k.os.signo(p.sigPend[best]) {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	s := p.sigPend[best]
	p.sigPend = append(p.sigPend[:best:best], p.sigPend[best+1:]...)
	// sigqueue_get() copies the signal's ksiginfo out, if it has one.
	code, ok := p.sigCode[s]
	if !ok {
		code = noKsi
	}
	delete(p.sigCode, s)
	p.td.deq = code
	return s
}

// stageAST delivers pending signals on the way back to user mode
// (kern_sig.c:issignal() and postsig()). A traced process stops for each signal,
// SIGKILL included, and resumes with the signal its debugger passes, which then takes its
// default action.
func stageAST(k *Kernel, p *Proc, a *kact) bool {
	for {
		if a.stop.in {
			if !k.ptracestop(p, a, 0, false, "", k.os.fn.signalStop, "") {
				return false
			}
			sig := p.td.xsig
			p.td.xsig = 0
			if sig != 0 && !k.takeSignal(p, a, sig, true) {
				return false
			}
			continue
		}
		if a.jobStop {
			if p.stopped() {
				return false
			}
			a.jobStop = false
		}
		if k.os.jobctl != nil && k.os.jobctl(k, p, a) {
			return false
		}
		sig := k.os.nextSignal(k, p)
		if sig == 0 {
			return true
		}
		if k.stopsForSignal(p) && sig != p.ptraceSig {
			k.os.traceSignal(k, p, a, sig)
			return false
		}
		if sig == p.ptraceSig {
			p.ptraceSig = 0
		}
		if !k.takeSignal(p, a, sig, false) {
			return false
		}
	}
}

// stopsForSignal reports whether p stops for its debugger before it takes a
// signal: when traced, except, in 9.x, a vfork child that still shares its
// parent's memory (P_PPWAIT; kern_sig.c:issignal(), Design.ppwaitNoStop).
func (k *Kernel) stopsForSignal(p *Proc) bool {
	return p.traced() && !(k.d.ppwaitNoStop && p.flag&P_PPWAIT != 0)
}

// takeSignal applies sig's default action (kern_sig.c:postsig()). It returns false
// when the process stopped or died.
func (k *Kernel) takeSignal(p *Proc, a *kact, sig Signal, afterTrace bool) bool {
	switch sig.defaultAction() {
	case actTerminate:
		k.emit(&SignalTaken{EventBase: k.base(p, k.os.fn.takeSignal), Sig: sig, Action: "terminate"})
		k.os.exit1(k, p, 0, sig, k.os.fn.sigexit)
		return false
	case actStop:
		return k.os.stopSignal(k, p, a, sig, afterTrace)
	}
	k.emit(&SignalTaken{EventBase: k.base(p, k.os.fn.takeSignal), Sig: sig, Action: "ignore"})
	return true
}

// signalStop stops traced p for sig before it takes it (kern_sig.c:issignal():
// "If traced, always stop"; Linux kernel/signal.c:ptrace_signal()).
func (k *Kernel) signalStop(p *Proc, a *kact, sig Signal) {
	k.ptracestop(p, a, sig, true, "signal "+sig.String(), k.os.fn.signalStop, "")
}

// issignalStop is a stop signal's default action on FreeBSD (kern_sig.c:issignal()):
// a traced process ignores a stop signal its debugger passes on; any other stops
// by job control. It reports whether the process goes on.
func (k *Kernel) issignalStop(p *Proc, a *kact, sig Signal, afterTrace bool) bool {
	if afterTrace {
		k.emit(&SignalTaken{EventBase: k.base(p, k.os.fn.stopAction), Sig: sig, Action: "ignore (traced)"})
		return true
	}
	k.emit(&SignalTaken{EventBase: k.base(p, k.os.fn.stopAction), Sig: sig, Action: "stop"})
	p.flag |= P_STOPPED_SIG
	p.xstat = int(sig)
	a.jobStop = true
	k.emit(&Stopped{EventBase: k.base(p, k.os.fn.stopAction), Sig: sig, Why: "job-control stop"})
	return false
}

// ptracestop stops p for its debugger (kern_sig.c:ptracestop(); Linux
// kernel/signal.c:ptrace_stop()). Called with sig != 0 it enters the stop and
// returns false; called again it returns false while p is stopped and true once the
// debugger has resumed it, with the signal to deliver in td_xsig.
func (k *Kernel) ptracestop(p *Proc, a *kact, sig Signal, signal bool, why, fn, assumption string) bool {
	if a.stop.in {
		if p.stopped() {
			return false
		}
		a.stop.in = false
		p.td.dbgflags &^= TDB_XSIG
		return true
	}
	a.stop.in = true
	p.td.xsig = sig
	p.td.dbgflags |= TDB_XSIG
	p.xstat = int(sig)
	p.flag |= P_STOPPED_SIG | P_STOPPED_TRACE
	p.flag &^= P_WAITED
	if signal {
		p.td.siValid = true
		k.saveSiginfo(p, sig)
	} else if !k.d.siStale {
		// Current FreeBSD clears the saved siginfo at a stop that is not for a
		// signal; 9.x keeps the stale one (§3) [I].
		p.td.siValid = false
	}
	if assumption != "" {
		k.assume(p, assumption, fn)
	}
	info := k.lwpinfo(p)
	k.emit(&Stopped{EventBase: k.base(p, fn), Sig: sig, Trace: true, Flags: info.Flags, LinuxEvent: p.event, Why: why, Assumption: assumption})
	if p.td.dbgflags&TDB_STOPATFORK != 0 {
		// The parent sleeping in do_fork is woken once its child has stopped [I, §3].
		p.td.dbgflags &^= TDB_STOPATFORK
	}
	if t := p.tracer(); t != nil {
		k.psignal(p, t, SIGCHLD, k.os.fn.stopNotify)
		k.wakeup(t)
	}
	return false
}

// resume lets a stopped tracee go on with sig (kern_ptrace's sendsig path; Linux
// ptrace_resume()).
func (k *Kernel) resume(by, p *Proc, sig Signal, fn string) {
	if p.groupStop {
		// Linux's do_jobctl_trap() ignores what ptrace_stop() returns: the signal
		// passed when resuming (or detaching) a tracee from a group-stop is dropped.
		// (Only Linux has group-stops.)
		sig = 0
	}
	p.td.xsig = sig
	p.flag &^= P_STOPPED_SIG | P_STOPPED_TRACE | P_WAITED
	p.groupStop = false
	k.setrunnable(p)
	k.emit(&Continued{EventBase: k.base(p, fn), By: by.Pid, Sig: sig})
}
