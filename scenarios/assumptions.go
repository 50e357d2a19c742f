package scenarios

// This file says, for each named assumption of the 2012 proposal's model
// (sim's A1-A12: the points the review message leaves open and forklab fills
// with a reading), what the review message itself says about the point: its
// own words, quoted verbatim from ReviewMessage, or nothing when it is silent.
// The assumptions page shows them beside what forklab assumes.

import (
	"fmt"
	"strings"

	"forklab/sim"
)

// ReviewSays is what the review message says about one assumption.
type ReviewSays struct {
	Assumption sim.Assumption
	Quotes     []Quote // empty: the message is silent on the point
}

// Quote is a passage of the review message and who wrote it.
type Quote struct {
	Who  string // Mikulin or Belousov
	Text string // verbatim; a quotation that spans the mail's line breaks is joined with spaces
}

// reviewQuotes holds, per assumption, the passages of ReviewMessage that
// bear on it.
var reviewQuotes = map[string][]Quote{
	"A1": {
		{"Mikulin", "PT_FOLLOW_EXEC is a ptrace request."},
		{"Mikulin", "What gdb needs is a process-wide setting that instructs the kernel to generate SIGTRAPs in fork/exec when the process is being controlled via the regular ptrace(PT_CONTINUE)/wait() sequence."},
	},
	"A2": {
		{"Belousov", "Why did you moved the stopevent/ptracestop for exec events from syscallret() to kern_execve() ?"},
		{"Mikulin", "PT_FOLLOW_EXEC was added to trace the exec() family of calls. When it's enabled, the kernel will generate a trap to give debugger a chance to clean up old process info and initialize its state with the new binary."},
	},
	"A4": {
		{"Mikulin", "The reason I moved the event notifications from syscallret() is because the debugger is interested successful completion of either fork or exec, not just the fact that they have been called."},
		{"Mikulin", "What gdb needs is a process-wide setting that instructs the kernel to generate SIGTRAPs in fork/exec when the process is being controlled via the regular ptrace(PT_CONTINUE)/wait() sequence."},
	},
	"A5": {
		{"Belousov", "Why do we need to have TDB_FORK set for td2 ?"},
		{"Mikulin", "The debugger needs to intercept fork() in both parent and child so it can detach from the old process and attach to the new one."},
	},
	"A6": {
		{"Belousov", "If moving, why the handling of TDB_EXEC is not removed from syscallret() ? I do not think that TDB_EXEC can be seen there after the patch. The same question about TDB_FORK."},
		{"Mikulin", "Looking at the code now I think I should have removed TDB_EXEC/TDB_FORK processing from syscallret(). I'll do that and verify that it works as expected."},
	},
	"A7": {
		{"Belousov", "I doubt that disallowing RFMEM while tracing is the right change."},
		{"Mikulin", "After consulting with our internal kernel experts we decided that doing fork() instead of vfork() under gdb is a low impact change."},
	},
	"A8": {
		{"Belousov", "Does the orphan list change intended to not lost the child after fork ?"},
		{"Mikulin", "Since attaching to a process changes the parent/child relationships, we need to keep track of the children lost due to re-parenting so we can properly attribute their exit status to the \"real\" parent."},
	},
	"A11": {
		{"Mikulin", "Before my patches tracing of fork/exec is done via PT_TO_SCE/PT_TO_SCX ptrace calls. Their semantics did not fit well into what gdb needs to do."},
	},
}

// ReviewOnAssumptions returns, for every assumption of design d in its order,
// what the review message says about it. A quotation that is not in
// ReviewMessage word for word, or one filed under an assumption d does not
// make, is an error.
func ReviewOnAssumptions(d *sim.Design) ([]ReviewSays, error) {
	review := normalizeQuote(ReviewMessage)
	var out []ReviewSays
	for _, a := range d.Assumptions {
		for _, q := range reviewQuotes[a.Name] {
			if !strings.Contains(review, normalizeQuote(q.Text)) {
				return nil, fmt.Errorf("the quotation for %s, %q, is not in the review message word for word", a.Name, q.Text)
			}
		}
		out = append(out, ReviewSays{Assumption: a, Quotes: reviewQuotes[a.Name]})
	}
	for name := range reviewQuotes {
		if _, ok := d.Assumption(name); !ok {
			return nil, fmt.Errorf("quotations are filed under %s, which %s does not assume", name, d.Name)
		}
	}
	return out, nil
}
