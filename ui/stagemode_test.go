package ui

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestParseEmbed(t *testing.T) {
	for _, tc := range []struct {
		query   string
		want    embedding
		wantErr string
	}{
		{"", embedding{On: true, End: -1, Speed: -1}, ""},
		{"start=2&end=7&autoplay=1&speed=1.5", embedding{On: true, Start: 2, End: 7, Autoplay: true, Speed: 3}, ""},
		{"speed=2x", embedding{On: true, End: -1, Speed: 4}, ""},
		{"start=x", embedding{}, "start= takes a step number"},
		{"end=-1", embedding{}, "end= takes a step number"},
		{"start=5&end=3", embedding{}, "end= (3) is before start= (5)"},
		{"autoplay=yes", embedding{}, "autoplay= takes 1 or 0"},
		{"speed=5", embedding{}, "speed= takes one of 0.5×, 0.75×, 1×"},
	} {
		q, _ := url.ParseQuery(tc.query)
		got, err := parseEmbed(q)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("parseEmbed(%q) error %v, want %q", tc.query, err, tc.wantErr)
			}
		case err != nil || got != tc.want:
			t.Errorf("parseEmbed(%q) = %+v, %v; want %+v", tc.query, got, err, tc.want)
		}
	}
}

// TestEmbedBounds: an embed's start and end bound the timeline, and the
// address keeps them.
func TestEmbedBounds(t *testing.T) {
	x := newTester(t)
	x.nav("/embed?scenario=vfork-csh&designs=old,new&start=2&end=4")
	if !x.a.embed.On || x.a.step != 2 {
		t.Fatalf("embed %v at step %d, want on at step 2 (start=)", x.a.embed.On, x.a.step)
	}
	x.do(cmdLast)
	if x.a.step != 4 {
		t.Errorf("End went to step %d, want 4 (end=)", x.a.step)
	}
	x.do(cmdForward)
	if x.a.step != 4 {
		t.Errorf("→ past end= went to step %d", x.a.step)
	}
	x.do(cmdFirst)
	if x.a.step != 2 {
		t.Errorf("Home went to step %d, want 2 (start=)", x.a.step)
	}
	if q := x.a.query; !strings.HasSuffix(q, "&start=2&end=4") {
		t.Errorf("the address is ?%s, want it to keep start= and end=", q)
	}
	x.contains(`data-mode="embed"`)
	if h := x.html(); !regexp.MustCompile(`<input [^>]*max="4"[^>]*min="2"|<input [^>]*min="2"[^>]*max="4"`).MatchString(h) {
		t.Error("the embed's slider does not run from start= to end=")
	}
	for _, hidden := range []string{`class="top"`, `data-role="trace"`, `id="editor"`} {
		if strings.Contains(x.html(), hidden) {
			t.Errorf("the embed shows %s", hidden)
		}
	}
	if keyFor(keyEvent{Key: "e"}) != cmdEditor || embedKey(cmdEditor) != cmdNone {
		t.Error("e opens the editor in an embed")
	}

	x.nav("/embed")
	if !x.a.embed.On || x.a.st.Mode == modeStart || x.a.view == nil {
		t.Errorf("a bare /embed: embed %v, mode %v; want a scenario, never the start page", x.a.embed.On, x.a.st.Mode)
	}

	x.nav("/embed?scenario=vfork-csh&start=9&end=2")
	if !strings.Contains(x.a.notice, "end= (2) is before start= (9)") {
		t.Errorf("a wrong embed address gives the notice %q", x.a.notice)
	}
	x.contains("This embed&#39;s address is wrong")
}

func TestEmbedSnippet(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=vfork-csh&step=5&designs=old,new")
	got, err := x.a.embedSnippet("https://forklab.example")
	want := `<iframe src="https://forklab.example/embed?scenario=vfork-csh&amp;step=5&amp;designs=old,new&amp;format=plain" width="960" height="540"`
	if err != nil || !strings.HasPrefix(got, want) || !strings.Contains(got, `title="forklab: `) {
		t.Errorf("embedSnippet = %q, %v; want it to start %q", got, err, want)
	}
}

// TestPresenter: present=1 hides all but the trees, the step and the
// callout; the clicker's keys step, staged=1 holds the callout back for one
// press, Esc leaves.
func TestPresenter(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race&step=5&designs=merged,current&present=1&staged=1")
	if !x.a.present.On || !x.a.present.Staged {
		t.Fatalf("present=1&staged=1 gave %+v", x.a.present)
	}
	x.contains(`data-mode="present"`, `<h1 class="sr-only">forklab, presenting: `, `data-role="diffs"`)
	for _, hidden := range []string{`class="top"`, `data-role="trace"`, `id="editor"`, `class="transport"`} {
		if strings.Contains(x.html(), hidden) {
			t.Errorf("presenter mode shows %s", hidden)
		}
	}
	key := func(k string) { x.do(x.a.modeKey(keyEvent{Key: k}, keyFor(keyEvent{Key: k}))) }
	key("PageDown")
	if x.a.step != 6 || !x.a.calloutHeld() {
		t.Fatalf("PageDown: step %d, callout held %v; want step 6, held", x.a.step, x.a.calloutHeld())
	}
	if tag := regexp.MustCompile(`<[^>]*class="present-callout"[^>]*>`).FindString(x.html()); !strings.Contains(tag, " data-held") || !strings.Contains(tag, " aria-hidden") {
		t.Errorf("the held callout is %q, want data-held and aria-hidden on it", tag) // go-app writes them in no fixed order
	}
	key(" ")
	if x.a.step != 6 || x.a.calloutHeld() {
		t.Errorf("Space: step %d, callout held %v; want the callout revealed at step 6", x.a.step, x.a.calloutHeld())
	}
	key("ArrowRight")
	if x.a.step != 7 {
		t.Errorf("→: step %d, want 7", x.a.step)
	}
	key("?")
	if !x.a.present.Hint {
		t.Error("? shows no key hint")
	}
	x.contains(`id="present-hint"`)
	key("e")
	if x.a.editing {
		t.Error("e opened the editor in presenter mode")
	}
	if !strings.HasSuffix(x.a.query, "&present=1&staged=1") {
		t.Errorf("the address is ?%s, want it to keep present=1&staged=1", x.a.query)
	}
	key("Escape")
	if x.a.present.On || strings.Contains(x.a.query, "present=") {
		t.Errorf("Esc left presenter mode %v, address ?%s", !x.a.present.On, x.a.query)
	}
	x.contains(`class="top"`)
	key("p")
	if !x.a.present.On {
		t.Error("p does not enter presenter mode")
	}

	x.nav("/?scenario=orphan-race&present=yes")
	if x.a.present.On || !strings.Contains(x.a.notice, "present= takes 1 or 0") {
		t.Errorf("present=yes: on %v, notice %q", x.a.present.On, x.a.notice)
	}
}
