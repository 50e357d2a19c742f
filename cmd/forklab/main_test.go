package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runMain(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func write(t *testing.T, name, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckLibrary: every library file passes under every design it names.
func TestCheckLibrary(t *testing.T) {
	files, _ := filepath.Glob("../../scenarios/*.txt")
	sub, _ := filepath.Glob("../../scenarios/freebsd/*.txt")
	files = append(files, sub...)
	code, out, errs := runMain(append([]string{"check"}, files...)...)
	if code != 0 || errs != "" {
		t.Fatalf("check exited %d\n%s%s", code, out, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "PASS ") {
			t.Errorf("not a PASS line: %q", l)
		}
	}
	if len(lines) < len(files) {
		t.Errorf("%d lines for %d files", len(lines), len(files))
	}
}

const good = `title: t
designs: old merged
proc P
P: fork as C                            => C
P: wait C                               => ECHILD
  [merged] => C exited 0
C: exit 0
`

// TestCheckFailure: a failing expectation exits 1 and says FILE:LINE: expected X, got Y;
// -design overrides the designs: list and takes aliases.
func TestCheckFailure(t *testing.T) {
	path := write(t, "f.txt", good)
	code, out, _ := runMain("check", "-design", "merged,old,linux", path)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	want := []string{
		"PASS " + path + " freebsd-9.1",
		"FAIL " + path + " freebsd-9.0 " + path + ":5: expected ECHILD, got C exited 0",
		"FAIL " + path + " linux " + path + ":5: expected ECHILD, got C exited 0",
	}
	if got := strings.Split(strings.TrimSpace(out), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckBrokenFile: a file that does not parse gives exit 2 and FILE:LINE:COL, and
// the other files still run.
func TestCheckBrokenFile(t *testing.T) {
	bad := write(t, "bad.txt", "title: t\nproc P\nP: frok\n")
	ok := write(t, "ok.txt", good)
	code, out, errs := runMain("check", "-design", "merged", bad, ok)
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:3:4: `).MatchString(errs) {
		t.Errorf("stderr %q does not start with %s:3:4:", errs, bad)
	}
	if !strings.Contains(out, "PASS "+ok+" freebsd-9.1") {
		t.Errorf("the good file did not run: %q", out)
	}
}

// TestUsageErrors: unknown designs, formats and commands exit 2.
func TestUsageErrors(t *testing.T) {
	path := write(t, "f.txt", good)
	for _, args := range [][]string{
		{}, {"frob"}, {"check"}, {"check", "-design", "bsd", path}, {"run", path},
		{"run", "-design", "nope", path}, {"run", "-design", "old", "-format", "dtrace", path},
		{"check", "/no/such/file.txt"}, {"designs", "extra"},
	} {
		if code, _, _ := runMain(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestRunDeterministic: run prints the same trace twice, in every format, and exits 0
// even when expectations fail.
func TestRunDeterministic(t *testing.T) {
	path := write(t, "f.txt", good)
	for _, format := range []string{"plain", "kdump", "truss", "strace"} {
		c1, a, _ := runMain("run", "-design", "old", "-format", format, path)
		c2, b, _ := runMain("run", "-design", "freebsd-9.0", "-format", format, path)
		if c1 != 0 || c2 != 0 || a != b || a == "" {
			t.Errorf("%s: exit %d/%d, equal %v", format, c1, c2, a == b)
		}
	}
}

// TestDesigns lists the five designs; -v adds the proposal's assumptions.
func TestDesigns(t *testing.T) {
	_, out, _ := runMain("designs")
	if n := strings.Count(out, "\n"); n != 5 {
		t.Errorf("%d lines, want 5:\n%s", n, out)
	}
	_, out, _ = runMain("designs", "-v")
	for _, a := range []string{"A1:", "A7:", "A12:"} {
		if !strings.Contains(out, a) {
			t.Errorf("designs -v lacks %s", a)
		}
	}
}

// TestCheckVerbose: -v lists the invariants broken on purpose and the assumptions
// relied on, per design.
func TestCheckVerbose(t *testing.T) {
	_, out, _ := runMain("check", "-v", "-design", "new,current", "../../scenarios/vfork-csh.txt", "../../scenarios/traceme-exit-status.txt")
	for _, want := range []string{
		"PASS ../../scenarios/vfork-csh.txt mikulin-2012\n  invariants broken on purpose: none\n  assumption A7:",
		"PASS ../../scenarios/traceme-exit-status.txt mikulin-2012\n  invariant broken on purpose: exit-status-once:",
		"PASS ../../scenarios/traceme-exit-status.txt freebsd-current\n  invariants broken on purpose: none\n  assumptions relied on: none",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestCheckVerboseNarration: -v warns of a plain say: on a step where the designs
// differ, and of a misquoted review, without changing the exit code.
func TestCheckVerboseNarration(t *testing.T) {
	path := write(t, "n.txt", "title: t\nabout: kib: \"vfork is fine\".\ndesigns: old merged\nproc D\nproc P\n"+
		"D: ptrace attach P\nD: wait P\nD: ptrace follow-fork P on\nD: ptrace continue P\nP: fork as C\n  say: P stops.\n")
	code, out, _ := runMain("check", "-v", path)
	for _, want := range []string{
		"warning: " + path + ":2:8: the quotation \"vfork is fine\" is not in the review message",
		"warning: " + path + ":11:3: a plain say: is shown under old, merged, whose kernels differ at this step (old | merged)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code != 0 {
		t.Errorf("check -v exited %d, want 0: warnings are not failures", code)
	}
}

// TestCheckLessons: the lessons pass; a lesson whose stop points at no step exits 2
// with FILE:LINE:COL.
func TestCheckLessons(t *testing.T) {
	files, _ := filepath.Glob("../../scenarios/lessons/*.txt")
	code, out, errs := runMain(append([]string{"check"}, files...)...)
	if code != 0 || errs != "" || strings.Count(out, "PASS ") != len(files) || len(files) < 4 {
		t.Fatalf("check of %d lessons exited %d\n%s%s", len(files), code, out, errs)
	}
	bad := write(t, "bad.txt", "lesson: L\nstop: orphan-race old at \"D: wait R\"\n  say: s\n")
	code, _, errs = runMain("check", bad)
	if want := bad + ":2:26: orphan-race has no step \"D: wait R\""; code != 2 || !strings.HasPrefix(errs, want) {
		t.Errorf("check of a broken lesson exited %d with %q, want 2 and %q", code, errs, want)
	}
}
