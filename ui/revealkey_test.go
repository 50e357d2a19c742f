package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestNextRevealsFirst: at a question stop the next press reveals the
// model's answer with no choice recorded and no score counted, and the press
// after it moves on; the lesson bar's next button says which it will do.
// In presenter mode → and Space do the same, the lesson's caption and the
// question are on screen, and a choice can still be clicked.
func TestNextRevealsFirst(t *testing.T) {
	for _, present := range []string{"", "&present=1"} {
		pageStore.del(scoreKey("lesson:first-ptrace"))
		x := newTester(t)
		x.nav("/?lesson=first-ptrace&stop=3" + present)
		st := x.a.st.stop()
		if st.S.Ask == nil || !x.a.questionWaits() {
			t.Fatalf("%q: first-ptrace stop 3 asks nothing", present)
		}
		x.contains(`data-role="question"`, `data-role="choice"`)
		if present == "" {
			x.contains(`data-next="reveal"`, "Reveal the answer")
		} else {
			x.contains(`data-role="lesson"`, `data-role="hidden-step"`, `class="present-caption"`, "stop 3 of ")
		}
		key := func(k string) {
			kc := keyFor(keyEvent{Key: k})
			x.do(x.a.modeKey(keyEvent{Key: k}, kc))
		}
		first := "PageDown"
		if present != "" {
			first = " "
		}
		key(first)
		v := x.a.view
		if x.a.st.Stop != 2 || !v.Revealed || v.Chosen != noChoice || v.N != st.S.Position {
			t.Fatalf("%q: after %s: stop %d, revealed %v, chosen %d, shown %d (step %d)",
				present, first, x.a.st.Stop+1, v.Revealed, v.Chosen, v.N, st.S.Position)
		}
		x.contains(`data-role="answer"`, `data-answer="`+v.Ask.Choices[v.Ask.Answer]+`"`, `data-answer=`)
		if strings.Contains(x.html(), `data-chosen="`+v.Ask.Choices[0]) {
			t.Errorf("%q: a choice is recorded as chosen after the reveal", present)
		}
		if s := loadScore("lesson:first-ptrace"); s.Asked != 0 {
			t.Errorf("%q: revealing counted in the score: %+v", present, s)
		}
		if present == "" {
			x.contains(`data-next="stop"`, "No choice was made")
		} else {
			x.contains(`data-model`, "✓ the model: ")
			if strings.Contains(x.html(), `data-role="hidden-step"`) {
				t.Errorf("the hidden-step sign stays after the reveal")
			}
		}
		key("PageDown")
		if x.a.st.Stop != 3 {
			t.Errorf("%q: PageDown after the reveal stayed at stop %d", present, x.a.st.Stop+1)
		}
	}

	// → reveals in presenter mode too; a choice can still be clicked there,
	// and it counts.
	pageStore.del(scoreKey("lesson:first-ptrace"))
	x := newTester(t)
	x.nav("/?lesson=first-ptrace&stop=3&present=1")
	x.do(x.a.modeKey(keyEvent{Key: "ArrowRight"}, cmdForward))
	if v := x.a.view; !v.Revealed || v.Chosen != noChoice || x.a.step != x.a.st.stop().S.Position {
		t.Errorf("→ in presenter mode: revealed %v, chosen %d, step %d", v.Revealed, v.Chosen, x.a.step)
	}
	x.nav("/?lesson=first-ptrace&stop=3&present=1")
	ans := x.a.view.Ask.Answer
	x.run(func(ctx app.Context) { x.a.choose(ctx, ans) })
	if v := x.a.view; !v.Revealed || v.Chosen != ans {
		t.Errorf("a clicked choice in presenter mode: revealed %v, chosen %d", v.Revealed, v.Chosen)
	}
	if s := loadScore("lesson:first-ptrace"); s != (score{1, 1}) {
		t.Errorf("score %+v after a right choice, want 1 of 1", s)
	}
}
