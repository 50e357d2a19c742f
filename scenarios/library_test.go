package scenarios

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"forklab/sim"
)

// NB: if a golden trace changes, run `go test ./scenarios -run TestLibraryGolden
// -update` and read the diff. Commit it only if you understand why it changed and
// the change is right.
var update = flag.Bool("update", false, "rewrite the golden traces in testdata/golden")

func loadLibrary(t testing.TB) []Entry {
	t.Helper()
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) < 17 {
		t.Fatalf("library has %d scenarios, want at least 17", len(lib))
	}
	return lib
}

// TestLibraryGolden runs every library scenario under every design it names: all
// expectations pass, the invariants hold after every step (except those the design
// breaks on purpose), and the trace matches its golden file.
func TestLibraryGolden(t *testing.T) {
	for _, e := range loadLibrary(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			t.Run(e.Path+"/"+d.Alias, func(t *testing.T) {
				r := Execute(e.File, d, Options{Invariants: true, Snapshots: true})
				if r.Err != nil {
					t.Fatal(r.Err)
				}
				for _, f := range r.Failures {
					t.Errorf("%s", f)
				}
				for _, v := range r.Violations {
					t.Errorf("invariant: %s", v)
				}
				rend, err := sim.NewRenderer("plain", d, r.Names)
				if err != nil {
					t.Fatal(err)
				}
				got := Trace(r, rend)
				golden := filepath.Join("testdata", "golden", strings.ReplaceAll(strings.TrimSuffix(e.Path, ".txt"), "/", "_")+"."+d.Alias+".trace")
				compareGolden(t, golden, got)
			})
		}
	}
}

// compareGolden compares got with the golden file at path, or with -update
// writes it there.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run with -update and read the diff):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

// TestLibraryFormats renders every run in every format: deterministic, non-empty.
func TestLibraryFormats(t *testing.T) {
	for _, e := range loadLibrary(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			r := Execute(e.File, d, Options{})
			for _, format := range sim.Formats {
				render := func() string {
					rend, err := sim.NewRenderer(format, d, r.Names)
					if err != nil {
						t.Fatal(err)
					}
					return Trace(r, rend)
				}
				a, b := render(), render()
				if a != b {
					t.Errorf("%s %s %s: rendering is not deterministic", e.Path, d.Alias, format)
				}
				if strings.Count(a, "\n") < len(r.Frames) {
					t.Errorf("%s %s %s: trace too short:\n%s", e.Path, d.Alias, format, a)
				}
			}
		}
	}
}

// TestLibraryContents checks what every library scenario must carry: a title, an
// about, a cite, narration, and expectations for every design it names.
func TestLibraryContents(t *testing.T) {
	for _, e := range loadLibrary(t) {
		f := e.File
		if len(f.About) == 0 || len(f.Cites) == 0 {
			t.Errorf("%s: needs about: and cite:", e.Path)
		}
		says := 0
		for _, s := range f.Steps() {
			says += len(s.Says)
		}
		if says == 0 {
			t.Errorf("%s: no say: narration", e.Path)
		}
		for _, d := range sim.Designs() {
			if !f.ForDesign(d) {
				continue
			}
			n := 0
			for _, s := range f.Steps() {
				if s.ResultFor(d.Name) != nil {
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s: no expectation for %s", e.Path, d.Name)
			}
		}
	}
}

// TestLibraryIsAllTxt: every .txt file of the library's folders (scenarios/ and
// scenarios/freebsd/) is in the embedded library, once and in path order; the
// other folders hold other kinds of text (sources/, testdata/).
func TestLibraryIsAllTxt(t *testing.T) {
	embedded := map[string]bool{}
	var paths []string
	for _, e := range loadLibrary(t) {
		embedded[e.Path] = true
		paths = append(paths, e.Path)
	}
	if !slices.IsSorted(paths) || len(embedded) != len(paths) {
		t.Errorf("the library's paths are not each once in order: %v", paths)
	}
	onDisk := 0
	for _, pattern := range []string{"*.txt", "freebsd/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		onDisk += len(files)
		for _, path := range files {
			if !embedded[filepath.ToSlash(path)] {
				t.Errorf("%s is not in the embedded library", path)
			}
		}
	}
	if onDisk != len(paths) {
		t.Errorf("the library has %d scenarios, its folders %d .txt files", len(paths), onDisk)
	}
}

// TestLibraryFile: one library file parsed alone is the library's entry for it;
// a path outside the library is not found.
func TestLibraryFile(t *testing.T) {
	for _, e := range loadLibrary(t) {
		got, ok, err := LibraryFile(strings.TrimSuffix(e.Path, ".txt"))
		if err != nil || !ok || got.Path != e.Path || string(got.Src) != string(e.Src) || got.File.Title != e.File.Title {
			t.Errorf("LibraryFile(%s) = %v, %v, %v", e.Path, got.Path, ok, err)
		}
	}
	for _, p := range []string{"no-such", "../go.mod", "sources/review-thread-2012", "lessons/review-2012"} {
		if _, ok, _ := LibraryFile(p); ok {
			t.Errorf("LibraryFile(%q) found a scenario", p)
		}
	}
}
