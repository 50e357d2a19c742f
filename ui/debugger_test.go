package ui

import (
	"strings"
	"testing"
)

// TestRecordSiginfo: once D has read P's PT_LWPINFO at the exec stop of
// exec-continue, the record shows pl_siginfo where PL_FLAG_SI is set, its si_code
// glossed: under 9.0 the exec's SIGTRAP that the kernel sent itself (SI_KERNEL);
// under 9.1 the siginfo of the attach SIGSTOP, left in td_dbgksi, said to be from
// an earlier stop; on Linux no pl_siginfo at all.
func TestRecordSiginfo(t *testing.T) {
	key := "exec-continue"
	for _, tc := range []struct {
		design string
		want   string // "" for no pl_siginfo line
	}{
		{"old", "pl_siginfo si_signo SIGTRAP, si_code SI_KERNEL (sent by the kernel)"},
		{"merged", "pl_siginfo si_signo SIGSTOP, si_code SI_NOINFO (no information beyond the signal number); left from an earlier SIGSTOP stop, not this one"},
		{"linux", ""},
	} {
		rv := runOf(t, key, tc.design)
		i := frameOf(t, rv, lineOf(t, key, "D: ptrace lwpinfo P"))
		h := renderHTML(renderDebugger(buildDebugger(rv, i)))
		text := textOf(h)
		if tc.want == "" {
			if strings.Contains(h, "pl_siginfo") || strings.Contains(h, `data-role="siginfo"`) {
				t.Errorf("%s: the record shows a pl_siginfo:\n%s", tc.design, text)
			}
			continue
		}
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s: the record lacks %q:\n%s", tc.design, tc.want, text)
		}
	}
}
