package scenarios

// This file reads a scenario file (scenario-language.md) into a *File, in two passes.
//
//   - The first pass reads every line in file order: the header, proc lines, steps and
//     their calls, continuation lines, expect lines. It names every child as it meets the
//     step that creates it, so that at its end the parser knows every process name of
//     the file. It keeps what the second pass needs in one draft per step or expect line.
//   - The second pass goes over the drafts in file order. It checks that every process
//     a step or expect line names is known somewhere in the file, and reads the results,
//     whose meaning depends on those names (a known process name is a NAME, any other
//     word must be an errno).
//
// The first error stops the parse: syntax errors of the first pass come before name and
// result errors of the second.

import (
	"fmt"
	"slices"
	"strings"

	"forklab/sim"
)

// Parse reads the scenario file src; name is used in positions. It returns the whole
// file, or an error of type *Error saying where (FILE:LINE:COL) and what is wrong.
func Parse(name string, src []byte) (*File, error) { return parse(name, src, false) }

// ParseHeader reads only the header of the scenario file src: the lines before its
// first proc line (title:, about:, cite:, designs:, tags:, pair:), with the checks
// Parse makes of them. The File it returns has the header's fields and no
// processes, steps or names: it says what a scenario is, for a list of scenarios,
// and cannot be run. A file that ParseHeader reads may still fail Parse.
func ParseHeader(name string, src []byte) (*File, error) { return parse(name, src, true) }

// parse reads src, or only its header.
func parse(name string, src []byte, headerOnly bool) (*File, error) {
	p := &parser{
		headerOnly: headerOnly,
		file:       &File{Name: name},
		once:       map[string]int{},
		names:      map[string]int{},
		procs:      map[string]bool{},
		children:   map[string]int{},
	}
	if err := p.parse(src); err != nil {
		return nil, err
	}
	return p.file, nil
}

// parser holds the state of one Parse.
type parser struct {
	headerOnly bool // stop at the first proc line (ParseHeader)
	file       *File
	inBody     bool            // a proc line has been read: the header is over
	once       map[string]int  // header keys that may be given once → the line giving them
	names      map[string]int  // every process name → the line that gives it
	procs      map[string]bool // the processes declared by proc lines so far
	children   map[string]int  // actor → its process-creating steps so far
	drafts     []*draft        // steps and expect lines, in file order, for the second pass
	last       *draft          // the nearest step above the line being read
	deadlock   *Pos            // where `expect deadlock` stands, once read
	pairWords  []word          // the words of the pair: line
}

// draft is what the second pass needs of a step or an expect line.
type draft struct {
	step      *Step          // nil for an expect line
	call      string         // the call as written, for messages: "fork", "ptrace attach"
	refs      []nameRef      // the process names the line uses
	results   []resultLine   // the step's results: inline first, then continuation lines
	inline    bool           // the step line has a `=> RESULT`
	plainLine int            // the line of a plain continuation `=> RESULT`, 0 if none
	bracketed map[string]int // design → the line of its `[DESIGNS] => RESULT`
}

// nameRef is a use of a process name, checked once every name is known.
type nameRef struct {
	name  string
	pos   Pos
	actor bool // the name is a step's actor
}

// resultLine is a `=> RESULT` waiting for the second pass.
type resultLine struct {
	designs []string // canonical names of the [DESIGNS] bracket; nil for a plain result
	words   []word   // RESULT, split into words
	pos     Pos      // where RESULT starts
	text    string   // RESULT as written
}

// parse runs both passes.
func (p *parser) parse(src []byte) *Error {
	lines := splitLines(src)
	if len(lines) > maxLines {
		return p.errorf(maxLines+1, 1, "the file has %d lines; a scenario holds at most %d", len(lines), maxLines)
	}
	for _, ln := range lines {
		if isCommentOrBlank(ln.text) {
			continue
		}
		if p.headerOnly && isProcLine(ln.text) {
			break
		}
		if p.deadlock != nil {
			return &Error{Pos: *p.deadlock, Msg: "expect deadlock must be the last statement of the file"}
		}
		if err := p.readLine(ln); err != nil {
			return err
		}
	}
	if err := p.endHeader(); err != nil {
		return err
	}
	if p.headerOnly {
		return nil
	}
	return p.resolve()
}

// isProcLine reports whether a line that is neither blank nor a comment is a proc
// line, the first of which ends the header.
func isProcLine(text string) bool {
	lead := leadingName(text)
	after := text[len(lead):]
	return lead == "proc" && (after == "" || isBlank(after[0]))
}

// pos returns a position in the file.
func (p *parser) pos(line, col int) Pos { return Pos{File: p.file.Name, Line: line, Col: col} }

// errorf returns an error at line and col.
func (p *parser) errorf(line, col int, format string, args ...any) *Error {
	return &Error{Pos: p.pos(line, col), Msg: fmt.Sprintf(format, args...)}
}

// readLine reads one line that is neither blank nor a comment, by how it starts.
func (p *parser) readLine(ln srcLine) *Error {
	lead := leadingName(ln.text)
	after := ln.text[len(lead):]
	alone := after == "" || isBlank(after[0]) // lead is the line's first word
	switch {
	case isBlank(ln.text[0]):
		return p.readContinuation(ln)
	case lead != "" && strings.HasPrefix(after, ":") && p.inBody:
		return p.readStep(ln, lead)
	case lead != "" && strings.HasPrefix(after, ":"):
		return p.readHeader(ln, lead)
	case isProcLine(ln.text):
		if err := p.endHeader(); err != nil {
			return err
		}
		return p.readProc(ln)
	case p.inBody && (ln.text[0] == '[' || lead == "expect" && alone):
		return p.readExpect(ln)
	case p.inBody:
		return p.errorf(ln.num, 1, "expected a step (ACTOR: CALL), a proc line or an expect line")
	}
	return p.errorf(ln.num, 1, "expected a header line (title:, about:, cite:, designs:, tags:) or a proc line")
}

// endHeader ends the header at the first proc line, or at the end of a file that has
// none, and checks that it has a title.
func (p *parser) endHeader() *Error {
	if p.inBody {
		return nil
	}
	p.inBody = true
	if p.once["title"] == 0 {
		return p.errorf(1, 1, "the file has no title: line (the header before the first proc line needs one)")
	}
	for i, d := range p.file.Pair {
		if p.file.Designs != nil && !slices.Contains(p.file.Designs, d) {
			return p.errorf(p.once["pair"], p.pairWords[i].col, "pair: names %s, which is not in the designs: list", d)
		}
	}
	return nil
}

// headerKeys lists the keys of the header.
var headerKeys = []string{"title", "about", "cite", "designs", "tags", "pair"}

// readHeader reads a `key: value` line of the header.
func (p *parser) readHeader(ln srcLine, key string) *Error {
	if !slices.Contains(headerKeys, key) {
		return p.errorf(ln.num, 1, "unknown header key %q; expected title:, about:, cite:, designs:, tags: or pair: (steps go after the proc lines)", key+":")
	}
	off := skipBlanks(ln.text, len(key)+1)
	value := strings.TrimRight(ln.text[off:], " \t")
	col := colAt(ln.text, off)
	if key == "title" || key == "designs" || key == "tags" || key == "pair" {
		if first := p.once[key]; first != 0 {
			return p.errorf(ln.num, 1, "%s: given twice (first at line %d)", key, first)
		}
		p.once[key] = ln.num
	}
	switch key {
	case "title", "cite":
		if value == "" {
			return p.errorf(ln.num, col, "%s: needs a text", key)
		}
		if key == "title" {
			p.file.Title = value
		} else {
			p.file.Cites = append(p.file.Cites, value)
		}
	case "about":
		p.file.About = append(p.file.About, value)
		p.file.AboutPos = append(p.file.AboutPos, Pos{p.file.Name, ln.num, col})
	case "designs":
		ds, _, err := p.designList(ln.num, ln.text, off)
		if err != nil {
			return err
		}
		p.file.Designs = ds
	case "pair":
		ds, ws, err := p.designList(ln.num, ln.text, off)
		if err != nil {
			return err
		}
		if len(ds) > 3 {
			return p.errorf(ln.num, ws[3].col, "pair: names the one to three designs to show first, not more")
		}
		p.file.Pair, p.pairWords = ds, ws
	case "tags":
		for _, w := range words(value, 0) {
			p.file.Tags = append(p.file.Tags, w.text)
		}
	}
	return nil
}

// designList reads design names or aliases separated by blanks or commas from s[from:]
// and returns their canonical names and the words that gave them.
func (p *parser) designList(line int, s string, from int) ([]string, []word, *Error) {
	ws := fields(s, from, isDesignSep)
	if len(ws) == 0 {
		return nil, nil, p.errorf(line, colAt(s, from), "expected design names (%s)", designAliases())
	}
	var ds []string
	for _, w := range ws {
		d, ok := sim.CanonicalDesign(w.text)
		if !ok {
			return nil, nil, p.errorf(line, w.col, "unknown design %q; expected a design name or alias (%s)", w.text, designAliases())
		}
		if slices.Contains(ds, d) {
			return nil, nil, p.errorf(line, w.col, "design %s named twice", d)
		}
		ds = append(ds, d)
	}
	return ds, ws, nil
}

// designAliases lists the designs' aliases, for messages.
func designAliases() string {
	var as []string
	for _, d := range sim.DesignNames {
		as = append(as, d.Alias)
	}
	return strings.Join(as, ", ")
}

// allDesigns returns the canonical names of every design.
func allDesigns() []string {
	var ds []string
	for _, d := range sim.DesignNames {
		ds = append(ds, d.Name)
	}
	return ds
}

// designPrefix reads the `[DESIGNS]` that starts at s[off] and returns the canonical
// names, their words, and the offset of the first non-blank byte after the `]`.
func (p *parser) designPrefix(line int, s string, off int) ([]string, []word, int, *Error) {
	end := strings.IndexByte(s[off:], ']')
	if end < 0 {
		return nil, nil, 0, p.errorf(line, colAt(s, off), "missing ] after the design names")
	}
	end += off
	ds, ws, err := p.designList(line, s[:end], off+1)
	if err != nil {
		return nil, nil, 0, err
	}
	return ds, ws, skipBlanks(s, end+1), nil
}

// readProc reads `proc NAME [parent NAME]`.
func (p *parser) readProc(ln srcLine) *Error {
	c := &cursor{p: p, line: ln.num, ws: words(stripComment(ln.text), 0), i: 1}
	nw, err := c.next("a process name after proc")
	if err != nil {
		return err
	}
	if err := p.checkName(ln.num, nw, "init is pid 1 and always exists: it is not declared"); err != nil {
		return err
	}
	proc := Proc{Pos: p.pos(ln.num, 1), Name: nw.text}
	if c.more() {
		if err := c.keyword("parent"); err != nil {
			return err
		}
		if proc.Parent, err = p.readParent(c); err != nil {
			return err
		}
	}
	if err := c.done(); err != nil {
		return err
	}
	if err := p.define(nw.text, ln.num, nw.col, false); err != nil {
		return err
	}
	p.procs[nw.text] = true
	p.file.Procs = append(p.file.Procs, proc)
	return nil
}

// readParent reads the NAME of `parent NAME`: init (returned as "") or a process
// declared above.
func (p *parser) readParent(c *cursor) (string, *Error) {
	w, err := c.next("the parent's name")
	if err != nil {
		return "", err
	}
	if err := p.checkName(c.line, w, ""); err != nil {
		return "", err
	}
	if w.text == "init" {
		return "", nil
	}
	if !p.procs[w.text] {
		return "", p.errorf(c.line, w.col, "parent %s must be declared with proc above this line", w.text)
	}
	return w.text, nil
}

// checkName checks that w is a name and not a reserved word. init is allowed if
// initMsg is empty; otherwise initMsg says why it is not.
func (p *parser) checkName(line int, w word, initMsg string) *Error {
	switch {
	case w.text == "init" && initMsg == "":
		return nil
	case w.text == "init":
		return p.errorf(line, w.col, "%s", initMsg)
	case isReserved(w.text):
		return p.errorf(line, w.col, "%s is a reserved word, not a name", w.text)
	case !isName(w.text):
		return p.errorf(line, w.col, "%q is not a name (names match [A-Za-z_][A-Za-z0-9_.-]*)", w.text)
	}
	return nil
}

// define adds a process name; byDefault says that a step gives it as ACTOR.N.
func (p *parser) define(name string, line, col int, byDefault bool) *Error {
	if first, ok := p.names[name]; ok {
		if byDefault {
			return p.errorf(line, col, "the default child name %s is already given at line %d; name the child with as", name, first)
		}
		return p.errorf(line, col, "name %s given twice (first at line %d)", name, first)
	}
	p.names[name] = line
	p.file.Names = append(p.file.Names, name)
	return nil
}

// readStep reads `ACTOR: CALL [=> RESULT]`.
func (p *parser) readStep(ln srcLine, actor string) *Error {
	if err := p.checkName(ln.num, word{text: actor, col: 1}, "init is never an actor"); err != nil {
		return err
	}
	code := stripComment(ln.text)
	st := &Step{Pos: p.pos(ln.num, 1), Source: code, Op: sim.Op{Actor: actor}}
	d := &draft{step: st, refs: []nameRef{{name: actor, pos: st.Pos, actor: true}}}
	callEnd := strings.Index(code, "=>")
	if callEnd < 0 {
		callEnd = len(code)
	}
	ws := words(code[:callEnd], len(actor)+1)
	if len(ws) == 0 {
		return p.errorf(ln.num, colAt(code, skipBlanks(code, len(actor)+1)), "expected a call after %s:", actor)
	}
	if err := p.readCall(d, ln.num, ws); err != nil {
		return p.headerHint(err, ln.num, actor)
	}
	if callEnd < len(code) {
		rl, err := p.resultLine(ln.num, code, callEnd, nil)
		if err != nil {
			return err
		}
		d.results, d.inline = append(d.results, rl), true
	}
	p.file.Items = append(p.file.Items, st)
	p.drafts = append(p.drafts, d)
	p.last = d
	return nil
}

// headerHint replaces the error of a step whose actor looks like a header key, and is
// no process named so far, by one that says where header lines go.
func (p *parser) headerHint(err *Error, line int, actor string) *Error {
	if _, known := p.names[actor]; known || !slices.Contains(headerKeys, actor) {
		return err
	}
	return p.errorf(line, 1, "header line %s: after the first proc line (header lines go before it)", actor)
}

// resultLine reads the RESULT after the `=>` at s[arrow:]; s has no comment.
func (p *parser) resultLine(line int, s string, arrow int, designs []string) (resultLine, *Error) {
	ws := words(s, arrow+2)
	if len(ws) == 0 {
		return resultLine{}, p.errorf(line, colAt(s, arrow), "expected a result after =>")
	}
	text := strings.Trim(s[arrow+2:], " \t")
	return resultLine{designs: designs, words: ws, pos: p.pos(line, ws[0].col), text: text}, nil
}

// readContinuation reads an indented line: `[DESIGNS] => RESULT` or `[DESIGNS] say:
// TEXT`, the brackets being optional. It belongs to the nearest step above.
func (p *parser) readContinuation(ln srcLine) *Error {
	if p.last == nil {
		return p.errorf(ln.num, 1, "continuation line with no step above it (statements start at column 1)")
	}
	start := skipBlanks(ln.text, 0)
	off := start
	var designs []string
	var dws []word
	if ln.text[off] == '[' {
		var err *Error
		if designs, dws, off, err = p.designPrefix(ln.num, ln.text, off); err != nil {
			return err
		}
	}
	rest := ln.text[off:]
	switch {
	case strings.HasPrefix(rest, "say:"):
		return p.readSay(ln, start, off, designs)
	case strings.HasPrefix(rest, "=>"):
		code := ln.text[:off+len(stripComment(rest))]
		rl, err := p.resultLine(ln.num, code, off, designs)
		if err != nil {
			return err
		}
		return p.addResult(ln.num, colAt(code, off), rl, dws)
	}
	return p.errorf(ln.num, colAt(ln.text, off), "expected => RESULT or say: TEXT")
}

// readSay reads the `say: TEXT` at ln.text[off:]; the line's text starts at start.
func (p *parser) readSay(ln srcLine, start, off int, designs []string) *Error {
	text := strings.Trim(ln.text[off+len("say:"):], " \t")
	if text == "" {
		return p.errorf(ln.num, colAt(ln.text, off), "say: needs a text")
	}
	say := Say{Pos: p.pos(ln.num, colAt(ln.text, start)), Designs: designs, Text: text}
	p.last.step.Says = append(p.last.step.Says, say)
	return nil
}

// addResult adds a continuation result to the nearest step, after checking that no
// design gets two: arrowCol is where its `=>` stands, dws the words of its brackets.
func (p *parser) addResult(line, arrowCol int, rl resultLine, dws []word) *Error {
	d := p.last
	if rl.designs == nil {
		switch {
		case d.inline:
			return p.errorf(line, arrowCol, "the step already has an inline => result; a plain => line cannot go with it (name designs in [ ])")
		case d.plainLine != 0:
			return p.errorf(line, arrowCol, "the step already has a plain => result at line %d", d.plainLine)
		}
		d.plainLine = line
	}
	for i, ds := range rl.designs {
		if first := d.bracketed[ds]; first != 0 {
			return p.errorf(line, dws[i].col, "design %s already has a result for this step at line %d", ds, first)
		}
		if d.bracketed == nil {
			d.bracketed = map[string]int{}
		}
		d.bracketed[ds] = line
	}
	d.results = append(d.results, rl)
	return nil
}

// readExpect reads `[DESIGNS] expect ...`, the brackets being optional.
func (p *parser) readExpect(ln srcLine) *Error {
	code := stripComment(ln.text)
	exp := &Expect{Pos: p.pos(ln.num, 1), Source: code}
	off := 0
	if code[0] == '[' {
		var err *Error
		if exp.Designs, _, off, err = p.designPrefix(ln.num, code, 0); err != nil {
			return err
		}
	}
	c := &cursor{p: p, line: ln.num, ws: words(code, off)}
	if c.peek() != "expect" {
		return p.errorf(ln.num, colAt(code, off), "expected expect after [DESIGNS] (=> and say: lines are indented under their step)")
	}
	c.i++
	d := &draft{}
	if err := p.readExpectBody(c, d, exp); err != nil {
		return err
	}
	if err := c.done(); err != nil {
		return err
	}
	p.file.Items = append(p.file.Items, exp)
	p.drafts = append(p.drafts, d)
	return nil
}

// expectKinds lists what an expect line may check, for messages.
const expectKinds = "parent, realparent, state, traced or deadlock"

// states lists the states of `expect state`.
var states = []string{"running", "stopped", "blocked", "zombie", "reaped"}

// readExpectBody reads what follows `expect` into exp; d collects the names it uses.
func (p *parser) readExpectBody(c *cursor, d *draft, exp *Expect) *Error {
	kw, err := c.next(expectKinds)
	if err != nil {
		return err
	}
	switch kw.text {
	case "parent", "realparent":
		exp.Kind = ExpParent
		if kw.text == "realparent" {
			exp.Kind = ExpRealParent
		}
		if exp.Proc, err = c.process(d, ""); err != nil {
			return err
		}
		if err := c.keyword("is"); err != nil {
			return err
		}
		exp.Other, err = c.process(d, "")
		return err
	case "state":
		exp.Kind = ExpState
		return p.readState(c, d, exp)
	case "traced":
		exp.Kind = ExpTraced
		if exp.Proc, err = c.process(d, ""); err != nil {
			return err
		}
		if err := c.keyword("by"); err != nil {
			return err
		}
		if c.peek() == "none" {
			c.i++
			return nil
		}
		exp.Other, err = c.process(d, "")
		return err
	case "deadlock":
		exp.Kind = ExpDeadlock
		at := p.pos(c.line, kw.col)
		p.deadlock = &at
		return nil
	}
	return p.errorf(c.line, kw.col, "unknown expect %q; expected %s", kw.text, expectKinds)
}

// readState reads `C is STATE [SIGNAL]` of `expect state`.
func (p *parser) readState(c *cursor, d *draft, exp *Expect) *Error {
	var err *Error
	if exp.Proc, err = c.process(d, ""); err != nil {
		return err
	}
	if err := c.keyword("is"); err != nil {
		return err
	}
	sw, err := c.next("a state (" + strings.Join(states, ", ") + ")")
	if err != nil {
		return err
	}
	if !slices.Contains(states, sw.text) {
		return p.errorf(c.line, sw.col, "unknown state %q; expected %s", sw.text, strings.Join(states, ", "))
	}
	exp.State = sw.text
	if !c.more() {
		return nil
	}
	if exp.State != "stopped" {
		return p.errorf(c.line, c.ws[c.i].col, "a signal goes only with state stopped")
	}
	exp.Signal, err = c.signal()
	return err
}

// resolve is the second pass: it checks the names every step and expect line uses, and
// reads the steps' results.
func (p *parser) resolve() *Error {
	for _, d := range p.drafts {
		for _, r := range d.refs {
			if err := p.checkKnown(r); err != nil {
				return err
			}
		}
		if d.step != nil {
			if err := p.readResults(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// known reports whether name is a process of the file (init excluded).
func (p *parser) known(name string) bool {
	_, ok := p.names[name]
	return ok
}

// checkKnown checks that a process name used by a line is init or a name of the file.
func (p *parser) checkKnown(r nameRef) *Error {
	if r.name == "init" || p.known(r.name) {
		return nil
	}
	hint := "declare it with proc, or name a child with as"
	if r.actor && slices.Contains(headerKeys, r.name) {
		hint = "header lines go before the first proc line"
	}
	return &Error{Pos: r.pos, Msg: fmt.Sprintf("unknown process %s (%s)", r.name, hint)}
}
