package scenarios

// This file reads the RESULT of `=> RESULT` lines (scenario-language.md, the RESULT
// table and lwpinfo tokens). It runs in the second pass, when every process name of the
// file is known, and checks that each result can apply to its step's call.

import (
	"fmt"
	"slices"
	"strings"

	"forklab/sim"
)

// linuxDesign is the canonical name of the one design that is not FreeBSD.
const linuxDesign = "linux"

// readResults reads the results of a step into d.step.Results.
func (p *parser) readResults(d *draft) *Error {
	plain := p.plainDesigns(d)
	for _, rl := range d.results {
		rr := &resultReader{p: p, d: d, rl: rl, applies: rl.designs, r: &Result{Pos: rl.pos, Text: rl.text}}
		if rl.designs == nil {
			rr.applies = plain
		}
		if err := rr.read(); err != nil {
			return err
		}
		st := d.step
		if st.Results == nil {
			st.Results = map[string]*Result{}
		}
		if rl.designs == nil {
			st.Results[""] = rr.r
		}
		for _, ds := range rl.designs {
			st.Results[ds] = rr.r
		}
	}
	return nil
}

// plainDesigns returns the designs a plain result of d applies to: those of the file
// (every design if it names none) that no [DESIGNS] result of the step names.
func (p *parser) plainDesigns(d *draft) []string {
	ds := p.file.Designs
	if ds == nil {
		ds = allDesigns()
	}
	var out []string
	for _, x := range ds {
		if d.bracketed[x] == 0 {
			out = append(out, x)
		}
	}
	return out
}

// resultReader reads one result of a step.
type resultReader struct {
	p       *parser
	d       *draft
	rl      resultLine
	applies []string // the designs the result applies to
	r       *Result
}

// errorf returns an error at w.
func (rr *resultReader) errorf(w word, format string, args ...any) *Error {
	return rr.p.errorf(rr.rl.pos.Line, w.col, format, args...)
}

// notFor says that a form of result does not apply to the step's call, only to calls.
func (rr *resultReader) notFor(form, calls string) *Error {
	return rr.errorf(rr.rl.words[0], "%s result applies only to %s, not to %s", form, calls, rr.d.call)
}

// read reads the result by its first word (by its second for wait's reports).
func (rr *resultReader) read() *Error {
	ws := rr.rl.words
	first := ws[0].text
	errno, isErrno := sim.ParseErrno(first)
	signal, isSignal := sim.ParseSignal(first)
	switch {
	case first == "ok":
		rr.r.Kind = ResOK
	case first == "blocks":
		rr.r.Kind = ResBlocks
	case isNumber(first):
		return rr.number()
	case len(ws) > 1 && slices.Contains(reportVerbs, ws[1].text):
		return rr.report()
	case len(ws) > 1 && likelyWord(ws[1].text, reportVerbs) != "":
		return rr.errorf(ws[1], "unknown word %q in a wait report; did you mean %q (NAME %s ...)?",
			ws[1].text, likelyWord(ws[1].text, reportVerbs), likelyWord(ws[1].text, reportVerbs))
	case first == "init" || rr.p.known(first):
		if err := rr.name(); err != nil {
			return err
		}
	case isErrno:
		rr.r.Kind, rr.r.Errno = ResErrno, errno
	case isSignal:
		return rr.lwpinfo(signal)
	case isName(first):
		return rr.errorf(ws[0], "%q is neither a process of this file nor an errno", first)
	default:
		return rr.errorf(ws[0], "unexpected result %q; expected ok, blocks, ERRNO, NAME, NAME exited N, a number or lwpinfo tokens", first)
	}
	return rr.single()
}

// single checks that a one-word result has no more words.
func (rr *resultReader) single() *Error {
	if ws := rr.rl.words; len(ws) > 1 {
		return rr.errorf(ws[1], "unexpected %q after %s", ws[1].text, ws[0].text)
	}
	return nil
}

// number reads VALUE, for read, and 0, for wait.
func (rr *resultReader) number() *Error {
	w := rr.rl.words[0]
	n, ok := parseNumber(w.text)
	if !ok {
		return rr.errorf(w, "number %s is out of range", w.text)
	}
	switch call := rr.d.step.Op.Call; {
	case call == sim.CallRead:
		rr.r.Kind, rr.r.Value = ResValue, n
	case call == sim.CallWait && n == 0:
		rr.r.Kind = ResZero
	default:
		return rr.notFor("a number", "read (and 0 to wait)")
	}
	return rr.single()
}

// reportVerbs are the second words of wait's reports: NAME stopped|exited|killed ...
var reportVerbs = []string{"stopped", "exited", "killed"}

// report reads `NAME stopped SIGNAL`, `NAME exited N` or `NAME killed SIGNAL`.
func (rr *resultReader) report() *Error {
	ws, op := rr.rl.words, rr.d.step.Op
	nw, verb := ws[0], ws[1].text
	if op.Call != sim.CallWait {
		return rr.notFor("a NAME "+verb+" ...", "wait")
	}
	if err := rr.process(nw); err != nil {
		return err
	}
	if op.Target != "" && nw.text != op.Target {
		return rr.errorf(nw, "wait %s reports only %s, not %s", op.Target, op.Target, nw.text)
	}
	if len(ws) < 3 {
		what := "a signal name"
		if verb == "exited" {
			what = "an exit status"
		}
		return rr.errorf(word{col: ws[1].end()}, "expected %s after %s", what, verb)
	}
	if err := rr.reportArg(verb, ws[2]); err != nil {
		return err
	}
	rr.r.Name = nw.text
	if len(ws) > 3 {
		return rr.errorf(ws[3], "unexpected %q", ws[3].text)
	}
	return nil
}

// reportArg reads the signal or status after the verb of a wait report.
func (rr *resultReader) reportArg(verb string, w word) *Error {
	r := rr.r
	if verb == "exited" {
		n, ok := parseNumber(w.text)
		if !ok || n < 0 || n > 255 {
			return rr.errorf(w, "expected an exit status from 0 to 255, found %q", w.text)
		}
		r.Kind, r.Status = ResExited, n
		return nil
	}
	r.Kind = ResStopped
	if verb == "killed" {
		r.Kind = ResKilled
	}
	var err *Error
	r.Signal, err = rr.p.signalOf(rr.rl.pos.Line, w)
	return err
}

// process checks that w names init or a process of the file.
func (rr *resultReader) process(w word) *Error {
	if err := rr.p.checkName(rr.rl.pos.Line, w, ""); err != nil {
		return err
	}
	return rr.p.checkKnown(nameRef{name: w.text, pos: rr.p.pos(rr.rl.pos.Line, w.col)})
}

// name reads NAME: the child of fork, vfork and rfork, or the parent of getppid.
func (rr *resultReader) name() *Error {
	op, name := rr.d.step.Op, rr.rl.words[0].text
	switch op.Call {
	case sim.CallFork, sim.CallVfork, sim.CallRfork:
		if op.Child == "" {
			return rr.errorf(rr.rl.words[0], "a NAME result needs a child, and an rfork without RFPROC creates none")
		}
		if name != op.Child {
			return rr.errorf(rr.rl.words[0], "the child of this %s is %s, not %s", rr.d.call, op.Child, name)
		}
	case sim.CallGetppid:
	default:
		return rr.notFor("a NAME", "fork, vfork, rfork or getppid")
	}
	rr.r.Kind, rr.r.Name = ResName, name
	return nil
}

// lwpinfo reads `SIGNAL TOKEN...`, the result of ptrace lwpinfo; sig is the signal
// of its first word.
func (rr *resultReader) lwpinfo(sig sim.Signal) *Error {
	op, ws := rr.d.step.Op, rr.rl.words
	if op.Call != sim.CallPtrace || op.Req != sim.PTLwpinfo {
		return rr.notFor("a SIGNAL TOKEN...", "ptrace lwpinfo")
	}
	rr.r.Kind, rr.r.Signal = ResLwpinfo, sig
	for _, w := range ws[1:] {
		if err := rr.token(w); err != nil {
			return err
		}
	}
	return nil
}

// token reads one lwpinfo token.
func (rr *resultReader) token(w word) *Error {
	t := w.text
	switch {
	case t[0] == '+' || t[0] == '-':
		return rr.flag(w)
	case strings.HasPrefix(t, "flags="):
		return rr.flags(w)
	case strings.HasPrefix(t, "child="):
		return rr.child(w)
	case strings.HasPrefix(t, "event="):
		return rr.event(w)
	}
	return rr.errorf(w, "unknown lwpinfo token %q; expected +PL_FLAG_X, -PL_FLAG_X, flags=..., child=... or event=...", t)
}

// value returns the part of a `key=value` token after the `=`.
func value(w word) word {
	i := strings.IndexByte(w.text, '=') + 1
	return word{text: w.text[i:], col: w.col + i}
}

// flag reads +PL_FLAG_X or -PL_FLAG_X.
func (rr *resultReader) flag(w word) *Error {
	r := rr.r
	f, ok := sim.ParsePLFlag(w.text[1:])
	switch {
	case !ok:
		return rr.errorf(w, "unknown pl_flags name %q", w.text[1:])
	case r.Exact:
		return rr.errorf(w, "%s does not mix with flags=", w.text)
	}
	if err := rr.freebsdOnly(w); err != nil {
		return err
	}
	set, clear := &r.Set, &r.Clear
	if w.text[0] == '-' {
		set, clear = clear, set
	}
	if *clear&f != 0 {
		return rr.errorf(w, "%s both set and cleared", w.text[1:])
	}
	*set |= f
	return nil
}

// flags reads flags=PL_FLAG_A|PL_FLAG_B or flags=0.
func (rr *resultReader) flags(w word) *Error {
	r := rr.r
	switch {
	case r.Exact:
		return rr.errorf(w, "flags= given twice")
	case r.Set|r.Clear != 0:
		return rr.errorf(w, "flags= does not mix with +PL_FLAG_X and -PL_FLAG_X")
	}
	if v := value(w); v.text != "0" {
		for _, part := range splitWord(v, '|') {
			f, ok := sim.ParsePLFlag(part.text)
			if !ok {
				return rr.errorf(part, "unknown pl_flags name %q (flags= takes PL_FLAG_A|PL_FLAG_B or 0)", part.text)
			}
			r.Flags |= f
		}
	}
	r.Exact = true
	return rr.freebsdOnly(w)
}

// child reads child=NAME or child=none.
func (rr *resultReader) child(w word) *Error {
	r := rr.r
	if r.HasChild {
		return rr.errorf(w, "child= given twice")
	}
	r.HasChild = true
	v := value(w)
	if v.text == "none" {
		return nil
	}
	r.Child = v.text
	return rr.process(v)
}

// event reads event=NAME: a PL_EVENT for FreeBSD designs, a PTRACE_EVENT or none for
// linux.
func (rr *resultReader) event(w word) *Error {
	r := rr.r
	if r.HasEvent {
		return rr.errorf(w, "event= given twice")
	}
	r.HasEvent = true
	v := value(w)
	switch v.text {
	case "PL_EVENT_NONE", "PL_EVENT_SIGNAL":
		r.EventIsPL = true
		if v.text == "PL_EVENT_SIGNAL" {
			r.PLEvent = sim.PL_EVENT_SIGNAL
		}
		return rr.freebsdOnly(w)
	}
	e, ok := sim.ParsePtraceEvent(v.text)
	if !ok {
		return rr.errorf(v, "unknown event %q; expected PL_EVENT_NONE or PL_EVENT_SIGNAL (FreeBSD), PTRACE_EVENT_FORK, _VFORK, _CLONE, _EXEC, _VFORK_DONE, _EXIT or none (linux)", v.text)
	}
	r.Event = e
	return rr.linuxOnly(w)
}

// freebsdOnly checks that a FreeBSD token is not in an expectation for linux.
func (rr *resultReader) freebsdOnly(w word) *Error {
	if slices.Contains(rr.applies, linuxDesign) {
		return rr.errorf(w, "%s is for FreeBSD designs, but this expectation applies to linux%s", w.text, rr.hint())
	}
	return nil
}

// linuxOnly checks that a linux token is not in an expectation for a FreeBSD design.
func (rr *resultReader) linuxOnly(w word) *Error {
	for _, d := range rr.applies {
		if d != linuxDesign {
			return rr.errorf(w, "%s is for linux, but this expectation applies to %s%s", w.text, d, rr.hint())
		}
	}
	return nil
}

// hint says how to keep FreeBSD and linux tokens apart, for a plain expectation.
func (rr *resultReader) hint() string {
	if rr.rl.designs != nil {
		return ""
	}
	return fmt.Sprintf(" (give [%s] and the FreeBSD designs separate [DESIGNS] => lines)", linuxDesign)
}
