package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"forklab/sim"
)

// Options says what a Run keeps besides the checks.
type Options struct {
	Snapshots  bool // a Snapshot after every step (the UI needs them; checking does not)
	Invariants bool // check sim's invariants after every step (Run.Broken, Frame.Broken)
	// Unchecked runs without checking the file's expectations, which describe its
	// written order (the explorer runs other orders); Results are still recorded.
	Unchecked bool
}

// Run is one scenario run under one design.
type Run struct {
	File   *File
	Design *sim.Design
	Frames []Frame // Frames[0] is the start, then one frame a step run

	Failures []Failure // failed expectations, in the order they were checked
	Checked  int       // expectations checked, passed or not
	// EndChecks are the checks made when the run ended: expect lines below the last
	// step run, and expectations of steps that never ran or never got a value.
	EndChecks []Check
	// Deadlock is set when the run ended with steps held by live actors.
	Deadlock []Held
	// NotRun lists steps that never ran because their actor exited or never existed.
	NotRun []*Step
	// Err is set when the run stopped at the step limit.
	Err error
	// Assumed lists the named assumptions the run relied on.
	Assumed []string
	// Broken lists the invariants the run broke on purpose (declared by the design);
	// Violations the ones it broke without the design declaring it (a bug).
	Broken     []string
	Violations []sim.Violation
	// Names gives NAME[pid] for every process of the run, for renderers.
	Names map[int]string
}

// Frame is the state after one step.
type Frame struct {
	Step     *Step // nil for the start
	Events   []sim.Event
	Snapshot sim.Snapshot
	Checks   []Check      // expectations checked in this frame
	Results  []StepResult // calls whose value was fixed in this frame (returned or not)
	// Broken lists the invariant violations that this step brought about: those
	// found after it that the check after the step before did not find (a detail
	// that changes, such as a third delivery of one exit status, counts as new).
	// Declared ones the design breaks on purpose; the others are model bugs. Only
	// with Options.Invariants.
	Broken []sim.Violation
}

// StepResult is a call's value, in the RESULT syntax ("C exited 1", "ECHILD", "ok"),
// and when the caller got it. The value is fixed when the kernel sets it (the
// frame that holds the result), which can be long before the call returns to user
// mode: a vfork parent that sleeps in syscallret until its child execs, a stop at
// syscall exit. Only from Returned on does the caller know the value.
type StepResult struct {
	Step     *Step
	Got      string
	Res      sim.CallResult
	Fixed    int // the frame in which the value was fixed
	Returned int // the frame in which the call returned to user mode; 0 while it has not
}

// ReturnedBy reports whether the call had returned to its caller by frame n.
func (r StepResult) ReturnedBy(n int) bool { return r.Returned != 0 && r.Returned <= n }

// ResultOf returns step s's result as it stands at frame n (the run's last frame
// past its end): its value if that was fixed by then.
func (r *Run) ResultOf(s *Step, n int) (StepResult, bool) {
	for i := min(n, len(r.Frames)-1); i >= 1; i-- {
		for _, res := range r.Frames[i].Results {
			if res.Step == s {
				return res, true
			}
		}
	}
	return StepResult{}, false
}

// Started reports whether step s had started by frame n.
func (r *Run) Started(s *Step, n int) bool {
	for i := min(n, len(r.Frames)-1); i >= 1; i-- {
		if r.Frames[i].Step == s {
			return true
		}
	}
	return false
}

// ReturnedIn lists the calls that returned to user mode in frame i, whatever the
// frame their value was fixed in.
func (r *Run) ReturnedIn(i int) []StepResult {
	var out []StepResult
	for j := 1; j <= i && j < len(r.Frames); j++ {
		for _, res := range r.Frames[j].Results {
			if res.Returned == i {
				out = append(out, res)
			}
		}
	}
	return out
}

// Held is an actor whose next step could not run at the end of a deadlocked run,
// or (Step nil) a process with no step left that sleeps or is stopped there too.
type Held struct {
	Step  *Step
	Actor string
	Why   string
}

// Check is one checked expectation.
type Check struct {
	Pos      Pos
	Expected string
	Got      string
	OK       bool
}

// Failure is a failed expectation: FILE:LINE: expected X, got Y.
type Failure = Check

func (c Check) String() string {
	return fmt.Sprintf("%s:%d: expected %s, got %s", c.Pos.File, c.Pos.Line, c.Expected, c.Got)
}

// Steps returns the file's steps in order.
func (f *File) Steps() []*Step {
	var steps []*Step
	for _, it := range f.Items {
		if s, ok := it.(*Step); ok {
			steps = append(steps, s)
		}
	}
	return steps
}

// Program returns what sim runs for the file.
func (f *File) Program() *sim.Program {
	prog := &sim.Program{}
	for _, p := range f.Procs {
		prog.Procs = append(prog.Procs, sim.ProcDecl{Name: p.Name, Parent: p.Parent})
	}
	for _, s := range f.Steps() {
		prog.Ops = append(prog.Ops, s.Op)
	}
	return prog
}

// ForDesign reports whether the file is meant for design d (its designs: list).
func (f *File) ForDesign(d *sim.Design) bool {
	if f.Designs == nil {
		return true
	}
	for _, n := range f.Designs {
		if n == d.Name {
			return true
		}
	}
	return false
}

// Call returns the step line as written without its inline result: `D: wait C`.
func (s *Step) Call() string {
	call, _, _ := strings.Cut(s.Source, "=>")
	return strings.TrimSpace(call)
}

// ResultFor returns the expectation of the step that applies to design, or nil.
func (s *Step) ResultFor(design string) *Result {
	if r, ok := s.Results[design]; ok {
		return r
	}
	return s.Results[""]
}

// SaysFor returns the narration of the step for design.
func (s *Step) SaysFor(design string) []string {
	var out []string
	for _, say := range s.Says {
		if say.Designs == nil || contains(say.Designs, design) {
			out = append(out, say.Text)
		}
	}
	return out
}

// AppliesTo reports whether the expect line applies to design.
func (e *Expect) AppliesTo(design string) bool {
	return e.Designs == nil || contains(e.Designs, design)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Execute runs f under d (scenario-language.md "How a run proceeds") and checks its
// expectations.
func Execute(f *File, d *sim.Design, opts Options) *Run {
	x := startRun(f, d, opts)
	for i := x.k.Next(); i >= 0; i = x.k.Next() {
		if !x.step(i) {
			break
		}
	}
	return x.end()
}

// startRun begins a run of f under d: the start frame, no step run yet. The caller
// runs steps with step, in the order of its choice (Execute: the file-order rule;
// the explorer: every order), and ends the run with end.
func startRun(f *File, d *sim.Design, opts Options) *executor {
	r := &Run{File: f, Design: d}
	steps := f.Steps()
	k := sim.New(d, f.Program())
	x := &executor{run: r, k: k, opts: opts, steps: steps, checked: make([]bool, len(steps)),
		calling: map[int]int{}, returned: map[int]int{}, resultAt: map[int][2]int{}}
	x.itemOf = map[*Step]int{}
	for i, it := range f.Items {
		if s, ok := it.(*Step); ok {
			x.itemOf[s] = i
		}
	}
	start := Frame{}
	if opts.Snapshots {
		start.Snapshot = k.Snapshot()
	}
	r.Frames = append(r.Frames, start)
	return x
}

// step runs step i, which must be able to run now, and records its frame. It
// reports false when the run stopped at the step limit (Run.Err).
func (x *executor) step(i int) bool {
	r, k, steps := x.run, x.k, x.steps
	frame := Frame{Step: steps[i]}
	x.frame = &frame
	x.checkExpectsBefore(x.itemOf[steps[i]])
	x.pending = append(x.pending, i)
	x.startCall(i)
	frame.Events = append([]sim.Event(nil), k.Step(i)...)
	x.noteReturns()
	x.checkFixed()
	if x.opts.Snapshots {
		frame.Snapshot = k.Snapshot()
	}
	if x.opts.Invariants {
		x.invariants()
	}
	r.Frames = append(r.Frames, frame)
	if err := k.Err(); err != nil {
		r.Err = fmt.Errorf("%s: step limit reached at line %d", r.File.Name, steps[i].Pos.Line)
		r.Names = k.Names()
		return false
	}
	return true
}

// end finishes a run in which no step can run any more: the expect lines below the
// last step, the steps never run, the calls without a value, deadlock. A run
// stopped at the step limit is returned as it stands.
func (x *executor) end() *Run {
	r := x.run
	if r.Err != nil {
		return r
	}
	end := &Frame{}
	x.frame = end
	x.checkExpectsBefore(len(r.File.Items))
	x.finish()
	r.EndChecks = end.Checks
	r.Assumed = x.k.Assumed()
	r.Names = x.k.Names()
	return r
}

type executor struct {
	run     *Run
	k       *sim.Kernel
	opts    Options
	steps   []*Step
	itemOf  map[*Step]int
	checked []bool // the step's expectation was checked
	pending []int  // steps started whose value is not fixed yet
	nextExp int    // items before it have been considered for expect checks
	frame   *Frame
	broken  []sim.Violation // the violations found after the last step
	// calling maps a pid to its step whose call has not returned yet; returned
	// maps a step to the frame its call returned in; resultAt maps a step with a
	// fixed value to its StepResult (frame, index in Results).
	calling  map[int]int
	returned map[int]int
	resultAt map[int][2]int
}

// startCall notes that step i's call begins in the frame being built: a set or
// read is done at once, a system call returns when sim says so (SyscallReturn).
func (x *executor) startCall(i int) {
	now := len(x.run.Frames)
	if !x.steps[i].Op.Call.Syscall() {
		x.returned[i] = now
		return
	}
	if p := x.k.Proc(x.steps[i].Op.Actor); p != nil {
		x.calling[p.Pid] = i
	}
}

// noteReturns records the calls that returned to user mode in this frame, and
// marks those whose value an earlier frame holds.
func (x *executor) noteReturns() {
	now := len(x.run.Frames)
	for _, e := range x.frame.Events {
		if _, ok := e.(*sim.SyscallReturn); !ok {
			continue
		}
		i, ok := x.calling[e.Common().Pid]
		if !ok {
			continue
		}
		delete(x.calling, e.Common().Pid)
		x.returned[i] = now
		if at, ok := x.resultAt[i]; ok {
			x.run.Frames[at[0]].Results[at[1]].Returned = now
		}
	}
}

func (x *executor) record(c Check) {
	if x.opts.Unchecked {
		return
	}
	x.run.Checked++
	x.frame.Checks = append(x.frame.Checks, c)
	if !c.OK {
		x.run.Failures = append(x.run.Failures, c)
	}
}

// checkExpectsBefore checks the expect lines above item index end.
func (x *executor) checkExpectsBefore(end int) {
	items := x.run.File.Items
	if x.opts.Unchecked {
		return
	}
	for ; x.nextExp < end && x.nextExp < len(items); x.nextExp++ {
		e, ok := items[x.nextExp].(*Expect)
		if !ok || !e.AppliesTo(x.run.Design.Name) || e.Kind == ExpDeadlock {
			continue
		}
		x.record(x.checkExpect(e))
	}
}

// checkFixed checks the expectations of steps whose value is now fixed.
func (x *executor) checkFixed() {
	pending := x.pending[:0]
	for _, i := range x.pending {
		res := x.k.Result(i)
		if !res.Fixed {
			pending = append(pending, i)
			continue
		}
		s := x.steps[i]
		x.checked[i] = true
		now := len(x.run.Frames)
		x.resultAt[i] = [2]int{now, len(x.frame.Results)}
		x.frame.Results = append(x.frame.Results, StepResult{Step: s, Got: gotText(s, res), Res: res, Fixed: now, Returned: x.returned[i]})
		if exp := s.ResultFor(x.run.Design.Name); exp != nil {
			x.record(x.checkResult(s, exp, res))
		}
	}
	x.pending = pending
}

// invariants checks sim's invariants after a step: it adds the violations that
// are new since the step before to the frame, and every one to the run's
// Broken or Violations.
func (x *executor) invariants() {
	now := x.k.CheckInvariants()
	for _, v := range now {
		if !slices.Contains(x.broken, v) {
			x.frame.Broken = append(x.frame.Broken, v)
		}
		if v.Declared {
			if !contains(x.run.Broken, v.Invariant) {
				x.run.Broken = append(x.run.Broken, v.Invariant)
			}
		} else if !slices.Contains(x.run.Violations, v) {
			x.run.Violations = append(x.run.Violations, v)
		}
	}
	x.broken = now
}

// finish checks what is left when no step can run: steps never run, calls without
// a value, deadlock.
func (x *executor) finish() {
	design := x.run.Design.Name
	held := map[string]bool{}
	for i, s := range x.steps {
		if x.k.Done(i) {
			continue
		}
		if x.k.Alive(s.Op.Actor) {
			if !held[s.Op.Actor] {
				held[s.Op.Actor] = true
				x.run.Deadlock = append(x.run.Deadlock, Held{Step: s, Actor: s.Op.Actor, Why: x.k.Held(s.Op.Actor)})
			}
		} else {
			x.run.NotRun = append(x.run.NotRun, s)
		}
	}
	if len(x.run.Deadlock) > 0 {
		// The others in the chain: processes with no step left that sleep or stop.
		for _, name := range x.run.File.Names {
			if !held[name] && x.k.Alive(name) && !x.k.Ready(name) {
				x.run.Deadlock = append(x.run.Deadlock, Held{Actor: name, Why: x.k.Held(name)})
			}
		}
	}
	for i, s := range x.steps {
		if x.checked[i] {
			continue
		}
		x.checked[i] = true
		exp := s.ResultFor(design)
		if exp == nil {
			continue
		}
		switch {
		case exp.Kind == ResBlocks:
			x.record(Check{Pos: exp.Pos, Expected: "blocks", Got: "blocks", OK: true})
		case !x.k.Done(i):
			x.record(Check{Pos: exp.Pos, Expected: exp.Text, Got: "not run: " + s.Op.Actor + " " + x.k.Held(s.Op.Actor)})
		default:
			x.record(Check{Pos: exp.Pos, Expected: exp.Text, Got: "no value yet: " + s.Op.Actor + " " + x.k.Held(s.Op.Actor)})
		}
	}
	for _, it := range x.run.File.Items {
		if e, ok := it.(*Expect); ok && e.Kind == ExpDeadlock && e.AppliesTo(design) {
			got := "no deadlock"
			if len(x.run.Deadlock) > 0 {
				got = "deadlock"
			}
			x.record(Check{Pos: e.Pos, Expected: "deadlock", Got: got, OK: got == "deadlock"})
		}
	}
}

// DeadlockReport says who waits for what, one line a held actor.
func (r *Run) DeadlockReport() string {
	var b strings.Builder
	for _, h := range r.Deadlock {
		if h.Step == nil {
			fmt.Fprintf(&b, "%s: %s, with no step left, %s\n", r.File.Name, h.Actor, h.Why)
			continue
		}
		fmt.Fprintf(&b, "%s:%d: %s is held: %s\n", r.File.Name, h.Step.Pos.Line, h.Actor, h.Why)
	}
	return b.String()
}
