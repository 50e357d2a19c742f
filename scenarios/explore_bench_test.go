package scenarios

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"forklab/sim"
)

var exploreLargest = flag.Bool("explore.largest", false, "BenchmarkExploreLargest: find the largest scenario explored exhaustively in 10 s (takes minutes)")

// BenchmarkExploreFile explores orphan-race and attach-exit-status to the end under
// every design they name (issue 11 aims at under 100 ms each, natively).
func BenchmarkExploreFile(b *testing.B) {
	for _, path := range []string{"orphan-race.txt", "attach-exit-status.txt"} {
		var f *File
		for _, e := range loadLibrary(b) {
			if e.Path == path {
				f = e.File
			}
		}
		b.Run(strings.TrimSuffix(path, ".txt"), func(b *testing.B) {
			runs := 0
			for b.Loop() {
				for _, d := range sim.Designs() {
					if f.ForDesign(d) {
						e := NewExploration(f, d, ExploreOptions{})
						e.Advance(1 << 30)
						runs += e.Runs
					}
				}
			}
			b.ReportMetric(float64(runs)/b.Elapsed().Seconds(), "runs/s")
		})
	}
}

// BenchmarkExploreDesign explores the whole library under each design (each
// scenario up to 2,000 runs), and reports the runs made and the orders they stand
// for per second, and the reduction: runs per interleaving over the scenarios
// explored to the end.
func BenchmarkExploreDesign(b *testing.B) {
	lib := loadLibrary(b)
	for _, naive := range []bool{false, true} {
		for _, d := range sim.Designs() {
			name := d.Alias
			if naive {
				name += "/naive"
			}
			b.Run(name, func(b *testing.B) {
				var runs, doneRuns int
				var orders, doneOrders float64
				for b.Loop() {
					for _, e := range lib {
						if !e.File.ForDesign(d) {
							continue
						}
						x := NewExploration(e.File, d, ExploreOptions{Naive: naive})
						x.Advance(2000)
						runs += x.Runs
						orders += float64(x.Interleavings)
						if x.Done() {
							doneRuns += x.Runs
							doneOrders += float64(x.Interleavings)
						}
					}
				}
				s := b.Elapsed().Seconds()
				b.ReportMetric(float64(runs)/s, "runs/s")
				b.ReportMetric(orders/s, "orders/s")
				b.ReportMetric(float64(doneRuns)/doneOrders, "runs/interleaving")
			})
		}
	}
}

// families returns a scenario of n copies of attach-exit-status's family (R's child
// C, debugged by D), which never meet.
func families(n int) string {
	var b strings.Builder
	b.WriteString("title: families\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "proc R%d\nproc C%d parent R%d\nproc D%d\n", i, i, i, i)
	}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "D%[1]d: ptrace attach C%[1]d\nD%[1]d: wait C%[1]d\nD%[1]d: ptrace continue C%[1]d\n"+
			"C%[1]d: exit 1\nD%[1]d: wait C%[1]d\nR%[1]d: wait C%[1]d\n", i)
	}
	return b.String()
}

// BenchmarkExploreLargest (with -explore.largest) finds, under 9.1, the most
// families (families above) the explorer takes to the end in 10 s, and reports
// their steps, runs and orders.
func BenchmarkExploreLargest(b *testing.B) {
	if !*exploreLargest {
		b.Skip("run with -explore.largest")
	}
	d, _ := sim.LookupDesign("merged")
	for b.Loop() {
		var best *Exploration
		for n := 1; ; n++ {
			f, err := Parse("families.txt", []byte(families(n)))
			if err != nil {
				b.Fatal(err)
			}
			x := NewExploration(f, d, ExploreOptions{})
			deadline := time.Now().Add(10 * time.Second)
			for !x.Advance(256) && time.Now().Before(deadline) {
			}
			if !x.Done() {
				b.Logf("%d families (%d steps): not done in 10 s after %d runs", n, len(f.Steps()), x.Runs)
				break
			}
			b.Logf("%d families (%d steps): %d runs, %d orders", n, len(f.Steps()), x.Runs, x.Interleavings)
			best = x
		}
		if best != nil {
			b.ReportMetric(float64(len(best.File.Steps())), "steps")
			b.ReportMetric(float64(best.Runs), "runs")
			b.ReportMetric(float64(best.Interleavings), "orders")
		}
	}
}
