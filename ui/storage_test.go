package ui

import "testing"

// Outside a browser the store keeps values for the life of the page, as it
// does in a frame where localStorage throws.
func TestStoreInMemory(t *testing.T) {
	s := &store{mem: map[string]string{}}
	if s.persistent() {
		t.Fatal("a store outside a browser says it persists")
	}
	if _, ok := s.get("k"); ok {
		t.Fatal("an empty store has a value")
	}
	s.set("k", "")
	if v, ok := s.get("k"); !ok || v != "" {
		t.Fatalf("get after set of an empty string = %q, %v", v, ok)
	}
	s.set("k", "v")
	if v, _ := s.get("k"); v != "v" {
		t.Fatalf("get = %q, want v", v)
	}
	s.del("k")
	if _, ok := s.get("k"); ok {
		t.Fatal("a deleted key still has a value")
	}
}
