package sim

import "strings"

// PLFlags is pl_flags of struct ptrace_lwpinfo (sys/sys/ptrace.h; ptrace-semantics.md §2.2).
type PLFlags uint32

const (
	PL_FLAG_SA         PLFlags = 0x01
	PL_FLAG_BOUND      PLFlags = 0x02
	PL_FLAG_SCE        PLFlags = 0x04
	PL_FLAG_SCX        PLFlags = 0x08
	PL_FLAG_EXEC       PLFlags = 0x10
	PL_FLAG_SI         PLFlags = 0x20
	PL_FLAG_FORKED     PLFlags = 0x40
	PL_FLAG_CHILD      PLFlags = 0x80  // 9.1 and later
	PL_FLAG_BORN       PLFlags = 0x100 // current
	PL_FLAG_EXITED     PLFlags = 0x200 // current
	PL_FLAG_VFORKED    PLFlags = 0x400 // current
	PL_FLAG_VFORK_DONE PLFlags = 0x800 // current
)

// PLFlagNames lists the pl_flags bits in value order.
var PLFlagNames = []struct {
	Name string
	Flag PLFlags
}{
	{"PL_FLAG_SA", PL_FLAG_SA}, {"PL_FLAG_BOUND", PL_FLAG_BOUND}, {"PL_FLAG_SCE", PL_FLAG_SCE},
	{"PL_FLAG_SCX", PL_FLAG_SCX}, {"PL_FLAG_EXEC", PL_FLAG_EXEC}, {"PL_FLAG_SI", PL_FLAG_SI},
	{"PL_FLAG_FORKED", PL_FLAG_FORKED}, {"PL_FLAG_CHILD", PL_FLAG_CHILD},
	{"PL_FLAG_BORN", PL_FLAG_BORN}, {"PL_FLAG_EXITED", PL_FLAG_EXITED},
	{"PL_FLAG_VFORKED", PL_FLAG_VFORKED}, {"PL_FLAG_VFORK_DONE", PL_FLAG_VFORK_DONE},
}

// ParsePLFlag returns the pl_flags bit named name.
func ParsePLFlag(name string) (PLFlags, bool) {
	for _, f := range PLFlagNames {
		if f.Name == name {
			return f.Flag, true
		}
	}
	return 0, false
}

// String returns the set bits joined by "|", or "0".
func (f PLFlags) String() string {
	if f == 0 {
		return "0"
	}
	var parts []string
	for _, n := range PLFlagNames {
		if f&n.Flag != 0 {
			parts = append(parts, n.Name)
		}
	}
	return strings.Join(parts, "|")
}

// PLEvent is pl_event: PL_EVENT_NONE or PL_EVENT_SIGNAL.
type PLEvent uint8

const (
	PL_EVENT_NONE   PLEvent = 0
	PL_EVENT_SIGNAL PLEvent = 1
)

func (e PLEvent) String() string {
	if e == PL_EVENT_SIGNAL {
		return "PL_EVENT_SIGNAL"
	}
	return "PL_EVENT_NONE"
}

// PtraceEvent is a Linux ptrace event, the high byte of a stop status (ptrace(2)).
type PtraceEvent uint8

const (
	PTRACE_EVENT_NONE       PtraceEvent = 0
	PTRACE_EVENT_FORK       PtraceEvent = 1
	PTRACE_EVENT_VFORK      PtraceEvent = 2
	PTRACE_EVENT_CLONE      PtraceEvent = 3
	PTRACE_EVENT_EXEC       PtraceEvent = 4
	PTRACE_EVENT_VFORK_DONE PtraceEvent = 5
	PTRACE_EVENT_EXIT       PtraceEvent = 6
)

var ptraceEventNames = [...]string{"none", "PTRACE_EVENT_FORK", "PTRACE_EVENT_VFORK", "PTRACE_EVENT_CLONE", "PTRACE_EVENT_EXEC", "PTRACE_EVENT_VFORK_DONE", "PTRACE_EVENT_EXIT"}

func (e PtraceEvent) String() string { return ptraceEventNames[e] }

// ParsePtraceEvent returns the Linux event named name ("none" included).
func ParsePtraceEvent(name string) (PtraceEvent, bool) {
	for i, n := range ptraceEventNames {
		if n == name {
			return PtraceEvent(i), true
		}
	}
	return 0, false
}
