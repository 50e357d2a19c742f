package scenarios

import (
	"testing"

	"forklab/sim"
)

// FuzzExplore explores random scenarios (Generate) under every design, with the
// invariants checked after every step: no panic, no invariant broken that the
// design does not declare, no more runs than orders, and, where naive enumeration
// finishes too, the same outcome classes and counts as it finds.
func FuzzExplore(f *testing.F) {
	for seed := uint64(1); seed <= 8; seed++ {
		f.Add(seed, uint8(3), uint8(6))
	}
	f.Add(uint64(99), uint8(5), uint8(9))
	f.Fuzz(func(t *testing.T, seed uint64, procs, steps uint8) {
		for _, d := range sim.Designs() {
			src := Generate(seed, GenParams{Procs: 1 + int(procs%5), Steps: 1 + int(steps%10), Linux: d.Linux()})
			file, err := Parse("fuzz.txt", []byte(src))
			if err != nil {
				t.Fatalf("Generate wrote a file that does not parse: %v\n%s", err, src)
			}
			reduced := NewExploration(file, d, ExploreOptions{})
			reduced.Advance(500)
			for _, o := range reduced.Outcomes {
				if len(o.Run.Violations) > 0 {
					t.Fatalf("%s: %s\n%s", d.Name, o.Run.Violations[0], src)
				}
			}
			if uint64(reduced.Runs) > reduced.Interleavings && reduced.Done() {
				t.Fatalf("%s: %d runs for %d orders\n%s", d.Name, reduced.Runs, reduced.Interleavings, src)
			}
			naive := NewExploration(file, d, ExploreOptions{Naive: true})
			if naive.Advance(500) && reduced.Done() {
				sameClasses(t, naive, reduced)
				if t.Failed() {
					t.Fatalf("%s:\n%s", d.Name, src)
				}
			}
		}
	})
}
