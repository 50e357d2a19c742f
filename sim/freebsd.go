package sim

// freebsdOS is the FreeBSD personality, shared by the four FreeBSD designs: the
// function names are 9.1's (sys/kern), which the other releases modelled keep for
// every function named here, and the files are where §5 of ptrace-semantics.md
// puts them.
var freebsdOS = OS{
	Name:    "FreeBSD",
	Release: "FreeBSD 9.1 (sys/kern)",
	fn: funcNames{
		syscallEnter: "syscallenter", syscallReturn: "syscallret",
		sceStop: "syscallenter", scxStop: "syscallret",
		signalStop: "issignal", takeSignal: "postsig", stopAction: "issignal",
		sigexit: "sigexit", killed: "tdsendsignal", exit: "exit1", kill: "kern_kill",
		stopNotify: "childproc_stopped", waitReturn: "kern_wait", reap: "proc_reap",
		traceStopSleep: "msleep", jobStopSleep: "msleep",
		sleep:  [...]string{wDbgWait: "msleep", wPPWait: "msleep", wWait: "msleep"},
		wakeup: [...]string{wDbgWait: "wakeup", wPPWait: "wakeup", wWait: "wakeup"},
	},
	sources: map[string]string{
		"fork1":             "sys/kern/kern_fork.c",
		"do_fork":           "sys/kern/kern_fork.c",
		"fork_return":       "sys/kern/kern_fork.c",
		"fork_rfppwait":     "sys/kern/kern_fork.c",
		"syscallenter":      "sys/kern/subr_syscall.c",
		"syscallret":        "sys/kern/subr_syscall.c",
		"kern_execve":       "sys/kern/kern_exec.c",
		"do_execve":         "sys/kern/kern_exec.c",
		"exit1":             "sys/kern/kern_exit.c",
		"kern_wait":         "sys/kern/kern_exit.c",
		"proc_reap":         "sys/kern/kern_exit.c",
		"proc_reparent":     "sys/kern/kern_exit.c",
		"kern_ptrace":       "sys/kern/sys_process.c",
		"issignal":          "sys/kern/kern_sig.c",
		"tdsendsignal":      "sys/kern/kern_sig.c",
		"postsig":           "sys/kern/kern_sig.c",
		"sigexit":           "sys/kern/kern_sig.c",
		"kern_kill":         "sys/kern/kern_sig.c",
		"childproc_exited":  "sys/kern/kern_sig.c",
		"childproc_stopped": "sys/kern/kern_sig.c",
		"msleep":            "sys/kern/kern_synch.c",
		"wakeup":            "sys/kern/kern_synch.c",
		"vm":                userMemory,
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
