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

// TestLineReference: every header key the parser reads has an entry, in the
// parser's order, and every entry's example parses where it is meant to go.
func TestLineReference(t *testing.T) {
	if len(headerRefs) != len(headerKeys) {
		t.Fatalf("%d header entries for %d header keys", len(headerRefs), len(headerKeys))
	}
	for i, k := range headerKeys {
		if headerRefs[i].Name != k+":" || !headerRefs[i].Header {
			t.Errorf("header entry %d is %q, want %q", i, headerRefs[i].Name, k+":")
		}
	}
	procs := "proc R\nproc C parent R\nproc D\n"
	for _, r := range LineReference() {
		src := ReferenceHeader + r.Example + "\n"
		switch {
		case r.Name == "title:":
			src = r.Example + "\n" + procs
		case r.Header:
			src = "title: reference\n" + r.Example + "\n" + procs
		}
		if _, err := Parse("ref.txt", []byte(src)); err != nil {
			t.Errorf("%s: example %q does not parse: %v", r.Name, r.Example, err)
		}
	}
	if _, err := Parse("ref.txt", []byte("title: x\nbogus: y\n"+procs)); err == nil {
		t.Error("an unknown header key parses, so the header entries prove nothing")
	}
}
