// Package scenarios parses the forklab scenario language (version 1,
// ../shared/docs/scenario-language.md) into sim operations, runs scenarios under
// designs and checks their expectations, and embeds the scenario library.
package scenarios

import (
	"fmt"

	"forklab/sim"
)

// Pos is a place in a scenario file; Line and Col count from 1 (Col in runes).
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Error is a scenario file that does not parse: FILE:LINE:COL: what is wrong.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// File is a parsed scenario.
type File struct {
	Name  string   // the file name given to Parse
	Title string   // title:
	About []string // about: lines, in order
	// AboutPos is where each about: line's text starts.
	AboutPos []Pos
	Cites    []string // cite: lines, in order
	Designs  []string // designs: canonical design names, in the order written; nil means every design
	Tags     []string // tags:
	Pair     []string // pair: the designs that make the scenario's point, to show first (docs/language-additions.md); nil if not given
	Procs    []Proc   // proc lines, in order
	Items    []Item   // steps and expect lines, in file order
	Names    []string // every process name the file knows (declared, `as`, and default child names), init excluded, in order of first appearance
}

// Proc is `proc NAME [parent NAME]`.
type Proc struct {
	Pos    Pos
	Name   string
	Parent string // "" for a child of init
}

// Item is a *Step or an *Expect.
type Item interface{ item() }

// Step is `ACTOR: CALL [=> RESULT]` with its continuation lines.
type Step struct {
	Pos    Pos    // the step line (column 1)
	Op     sim.Op // what to run
	Source string // the step line as written, without comment and trailing blanks
	// Results maps a canonical design name to the expectation for that design; the
	// key "" holds the plain expectation (inline or continuation), which applies to
	// every design that has no key of its own. Nil when the step has none.
	Results map[string]*Result
	Says    []Say
}

// Say is a `say:` continuation line.
type Say struct {
	Pos     Pos
	Designs []string // canonical names; nil means every design
	Text    string
}

// ResultKind says which form of RESULT an expectation has.
type ResultKind uint8

const (
	ResOK      ResultKind = iota + 1 // ok
	ResErrno                         // ERRNO
	ResName                          // NAME: fork's child or getppid's parent
	ResStopped                       // NAME stopped SIGNAL
	ResExited                        // NAME exited N
	ResKilled                        // NAME killed SIGNAL
	ResZero                          // 0 from wait
	ResValue                         // VALUE from read
	ResLwpinfo                       // SIGNAL TOKEN... from ptrace lwpinfo
	ResBlocks                        // blocks
)

// Result is one expectation of a step.
type Result struct {
	Pos    Pos // where RESULT starts
	Text   string
	Kind   ResultKind
	Errno  sim.Errno
	Name   string // ResName, ResStopped, ResExited, ResKilled ("init" allowed)
	Signal sim.Signal
	Status int // ResExited
	Value  int // ResValue
	// ResLwpinfo:
	Set, Clear sim.PLFlags     // +PL_FLAG_X, -PL_FLAG_X
	Exact      bool            // flags=... given
	Flags      sim.PLFlags     // with Exact
	HasChild   bool            // child=... given
	Child      string          // child=NAME, or "" for child=none
	HasEvent   bool            // event=... given
	PLEvent    sim.PLEvent     // event= for FreeBSD designs
	Event      sim.PtraceEvent // event= for linux
	EventIsPL  bool            // event= named a PL_EVENT (FreeBSD) rather than a PTRACE_EVENT (linux)
}

// ExpectKind says what an expect line checks.
type ExpectKind uint8

const (
	ExpParent     ExpectKind = iota + 1 // expect parent C is D
	ExpRealParent                       // expect realparent C is R
	ExpState                            // expect state C is STATE [SIGNAL]
	ExpTraced                           // expect traced C by D|none
	ExpDeadlock                         // expect deadlock
)

// Expect is an `expect` line.
type Expect struct {
	Pos     Pos
	Source  string
	Designs []string // canonical names; nil means every design
	Kind    ExpectKind
	Proc    string     // the process examined
	Other   string     // parent / realparent / tracer name ("init" allowed; "" for traced by none)
	State   string     // running, stopped, blocked, zombie, reaped
	Signal  sim.Signal // with state stopped: the stop signal, or 0 if not given
}

func (*Step) item()   {}
func (*Expect) item() {}
