package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"forklab/scenarios"
)

// explore is `forklab explore` (docs/explorer.md): every order of a file's steps
// under every design it names, grouped by outcome. Exit codes: 0 when every
// exploration completed, 1 when a run broke an invariant its design does not
// declare (a model bug), 2 for bad input, 3 when a bound stopped an exploration.
func explore(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("explore", stderr)
	asJSON := fs.Bool("json", false, "print the outcomes as JSON")
	designList := fs.String("design", "", "designs to explore, overriding the file's designs: list")
	maxRuns := fs.Int("max-runs", 100000, "stop each design's exploration after this many runs")
	timeout := fs.Duration("timeout", time.Minute, "stop exploring after this long")
	writeDir := fs.String("write", "", "write each outcome's example order as a scenario file in this folder")
	naive := fs.Bool("naive", false, "run every order, without the partial-order reduction")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *maxRuns < 1 || *timeout <= 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	flagged, err := parseDesigns(*designList) // nil for no -design
	if err != nil {
		fmt.Fprintf(stderr, "forklab: %v\n", err)
		return 2
	}
	path := fs.Arg(0)
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	}
	f, err := scenarios.Parse(path, src)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	}
	moves, err := scenarios.ParseMoves(f, src)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	}
	deadline := time.Now().Add(*timeout)
	prog := newProgress(stderr)
	code := 0
	var explored []*scenarios.Exploration
	var stops []string
	for _, d := range designsOf(f, flagged) {
		e := scenarios.NewExploration(f, d, scenarios.ExploreOptions{Moves: moves, Naive: *naive})
		explored = append(explored, e)
		stop := ""
		for !e.Done() && stop == "" {
			e.Advance(min(64, *maxRuns-e.Runs))
			prog.show(path, e)
			switch {
			case e.Done():
			case e.Runs >= *maxRuns:
				stop = "the run limit (-max-runs " + strconv.Itoa(*maxRuns) + ")"
			case time.Now().After(deadline):
				stop = "the time limit (-timeout " + timeout.String() + ")"
			}
		}
		stops = append(stops, stop)
		for _, o := range e.Outcomes {
			if len(o.Violations) > 0 {
				code = max(code, 1)
			}
		}
		if stop != "" {
			prog.clear()
			fmt.Fprintf(stderr, "forklab: %s %s: stopped at %s: %s\n", path, d.Name, stop, unexplored(e))
			if code == 0 {
				code = 3
			}
		}
	}
	prog.clear()
	if *asJSON {
		writeJSON(stdout, path, explored, stops)
	} else {
		for i, e := range explored {
			writeText(stdout, path, e, stops[i])
		}
	}
	if *writeDir != "" {
		if err := writeOutcomes(*writeDir, path, explored); err != nil {
			fmt.Fprintf(stderr, "forklab: %v\n", err)
			return 2
		}
	}
	return code
}

// unexplored says what a stopped exploration covered and what it did not.
func unexplored(e *scenarios.Exploration) string {
	s := fmt.Sprintf("%d runs made, covering %d orders in %d outcome classes; ", e.Runs, e.Interleavings, len(e.Outcomes))
	prefix := e.Unexplored()
	if len(prefix) == 0 {
		return s + "the orders not explored may begin with any step"
	}
	what := "lines "
	if len(prefix) == 1 {
		what = "line "
	}
	return s + "the orders not explored all begin with " + what + lines(prefix)
}

func lines(steps []*scenarios.Step) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = strconv.Itoa(s.Pos.Line)
	}
	return strings.Join(parts, " ")
}

// writeText prints one design's outcome classes: how many orders reach each, a
// shortest example order, and what sets the class apart (the step results and
// final states that are not the same in every class).
func writeText(w io.Writer, path string, e *scenarios.Exploration, stop string) {
	d := e.Design
	status := ""
	if stop != "" {
		status = " (incomplete: stopped at " + stop + ")"
	}
	classes := "classes"
	if len(e.Outcomes) == 1 {
		classes = "class"
	}
	fmt.Fprintf(w, "%s under %s (%s): %d outcome %s, %d orders, %d runs%s\n",
		path, d.Name, d.Alias, len(e.Outcomes), classes, e.Interleavings, e.Runs, status)
	steps := e.File.Steps()
	diffSteps, diffNames := e.Differing()
	for n, o := range e.Outcomes {
		what := "orders"
		if o.Count == 1 {
			what = "order"
		}
		fmt.Fprintf(w, "  outcome %d: %d %s", n+1, o.Count, what)
		if n == 0 {
			fmt.Fprint(w, ", the written order's")
		}
		if len(o.Broken) > 0 {
			fmt.Fprintf(w, "; breaks %s", strings.Join(o.Broken, ", "))
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "    order: %s\n", lines(o.Order))
		for _, i := range diffSteps {
			fmt.Fprintf(w, "    line %d: %s => %s\n", steps[i].Pos.Line, steps[i].Call(), o.Results[i])
		}
		for _, i := range diffNames {
			fmt.Fprintf(w, "    %s: %s\n", e.File.Names[i], o.Final[i])
		}
		if o.Err != "" {
			fmt.Fprintf(w, "    %s\n", o.Err)
		}
		for _, v := range o.Run.Violations {
			fmt.Fprintf(w, "    INVARIANT VIOLATED (a model bug): %s\n", v)
		}
	}
}

// The JSON form of explore's output (docs/explorer.md "Output").
type (
	jsonOutput struct {
		File    string       `json:"file"`
		Designs []jsonDesign `json:"designs"`
	}
	jsonDesign struct {
		Design        string        `json:"design"`
		Alias         string        `json:"alias"`
		Interleavings uint64        `json:"interleavings"`
		Runs          int           `json:"runs"`
		Complete      bool          `json:"complete"`
		Stopped       string        `json:"stopped,omitempty"`
		Outcomes      []jsonOutcome `json:"outcomes"`
	}
	jsonOutcome struct {
		Count      uint64       `json:"count"`
		Order      []int        `json:"order"`
		Broken     []string     `json:"broken"`
		Violations []string     `json:"violations,omitempty"`
		Error      string       `json:"error,omitempty"`
		Results    []jsonResult `json:"results"`
		Final      []jsonFinal  `json:"final"`
	}
	jsonResult struct {
		Line   int    `json:"line"`
		Step   string `json:"step"`
		Result string `json:"result"`
	}
	jsonFinal struct {
		Proc  string `json:"proc"`
		State string `json:"state"`
	}
)

func writeJSON(w io.Writer, path string, explored []*scenarios.Exploration, stops []string) {
	out := jsonOutput{File: path, Designs: []jsonDesign{}}
	for i, e := range explored {
		jd := jsonDesign{Design: e.Design.Name, Alias: e.Design.Alias, Interleavings: e.Interleavings,
			Runs: e.Runs, Complete: e.Done(), Stopped: stops[i], Outcomes: []jsonOutcome{}}
		steps := e.File.Steps()
		for _, o := range e.Outcomes {
			jo := jsonOutcome{Count: o.Count, Order: []int{}, Broken: append([]string{}, o.Broken...),
				Violations: o.Violations, Error: o.Err}
			for _, s := range o.Order {
				jo.Order = append(jo.Order, s.Pos.Line)
			}
			for i, s := range steps {
				jo.Results = append(jo.Results, jsonResult{Line: s.Pos.Line, Step: s.Call(), Result: o.Results[i]})
			}
			for i, name := range e.File.Names {
				jo.Final = append(jo.Final, jsonFinal{Proc: name, State: o.Final[i]})
			}
			jd.Outcomes = append(jd.Outcomes, jo)
		}
		out.Designs = append(out.Designs, jd)
	}
	json.NewEncoder(w).Encode(out)
}

// writeOutcomes writes every outcome's example order as DIR/NAME.ALIAS.N.txt.
func writeOutcomes(dir, path string, explored []*scenarios.Exploration) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	base := strings.TrimSuffix(filepath.Base(path), ".txt")
	for _, e := range explored {
		for n, o := range e.Outcomes {
			name := filepath.Join(dir, fmt.Sprintf("%s.%s.%d.txt", base, e.Design.Alias, n+1))
			if err := os.WriteFile(name, []byte(e.Scenario(o, n+1)), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// progress writes a progress line on standard error for explorations that take
// more than a second, once a second: over itself on a terminal, a line each
// otherwise.
type progress struct {
	w        io.Writer
	terminal bool
	start    time.Time
	last     time.Time
	shown    bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	p.last = p.start
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) show(path string, e *scenarios.Exploration) {
	now := time.Now()
	if now.Sub(p.last) < time.Second {
		return
	}
	p.last = now
	line := fmt.Sprintf("explore %s %s: %d runs, %d orders, %d outcome classes, %s",
		path, e.Design.Name, e.Runs, e.Interleavings, len(e.Outcomes), now.Sub(p.start).Round(time.Second))
	if p.terminal {
		fmt.Fprintf(p.w, "\r\x1b[K%s", line)
		p.shown = true
	} else {
		fmt.Fprintln(p.w, line)
	}
}

// clear ends a progress line drawn on a terminal.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
