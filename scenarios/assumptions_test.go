package scenarios

import (
	"strings"
	"testing"

	"forklab/sim"
)

// TestReviewOnAssumptions: the proposal's assumptions come in order A1..A12,
// each quotation is the message's own words, and the points the message is
// silent on have none.
func TestReviewOnAssumptions(t *testing.T) {
	d, ok := sim.LookupDesign("new")
	if !ok {
		t.Fatal("no design new")
	}
	got, err := ReviewOnAssumptions(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 12 {
		t.Fatalf("%d assumptions, want 12", len(got))
	}
	for i, r := range got {
		if want := "A" + itoa(i+1); r.Assumption.Name != want {
			t.Errorf("assumption %d is %s, want %s", i, r.Assumption.Name, want)
		}
	}
	for _, silent := range []int{2, 8, 9, 11} { // A3, A9, A10, A12
		if len(got[silent].Quotes) != 0 {
			t.Errorf("%s has quotations; the message says nothing of it", got[silent].Assumption.Name)
		}
	}
	if !strings.Contains(got[6].Quotes[0].Text, "RFMEM") {
		t.Errorf("A7's first quotation = %q, want kib on RFMEM", got[6].Quotes[0].Text)
	}
}

func TestReviewOnAssumptionsMisquote(t *testing.T) {
	d, _ := sim.LookupDesign("new")
	saved := reviewQuotes["A1"]
	defer func() { reviewQuotes["A1"] = saved }()
	reviewQuotes["A1"] = []Quote{{"Mikulin", "PT_FOLLOW_EXEC is a process-wide toggle."}}
	if _, err := ReviewOnAssumptions(d); err == nil || !strings.Contains(err.Error(), "not in the review message") {
		t.Errorf("a misquotation gives %v, want an error", err)
	}
	old, _ := sim.LookupDesign("old")
	if _, err := ReviewOnAssumptions(old); err == nil || !strings.Contains(err.Error(), "does not assume") {
		t.Errorf("quotations under a design without assumptions give %v, want an error", err)
	}
}
