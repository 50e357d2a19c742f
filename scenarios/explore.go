package scenarios

import (
	"math"
	"math/bits"
	"slices"
	"strings"

	"forklab/sim"
)

// This file is the interleaving explorer (docs/explorer.md): it runs every order of
// a file's steps that keeps each actor's steps in file order and can run, and
// groups the runs by outcome.
//
// The search is stateless, as in CHESS and Godefroid's VeriSoft: the model has no
// copy of a state, so every run starts from the initial kernel, replays the path of
// choices down to the point where it branches off, and then takes the first step it
// may. It prunes with sleep sets (P. Godefroid, "Partial-Order Methods for the
// Verification of Concurrent Systems", LNCS 1032, 1996, ch. 5): after the subtree
// of step t has been explored from a state, t sleeps in the subtrees of the steps
// tried after it there, for as long as the path takes only steps independent of t
// (depend.go), because every order of that subtree that takes t is equivalent to
// one already explored. A run that reaches a state where every step that may run
// sleeps is cut short. Sleep sets explore exactly one order of every class of
// equivalent orders to its end, so each complete run stands for the orders
// equivalent to it, which linearExtensions counts.

// ExploreOptions shapes an exploration.
type ExploreOptions struct {
	Moves *Moves // which steps may move (ParseMoves); nil: every step
	// Naive runs every order to its end, without the reduction: a check on it, and
	// a measure of what it saves.
	Naive bool
}

// Exploration explores the orders of one file under one design, a run at a time,
// so that a caller can spread it over time (Advance) and stop when it likes.
type Exploration struct {
	File   *File
	Design *sim.Design
	// Runs counts the runs made: those that reached the end of an order and those
	// the sleep sets cut short.
	Runs int
	// Interleavings counts the orders that can run, over the runs made so far (all
	// of them once Done); it saturates at math.MaxUint64.
	Interleavings uint64
	// Outcomes are the classes found so far, in the order they were first found;
	// the first is the file's written order's.
	Outcomes []*Outcome

	opts  ExploreOptions
	steps []*Step
	prev  []int // the step of the same actor just before each step, or -1
	u     *universe
	path  []node // path[j] is the state after j steps of the current order
	byKey map[string]*Outcome
	done  bool
}

// node is a state on the current path.
type node struct {
	allowed []int     // the steps that may run here, in file order
	sleep   []sleeper // steps not to take here: their orders are explored elsewhere
	tried   []sleeper // steps taken here by earlier runs
	taken   int       // the step taken here by the current run, or -1 before it chooses
	fp      bitset    // the footprint of taken
}

// sleeper is a step with its footprint from the state where it was taken.
type sleeper struct {
	step int
	fp   bitset
}

// Outcome is a class of orders: what a run ends with, compared as the scenario
// language writes it.
type Outcome struct {
	Count uint64 // the orders that lead to it (saturating)
	// Results holds, for every step of the file in file order, its result in the
	// RESULT syntax, "blocks" for a call that never got a value, or "not run".
	Results []string
	// Final holds, for every process name of the file (File.Names), its final
	// state, parent and tracer ("zombie, parent D, traced by D"; "does not exist").
	Final []string
	// Broken lists the invariants the runs break on purpose, Violations those
	// broken without the design declaring it (a model bug), each sorted.
	Broken, Violations []string
	Err                string // the step limit, if the runs reached it
	// Order is a shortest order that leads to it, the first found; Run is its run.
	Order []*Step
	Run   *Run
	last  sim.Snapshot // the state Run ended in
}

// NewExploration prepares the exploration of f under d; nothing runs yet.
func NewExploration(f *File, d *sim.Design, opts ExploreOptions) *Exploration {
	e := &Exploration{File: f, Design: d, opts: opts, steps: f.Steps(), u: newUniverse(f), byKey: map[string]*Outcome{}}
	last := map[string]int{}
	for i, s := range e.steps {
		p, ok := last[s.Op.Actor]
		if !ok {
			p = -1
		}
		e.prev = append(e.prev, p)
		last[s.Op.Actor] = i
	}
	return e
}

// Done reports whether every order has been explored.
func (e *Exploration) Done() bool { return e.done }

// Advance makes up to n more runs and reports whether the exploration is done.
func (e *Exploration) Advance(n int) bool {
	for ; n > 0 && !e.done; n-- {
		e.run()
	}
	return e.done
}

// run makes one run: it replays the current path, branches where the last
// backtrack left it, goes on to the end of an order (or to a state where every
// allowed step sleeps), records the outcome, and backtracks.
func (e *Exploration) run() {
	e.Runs++
	x := startRun(e.File, e.Design, Options{Invariants: true, Unchecked: true})
	if len(e.path) == 0 {
		e.path = append(e.path, node{allowed: e.allowed(x.k), taken: -1})
	}
	for j := 0; j < len(e.path)-1; j++ {
		x.step(e.path[j].taken) // as in the run that took it: not at the step limit
	}
	var before sim.Snapshot
	if !e.opts.Naive {
		before = x.k.Snapshot()
	}
	for {
		n := &e.path[len(e.path)-1]
		if n.taken < 0 {
			if n.taken = n.next(); n.taken < 0 {
				break
			}
		}
		i := n.taken
		x.step(i)
		child := node{allowed: e.allowed(x.k), taken: -1}
		if !e.opts.Naive {
			after := x.k.Snapshot()
			n.fp = e.footprint(x, i, &before, &after)
			for _, set := range [][]sleeper{n.sleep, n.tried} {
				for _, s := range set {
					if !s.fp.meets(n.fp) {
						child.sleep = append(child.sleep, s)
					}
				}
			}
			before = after
		}
		e.path = append(e.path, child)
	}
	if len(e.path[len(e.path)-1].allowed) == 0 {
		e.record(x)
	}
	e.backtrack()
}

// allowed returns the steps that may run in k's state (docs/explorer.md "Which
// orders"): an actor's first step not yet started, if the actor can start a step
// now (Kernel.Ready: it exists, has not exited, is not inside a call, is not
// stopped), as the file's markup allows.
func (e *Exploration) allowed(k *sim.Kernel) []int {
	if k.Err() != nil {
		return nil
	}
	var runnable []int
	for i, s := range e.steps {
		if !k.Done(i) && (e.prev[i] < 0 || k.Done(e.prev[i])) && k.Ready(s.Op.Actor) {
			runnable = append(runnable, i)
		}
	}
	return e.opts.Moves.allowed(runnable)
}

// footprint is depend.go's footprint of step i, which x has just run, with rule 4
// for the file's markup.
func (e *Exploration) footprint(x *executor, i int, before, after *sim.Snapshot) bitset {
	frame := &x.run.Frames[len(x.run.Frames)-1]
	fp := e.u.footprint(e.steps[i], before, after, frame.Events)
	if m := e.opts.Moves; m != nil {
		for t := 0; t < i; t++ {
			if m.Block[i] < 0 || m.Block[t] != m.Block[i] {
				fp.add(e.u.ids[e.steps[t].Op.Actor])
			}
		}
	}
	return fp
}

// Unexplored returns the steps every order not explored yet begins with: the
// current path down to the shallowest state with a step left to try there.
func (e *Exploration) Unexplored() []*Step {
	var prefix []*Step
	for _, n := range e.path {
		if slices.ContainsFunc(n.allowed, func(i int) bool { return i != n.taken && !n.sleeps(i) }) {
			break
		}
		prefix = append(prefix, e.steps[n.taken])
	}
	return prefix
}

// sleeps reports whether step i sleeps or has been tried at n.
func (n *node) sleeps(i int) bool {
	in := func(set []sleeper) bool {
		return slices.ContainsFunc(set, func(s sleeper) bool { return s.step == i })
	}
	return in(n.sleep) || in(n.tried)
}

// next returns the first allowed step that neither sleeps nor has been tried, or -1.
func (n *node) next() int {
	for _, i := range n.allowed {
		if !n.sleeps(i) {
			return i
		}
	}
	return -1
}

// backtrack drops the end of the path back to the deepest state with a step left
// to try; the exploration is done when there is none.
func (e *Exploration) backtrack() {
	e.path = e.path[:len(e.path)-1]
	for len(e.path) > 0 {
		n := &e.path[len(e.path)-1]
		n.tried = append(n.tried, sleeper{n.taken, n.fp})
		n.taken, n.fp = -1, nil
		if n.next() >= 0 {
			return
		}
		e.path = e.path[:len(e.path)-1]
	}
	e.done = true
}

// record adds a complete run, x's and the current path's, to its outcome class.
func (e *Exploration) record(x *executor) {
	o := e.outcomeOf(x)
	key := o.key()
	if have, ok := e.byKey[key]; ok {
		if len(o.Order) < len(have.Order) {
			have.Order, have.Run, have.last = o.Order, o.Run, o.last
		}
		o = have
	} else {
		e.byKey[key] = o
		e.Outcomes = append(e.Outcomes, o)
	}
	n := e.orders()
	o.Count = addSat(o.Count, n)
	e.Interleavings = addSat(e.Interleavings, n)
}

// key is what tells outcome classes apart: all of an Outcome but its count and
// example.
func (o *Outcome) key() string {
	return strings.Join(o.Results, "\n") + "\x00" + strings.Join(o.Final, "\n") + "\x00" +
		strings.Join(o.Broken, " ") + "\x00" + strings.Join(o.Violations, " ") + "\x00" + o.Err
}

// orders returns how many orders are equivalent to the current path's.
func (e *Exploration) orders() uint64 {
	if e.opts.Naive {
		return 1
	}
	taken := e.path[:len(e.path)-1]
	deps := make([]bitset, len(taken))
	for j := range taken {
		deps[j] = newBitset(len(taken))
		for k := 0; k < j; k++ {
			if taken[k].fp.meets(taken[j].fp) {
				deps[j].add(k)
			}
		}
	}
	return linearExtensions(deps)
}

// outcomeOf ends x's run and describes how it ended.
func (e *Exploration) outcomeOf(x *executor) *Outcome {
	r := x.end()
	o := &Outcome{Run: r}
	for _, f := range r.Frames[1:] {
		o.Order = append(o.Order, f.Step)
	}
	for i, s := range e.steps {
		res := x.k.Result(i)
		switch {
		case res.Fixed:
			o.Results = append(o.Results, resultText(s, res))
		case res.Ran:
			o.Results = append(o.Results, "blocks")
		default:
			o.Results = append(o.Results, "not run")
		}
	}
	o.last = x.k.Snapshot()
	last := newProcIndex(&o.last)
	for _, name := range e.File.Names {
		o.Final = append(o.Final, procSummary(last, name))
	}
	o.Broken = slices.Sorted(slices.Values(r.Broken))
	for _, v := range r.Violations {
		if !slices.Contains(o.Violations, v.Invariant) {
			o.Violations = append(o.Violations, v.Invariant)
		}
	}
	slices.Sort(o.Violations)
	if r.Err != nil {
		o.Err = r.Err.Error()
	}
	return o
}

func addSat(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 {
		return math.MaxUint64
	}
	return s
}
