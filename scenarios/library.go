package scenarios

import (
	"embed"
	"slices"
	"strings"
)

// library is the scenario library: the .txt files of scenarios/ and of
// scenarios/freebsd/ (the translated ptrace tests). Other folders hold other kinds
// of text (sources/: the texts narration quotes).
//
//go:embed *.txt freebsd/*.txt
var library embed.FS

// libraryDirs are the folders the go:embed line above names.
var libraryDirs = []string{".", "freebsd"}

// Entry is one scenario of the library.
type Entry struct {
	Path string // relative to scenarios/, e.g. "fork-follow-continue.txt"
	Src  []byte
	File *File
}

// LibraryFile returns the library scenario at path (relative to scenarios/, with
// or without .txt), parsing that file alone: a page that opens on one scenario
// need not parse the library first.
func LibraryFile(path string) (Entry, bool, error) {
	if !strings.HasSuffix(path, ".txt") {
		path += ".txt"
	}
	src, err := library.ReadFile(path)
	if err != nil {
		return Entry{}, false, nil
	}
	f, err := Parse(path, src)
	if err != nil {
		return Entry{}, false, err
	}
	return Entry{Path: path, Src: src, File: f}, true, nil
}

// Library returns every library scenario, parsed, in path order. A library file
// that does not parse is a bug: Library returns its error.
func Library() ([]Entry, error) { return walkLibrary(Parse) }

// LibraryHeaders returns every library scenario in path order with only its
// header read (ParseHeader): enough to list the library by title and tag, at a
// small part of Library's cost (a page lists the library on its first view).
func LibraryHeaders() ([]Entry, error) { return walkLibrary(ParseHeader) }

// walkLibrary reads every library file with parse, in path order. It lists
// the folders itself and sorts the paths, which are strings: io/fs's
// WalkDir, and a sort of the entries by path, would add their code to
// app.wasm (README, "Sorting and app.wasm's size").
func walkLibrary(parse func(name string, src []byte) (*File, error)) ([]Entry, error) {
	var paths []string
	for _, dir := range libraryDirs {
		ents, err := library.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".txt") {
				if dir != "." {
					name = dir + "/" + name
				}
				paths = append(paths, name)
			}
		}
	}
	slices.Sort(paths)
	out := make([]Entry, 0, len(paths))
	for _, path := range paths {
		src, err := library.ReadFile(path)
		if err != nil {
			return out, err
		}
		f, err := parse(path, src)
		if err != nil {
			return out, err
		}
		out = append(out, Entry{Path: path, Src: src, File: f})
	}
	return out, nil
}
