package scenarios

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"forklab/sim"
)

var exploreNaive = flag.Int("explore.naive", 3000, "TestExploreReduction: the most runs naive enumeration may take on one scenario and design (larger ones are skipped)")

// exploreTestFiles returns the library and the explorer's test scenarios
// (testdata/explore/*.scenario: only the library's files end in .txt).
func exploreTestFiles(t *testing.T) []Entry {
	t.Helper()
	lib := loadLibrary(t)
	paths, _ := filepath.Glob("testdata/explore/*.scenario")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(p, src)
		if err != nil {
			t.Fatal(err)
		}
		lib = append(lib, Entry{Path: p, Src: src, File: f})
	}
	return lib
}

// explored runs an exploration to its end, or until it has made max runs.
func explored(t testing.TB, f *File, d *sim.Design, opts ExploreOptions, max int) *Exploration {
	t.Helper()
	e := NewExploration(f, d, opts)
	e.Advance(max)
	return e
}

// sameClasses reports how the reduced exploration differs from the naive one: it
// must find the same outcome classes, each reached by the same number of orders
// and with an example as short; the same number of orders in all; and no more
// runs than orders.
func sameClasses(t testing.TB, naive, reduced *Exploration) {
	t.Helper()
	want := map[string]*Outcome{}
	for _, o := range naive.Outcomes {
		want[o.key()] = o
	}
	for _, o := range reduced.Outcomes {
		w, ok := want[o.key()]
		switch {
		case !ok:
			t.Errorf("the reduction found a class naive enumeration did not: order %v", lineList(o.Order))
		case w.Count != o.Count:
			t.Errorf("class of order %v: %d orders, naive enumeration found %d", lineList(o.Order), o.Count, w.Count)
		case len(w.Order) != len(o.Order):
			t.Errorf("class of order %v: shortest example has %d steps, naive enumeration's %d", lineList(o.Order), len(o.Order), len(w.Order))
		}
		delete(want, o.key())
	}
	for _, o := range want {
		t.Errorf("the reduction missed the class of order %v (%d orders)", lineList(o.Order), o.Count)
	}
	if reduced.Interleavings != naive.Interleavings || naive.Interleavings != uint64(naive.Runs) {
		t.Errorf("interleavings %d, naive enumeration ran %d orders (and counted %d)", reduced.Interleavings, naive.Runs, naive.Interleavings)
	}
	if uint64(reduced.Runs) > reduced.Interleavings {
		t.Errorf("runs %d > interleavings %d", reduced.Runs, reduced.Interleavings)
	}
}

func lineList(steps []*Step) []int {
	var out []int
	for _, s := range steps {
		out = append(out, s.Pos.Line)
	}
	return out
}

// TestExploreReduction: on every library scenario (and the explorer's test
// scenarios) that naive enumeration can run in at most -explore.naive orders, for
// every design it names, sleep sets find exactly the classes naive enumeration
// finds, with the same counts. This is what shows that the dependency relation
// (depend.go) is sound: a pair of steps it wrongly calls independent would lose or
// merge classes, or miscount them.
func TestExploreReduction(t *testing.T) {
	covered, skipped, saved := 0, 0, 0
	for _, e := range exploreTestFiles(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			naive := explored(t, e.File, d, ExploreOptions{Naive: true}, *exploreNaive)
			if !naive.Done() {
				skipped++
				continue
			}
			t.Run(e.Path+"/"+d.Alias, func(t *testing.T) {
				reduced := explored(t, e.File, d, ExploreOptions{}, *exploreNaive)
				if !reduced.Done() {
					t.Fatalf("the reduction took more than %d runs, naive enumeration %d", *exploreNaive, naive.Runs)
				}
				sameClasses(t, naive, reduced)
				saved += naive.Runs - reduced.Runs
			})
			covered++
		}
	}
	t.Logf("%d scenario-design pairs compared with naive enumeration (%d runs saved), %d larger ones skipped", covered, saved, skipped)
	if covered < 100 {
		t.Errorf("only %d scenario-design pairs compared", covered)
	}
}

// TestExploreReductionRandom holds the reduction against naive enumeration on
// random scenarios of three processes, under every design.
func TestExploreReductionRandom(t *testing.T) {
	compared, saved := 0, 0
	for seed := uint64(1); seed <= 60; seed++ {
		for _, d := range sim.Designs() {
			src := Generate(seed, GenParams{Procs: 3, Steps: 7, Linux: d.Linux()})
			f, err := Parse("random.txt", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			naive := explored(t, f, d, ExploreOptions{Naive: true}, 2000)
			if !naive.Done() {
				continue
			}
			reduced := explored(t, f, d, ExploreOptions{}, 2000)
			t.Run(d.Alias, func(t *testing.T) {
				sameClasses(t, naive, reduced)
				if t.Failed() {
					t.Logf("seed %d:\n%s", seed, src)
				}
			})
			compared++
			saved += naive.Runs - reduced.Runs
		}
	}
	t.Logf("%d random scenario-design pairs compared with naive enumeration (%d runs saved)", compared, saved)
}

// TestExploreWrittenOrder: the first run is the file's written order (the
// file-order rule of scenario-language.md), so the first class holds it, with the
// results Execute gets.
func TestExploreWrittenOrder(t *testing.T) {
	for _, e := range loadLibrary(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			x := explored(t, e.File, d, ExploreOptions{}, 1)
			r := Execute(e.File, d, Options{})
			var want []string
			for _, f := range r.Frames[1:] {
				want = append(want, f.Step.Source)
			}
			o := x.Outcomes[0]
			var got []string
			for _, s := range o.Run.Frames[1:] {
				got = append(got, s.Step.Source)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: first order %q, written order %q", e.Path, d.Alias, got, want)
			}
		}
	}
}

// TestExploreOrphanRace is issue 11's example: under 9.1 the orphan race has more
// than one outcome and one of them hands R C's exit status twice; under current
// none does.
// Reference: ptrace-semantics.md §4(f); https://reviews.freebsd.org/D2644
func TestExploreOrphanRace(t *testing.T) {
	f := libraryFile(t, "orphan-race.txt")
	for _, c := range []struct {
		design string
		twice  bool
	}{{"merged", true}, {"current", false}} {
		d, _ := sim.LookupDesign(c.design)
		x := explored(t, f, d, ExploreOptions{}, 100000)
		twice := false
		for _, o := range x.Outcomes {
			twice = twice || slices.Contains(o.Broken, "exit-status-once")
		}
		if !x.Done() || len(x.Outcomes) < 2 || twice != c.twice {
			t.Errorf("%s: done %v, %d classes, a class breaks exit-status-once: %v, want %v",
				c.design, x.Done(), len(x.Outcomes), twice, c.twice)
		}
	}
}

func libraryFile(t *testing.T, path string) *File {
	t.Helper()
	for _, e := range loadLibrary(t) {
		if e.Path == path {
			return e.File
		}
	}
	t.Fatalf("no %s in the library", path)
	return nil
}

// TestExploreIndependent: steps of families that never meet commute, so the
// explorer runs fewer orders than there are.
func TestExploreIndependent(t *testing.T) {
	for _, name := range []string{"independent.scenario", "two-families.scenario"} {
		path := filepath.Join("testdata", "explore", name)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(path, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range sim.Designs() {
			x := explored(t, f, d, ExploreOptions{}, 100000)
			if !x.Done() || uint64(x.Runs)*10 > x.Interleavings {
				t.Errorf("%s %s: done %v, %d runs for %d orders, want a tenth or fewer", name, d.Alias, x.Done(), x.Runs, x.Interleavings)
			}
		}
	}
}

// TestExploreMoves: the markup narrows what moves; a file marked with no free
// step runs its written order alone; bad markup is an error at its place.
func TestExploreMoves(t *testing.T) {
	d, _ := sim.LookupDesign("merged")
	path := filepath.Join("testdata", "explore", "moves.scenario")
	src, _ := os.ReadFile(path)
	f, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMoves(f, src)
	if err != nil {
		t.Fatal(err)
	}
	x := explored(t, f, d, ExploreOptions{Moves: m}, 1000)
	naive := explored(t, f, d, ExploreOptions{Moves: m, Naive: true}, 1000)
	sameClasses(t, naive, x)
	for _, o := range x.Outcomes {
		if got := lineList(o.Order[:4]); !slices.Equal(got, []int{10, 11, 12, 13}) {
			t.Errorf("order %v: the pinned steps moved", lineList(o.Order))
		}
	}
	if x.Interleavings != 3 {
		t.Errorf("%d orders, want 3 (the three steps of the block, R's two in order)", x.Interleavings)
	}

	pinned := strings.Replace(string(src), "# explore: free\n", "", 1)
	pinned = strings.Replace(pinned, "# explore: end\n", "# explore: free\nD: getppid\n# explore: end\n", 1)
	f2, err := Parse("pinned.txt", []byte(pinned))
	if err != nil {
		t.Fatal(err)
	}
	m2, err := ParseMoves(f2, []byte(pinned))
	if err != nil {
		t.Fatal(err)
	}
	if x := explored(t, f2, d, ExploreOptions{Moves: m2}, 1000); !x.Done() || x.Runs != 1 || x.Interleavings != 1 {
		t.Errorf("everything pinned but a last step: %d runs, %d orders, want 1", x.Runs, x.Interleavings)
	}

	for _, c := range []struct{ src, err string }{
		{"# explore: fre\nP: getppid\n", `bad.txt:4:12: expected "free" or "end"`},
		{"# explore: free now\nP: getppid\n", `bad.txt:4:17: expected "free" or "end"`},
		{"#explore:\nP: getppid\n", `bad.txt:4:10: expected "free" or "end"`},
		{"# explore: end\nP: getppid\n", `bad.txt:4:12: "end" without`},
		{"# explore: free\n# explore: free\nP: getppid\n", "bad.txt:5:12: a free block is already open (line 4)"},
		{"# explore: free\n# explore: end\nP: getppid\n", "bad.txt:5:12: the free block above holds no step"},
		{"P: getppid\n# explore: free\n", "bad.txt:5:1: this free block holds no step"},
	} {
		src := "title: t\nproc P\n\n" + c.src
		f, err := Parse("bad.txt", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseMoves(f, []byte(src)); err == nil || !strings.HasPrefix(err.Error(), c.err) {
			t.Errorf("%q: error %v, want %s...", c.src, err, c.err)
		}
	}
}

// TestExploreWrite: every outcome's example order, written as a scenario, parses
// and passes under its design, running that order.
func TestExploreWrite(t *testing.T) {
	n := 0
	for _, e := range exploreTestFiles(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			x := explored(t, e.File, d, ExploreOptions{}, 2000)
			for i, o := range x.Outcomes {
				src := x.Scenario(o, i+1)
				f, err := Parse("written.txt", []byte(src))
				if err != nil {
					t.Fatalf("%s %s outcome %d: %v\n%s", e.Path, d.Alias, i+1, err, src)
				}
				r := Execute(f, d, Options{})
				if len(r.Failures) > 0 || r.Err != nil {
					t.Fatalf("%s %s outcome %d: %v %v\n%s", e.Path, d.Alias, i+1, r.Failures, r.Err, src)
				}
				if len(r.Frames)-1 != len(o.Order) {
					t.Errorf("%s %s outcome %d: the written file runs %d steps, the order has %d", e.Path, d.Alias, i+1, len(r.Frames)-1, len(o.Order))
				}
				n++
			}
		}
	}
	t.Logf("%d written scenarios pass", n)
}
