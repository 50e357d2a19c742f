package ui

import "testing"

func TestKeyFor(t *testing.T) {
	for _, tc := range []struct {
		e    keyEvent
		want command
	}{
		{keyEvent{Key: "ArrowRight", Tag: "BODY"}, cmdForward},
		{keyEvent{Key: "ArrowLeft", Tag: "BODY"}, cmdBack},
		{keyEvent{Key: "PageDown", Tag: "BODY"}, cmdNextStop}, // a presentation clicker
		{keyEvent{Key: "PageUp", Tag: "BODY"}, cmdPrevStop},
		{keyEvent{Key: "Home", Tag: "MAIN"}, cmdFirst},
		{keyEvent{Key: "End"}, cmdLast},
		{keyEvent{Key: " ", Tag: "BODY"}, cmdPlay},
		{keyEvent{Key: "?"}, cmdHelp},
		{keyEvent{Key: "Escape"}, cmdClose},
		{keyEvent{Key: "]"}, cmdNextDiff},
		{keyEvent{Key: "t"}, cmdThirdPane},
		{keyEvent{Key: "x"}, cmdNone},
		// Typing in a field keeps its keys, except Escape.
		{keyEvent{Key: "ArrowRight", Tag: "INPUT"}, cmdNone},
		{keyEvent{Key: "l", Tag: "TEXTAREA"}, cmdNone},
		{keyEvent{Key: "Escape", Tag: "TEXTAREA"}, cmdClose},
		{keyEvent{Key: "ArrowDown", Tag: "SELECT"}, cmdNone},
		// A clicker's keys step whatever has focus but text being edited;
		// a list gives up ← and → to the timeline, the slider keeps them.
		{keyEvent{Key: "PageDown", Tag: "INPUT"}, cmdNextStop},
		{keyEvent{Key: "PageUp", Tag: "INPUT"}, cmdPrevStop},
		{keyEvent{Key: "PageDown", Tag: "SELECT"}, cmdNextStop},
		{keyEvent{Key: "PageDown", Tag: "BUTTON"}, cmdNextStop},
		{keyEvent{Key: "ArrowRight", Tag: "SELECT"}, cmdForward},
		{keyEvent{Key: "ArrowLeft", Tag: "SELECT"}, cmdBack},
		{keyEvent{Key: "PageDown", Tag: "TEXTAREA"}, cmdNone},
		{keyEvent{Key: "PageDown", Editable: true}, cmdNone},
		{keyEvent{Key: "p"}, cmdPresent},
		{keyEvent{Key: "e", Editable: true}, cmdNone},
		// Space on a button presses the button.
		{keyEvent{Key: " ", Tag: "BUTTON"}, cmdNone},
		{keyEvent{Key: "ArrowRight", Tag: "BUTTON"}, cmdForward},
		// Browser shortcuts stay the browser's.
		{keyEvent{Key: "ArrowLeft", Alt: true}, cmdNone},
		{keyEvent{Key: "f", Ctrl: true}, cmdNone},
	} {
		if got := keyFor(tc.e); got != tc.want {
			t.Errorf("keyFor(%+v) = %d, want %d", tc.e, got, tc.want)
		}
	}
}

func TestEveryCommandHasAKey(t *testing.T) {
	for c := cmdForward; c <= cmdEditor; c++ {
		found := false
		for _, b := range keyBindings {
			found = found || b.Cmd == c
		}
		if !found {
			t.Errorf("command %d has no key in the help list", c)
		}
	}
}
