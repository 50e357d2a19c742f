package sim

import (
	"fmt"
	"slices"
	"strings"
)

// This file runs scenarios under the run rules of scenario-language.md ("How a run
// proceeds"): the next step is the first runnable one in file order; after each step
// the run settles, the lowest pid that can go on going first; init reaps its zombies.
//
// A process inside the kernel is a kact: a list of stages, each a function that
// either finishes (the kact moves to the next stage) or leaves the process sleeping
// or stopped, to be run again when the scheduler finds it can go on. This is how a
// kernel function that sleeps (msleep, cv_wait, ptracestop) is written here, without
// goroutines, so that every run is deterministic.

// ProcDecl is a process that exists when the scenario starts.
type ProcDecl struct {
	Name   string
	Parent string // "" for init
}

// Program is what the kernel runs: the declared processes and the steps.
type Program struct {
	Procs []ProcDecl
	Ops   []Op
}

// MaxEvents bounds a run (scenario-language.md rule 6).
const MaxEvents = 100000

// ErrStepLimit is returned when a run produces more than MaxEvents events.
type ErrStepLimit struct{ Op int }

func (e *ErrStepLimit) Error() string { return fmt.Sprintf("step limit reached at step %d", e.Op) }

// CallResult is what a step's call returned, once its value is fixed.
type CallResult struct {
	Ran   bool  // the step started
	Fixed bool  // the kernel set the return value
	Errno Errno // the call failed with Errno
	Ret   int   // fork: the child's pid; getppid: the parent's pid; read: the value
	Name  string
	Wait  *WaitResult // wait4
	Lwp   *LwpInfo    // ptrace lwpinfo
}

// Kernel is the whole simulated machine under one design.
type Kernel struct {
	d      *Design
	os     *OS // the design's personality, set once by New: the only place that asks which system runs
	prog   *Program
	procs  []*Proc // by pid order; procs[0] is init (see procByPid)
	init   *Proc
	maxPid int

	results []CallResult
	done    []bool // the step has started
	// nextOf links each step to its actor's next step (-1: none); heads holds, in
	// order, the first step not yet started of each actor that exists and may still
	// run one (rule 1). An actor that does not exist yet gets its first step into
	// heads when it is created (newProc).
	nextOf []int
	heads  []int
	// names numbers the process names the kernel knows, those of the steps' actors
	// and of the processes; named holds each name's process once it exists, first
	// and last its first and last step (-1: none). actorOf maps a step to its
	// actor's number (the hot paths of Next and Step avoid looking names up).
	names       map[string]int
	named       []*Proc
	first, last []int
	actorOf     []int

	// runq is the run queue: the processes inside the kernel (td.k != nil), in pid
	// order, but for those settle found stopped (TD_IS_SUSPENDED), which stay off it
	// until setrunnable puts them back.
	runq  []*Proc
	paths [CallPtrace + 1][]stage // the kernel path of each call, built once (pathOf)
	// gen counts state changes: every event, wakeup and queued signal. A thread that
	// could not go on is not tried again until it changes (kact.stuckAt).
	gen uint64
	// initZombies is non-zero when init may have a zombie child to reap.
	initZombies int
	events      []Event // produced by the current Step
	// enters and returns hold the events every call has.
	enters  eventSlab[SyscallEnter]
	returns eventSlab[SyscallReturn]
	nevents int
	curOp   int
	err     error
	assumed map[string]bool // assumptions relied on so far
	// delivered counts exit statuses given by wait, by (waiter, child) pid.
	delivered map[[2]int]int
	vmspaces  int // address spaces made so far: the id of the newest (newVmspace)
}

// New returns a kernel under design d, with init and the declared processes.
func New(d *Design, prog *Program) *Kernel {
	// The process tables are sized for as many processes as the program can have:
	// init, the declared ones and a child a fork.
	procs := 1 + len(prog.Procs)
	for i := range prog.Ops {
		if prog.Ops[i].Child != "" {
			procs++
		}
	}
	k := &Kernel{d: d, os: d.os, prog: prog, procs: make([]*Proc, 0, procs), names: make(map[string]int, procs),
		results: make([]CallResult, len(prog.Ops)), done: make([]bool, len(prog.Ops)),
		actorOf: make([]int, 0, len(prog.Ops)), nextOf: make([]int, 0, len(prog.Ops)),
		assumed: map[string]bool{}, curOp: -1}
	k.init = k.newProc("init", 1, nil)
	k.newVmspace(k.init, map[string]int{})
	k.maxPid = firstPid - 1
	for _, pd := range prog.Procs {
		parent := k.init
		if pd.Parent != "" {
			parent = k.byName(pd.Parent)
		}
		q := k.newProc(pd.Name, k.maxPid+1, parent)
		k.newVmspace(q, map[string]int{})
		if d.realParentKept {
			q.oppid = parent.Pid
		}
	}
	k.index(0)
	return k
}

// index adds steps from..len(Ops) to the per-actor queues and heads.
func (k *Kernel) index(from int) {
	for i := from; i < len(k.prog.Ops); i++ {
		id := k.nameID(k.prog.Ops[i].Actor)
		k.actorOf = append(k.actorOf, id)
		k.nextOf = append(k.nextOf, -1)
		prev := k.last[id]
		k.last[id] = i
		if prev >= 0 {
			k.nextOf[prev] = i
		} else {
			k.first[id] = i
		}
		if k.named[id] != nil && (prev < 0 || k.done[prev]) {
			k.addHead(i)
		}
	}
}

// nameID returns name's number, numbering it if it is new.
func (k *Kernel) nameID(name string) int {
	id, ok := k.names[name]
	if !ok {
		id = len(k.named)
		k.names[name] = id
		k.named = append(k.named, nil)
		k.first = append(k.first, -1)
		k.last = append(k.last, -1)
	}
	return id
}

// byName returns the process called name, or nil if it does not exist (yet).
func (k *Kernel) byName(name string) *Proc {
	if id, ok := k.names[name]; ok {
		return k.named[id]
	}
	return nil
}

// addHead puts step i into heads.
func (k *Kernel) addHead(i int) {
	if j, found := slices.BinarySearch(k.heads, i); !found {
		k.heads = slices.Insert(k.heads, j, i)
	}
}

// Extend appends steps to the program, for generators that choose each next step
// from the state the run has reached.
func (k *Kernel) Extend(ops ...Op) {
	from := len(k.prog.Ops)
	k.prog.Ops = append(k.prog.Ops, ops...)
	k.results = append(k.results, make([]CallResult, len(ops))...)
	k.done = append(k.done, make([]bool, len(ops))...)
	k.index(from)
}

// Ready reports whether the process called name could start a step now.
func (k *Kernel) Ready(name string) bool { return k.byName(name).actorReady() }

// newProc creates process pid called name, a child of parent (nil for init), with
// no address space yet: the caller gives it one.
func (k *Kernel) newProc(name string, pid int, parent *Proc) *Proc {
	p := &Proc{Pid: pid, Name: name, label: name + "[" + itoa(pid) + "]"}
	if parent != nil {
		p.pptr, p.realParent = parent, parent
		parent.children = append(parent.children, p)
	}
	k.procs = append(k.procs, p)
	id := k.nameID(name)
	if k.named[id] == nil && k.first[id] >= 0 {
		k.addHead(k.first[id]) // none of its steps can have started
	}
	k.named[id] = p
	if pid > k.maxPid {
		k.maxPid = pid
	}
	return p
}

// firstPid is the pid of the first process after init.
const firstPid = 100

// procByPid returns the process with pid, whatever its state, or nil if there has
// been none (the pid hash). Pids are handed out in order, init's 1 and then from
// firstPid (fork1() with no wrap-around), so procs is indexed by pid.
func (k *Kernel) procByPid(pid int) *Proc {
	if i := pidIndex(pid); i >= 0 && i < len(k.procs) {
		return k.procs[i]
	}
	return nil
}

// pidIndex is where pid is in Kernel.procs and Snapshot.Procs (-1: nowhere).
func pidIndex(pid int) int {
	switch {
	case pid == 1:
		return 0
	case pid >= firstPid:
		return pid - firstPid + 1
	}
	return -1
}

// Names returns NAME[pid] for every process created so far, init included.
func (k *Kernel) Names() map[int]string {
	m := make(map[int]string, len(k.procs))
	for _, p := range k.procs {
		m[p.Pid] = p.String()
	}
	return m
}

// Design returns the kernel's design.
func (k *Kernel) Design() *Design { return k.d }

// Result returns step i's result so far.
func (k *Kernel) Result(i int) CallResult { return k.results[i] }

// Err returns the error that ended the run (the step limit), or nil.
func (k *Kernel) Err() error { return k.err }

// Assumed returns the names of the assumptions the run has relied on, in design order.
func (k *Kernel) Assumed() []string {
	var names []string
	for _, a := range k.d.Assumptions {
		if k.assumed[a.Name] {
			names = append(names, a.Name)
		}
	}
	return names
}

// Proc returns the process called name, or nil if it does not exist (yet).
func (k *Kernel) Proc(name string) *Proc { return k.byName(name) }

// actorReady reports whether p can start a step now (rule 1): it exists, has not
// exited, is not inside a call and is not stopped.
func (p *Proc) actorReady() bool {
	return p != nil && p.alive() && p.td.k == nil && !p.stopped() && !p.killed
}

// Next returns the index of the step that runs next, or -1 when none can run: the
// first step in file order whose actor can run now and has no earlier step waiting.
func (k *Kernel) Next() int {
	if k.err != nil {
		return -1
	}
	for j := 0; j < len(k.heads); j++ {
		i := k.heads[j]
		p := k.named[k.actorOf[i]]
		if p.actorReady() {
			return i
		}
		if !p.alive() {
			// An actor that has exited never runs again: drop its steps.
			k.heads = slices.Delete(k.heads, j, j+1)
			j--
		}
	}
	return -1
}

// advanceHead replaces step i, which starts now, by its actor's next step.
func (k *Kernel) advanceHead(i int) {
	next := k.nextOf[i]
	j, ok := slices.BinarySearch(k.heads, i)
	switch {
	case ok && next >= 0:
		// next comes after i: the heads between them move down one place.
		m, _ := slices.BinarySearch(k.heads[j+1:], next)
		copy(k.heads[j:], k.heads[j+1:j+1+m])
		k.heads[j+m] = next
	case ok:
		k.heads = slices.Delete(k.heads, j, j+1)
	case next >= 0:
		j, _ = slices.BinarySearch(k.heads, next)
		k.heads = slices.Insert(k.heads, j, next)
	}
}

// Step runs step i and settles; it returns the events produced.
func (k *Kernel) Step(i int) []Event {
	k.events = k.events[:0]
	k.curOp = i
	k.done[i] = true
	k.advanceHead(i)
	k.results[i].Ran = true
	p := k.named[k.actorOf[i]]
	k.startCall(p, &k.prog.Ops[i], i)
	k.run(p)
	k.setrunnable(p) // only now: most calls return at once and never queue
	k.settle()
	return k.events
}

// Done reports whether step i has started.
func (k *Kernel) Done(i int) bool { return k.done[i] }

// Held describes why the actor of a step that cannot run is held, for the deadlock
// report: "stopped SIGSTOP", "sleeping in wait4 ...", "exited", "does not exist".
func (k *Kernel) Held(actor string) string {
	p := k.byName(actor)
	switch {
	case p == nil:
		return "does not exist"
	case p.state == prsZombie:
		return "has exited"
	case p.state == prsReaped:
		return "has exited and was reaped"
	case p.stopped() && p.flag&P_STOPPED_TRACE != 0:
		return "is stopped with " + Signal(p.xstat).String() + " until its debugger " + p.tracer().String() + " resumes it"
	case p.stopped():
		return "is stopped by " + Signal(p.xstat).String() + " until a SIGCONT"
	case p.td.k != nil && p.td.k.sleeping():
		return "sleeps in " + p.td.k.wchan.String()
	}
	return "is " + k.stateText(p)
}

// Alive reports whether the process called name exists and has not exited.
func (k *Kernel) Alive(name string) bool {
	p := k.byName(name)
	return p != nil && p.alive()
}

func (k *Kernel) base(p *Proc, fn string) EventBase {
	return EventBase{Pid: p.Pid, Proc: p.String(), Func: fn, Op: k.curOp}
}

func (k *Kernel) emit(e Event) {
	k.gen++
	k.events = append(k.events, e)
	k.nevents++
	if k.nevents > MaxEvents && k.err == nil {
		k.err = &ErrStepLimit{Op: k.curOp}
	}
}

// assume records that what happens next rests on the named assumption.
func (k *Kernel) assume(p *Proc, name, fn string) {
	a, ok := k.d.Assumption(name)
	if !ok {
		return
	}
	k.assumed[name] = true
	k.emit(&Assumed{EventBase: k.base(p, fn), Name: a.Name, Text: a.Text})
}

// stage is one piece of a kernel path. It returns true when done, false when the
// process must sleep or stop (it has said so with sleep or ptracestop).
type stage func(k *Kernel, p *Proc, a *kact) bool

// kact is what a thread does inside the kernel: a system call, the return from fork
// of a new child, or signal delivery on the way back to user mode.
type kact struct {
	op     *Op
	opIdx  int    // the step, or -1
	call   string // the syscall name for traces; "" for no syscall
	stages []stage
	pc     int

	wchan      wchan  // what the thread sleeps on; zero while running
	stuckAt    uint64 // Kernel.gen when it last could not go on
	interrupt  bool   // the sleep can be interrupted by a signal (kern_wait's msleep PCATCH)
	woken      bool   // wakeup() was called for the sleep
	unfinished bool   // the trace showed <unfinished ...>
	returned   bool   // the call's value has reached user mode (stageReturn)
	stop       stopState
	jobStop    bool   // stopped by a stop signal's default action (P_STOPPED_SIG alone)
	child      *Proc  // fork: the new child
	forkFlags  uint32 // fork: the rfork flags in effect
	retval     string // the return value, as traces print it
	errno      Errno
	valueFixed bool
}

// stopState tracks a ptracestop in progress inside a stage.
type stopState struct {
	in bool // stopped in ptracestop, or resumed and not yet seen by the stage
}

// startCall begins op for p, which Step runs at once: it joins the run queue
// afterwards, if it is still inside the kernel.
func (k *Kernel) startCall(p *Proc, op *Op, idx int) {
	a := p.td.newAct(idx, k.pathOf(op.Call))
	a.op = op
	if op.Call.Syscall() {
		a.call = op.Call.String()
		e := k.enters.alloc()
		*e = SyscallEnter{EventBase: k.base(p, k.os.fn.syscallEnter), Call: a.call}
		k.enterArgs(p, op, e)
		k.emit(e)
	}
	p.td.k = a
}

// pathOf returns the kernel path of a call under this design: syscall entry, the
// call, syscall exit, the return to user mode, signal delivery. Paths are built once
// per kernel and shared (stages are read-only).
func (k *Kernel) pathOf(c Call) []stage {
	if s := k.paths[c]; s != nil {
		return s
	}
	var s []stage
	if c.Syscall() {
		s = append(s, stageSyscallEnter)
	}
	s = append(s, k.callStages(c)...)
	if c.Syscall() && c != CallExit {
		s = append(s, k.syscallretStages()...)
		s = append(s, stageReturn)
	}
	s = append(s, stageAST)
	k.paths[c] = s
	return s
}

// callStages returns the kernel path of op's call for this design.
func (k *Kernel) callStages(c Call) []stage {
	switch c {
	case CallFork, CallVfork, CallRfork, CallForkFail:
		return k.os.forkStages(k.d)
	case CallExec:
		return []stage{stageExecve}
	case CallExit:
		return []stage{stageExit}
	case CallKill, CallRaise:
		return []stage{stageKill}
	case CallWait:
		return []stage{k.os.waitStage}
	case CallGetppid:
		return []stage{stageGetppid}
	case CallSet, CallRead:
		return []stage{stageMemory}
	case CallPtrace:
		return []stage{stagePtrace}
	}
	panic("sim: unknown call")
}

// setReturn fixes the call's return value (scenario-language.md "When a result is
// checked").
func (k *Kernel) setReturn(p *Proc, a *kact, value string, errno Errno) {
	a.retval, a.errno, a.valueFixed = value, errno, true
	if a.opIdx >= 0 {
		r := &k.results[a.opIdx]
		r.Fixed, r.Errno = true, errno
	}
}

// run runs p's kact as far as it goes. It reports whether anything happened.
func (k *Kernel) run(p *Proc) bool {
	a := p.td.k
	before := k.nevents
	startPC := a.pc
	for {
		if k.err != nil {
			return false
		}
		if p.killed && p.alive() {
			// SIGKILL ends the process wherever it is: in user mode, asleep or stopped.
			k.os.exit1(k, p, 0, SIGKILL, k.os.fn.killed)
			return true
		}
		if !p.alive() {
			return true
		}
		if a.pc >= len(a.stages) {
			break
		}
		if !a.stages[a.pc](k, p, a) {
			if !a.unfinished && a.call != "" && (a.sleeping() || p.stopped()) {
				a.unfinished = true
				k.emit(&Unfinished{EventBase: k.base(p, k.sleepFunc(p, a)), Call: a.call, Returned: a.returned})
			}
			return k.nevents != before || a.pc != startPC
		}
		a.pc++
		if a.sleeping() {
			w := a.wchan.what
			a.wchan = wchan{}
			k.emit(&Resumed{EventBase: k.base(p, k.os.fn.wakeup[w]), Call: a.call})
		}
	}
	k.setAct(p, nil)
	return true
}

// Kernel paths that are not system calls: signal delivery on the way to user mode,
// and a new child's return from fork. (Set in init: the stages refer back to them.)
var astPath, forkReturnPath []stage

func init() {
	astPath = []stage{stageAST}
	forkReturnPath = []stage{stageForkReturn, stageAST}
}

// enterKernel makes p, in user mode, run stages in the kernel (no system call).
func (k *Kernel) enterKernel(p *Proc, stages []stage) {
	k.setAct(p, p.td.newAct(-1, stages))
}

// newAct returns the thread's kact, reset: a thread has one at a time, so it is
// reused rather than allocated for every call.
func (td *thread) newAct(opIdx int, stages []stage) *kact {
	td.kbuf = kact{opIdx: opIdx, stages: stages}
	return &td.kbuf
}

// setAct makes a what p does in the kernel (nil: p is in user mode): a process that
// enters the kernel joins the run queue, one that leaves it leaves the queue.
func (k *Kernel) setAct(p *Proc, a *kact) {
	was := p.td.k != nil
	p.td.k = a
	switch {
	case a != nil && !was:
		k.setrunnable(p)
	case a == nil && p.td.onRunq:
		i, _ := k.runqIndex(p)
		k.runq = slices.Delete(k.runq, i, i+1)
		p.td.onRunq = false
	}
}

// setrunnable puts p, inside the kernel, back on the run queue when it may go on
// again: resumed by its debugger or SIGCONT, or killed (kern_synch.c:setrunnable(),
// which thread_unsuspend() calls).
func (k *Kernel) setrunnable(p *Proc) {
	if p.td.k == nil || p.td.onRunq {
		return
	}
	i, _ := k.runqIndex(p)
	k.runq = slices.Insert(k.runq, i, p)
	p.td.onRunq = true
}

// runqIndex returns where p is or would be in the run queue.
func (k *Kernel) runqIndex(p *Proc) (int, bool) {
	return slices.BinarySearchFunc(k.runq, p.Pid, func(q *Proc, pid int) int { return q.Pid - pid })
}

// stageReturn: the call's value reaches user mode; signals are delivered after it
// (userret → ast).
func stageReturn(k *Kernel, p *Proc, a *kact) bool {
	a.returned = true
	e := k.returns.alloc()
	*e = SyscallReturn{EventBase: k.base(p, k.os.fn.syscallReturn), Call: a.call, Value: a.retval, Errno: a.errno}
	k.emit(e)
	return true
}

// sleep leaves p sleeping on wchan; the stage runs again when the scheduler finds p
// can go on.
func (k *Kernel) sleep(p *Proc, a *kact, w wchan, interruptible bool) bool {
	if a.wchan != w {
		a.wchan, a.interrupt, a.woken = w, interruptible, false
		k.emit(&Blocked{EventBase: k.base(p, k.sleepFunc(p, a)), On: w.String()})
	}
	return false
}

// wchan is what a sleeping thread waits for (its wait channel).
type wchan struct {
	what wchanKind
	on   *Proc
}

type wchanKind uint8

const (
	wNone    wchanKind = iota
	wDbgWait           // do_fork: the followed child has not stopped yet (p_dbgwait)
	wPPWait            // vfork: the child has not exec'd or exited (P_PPWAIT, p_pwait)
	wWait              // kern_wait: nothing to report yet
)

func (w wchan) String() string {
	switch w.what {
	case wDbgWait:
		return "do_fork: waiting for " + w.on.String() + " to stop for its debugger"
	case wPPWait:
		return "vfork: waiting for " + w.on.String() + " to exec or exit"
	case wWait:
		return "wait4: nothing to report yet"
	}
	return ""
}

// sleeping reports whether the thread sleeps.
func (a *kact) sleeping() bool { return a.wchan.what != wNone }

// wakeup wakes p if it sleeps in kern_wait (sys/kern/kern_synch.c:wakeup()).
func (k *Kernel) wakeup(p *Proc) {
	if p == k.init {
		k.initZombies++
	}
	k.gen++
	if p != nil && p.td.k != nil {
		p.td.k.woken = true
	}
}

// settle lets every process that can go on inside a call do so, the lowest pid
// first, until none can (rule 3); init reaps its zombies the same way.
func (k *Kernel) settle() {
	for k.err == nil {
		progressed := k.initReap()
		for i := 0; i < len(k.runq) && !progressed; i++ {
			p := k.runq[i]
			if p.stopped() && !p.killed {
				// A stopped thread is suspended: off the run queue until setrunnable.
				k.runq = slices.Delete(k.runq, i, i+1)
				p.td.onRunq = false
				i--
				continue
			}
			a := p.td.k
			if a.stuckAt == k.gen || !p.alive() {
				continue // nothing has changed since it last could not go on
			}
			if progressed = k.run(p); !progressed {
				a.stuckAt = k.gen
			}
		}
		if !progressed {
			return
		}
	}
}

// stateText describes what p is doing, for snapshots and the deadlock report.
func (k *Kernel) stateText(p *Proc) string {
	switch {
	case p.state == prsZombie:
		return "zombie"
	case p.state == prsReaped:
		return "reaped"
	case p.stopped():
		return "stopped " + Signal(p.xstat).String()
	case p.td.k != nil && p.td.k.sleeping():
		return "blocked: " + p.td.k.wchan.String()
	}
	return "running"
}

// enterArgs captures what SyscallEnter.Args needs: the names as they are now.
func (k *Kernel) enterArgs(p *Proc, op *Op, e *SyscallEnter) {
	e.Op, e.Self, e.Target = op, p.String(), op.Target
	if q := k.byName(op.Target); q != nil {
		e.Target = q.String()
	}
	if op.Call == CallPtrace {
		e.Request = k.os.ReqName(op.Req)
		if op.Req == PTFollowFork || op.Req == PTFollowExec {
			e.Options = k.os.followArg(k, op)
		}
	}
}

// Args renders the call's arguments as traces print them.
func (e *SyscallEnter) Args() string {
	op := e.Op
	switch op.Call {
	case CallRfork:
		return RforkString(op.Rfork)
	case CallExec:
		return `"` + op.Path + `"`
	case CallExit:
		return itoa(op.Status)
	case CallKill:
		return e.Target + ", " + op.Signal.String()
	case CallRaise:
		return e.Self + ", " + op.Signal.String()
	case CallWait:
		s := "-1"
		if op.Target != "" {
			s = e.Target
		}
		if op.NoHang {
			s += ", WNOHANG"
		}
		return s
	case CallPtrace:
		s := e.Request
		if op.Req != PTTraceMe {
			s += ", " + e.Target
		}
		switch op.Req {
		case PTDetach, PTContinue:
			s += ", " + op.Signal.String()
		case PTFollowFork, PTFollowExec:
			s += ", " + e.Options
		case PTSetEvents, PTEditEvents:
			s += ", " + eventMaskString(op.Events) + eventDelString(op.Del)
		}
		return s
	}
	return ""
}

// RforkString writes rfork flags as a scenario does: RFPROC|RFMEM.
func RforkString(f uint32) string {
	var parts []string
	for _, n := range []struct {
		f    uint32
		name string
	}{{RFPROC, "RFPROC"}, {RFMEM, "RFMEM"}, {RFPPWAIT, "RFPPWAIT"}, {RFFDG, "RFFDG"}} {
		if f&n.f != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "|")
}

func eventMaskString(m EventMask) string {
	var parts []string
	for _, n := range []string{"exec", "sce", "scx", "fork", "lwp", "vfork"} {
		if m&EventNames[n] != 0 {
			parts = append(parts, "PTRACE_"+strings.ToUpper(n))
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "|")
}

func eventDelString(m EventMask) string {
	if m == 0 {
		return ""
	}
	return " &~(" + eventMaskString(m) + ")"
}
