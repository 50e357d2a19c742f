//go:build linux

package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"syscall"

	"forklab/sim"
)

// This file holds the model's side of the Linux differential test, and the
// comparison. The model runs the same file under the linux design, step by step,
// keeping a snapshot after every step and the step at which each call's value was
// fixed. The kernel's run (linuxkernel_driver_test.go) keeps the same: the state
// /proc shows after every step, and the step during whose settling each value
// arrived. The two are compared step by step:
//
//   - the order the steps ran in (rule 1 decides it from each side's own states);
//   - after every step, every process of the scenario: whether it exists, its state
//     (running, blocked in wait4 or vfork, stopped for its tracer ('t') or by job
//     control ('T'), zombie, reaped), its parent (real_parent), its tracer and,
//     but for a zombie, its pending signals (SigPnd|ShdPnd). The file's `expect`
//     lines check these, so every one of them is compared, and more (not the stop
//     signal, which /proc does not show: the values of wait and lwpinfo have it);
//   - every call's value: errno, the new child, the wait status decoded as the model
//     decodes it (with the PTRACE_EVENT), getppid's process, read's value, and
//     lwpinfo's stop signal, event and GETEVENTMSG child;
//   - when each value became known. The model fixes a value when the kernel sets
//     it, and a stop after that point does not delay it ("When a result is
//     checked"); a real process only reports its value once it returns, so the
//     kernel may report later only while the process is stopped inside the call, or
//     died there. A call that has no value at the end (`blocks`) must have none in
//     the kernel either.
//
// Where the kernel leaves an order to the scheduler, the comparison accepts either
// order ("Orders the kernel leaves to the scheduler", below).

// modelRun is the model's run of a file.
type modelRun struct {
	k       *sim.Kernel
	order   []int
	snaps   []sim.Snapshot // snaps[0] is the start, snaps[n] the state after order[n-1]
	events  [][]sim.Event  // events[n] are those of order[n-1]
	fixedAt []int          // the frame in which the value was fixed, 0 if never
	err     error
}

var kernelDesign = func() *sim.Design {
	d, ok := sim.LookupDesign("linux")
	if !ok {
		panic("no linux design")
	}
	return d
}()

// runModel runs f under the linux design as Execute does, keeping every frame.
func runModel(f *File) *modelRun {
	steps := f.Steps()
	k := sim.New(kernelDesign, f.Program())
	m := &modelRun{k: k, snaps: []sim.Snapshot{k.Snapshot()}, events: [][]sim.Event{nil}, fixedAt: make([]int, len(steps))}
	for {
		i := k.Next()
		if i < 0 {
			break
		}
		ev := slices.Clone(k.Step(i))
		m.order = append(m.order, i)
		m.events = append(m.events, ev)
		m.snaps = append(m.snaps, k.Snapshot())
		for j := range steps {
			if m.fixedAt[j] == 0 && k.Result(j).Fixed {
				m.fixedAt[j] = len(m.order)
			}
		}
		if err := k.Err(); err != nil {
			m.err = err
			break
		}
	}
	return m
}

// result translates the kernel's answer to step i into the model's terms.
func (r *kernelRun) result(i int) sim.CallResult {
	ks := &r.k[i]
	op := &r.steps[i].Op
	res := sim.CallResult{Ran: ks.ran, Fixed: ks.got}
	if !ks.got {
		return res
	}
	if ks.ret < 0 {
		res.Errno = linuxErrno(ks.errno)
	}
	switch op.Call {
	case sim.CallFork, sim.CallVfork:
		if ks.ret > 0 {
			res.Ret, res.Name = int(ks.ret), r.nameOf(int(ks.ret))
		}
	case sim.CallGetppid:
		res.Ret, res.Name = int(ks.ret), r.nameOf(int(ks.ret))
	case sim.CallRead:
		res.Ret = int(ks.ret)
	case sim.CallWait:
		w := sim.WaitResult{Kind: sim.WaitNone}
		switch {
		case ks.ret < 0:
			w = sim.WaitResult{Kind: sim.WaitErr, Errno: res.Errno}
		case ks.ret > 0:
			w = decodeStatus(int(ks.extra[0]))
			w.Pid, w.Name = int(ks.ret), r.nameOf(int(ks.ret))
		}
		res.Wait = &w
	case sim.CallPtrace:
		if op.Req == sim.PTLwpinfo && ks.ret == 0 {
			l := r.lwpinfo(i)
			res.Lwp = &l
		}
	}
	return res
}

// decodeStatus decodes a wait status as the model does (WaitResult).
func decodeStatus(st int) sim.WaitResult {
	switch {
	case st&0xff == wstatusStoppedLow:
		return sim.WaitResult{Kind: sim.WaitStopped, Sig: linuxSignal(st >> 8 & 0xff), Event: sim.PtraceEvent(st >> ptraceEventShift)}
	case st&0x7f == 0:
		return sim.WaitResult{Kind: sim.WaitExited, Status: st >> 8 & 0xff}
	}
	return sim.WaitResult{Kind: sim.WaitKilled, Sig: linuxSignal(st & 0x7f)}
}

// lwpinfo builds what the model calls PT_LWPINFO on linux from the kernel's
// answers: PTRACE_GETSIGINFO gives the stop (a signal-delivery-stop's signal, or
// SIGTRAP with the event in si_code >> 8); a group-stop has no siginfo (EINVAL), and
// its signal is what waitid(WSTOPPED|WNOWAIT|WNOHANG) peeks while the stop is
// unreported, else what wait reported last. PTRACE_GETEVENTMSG gives the new child
// after a fork event.
func (r *kernelRun) lwpinfo(i int) sim.LwpInfo {
	ks := &r.k[i]
	op := &r.steps[i].Op
	msg, sierr, signo, code, peek := ks.extra[0], syscall.Errno(ks.extra[1]), int(ks.extra[2]), int(ks.extra[3]), int(ks.extra[4])
	l := sim.LwpInfo{Linux: true}
	switch {
	case sierr == 0 && signo == int(syscall.SIGTRAP) && code>>8 != 0:
		l.Sig, l.LinuxEv = sim.SIGTRAP, sim.PtraceEvent(code>>8)
	case sierr == 0:
		l.Sig = linuxSignal(signo)
	case peek != 0:
		l.Sig = linuxSignal(peek & 0x7f)
	default:
		l.Sig = r.lastStop(op.Target, i)
	}
	switch l.LinuxEv {
	case sim.PTRACE_EVENT_FORK, sim.PTRACE_EVENT_VFORK, sim.PTRACE_EVENT_CLONE:
		l.ChildPid, l.ChildName = int(msg), r.nameOf(int(msg))
	}
	return l
}

// lastStop returns the stop signal the last wait that reported a stop of name, up
// to step i, reported.
func (r *kernelRun) lastStop(name string, i int) sim.Signal {
	best, sig := -1, sim.Signal(0)
	for j, ks := range r.k {
		if j == i || !ks.got || r.steps[j].Op.Call != sim.CallWait || ks.ret <= 0 || r.nameOf(int(ks.ret)) != name {
			continue
		}
		if w := decodeStatus(int(ks.extra[0])); w.Kind == sim.WaitStopped && ks.gotAt > best && ks.gotAt <= r.k[i].pos {
			best, sig = ks.gotAt, w.Sig
		}
	}
	return sig
}

// problem is one difference between the model and the kernel.
type problem struct {
	frame int    // the frame it shows in: after the frame-th step run
	step  int    // the step it is about, -1 for none
	text  string // what differs
}

// openOrder is a difference that the kernel's scheduler may decide either way.
type openOrder struct {
	frame int
	text  string
}

// comparison is the result of comparing one run.
type comparison struct {
	problems []problem
	open     *openOrder
	compared int // steps whose values were compared
	syscalls int // of them, PTRACE_SYSCALL requests that resumed a tracee
	states   int // process states compared
	skipped  []string
	retried  []string // open orders of earlier runs of the same scenario, which were run again
	cut      string   // why frames from some step on were not compared (kernelRun.cut), or ""
}

func (c *comparison) failed() bool { return len(c.problems) > 0 }

// compare compares the model's run with the kernel's.
func compare(f *File, m *modelRun, r *kernelRun) *comparison {
	c := &comparison{}
	steps := f.Steps()
	// The frames both runs reached with the same steps.
	common := 0
	for common < len(m.order) && common < len(r.order) && m.order[common] == r.order[common] {
		common++
	}
	var open *openOrder
	earliest := func(o *openOrder) {
		if o != nil && (open == nil || o.frame < open.frame) {
			open = o
		}
	}
	switch {
	case r.cut > 0 && common >= r.cut-1:
		// The kernel's run could not go on as the scenario says from the step of
		// frame r.cut: compare the frames before it.
		common = r.cut - 1
		c.cut = fmt.Sprintf("after line %d: %s", r.lineOf(r.cut), r.cutWhy)
	case common < len(m.order) || common < len(r.order):
		c.problems = append(c.problems, problem{frame: common, step: -1, text: orderText(steps, m, r, common)})
	}
	// States after every common step; a difference is reported where it starts or
	// changes, not again after every step it lasts.
	last := make([]string, len(r.procs))
	for fr := 0; fr <= common; fr++ {
		for _, p := range r.procs[1:] {
			c.states++
			d := stateDiff(m.snaps[fr], p.name, r.frames[fr][p.idx])
			if d == "" {
				last[p.idx] = ""
				continue
			}
			earliest(r.signalRace(m, fr, p.name, r.frames[fr][p.idx]))
			if d != last[p.idx] {
				c.problems = append(c.problems, problem{frame: fr, step: -1, text: d})
			}
			last[p.idx] = d
		}
	}
	// Values, and when they became known.
	for i, s := range steps {
		mr, kr := m.k.Result(i), r.result(i)
		ks := &r.k[i]
		if !ks.ran || ks.pos > common || !mr.Ran {
			continue
		}
		if ks.skip != "" {
			c.skipped = append(c.skipped, fmt.Sprintf("line %d %s: %s", s.Pos.Line, stepText(s), ks.skip))
			continue
		}
		fm, fk := m.fixedAt[i], 0
		if ks.got {
			fk = ks.gotAt
		}
		if fm > common {
			fm = 0
		}
		if fk > common {
			fk = 0
		}
		if fm != 0 && fk != 0 {
			c.compared++
			if s.Op.Call == sim.CallPtrace && s.Op.Req == sim.PTSyscall && mr.Errno == 0 {
				c.syscalls++
			}
			if d := valueDiff(s, mr, kr); d != "" {
				earliest(r.waitRace(m, i, s))
				c.problems = append(c.problems, problem{frame: max(fm, fk), step: i, text: d})
				continue
			}
		}
		if d := r.timingDiff(s, i, fm, fk, common); d != "" {
			c.problems = append(c.problems, problem{frame: max(fm, fk, ks.pos), step: i, text: d})
		}
	}
	// What follows an order the scheduler decided differently is not compared.
	if open != nil {
		c.open = open
		c.problems = slices.DeleteFunc(c.problems, func(p problem) bool { return p.frame >= open.frame })
	}
	slices.SortStableFunc(c.problems, func(a, b problem) int { return a.frame - b.frame })
	return c
}

// Orders the kernel leaves to the scheduler. The model settles a step in one
// order, the lowest pid first (rule 3); where the kernel lets two processes go on
// at once, and which goes first shows, the test accepts either. Such a difference
// ends the comparison of the run (what follows legitimately differs), and the run
// is repeated, up to kernelAttempts times, until the kernel takes the model's
// order and the rest can be compared too. Two cases are known:
//
//   - waitRace: a `wait any` that slept is woken by a step that makes more than one
//     process reportable to it. Linux wakes the waiter at the first of them and
//     do_wait() reports whichever it finds. The case the brief names is a followed
//     fork: the parent's PTRACE_EVENT_FORK (or _VFORK) stop and its new child's
//     first SIGSTOP both wake a tracer sleeping in wait; the child, scheduled on
//     another CPU, may stop first. The kernel's result must be one the model's own
//     run made reportable in that step.
//   - signalRace: a step lets a process go on that takes a signal, while another
//     process, running at the same time, sends it one. Linux queues the new
//     signal whenever its sender gets there: before the taker has dequeued what
//     was pending (two SIGCHLDs merge, or the new one is taken first), or after
//     (it stays pending). The model settles the lowest pid first. Seen for a
//     vfork parent, which Linux wakes in mm_release(), well before its exiting
//     child's exit_notify() sends it SIGCHLD (about one run in four), and for a
//     traced process that stops for one child's SIGCHLD while another child,
//     woken in the same step, stops by job control and sends it CLD_STOPPED
//     (about one run in two). A signal the model drops can be queued too: a
//     vfork parent woken by its exiting child may stop and send SIGCHLD to its
//     tracer before that child's exit_ptrace() has untraced the tracer (rare).
//     Accepted when the process differs only in its pending signals, and the
//     model's own run shows, in that step, it taking a signal and being sent one.

// waitRace reports a wait whose value differs as a waitRace, or nil.
func (r *kernelRun) waitRace(m *modelRun, i int, s *Step) *openOrder {
	ks := &r.k[i]
	if s.Op.Call != sim.CallWait || s.Op.Target != "" || !ks.got || m.fixedAt[i] != ks.gotAt || ks.gotAt <= ks.pos {
		return nil
	}
	mr, kr := m.k.Result(i), r.result(i)
	if kr.Wait == nil || mr.Wait == nil {
		return nil
	}
	w := kr.Wait
	for _, e := range m.events[ks.gotAt] {
		ok := false
		switch e := e.(type) {
		case *sim.Stopped:
			ok = w.Kind == sim.WaitStopped && e.Trace && e.Sig == w.Sig && e.LinuxEvent == w.Event
		case *sim.Exited:
			ok = (w.Kind == sim.WaitExited && e.Sig == 0 && e.Status == w.Status) || (w.Kind == sim.WaitKilled && e.Sig == w.Sig)
		}
		if ok && procName(e.Common().Proc) == w.Name {
			step := r.steps[m.order[ks.gotAt-1]]
			return &openOrder{frame: ks.gotAt, text: fmt.Sprintf(
				"line %d `%s` woke the sleeping wait at line %d with more than one process to report: the model reports %s (lowest pid first), the kernel reported %s",
				step.Pos.Line, stepText(step), s.Pos.Line, mr.Wait, w)}
		}
	}
	return nil
}

// signalRace reports a state difference at frame fr that is a signalRace: name
// differs only in its pending signals, and in that step another process sent it a
// signal while it took one (it stopped, or acted on a signal).
func (r *kernelRun) signalRace(m *modelRun, fr int, name string, kv kview) *openOrder {
	snap := m.snaps[fr]
	mv, ok := snap.Proc(name)
	if !ok || fr == 0 {
		return nil
	}
	mw, kw := mv, kv
	mw.Pending, kw.pending = nil, nil
	if stateText(modelView(snap, mw, true)) != stateText(kw) {
		return nil
	}
	var sent []string
	took := false
	for _, e := range m.events[fr] {
		if procName(e.Common().Proc) != name {
			continue
		}
		switch e := e.(type) {
		case *sim.SignalSent:
			// Discarded ones count: sent a moment earlier, a signal the model
			// drops (SIGCHLD, once its target is untraced) may have been queued.
			if e.From != mv.Pid {
				if from, ok := snap.ByPid(e.From); ok {
					sent = append(sent, e.Sig.String()+" from "+from.Name)
				}
			}
		case *sim.Stopped, *sim.SignalTaken:
			took = true
		}
	}
	if len(sent) == 0 || !took {
		return nil
	}
	step := r.steps[m.order[fr-1]]
	return &openOrder{frame: fr, text: fmt.Sprintf(
		"line %d `%s`: %s took a signal while %s came; pending after: model %s, kernel %s",
		step.Pos.Line, stepText(step), name, strings.Join(sent, " and "), pendingList(mv.Pending), pendingList(kv.pending))}
}

func pendingList(sigs []sim.Signal) string {
	if s := pendingText(sigs); s != "" {
		return strings.TrimPrefix(s, ", pending ")
	}
	return "none"
}

// procName strips the [pid] from NAME[pid].
func procName(s string) string {
	if i := strings.IndexByte(s, '['); i >= 0 {
		return s[:i]
	}
	return s
}

func orderText(steps []*Step, m *modelRun, r *kernelRun, at int) string {
	desc := func(order []int) string {
		if at < len(order) {
			s := steps[order[at]]
			return fmt.Sprintf("line %d `%s`", s.Pos.Line, stepText(s))
		}
		return "no step (the run ends)"
	}
	return fmt.Sprintf("next step: the model runs %s, the kernel ran %s", desc(m.order), desc(r.order))
}

// stateDiff compares one process in a model snapshot with the kernel's view.
func stateDiff(snap sim.Snapshot, name string, kv kview) string {
	mv, ok := snap.Proc(name)
	if !ok && !kv.exists {
		return ""
	}
	ms, ks := stateText(modelView(snap, mv, ok)), stateText(kv)
	if ms == ks {
		return ""
	}
	return fmt.Sprintf("%s: model %s, kernel %s", name, ms, ks)
}

// modelView puts what the model shows of a process in the terms the kernel is
// read in, so that both are described by stateText.
func modelView(snap sim.Snapshot, v sim.ProcView, ok bool) kview {
	if !ok {
		return kview{}
	}
	name := func(pid int) string {
		if p, ok := snap.ByPid(pid); ok && pid != 0 {
			return p.Name
		}
		return "none"
	}
	return kview{
		exists:    true,
		state:     v.State,
		trace:     v.TraceStop,
		blockedIn: strings.TrimSuffix(strings.Fields(v.BlockedOn + " ?")[0], ":"),
		parent:    name(v.Parent),
		tracer:    name(v.Tracer),
		pending:   v.Pending,
	}
}

// pendingText lists pending signals in Linux number order (zombies are left out:
// what a zombie had pending no longer matters).
func pendingText(sigs []sim.Signal) string {
	if len(sigs) == 0 {
		return ""
	}
	sorted := slices.Clone(sigs) // the model's two queues may both hold a signal
	slices.SortFunc(sorted, func(a, b sim.Signal) int { return a.Number(true) - b.Number(true) })
	sorted = slices.Compact(sorted)
	names := make([]string, len(sorted))
	for i, s := range sorted {
		names[i] = s.String()
	}
	return ", pending " + strings.Join(names, " ")
}

// stateText describes a process's state, parent, tracer and pending signals.
func stateText(v kview) string {
	if !v.exists {
		return "does not exist"
	}
	s := v.state.String()
	switch v.state {
	case sim.StateReaped:
		return s
	case sim.StateStopped:
		if v.trace {
			s += " (traced)"
		}
	case sim.StateBlocked:
		s += " in " + v.blockedIn
	}
	s += ", parent " + v.parent + ", tracer " + v.tracer
	if v.state != sim.StateZombie {
		s += pendingText(v.pending)
	}
	return s
}

// valueDiff compares a call's value.
func valueDiff(s *Step, m, k sim.CallResult) string {
	mt, kt := gotText(s, m), gotText(s, k)
	same := m.Errno == k.Errno
	if same {
		switch s.Op.Call {
		case sim.CallFork, sim.CallVfork, sim.CallGetppid:
			same = m.Name == k.Name
		case sim.CallRead:
			same = m.Ret == k.Ret
		case sim.CallWait:
			same = m.Wait != nil && k.Wait != nil && waitEqual(*m.Wait, *k.Wait)
			if m.Wait != nil && k.Wait != nil {
				mt, kt = m.Wait.String(), k.Wait.String()
			}
		case sim.CallPtrace:
			if s.Op.Req == sim.PTLwpinfo && m.Errno == 0 {
				same = m.Lwp != nil && k.Lwp != nil && m.Lwp.Sig == k.Lwp.Sig && m.Lwp.LinuxEv == k.Lwp.LinuxEv &&
					(m.Lwp.ChildPid == 0) == (k.Lwp.ChildPid == 0) && m.Lwp.ChildName == k.Lwp.ChildName
			}
		}
	}
	if same {
		return ""
	}
	return fmt.Sprintf("value: model %s, kernel %s", mt, kt)
}

func waitEqual(a, b sim.WaitResult) bool {
	return a.Kind == b.Kind && a.Name == b.Name && a.Sig == b.Sig && a.Status == b.Status && a.Event == b.Event && a.Errno == b.Errno
}

// timingDiff compares when the value became known: fm and fk are the frames (0:
// never, within the compared frames).
func (r *kernelRun) timingDiff(s *Step, i, fm, fk, limit int) string {
	if fm == fk {
		return ""
	}
	p := r.byName[s.Op.Actor]
	if fm != 0 && (fk == 0 || fk > fm) {
		// The kernel has not returned the value the model has fixed: fine while
		// the process is stopped inside the call or died in it.
		end := limit
		if fk != 0 {
			end = fk - 1
		}
		for fr := fm; fr <= end; fr++ {
			switch r.frames[fr][p.idx].state {
			case sim.StateStopped, sim.StateZombie, sim.StateReaped:
				continue
			}
			return fmt.Sprintf("the model fixed the value after line %d; the kernel had no value then, and %s was %s",
				r.lineOf(fm), s.Op.Actor, stateText(r.frames[fr][p.idx]))
		}
		return ""
	}
	if fm == 0 {
		return fmt.Sprintf("the model has no value (the call %s); the kernel returned after line %d",
			noValueText(s), r.lineOf(fk))
	}
	return fmt.Sprintf("the kernel returned after line %d, before the model fixed the value after line %d", r.lineOf(fk), r.lineOf(fm))
}

func noValueText(s *Step) string {
	if s.Op.Call == sim.CallExit {
		return "exits"
	}
	return "blocks"
}

// lineOf returns the line of the step run in frame fr.
func (r *kernelRun) lineOf(fr int) int {
	if fr <= 0 || fr > len(r.order) {
		return 0
	}
	return r.steps[r.order[fr-1]].Pos.Line
}

// report writes the comparison side by side: every step with the model's and the
// kernel's value, then each difference with the line after which it shows.
func report(f *File, m *modelRun, r *kernelRun, c *comparison) string {
	var b strings.Builder
	steps := f.Steps()
	bad := map[int]bool{}
	for _, p := range c.problems {
		if p.step >= 0 {
			bad[p.step] = true
		}
	}
	fmt.Fprintf(&b, "%-5s %-34s %-36s %s\n", "line", "step", "model (linux design)", "kernel")
	for i, s := range steps {
		mark := "  "
		if bad[i] {
			mark = "≠ "
		}
		fmt.Fprintf(&b, "%s%-4d %-34s %-36s %s\n", mark, s.Pos.Line, clip(stepText(s), 34), clip(modelValueText(s, m, i), 36), r.valueText(s, i))
	}
	for _, p := range c.problems {
		where := "at the start"
		if p.frame > 0 {
			where = fmt.Sprintf("after line %d `%s`", r.lineOf(p.frame), stepText(steps[r.order[p.frame-1]]))
		}
		if p.step >= 0 {
			fmt.Fprintf(&b, "≠ line %d `%s`, %s: %s\n", steps[p.step].Pos.Line, stepText(steps[p.step]), where, p.text)
		} else {
			fmt.Fprintf(&b, "≠ %s: %s\n", where, p.text)
		}
	}
	if len(r.log) > 0 {
		fmt.Fprintf(&b, "init: %s\n", strings.Join(r.log, "; "))
	}
	return b.String()
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func modelValueText(s *Step, m *modelRun, i int) string {
	res := m.k.Result(i)
	switch {
	case !res.Ran:
		return "not run"
	case !res.Fixed:
		return noValueText(s)
	case res.Wait != nil:
		return res.Wait.String()
	}
	return gotText(s, res)
}

func (r *kernelRun) valueText(s *Step, i int) string {
	ks := &r.k[i]
	switch {
	case !ks.ran:
		return "not run"
	case !ks.got:
		return noValueText(s)
	case ks.ret < 0 && linuxErrno(ks.errno) == 0:
		return errnoText(ks.errno)
	}
	res := r.result(i)
	if res.Wait != nil {
		return res.Wait.String()
	}
	return gotText(s, res)
}
