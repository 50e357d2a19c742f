package sim

// This file implements wait4(2) (sys/kern/kern_exit.c:kern_wait(); Linux
// kernel/exit.c:do_wait()). FreeBSD scans p_children from the most recently inserted
// child, reaping a zombie or reporting an unreported traced stop, then p_orphans
// (9.1 and the proposal may reap a zombie orphan there, current only counts it);
// with nothing found it fails with ECHILD — or returns 0 in 9.0 while p_dbg_child is
// non-zero (§1.1) — and otherwise sleeps until woken.

// stageWait is wait4().
func stageWait(k *Kernel, p *Proc, a *kact) bool {
	if a.sleeping() {
		if len(p.sigPend) > 0 || a.stop.in {
			// A signal interrupts the sleep; if the process survives it, the call
			// goes on as if restarted (scenario-language.md "Signals").
			if !stageAST(k, p, a) {
				return false
			}
			a.woken = true
		}
		if !a.woken {
			return false
		}
		a.woken = false
	}
	res, found := k.waitScan(p, a.op.Target)
	if !found {
		if !a.op.NoHang {
			return k.sleep(p, a, wchan{wWait, nil}, true)
		}
		res = WaitResult{Kind: WaitNone}
	}
	k.waitReturn(p, a, res)
	return true
}

// waitReturn fixes wait4's value.
func (k *Kernel) waitReturn(p *Proc, a *kact, res WaitResult) {
	r := res
	p.lastWait = &r
	k.results[a.opIdx].Wait = &r
	switch res.Kind {
	case WaitErr:
		k.setReturn(p, a, "-1", res.Errno)
	case WaitNone:
		k.setReturn(p, a, "0", 0)
	default:
		k.setReturn(p, a, itoa(res.Pid), 0)
	}
	k.emit(&WaitReturned{EventBase: k.base(p, k.os.fn.waitReturn), Result: res})
}

// waitScan is one pass of wait's loop for p, as the system does it; it reports
// whether it found a result (a status, 0 or an error) and, if so, has reaped or
// marked the child.
func (k *Kernel) waitScan(p *Proc, target string) (WaitResult, bool) {
	return k.os.waitScan(k, p, target)
}

// kernWaitScan is one pass of FreeBSD's kern_wait() loop (kern_exit.c).
func (k *Kernel) kernWaitScan(p *Proc, target string) (WaitResult, bool) {
	nfound := 0
	for i := len(p.children) - 1; i >= 0; i-- {
		q := p.children[i]
		if target != "" && q.Name != target {
			continue
		}
		nfound++
		if q.state == prsZombie {
			return k.procReap(p, q), true
		}
		if q.traced() && q.flag&P_STOPPED_TRACE != 0 && q.flag&P_WAITED == 0 {
			q.flag |= P_WAITED
			return WaitResult{Kind: WaitStopped, Pid: q.Pid, Name: q.Name, Sig: Signal(q.xstat)}, true
		}
	}
	if k.d.orphanMark != "" && (!k.d.realParentKept || nfound == 0) {
		for i := len(p.orphans) - 1; i >= 0; i-- {
			q := p.orphans[i]
			if target != "" && q.Name != target {
				continue
			}
			nfound++
			if k.d.proposal {
				k.assume(p, "A8", "kern_wait")
			}
			if k.d.reapOrphans && q.state == prsZombie {
				return k.procReap(p, q), true // the §4(f) race
			}
		}
	}
	if nfound > 0 {
		return WaitResult{}, false
	}
	if k.d.dbgChild && p.dbgChild != 0 {
		return WaitResult{Kind: WaitNone}, true // 9.0: 0 instead of ECHILD
	}
	return WaitResult{Kind: WaitErr, Errno: ECHILD}, true
}
