package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// exploreJSON is the part of explore -json that the tests read.
type exploreJSON struct {
	Designs []struct {
		Design        string
		Interleavings uint64
		Runs          int
		Complete      bool
		Stopped       string
		Outcomes      []struct {
			Count  uint64
			Order  []int
			Broken []string
		}
	}
}

func exploreRun(t *testing.T, args ...string) (int, exploreJSON, string) {
	t.Helper()
	code, out, errs := runMain(append([]string{"explore", "-json"}, args...)...)
	var j exploreJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("explore -json printed no JSON (%v): %q, stderr %q", err, out, errs)
	}
	return code, j, errs
}

// progressLine is explore's progress report, which a loaded machine may print for
// any exploration that takes over a second.
var progressLine = regexp.MustCompile(`(?m)^explore .*: \d+ runs, \d+ orders, \d+ outcome classes, \S+\n`)

// withoutProgress returns stderr without its progress lines.
func withoutProgress(stderr string) string { return progressLine.ReplaceAllString(stderr, "") }

// TestExploreOrphanRace is issue 11's "done when": under 9.1 the orphan race has more
// than one outcome class and one breaks exit-status-once; under current none does;
// runs never exceed interleavings; stdout is JSON alone.
// Reference: ptrace-semantics.md §4(f); https://reviews.freebsd.org/D2644
func TestExploreOrphanRace(t *testing.T) {
	code, j, errs := exploreRun(t, "../../scenarios/orphan-race.txt")
	if code != 0 || withoutProgress(errs) != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	seen := map[string]bool{}
	for _, d := range j.Designs {
		seen[d.Design] = true
		twice := false
		var sum uint64
		for _, o := range d.Outcomes {
			twice = twice || slices.Contains(o.Broken, "exit-status-once")
			sum += o.Count
			if len(o.Order) == 0 {
				t.Errorf("%s: an outcome without an order", d.Design)
			}
		}
		if !d.Complete || uint64(d.Runs) > d.Interleavings || sum != d.Interleavings {
			t.Errorf("%s: complete %v, %d runs, %d interleavings, counts add up to %d", d.Design, d.Complete, d.Runs, d.Interleavings, sum)
		}
		switch d.Design {
		case "freebsd-9.1":
			if len(d.Outcomes) < 2 || !twice {
				t.Errorf("9.1: %d classes, one breaks exit-status-once: %v", len(d.Outcomes), twice)
			}
		case "freebsd-current":
			if twice {
				t.Error("current: a class breaks exit-status-once")
			}
		}
	}
	if len(seen) != 5 {
		t.Errorf("designs %v, want the file's five", seen)
	}
}

// TestExploreIndependentFamilies: with two families that never meet, runs are far
// fewer than interleavings.
func TestExploreIndependentFamilies(t *testing.T) {
	_, j, _ := exploreRun(t, "-design", "merged", "../../scenarios/testdata/explore/two-families.scenario")
	if d := j.Designs[0]; !d.Complete || d.Runs*10 > int(d.Interleavings) {
		t.Errorf("%d runs for %d interleavings", d.Runs, d.Interleavings)
	}
}

// TestExploreText: the text form names each design and class, with a count and an
// order, and what differs between the classes.
func TestExploreText(t *testing.T) {
	code, out, _ := runMain("explore", "-design", "current", "../../scenarios/orphan-race.txt")
	for _, want := range []string{
		"../../scenarios/orphan-race.txt under freebsd-current (current): 6 outcome classes, 168 orders, ",
		"  outcome 1: 100 orders, the written order's\n    order: 16 17 18 19 21 27 30 33\n    line 16: D: ptrace attach C => ok\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("exit %d; output lacks %q:\n%s", code, want, out)
		}
	}
}

// TestExploreBounds: a bound stops the exploration with a message saying what was
// and was not explored, and exit 3; stdout still holds the JSON.
func TestExploreBounds(t *testing.T) {
	code, j, errs := exploreRun(t, "-design", "merged", "-max-runs", "10", "../../scenarios/orphan-race.txt")
	if code != 3 || j.Designs[0].Complete || j.Designs[0].Runs != 10 || !strings.Contains(j.Designs[0].Stopped, "-max-runs 10") {
		t.Errorf("exit %d, %+v", code, j.Designs[0])
	}
	if !strings.Contains(errs, "stopped at the run limit (-max-runs 10): 10 runs made, covering ") ||
		!strings.Contains(errs, "in 6 outcome classes; the orders not explored may begin with any step") {
		t.Errorf("stderr %q", errs)
	}
}

// TestExploreErrors: bad input exits 2, with FILE:LINE:COL for bad markup.
func TestExploreErrors(t *testing.T) {
	bad := write(t, "bad.txt", "title: t\nproc P\n# explore: frre\nP: getppid\n")
	code, _, errs := runMain("explore", bad)
	if code != 2 || !strings.HasPrefix(errs, bad+":3:12: ") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	path := write(t, "f.txt", good)
	for _, args := range [][]string{
		{"explore"}, {"explore", path, path}, {"explore", "-design", "bsd", path},
		{"explore", "/no/such/file.txt"}, {"explore", "-max-runs", "0", path},
	} {
		if code, _, _ := runMain(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestExploreWrite: -write writes one scenario per outcome and design, and each
// passes check.
func TestExploreWrite(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runMain("explore", "-design", "merged,linux", "-write", dir, "../../scenarios/orphan-race.txt"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) < 4 {
		t.Fatalf("wrote %d files", len(files))
	}
	if _, err := os.Stat(filepath.Join(dir, "orphan-race.merged.1.txt")); err != nil {
		t.Error(err)
	}
	code, out, errs := runMain(append([]string{"check"}, files...)...)
	if code != 0 || strings.Count(out, "PASS ") != len(files) {
		t.Errorf("check exited %d:\n%s%s", code, out, errs)
	}
}
