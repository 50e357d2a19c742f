package scenarios

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"forklab/sim"
)

var randomSeeds = flag.Int("random.seeds", 2000, "random scenarios per design in TestRandomScenarios")

// TestRandomScenarios runs seeded random scenarios under every design, with the
// invariants checked after every step: no panic, no invariant broken that the design
// does not declare. A failure prints the seed and a minimised scenario.
func TestRandomScenarios(t *testing.T) {
	for seed := uint64(1); seed <= uint64(*randomSeeds); seed++ {
		gp := GenParams{Procs: 2 + int(seed%4), Steps: 10 + int(seed%40)}
		src := Generate(seed, gp)
		for _, d := range sim.Designs() {
			if msg := randomFailure(src, d); msg != "" {
				min := minimise(src, func(s string) bool {
					_, err := Parse("random.txt", []byte(s))
					return err == nil && randomFailure(s, d) != ""
				})
				t.Fatalf("seed %d, design %s: %s\nminimised scenario:\n%s", seed, d.Name, randomFailure(min, d), min)
			}
		}
	}
}

// randomFailure runs src under d and describes what went wrong, or returns "".
func randomFailure(src string, d *sim.Design) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("panic: %v", r)
		}
	}()
	f, err := Parse("random.txt", []byte(src))
	if err != nil {
		return "does not parse: " + err.Error()
	}
	r := Execute(f, d, Options{Invariants: true, Snapshots: true})
	if len(r.Violations) > 0 {
		return r.Violations[0].String()
	}
	return ""
}

// minimise drops step lines while the scenario still fails.
func minimise(src string, fails func(string) bool) string {
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "title:") || strings.HasPrefix(lines[i], "proc ") {
			continue
		}
		try := append(append([]string(nil), lines[:i]...), lines[i+1:]...)
		if s := strings.Join(try, "\n") + "\n"; fails(s) {
			lines = try
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestFormatOpRoundTrip: FormatOp writes what Parse reads back to the same Op.
func TestFormatOpRoundTrip(t *testing.T) {
	d, _ := sim.LookupDesign("current")
	for seed := uint64(1); seed <= 50; seed++ {
		for _, src := range []string{Generate(seed, GenParams{Procs: 3, Steps: 60}), GenerateLive(seed, GenParams{Procs: 3, Steps: 60}, d)} {
			f, err := Parse("gen.txt", []byte(src))
			if err != nil {
				t.Fatalf("seed %d: %v\n%s", seed, err, src)
			}
			for _, s := range f.Steps() {
				if got := FormatOp(s.Op); got != s.Source {
					t.Errorf("FormatOp(%+v) = %q, want %q", s.Op, got, s.Source)
				}
			}
		}
	}
}

// TestGenerateLiveRuns: a live-generated scenario runs every step under the design
// it was generated for.
func TestGenerateLiveRuns(t *testing.T) {
	for _, d := range sim.Designs() {
		src := GenerateLive(7, GenParams{Procs: 4, Steps: 300}, d)
		f, err := Parse("live.txt", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		r := Execute(f, d, Options{Invariants: true})
		if ran := len(r.Frames) - 1; ran != len(f.Steps()) || len(r.Violations) > 0 {
			t.Errorf("%s: ran %d of %d steps, violations %v", d.Alias, ran, len(f.Steps()), r.Violations)
		}
	}
}

// TestStepLimit: a run stops at sim.MaxEvents events with FILE: step limit reached
// at line N (scenario-language.md rule 6), instead of running on.
func TestStepLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: many steps\nproc P\n")
	for range 9990 {
		b.WriteString("P: kill P SIGCHLD\n") // 3 events a step: enter, discarded signal, return
	}
	f, err := Parse("long.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	prog := f.Program()
	prog.Ops = append(prog.Ops, prog.Ops...) // past what one file may hold
	prog.Ops = append(prog.Ops, prog.Ops...)
	d, _ := sim.LookupDesign("old")
	k := sim.New(d, prog)
	n := 0
	for i := k.Next(); i >= 0; i = k.Next() {
		k.Step(i)
		n++
	}
	var limit *sim.ErrStepLimit
	if err := k.Err(); !errors.As(err, &limit) {
		t.Fatalf("after %d steps: err %v, want the step limit", n, err)
	}
	if n >= len(prog.Ops) {
		t.Errorf("ran all %d steps", n)
	}
}
