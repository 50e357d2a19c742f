package sim

// This file holds the small calls: getppid(2) (sys/kern/kern_prot.c), kill(2)
// (sys/kern/kern_sig.c:sys_kill()) and the memory accesses set and read.

// stageGetppid is getppid(2).
func stageGetppid(k *Kernel, p *Proc, a *kact) bool {
	q := k.os.getppid(k, p)
	k.setReturn(p, a, itoa(q.Pid), 0)
	k.results[a.opIdx].Ret, k.results[a.opIdx].Name = q.Pid, q.Name
	return true
}

// sysGetppid returns the process FreeBSD's getppid names: p_pptr (9.x: the
// debugger while traced, as ptrace(2) says; kern_prot.c:sys_getppid()), the real
// parent of p_oppid in current (ptrace__getppid) (§3).
func (k *Kernel) sysGetppid(p *Proc) *Proc {
	if k.d.realParentKept {
		return k.realParentOf(p)
	}
	return p.pptr
}

// stageKill is kill(2) and raise(3). A zombie target takes the signal and ignores
// it; a reaped or unborn one is ESRCH. kill's siginfo says SI_USER; raise's says
// SI_USER where libc's raise() is kill(getpid()) and SI_LWP where it is thr_kill()
// on the calling thread (Design.raiseThrKill; siginfo.go).
func stageKill(k *Kernel, p *Proc, a *kact) bool {
	t := p
	if a.op.Call == CallKill {
		t = k.byName(a.op.Target)
	}
	if t == nil || t.state == prsReaped {
		k.setReturn(p, a, "-1", ESRCH)
		return true
	}
	if k.os.signo(a.op.Signal) == 0 {
		k.setReturn(p, a, "-1", EINVAL) // a signal this system does not have
		return true
	}
	code := SI_USER
	if a.op.Call == CallRaise && k.d.raiseThrKill {
		code = SI_LWP
	}
	k.pksignal(p, t, a.op.Signal, code, k.os.fn.kill)
	k.setReturn(p, a, "0", 0)
	return true
}

// stageMemory is set and read: a store to or load from the address space, which a
// vfork or rfork(RFMEM) child shares with its parent.
func stageMemory(k *Kernel, p *Proc, a *kact) bool {
	op := a.op
	e := &MemoryAccess{EventBase: k.base(p, "vm"), Var: op.Var, Write: op.Call == CallSet, Shared: k.vmShared(p)}
	if op.Call == CallSet {
		p.vm.vars[op.Var] = op.Value
		e.Value = op.Value
	} else {
		e.Value = p.vm.vars[op.Var]
		k.results[a.opIdx].Ret = e.Value
	}
	k.setReturn(p, a, itoa(e.Value), 0)
	k.emit(e)
	return true
}

// vmShared returns the other live processes that share p's address space.
func (k *Kernel) vmShared(p *Proc) []int {
	var pids []int
	for _, q := range p.vm.procs {
		if q != p && q.alive() {
			pids = append(pids, q.Pid)
		}
	}
	return pids
}
