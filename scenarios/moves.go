package scenarios

import (
	"strconv"
	"strings"
)

// Moves says which steps of a file the explorer may move (docs/explorer.md "Saying
// what may move"). The markup is comment lines, so a file that has it is still a
// version-1 scenario and `check` reads it as before:
//
//	# explore: free
//	R: wait C nohang
//	D: wait C
//	# explore: end
//
// Block[i] is the free block of the file's i-th step (numbered from 0 in file
// order), or -1 for a step outside every block, which keeps its written place.
type Moves struct {
	Block []int
}

// directive returns where the words of a line of markup start, or -1 if ln is not
// one: a line that starts with "#", then blanks, then "explore:".
func directive(text string) int {
	if !strings.HasPrefix(text, "#") {
		return -1
	}
	rest := strings.TrimLeft(text[1:], " \t")
	if !strings.HasPrefix(rest, "explore:") {
		return -1
	}
	return len(text) - len(rest) + len("explore:")
}

// ParseMoves reads the explorer's markup in src, the source of f. A file without
// markup gives nil: every step is free (one block). Bad markup is an *Error at its
// place: a word other than free or end, a free inside a block, an end outside
// one, a block without a step.
func ParseMoves(f *File, src []byte) (*Moves, error) {
	steps := f.Steps()
	m := &Moves{Block: make([]int, len(steps))}
	for i := range m.Block {
		m.Block[i] = -1
	}
	stepAt := map[int]int{}
	for i, s := range steps {
		stepAt[s.Pos.Line] = i
	}
	marked, open, openLine, blocks, stepsIn := false, false, 0, 0, 0
	errAt := func(line, col int, msg string) error {
		return &Error{Pos: Pos{File: f.Name, Line: line, Col: col}, Msg: msg}
	}
	for _, ln := range splitLines(src) {
		if i, ok := stepAt[ln.num]; ok && open {
			m.Block[i] = blocks - 1
			stepsIn++
		}
		from := directive(ln.text)
		if from < 0 {
			continue
		}
		ws := words(ln.text, from)
		if len(ws) != 1 || ws[0].text != "free" && ws[0].text != "end" {
			col := colAt(ln.text, from)
			if len(ws) > 0 {
				col = ws[0].col
				if len(ws) > 1 && (ws[0].text == "free" || ws[0].text == "end") {
					col = ws[1].col
				}
			}
			return nil, errAt(ln.num, col, `expected "free" or "end" after "# explore:", alone on the line`)
		}
		marked = true
		switch w := ws[0]; {
		case w.text == "free" && open:
			return nil, errAt(ln.num, w.col, "a free block is already open (line "+strconv.Itoa(openLine)+"); end it first")
		case w.text == "free":
			open, openLine, stepsIn = true, ln.num, 0
			blocks++
		case !open:
			return nil, errAt(ln.num, w.col, `"end" without a "# explore: free" above it`)
		case stepsIn == 0:
			return nil, errAt(ln.num, w.col, "the free block above holds no step")
		default:
			open = false
		}
	}
	if open && stepsIn == 0 {
		return nil, errAt(openLine, 1, "this free block holds no step")
	}
	if !marked {
		return nil, nil
	}
	return m, nil
}

// allowed returns the steps that may run now, from runnable, the steps that can
// run (in file order): a step may not pass a runnable step written above it unless
// both are in the same free block. Without markup every runnable step may run.
// What is allowed is always a prefix of runnable.
func (m *Moves) allowed(runnable []int) []int {
	if m == nil || len(runnable) == 0 {
		return runnable
	}
	b := m.Block[runnable[0]]
	if b < 0 {
		return runnable[:1]
	}
	n := 1
	for n < len(runnable) && m.Block[runnable[n]] == b {
		n++
	}
	return runnable[:n]
}
