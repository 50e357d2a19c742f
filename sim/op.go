package sim

// Call names the system call (or memory access) of a step, as in the call table of
// scenario-language.md.
type Call uint8

const (
	CallFork     Call = iota + 1 // fork(2)
	CallVfork                    // vfork(2)
	CallRfork                    // rfork(2) with Op.Rfork flags
	CallForkFail                 // a fork(2) that fails with Op.Errno
	CallExec                     // execve(2) of Op.Path; fails with Op.Errno if set
	CallExit                     // _exit(Op.Status)
	CallKill                     // kill(Op.Target, Op.Signal)
	CallRaise                    // kill(getpid(), Op.Signal)
	CallWait                     // wait4(Op.Target or any, WNOHANG if Op.NoHang)
	CallGetppid                  // getppid(2)
	CallSet                      // store Op.Value in Op.Var (memory, not a system call)
	CallRead                     // load Op.Var (memory, not a system call)
	CallPtrace                   // ptrace(Op.Req, Op.Target, ...)
)

var callNames = [...]string{"", "fork", "vfork", "rfork", "fork", "execve", "exit", "kill", "kill", "wait4", "getppid", "set", "read", "ptrace"}

// String returns the name of the system call as traces print it.
func (c Call) String() string { return callNames[c] }

// Syscall reports whether the call enters the kernel (set and read do not).
func (c Call) Syscall() bool { return c != CallSet && c != CallRead }

// Req names a ptrace request. Requests are modelled by name, never by number
// (scenario-language.md "Requests are modelled by name").
type Req uint8

const (
	PTTraceMe    Req = iota + 1 // PT_TRACE_ME / PTRACE_TRACEME
	PTAttach                    // PT_ATTACH / PTRACE_ATTACH
	PTDetach                    // PT_DETACH / PTRACE_DETACH, with Op.Signal
	PTContinue                  // PT_CONTINUE / PTRACE_CONT, with Op.Signal
	PTToSCE                     // PT_TO_SCE
	PTToSCX                     // PT_TO_SCX
	PTSyscall                   // PT_SYSCALL / PTRACE_SYSCALL
	PTKill                      // PT_KILL / PTRACE_KILL
	PTFollowFork                // PT_FOLLOW_FORK / PTRACE_O_TRACEFORK|PTRACE_O_TRACEVFORK, Op.On
	PTFollowExec                // PT_FOLLOW_EXEC (2012 proposal) / PTRACE_O_TRACEEXEC, Op.On
	PTSetEvents                 // PT_SET_EVENT_MASK to exactly Op.Events
	PTEditEvents                // PT_GET_EVENT_MASK, then PT_SET_EVENT_MASK with Op.Events added and Op.EventsDel removed
	PTLwpinfo                   // PT_LWPINFO / the last wait status and PTRACE_GETEVENTMSG
)

// Rfork flags of rfork(2) (sys/sys/unistd.h).
const (
	RFFDG    = 1 << 2  // copy file descriptors
	RFPROC   = 1 << 4  // create a new process
	RFMEM    = 1 << 5  // share the address space
	RFPPWAIT = 1 << 31 // the parent sleeps until the child execs or exits
)

// EventMask is FreeBSD's p_ptevents (sys/sys/ptrace.h, current only).
type EventMask uint32

const (
	PTRACE_EXEC    EventMask = 0x0001
	PTRACE_SCE     EventMask = 0x0002
	PTRACE_SCX     EventMask = 0x0004
	PTRACE_SYSCALL           = PTRACE_SCE | PTRACE_SCX
	PTRACE_FORK    EventMask = 0x0008
	PTRACE_LWP     EventMask = 0x0010
	PTRACE_VFORK   EventMask = 0x0020
	PTRACE_DEFAULT           = PTRACE_EXEC
)

// EventNames maps the names of `ptrace events` to mask bits.
var EventNames = map[string]EventMask{
	"exec": PTRACE_EXEC, "fork": PTRACE_FORK, "vfork": PTRACE_VFORK,
	"sce": PTRACE_SCE, "scx": PTRACE_SCX, "lwp": PTRACE_LWP,
}

// Op is one step of a scenario: an actor and the call it makes. The scenario parser
// builds Ops; the kernel runs them.
type Op struct {
	Actor  string // the process that makes the call
	Call   Call
	Child  string    // fork, vfork, rfork with RFPROC: the new child's name
	Target string    // kill, wait, ptrace: the process named; "" for wait any
	Signal Signal    // kill, raise; ptrace detach and continue (0: none)
	Errno  Errno     // fork fail; exec fail (0: the exec succeeds)
	Path   string    // exec
	Status int       // exit
	Rfork  uint32    // rfork flags
	NoHang bool      // wait: WNOHANG
	Var    string    // set, read
	Value  int       // set
	Req    Req       // ptrace
	On     bool      // ptrace follow-fork, follow-exec
	Events EventMask // ptrace events: the mask, or the bits to add
	Del    EventMask // ptrace events +/-: the bits to remove
}

// IsCallName reports whether name is the system-call name of one of the language's
// calls (fork, wait4, getppid, ...): a word of every system, not a kernel function.
func IsCallName(name string) bool {
	for _, n := range callNames[1:] {
		if n == name {
			return true
		}
	}
	return name == "wait" || name == "exec"
}
