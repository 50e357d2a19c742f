package scenarios

import (
	"os"
	"strings"
	"testing"
)

// TestLibraryNarration: no sentence of the library is shown under designs whose
// kernels differ at its step without naming the designs it is for, and the review
// is quoted only verbatim (CheckNarration).
func TestLibraryNarration(t *testing.T) {
	for _, e := range loadLibrary(t) {
		for _, w := range CheckNarration(e.File) {
			t.Errorf("%s", w)
		}
	}
}

// TestReviewMessageCopy: the embedded review message is the shared reference's,
// byte for byte.
func TestReviewMessageCopy(t *testing.T) {
	ref, err := os.ReadFile("../../shared/docs/review-thread-2012.txt")
	if os.IsNotExist(err) {
		t.Skip("../shared/docs is not beside the project")
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(ref) != ReviewMessage {
		t.Error("scenarios/sources/review-thread-2012.txt differs from ../shared/docs/review-thread-2012.txt")
	}
}

func TestCheckNarration(t *testing.T) {
	const head = "title: t\ndesigns: old merged\nproc D\nproc P\nD: ptrace attach P\nD: wait P\nD: ptrace follow-fork P on\nD: ptrace continue P\nP: fork as C\n"
	for _, tc := range []struct {
		name, src string
		want      []string // substrings of the warnings, in order
	}{
		{"plain say where the designs differ", head + "  say: P stops after C.\n",
			[]string{"t:10:3: a plain say: is shown under old, merged, whose kernels differ at this step (old | merged)"}},
		{"plain say where the designs agree", head[:strings.Index(head, "D: ptrace follow")] + "  say: D attached P.\n", nil},
		{"bracketed say", head + "  [merged] say: P stops after C.\n  [old] say: P does not stop.\n", nil},
		{"every design named", head + "  [old merged] say: P forks C.\n", nil},
		{"misquoted review in say", head + "  [old merged] say: kib: \"breaks vfork semantic\".\n",
			[]string{"t:10:3: the quotation \"breaks vfork semantic\" is not in the review message"}},
		{"verbatim quote with ellipsis", head + "  [old merged] say: kib: \"the change just breaks rfork(2) ... processes\".\n", nil},
		{"a FreeBSD function shown under linux", "title: t\ndesigns: merged linux\nproc P\nP: exit 0\n  [merged linux] say: exit1 makes P a zombie.\n",
			[]string{"t:5:3: shown under linux, whose kernel has no function exit1"}},
		{"a Linux function shown under FreeBSD", "title: t\ndesigns: merged linux\nproc P\nP: exit 0\n  [merged linux] say: do_exit makes P a zombie.\n",
			[]string{"t:5:3: shown under merged, whose kernel has no function do_exit"}},
		{"call names are every system's", "title: t\ndesigns: merged linux\nproc P\nP: getppid\n  [merged linux] say: getppid returns init.\n", nil},
		{"quote not attributed to the review", head + "  [old merged] say: issignal(): \"If traced, always stop\".\n", nil},
		{"misquote across about lines", "title: t\nabout: One. kib objected that it \"breaks rfork(2)\nabout: RFMEM semantics\".\nproc P\nP: exit 0\n",
			[]string{"t:2:8: the quotation \"breaks rfork(2) RFMEM semantics\""}},
		{"verbatim quote across about lines and mail lines", "title: t\nabout: Mikulin: \"the kernel will generate a trap to give debugger a chance to\nabout: clean up old process info\".\nproc P\nP: exit 0\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("t", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			got := CheckNarration(f)
			if len(got) != len(tc.want) {
				t.Fatalf("CheckNarration = %v, want %d warnings %q", got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i].String(), w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}
