package sim

import (
	"maps"
	"slices"
)

// ProcState is what a process is doing, as `expect state` names it.
type ProcState uint8

const (
	StateRunning ProcState = iota + 1 // in user mode, or in a call that is not sleeping
	StateStopped                      // stopped for a signal or in ptracestop, also inside a call
	StateBlocked                      // sleeping inside a call
	StateZombie                       // exited, not reaped
	StateReaped                       // gone
)

var stateNames = [...]string{"", "running", "stopped", "blocked", "zombie", "reaped"}

func (s ProcState) String() string { return stateNames[s] }

// ParseState returns the state named name.
func ParseState(name string) (ProcState, bool) {
	for i, n := range stateNames {
		if i > 0 && n == name {
			return ProcState(i), true
		}
	}
	return 0, false
}

// ProcView is one process in a Snapshot.
type ProcView struct {
	Pid  int
	Name string
	// Parent is p_pptr on FreeBSD (the debugger while traced) and real_parent on
	// linux; RealParent is proc_realparent() (p_oppid's process while set) on FreeBSD
	// and real_parent on linux. 0 for init.
	Parent, RealParent int
	Tracer             int // 0 when not traced
	State              ProcState
	StopSig            Signal      // with StateStopped
	TraceStop          bool        // the stop is a ptracestop the debugger sees
	BlockedOn          string      // with StateBlocked
	Exit               *WaitResult // with StateZombie and StateReaped: how it ended
	InCall             string      // the system call it is inside, if any
	OrphanOf           int         // the process whose p_orphans holds it (P_ORPHAN), 0 if none
	OrphanMark         string      // with OrphanOf: the mark the design gives it (P_ORPHAN in p_flag, P_TREE_ORPHANED in p_treeflag)
	Oppid              int         // p_oppid (FreeBSD)
	DbgChild           int         // p_dbg_child (9.0)
	PFlags             []string    // p_flag bits set
	TDBFlags           []string    // td_dbgflags bits set
	Events             EventMask   // p_ptevents (current)
	FollowExec         bool        // PT_FOLLOW_EXEC (the proposal)
	Pending            []Signal    // pending signals
	SharesVM           []int       // live processes sharing its address space
	LastWait           *WaitResult // the last thing its own wait4 returned
	Lwpinfo            *LwpInfo    // what PT_LWPINFO would return now, while in a trace stop
	// Vmspace is the id of its address space (p_vmspace): processes that share one
	// (a vfork child before it execs or exits, an rfork(RFMEM) child) have the same
	// id, an exec gives a new one. 0 once the process has exited (vmspace_exit()).
	Vmspace int
	Vars    []Var // the variables its address space holds, sorted by name; nil when none
}

// Var is a variable of an address space and the value it holds (the scenario
// language's `set` and `read`).
type Var struct {
	Name  string
	Value int
}

// Snapshot is the whole process table at one point of a run.
type Snapshot struct {
	Procs []ProcView // in pid order, init first; reaped processes stay, as reaped
}

// Proc returns the view of the process called name.
func (s *Snapshot) Proc(name string) (ProcView, bool) {
	for _, p := range s.Procs {
		if p.Name == name {
			return p, true
		}
	}
	return ProcView{}, false
}

// ByPid returns the view of pid. Procs is indexed by pid as Kernel.procs is
// (procByPid), not searched: the page asks it for every process at every step
// (issue 12: 200 processes).
func (s *Snapshot) ByPid(pid int) (ProcView, bool) {
	if i := pidIndex(pid); i >= 0 && i < len(s.Procs) && s.Procs[i].Pid == pid {
		return s.Procs[i], true
	}
	return ProcView{}, false
}

// Snapshot returns the process table now.
func (k *Kernel) Snapshot() Snapshot {
	s := Snapshot{Procs: make([]ProcView, 0, len(k.procs))}
	for _, p := range k.procs {
		s.Procs = append(s.Procs, k.view(p))
	}
	return s
}

func pidOrZero(p *Proc) int {
	if p == nil {
		return 0
	}
	return p.Pid
}

func (k *Kernel) view(p *Proc) ProcView {
	v := ProcView{Pid: p.Pid, Name: p.Name, Oppid: p.oppid, DbgChild: p.dbgChild,
		PFlags: p.flag.Names(), TDBFlags: p.td.dbgflags.Names(), Events: p.ptevents,
		FollowExec: p.followExc, Pending: append(slices.Clone(p.sigPend), p.sigPriv...), LastWait: p.lastWait}
	if p != k.init {
		v.Parent = pidOrZero(k.os.listedUnder(p))
		v.RealParent = pidOrZero(k.realParentOf(p))
		v.Tracer = pidOrZero(p.tracer())
	}
	v.OrphanOf = pidOrZero(p.orphanOf)
	if p.orphanOf != nil {
		v.OrphanMark = k.d.orphanMark
	}
	if k.d.orphanMark != "P_ORPHAN" {
		// The model keeps the mark in p_flag for every design; current keeps it
		// in p_treeflag, where OrphanMark names it.
		v.PFlags = slices.DeleteFunc(v.PFlags, func(f string) bool { return f == "P_ORPHAN" })
	}
	if p.td.k != nil && p.td.k.call != "" {
		v.InCall = p.td.k.call
	}
	switch {
	case p.state == prsReaped:
		v.State = StateReaped
	case p.state == prsZombie:
		v.State = StateZombie
	case p.stopped():
		v.State, v.StopSig = StateStopped, Signal(p.xstat)
		v.TraceStop = p.flag&P_STOPPED_TRACE != 0
		if v.TraceStop {
			info := k.lwpinfo(p)
			v.Lwpinfo = &info
		}
	case p.td.k != nil && p.td.k.sleeping():
		v.State, v.BlockedOn = StateBlocked, p.td.k.wchan.String()
	default:
		v.State = StateRunning
	}
	if p.state != prsNormal {
		r := exitResult(p)
		v.Exit = &r
		v.InCall = ""
	} else {
		v.SharesVM = k.vmShared(p)
		v.Vmspace, v.Vars = p.vm.id, p.vm.sorted()
	}
	return v
}

// sorted returns the variables of vm sorted by name, nil when it has none.
func (vm *vmspace) sorted() []Var {
	if len(vm.vars) == 0 {
		return nil
	}
	vars := make([]Var, 0, len(vm.vars))
	for _, name := range slices.Sorted(maps.Keys(vm.vars)) {
		vars = append(vars, Var{name, vm.vars[name]})
	}
	return vars
}
