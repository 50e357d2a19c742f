package sim

// Event is one fact the kernel reports while it runs a step. Each event type is one
// kind of fact; every event carries the process it happened to and the kernel
// function where it happens. Events are the only output of stepping (a Snapshot is
// taken on request).
type Event interface {
	// Common returns the fields every event has.
	Common() *EventBase
	event()
}

// eventSlab hands out new events of type T, carved from chunks so that the events
// every call has cost an allocation a chunk rather than one each. An event is
// handed out once and never reused: callers keep the events Step returns.
type eventSlab[T any] struct {
	free []T
	n    int // the size of the last chunk; chunks grow up to 128
}

// alloc returns a new zero event.
func (s *eventSlab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.n = min(max(2*s.n, 8), 128)
		s.free = make([]T, s.n)
	}
	e := &s.free[0]
	s.free = s.free[1:]
	return e
}

// EventBase is what every event carries.
type EventBase struct {
	Pid  int    // the process the event happened to
	Proc string // NAME[pid]
	Func string // the kernel function where it happens (fork1, kern_wait, ...)
	Op   int    // index of the step whose run (or settling) produced it
}

// Common returns b.
func (b *EventBase) Common() *EventBase { return b }
func (*EventBase) event()               {}

// SyscallEnter: the process enters a system call. Args renders its arguments.
type SyscallEnter struct {
	EventBase
	Call    string // the syscall's name (fork, wait4, ptrace, ...)
	Op      *Op    // the step
	Self    string // the caller as NAME[pid]
	Target  string // the target as NAME[pid] when it exists, else its name
	Request string // ptrace: the request as the system spells it
	Options string // ptrace follow-fork/exec: the data argument as traces print it
}

// SyscallReturn: the system call returns to user mode.
type SyscallReturn struct {
	EventBase
	Call  string
	Value string // the return value as traces print it ("101", "0")
	Errno Errno  // non-zero when the call failed
}

// Unfinished: the call sleeps or stops before it returns, or, Returned, the
// process stops after its call has returned, before it reaches user mode.
type Unfinished struct {
	EventBase
	Call     string
	Returned bool
}

// Resumed: a call that slept or stopped goes on.
type Resumed struct {
	EventBase
	Call string
}

// Blocked: the process sleeps inside a call, on what On says.
type Blocked struct {
	EventBase
	On string
}

// Forked: the process created a child.
type Forked struct {
	EventBase
	Child     int
	ChildName string
	Vfork     bool   // the parent waits for the child to exec or exit (RFPPWAIT)
	WaitsIn   string // vfork: the function the parent will wait in, when not this one
	SharedVM  bool   // the child shares the parent's address space (RFMEM)
	Followed  bool   // the child is traced by the parent's debugger
}

// Execed: the process replaced its image.
type Execed struct {
	EventBase
	Path string
}

// Stopped: the process stopped; a traced stop if Trace, else a job-control stop.
type Stopped struct {
	EventBase
	Sig        Signal
	Trace      bool
	Flags      PLFlags     // what PT_LWPINFO would report at this stop (FreeBSD)
	LinuxEvent PtraceEvent // the ptrace event in the stop status (linux)
	Why        string      // what the stop reports: "fork event", "SIGSTOP from attach", ...
	Assumption string      // the named assumption this stop relies on, if any
}

// Continued: a stopped process runs again.
type Continued struct {
	EventBase
	By  int    // the resuming process (0: a signal)
	Sig Signal // the signal it resumes with
}

// Reparented: p_pptr (linux: the tracer link) changed.
type Reparented struct {
	EventBase
	From, To int
	Orphan   bool   // the process was put on From's p_orphans
	Mark     string // with Orphan: the mark it gets there (P_ORPHAN, P_TREE_ORPHANED)
}

// Attached: the process became traced.
type Attached struct {
	EventBase
	Tracer int
}

// Detached: the process is no longer traced.
type Detached struct {
	EventBase
	Tracer int
}

// SignalSent: a signal was posted to the process.
type SignalSent struct {
	EventBase
	From      int
	Sig       Signal
	Discarded bool // ignored by default and dropped when posted
}

// SignalTaken: the process acts on a signal (kdump's PSIG).
type SignalTaken struct {
	EventBase
	Sig    Signal
	Action string // "stop", "terminate", "ignore", "continue", "trace"
}

// Exited: the process became a zombie.
type Exited struct {
	EventBase
	Status int    // exit status when Sig == 0
	Sig    Signal // the signal that killed it
}

// Reaped: the zombie was freed.
type Reaped struct {
	EventBase
	By int
}

// HandedBack: proc_reap gave the zombie back to its real parent instead of freeing it.
type HandedBack struct {
	EventBase
	To int
}

// WaitReturned: a wait4 returned a result.
type WaitReturned struct {
	EventBase
	Result WaitResult
}

// LwpinfoRead: a debugger read PT_LWPINFO (linux: the stop's event and GETEVENTMSG).
type LwpinfoRead struct {
	EventBase
	Target int
	Info   LwpInfo
}

// Assumed: what happened here rests on a named assumption (ptrace-semantics.md §1.2.1).
type Assumed struct {
	EventBase
	Name, Text string
}

// WaitKind says what a wait4 returned.
type WaitKind uint8

const (
	WaitErr     WaitKind = iota + 1 // -1 with Errno
	WaitNone                        // 0 with no status (WNOHANG, or 9.0's p_dbg_child)
	WaitStopped                     // WIFSTOPPED
	WaitExited                      // WIFEXITED
	WaitKilled                      // WIFSIGNALED
)

// WaitResult is a decoded wait4 result.
type WaitResult struct {
	Kind   WaitKind
	Pid    int
	Name   string
	Sig    Signal      // WSTOPSIG or WTERMSIG
	Status int         // WEXITSTATUS
	Event  PtraceEvent // linux: status>>16
	Errno  Errno
}

// String decodes the result as a debugger would print it.
func (w WaitResult) String() string {
	switch w.Kind {
	case WaitErr:
		return "-1 " + w.Errno.String()
	case WaitNone:
		return "0"
	case WaitStopped:
		s := w.Name + " stopped " + w.Sig.String()
		if w.Event != 0 {
			s += " " + w.Event.String()
		}
		return s
	case WaitExited:
		return w.Name + " exited " + itoa(w.Status)
	case WaitKilled:
		return w.Name + " killed " + w.Sig.String()
	}
	return "?"
}

// LwpInfo is what PT_LWPINFO returns (FreeBSD) or, on linux, the stop's event and
// PTRACE_GETEVENTMSG.
type LwpInfo struct {
	Sig       Signal // the stop signal wait reported
	Event     PLEvent
	Flags     PLFlags
	ChildPid  int // pl_child_pid / the event message after a fork event; 0 if none
	ChildName string
	Siginfo   Siginfo // pl_siginfo's si_signo and si_code when Flags has PL_FLAG_SI (FreeBSD)
	Linux     bool
	LinuxEv   PtraceEvent
}

// String renders the record like an lwpinfo expectation. It leaves out Siginfo,
// which the scenario language does not see (Describe shows it).
func (l LwpInfo) String() string {
	child := "none"
	if l.ChildPid != 0 {
		child = l.ChildName
	}
	if l.Linux {
		return l.Sig.String() + " event=" + l.LinuxEv.String() + " child=" + child
	}
	return l.Sig.String() + " flags=" + l.Flags.String() + " child=" + child + " event=" + l.Event.String()
}

// MemoryAccess: the process stored to or loaded from its address space.
type MemoryAccess struct {
	EventBase
	Var    string
	Value  int
	Write  bool
	Shared []int // other processes sharing the address space (vfork, RFMEM)
}
