package scenarios

import (
	"strconv"
	"testing"
)

// TestLearnt: at step 3 of attach-exit-status under 9.0, D has learnt from its
// wait at step 2 that C stopped, R from its own at step 3 that there is nothing
// (0), and no one has asked for C's PT_LWPINFO record since C stopped at step 1.
// Once D's lwpinfo of P has returned (fork-follow-to-scx, line 28) P's record is
// reported; after the next stop it is not.
func TestLearnt(t *testing.T) {
	run := runLibrary(t, "attach-exit-status.txt", "old")[0]
	reports, unreported := run.Learnt(3)
	var got []string
	for _, r := range reports {
		got = append(got, r.Proc+" "+r.Result.Got+" at "+itoa(r.Result.Returned))
	}
	if len(got) != 2 || got[0] != "R 0 at 3" || got[1] != "D C stopped SIGSTOP at 2" {
		t.Errorf("step 3: reports %q, want R's 0 (step 3) and D's C stopped SIGSTOP (step 2)", got)
	}
	if len(unreported) != 1 || unreported[0].Proc != "C" || unreported[0].Since != 1 {
		t.Errorf("step 3: unreported %+v, want C's record since step 1", unreported)
	}

	run = runLibrary(t, "fork-follow-to-scx.txt", "new")[0]
	lwp := stepAt(t, run.File, 28)
	i := 0
	for j, fr := range run.Frames {
		if fr.Step == lwp {
			i = j
		}
	}
	reports, unreported = run.Learnt(i)
	if len(reports) != 2 || reports[1].Result.Step != lwp || reports[1].Result.Returned != i {
		t.Errorf("step %d: reports %+v, want D's wait and its lwpinfo", i, reports)
	}
	for _, u := range unreported {
		if u.Proc == "P" {
			t.Errorf("step %d: P's record is read, yet unreported %+v", i, u)
		}
	}
	_, unreported = run.Learnt(i + 2) // to-scx, and the proposal's second stop
	found := false
	for _, u := range unreported {
		found = found || (u.Proc == "P" && u.Since == i+1)
	}
	if !found {
		t.Errorf("step %d: unreported %+v, want P's new stop from step %d", i+2, unreported, i+1)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
