package sim

// freebsdOS is the FreeBSD personality, shared by the four FreeBSD designs: the
// function names are 9.1's (sys/kern), which the other releases modelled keep for
// every function named here, and the files are where §5 of ptrace-semantics.md
// puts them.
var freebsdOS = OS{
	Name: "FreeBSD",
	fn: funcNames{
		syscallEnter: "syscallenter", syscallReturn: "syscallret",
		sceStop: "syscallenter", scxStop: "syscallret",
		signalStop: "issignal", takeSignal: "postsig", stopAction: "issignal",
		// A SIGKILL only makes the process runnable (tdsendsignal()); it dies in
		// its own context: issignal() → postsig() → sigexit() → exit1().
		sigexit: "sigexit", killed: "sigexit", exit: "exit1", kill: "sys_kill",
		stopNotify: "childproc_stopped", waitReturn: "kern_wait", reap: "proc_reap",
		// ptracestop() and issignal()'s job-control stop both suspend the thread
		// in thread_suspend_switch() (kern_thread.c).
		traceStopSleep: "thread_suspend_switch", jobStopSleep: "thread_suspend_switch",
		// do_fork sleeps on p_dbgwait and the vfork parent on p_pwait with
		// cv_wait(), woken by cv_broadcast() (ptracestop(), exit1(), do_execve());
		// kern_wait sleeps with msleep(), woken by wakeup().
		sleep:  [...]string{wDbgWait: "cv_wait", wPPWait: "cv_wait", wWait: "msleep"},
		wakeup: [...]string{wDbgWait: "cv_broadcast", wPPWait: "cv_broadcast", wWait: "wakeup"},
	},
	sources: map[string]string{
		"fork1":                 "sys/kern/kern_fork.c",
		"do_fork":               "sys/kern/kern_fork.c",
		"fork_return":           "sys/kern/kern_fork.c",
		"fork_rfppwait":         "sys/kern/kern_fork.c",
		"syscallenter":          "sys/kern/subr_syscall.c",
		"syscallret":            "sys/kern/subr_syscall.c",
		"kern_execve":           "sys/kern/kern_exec.c",
		"do_execve":             "sys/kern/kern_exec.c",
		"exit1":                 "sys/kern/kern_exit.c",
		"kern_wait":             "sys/kern/kern_exit.c",
		"proc_reap":             "sys/kern/kern_exit.c",
		"proc_reparent":         "sys/kern/kern_exit.c",
		"kern_ptrace":           "sys/kern/sys_process.c",
		"issignal":              "sys/kern/kern_sig.c",
		"postsig":               "sys/kern/kern_sig.c",
		"sigexit":               "sys/kern/kern_sig.c",
		"sys_kill":              "sys/kern/kern_sig.c",
		"childproc_exited":      "sys/kern/kern_sig.c",
		"childproc_stopped":     "sys/kern/kern_sig.c",
		"thread_suspend_switch": "sys/kern/kern_thread.c",
		"cv_wait":               "sys/kern/kern_condvar.c",
		"cv_timedwait":          "sys/kern/kern_condvar.c",
		"cv_broadcast":          "sys/kern/kern_condvar.c",
		"msleep":                "sys/kern/kern_synch.c",
		"wakeup":                "sys/kern/kern_synch.c",
		"vm":                    userMemory,
	},
	reqNames: [...]string{"", "PT_TRACE_ME", "PT_ATTACH", "PT_DETACH", "PT_CONTINUE", "PT_TO_SCE",
		"PT_TO_SCX", "PT_SYSCALL", "PT_KILL", "PT_FOLLOW_FORK", "PT_FOLLOW_EXEC", "PT_SET_EVENT_MASK",
		"PT_SET_EVENT_MASK", "PT_LWPINFO"},
	signo:       func(s Signal) int { return s.Number(false) },
	waitStage:   stageWait,
	forkStages:  freebsdForkStages,
	execTraced:  freebsdExecTraced,
	exit1:       (*Kernel).exit1,
	psignal:     (*Kernel).tdsendsignal,
	nextSignal:  (*Kernel).sigFfs,
	traceSignal: func(k *Kernel, p *Proc, a *kact, sig Signal) { k.signalStop(p, a, sig) },
	stopSignal:  (*Kernel).issignalStop,
	waitScan:    (*Kernel).kernWaitScan,
	ptrace:      (*Kernel).kernPtrace,
	lwpinfo:     (*Kernel).ptLwpinfo,
	realParent:  (*Kernel).procRealparent,
	listedUnder: func(p *Proc) *Proc { return p.pptr },
	getppid:     (*Kernel).sysGetppid,
	stopsAt:     (*Kernel).freebsdStopsAt,
	followArg: func(k *Kernel, op *Op) string {
		if op.On {
			return "1"
		}
		return "0"
	},
}

// userMemory is what a memory access (the "vm" pseudo-function) shows instead of
// a file: no kernel code runs for it.
const userMemory = "user memory: no kernel code runs"
