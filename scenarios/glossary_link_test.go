package scenarios

import "testing"

func TestSourceURL(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"sys/kern/kern_exit.c (release/9.1.0, pkelsey/libuinet): clear_orphan(struct proc *p)",
			"https://github.com/freebsd/freebsd-src/blob/release/9.1.0/sys/kern/kern_exit.c"},
		{"sys/kern/kern_condvar.c (release/9.1.0): void cv_broadcastpri()",
			"https://github.com/freebsd/freebsd-src/blob/release/9.1.0/sys/kern/kern_condvar.c"},
		{"kernel/ptrace.c (torvalds/linux @ c43cfa4): static bool __ptrace_detach()",
			"https://github.com/torvalds/linux/blob/c43cfa4/kernel/ptrace.c"},
		{"sys/sys/ptrace.h (freebsd/freebsd-src @ 009e81b): #define PL_FLAG_BORN 0x100",
			"https://github.com/freebsd/freebsd-src/blob/009e81b/sys/sys/ptrace.h"},
		{`https://reviews.freebsd.org/rS346009 ("Differential Revision: https://reviews.freebsd.org/D19825")`,
			"https://reviews.freebsd.org/rS346009"},
		{"Linux man-pages, http://tin.org/bin/man.cgi?section=2&topic=ptrace - ptrace(2)",
			"http://tin.org/bin/man.cgi?section=2&topic=ptrace"},
		{"kernel/signal.c (Linux, recent; copy found by text search, repository not identified): x", ""},
		{"sys/kern/kern_exit.c (9.0 stand-in hardboydu/libplebnet @ 6abcc4c): kern_wait()", ""},
		{"scenarios/sources/review-thread-2012.txt (freebsd-current, 26 Jan 2012): \"Kostik Belousov wrote\"", ""},
	} {
		if got := (Term{Source: tc.source}).SourceURL(); got != tc.want {
			t.Errorf("SourceURL(%q) = %q, want %q", tc.source, got, tc.want)
		}
	}
}

// TestGlossaryLinks: most entries' sources are linked (a change of the source
// notation that silently drops the links fails here).
func TestGlossaryLinks(t *testing.T) {
	terms, err := Glossary()
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, g := range terms {
		if g.SourceURL() != "" {
			linked++
		}
	}
	if linked < len(terms)/2 {
		t.Errorf("%d of %d glossary sources are linked, want at least half", linked, len(terms))
	}
}
