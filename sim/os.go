package sim

import (
	"maps"
	"slices"
)

// This file holds the operating-system personality. FreeBSD and Linux share the
// kernel's machinery here (the run queue, the stages of a call, ptracestop's
// bookkeeping), but each names its own functions, keeps its own source tree and
// takes its own path where the systems differ: wait, fork, exec's report, exit,
// signal posting and delivery, ptrace(2), the parent a process is listed under.
// The personality is a table of those functions and names, chosen once when the
// kernel is made (New sets k.os from the design, as raft's becomeFollower sets
// r.step), so that the shared path calls k.os and never asks which system it
// runs. freebsd.go and linux.go fill in the two tables.

// OS is an operating system's personality.
type OS struct {
	Name string // "FreeBSD", "Linux"

	fn funcNames
	// sources maps every kernel function this system's events name to the file
	// that holds it, as the UI's source links show it.
	sources map[string]string
	// reqNames are the ptrace requests as this system's headers spell them.
	reqNames [PTLwpinfo + 1]string
	// signo is a signal's number in this system's signal.h, 0 if it has none.
	signo func(Signal) int

	// waitStage is wait4(2): kern_wait() or do_wait().
	waitStage stage
	// forkStages returns the kernel path of fork, vfork and rfork for design d.
	forkStages func(d *Design) []stage
	// execTraced reports a successful exec of a traced process; it returns
	// whether kern_execve is done (false: the process stopped).
	execTraced func(k *Kernel, p *Proc, a *kact) bool
	// exit1 ends p with status, or killed by sig (fn names the function).
	exit1 func(k *Kernel, p *Proc, status int, sig Signal, fn string)
	// psignal posts sig from `from` to p; code is the si_code of its siginfo
	// (FreeBSD; Linux has no pl_siginfo and ignores it).
	psignal func(k *Kernel, from, p *Proc, sig Signal, code SiCode, fn string)
	// nextSignal dequeues the signal p takes next, or 0.
	nextSignal func(k *Kernel, p *Proc) Signal
	// jobctl is the job-control work done before a signal is dequeued; it
	// reports whether p stopped. nil: none.
	jobctl func(k *Kernel, p *Proc, a *kact) bool
	// traceSignal stops traced p for sig before it takes it.
	traceSignal func(k *Kernel, p *Proc, a *kact, sig Signal)
	// stopSignal is a stop signal's default action; it reports whether p goes on.
	stopSignal func(k *Kernel, p *Proc, a *kact, sig Signal, afterTrace bool) bool
	// waitScan is one pass of wait's loop for p.
	waitScan func(k *Kernel, p *Proc, target string) (WaitResult, bool)
	// ptrace is ptrace(2) once the call has entered the kernel.
	ptrace func(k *Kernel, p *Proc, a *kact) Errno
	// lwpinfo is what the debugger reads of t's stop.
	lwpinfo func(k *Kernel, t *Proc) LwpInfo
	// realParent returns p's real parent.
	realParent func(k *Kernel, p *Proc) *Proc
	// listedUnder returns the process whose children list holds p.
	listedUnder func(p *Proc) *Proc
	// tracerLists reports whether tracer t keeps p on a list of its own tracees
	// that the invariants must check (nil: it keeps none).
	tracerLists func(t, p *Proc) bool
	// getppid returns the process getppid(2) names.
	getppid func(k *Kernel, p *Proc) *Proc
	// stopsAt reports whether the debugger asked for syscall stops of this kind.
	stopsAt func(k *Kernel, p *Proc, bit uint32, ev EventMask) bool
	// followArg renders the data argument of a follow-fork or follow-exec request.
	followArg func(k *Kernel, op *Op) string
}

// funcNames are the kernel functions where the shared path's events happen, in
// this system's vocabulary (EventBase.Func).
type funcNames struct {
	syscallEnter, syscallReturn string // every system call's entry and return
	sceStop, scxStop            string // the syscall-entry and syscall-exit stops
	signalStop                  string // a traced process stops for a signal
	takeSignal                  string // a signal's default action is taken
	stopAction                  string // a stop signal's default action is taken
	sigexit                     string // a signal's default action ends the process
	killed                      string // a SIGKILL ends the process in its own context
	exit                        string // _exit(2)
	kill                        string // kill(2) posts the signal
	stopNotify                  string // the tracer is sent SIGCHLD for a stop
	waitReturn                  string // wait4 returns what it found
	reap                        string // a zombie is freed
	traceStopSleep              string // the thread sleeps in a ptrace stop
	jobStopSleep                string // the thread sleeps in a job-control stop
	// sleep and wakeup name, for each wait channel, the function that sleeps on
	// it and the one that ends the sleep.
	sleep, wakeup [wWait + 1]string
}

// Source returns the file of the kernel function fn in this system's tree, or ""
// when fn is none of this system's.
func (o *OS) Source(fn string) string { return o.sources[fn] }

// Funcs returns every kernel function this system's events can name, sorted.
func (o *OS) Funcs() []string { return slices.Sorted(maps.Keys(o.sources)) }

// ReqName returns the ptrace request as this system spells it.
func (o *OS) ReqName(r Req) string { return o.reqNames[r] }

// sleepFunc names the function p sleeps or is stopped in, for the trace.
func (k *Kernel) sleepFunc(p *Proc, a *kact) string {
	switch {
	case a.sleeping() && a.wchan.what == wPPWait && k.d.vforkWait != nil:
		return k.d.vforkWait.sleep
	case a.sleeping():
		return k.os.fn.sleep[a.wchan.what]
	case p.flag&P_STOPPED_TRACE != 0:
		return k.os.fn.traceStopSleep
	}
	return k.os.fn.jobStopSleep
}
