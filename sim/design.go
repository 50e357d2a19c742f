package sim

import "strings"

// Design is one kernel design: a small set of differences from FreeBSD 9.0, each
// citing the section of ptrace-semantics.md it follows.
//
// Adding a design. The table below is the only list of designs: the scenario
// language's names and aliases (DesignNames), the pl_flags a design has
// (HasPLFlag), the ptrace requests it has (HasRequest; any other is refused as
// that kernel refuses an unknown request) and the UI's default panes (DefaultPair)
// all come from it. A sixth design is an entry here plus the code that really
// differs:
//   - on an existing system (FreeBSD 10.0, say), set os to &freebsdOS, list its
//     plFlags and requests, and turn on the switches below that it shares with
//     the others; a behaviour no switch covers gets a new switch, documented with
//     its source, and the few lines of the shared path or of freebsd code that
//     test it;
//   - for a variant of Linux (PTRACE_SEIZE, say), set os to &linuxOS and add the
//     request and what it changes to linux.go; a new system gets an OS of its own
//     (os.go: its function names, files, request names and the hooks of the paths
//     that differ).
//
// Then add golden traces for the library scenarios that name it (`go test
// ./scenarios -run TestLibraryGolden -update`), and a `designs:` line in the
// scenarios it should run.
type Design struct {
	Name, Alias, Description string
	// Assumptions are the named readings this design makes where its source is
	// silent (§1.2.1); the UI and `forklab designs -v` show them.
	Assumptions []Assumption
	// Breaks lists invariants the design breaks on purpose, with why.
	Breaks []Broken

	os *OS // the operating system's personality: FreeBSD's or Linux's (§6)

	// plFlags are the pl_flags bits the design's sys/ptrace.h has (§2.2); with
	// PL_FLAG_CHILD, fork_return sets TDB_CHILD (§1.3).
	plFlags PLFlags
	// requests are the ptrace requests the design has (§2.1).
	requests reqSet
	// childSCX: fork_return also sets TDB_SCX on the new child's first stop (§4(a) CURRENT).
	childSCX bool
	// forkStopAtSCX: syscallret stops for TDB_FORK|TDB_EXEC without PT_TO_SCX (§1.3).
	forkStopAtSCX bool
	// execSignal: exec posts a SIGTRAP signal to a traced process (tdsignal in
	// do_execve, §1.1; A3 when PT_FOLLOW_EXEC is clear).
	execSignal bool
	// vforkWait, when set, is where the vfork parent waits after its fork stop:
	// do_fork only sets TDP_RFPPWAIT and the wait is in syscallret (§1.3; current
	// calls fork_rfppwait() from there). Unset, it waits in do_fork before the fork
	// stop (§1.1).
	vforkWait *vforkWait
	// orphanMark: proc_reparent keeps p_orphans and kern_wait scans them (§1.3), and
	// this names the mark of a process on a p_orphans list: P_ORPHAN in p_flag
	// (9.1), P_TREE_ORPHANED in p_treeflag (current, since D417 in 2014; sys/sys/proc.h "Reparented, on orphan list"); "" for no
	// orphan list.
	orphanMark string
	// reapOrphans: the real parent's wait may reap a zombie orphan (§4(f) race; not
	// after D2644, §1.4).
	reapOrphans bool
	// dbgChild: p_dbg_child and kern_wait returning 0 for it (§1.1).
	dbgChild bool
	// eventMask: p_ptevents and PT_GET/SET_EVENT_MASK, PTRACE_VFORK (§1.4).
	eventMask bool
	// attachInDoFork: the followed child is attached in do_fork, not fork_return, and
	// the parent does not wait for it to stop (§1.4; current kern_fork.c:do_fork()).
	attachInDoFork bool
	// realParentKept: p_oppid always holds the real parent's pid, from fork on
	// (current kern_fork.c:do_fork(), proc_realparent(), D417 and r346009): getppid
	// returns it (ptrace__getppid), PT_ATTACH leaves it, proc_reap hands a zombie back
	// only when p_oppid differs from p_pptr's pid (so a debugger that is the real parent
	// sees the exit once, ptrace__parent_wait_after_trace_me), PT_DETACH clears
	// P_TRACED before it re-parents (D2809), and a dying debugger's tracees go to their
	// real parent (§4(f) CURRENT; kern_exit.c:exit1()).
	realParentKept bool
	// resumeQueuesSig: a signal passed when resuming from a stop that was not for that
	// signal is queued and delivered without a further stop (current
	// kern_sig.c:ptracestop()); 9.x drops it (syscallret ignores ptracestop's value).
	resumeQueuesSig bool
	// ppwaitNoStop: issignal() stops a traced process for a signal only while it is
	// not a vfork child still sharing its parent's memory: `if (p->p_flag &
	// P_TRACED && (p->p_flag & P_PPWAIT) == 0)` ("If traced, always stop"), 9.1
	// kern_sig.c:issignal(), the same test since 4.4BSD; such a child takes its
	// signals as if untraced. Current tests P_PPTRACE there instead (r246485).
	ppwaitNoStop bool
	// siStale: td_dbgksi is never cleared, so PL_FLAG_SI stays set after the first
	// signal stop (§3, 9.x), with that signal's si_signo and si_code; and a signal
	// with no siginfo of its own (SIGSTOP, SIGKILL) keeps the si_code already there
	// (9.x issignal() only zeroes ksi_signo; current starts from ksiginfo_init and
	// clears td_si after the stop; siginfo.go).
	siStale bool
	// raiseThrKill: libc's raise() is thr_kill() on the calling thread, so its
	// siginfo says SI_LWP (lib/libc/gen/raise.c since r277317, 2015); in 9.x it is
	// kill(getpid()), SI_USER (siginfo.go).
	raiseThrKill bool
	// proposal: the 2012 proposal's fork and exec stops in the fork and exec code
	// (A2, A4, A5, A6), PT_FOLLOW_EXEC (A1) and vfork turned into fork (A7).
	proposal bool
}

// vforkWait names where a vfork parent waits for its child after the fork stop.
type vforkWait struct {
	in    string // the function that waits: syscallret (9.1), fork_rfppwait (current)
	sleep string // how it sleeps on p_pwait: cv_wait (9.1), cv_timedwait (current)
}

// Assumption is a named reading of an open point (ptrace-semantics.md §1.2.1).
type Assumption struct {
	Name string // A1, A2, ...
	Text string // one sentence
}

// Broken is an invariant a design breaks on purpose.
type Broken struct {
	Invariant string // the invariant's name (see invariants.go)
	Why       string
}

var designs = []*Design{
	{
		Name: "freebsd-9.0", Alias: "old",
		Description: "FreeBSD 9.0 (head mid-2011): fork/exec events only when stepping syscalls, exec posts a bare SIGTRAP, p_dbg_child",
		os:          &freebsdOS, plFlags: plFlags9x, requests: requests9x,
		execSignal: true, dbgChild: true, siStale: true, ppwaitNoStop: true,
		Breaks: breaks9x,
	},
	{
		Name: "mikulin-2012", Alias: "new",
		Description: "the January 2012 proposal under review: PT_FOLLOW_EXEC, fork/exec stops in the fork and exec code, vfork forced to fork while traced, TDB_FORK on the child, the orphan list",
		os:          &freebsdOS, plFlags: plFlags9x, requests: requests9x | reqs(PTFollowExec),
		proposal: true, execSignal: true, dbgChild: true, orphanMark: "P_ORPHAN", reapOrphans: true, siStale: true, ppwaitNoStop: true,
		Assumptions: proposalAssumptions,
		Breaks:      breaks9x,
	},
	{
		Name: "freebsd-9.1", Alias: "merged",
		Description: "what was committed after the review and shipped in 9.1: SCX|FORKED and SCX|EXEC stops in syscallret, PL_FLAG_CHILD, the vfork wait after the fork stop, the orphan list",
		os:          &freebsdOS, plFlags: plFlags9x | PL_FLAG_CHILD, requests: requests9x,
		forkStopAtSCX: true, vforkWait: &vforkWait{"syscallret", "cv_wait"}, orphanMark: "P_ORPHAN", reapOrphans: true, siStale: true, ppwaitNoStop: true,
		Breaks: breaks9x,
	},
	{
		Name: "freebsd-current", Alias: "current",
		Description: "FreeBSD 10.x/11 and later: event masks, PL_FLAG_VFORKED and VFORK_DONE, orphans counted but not reaped by the real parent, getppid returns the real parent",
		os:          &freebsdOS, plFlags: plFlags9x | PL_FLAG_CHILD | PL_FLAG_BORN | PL_FLAG_EXITED | PL_FLAG_VFORKED | PL_FLAG_VFORK_DONE,
		requests: requests9x | reqs(PTSetEvents, PTEditEvents),
		childSCX: true, forkStopAtSCX: true, orphanMark: "P_TREE_ORPHANED",
		vforkWait: &vforkWait{"fork_rfppwait", "cv_timedwait"},
		eventMask: true, attachInDoFork: true, realParentKept: true, resumeQueuesSig: true, raiseThrKill: true,
	},
	{
		Name: "linux", Alias: "linux",
		Description: "Linux ptrace for contrast: the tracer is not the parent, PTRACE_EVENT_* stops, real_parent kept",
		os:          &linuxOS,
		// Linux has no pl_flags; PT_TO_SCE, PT_TO_SCX and the event masks are
		// FreeBSD's (§6).
		requests: reqs(PTTraceMe, PTAttach, PTDetach, PTContinue, PTSyscall, PTKill, PTFollowFork, PTFollowExec, PTLwpinfo),
	},
}

// plFlags9x are the pl_flags of 9.0's sys/ptrace.h (§2.2): PL_FLAG_CHILD came in
// 9.1, the rest after PL_FLAG_FORKED with the event masks.
const plFlags9x = PL_FLAG_SA | PL_FLAG_BOUND | PL_FLAG_SCE | PL_FLAG_SCX | PL_FLAG_EXEC | PL_FLAG_SI | PL_FLAG_FORKED

// requests9x are the requests of 9.x's sys/ptrace.h that scenarios use (§2.1).
var requests9x = reqs(PTTraceMe, PTAttach, PTDetach, PTContinue, PTToSCE, PTToSCX, PTSyscall, PTKill, PTFollowFork, PTLwpinfo)

// reqSet is a set of ptrace requests, a bit each.
type reqSet uint32

func reqs(rs ...Req) reqSet {
	var s reqSet
	for _, r := range rs {
		s |= 1 << r
	}
	return s
}

// breaks9x: in 9.x, proc_reap hands a zombie back to p_oppid even when that is the
// reaper itself (PT_TRACE_ME, or a parent attached to its own child), and in 9.1 a
// real parent can reap an orphan before the debugger and then gets it again (§3,
// §4(f)); the same process then receives one exit status twice.
var breaks9x = []Broken{{"exit-status-once", "proc_reap's hand-back to p_oppid can give the same process the same exit status twice (§3, §4(f))"}}

// proposalAssumptions are A1-A12 of ptrace-semantics.md §1.2.1. Everything they
// do not name behaves as in 9.0, p_dbg_child included: the review says nothing of
// removing it.
var proposalAssumptions = []Assumption{
	{"A1", "PT_FOLLOW_EXEC is a process-wide toggle like PT_FOLLOW_FORK; its number is unknown, so forklab resolves requests by name."},
	{"A2", "With PT_FOLLOW_EXEC set, a successful exec stops the process with SIGTRAP in kern_execve() and PT_LWPINFO reports PL_FLAG_EXEC without PL_FLAG_SCX."},
	{"A3", "With PT_FOLLOW_EXEC clear, the legacy exec SIGTRAP of 9.0 remains; with it set, the A2 stop replaces it."},
	{"A4", "With PT_FOLLOW_FORK set, the parent stops with SIGTRAP in the fork code under plain PT_CONTINUE, reporting PL_FLAG_FORKED and pl_child_pid without PL_FLAG_SCX."},
	{"A5", "TDB_FORK on the child's thread: the child's first stop is still fork_return's SIGSTOP and also reports PL_FLAG_FORKED with pl_child_pid set to its own pid."},
	{"A6", "syscallret() no longer handles TDB_EXEC/TDB_FORK, so a PT_TO_SCX stop after fork or exec reports PL_FLAG_SCX alone."},
	{"A7", "A traced process's vfork becomes a fork: RFMEM and RFPPWAIT are dropped, also from an explicit rfork, silently."},
	{"A8", "The orphan list behaves as in 9.1: the real parent's wait counts orphans and can reap a zombie orphan."},
	{"A9", "PL_FLAG_CHILD does not exist in this design."},
	{"A10", "The parent still waits in the fork code for its followed child to stop, so the child's SIGSTOP is posted before the parent's A4 stop."},
	{"A11", "Under PT_TO_SCX the A2/A4 stop comes first and a separate syscall-exit stop follows; with PT_FOLLOW_EXEC clear the syscall-exit stop comes first and the A3 trap follows."},
	{"A12", "A8 includes 9.1's detach quirk: a detached child stays on the debugger's orphan list."},
}

// Designs returns every design in canonical order.
func Designs() []*Design { return designs }

// DesignNames lists the designs in their canonical order with their aliases
// (scenario-language.md "Designs"), from the table.
var DesignNames = func() []struct{ Name, Alias string } {
	names := make([]struct{ Name, Alias string }, len(designs))
	for i, d := range designs {
		names[i].Name, names[i].Alias = d.Name, d.Alias
	}
	return names
}()

// CanonicalDesign returns the canonical name of the design called name or alias.
func CanonicalDesign(name string) (string, bool) {
	if d, ok := LookupDesign(name); ok {
		return d.Name, true
	}
	return "", false
}

// DefaultPair returns the two designs the page compares when a scenario does not
// choose: the first two of the table, 9.0 and the proposal under review.
func DefaultPair() [2]*Design { return [2]*Design{designs[0], designs[1]} }

// LookupDesign returns the design called name or alias.
func LookupDesign(name string) (*Design, bool) {
	for _, d := range designs {
		if d.Name == name || d.Alias == name {
			return d, true
		}
	}
	return nil, false
}

// Linux reports whether the design is Linux rather than FreeBSD.
func (d *Design) Linux() bool { return d.os == &linuxOS }

// OS returns the design's operating-system personality.
func (d *Design) OS() *OS { return d.os }

// HasPLFlag reports whether pl_flags in this design has flag (§2.2); linux has none.
func (d *Design) HasPLFlag(f PLFlags) bool { return d.plFlags&f != 0 }

// HasRequest reports whether the design has the ptrace request (§2.1).
func (d *Design) HasRequest(r Req) bool { return d.requests&(1<<r) != 0 }

// Assumption returns the named assumption of this design.
func (d *Design) Assumption(name string) (Assumption, bool) {
	for _, a := range d.Assumptions {
		if a.Name == name {
			return a, true
		}
	}
	return Assumption{}, false
}

func (d *Design) String() string {
	if d.Alias == d.Name {
		return d.Name
	}
	return d.Name + " (" + d.Alias + ")"
}

// Short returns the alias.
func (d *Design) Short() string { return strings.TrimSpace(d.Alias) }
