package ui

import (
	"reflect"
	"testing"
)

// TestLibraryIndex checks that the lists, drawn from the headers alone,
// show what the whole library says: every scenario, in order, with its
// key, group, title, about: text and tags.
func TestLibraryIndex(t *testing.T) {
	idx, err := libraryIndex()
	if err != nil {
		t.Fatal(err)
	}
	full, err := library()
	if err != nil {
		t.Fatal(err)
	}
	if len(idx) != len(full) || len(idx) == 0 {
		t.Fatalf("index has %d scenarios, library %d", len(idx), len(full))
	}
	type shown struct {
		Key, Path, Group, Title string
		About, Tags             []string
	}
	for i := range idx {
		a, b := idx[i], full[i]
		got := shown{a.Key, a.Path, a.Group, a.File.Title, a.File.About, a.File.Tags}
		want := shown{b.Key, b.Path, b.Group, b.File.Title, b.File.About, b.File.Tags}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("index entry %d: %+v, want %+v", i, got, want)
		}
	}
}
