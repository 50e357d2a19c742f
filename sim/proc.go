package sim

// This file holds the process table: struct proc and struct thread in FreeBSD's
// vocabulary (sys/sys/proc.h), with Linux's tracer/real_parent split beside them
// for the linux design, and the tree operations every design shares.

// PFlag is p_flag (sys/sys/proc.h; ptrace-semantics.md §2.3).
type PFlag uint32

const (
	P_FOLLOWFORK    PFlag = 0x8       // PT_FOLLOW_FORK set by the debugger
	P_PPWAIT        PFlag = 0x10      // the parent waits for this vfork child to exec or exit
	P_TRACED        PFlag = 0x800     // traced by p_pptr (FreeBSD) or by tracer (linux)
	P_WAITED        PFlag = 0x1000    // the debugger has seen the current stop
	P_WEXIT         PFlag = 0x2000    // exiting
	P_STOPPED_SIG   PFlag = 0x20000   // stopped by a signal or ptracestop
	P_STOPPED_TRACE PFlag = 0x40000   // stopped in ptracestop
	P_ORPHAN        PFlag = 0x2000000 // on the real parent's p_orphans (9.1 and later)
)

var pflagNames = []flagName[PFlag]{
	{P_FOLLOWFORK, "P_FOLLOWFORK"}, {P_PPWAIT, "P_PPWAIT"}, {P_TRACED, "P_TRACED"},
	{P_WAITED, "P_WAITED"}, {P_WEXIT, "P_WEXIT"}, {P_STOPPED_SIG, "P_STOPPED_SIG"},
	{P_STOPPED_TRACE, "P_STOPPED_TRACE"}, {P_ORPHAN, "P_ORPHAN"},
}

// Names returns the set flags by name.
func (f PFlag) Names() []string { return flagNames(f, pflagNames) }

// TDBFlags is td_dbgflags (sys/sys/proc.h; ptrace-semantics.md §2.3).
type TDBFlags uint32

const (
	TDB_XSIG       TDBFlags = 0x2   // the thread is stopped in ptracestop with td_xsig
	TDB_SCE        TDBFlags = 0x8   // at syscall entry
	TDB_SCX        TDBFlags = 0x10  // at syscall exit
	TDB_EXEC       TDBFlags = 0x20  // TDB_SCX from exec(2)
	TDB_FORK       TDBFlags = 0x40  // TDB_SCX from fork(2) that created a process
	TDB_STOPATFORK TDBFlags = 0x80  // stop at the return from fork (child only)
	TDB_CHILD      TDBFlags = 0x100 // the new child's first stop (9.1 and later)
	TDB_VFORK      TDBFlags = 0x800 // vfork, report VFORKED and VFORK_DONE (current)
)

var tdbNames = []flagName[TDBFlags]{
	{TDB_XSIG, "TDB_XSIG"}, {TDB_SCE, "TDB_SCE"}, {TDB_SCX, "TDB_SCX"}, {TDB_EXEC, "TDB_EXEC"},
	{TDB_FORK, "TDB_FORK"}, {TDB_STOPATFORK, "TDB_STOPATFORK"}, {TDB_CHILD, "TDB_CHILD"},
	{TDB_VFORK, "TDB_VFORK"},
}

// Names returns the set flags by name.
func (f TDBFlags) Names() []string { return flagNames(f, tdbNames) }

// p_stops bits set by PT_TO_SCE, PT_TO_SCX and PT_SYSCALL (9.x; sticky, §3).
const (
	S_PT_SCE uint32 = 0x00010000
	S_PT_SCX uint32 = 0x00020000
)

// procState is p_state plus "reaped" (the struct proc is gone).
type procState uint8

const (
	prsNormal procState = iota // PRS_NORMAL
	prsZombie                  // PRS_ZOMBIE
	prsReaped                  // freed by proc_reap
)

// vmspace is an address space (struct vmspace); vfork and rfork(RFMEM) children
// share their parent's.
type vmspace struct {
	// id numbers the address spaces of a run in the order they were made, from 1:
	// two processes have the same id exactly when they share one.
	id   int
	vars map[string]int
	// procs holds the processes whose p_vmspace it is, in pid order, exited ones
	// included (vm_refcnt as a list).
	procs []*Proc
}

// newVmspace gives p an address space of its own holding vars, leaving the one it
// had. It mirrors sys/vm/vm_map.c:vmspace_alloc() for init and the declared
// processes, vmspace_fork() for the copy a fork child gets (vm_forkproc() without
// RFMEM; Linux kernel/fork.c:copy_mm() without CLONE_VM, dup_mm()) and
// vmspace_exec() for the fresh one of an exec (Linux fs/exec.c:exec_mmap()).
func (k *Kernel) newVmspace(p *Proc, vars map[string]int) {
	if p.vm != nil {
		p.vm.procs = removeProc(p.vm.procs, p)
	}
	k.vmspaces++
	p.vm = &vmspace{id: k.vmspaces, vars: vars, procs: []*Proc{p}}
}

// shareVmspace makes p, a new child, share vm: sys/vm/vm_glue.c:vm_forkproc() with
// RFMEM, which takes a reference on the parent's vmspace instead of copying it
// (Linux kernel/fork.c:copy_mm() with CLONE_VM). New children have the highest
// pid, so vm.procs stays in pid order.
func (p *Proc) shareVmspace(vm *vmspace) {
	p.vm = vm
	vm.procs = append(vm.procs, p)
}

// thread is the one thread of a process (struct thread).
type thread struct {
	dbgflags  TDBFlags // td_dbgflags
	dbgForked int      // td_dbg_forked: the new child's pid, for PL_FLAG_FORKED
	xsig      Signal   // td_xsig: the stop signal; on resume, the signal to deliver
	siValid   bool     // td_dbgksi holds a siginfo (PL_FLAG_SI)
	dbgksi    Siginfo  // td_dbgksi (9.x), td_si (current): the siginfo PT_LWPINFO reports; saveSiginfo
	deq       SiCode   // the si_code of the signal sigFfs took last, noKsi if it had no ksiginfo
	k         *kact    // what the thread is doing in the kernel, nil in user mode
	onRunq    bool     // TD_ON_RUNQ: on Kernel.runq
	kbuf      kact     // the storage k points to
}

// Proc is a process (struct proc). Fields are changed only by the kernel functions
// named beside them.
type Proc struct {
	Pid   int
	Name  string
	label string // NAME[pid]

	pptr     *Proc   // p_pptr: current parent (the debugger while traced); proc_reparent, fork1
	oppid    int     // p_oppid: the real parent's pid while traced; PT_ATTACH, PT_TRACE_ME, fork_return, proc_reap, PT_DETACH
	children []*Proc // p_children in insertion order; kern_wait scans it from the end (LIST_INSERT_HEAD)
	orphans  []*Proc // p_orphans (9.1 and later); proc_reparent, clear_orphan
	orphanOf *Proc   // the process whose p_orphans holds this one (P_ORPHAN)
	dbgChild int     // p_dbg_child (9.0): children re-parented to a debugger; PT_ATTACH, PT_DETACH, proc_reap

	flag      PFlag     // p_flag
	xstat     int       // p_xstat: exit status (W_EXITCODE form) or stop signal
	stops     uint32    // p_stops: S_PT_SCE|S_PT_SCX (9.x); kern_ptrace
	ptevents  EventMask // p_ptevents (current); kern_ptrace, fork1
	followExc bool      // PT_FOLLOW_EXEC (the 2012 proposal, assumption A1)
	state     procState
	vm        *vmspace
	td        thread
	sigPend   []Signal          // pending signals, in posting order (no duplicates)
	sigCode   map[Signal]SiCode // FreeBSD: the si_code of each pending signal's ksiginfo, noKsi if none
	killed    bool              // SIGKILL posted: the process dies wherever it is
	ptraceSig Signal            // a signal its debugger passed (KSI_PTRACE): delivered without a further stop

	// Linux (the linux design only): parent is the tracer while traced, as p_pptr is
	// on FreeBSD, but children stay on real_parent's list (kernel/ptrace.c:ptrace_link()).
	realParent *Proc   // real_parent
	ptraced    []*Proc // tracees, in the order attached; do_wait scans from the end
	options    uint32  // PTRACE_O_* (PTRACE_SETOPTIONS)
	syscallTr  bool    // PTRACE_SYSCALL armed until the next resume
	event      PtraceEvent
	eventMsg   int  // PTRACE_GETEVENTMSG
	groupStop  bool // the stop is a group-stop (a stop signal delivered)
	// groupStopSig is SIGNAL_STOP_STOPPED with the signal of the group stop: set
	// when a stop signal stops the process, cleared only by SIGCONT. A tracee
	// resumed by PTRACE_CONT keeps it, and stops again once untraced
	// (__ptrace_unlink() sets JOBCTL_STOP_PENDING).
	groupStopSig Signal
	cldContinued bool // SIGNAL_CLD_CONTINUED: SIGCONT ended a group stop; the parent is told when the process next runs
	// stopDequeued is JOBCTL_STOP_DEQUEUED: set at a signal-delivery-stop, cleared
	// by SIGCONT. A stop signal the tracer passes on stops the process only if no
	// SIGCONT came meanwhile (do_signal_stop()).
	stopDequeued bool
	// sigPriv lists the pending signals queued on the thread rather than the
	// process (ptrace_attach()'s SIGSTOP, a new tracee's SIGSTOP, exec's SIGTRAP);
	// dequeue_signal() takes those first. kill(2) and SIGCHLD queue on the process.
	sigPriv []Signal

	lastWait *WaitResult // the last result of this process's wait4, for the debugger's view
}

// Linux PTRACE_O_* options used by the model (ptrace(2)).
const (
	PTRACE_O_TRACEFORK  uint32 = 0x2
	PTRACE_O_TRACEVFORK uint32 = 0x4
	PTRACE_O_TRACEEXEC  uint32 = 0x10
)

func (p *Proc) String() string {
	if p == nil {
		return "none"
	}
	return p.label
}

func (p *Proc) traced() bool  { return p.flag&P_TRACED != 0 }
func (p *Proc) alive() bool   { return p.state == prsNormal }
func (p *Proc) stopped() bool { return p.flag&P_STOPPED_SIG != 0 }

// tracer returns the process tracing p, or nil.
func (p *Proc) tracer() *Proc {
	if !p.traced() {
		return nil
	}
	return p.pptr
}

// realParentOf returns p's real parent, as the system keeps it.
func (k *Kernel) realParentOf(p *Proc) *Proc { return k.os.realParent(k, p) }

// procRealparent returns the real parent on FreeBSD: the live process of p_oppid
// while p_oppid != 0 (init once it has exited, as PT_DETACH and current's
// kern_exit.c:proc_realparent() decide), else p_pptr.
func (k *Kernel) procRealparent(p *Proc) *Proc {
	if p.oppid == 0 {
		return p.pptr
	}
	if q := k.pfind(p.oppid); q != nil {
		return q
	}
	return k.init
}

// pfind returns the live (not zombie) process with pid, as sys/kern/kern_proc.c:pfind().
func (k *Kernel) pfind(pid int) *Proc {
	if p := k.procByPid(pid); p != nil && p.alive() {
		return p
	}
	return nil
}

// zpfind returns the process with pid, alive or zombie, or nil once reaped.
func (k *Kernel) zpfind(pid int) *Proc {
	if p := k.procByPid(pid); p != nil && p.state != prsReaped {
		return p
	}
	return nil
}

func removeProc(list []*Proc, p *Proc) []*Proc {
	for i, q := range list {
		if q == p {
			return append(list[:i:i], list[i+1:]...)
		}
	}
	return list
}

// clearOrphan takes p off the p_orphans list it is on (kern_exit.c:clear_orphan()).
func (k *Kernel) clearOrphan(p *Proc) {
	if p.orphanOf == nil {
		return
	}
	p.orphanOf.orphans = removeProc(p.orphanOf.orphans, p)
	p.orphanOf = nil
	p.flag &^= P_ORPHAN
}

// procReparent makes parent the p_pptr of child (kern_exit.c:proc_reparent()). In
// designs with the orphan list (§1.3), a child that is P_TRACED when it is re-parented
// goes onto its old parent's p_orphans with P_ORPHAN.
func (k *Kernel) procReparent(child, parent *Proc, fn string) {
	old := child.pptr
	if old == parent {
		return
	}
	old.children = removeProc(old.children, child)
	parent.children = append(parent.children, child)
	k.clearOrphan(child)
	orphan := false
	if k.d.orphanMark != "" && child.traced() && old.alive() {
		old.orphans = append(old.orphans, child)
		child.orphanOf = old
		child.flag |= P_ORPHAN
		orphan = true
		if k.d.proposal {
			k.assume(child, "A8", fn)
		}
	}
	child.pptr = parent
	if parent == k.init {
		k.initZombies++
	}
	k.emit(&Reparented{EventBase: k.base(child, fn), From: old.Pid, To: parent.Pid, Orphan: orphan, Mark: k.d.orphanMark})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
