package ui

import (
	"testing"

	"forklab/sim"
)

// BenchmarkStepVforkCsh is the Go side of a step on vfork-csh under old and new
// (buildView at every position, the runs cached as the page caches them), to
// compare the page with and without the address-space boxes:
// go test ./ui -run X -bench StepVforkCsh -benchmem.
func BenchmarkStepVforkCsh(b *testing.B) {
	e, ok := libraryEntry("vfork-csh")
	if !ok {
		b.Fatal("no library scenario vfork-csh")
	}
	old, _ := sim.LookupDesign("old")
	nw, _ := sim.LookupDesign("new")
	sc := newScenario(e.Key, e.File, e.Src)
	ds := []*sim.Design{old, nw}
	last := buildView(sc, ds, 0, "plain").Last
	b.ResetTimer()
	for i := range b.N {
		buildView(sc, ds, i%(last+1), "plain")
	}
}
