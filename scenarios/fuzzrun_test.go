package scenarios

import (
	"testing"

	"forklab/sim"
)

// FuzzRun parses then runs the input under every design, with the invariants
// checked after every step: no panic, no hang (the step limit bounds every run), no
// invariant broken that the design does not declare.
func FuzzRun(f *testing.F) {
	for _, e := range loadLibrary(f) {
		f.Add(e.Src)
	}
	for seed := uint64(1); seed <= 20; seed++ {
		f.Add([]byte(Generate(seed, GenParams{Procs: 3, Steps: 30})))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("fuzz.txt", src)
		if err != nil {
			return
		}
		for _, d := range sim.Designs() {
			r := Execute(file, d, Options{Invariants: true, Snapshots: true})
			if len(r.Violations) > 0 {
				t.Fatalf("%s: %s", d.Name, r.Violations[0])
			}
		}
	})
}
