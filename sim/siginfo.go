package sim

// This file is the siginfo a FreeBSD signal carries (struct ksiginfo,
// sys/sys/signalvar.h) as far as PT_LWPINFO shows it in pl_siginfo: si_signo and
// si_code. Who sets si_code, read from source:
//
//   - kill(2): SI_USER. kern_sig.c sys_kill(): "ksi.ksi_code = SI_USER;" (9.0:
//     hardboydu/libplebnet @ 6abcc4cad062059c12d6bef45254451b9e3e26f5; 9.1:
//     pkelsey/libuinet @ 253e24687886cec583331b56d594b60ed3cd0410, "release/9.1.0
//     sys/kern/kern_sig.c 234455"; current: freebsd/freebsd-src @
//     00ebd80972388cea11d0cf3af1494005f2e99e62, kern_kill()).
//   - raise(3): in 9.x libc's raise() is "return(kill(getpid(), s));"
//     (lib/libc/gen/raise.c 200150 2009-12-05, the same in rodrigc/bz-vimage,
//     rayddteam/freebsd-pi (head, Feb 2012) and tupipa/sva_freebsd93 (releng/9.3);
//     libthr's _raise() also calls kill(getpid()) in a process with one thread), so
//     SI_USER. Since r277317 (2015-01-18, kib; coder03/freebsd10.4, and
//     freebsd/freebsd-src @ 031fb30f4e4e15c6e899e5f637d573945a2a7301) it is
//     "__sys_thr_kill(id, s)" on the calling thread, and kern_thr.c sys_thr_kill()
//     sets "ksi.ksi_code = SI_LWP;" (9.1 kern_thr.c 235900; current @
//     003b0231d38cbb3076ceb2ddb2e6d75e2385d9bb), so SI_LWP (Design.raiseThrKill).
//   - the kernel: kern_psignal() (9.0: psignal()) and tdsignal() set
//     "ksi.ksi_code = SI_KERNEL;" (all three kern_sig.c). PT_ATTACH's SIGSTOP goes
//     through kern_psignal, and 9.0's and the proposal's do_execve
//     "tdsignal(td, SIGTRAP)" posts the exec's SIGTRAP with SI_KERNEL.
//   - a signal the debugger passes when resuming from a stop that was not for a
//     signal (current, Design.resumeQueuesSig): ptracestop() builds it with
//     "ksiginfo_init(&ksi); ksi.ksi_signo = td->td_xsig; ksi.ksi_flags |=
//     KSI_PTRACE;": no code, SI_NOINFO (current kern_sig.c). It is delivered
//     without a further stop, so no PT_LWPINFO shows it.
//
// But SIGSTOP and SIGKILL carry no siginfo at all: sigqueue_add() "if (signo ==
// SIGKILL || signo == SIGSTOP || si == NULL) { SIGADDSET(sq->sq_kill, signo); goto
// out_set_bit; }" (9.0, 9.1 and current alike) drops the ksiginfo it was given,
// and sigqueue_get() then sets only "si->ksi_signo = signo". So the SIGSTOP of
// PT_ATTACH or of raise(SIGSTOP) reaches its stop with kern_psignal's SI_KERNEL or
// kill's SI_USER thrown away:
//
//   - 9.x issignal() reads the signal into the thread's own td_dbgksi, with only
//     "td->td_dbgksi.ksi_signo = 0;" before it, so a SIGSTOP keeps the si_code of
//     the last signal that had a siginfo, or 0 (SI_NOINFO) in a thread whose
//     td_dbgksi nothing has written yet: fork1 zeroes it (td_dbgksi lies between
//     td_startzero and td_endzero in 9.1 sys/sys/proc.h, and kern_fork.c bzero()s
//     that range). Nothing clears td_dbgksi after the stop either, so a later fork,
//     exec or syscall stop reports the same siginfo again with PL_FLAG_SI
//     (Design.siStale; sys_process.c PT_LWPINFO: "if (td2->td_dbgksi.ksi_signo !=
//     0 ...) pl->pl_flags |= PL_FLAG_SI; pl->pl_siginfo = td2->td_dbgksi.ksi_info;").
//   - current issignal() does "ksiginfo_init(&ksi);" before sigqueue_get(), copies
//     it to td_si for the stop and clears it after ("td->td_si.si_signo = 0;"), so
//     a SIGSTOP reports SI_NOINFO and a stop that is not for a signal has no
//     PL_FLAG_SI.
//
// Linux has no pl_siginfo here: the linux design leaves Siginfo empty.

// SiCode is si_code, FreeBSD's sys/sys/signal.h values.
type SiCode int32

const (
	SI_NOINFO SiCode = 0       // "No signal info besides si_signo."
	SI_USER   SiCode = 0x10001 // "Signal sent by kill()."
	SI_KERNEL SiCode = 0x10006
	SI_LWP    SiCode = 0x10007 // "Signal sent by thr_kill"

	// noKsi marks a pending signal queued without a ksiginfo (sq_kill).
	noKsi SiCode = -1
)

var siCodeNames = map[SiCode]string{SI_NOINFO: "SI_NOINFO", SI_USER: "SI_USER", SI_KERNEL: "SI_KERNEL", SI_LWP: "SI_LWP"}

// String returns the signal.h name of c.
func (c SiCode) String() string {
	if n, ok := siCodeNames[c]; ok {
		return n
	}
	return itoa(int(c))
}

// Gloss says in plain words what c tells whoever reads it.
func (c SiCode) Gloss() string {
	switch c {
	case SI_NOINFO:
		return "no information beyond the signal number"
	case SI_USER:
		return "sent by a process with kill(2)"
	case SI_KERNEL:
		return "sent by the kernel"
	case SI_LWP:
		return "sent to one thread with thr_kill(2)"
	}
	return ""
}

// Siginfo is the part of pl_siginfo the model keeps: si_signo and si_code.
type Siginfo struct {
	Signo Signal
	Code  SiCode
}

// String renders it as "SIGTRAP SI_KERNEL".
func (s Siginfo) String() string { return s.Signo.String() + " " + s.Code.String() }

// ksiCode is the si_code sigqueue_add() keeps for sig posted with code: none
// (noKsi) for SIGKILL and SIGSTOP.
func ksiCode(sig Signal, code SiCode) SiCode {
	if sig == SIGKILL || sig == SIGSTOP {
		return noKsi
	}
	return code
}

// saveSiginfo is what issignal() stores for the debugger when traced p stops for
// sig, which sigFfs has just taken off the queue with its ksiginfo (p.td.deq):
// 9.x writes si_signo into td_dbgksi and leaves the rest as it was unless the
// signal had a ksiginfo; current starts from ksiginfo_init (SI_NOINFO).
func (k *Kernel) saveSiginfo(p *Proc, sig Signal) {
	si := &p.td.dbgksi
	if !k.d.siStale {
		*si = Siginfo{}
	}
	si.Signo = sig
	if p.td.deq != noKsi {
		si.Code = p.td.deq
	}
}
