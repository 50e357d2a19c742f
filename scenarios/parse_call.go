package scenarios

// This file reads the calls of steps (scenario-language.md, Steps) into sim.Op, and
// gives every process-creating step its child's name (Processes and pids).

import (
	"fmt"
	"strings"

	"forklab/sim"
)

// cursor reads the words of one statement in order.
type cursor struct {
	p    *parser
	line int
	ws   []word
	i    int // the next word
}

// more reports whether words are left.
func (c *cursor) more() bool { return c.i < len(c.ws) }

// peek returns the next word's text, or "" at the end.
func (c *cursor) peek() string {
	if c.more() {
		return c.ws[c.i].text
	}
	return ""
}

// next returns the next word. At the end of the words it returns an error, just after
// the last word, that says what was expected.
func (c *cursor) next(what string) (word, *Error) {
	if !c.more() {
		col := 1
		if len(c.ws) > 0 {
			col = c.ws[len(c.ws)-1].end()
		}
		return word{}, c.p.errorf(c.line, col, "expected %s", what)
	}
	c.i++
	return c.ws[c.i-1], nil
}

// keyword reads the word kw.
func (c *cursor) keyword(kw string) *Error {
	w, err := c.next(kw)
	if err == nil && w.text != kw {
		err = c.p.errorf(c.line, w.col, "expected %s, found %q", kw, w.text)
	}
	return err
}

// done checks that no words are left.
func (c *cursor) done() *Error {
	if c.more() {
		w := c.ws[c.i]
		return c.p.errorf(c.line, w.col, "unexpected %q", w.text)
	}
	return nil
}

// process reads a process name that d uses. init is allowed if initMsg is empty;
// otherwise initMsg says why it is not.
func (c *cursor) process(d *draft, initMsg string) (string, *Error) {
	w, err := c.next("a process name")
	if err != nil {
		return "", err
	}
	if err := c.p.checkName(c.line, w, initMsg); err != nil {
		return "", err
	}
	d.refs = append(d.refs, nameRef{name: w.text, pos: c.p.pos(c.line, w.col)})
	return w.text, nil
}

// signal reads a signal name.
func (c *cursor) signal() (sim.Signal, *Error) {
	w, err := c.next("a signal name (SIGSTOP, SIGKILL, ...)")
	if err != nil {
		return 0, err
	}
	return c.p.signalOf(c.line, w)
}

// signalOf returns the signal w names.
func (p *parser) signalOf(line int, w word) (sim.Signal, *Error) {
	s, ok := sim.ParseSignal(w.text)
	switch {
	case ok:
		return s, nil
	case isNumber(w.text):
		return 0, p.errorf(line, w.col, "signals are written by name (SIGKILL), not by number")
	}
	return 0, p.errorf(line, w.col, "unknown signal %q", w.text)
}

// errno reads an errno name.
func (c *cursor) errno() (sim.Errno, *Error) {
	w, err := c.next("an errno name (EAGAIN, ENOENT, ...)")
	if err != nil {
		return 0, err
	}
	e, ok := sim.ParseErrno(w.text)
	if !ok {
		return 0, c.p.errorf(c.line, w.col, "unknown errno %q", w.text)
	}
	return e, nil
}

// number reads a decimal integer; what names it in messages.
func (c *cursor) number(what string) (int, *Error) {
	w, err := c.next(what)
	if err != nil {
		return 0, err
	}
	n, ok := parseNumber(w.text)
	if !ok {
		return 0, c.p.errorf(c.line, w.col, "expected %s, found %q", what, w.text)
	}
	return n, nil
}

// variable reads the name of a variable.
func (c *cursor) variable() (string, *Error) {
	w, err := c.next("a variable name")
	if err != nil {
		return "", err
	}
	return w.text, c.p.checkName(c.line, w, "init is a reserved word, not a name")
}

// notTarget says why init cannot be the target of kill and ptrace.
const notTarget = "init is never a target of kill or ptrace"

// readCall reads the call of a step into d.step.Op; ws[0] names the call.
func (p *parser) readCall(d *draft, line int, ws []word) *Error {
	c := &cursor{p: p, line: line, ws: ws, i: 1}
	d.call = ws[0].text
	sc, ok := findCall(ws[0].text)
	if !ok {
		return p.errorf(line, ws[0].col, "unknown call %q; expected %s", ws[0].text, callNames())
	}
	err := sc.read(c, d, ws[0])
	if err != nil {
		return err
	}
	return c.done()
}

// readFork reads `fork [as NAME]` and `fork fail ERRNO`; at is the word fork.
func (c *cursor) readFork(d *draft, at word) *Error {
	op := &d.step.Op
	if c.peek() != "fail" {
		op.Call = sim.CallFork
		return c.child(d, at)
	}
	c.i++
	op.Call = sim.CallForkFail
	d.call = "fork fail"
	var err *Error
	if op.Errno, err = c.errno(); err != nil {
		return err
	}
	if c.peek() == "as" {
		return c.p.errorf(c.line, c.ws[c.i].col, "as on fork fail: a failed fork creates no child")
	}
	return nil
}

// child names the child of a process-creating step, at the word at: ACTOR.N, where N
// counts the actor's process-creating steps so far, unless `as NAME` follows.
func (c *cursor) child(d *draft, at word) *Error {
	op := &d.step.Op
	c.p.children[op.Actor]++
	if c.peek() != "as" {
		op.Child = fmt.Sprintf("%s.%d", op.Actor, c.p.children[op.Actor])
		return c.p.define(op.Child, c.line, at.col, true)
	}
	c.i++
	w, err := c.next("the child's name after as")
	if err != nil {
		return err
	}
	if err := c.p.checkName(c.line, w, "init is pid 1: no step creates it"); err != nil {
		return err
	}
	op.Child = w.text
	return c.p.define(w.text, c.line, w.col, false)
}

// rforkFlags maps the flags an rfork may name to their bits.
var rforkFlags = map[string]uint32{
	"RFPROC": sim.RFPROC, "RFMEM": sim.RFMEM, "RFPPWAIT": sim.RFPPWAIT, "RFFDG": sim.RFFDG,
}

// rfork reads `rfork FLAGS [as NAME]`; at is the word rfork.
func (c *cursor) rfork(d *draft, at word) *Error {
	op := &d.step.Op
	op.Call = sim.CallRfork
	fw, err := c.next("rfork flags (RFPROC, RFMEM, RFPPWAIT, RFFDG joined by |)")
	if err != nil {
		return err
	}
	for _, f := range splitWord(fw, '|') {
		bit, ok := rforkFlags[f.text]
		if !ok {
			return c.p.errorf(c.line, f.col, "unknown rfork flag %q; expected RFPROC, RFMEM, RFPPWAIT or RFFDG", f.text)
		}
		op.Rfork |= bit
	}
	if op.Rfork&sim.RFPROC != 0 {
		return c.child(d, at)
	}
	if c.peek() == "as" {
		return c.p.errorf(c.line, c.ws[c.i].col, "as on an rfork without RFPROC, which creates no process")
	}
	return nil
}

// splitWord cuts w at every sep, keeping the columns of the parts.
func splitWord(w word, sep byte) []word {
	var parts []word
	col := w.col
	for _, s := range strings.Split(w.text, string(sep)) {
		parts = append(parts, word{text: s, col: col})
		col = word{text: s, col: col}.end() + 1
	}
	return parts
}

// exec reads `exec PATH [fail ERRNO]`.
func (c *cursor) exec(d *draft) *Error {
	op := &d.step.Op
	op.Call = sim.CallExec
	pw, err := c.next("a path after exec")
	if err != nil {
		return err
	}
	op.Path = pw.text
	if c.peek() == "fail" {
		c.i++
		d.call = "exec fail"
		op.Errno, err = c.errno()
	}
	return err
}

// exit reads `exit N`.
func (c *cursor) exit(op *sim.Op) *Error {
	op.Call = sim.CallExit
	n, err := c.number("an exit status from 0 to 255")
	if err == nil && (n < 0 || n > 255) {
		err = c.p.errorf(c.line, c.ws[c.i-1].col, "exit status %d is not from 0 to 255", n)
	}
	op.Status = n
	return err
}

// wait reads `wait [TARGET|any] [nohang]`.
func (c *cursor) wait(d *draft) *Error {
	op := &d.step.Op
	op.Call = sim.CallWait
	switch c.peek() {
	case "any":
		c.i++
	case "", "nohang":
	default:
		var err *Error
		if op.Target, err = c.process(d, ""); err != nil {
			return err
		}
	}
	if c.peek() == "nohang" {
		c.i++
		op.NoHang = true
	}
	return nil
}

// ptrace reads `ptrace REQUEST ...`.
func (c *cursor) ptrace(d *draft) *Error {
	op := &d.step.Op
	op.Call = sim.CallPtrace
	rw, err := c.next("a ptrace request (" + requestNames() + ")")
	if err != nil {
		return err
	}
	req, ok := findRequest(rw.text)
	if !ok {
		return c.p.errorf(c.line, rw.col, "unknown ptrace request %q; expected %s", rw.text, requestNames())
	}
	op.Req, d.call = req, "ptrace "+rw.text
	if req == sim.PTTraceMe {
		return nil
	}
	if op.Target, err = c.process(d, notTarget); err != nil {
		return err
	}
	switch req {
	case sim.PTDetach, sim.PTContinue:
		if c.more() {
			op.Signal, err = c.signal()
		}
	case sim.PTFollowFork, sim.PTFollowExec:
		op.On, err = c.onOff()
	case sim.PTSetEvents:
		err = c.events(op)
	}
	return err
}

// onOff reads on or off.
func (c *cursor) onOff() (bool, *Error) {
	w, err := c.next("on or off")
	if err != nil || w.text == "on" || w.text == "off" {
		return w.text == "on", err
	}
	return false, c.p.errorf(c.line, w.col, "expected on or off, found %q", w.text)
}

// eventList lists the names of `ptrace events`, for messages.
const eventList = "exec, fork, vfork, sce, scx or lwp"

// events reads the events of `ptrace events T`: `none`, NAME..., or +NAME/-NAME...
// The second form turns the request into PTEditEvents.
func (c *cursor) events(op *sim.Op) *Error {
	if c.peek() == "none" {
		c.i++
		return nil
	}
	if !c.more() {
		_, err := c.next("event names (" + eventList + "), none, or +NAME -NAME")
		return err
	}
	first := c.peek()
	edit := first[0] == '+' || first[0] == '-'
	if edit {
		op.Req = sim.PTEditEvents
	}
	for ; c.more(); c.i++ {
		if err := c.event(op, c.ws[c.i], edit); err != nil {
			return err
		}
	}
	return nil
}

// event reads one word of `ptrace events`; edit says which form the first word used.
func (c *cursor) event(op *sim.Op, w word, edit bool) *Error {
	name, sign := w.text, byte(0)
	if name[0] == '+' || name[0] == '-' {
		name, sign = name[1:], name[0]
	}
	if (sign != 0) != edit {
		return c.p.errorf(c.line, w.col, "%q: the two forms of ptrace events do not mix (NAME... sets the mask, +NAME -NAME... edits it)", w.text)
	}
	bit, ok := sim.EventNames[name]
	if !ok {
		return c.p.errorf(c.line, w.col, "unknown event %q; expected %s (none stands alone)", name, eventList)
	}
	switch {
	case sign == '-' && op.Events&bit != 0, sign == '+' && op.Del&bit != 0:
		return c.p.errorf(c.line, w.col, "event %s both added and removed", name)
	case sign == '-':
		op.Del |= bit
	default:
		op.Events |= bit
	}
	return nil
}
