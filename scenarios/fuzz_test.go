package scenarios

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"forklab/sim"
)

// FuzzParse checks that Parse never panics, returns a file or an *Error but never both,
// places errors inside the input, gives a parsed file unique process names, and gives
// the same answer twice. The seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte(firstExample))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("fuzz", src)
		if again, err2 := Parse("fuzz", src); !reflect.DeepEqual(again, file) || !reflect.DeepEqual(err2, err) {
			t.Fatalf("two parses differ: %v, then %v", err, err2)
		}
		switch {
		case file != nil && err != nil:
			t.Fatalf("Parse returned both a file and the error %v", err)
		case file == nil && err == nil:
			t.Fatal("Parse returned neither a file nor an error")
		case err != nil:
			checkError(t, src, err)
		default:
			checkFile(t, file)
		}
	})
}

// checkError checks that err is an *Error that points inside src.
func checkError(t *testing.T, src []byte, err error) {
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %v is a %T, want *Error", err, err)
	}
	lines := strings.Split(string(src), "\n")
	p := e.Pos
	if p.File != "fuzz" || p.Line < 1 || p.Line > len(lines)+1 || p.Col < 1 {
		t.Fatalf("error %v: position outside the input of %d lines", err, len(lines))
	}
	if p.Line <= len(lines) && p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
		t.Fatalf("error %v: column past the end of line %q", err, lines[p.Line-1])
	}
	if e.Msg == "" || err.Error() != p.String()+": "+e.Msg {
		t.Fatalf("Error() = %q, want FILE:LINE:COL: message", err.Error())
	}
}

// checkFile checks what every parsed file must satisfy.
func checkFile(t *testing.T, f *File) {
	if f.Title == "" {
		t.Fatal("parsed a file without a title")
	}
	seen := map[string]bool{}
	for _, n := range f.Names {
		if seen[n] || n == "init" || !isName(n) {
			t.Fatalf("Names = %q: %q repeated or not a name", f.Names, n)
		}
		seen[n] = true
	}
	for _, p := range f.Procs {
		if !seen[p.Name] || p.Parent != "" && !seen[p.Parent] {
			t.Fatalf("proc %s parent %q not in Names %q", p.Name, p.Parent, f.Names)
		}
	}
	for _, it := range f.Items {
		if st, ok := it.(*Step); ok {
			checkStep(t, st, seen)
		}
	}
}

// checkStep checks that a parsed step's names are known and its results keyed by
// design.
func checkStep(t *testing.T, st *Step, names map[string]bool) {
	op := st.Op
	if !names[op.Actor] || op.Child != "" && !names[op.Child] ||
		op.Target != "" && op.Target != "init" && !names[op.Target] {
		t.Fatalf("line %d: op %+v names a process not in Names", st.Pos.Line, op)
	}
	for k, r := range st.Results {
		if d, ok := sim.CanonicalDesign(k); k != "" && (!ok || d != k) || r == nil {
			t.Fatalf("line %d: result key %q", st.Pos.Line, k)
		}
	}
	for _, s := range st.Says {
		if s.Text == "" || slices.Contains(s.Designs, "") {
			t.Fatalf("line %d: say %+v", st.Pos.Line, s)
		}
	}
}
