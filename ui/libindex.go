package ui

// This file lists the library for the scenario list and the chooser, which
// the first view of every link draws: from each file's header alone
// (scenarios.LibraryHeaders), so that listing the library does not parse
// every scenario at start-up (issue 12).

import (
	"sync"

	"forklab/scenarios"
)

var index struct {
	once    sync.Once
	entries []libEntry
	err     error
}

// libraryIndex returns the library as the lists show it, read once. Its
// entries' File holds the header only (title, about, tags, designs): they
// say what a scenario is, and libraryEntry gives the one to run.
func libraryIndex() ([]libEntry, error) {
	index.once.Do(func() {
		es, err := scenarios.LibraryHeaders()
		index.err = err
		for _, e := range es {
			index.entries = append(index.entries, newLibEntry(e))
		}
	})
	return index.entries, index.err
}
