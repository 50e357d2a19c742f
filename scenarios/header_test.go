package scenarios

import (
	"reflect"
	"strings"
	"testing"
)

// TestLibraryHeaders holds LibraryHeaders to Library: the same files in the
// same order, each with the header Parse reads and nothing of the body.
func TestLibraryHeaders(t *testing.T) {
	full, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	heads, err := LibraryHeaders()
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) != len(full) {
		t.Fatalf("LibraryHeaders has %d files, Library %d", len(heads), len(full))
	}
	for i, h := range heads {
		f := full[i]
		if h.Path != f.Path || string(h.Src) != string(f.Src) {
			t.Fatalf("entry %d: LibraryHeaders has %s, Library %s", i, h.Path, f.Path)
		}
		want := *f.File
		want.Procs, want.Items, want.Names = nil, nil, nil
		if !reflect.DeepEqual(*h.File, want) {
			t.Errorf("%s: header\n%+v\nwant\n%+v", h.Path, *h.File, want)
		}
	}
}

// TestParseHeaderStopsAtProc checks that ParseHeader reports the header's
// errors as Parse does and does not read past the first proc line.
func TestParseHeaderStopsAtProc(t *testing.T) {
	for _, c := range []struct {
		name, src string
		headErr   string // "" when ParseHeader succeeds
		parseErr  bool
	}{
		{"body error", "title: t\nproc p\np: frobnicate\n", "", true},
		{"no proc lines", "title: t\ntags: a b\n", "", false},
		{"no title", "about: a\nproc p\n", "h.txt:1:1: the file has no title", true},
		{"unknown key", "title: t\ncolour: red\nproc p\n", `h.txt:2:1: unknown header key "colour:"`, true},
		{"bad design", "title: t\ndesigns: old plan9\nproc p\n", `h.txt:2:14: unknown design "plan9"`, true},
		{"pair outside designs", "title: t\ndesigns: old new\npair: linux\nproc p\n", "h.txt:3:7: pair: names linux", true},
		{"proc named procs", "title: t\nprocs: p\n", `h.txt:2:1: unknown header key "procs:"`, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, err := ParseHeader("h.txt", []byte(c.src))
			switch {
			case c.headErr == "" && err != nil:
				t.Fatalf("ParseHeader: %v", err)
			case c.headErr != "" && (err == nil || !strings.HasPrefix(err.Error(), c.headErr)):
				t.Fatalf("ParseHeader: error %v, want one starting %q", err, c.headErr)
			case c.headErr == "" && (h.Title != "t" || len(h.Procs) != 0 || len(h.Items) != 0):
				t.Fatalf("ParseHeader read %+v", *h)
			}
			_, perr := Parse("h.txt", []byte(c.src))
			if (perr != nil) != c.parseErr {
				t.Fatalf("Parse: error %v, want one: %v", perr, c.parseErr)
			}
			if c.headErr != "" && perr.Error() != err.Error() {
				t.Errorf("ParseHeader says %q, Parse %q", err, perr)
			}
		})
	}
}

// BenchmarkLibraryHeaders reads every library file's header, as the page's
// scenario list does on its first view (BenchmarkLibraryParse parses them whole).
func BenchmarkLibraryHeaders(b *testing.B) {
	for b.Loop() {
		if _, err := LibraryHeaders(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLibraryParse(b *testing.B) {
	for b.Loop() {
		if _, err := Library(); err != nil {
			b.Fatal(err)
		}
	}
}
