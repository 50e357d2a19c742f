package scenarios

import (
	"strings"
	"testing"

	"forklab/sim"
)

// lwpSiginfos runs src under design and returns, for each PT_LWPINFO that
// succeeded, in file order, its pl_siginfo as "SIGNO CODE", or "-" when the
// record has no PL_FLAG_SI.
func lwpSiginfos(t *testing.T, f *File, design string) []string {
	t.Helper()
	d, ok := sim.LookupDesign(design)
	if !ok {
		t.Fatalf("no design %s", design)
	}
	run := Execute(f, d, Options{})
	if len(run.Failures) > 0 || run.Err != nil {
		t.Fatalf("%s under %s: failures %v, err %v", f.Name, design, run.Failures, run.Err)
	}
	var got []string
	for _, fr := range run.Frames {
		for _, r := range fr.Results {
			if l := r.Res.Lwp; l != nil {
				if l.Flags&sim.PL_FLAG_SI == 0 {
					got = append(got, "-")
				} else {
					got = append(got, l.Siginfo.String())
				}
			}
		}
	}
	return got
}

func parseSrc(t *testing.T, name, src string) *File {
	t.Helper()
	f, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSiginfoExecContinueOld: 9.0's exec SIGTRAP stop reports PL_FLAG_SI with
// si_code SI_KERNEL (do_execve's tdsignal(td, SIGTRAP); kern_sig.c tdsignal():
// "ksi.ksi_code = SI_KERNEL"), which is what the exec-continue narration tells D.
func TestSiginfoExecContinueOld(t *testing.T) {
	run := runLibrary(t, "exec-continue.txt", "old")[0]
	var got []string
	for _, fr := range run.Frames {
		for _, r := range fr.Results {
			if r.Res.Lwp != nil {
				got = append(got, r.Res.Lwp.Sig.String()+" "+r.Res.Lwp.Flags.String()+" "+r.Res.Lwp.Siginfo.String())
			}
		}
	}
	if want := []string{"SIGTRAP PL_FLAG_SI SIGTRAP SI_KERNEL"}; strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("exec-continue under old: lwpinfo %q, want %q", got, want)
	}
}

// TestSiginfoCodes pins the si_code of each way a signal is sent, per FreeBSD
// design (sim/siginfo.go): kill(2) SI_USER; raise(3) SI_USER in 9.x (libc raise()
// is kill(getpid())) and SI_LWP in current (thr_kill); the SIGSTOP of PT_ATTACH
// and of raise carries no siginfo (sigqueue_add's sq_kill), so 9.x reports the
// si_code already in td_dbgksi (0 on a fresh thread, else the last one) and
// current SI_NOINFO; and 9.x's later non-signal stops report the earlier signal's
// siginfo (td_dbgksi is never cleared), current none.
func TestSiginfoCodes(t *testing.T) {
	kill := parseSrc(t, "kill.txt", `title: kill
designs: old new merged current

proc D
proc P

D: ptrace attach P                      => ok
D: wait P                               => P stopped SIGSTOP
D: ptrace lwpinfo P                     => SIGSTOP +PL_FLAG_SI
D: ptrace continue P                    => ok
D: kill P SIGUSR1                       => ok
D: wait P                               => P stopped SIGUSR1
D: ptrace lwpinfo P                     => SIGUSR1 +PL_FLAG_SI
D: ptrace continue P                    => ok
D: kill P SIGSTOP                       => ok
D: wait P                               => P stopped SIGSTOP
D: ptrace lwpinfo P                     => SIGSTOP +PL_FLAG_SI
`)
	raise := parseSrc(t, "raise.txt", `title: raise
designs: old new merged current

proc P

P: fork as C                            => C
C: ptrace traceme                       => ok
C: raise SIGSTOP
P: wait C                               => C stopped SIGSTOP
P: ptrace continue C                    => ok
C: raise SIGABRT
P: wait C                               => C stopped SIGABRT
P: ptrace lwpinfo C                     => SIGABRT +PL_FLAG_SI
P: ptrace syscall C                     => ok
C: exit 1
P: wait C                               => C stopped SIGTRAP
P: ptrace lwpinfo C                     => SIGTRAP +PL_FLAG_SCE
`)
	for _, tc := range []struct {
		f      *File
		design string
		want   []string
	}{
		{kill, "old", []string{"SIGSTOP SI_NOINFO", "SIGUSR1 SI_USER", "SIGSTOP SI_USER"}},
		{kill, "new", []string{"SIGSTOP SI_NOINFO", "SIGUSR1 SI_USER", "SIGSTOP SI_USER"}},
		{kill, "merged", []string{"SIGSTOP SI_NOINFO", "SIGUSR1 SI_USER", "SIGSTOP SI_USER"}},
		{kill, "current", []string{"SIGSTOP SI_NOINFO", "SIGUSR1 SI_USER", "SIGSTOP SI_NOINFO"}},
		{raise, "old", []string{"SIGABRT SI_USER", "SIGABRT SI_USER"}},
		{raise, "new", []string{"SIGABRT SI_USER", "SIGABRT SI_USER"}},
		{raise, "merged", []string{"SIGABRT SI_USER", "SIGABRT SI_USER"}},
		{raise, "current", []string{"SIGABRT SI_LWP", "-"}},
	} {
		got := lwpSiginfos(t, tc.f, tc.design)
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s under %s: pl_siginfo %q, want %q", tc.f.Name, tc.design, got, tc.want)
		}
	}
}
