package scenarios

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"forklab/sim"
)

// GenParams shapes a random scenario.
type GenParams struct {
	Procs int // processes declared at the start (at least 1)
	Steps int // steps
	// Mix weighs the kinds of call (the keys of DefaultMix); a missing kind has weight
	// 0. Nil means DefaultMix.
	Mix map[string]int
	// Linux leaves out what only FreeBSD has: rfork, PT_TO_SCE/PT_TO_SCX and event
	// masks.
	Linux bool
}

// DefaultMix weighs calls so that runs fork, trace, stop and exit often.
var DefaultMix = map[string]int{
	"fork": 8, "vfork": 3, "rfork": 2, "forkfail": 1, "exec": 4, "execfail": 1, "exit": 4,
	"kill": 3, "raise": 2, "wait": 6, "waitnohang": 4, "getppid": 2, "set": 2, "read": 2,
	"traceme": 2, "attach": 6, "detach": 3, "continue": 10, "syscall": 2, "ptkill": 1,
	"follow": 4, "events": 1, "lwpinfo": 4,
}

// BenchMix keeps runs going: no call that can sleep for ever (waits are WNOHANG, no
// vfork), few exits, many resumes.
var BenchMix = map[string]int{
	"fork": 6, "rfork": 1, "forkfail": 1, "exec": 4, "execfail": 1, "exit": 1,
	"kill": 2, "raise": 1, "waitnohang": 10, "getppid": 2, "set": 2, "read": 2,
	"traceme": 1, "attach": 4, "detach": 3, "continue": 14, "syscall": 1,
	"follow": 4, "events": 1, "lwpinfo": 4,
}

// genKinds fixes the order of the mix's keys, so that generation is deterministic.
var genKinds = []string{"fork", "vfork", "rfork", "forkfail", "exec", "execfail", "exit",
	"kill", "raise", "wait", "waitnohang", "getppid", "set", "read", "traceme", "attach",
	"detach", "continue", "syscall", "ptkill", "follow", "events", "lwpinfo"}

var genSignals = []string{"SIGSTOP", "SIGCONT", "SIGUSR1", "SIGTERM", "SIGCHLD", "SIGKILL", "SIGTRAP"}

// generator holds what both generators share.
type generator struct {
	r        *rand.Rand
	mix      map[string]int
	kinds    []string
	total    int
	children int
	b        strings.Builder
	names    []string
}

func newGenerator(seed uint64, gp GenParams) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), mix: gp.Mix}
	if g.mix == nil {
		g.mix = DefaultMix
	}
	for _, k := range genKinds {
		if gp.Linux && (k == "rfork" || k == "syscall" || k == "events") {
			continue
		}
		if w := g.mix[k]; w > 0 {
			g.kinds = append(g.kinds, k)
			g.total += w
		}
	}
	fmt.Fprintf(&g.b, "title: random scenario %d\n", seed)
	for i := 0; i < max(gp.Procs, 1); i++ {
		name := fmt.Sprintf("P%d", i)
		if i > 0 && g.r.IntN(2) == 0 {
			fmt.Fprintf(&g.b, "proc %s parent %s\n", name, g.names[g.r.IntN(len(g.names))])
		} else {
			fmt.Fprintf(&g.b, "proc %s\n", name)
		}
		g.names = append(g.names, name)
	}
	return g
}

// decls returns the declared processes as sim sees them.
func (g *generator) decls() []sim.ProcDecl {
	f, err := Parse("gen.txt", []byte(g.b.String()))
	if err != nil {
		panic("scenarios: generator wrote a bad header: " + err.Error())
	}
	return f.Program().Procs
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// kind draws a kind of call from the mix.
func (g *generator) kind() string {
	n := g.r.IntN(g.total)
	for _, k := range g.kinds {
		if n < g.mix[k] {
			return k
		}
		n -= g.mix[k]
	}
	return g.kinds[0]
}

// op makes a step of kind for actor, naming target where the call needs one.
func (g *generator) op(kind, actor, target string) sim.Op {
	r := g.r
	op := sim.Op{Actor: actor, Call: sim.CallPtrace, Target: target}
	sig, _ := sim.ParseSignal(g.pick(genSignals))
	child := func() string {
		g.children++
		name := fmt.Sprintf("C%d", g.children)
		g.names = append(g.names, name)
		return name
	}
	switch kind {
	case "fork":
		op = sim.Op{Actor: actor, Call: sim.CallFork, Child: child()}
	case "vfork":
		op = sim.Op{Actor: actor, Call: sim.CallVfork, Child: child()}
	case "rfork":
		flags := []uint32{sim.RFPROC | sim.RFMEM, sim.RFPROC | sim.RFFDG, sim.RFPROC | sim.RFMEM | sim.RFPPWAIT}[r.IntN(3)]
		op = sim.Op{Actor: actor, Call: sim.CallRfork, Rfork: flags, Child: child()}
	case "forkfail":
		op = sim.Op{Actor: actor, Call: sim.CallForkFail, Errno: sim.MustErrno("EAGAIN")}
	case "exec":
		op = sim.Op{Actor: actor, Call: sim.CallExec, Path: "/bin/sh"}
	case "execfail":
		op = sim.Op{Actor: actor, Call: sim.CallExec, Path: "/nonexistent", Errno: sim.MustErrno("ENOENT")}
	case "exit":
		op = sim.Op{Actor: actor, Call: sim.CallExit, Status: r.IntN(4)}
	case "kill":
		op = sim.Op{Actor: actor, Call: sim.CallKill, Target: target, Signal: sig}
	case "raise":
		s, _ := sim.ParseSignal(g.pick([]string{"SIGSTOP", "SIGUSR1", "SIGCHLD"}))
		op = sim.Op{Actor: actor, Call: sim.CallRaise, Signal: s}
	case "wait", "waitnohang":
		op = sim.Op{Actor: actor, Call: sim.CallWait, NoHang: kind == "waitnohang"}
		if r.IntN(2) == 0 {
			op.Target = target
		}
	case "getppid":
		op = sim.Op{Actor: actor, Call: sim.CallGetppid}
	case "set":
		op = sim.Op{Actor: actor, Call: sim.CallSet, Var: "x", Value: r.IntN(10)}
	case "read":
		op = sim.Op{Actor: actor, Call: sim.CallRead, Var: "x"}
	case "traceme":
		op = sim.Op{Actor: actor, Call: sim.CallPtrace, Req: sim.PTTraceMe}
	case "attach":
		op.Req = sim.PTAttach
	case "detach":
		op.Req = sim.PTDetach
	case "continue":
		op.Req = sim.PTContinue
		if r.IntN(5) == 0 {
			op.Signal = sig
		}
	case "syscall":
		op.Req = []sim.Req{sim.PTToSCE, sim.PTToSCX, sim.PTSyscall}[r.IntN(3)]
	case "ptkill":
		op.Req = sim.PTKill
	case "follow":
		op.Req = []sim.Req{sim.PTFollowFork, sim.PTFollowExec}[r.IntN(2)]
		op.On = r.IntN(3) != 0
	case "events":
		switch r.IntN(3) {
		case 0:
			op.Req, op.Events = sim.PTSetEvents, sim.PTRACE_EXEC|sim.PTRACE_FORK|sim.PTRACE_VFORK
		case 1:
			op.Req, op.Events = sim.PTEditEvents, sim.PTRACE_SCX
		default:
			op.Req, op.Del = sim.PTEditEvents, sim.PTRACE_EXEC
		}
	case "lwpinfo":
		op.Req = sim.PTLwpinfo
	}
	return op
}

func (g *generator) add(op sim.Op) { g.b.WriteString(FormatOp(op) + "\n") }

// Generate returns the text of a valid random scenario for seed: deterministic, and
// always accepted by Parse. Actors and targets are drawn blindly from the names so
// far, so many steps are held and many runs deadlock; it has no expectations. It is
// for checking that no run breaks the model's invariants or panics.
func Generate(seed uint64, gp GenParams) string {
	g := newGenerator(seed, gp)
	for i := 0; i < gp.Steps && g.total > 0; i++ {
		actor, target := g.pick(g.names), g.pick(g.names)
		g.add(g.op(g.kind(), actor, target))
	}
	return g.b.String()
}

// GenerateLive returns a random scenario that keeps running under design d: it runs
// the scenario as it writes it and draws each step's actor among the processes that
// can run a step now, and its target among those that exist, preferring the
// actor's own stopped tracees for ptrace requests and its children for wait. It
// stops early when no process can run.
func GenerateLive(seed uint64, gp GenParams, d *sim.Design) string {
	g := newGenerator(seed, gp)
	k := sim.New(d, &sim.Program{Procs: g.decls()})
	for i := 0; i < gp.Steps && g.total > 0; i++ {
		snap := k.Snapshot()
		var ready, alive []string
		for _, v := range snap.Procs {
			if v.Pid != 1 && v.State != sim.StateReaped && v.State != sim.StateZombie {
				alive = append(alive, v.Name)
				if k.Ready(v.Name) {
					ready = append(ready, v.Name)
				}
			}
		}
		if len(ready) == 0 {
			break
		}
		actor := g.pick(ready)
		kind := g.kind()
		target := g.target(&snap, actor, kind, alive)
		op := g.op(kind, actor, target)
		g.add(op)
		k.Extend(op)
		if j := k.Next(); j >= 0 {
			k.Step(j)
		}
	}
	return g.b.String()
}

// target picks a target for a live step: the actor's stopped tracees for requests
// that need one, its children for wait, else any live process.
func (g *generator) target(snap *sim.Snapshot, actor, kind string, alive []string) string {
	self, _ := snap.Proc(actor)
	var prefer []string
	for _, v := range snap.Procs {
		switch kind {
		case "continue", "detach", "lwpinfo", "follow", "events", "syscall", "ptkill":
			if v.Tracer == self.Pid && v.State == sim.StateStopped {
				prefer = append(prefer, v.Name)
			}
		case "wait", "waitnohang":
			if v.Parent == self.Pid && v.State != sim.StateReaped {
				prefer = append(prefer, v.Name)
			}
		}
	}
	if len(prefer) > 0 && g.r.IntN(5) != 0 {
		return g.pick(prefer)
	}
	return g.pick(alive)
}
