//go:build linux

package scenarios

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"forklab/sim"
)

// This file runs a scenario on the real kernel. Every process of the scenario is a
// real process running testdata/linuxactor/actor.c, which makes the system calls the
// steps name; init is the actor's `init` mode, a child subreaper that reaps at once.
// The run follows the scenario language's run rules with the real kernel's answers:
//
//   - rule 1: the next step is the first step in file order whose actor is ready: it
//     has returned from the fork that made it, its previous call has returned, and
//     /proc says it is idle in read(2) on its command pipe (so not stopped);
//   - rule 3: after each step the run settles: the test reads /proc until every
//     process of the scenario is idle, sleeping in a call that can sleep (wait4, or
//     vfork waiting for its child), stopped ('t' or 'T'), a zombie init need not
//     reap, or gone, and every result line has been read. The state letter comes
//     from /proc/PID/stat, the call from /proc/PID/syscall, which the kernel
//     answers for a sleeping or stopped process only once it is off the CPU
//     (wait_task_inactive()): by then it has woken whoever its stop or exit
//     notifies, and a second scan, which must agree with the first, sees them
//     run. The test never waits for a while to decide anything;
//   - rule 5: the run ends when no step is ready.
//
// Processes are told apart by scenario name, never by pid: results naming a pid are
// translated back to names.
//
// Hidden syscall-stops. A tracee resumed with PTRACE_SYSCALL stops at the entry and
// exit of every system call, the actor's own too (reading commands, writing
// results, the loader's calls after an exec), which the scenario does not have.
// The actor makes every call a step names with a mark in its sixth argument
// register (MARK in actor.c), and no other call with it; a syscall-stop at any
// other call is hidden: its tracer resumes it with PTRACE_SYSCALL at once, and the
// scenario never sees it. A tracer sleeping in wait4 does so itself, and waits
// again (telling the test with an `S` message). Otherwise the test does: when the
// run has settled and a tracee is stopped at a call without the mark (as
// /proc/PID/syscall shows it), and not in signal delivery (as /proc/PID/stack shows
// it, when it can be read), it sends the tracer, idle, a `skip PID` command,
// which resumes PID if PTRACE_GETSIGINFO and PTRACE_GETREGS say it is in a hidden
// syscall-stop (a signal-delivery-stop in an actor's idle read(2) is not), then
// settles again. The scenario's own calls stop where the model says: a stop never
// delays an actor's next call, since the test only sends a step once the run has
// settled.
//
// Two cases cannot be hidden, and the comparison stops before the step in whose
// settling they arise (kernelRun.cut): a tracer that cannot resume its tracee (it
// is stopped, sleeps in vfork, or in a wait4 for another process), and a tracer
// that is traced itself, since every hidden stop sends it a SIGCHLD, which a
// traced process does not ignore (sig_task_ignored()), and its wait loop makes
// system calls its own tracer would see.

// kernelEnv is what every real run needs: the actor binary and the files a failing
// exec uses.
type kernelEnv struct {
	actor string
	dir   string
	nr    sysnos
	// bogusPid names no process: pid_max is at most 2^22 (PID_MAX_LIMIT). Calls on a
	// process that does not exist yet, or no longer exists, use it.
	bogusPid int
}

// execFailPath returns a path whose execve fails with e, or "" if the test cannot
// make execve fail that way.
func (env *kernelEnv) execFailPath(e sim.Errno) string {
	switch e.String() {
	case "ENOENT":
		return filepath.Join(env.dir, "no-such-file")
	case "EACCES":
		return filepath.Join(env.dir, "not-executable")
	case "ENOEXEC":
		return filepath.Join(env.dir, "not-a-program")
	case "ENOTDIR":
		return filepath.Join(env.dir, "not-executable", "x")
	}
	return ""
}

// kproc is one process name of the scenario in the real run.
type kproc struct {
	name  string
	idx   int    // its command pipe is fd 4+idx in every actor; 0 is init
	pid   int    // 0 until known
	start uint64 // /proc starttime, to tell it from a later process with its pid
	hello bool   // it has returned from the fork that made it
	gone  bool   // reaped: no longer in /proc
	busy  int    // the step whose call has not returned yet, -1 for none
	// opts are the PTRACE_O_* options it has, as far as the test has seen them set:
	// by a PTRACE_SETOPTIONS that succeeded, or inherited at a followed fork; a new
	// tracer (or none) starts from 0. Linux has no request to read them, and
	// follow-fork and follow-exec each set the whole word.
	opts   uint32
	tracer int // TracerPid at the last look
	// sysTrace: PTRACE_SYSCALL has resumed it since its tracer last resumed it
	// otherwise (TIF_SYSCALL_TRACE, as far as the test has seen): only then may it
	// stop at a call of its own. A new child never has it (copy_process()).
	sysTrace bool
	st       procStat
	// forkBase is ns_last_pid when its creating step was sent: its pid is above it.
	forkBase int
	creator  int // the step that creates it, -1 for a declared process or init
}

// kstep is what the kernel did with one step.
type kstep struct {
	ran   bool
	pos   int // the frame the step ran in (1 for the first step run)
	got   bool
	gotAt int // the frame during whose settling the value arrived
	ret   int64
	errno syscall.Errno
	extra []int64
	skip  string // why the value is not compared (Linux cannot be made to answer so)
	opts  uint32 // follow-fork, follow-exec: the options word sent
	// sysTraceWas is the target's sysTrace before a PTRACE_SYSCALL, which sets it
	// when sent: the tracee may stop at its own calls before the tracer returns.
	sysTraceWas bool
}

// kview is one process as /proc shows it after a step has settled.
type kview struct {
	exists bool // created (and not yet reaped, unless state is reaped)
	state  sim.ProcState
	// trace: stopped, in a ptrace stop ('t') rather than by job control ('T'). The
	// stop signal is not in /proc (its exit_code field shows the group stop's
	// signal for as long as SIGNAL_STOP_STOPPED holds): wait and lwpinfo compare it.
	trace     bool
	blockedIn string // blocked: "wait4" or "vfork"
	parent    string
	tracer    string
	pending   []sim.Signal // SigPnd and ShdPnd, in signal number order
}

// kernelRun is one run of a scenario on the real kernel.
type kernelRun struct {
	env    *kernelEnv
	f      *File
	steps  []*Step
	procs  []*kproc // by name index; 0 is init
	byName map[string]*kproc
	cmdW   []*os.File
	cmd    *exec.Cmd
	msgs   chan string
	eof    chan struct{}
	seq    int64
	sent   map[int64]int // command seq → step, -1 for setup commands
	queue  map[string][]int
	next   map[string]int // index into queue of the actor's next step

	hasSyscall bool          // the file has a PTRACE_SYSCALL step: look for hidden stops
	visible    map[int]bool  // pids whose tracer said, since the last step, their stop is not hidden
	skipFor    map[int64]int // skip command seq → the pid it is for
	// cut is the frame after which the run could not go on as the scenario says (a
	// hidden stop its tracer could not hide), 0 if none; cutWhy says why.
	cut    int
	cutWhy string

	k      []kstep
	order  []int     // steps in the order they ran
	frames [][]kview // frames[0] is the start, frames[n] the state after order[n-1]
	log    []string  // init's reaps and other notes, for failure reports
}

// runOnKernel runs f on the real kernel and returns what it did.
func runOnKernel(env *kernelEnv, f *File) (r *kernelRun, err error) {
	r = &kernelRun{env: env, f: f, steps: f.Steps(), byName: map[string]*kproc{},
		sent: map[int64]int{}, queue: map[string][]int{}, next: map[string]int{},
		visible: map[int]bool{}, skipFor: map[int64]int{}}
	r.k = make([]kstep, len(r.steps))
	for _, s := range r.steps {
		if s.Op.Call == sim.CallPtrace && s.Op.Req == sim.PTSyscall {
			r.hasSyscall = true
		}
	}
	names := append([]string{"init"}, f.Names...)
	for i, n := range names {
		p := &kproc{name: n, idx: i, busy: -1, creator: -1}
		r.procs = append(r.procs, p)
		r.byName[n] = p
	}
	for i, s := range r.steps {
		r.queue[s.Op.Actor] = append(r.queue[s.Op.Actor], i)
		if s.Op.Child != "" && (s.Op.Call == sim.CallFork || s.Op.Call == sim.CallVfork) {
			r.byName[s.Op.Child].creator = i
		}
	}
	if err := r.start(); err != nil {
		r.stop()
		return r, err
	}
	defer func() {
		if e := r.stop(); err == nil {
			err = e
		}
	}()
	if err := r.declare(); err != nil {
		return r, err
	}
	r.frames = append(r.frames, r.views())
	for {
		i := r.nextStep()
		if i < 0 {
			break
		}
		if err := r.runStep(i); err != nil {
			return r, fmt.Errorf("%s:%d: %s: %v", f.Name, r.steps[i].Pos.Line, r.steps[i].Source, err)
		}
		r.frames = append(r.frames, r.views())
		if r.cut > 0 {
			break
		}
	}
	return r, nil
}

// start starts init with every command pipe and the result pipe.
func (r *kernelRun) start() error {
	resR, resW, err := os.Pipe()
	if err != nil {
		return err
	}
	defer resW.Close()
	files := []*os.File{resW}
	for range r.procs {
		cr, cw, err := os.Pipe()
		if err != nil {
			return err
		}
		defer cr.Close()
		files = append(files, cr)
		r.cmdW = append(r.cmdW, cw)
	}
	r.cmd = exec.Command(r.env.actor, "init", r.env.actor)
	r.cmd.ExtraFiles = files
	if err := r.cmd.Start(); err != nil {
		resR.Close()
		return err
	}
	r.procs[0].pid = r.cmd.Process.Pid
	st, _ := readStat(r.procs[0].pid)
	r.procs[0].start = st.start
	r.msgs, r.eof = make(chan string, 64), make(chan struct{})
	go func() {
		defer close(r.eof)
		defer resR.Close()
		sc := bufio.NewScanner(resR)
		for sc.Scan() {
			r.msgs <- sc.Text()
		}
	}()
	return r.await(func() bool { return r.procs[0].hello }, "init to start")
}

// stop kills every actor (init's `end`: SIGKILL to their process group, and init
// reaps them all) and waits for init.
func (r *kernelRun) stop() error {
	if r.cmd == nil || r.cmd.Process == nil {
		return nil
	}
	r.seq++
	fmt.Fprintf(r.cmdW[0], "%d end\n", r.seq)
	for _, w := range r.cmdW {
		w.Close()
	}
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		// Kill the actors' process group (init made it; its id is in every
		// actor's stat), then init.
		for _, p := range r.procs[1:] {
			if p.pid != 0 && !p.gone {
				if pgid, e := syscall.Getpgid(p.pid); e == nil && pgid != syscall.Getpgrp() {
					syscall.Kill(-pgid, syscall.SIGKILL)
					break
				}
			}
		}
		r.cmd.Process.Kill()
		<-done
		err = fmt.Errorf("init did not end")
	}
	// Drain what is left so that the reader goroutine ends.
	for {
		select {
		case <-r.msgs:
			continue
		case <-r.eof:
		}
		break
	}
	return err
}

// await reads messages until cond holds.
func (r *kernelRun) await(cond func() bool, what string) error {
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		select {
		case m := <-r.msgs:
			if err := r.handle(m); err != nil {
				return err
			}
		case <-r.eof:
			return fmt.Errorf("the actors have gone while waiting for %s", what)
		case <-time.After(time.Until(deadline)):
			return fmt.Errorf("timed out waiting for %s", what)
		}
	}
	return nil
}

// send writes a command for step (-1: a setup command) to p's pipe.
func (r *kernelRun) send(p *kproc, step int, format string, args ...any) {
	r.seq++
	r.sent[r.seq] = step
	fmt.Fprintf(r.cmdW[p.idx], "%d "+format+"\n", append([]any{r.seq}, args...)...)
}

// declare creates the declared processes in order: init forks those that are its
// children, a declared parent forks the others.
func (r *kernelRun) declare() error {
	for _, d := range r.f.Procs {
		parent := r.procs[0]
		if d.Parent != "" {
			parent = r.byName[d.Parent]
		}
		child := r.byName[d.Name]
		parent.busy = -2
		r.send(parent, -1, "fork %d", child.idx)
		if err := r.await(func() bool { return child.hello && parent.busy == -1 }, "proc "+d.Name); err != nil {
			return err
		}
	}
	return r.settle()
}

// handle takes one message from the result pipe.
func (r *kernelRun) handle(m string) error {
	f := strings.Fields(m)
	num := func(i int) int64 {
		if i >= len(f) {
			return 0
		}
		n, _ := strconv.ParseInt(f[i], 10, 64)
		return n
	}
	if len(f) == 0 {
		return nil
	}
	switch f[0] {
	case "H": // H IDX PID: the process returned from the fork that made it
		p := r.procs[num(1)]
		if err := r.setPid(p, int(num(2))); err != nil {
			return err
		}
		p.hello = true
	case "S": // S IDX PID: the actor resumed PID, its tracee, from a hidden stop in wait4
		p := r.procs[num(1)]
		delete(r.visible, int(num(2)))
		r.skippedBy(p, int(num(2)))
	case "Z": // Z PID STATUS: init collected a wait status
		r.log = append(r.log, fmt.Sprintf("init collected pid %d status %#x (%s)", num(1), num(2), r.nameOf(int(num(1)))))
	case "R": // R IDX SEQ RET ERRNO EXTRA...
		p := r.procs[num(1)]
		step, ok := r.sent[num(2)]
		if !ok {
			return fmt.Errorf("result for a command never sent: %q", m)
		}
		delete(r.sent, num(2))
		ret := num(3)
		if step == skipStep {
			p.busy = -1
			pid := r.skipFor[num(2)]
			delete(r.skipFor, num(2))
			switch {
			case ret == 0:
				r.visible[pid] = true
			case ret > 0:
				r.skippedBy(p, pid)
			}
			return nil
		}
		if step < 0 { // a setup fork
			p.busy = -1
			if ret < 0 {
				return fmt.Errorf("setup fork failed: %q", m)
			}
			return nil
		}
		if p.busy == step {
			p.busy = -1
		}
		ks := &r.k[step]
		ks.got, ks.gotAt, ks.ret, ks.errno = true, len(r.order), ret, syscall.Errno(num(4))
		for i := 5; i < len(f); i++ {
			ks.extra = append(ks.extra, num(i))
		}
		op := &r.steps[step].Op
		if op.Call == sim.CallPtrace && (op.Req == sim.PTFollowFork || op.Req == sim.PTFollowExec) && ret == 0 {
			r.byName[op.Target].opts = ks.opts
		}
		if op.Call == sim.CallPtrace && (op.Req == sim.PTSyscall || op.Req == sim.PTContinue || op.Req == sim.PTDetach) {
			if t := r.byName[op.Target]; ret == 0 {
				t.sysTrace = op.Req == sim.PTSyscall
			} else if op.Req == sim.PTSyscall {
				t.sysTrace = ks.sysTraceWas
			}
		}
		if (op.Call == sim.CallFork || op.Call == sim.CallVfork) && ret > 0 {
			if err := r.setPid(r.byName[op.Child], int(ret)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown message %q", m)
	}
	return nil
}

// skipStep marks a `skip` command in sent and busy.
const skipStep = -3

// actorMark is MARK in actor.c: the sixth argument of every call a step names.
const actorMark = 0x666f726b6c616221

// cutRun ends the comparison at the frame being settled.
func (r *kernelRun) cutRun(why string) {
	if r.cut == 0 {
		r.cut, r.cutWhy = len(r.order), why
	}
}

// skippedBy notes that tracer resumed pid from a hidden stop: the stop sent tracer a
// SIGCHLD, which it takes if it is traced itself.
func (r *kernelRun) skippedBy(tracer *kproc, pid int) {
	if tracer.pid != 0 && readTracer(tracer.pid) != 0 {
		r.cutRun(fmt.Sprintf("%s, traced itself, resumed %s from a hidden syscall-stop, which sent it a SIGCHLD", tracer.name, r.nameOf(pid)))
	}
}

// skipHidden looks, once the run has settled, for a tracee stopped at a call the
// step did not name, and asks its tracer to resume it if the stop is hidden. It
// reports whether it sent a command (the run must settle again). A tracer that
// cannot be asked cuts the run.
func (r *kernelRun) skipHidden() bool {
	for _, p := range r.procs[1:] {
		st := &p.st
		if p.pid == 0 || p.gone || !p.sysTrace || st.state != 't' || !st.inactive || st.sysno < 0 ||
			st.arg5 == actorMark || st.sysno == r.env.nr.execve || r.visible[p.pid] {
			continue
		}
		tpid := readTracer(p.pid)
		if tpid == 0 || inSignalDelivery(p.pid) {
			continue
		}
		var t *kproc
		for _, q := range r.procs[1:] {
			if q.pid == tpid && !q.gone {
				t = q
			}
		}
		switch {
		case t == nil:
			continue // its tracer is going: exit_ptrace() will let it go
		case readTracer(t.pid) != 0:
			r.cutRun(fmt.Sprintf("%s may be at a hidden syscall-stop (system call %d), and its tracer %s is traced itself: a hidden stop sends it a SIGCHLD", p.name, st.sysno, t.name))
		case r.ready(t):
			r.seq++
			r.sent[r.seq] = skipStep
			r.skipFor[r.seq] = p.pid
			t.busy = skipStep
			fmt.Fprintf(r.cmdW[t.idx], "%d skip %d\n", r.seq, p.pid)
			return true
		default:
			r.cutRun(fmt.Sprintf("%s may be at a hidden syscall-stop (system call %d), and its tracer %s cannot resume it (state %c in system call %d)",
				p.name, st.sysno, t.name, t.st.state, t.st.sysno))
		}
		return false
	}
	return false
}

// setPid records that p is pid.
func (r *kernelRun) setPid(p *kproc, pid int) error {
	if p.pid == pid {
		return nil
	}
	if p.pid != 0 {
		return fmt.Errorf("%s is pid %d, and now %d", p.name, p.pid, pid)
	}
	p.pid = pid
	st, err := readStat(pid)
	if err != nil {
		return err
	}
	p.start = st.start
	return nil
}

// drain handles every message already in the pipe.
func (r *kernelRun) drain() error {
	for {
		select {
		case m := <-r.msgs:
			if err := r.handle(m); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// nameOf translates a pid back to its scenario name.
func (r *kernelRun) nameOf(pid int) string {
	if pid == 0 {
		return "none"
	}
	for _, p := range r.procs {
		if p.pid == pid {
			return p.name
		}
	}
	return "pid " + strconv.Itoa(pid)
}

// pidFor returns the pid to pass for a process name: its pid while it exists,
// else a pid that names no process.
func (r *kernelRun) pidFor(name string) int {
	if p := r.byName[name]; p != nil && p.pid != 0 && !p.gone {
		return p.pid
	}
	return r.env.bogusPid
}

// nextStep applies rule 1: the first step in file order whose actor is ready and
// has no earlier step waiting; -1 when none.
func (r *kernelRun) nextStep() int {
	best := -1
	for actor, q := range r.queue {
		n := r.next[actor]
		if n >= len(q) || (best >= 0 && q[n] > best) {
			continue
		}
		if r.ready(r.byName[actor]) {
			best = q[n]
		}
	}
	return best
}

// ready reports whether p can start a step: it exists, has returned from its
// fork, its last call has returned, and it is idle in read(2) on its command pipe.
func (r *kernelRun) ready(p *kproc) bool {
	return p.pid != 0 && p.hello && !p.gone && p.busy == -1 && r.idle(p)
}

func (r *kernelRun) idle(p *kproc) bool {
	return p.st.exists && p.st.state == 'S' && p.st.inactive && p.st.sysno == r.env.nr.read && p.st.arg0 == int64(4+p.idx)
}

// runStep sends step i to its actor and lets the kernel settle.
func (r *kernelRun) runStep(i int) error {
	s := r.steps[i]
	p := r.byName[s.Op.Actor]
	r.next[s.Op.Actor]++
	r.order = append(r.order, i)
	ks := &r.k[i]
	ks.ran, ks.pos = true, len(r.order)
	p.busy = i
	clear(r.visible)
	op := &s.Op
	switch op.Call {
	case sim.CallFork, sim.CallVfork:
		c := r.byName[op.Child]
		c.forkBase = lastPid()
		verb := "fork"
		if op.Call == sim.CallVfork {
			verb = "vfork"
		}
		r.send(p, i, "%s %d", verb, c.idx)
	case sim.CallRfork:
		r.send(p, i, "nosys") // Linux has no rfork(2)
	case sim.CallForkFail:
		if op.Errno.String() != "EAGAIN" {
			ks.skip = "Linux's fork is made to fail with EAGAIN (RLIMIT_NPROC) only, not " + op.Errno.String()
		}
		r.send(p, i, "forkfail")
	case sim.CallExec:
		if op.Errno == 0 {
			r.send(p, i, "exec")
			break
		}
		path := r.env.execFailPath(op.Errno)
		if path == "" {
			ks.skip = "the test cannot make execve fail with " + op.Errno.String()
			path = r.env.execFailPath(sim.MustErrno("ENOENT"))
		}
		r.send(p, i, "execfail %s", path)
	case sim.CallExit:
		r.send(p, i, "exit %d", op.Status)
	case sim.CallKill:
		r.send(p, i, "kill %d %d", r.pidFor(op.Target), linuxSigNum(op.Signal))
	case sim.CallRaise:
		r.send(p, i, "raise %d", linuxSigNum(op.Signal))
	case sim.CallWait:
		pid := -1
		if op.Target != "" {
			pid = r.pidFor(op.Target)
		}
		nohang := 0
		if op.NoHang {
			nohang = 1
		}
		r.send(p, i, "wait %d %d", pid, nohang)
	case sim.CallGetppid:
		r.send(p, i, "getppid")
	case sim.CallSet:
		r.send(p, i, "set %s %d", op.Var, op.Value)
	case sim.CallRead:
		r.send(p, i, "read %s", op.Var)
	case sim.CallPtrace:
		r.sendPtrace(p, i)
	default:
		return fmt.Errorf("no way to run %v", op.Call)
	}
	return r.settle()
}

// Linux ptrace requests (include/uapi/linux/ptrace.h).
const (
	ptraceTraceme     = 0
	ptraceCont        = 7
	ptraceKill        = 8
	ptraceAttach      = 16
	ptraceDetach      = 17
	ptraceSyscall     = 24
	ptraceSetoptions  = 0x4200
	ptraceUnknown     = 0x7f00 // no Linux request has this number
	ptraceEventShift  = 16
	wstatusStoppedLow = 0x7f
)

func (r *kernelRun) sendPtrace(p *kproc, i int) {
	op := &r.steps[i].Op
	t := r.byName[op.Target]
	pid := r.pidFor(op.Target)
	switch op.Req {
	case sim.PTTraceMe:
		r.send(p, i, "ptrace %d 0 0", ptraceTraceme)
	case sim.PTAttach:
		r.send(p, i, "ptrace %d %d 0", ptraceAttach, pid)
	case sim.PTDetach:
		r.send(p, i, "ptrace %d %d %d", ptraceDetach, pid, linuxSigNum(op.Signal))
	case sim.PTContinue:
		r.send(p, i, "ptrace %d %d %d", ptraceCont, pid, linuxSigNum(op.Signal))
	case sim.PTSyscall:
		if t != nil {
			r.k[i].sysTraceWas, t.sysTrace = t.sysTrace, true
		}
		r.send(p, i, "ptrace %d %d 0", ptraceSyscall, pid)
	case sim.PTKill:
		r.send(p, i, "ptrace %d %d 0", ptraceKill, pid)
	case sim.PTFollowFork, sim.PTFollowExec:
		bits := sim.PTRACE_O_TRACEEXEC
		if op.Req == sim.PTFollowFork {
			bits = sim.PTRACE_O_TRACEFORK | sim.PTRACE_O_TRACEVFORK
		}
		opts := uint32(0)
		if t != nil {
			opts = t.opts
		}
		if op.On {
			opts |= bits
		} else {
			opts &^= bits
		}
		r.k[i].opts = opts
		r.send(p, i, "ptrace %d %d %d", ptraceSetoptions, pid, opts)
	case sim.PTLwpinfo:
		r.send(p, i, "lwpinfo %d", pid)
	default: // PT_TO_SCE, PT_TO_SCX, PT_SET_EVENT_MASK: FreeBSD's, unknown to Linux
		r.send(p, i, "ptrace %d %d 0", ptraceUnknown, pid)
	}
}

// settle reads /proc until the kernel has settled (rule 3).
func (r *kernelRun) settle() error {
	deadline := time.Now().Add(15 * time.Second)
	backoff := 5 * time.Microsecond
	stable, prev := 0, ""
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		if err := r.drain(); err != nil {
			return err
		}
		if r.cut > 0 {
			return nil
		}
		why, sig := r.scan()
		if why == "" {
			if sig == prev {
				if stable++; stable >= 2 {
					if r.hasSyscall && r.skipHidden() {
						stable, prev = 0, ""
						continue
					}
					return nil
				}
			} else {
				stable, prev = 1, sig
			}
			continue
		}
		stable, prev = 0, ""
		if time.Now().After(deadline) {
			return fmt.Errorf("the kernel did not settle: %s", why)
		}
		timer.Reset(backoff)
		select {
		case m := <-r.msgs:
			if !timer.Stop() {
				<-timer.C
			}
			if err := r.handle(m); err != nil {
				return err
			}
		case <-timer.C:
		}
		backoff = min(2*backoff, time.Millisecond)
	}
}

// scan reads every known process once. It returns "" and a signature of what it saw
// when everything has settled, else what has not.
func (r *kernelRun) scan() (why, sig string) {
	r.findChildren()
	var b strings.Builder
	for _, p := range r.procs {
		if p.pid == 0 {
			if p.creator >= 0 && r.k[p.creator].ran && !r.k[p.creator].got && why == "" {
				// A parent in a ptrace stop has made its child already (the fork event:
				// the child is in /proc before the parent stops) or not yet (the
				// syscall-entry stop, under PTRACE_SYSCALL).
				if parent := r.byName[r.steps[p.creator].Op.Actor]; parent.busy == p.creator && !parent.gone && parent.st.state != 'Z' &&
					!(parent.st.state == 't' && parent.st.inactive) {
					why = "the child " + p.name + " of a fork has not been found yet"
				}
			}
			continue
		}
		if p.gone {
			continue
		}
		st, err := readStat(p.pid)
		if err != nil {
			return err.Error(), ""
		}
		if !st.exists || st.start != p.start {
			p.gone = true
			p.st = procStat{}
			fmt.Fprintf(&b, "%s:gone ", p.name)
			continue
		}
		p.st = st
		fmt.Fprintf(&b, "%s:%c:%d:%d ", p.name, st.state, st.sysno, st.ppid)
		if why != "" {
			continue
		}
		why = r.unsettled(p)
	}
	return why, b.String()
}

// unsettled says why p has not settled, or "".
func (r *kernelRun) unsettled(p *kproc) string {
	st, nr := &p.st, r.env.nr
	switch st.state {
	case 'Z', 'X':
		if st.ppid == r.procs[0].pid && readTracer(p.pid) == 0 {
			return p.name + " is a zombie init has not reaped yet"
		}
		return ""
	case 't', 'T':
		if !st.inactive {
			return p.name + " is on its way to a stop"
		}
		return ""
	case 'S', 'D':
		if !st.inactive {
			return p.name + " is waking"
		}
		if st.state == 'S' {
			// An interruptible sleeper with an unblocked signal pending is about to
			// wake for it: the sender has queued it, the scheduler has not run it yet.
			if s := readStatus(p.pid); s.pending&^s.blocked != 0 {
				return p.name + " has a signal pending"
			}
		}
	default:
		return p.name + " runs"
	}
	if p.idx == 0 {
		if st.sysno == nr.poll || st.sysno == nr.ppoll {
			return ""
		}
		return "init is busy"
	}
	if st.sysno == nr.read && st.arg0 == int64(4+p.idx) {
		if p.busy != -1 || !p.hello {
			return p.name + " has answered; the answer is not read yet"
		}
		return ""
	}
	if p.busy >= 0 {
		switch r.steps[p.busy].Op.Call {
		case sim.CallWait:
			if st.sysno == nr.wait4 {
				return ""
			}
		case sim.CallVfork:
			if st.sysno == nr.vfork || st.sysno == nr.clone {
				return ""
			}
		}
	}
	return fmt.Sprintf("%s sleeps in system call %d", p.name, st.sysno)
}

// findChildren finds the pid of each child whose fork has created it but not yet
// returned (the parent stopped at PTRACE_EVENT_FORK, or sleeps in vfork), and which
// has not said hello: the process whose real parent is the forking actor, above
// the pid the kernel handed out last before the fork.
func (r *kernelRun) findChildren() {
	for _, c := range r.procs {
		if c.pid != 0 || c.creator < 0 || !r.k[c.creator].ran || r.k[c.creator].got {
			continue
		}
		parent := r.byName[r.steps[c.creator].Op.Actor]
		if parent.pid == 0 || parent.gone {
			continue
		}
		for _, pid := range pidsAfter(c.forkBase) {
			if r.nameOf(pid) != "pid "+strconv.Itoa(pid) {
				continue // someone we know
			}
			if st, err := readStat(pid); err == nil && st.exists && st.ppid == parent.pid {
				r.setPid(c, pid)
				break
			}
		}
	}
}

// pidsAfter lists the pids handed out after base, oldest first.
func pidsAfter(base int) []int {
	last := lastPid()
	if base < 0 || last < 0 {
		return allPids()
	}
	var out []int
	if last >= base {
		for p := base + 1; p <= last; p++ {
			out = append(out, p)
		}
		return out
	}
	max := pidMax()
	for p := base + 1; p < max; p++ {
		out = append(out, p)
	}
	for p := 1; p <= last; p++ {
		out = append(out, p)
	}
	return out
}

// views describes every process name as the last scan saw it.
func (r *kernelRun) views() []kview {
	out := make([]kview, len(r.procs))
	for i, p := range r.procs {
		v := &out[i]
		if p.pid == 0 {
			continue
		}
		v.exists = true
		if p.gone {
			v.state = sim.StateReaped
			continue
		}
		st := &p.st
		v.parent = r.nameOf(st.ppid)
		if i == 0 {
			v.parent = "none"
		}
		status := readStatus(p.pid)
		v.tracer = r.nameOf(status.tracer)
		if status.tracer != p.tracer {
			p.tracer, p.opts, p.sysTrace = status.tracer, 0, false
			if n := len(r.order); n > 0 && p.creator == r.order[n-1] && status.tracer != 0 {
				// ptrace_init_task(): a followed child has its parent's options.
				p.opts = r.byName[r.steps[p.creator].Op.Actor].opts
			}
		}
		for n := 1; n <= 64; n++ {
			if status.pending&(1<<(n-1)) != 0 {
				v.pending = append(v.pending, linuxSignal(n))
			}
		}
		switch st.state {
		case 'Z', 'X':
			v.state = sim.StateZombie
		case 't', 'T':
			v.state, v.trace = sim.StateStopped, st.state == 't'
		default:
			if r.idle(p) && p.busy == -1 {
				v.state = sim.StateRunning
			} else {
				v.state = sim.StateBlocked
				switch st.sysno {
				case r.env.nr.wait4:
					v.blockedIn = "wait4"
				case r.env.nr.vfork, r.env.nr.clone:
					v.blockedIn = "vfork"
				default:
					v.blockedIn = "system call " + strconv.FormatInt(st.sysno, 10)
				}
			}
		}
	}
	return out
}

// ---- signals and errnos by name ----

// linuxSigNum returns sig's Linux number; 65, which no signal has, for a signal
// Linux lacks (kill(2) then fails with EINVAL, as the model says).
func linuxSigNum(sig sim.Signal) int {
	if sig == 0 {
		return 0
	}
	if n := sig.Number(true); n != 0 {
		return n
	}
	return 65
}

var linuxSignals = func() map[int]sim.Signal {
	m := map[int]sim.Signal{}
	for i := 1; i < 256; i++ {
		s := sim.Signal(i)
		if s.String() == "0" {
			break
		}
		if n := s.Number(true); n != 0 {
			m[n] = s
		}
	}
	return m
}()

// linuxSignal returns the signal Linux numbers n.
func linuxSignal(n int) sim.Signal { return linuxSignals[n] }

// linuxErrno returns the model's errno for a Linux errno, or 0 if it has none.
func linuxErrno(e syscall.Errno) sim.Errno {
	if e == 0 {
		return 0
	}
	names := map[syscall.Errno]string{
		syscall.EPERM: "EPERM", syscall.ENOENT: "ENOENT", syscall.ESRCH: "ESRCH",
		syscall.EINTR: "EINTR", syscall.EIO: "EIO", syscall.ENOEXEC: "ENOEXEC",
		syscall.EBADF: "EBADF", syscall.ECHILD: "ECHILD", syscall.EAGAIN: "EAGAIN",
		syscall.ENOMEM: "ENOMEM", syscall.EACCES: "EACCES", syscall.EFAULT: "EFAULT",
		syscall.EBUSY: "EBUSY", syscall.ENOTDIR: "ENOTDIR", syscall.EINVAL: "EINVAL",
		syscall.ENOSYS: "ENOSYS", syscall.EOPNOTSUPP: "ENOTSUP",
	}
	if n, ok := names[e]; ok {
		return sim.MustErrno(n)
	}
	return 0
}

// errnoText names a Linux errno for reports.
func errnoText(e syscall.Errno) string {
	if m := linuxErrno(e); m != 0 {
		return m.String()
	}
	return "errno " + strconv.Itoa(int(e))
}
