package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"forklab/scenarios"
	"forklab/sim"
)

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

// parseDesigns resolves a comma-separated list of design names or aliases.
func parseDesigns(list string) ([]*sim.Design, error) {
	var out []*sim.Design
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		d, ok := sim.LookupDesign(n)
		if !ok {
			return nil, fmt.Errorf("unknown design %q", n)
		}
		out = append(out, d)
	}
	return out, nil
}

// load reads and parses a scenario file.
func load(path string) (*scenarios.File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return scenarios.Parse(path, src)
}

// designsOf returns the designs a file runs under: the flag's, else its designs: list.
func designsOf(f *scenarios.File, flagged []*sim.Design) []*sim.Design {
	if flagged != nil {
		return flagged
	}
	var out []*sim.Design
	for _, d := range sim.Designs() {
		if f.ForDesign(d) {
			out = append(out, d)
		}
	}
	return out
}

func check(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	verbose := fs.Bool("v", false, "list the invariants broken on purpose, the assumptions relied on, and narration warnings")
	designList := fs.String("design", "", "designs to run, overriding each file's designs: list")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	flagged, err := parseDesigns(*designList) // nil for no -design
	if err != nil {
		fmt.Fprintf(stderr, "forklab: %v\n", err)
		return 2
	}
	code := 0
	for _, path := range fs.Args() {
		if isLesson(path) {
			code = max(code, checkLesson(path, stdout, stderr))
			continue
		}
		f, err := load(path)
		if err != nil {
			fmt.Fprintf(stderr, "%v\n", err)
			code = 2
			continue
		}
		for _, d := range designsOf(f, flagged) {
			r := scenarios.Execute(f, d, scenarios.Options{Invariants: *verbose})
			switch {
			case r.Err != nil:
				fmt.Fprintf(stdout, "FAIL %s %s %v\n", path, d.Name, r.Err)
				code = max(code, 1)
			case len(r.Failures) > 0:
				fmt.Fprintf(stdout, "FAIL %s %s %s\n", path, d.Name, r.Failures[0])
				code = max(code, 1)
			default:
				fmt.Fprintf(stdout, "PASS %s %s\n", path, d.Name)
			}
			if *verbose {
				printReport(stdout, r)
			}
		}
		if *verbose {
			for _, w := range scenarios.CheckNarration(f) {
				fmt.Fprintf(stdout, "warning: %s\n", w)
			}
		}
	}
	return code
}

// isLesson reports whether the file at path is a lesson (its first key is lesson:).
func isLesson(path string) bool {
	src, err := os.ReadFile(path)
	return err == nil && scenarios.IsLesson(src)
}

// checkLesson parses a lesson and resolves its stops against the library: a stop
// whose scenario, design or step does not exist is an error at the stop, exit 2.
func checkLesson(path string, stdout, stderr io.Writer) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	}
	l, err := scenarios.ParseLesson(path, src)
	if err == nil {
		var lib []scenarios.Entry
		if lib, err = scenarios.Library(); err == nil {
			err = l.Resolve(lib)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "PASS %s lesson (%d stops)\n", path, len(l.Stops))
	return 0
}

// printReport is check -v's per-design report.
func printReport(w io.Writer, r *scenarios.Run) {
	if len(r.Broken) == 0 {
		fmt.Fprintln(w, "  invariants broken on purpose: none")
	}
	for _, b := range r.Broken {
		why := ""
		for _, br := range r.Design.Breaks {
			if br.Invariant == b {
				why = br.Why
			}
		}
		fmt.Fprintf(w, "  invariant broken on purpose: %s: %s\n", b, why)
	}
	for _, v := range r.Violations {
		fmt.Fprintf(w, "  INVARIANT VIOLATED (a model bug): %s\n", v)
	}
	if len(r.Assumed) == 0 {
		fmt.Fprintln(w, "  assumptions relied on: none")
	}
	for _, name := range r.Assumed {
		a, _ := r.Design.Assumption(name)
		fmt.Fprintf(w, "  assumption %s: %s\n", a.Name, a.Text)
	}
	if len(r.Deadlock) > 0 {
		fmt.Fprint(w, indent(r.DeadlockReport()))
	}
}

func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "")
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", stderr)
	designName := fs.String("design", "", "the design to run (name or alias)")
	format := fs.String("format", "plain", "trace format: plain, kdump, truss or strace")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *designName == "" {
		fmt.Fprint(stderr, usage)
		return 2
	}
	d, ok := sim.LookupDesign(*designName)
	if !ok {
		fmt.Fprintf(stderr, "forklab: unknown design %q\n", *designName)
		return 2
	}
	if !slices.Contains(sim.Formats, *format) {
		fmt.Fprintf(stderr, "forklab: unknown format %q\n", *format)
		return 2
	}
	f, err := load(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 2
	}
	r := scenarios.Execute(f, d, scenarios.Options{})
	rend, _ := sim.NewRenderer(*format, d, r.Names)
	fmt.Fprint(stdout, scenarios.Trace(r, rend))
	return 0
}

func designs(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("designs", stderr)
	verbose := fs.Bool("v", false, "list each design's named assumptions")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	for _, d := range sim.Designs() {
		fmt.Fprintf(stdout, "%-16s %-8s %s\n", d.Name, d.Alias, d.Description)
		if *verbose {
			for _, a := range d.Assumptions {
				fmt.Fprintf(stdout, "    %s: %s\n", a.Name, a.Text)
			}
			for _, b := range d.Breaks {
				fmt.Fprintf(stdout, "    breaks %s: %s\n", b.Invariant, b.Why)
			}
		}
	}
	return 0
}
