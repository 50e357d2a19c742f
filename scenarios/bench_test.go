package scenarios

import (
	"testing"

	"forklab/sim"
)

// bigRandom is a large random scenario that keeps running: 12 processes, 9,900
// steps (a file holds at most 10,000 lines), generated live under 9.1.
func bigRandom(b *testing.B) *File {
	d, _ := sim.LookupDesign("merged")
	src := GenerateLive(42, GenParams{Procs: 12, Steps: 9900, Mix: BenchMix}, d)
	f, err := Parse("big.txt", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// BenchmarkStep steps a large random scenario: events only, no snapshots, no
// rendering, no checks. Reports steps per second.
func BenchmarkStep(b *testing.B) {
	f := bigRandom(b)
	prog := f.Program()
	for _, d := range sim.Designs() {
		b.Run(d.Alias, func(b *testing.B) {
			steps := 0
			for b.Loop() {
				k := sim.New(d, prog)
				for i := k.Next(); i >= 0; i = k.Next() {
					k.Step(i)
					steps++
				}
			}
			b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
		})
	}
}

// BenchmarkSnapshot takes a snapshot of a kernel with many processes.
func BenchmarkSnapshot(b *testing.B) {
	f := bigRandom(b)
	d, _ := sim.LookupDesign("merged")
	k := sim.New(d, f.Program())
	for n, i := 0, k.Next(); i >= 0 && n < 2000; n, i = n+1, k.Next() {
		k.Step(i)
	}
	for b.Loop() {
		_ = k.Snapshot()
	}
}

// BenchmarkLibrary replays the whole library under every design it names, with
// expectation checks, as `forklab check` does; "ui" adds a snapshot per step, as the
// browser does.
func BenchmarkLibrary(b *testing.B) {
	lib := loadLibrary(b)
	for _, mode := range []struct {
		name string
		opts Options
	}{{"check", Options{}}, {"ui", Options{Snapshots: true}}} {
		b.Run(mode.name, func(b *testing.B) {
			for b.Loop() {
				for _, e := range lib {
					for _, d := range sim.Designs() {
						if e.File.ForDesign(d) {
							Execute(e.File, d, mode.opts)
						}
					}
				}
			}
		})
	}
}
