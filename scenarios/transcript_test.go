package scenarios

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"forklab/sim"
)

// TestTranscriptGolden compares the transcripts of a few library scenarios,
// under the designs the page shows them with, with their golden files in
// testdata/transcript (rewritten by -update: read the diff before committing).
func TestTranscriptGolden(t *testing.T) {
	for _, c := range []struct {
		key     string
		designs []string
	}{
		{"vfork-csh", []string{"old", "new"}},
		{"orphan-race", []string{"merged", "current"}},
		{"fork-follow-continue", []string{"old", "new", "linux"}},
	} {
		t.Run(c.key, func(t *testing.T) {
			got := transcriptOf(t, c.key, c.designs...)
			golden := filepath.Join("testdata", "transcript", c.key+"."+strings.Join(c.designs, "-")+".md")
			compareGolden(t, golden, got)
		})
	}
}

// TestTranscriptSteps checks the transcript's shape against the runs
// themselves: a header per position, in order, and a part per design under
// each, for every library scenario.
func TestTranscriptSteps(t *testing.T) {
	for _, e := range loadLibrary(t) {
		var runs []*Run
		for _, d := range sim.Designs() {
			if e.File.ForDesign(d) && len(runs) < 2 {
				runs = append(runs, Execute(e.File, d, Options{Snapshots: true, Invariants: true}))
			}
		}
		md, err := Transcript(e.Path, runs)
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, r := range runs {
			last = max(last, len(r.Frames)-1)
		}
		if got := strings.Count(md, "\n## Step "); got != last+1 {
			t.Errorf("%s: %d step headers, want %d", e.Path, got, last+1)
		}
		for _, r := range runs {
			if got := strings.Count(md, "\n### "+r.Design.String()+"\n"); got != last+1 {
				t.Errorf("%s: %d parts for %s, want %d", e.Path, got, r.Design, last+1)
			}
		}
		prev := -1
		for _, line := range strings.Split(md, "\n") {
			var n, m int
			if strings.HasPrefix(line, "## Step ") {
				if _, err := sscanStep(line, &n, &m); err != nil || n != prev+1 || m != last {
					t.Errorf("%s: header %q out of order after step %d", e.Path, line, prev)
				}
				prev = n
			}
		}
	}
}

func TestTranscriptErrors(t *testing.T) {
	if _, err := Transcript("x", nil); err == nil {
		t.Error("Transcript with no runs: no error")
	}
	d, _ := sim.LookupDesign("old")
	var runs []*Run
	for _, key := range []string{"vfork-csh", "orphan-race"} {
		e, ok, err := LibraryFile(key)
		if err != nil || !ok {
			t.Fatalf("LibraryFile(%q): %v, %v", key, ok, err)
		}
		runs = append(runs, Execute(e.File, d, Options{Snapshots: true}))
	}
	if _, err := Transcript("x", runs); err == nil {
		t.Error("Transcript of two files: no error")
	}
}

func transcriptOf(t *testing.T, key string, designs ...string) string {
	t.Helper()
	e, ok, err := LibraryFile(key)
	if err != nil || !ok {
		t.Fatalf("LibraryFile(%q): %v, %v", key, ok, err)
	}
	var runs []*Run
	for _, name := range designs {
		d, ok := sim.LookupDesign(name)
		if !ok {
			t.Fatalf("no design %q", name)
		}
		runs = append(runs, Execute(e.File, d, Options{Snapshots: true, Invariants: true}))
	}
	md, err := Transcript(key, runs)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// sscanStep reads "## Step n of m..." into n and m.
func sscanStep(line string, n, m *int) (int, error) {
	return fmt.Sscanf(line, "## Step %d of %d", n, m)
}
