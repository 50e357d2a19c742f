package scenarios

// This file holds the tables the parser reads calls with (readCall, ptrace in
// parse_call.go) and, beside each call, its syntax, an example and what it
// does: the language reference (Reference) is generated from these tables, so
// that it lists every call the parser accepts and no other.

import (
	"strings"

	"forklab/sim"
)

// CallRef is one entry of the language reference.
type CallRef struct {
	Name    string // the call as a step writes it: "fork", "ptrace attach"
	Syntax  string // the step's form, after "ACTOR:"
	Example string // a whole step, which parses after ReferenceHeader
	Does    string
}

// ReferenceHeader declares the processes the reference's examples name.
const ReferenceHeader = "title: reference\nproc R\nproc C parent R\nproc D\n"

// stepCall is a call the parser knows: how it reads one and its entry.
type stepCall struct {
	ref  CallRef
	read func(c *cursor, d *draft, at word) *Error // reads the words after the call's name
}

// stepCalls are the calls of version 1, in the order messages and the
// reference list them.
var stepCalls = []stepCall{
	{CallRef{"fork", "fork [as NAME]  |  fork fail ERRNO", "R: fork as K => K",
		"fork(2): a child that shares nothing; fork fail makes the call fail with ERRNO"}, (*cursor).readFork},
	{CallRef{"vfork", "vfork [as NAME]", "R: vfork as V => V",
		"vfork(2): the parent sleeps until the child execs or exits"}, func(c *cursor, d *draft, at word) *Error {
		d.step.Op.Call = sim.CallVfork
		return c.child(d, at)
	}},
	{CallRef{"rfork", "rfork FLAG|FLAG... [as NAME]", "R: rfork RFPROC|RFFDG as K => K",
		"rfork(2) with RFPROC, RFMEM, RFPPWAIT and RFFDG joined by |; without RFPROC no process is made"}, (*cursor).rfork},
	{CallRef{"exec", "exec PATH [fail ERRNO]", "C: exec /bin/true => ok",
		"execve(2) of PATH; exec fail makes it fail with ERRNO"}, func(c *cursor, d *draft, at word) *Error { return c.exec(d) }},
	{CallRef{"exit", "exit N", "C: exit 0",
		"exit(2) with status N, 0 to 255"}, func(c *cursor, d *draft, at word) *Error { return c.exit(&d.step.Op) }},
	{CallRef{"kill", "kill NAME SIGNAL", "R: kill C SIGSTOP => ok",
		"kill(2): send SIGNAL to NAME"}, func(c *cursor, d *draft, at word) *Error {
		op := &d.step.Op
		op.Call = sim.CallKill
		var err *Error
		if op.Target, err = c.process(d, notTarget); err == nil {
			op.Signal, err = c.signal()
		}
		return err
	}},
	{CallRef{"raise", "raise SIGNAL", "C: raise SIGSTOP",
		"send SIGNAL to oneself"}, func(c *cursor, d *draft, at word) *Error {
		d.step.Op.Call = sim.CallRaise
		var err *Error
		d.step.Op.Signal, err = c.signal()
		return err
	}},
	{CallRef{"wait", "wait [NAME|any] [nohang]", "R: wait C => C exited 0",
		"wait4(2) for NAME or any child; nohang returns at once (WNOHANG)"}, func(c *cursor, d *draft, at word) *Error { return c.wait(d) }},
	{CallRef{"getppid", "getppid", "C: getppid => R",
		"getppid(2): who the process sees as its parent"}, func(c *cursor, d *draft, at word) *Error {
		d.step.Op.Call = sim.CallGetppid
		return nil
	}},
	{CallRef{"set", "set VARIABLE N", "R: set x 7",
		"write N into a variable of the process's memory (shared with a vfork or RFMEM child)"}, func(c *cursor, d *draft, at word) *Error {
		op := &d.step.Op
		op.Call = sim.CallSet
		var err *Error
		if op.Var, err = c.variable(); err == nil {
			op.Value, err = c.number("an integer value")
		}
		return err
	}},
	{CallRef{"read", "read VARIABLE", "R: read x => 0",
		"read a variable of the process's memory"}, func(c *cursor, d *draft, at word) *Error {
		d.step.Op.Call = sim.CallRead
		var err *Error
		d.step.Op.Var, err = c.variable()
		return err
	}},
	{CallRef{"ptrace", "ptrace REQUEST [NAME ...]", "D: ptrace attach C => ok",
		"ptrace(2): one of the requests below"}, func(c *cursor, d *draft, at word) *Error { return c.ptrace(d) }},
}

// ptraceRequest is a request of `ptrace REQUEST`: its sim request and entry.
type ptraceRequest struct {
	word string
	req  sim.Req
	ref  CallRef
}

// ptraceRequests are the requests `ptrace` reads, in the order messages and
// the reference list them.
var ptraceRequests = []ptraceRequest{
	{"traceme", sim.PTTraceMe, CallRef{"ptrace traceme", "ptrace traceme", "C: ptrace traceme => ok", "PT_TRACE_ME: the parent becomes the tracer"}},
	{"attach", sim.PTAttach, CallRef{"ptrace attach", "ptrace attach NAME", "D: ptrace attach C => ok", "PT_ATTACH: trace NAME, which is sent SIGSTOP"}},
	{"detach", sim.PTDetach, CallRef{"ptrace detach", "ptrace detach NAME [SIGNAL]", "D: ptrace detach C", "PT_DETACH: stop tracing NAME and resume it, with SIGNAL if given"}},
	{"continue", sim.PTContinue, CallRef{"ptrace continue", "ptrace continue NAME [SIGNAL]", "D: ptrace continue C", "PT_CONTINUE: resume a stopped tracee, with SIGNAL if given"}},
	{"to-sce", sim.PTToSCE, CallRef{"ptrace to-sce", "ptrace to-sce NAME", "D: ptrace to-sce C", "PT_TO_SCE: resume until the next system call entry"}},
	{"to-scx", sim.PTToSCX, CallRef{"ptrace to-scx", "ptrace to-scx NAME", "D: ptrace to-scx C", "PT_TO_SCX: resume until the next system call exit"}},
	{"syscall", sim.PTSyscall, CallRef{"ptrace syscall", "ptrace syscall NAME", "D: ptrace syscall C", "PT_SYSCALL: resume until the next system call entry or exit"}},
	{"kill", sim.PTKill, CallRef{"ptrace kill", "ptrace kill NAME", "D: ptrace kill C", "PT_KILL: kill the tracee"}},
	{"follow-fork", sim.PTFollowFork, CallRef{"ptrace follow-fork", "ptrace follow-fork NAME on|off", "D: ptrace follow-fork C on", "PT_FOLLOW_FORK: trace the tracee's children too"}},
	{"follow-exec", sim.PTFollowExec, CallRef{"ptrace follow-exec", "ptrace follow-exec NAME on|off", "D: ptrace follow-exec C on", "PT_FOLLOW_EXEC (the 2012 proposal): stop the tracee at exec"}},
	{"events", sim.PTSetEvents, CallRef{"ptrace events", "ptrace events NAME none|EVENT...|+EVENT -EVENT...", "D: ptrace events C fork exec", "PT_SET_EVENT_MASK, or with +/- an edit of the mask; events: " + eventList}},
	{"lwpinfo", sim.PTLwpinfo, CallRef{"ptrace lwpinfo", "ptrace lwpinfo NAME", "D: ptrace lwpinfo C", "PT_LWPINFO: what the tracee stopped for (pl_flags, the signal)"}},
}

// findCall returns the call named word.
func findCall(word string) (stepCall, bool) {
	for _, sc := range stepCalls {
		if sc.ref.Name == word {
			return sc, true
		}
	}
	return stepCall{}, false
}

// findRequest returns the ptrace request named word.
func findRequest(word string) (sim.Req, bool) {
	for _, r := range ptraceRequests {
		if r.word == word {
			return r.req, true
		}
	}
	return 0, false
}

// callNames lists the calls, for messages: "fork, vfork, ... or ptrace".
func callNames() string {
	var ns []string
	for _, sc := range stepCalls {
		ns = append(ns, sc.ref.Name)
	}
	return orList(ns)
}

// requestNames lists the ptrace requests, for messages.
func requestNames() string {
	var ns []string
	for _, r := range ptraceRequests {
		ns = append(ns, r.word)
	}
	return orList(ns)
}

// orList writes "a, b or c".
func orList(ns []string) string {
	if len(ns) < 2 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " or " + ns[len(ns)-1]
}

// Reference returns the language reference: every call, and for ptrace every
// request, in the parser's order.
func Reference() []CallRef {
	var out []CallRef
	for _, sc := range stepCalls {
		if sc.ref.Name == "ptrace" {
			for _, r := range ptraceRequests {
				out = append(out, r.ref)
			}
			continue
		}
		out = append(out, sc.ref)
	}
	return out
}

// ReferenceFor returns the entry a step's call is read by ("fork fail" and
// "exec fail" by fork's and exec's), for an error's link.
func ReferenceFor(call string) (CallRef, bool) {
	call = strings.TrimSuffix(call, " fail")
	for _, r := range Reference() {
		if r.Name == call {
			return r, true
		}
	}
	return CallRef{}, false
}

// LineRef is an entry of the language reference for a line that is not a
// call: a header key, a proc line, a step's result or narration, an expect.
type LineRef struct {
	Name    string // "title:", "proc", "=> RESULT", "expect state"
	Syntax  string
	Example string // lines that parse: before the proc lines when Header, else after ReferenceHeader
	Does    string
	Header  bool
}

// headerRefs are the header keys, in headerKeys' order (TestLineReference
// keeps the two together).
var headerRefs = []LineRef{
	{"title:", "title: TEXT", "title: The real parent waits first", "required, once: the scenario's name", true},
	{"about:", "about: TEXT", "about: D attaches to C, a child of R.", "the paragraph shown before the first step; repeat it to add lines", true},
	{"cite:", "cite: SOURCE", "cite: tests/sys/kern/ptrace_test.c ptrace__parent_sees_exit_after_child_debugger", "a source the scenario shows (mail, man page, test, kernel file; a web address becomes a link); may repeat", true},
	{"designs:", "designs: DESIGN...", "designs: old new merged current", "the designs the scenario is meant for, by name or alias; default every design", true},
	{"tags:", "tags: WORD...", "tags: attach orphan", "words that group the scenario in Browse", true},
	{"pair:", "pair: DESIGN DESIGN", "pair: merged current", "the two designs the scenario opens with: the pair that makes its point", true},
}

// lineRefs are the other lines, in the order a file has them.
var lineRefs = []LineRef{
	{"proc", "proc NAME [parent NAME]", "proc K parent R", "a process that exists at the start, running and untraced; a child of init unless a parent is named above it", false},
	{"=> RESULT", "ACTOR: CALL => RESULT", "D: ptrace attach C => ok", "the step's expected result, checked under every design the step runs in (results: ok, an errno, a process name, NAME stopped SIGNAL, NAME exited N, 0, blocks, ...)", false},
	{"[DESIGNS] => RESULT", "  [DESIGN...] => RESULT", "R: wait C nohang\n  [old] => 0\n  [merged current] => ECHILD", "an expectation for some designs only, on a line below its step", false},
	{"say:", "  [DESIGN...] say: TEXT", "R: wait C nohang => ECHILD\n  say: C is no longer R's child.\n  [merged] say: 9.1 looks at p_orphans.", "narration shown at the step, for every design or for those named", false},
	{"expect parent", "expect parent NAME is NAME", "expect parent C is R", "checks p_pptr (on Linux, the real parent) at that point of the run", false},
	{"expect realparent", "expect realparent NAME is NAME", "expect realparent C is R", "checks the real parent: p_oppid's process while p_oppid is set, else p_pptr", false},
	{"expect state", "expect state NAME is running|stopped [SIGNAL]|blocked|zombie|reaped", "expect state C is running", "checks a process's state at that point", false},
	{"expect traced", "expect traced NAME by NAME|none", "expect traced C by none", "checks who traces a process", false},
	{"expect deadlock", "expect deadlock", "C: exit 0\nexpect deadlock", "only as the last line: the run ends with every remaining actor stuck", false},
	{"[DESIGNS] expect", "[DESIGN...] expect ...", "[merged current] expect parent C is R", "an expect for some designs only", false},
	{"#", "# TEXT", "# a comment\nR: fork as K # also a comment", "a comment line, or the end of a step, proc or expect line after a space", false},
}

// LineReference returns the reference's entries for every line that is not a
// call: the header keys first, then the rest in the order a file has them.
func LineReference() []LineRef {
	return append(append([]LineRef(nil), headerRefs...), lineRefs...)
}
