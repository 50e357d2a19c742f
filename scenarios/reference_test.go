package scenarios

import (
	"strings"
	"testing"
)

// TestReference checks the language reference against the parser: every call
// and every ptrace request the parser reads has an entry, every entry's
// example parses, and the example's step is read as the entry's call.
func TestReference(t *testing.T) {
	ref := Reference()
	byName := map[string]CallRef{}
	for _, r := range ref {
		if _, dup := byName[r.Name]; dup {
			t.Errorf("%s is in the reference twice", r.Name)
		}
		byName[r.Name] = r
	}
	for _, sc := range stepCalls {
		if sc.ref.Name == "ptrace" {
			continue
		}
		if _, ok := byName[sc.ref.Name]; !ok {
			t.Errorf("the parser reads %s; the reference does not list it", sc.ref.Name)
		}
	}
	for _, r := range ptraceRequests {
		if _, ok := byName["ptrace "+r.word]; !ok {
			t.Errorf("the parser reads ptrace %s; the reference does not list it", r.word)
		}
	}
	for _, r := range ref {
		f, err := Parse("ref.txt", []byte(ReferenceHeader+r.Example+"\n"))
		if err != nil {
			t.Errorf("%s: example %q does not parse: %v", r.Name, r.Example, err)
			continue
		}
		steps := f.Steps()
		if len(steps) != 1 {
			t.Errorf("%s: example %q has %d steps", r.Name, r.Example, len(steps))
			continue
		}
		if _, call, _ := strings.Cut(steps[0].Call(), ": "); !strings.HasPrefix(call, r.Name) {
			t.Errorf("%s: example %q is read as the call %q", r.Name, r.Example, call)
		}
		if r.Syntax == "" || r.Does == "" {
			t.Errorf("%s: no syntax or description", r.Name)
		}
	}
	// A call the parser does not know is not in the reference either, and
	// the message lists the reference's calls.
	_, err := Parse("t", []byte(ReferenceHeader+"R: spawn\n"))
	if err == nil || !strings.Contains(err.Error(), callNames()) {
		t.Errorf("unknown call: %v", err)
	}
}
