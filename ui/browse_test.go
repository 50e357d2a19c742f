package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestBrowseFilter(t *testing.T) {
	es, err := library()
	if err != nil {
		t.Fatal(err)
	}
	keys := func(f browseFilter) []string {
		var out []string
		for _, e := range es {
			if f.matches(e) {
				out = append(out, e.Key)
			}
		}
		return out
	}
	if got := keys(browseFilter{}); len(got) != len(es) {
		t.Errorf("no filter shows %d of %d", len(got), len(es))
	}
	if got := keys(browseFilter{Query: "C SHELL"}); !slices.Contains(got, "vfork-csh") {
		t.Errorf("a search for words of the about: text misses vfork-csh: %v", got)
	}
	if got := keys(browseFilter{Query: "orphan-race"}); !slices.Equal(got, []string{"orphan-race"}) {
		t.Errorf("a search for a key finds %v", got)
	}
	for _, e := range es {
		if got := keys(browseFilter{Tag: "vfork"}); slices.Contains(e.File.Tags, "vfork") != slices.Contains(got, e.Key) {
			t.Errorf("tag vfork and %s (tags %v)", e.Key, e.File.Tags)
		}
	}
	if got := keys(browseFilter{Query: "no such words anywhere"}); len(got) != 0 {
		t.Errorf("nonsense finds %v", got)
	}
}

func TestBrowseMarksCurrent(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race")
	x.do(cmdPicker)
	var current []string
	for _, tag := range regexp.MustCompile(`<button[^>]*class="card"[^>]*>`).FindAllString(x.html(), -1) {
		if strings.Contains(tag, "aria-current") {
			current = append(current, regexp.MustCompile(`data-key="([^"]*)"`).FindStringSubmatch(tag)[1])
		}
	}
	if !slices.Equal(current, []string{"orphan-race"}) {
		t.Errorf("Browse marks %v as current, want orphan-race alone", current)
	}
	x.contains(`data-role="browse-search"`, `data-tag="vfork"`)
}
