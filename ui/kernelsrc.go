package ui

// This file maps the kernel functions that sim names in its events
// (EventBase.Func) to the source files where they live, for the narration.
// The FreeBSD map follows ptrace-semantics.md §5 "Where the functions live";
// the Linux map follows §6 and the Linux tree. sim's linux design reuses some
// FreeBSD function names for the shared machinery (kern_wait, exit1, issignal,
// ...); for a Linux pane they are mapped to the Linux file that does that job.

// userMemory is what a memory access (sim's "vm" pseudo-function) shows
// instead of a file: no kernel code runs for it.
const userMemory = "user memory: no kernel code runs"

var freebsdSources = map[string]string{
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
	"clear_orphan":      "sys/kern/kern_exit.c",
	"kern_ptrace":       "sys/kern/sys_process.c",
	"ptracestop":        "sys/kern/kern_sig.c",
	"issignal":          "sys/kern/kern_sig.c",
	"tdsendsignal":      "sys/kern/kern_sig.c",
	"postsig":           "sys/kern/kern_sig.c",
	"sigexit":           "sys/kern/kern_sig.c",
	"kern_kill":         "sys/kern/kern_sig.c",
	"childproc_exited":  "sys/kern/kern_sig.c",
	"childproc_stopped": "sys/kern/kern_sig.c",
	"getppid":           "sys/kern/kern_prot.c",
	"sys_getppid":       "sys/kern/kern_prot.c",
	"kern_wait6":        "sys/kern/kern_exit.c",
	"proc_to_reap":      "sys/kern/kern_exit.c",
	"proc_realparent":   "sys/kern/kern_exit.c",
	"tdsignal":          "sys/kern/kern_sig.c",
	"kern_psignal":      "sys/kern/kern_sig.c",
	"pksignal":          "sys/kern/kern_sig.c",
	"proc_set_traced":   "sys/kern/sys_process.c",
	"fork_exit":         "sys/kern/kern_fork.c",
	"msleep":            "sys/kern/kern_synch.c",
	"wakeup":            "sys/kern/kern_synch.c",
	"vm":                userMemory,
}

var linuxSources = map[string]string{
	"kernel_clone":             "kernel/fork.c",
	"ptrace_init_task":         "include/linux/ptrace.h",
	"do_execve":                "fs/exec.c",
	"exit1":                    "kernel/exit.c",
	"kern_wait":                "kernel/exit.c",
	"wait_task_zombie":         "kernel/exit.c",
	"proc_reap":                "kernel/exit.c",
	"forget_original_parent":   "kernel/exit.c",
	"exit_ptrace":              "kernel/ptrace.c",
	"ptrace_attach":            "kernel/ptrace.c",
	"ptrace_detach":            "kernel/ptrace.c",
	"ptrace_traceme":           "kernel/ptrace.c",
	"ptrace_resume":            "kernel/ptrace.c",
	"ptrace_kill":              "kernel/ptrace.c",
	"ptrace_getevent":          "kernel/ptrace.c",
	"ptrace_event":             "kernel/signal.c",
	"ptrace_stop":              "kernel/signal.c",
	"ptrace_notify":            "kernel/signal.c",
	"ptrace_report_syscall":    "include/linux/ptrace.h",
	"do_signal_stop":           "kernel/signal.c",
	"do_jobctl_trap":           "kernel/signal.c",
	"do_notify_parent_cldstop": "kernel/signal.c",
	"prepare_signal":           "kernel/signal.c",
	"complete_signal":          "kernel/signal.c",
	"get_signal":               "kernel/signal.c",
	"do_exit":                  "kernel/exit.c",
	"exit_notify":              "kernel/exit.c",
	"do_wait":                  "kernel/exit.c",
	"release_task":             "kernel/exit.c",
	"ptrace_check_attach":      "kernel/ptrace.c",
	"ptrace_request":           "kernel/ptrace.c",
	"do_notify_parent":         "kernel/signal.c",
	"childproc_stopped":        "kernel/signal.c",
	"issignal":                 "kernel/signal.c",
	"tdsendsignal":             "kernel/signal.c",
	"postsig":                  "kernel/signal.c",
	"sigexit":                  "kernel/signal.c",
	"kern_kill":                "kernel/signal.c",
	"getppid":                  "kernel/sys.c",
	"syscallenter":             "kernel/entry/common.c",
	"syscallret":               "kernel/entry/common.c",
	"msleep":                   "kernel/sched/wait.c",
	"wakeup":                   "kernel/sched/wait.c",
	"vm":                       userMemory,
}

// sourceFile returns the file that holds the kernel function fn, in FreeBSD's
// tree or, if linux, in Linux's; "" when the map does not know it.
func sourceFile(fn string, linux bool) string {
	if linux {
		return linuxSources[fn]
	}
	return freebsdSources[fn]
}
