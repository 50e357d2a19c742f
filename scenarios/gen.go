package scenarios

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// GenParams shapes a random scenario.
type GenParams struct {
	Procs int // processes declared at the start (at least 1)
	Steps int // steps
	// Mix weighs the kinds of call; a missing kind has weight 0. Nil means DefaultMix.
	Mix map[string]int
	// Linux restricts the calls to those a real Linux kernel can run the same way:
	// no rfork and no FreeBSD-only requests.
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

var genSignals = []string{"SIGSTOP", "SIGCONT", "SIGUSR1", "SIGTERM", "SIGCHLD", "SIGKILL", "SIGTRAP"}

// Generate returns the text of a valid random scenario for seed: deterministic, and
// always accepted by Parse. It has no expectations; it is for checking that runs
// keep the model's invariants and never panic.
func Generate(seed uint64, gp GenParams) string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	mix := gp.Mix
	if mix == nil {
		mix = DefaultMix
	}
	var kinds []string
	total := 0
	for _, k := range genKinds {
		if gp.Linux && (k == "rfork" || k == "syscall" || k == "events") {
			continue
		}
		if w := mix[k]; w > 0 {
			kinds = append(kinds, k)
			total += w
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: random scenario %d\n", seed)
	names := []string{}
	for i := 0; i < max(gp.Procs, 1); i++ {
		name := fmt.Sprintf("P%d", i)
		if i > 0 && r.IntN(2) == 0 {
			fmt.Fprintf(&b, "proc %s parent %s\n", name, names[r.IntN(len(names))])
		} else {
			fmt.Fprintf(&b, "proc %s\n", name)
		}
		names = append(names, name)
	}
	children := 0
	for i := 0; i < gp.Steps && total > 0; i++ {
		actor := names[r.IntN(len(names))]
		target := names[r.IntN(len(names))]
		n := r.IntN(total)
		kind := kinds[0]
		for _, k := range kinds {
			if n < mix[k] {
				kind = k
				break
			}
			n -= mix[k]
		}
		sig := genSignals[r.IntN(len(genSignals))]
		var call string
		switch kind {
		case "fork", "vfork", "rfork":
			children++
			child := fmt.Sprintf("C%d", children)
			switch kind {
			case "fork":
				call = "fork as " + child
			case "vfork":
				call = "vfork as " + child
			default:
				call = []string{"rfork RFPROC|RFMEM as ", "rfork RFPROC|RFFDG as ", "rfork RFPROC|RFMEM|RFPPWAIT as "}[r.IntN(3)] + child
			}
			names = append(names, child)
		case "forkfail":
			call = "fork fail EAGAIN"
		case "exec":
			call = "exec /bin/sh"
		case "execfail":
			call = "exec /nonexistent fail ENOENT"
		case "exit":
			call = fmt.Sprintf("exit %d", r.IntN(4))
		case "kill":
			call = "kill " + target + " " + sig
		case "raise":
			call = "raise " + []string{"SIGSTOP", "SIGUSR1", "SIGCHLD"}[r.IntN(3)]
		case "wait":
			call = []string{"wait", "wait " + target}[r.IntN(2)]
		case "waitnohang":
			call = []string{"wait any nohang", "wait " + target + " nohang"}[r.IntN(2)]
		case "getppid":
			call = "getppid"
		case "set":
			call = fmt.Sprintf("set x %d", r.IntN(10))
		case "read":
			call = "read x"
		case "traceme":
			call = "ptrace traceme"
		case "attach":
			call = "ptrace attach " + target
		case "detach":
			call = "ptrace detach " + target
		case "continue":
			call = "ptrace continue " + target
			if r.IntN(5) == 0 {
				call += " " + sig
			}
		case "syscall":
			call = "ptrace " + []string{"to-sce", "to-scx", "syscall"}[r.IntN(3)] + " " + target
		case "ptkill":
			call = "ptrace kill " + target
		case "follow":
			call = "ptrace " + []string{"follow-fork", "follow-exec"}[r.IntN(2)] + " " + target + " " + []string{"on", "off"}[r.IntN(2)]
		case "events":
			call = "ptrace events " + target + " " + []string{"exec fork vfork", "+scx", "-exec", "none"}[r.IntN(4)]
		case "lwpinfo":
			call = "ptrace lwpinfo " + target
		}
		fmt.Fprintf(&b, "%s: %s\n", actor, call)
	}
	return b.String()
}

// genKinds fixes the order of DefaultMix's keys, so that generation is deterministic.
var genKinds = []string{"fork", "vfork", "rfork", "forkfail", "exec", "execfail", "exit",
	"kill", "raise", "wait", "waitnohang", "getppid", "set", "read", "traceme", "attach", "detach",
	"continue", "syscall", "ptkill", "follow", "events", "lwpinfo"}
