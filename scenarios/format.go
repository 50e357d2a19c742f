package scenarios

import (
	"strconv"
	"strings"

	"forklab/sim"
)

// FormatOp writes op as a step line, `ACTOR: CALL`, the inverse of parsing it.
// Process-creating calls always say `as NAME`.
func FormatOp(op sim.Op) string {
	return op.Actor + ": " + formatCall(op)
}

func formatCall(op sim.Op) string {
	as := ""
	if op.Child != "" {
		as = " as " + op.Child
	}
	switch op.Call {
	case sim.CallFork:
		return "fork" + as
	case sim.CallVfork:
		return "vfork" + as
	case sim.CallRfork:
		return "rfork " + sim.RforkString(op.Rfork) + as
	case sim.CallForkFail:
		return "fork fail " + op.Errno.String()
	case sim.CallExec:
		if op.Errno != 0 {
			return "exec " + op.Path + " fail " + op.Errno.String()
		}
		return "exec " + op.Path
	case sim.CallExit:
		return "exit " + strconv.Itoa(op.Status)
	case sim.CallKill:
		return "kill " + op.Target + " " + op.Signal.String()
	case sim.CallRaise:
		return "raise " + op.Signal.String()
	case sim.CallWait:
		s := "wait any"
		if op.Target != "" {
			s = "wait " + op.Target
		}
		if op.NoHang {
			s += " nohang"
		}
		return s
	case sim.CallGetppid:
		return "getppid"
	case sim.CallSet:
		return "set " + op.Var + " " + strconv.Itoa(op.Value)
	case sim.CallRead:
		return "read " + op.Var
	case sim.CallPtrace:
		return "ptrace " + formatRequest(op)
	}
	return "?"
}

func formatRequest(op sim.Op) string {
	onOff := func() string {
		if op.On {
			return " on"
		}
		return " off"
	}
	withSig := func(s string) string {
		if op.Signal != 0 {
			return s + " " + op.Signal.String()
		}
		return s
	}
	t := " " + op.Target
	switch op.Req {
	case sim.PTTraceMe:
		return "traceme"
	case sim.PTAttach:
		return "attach" + t
	case sim.PTDetach:
		return withSig("detach" + t)
	case sim.PTContinue:
		return withSig("continue" + t)
	case sim.PTToSCE:
		return "to-sce" + t
	case sim.PTToSCX:
		return "to-scx" + t
	case sim.PTSyscall:
		return "syscall" + t
	case sim.PTKill:
		return "kill" + t
	case sim.PTFollowFork:
		return "follow-fork" + t + onOff()
	case sim.PTFollowExec:
		return "follow-exec" + t + onOff()
	case sim.PTSetEvents:
		if op.Events == 0 {
			return "events" + t + " none"
		}
		return "events" + t + " " + strings.Join(eventWords(op.Events, ""), " ")
	case sim.PTEditEvents:
		return "events" + t + " " + strings.Join(append(eventWords(op.Events, "+"), eventWords(op.Del, "-")...), " ")
	case sim.PTLwpinfo:
		return "lwpinfo" + t
	}
	return "?"
}

// eventWords names the bits of m in a fixed order, each with prefix.
func eventWords(m sim.EventMask, prefix string) []string {
	var out []string
	for _, n := range []string{"exec", "fork", "vfork", "sce", "scx", "lwp"} {
		if m&sim.EventNames[n] != 0 {
			out = append(out, prefix+n)
		}
	}
	return out
}
