package scenarios

import (
	"embed"
	"strings"
)

// lessonFiles are the lessons (docs/lessons.md), one .txt file each under
// scenarios/lessons/.
//
//go:embed lessons/*.txt
var lessonFiles embed.FS

// Lessons returns every lesson, parsed and resolved against the library, in path
// order. A lesson that does not parse or points at nothing is a bug: Lessons returns
// its error.
func Lessons() ([]*Lesson, error) {
	lib, err := Library()
	if err != nil {
		return nil, err
	}
	out, err := ParseLessons()
	if err != nil {
		return nil, err
	}
	for _, l := range out {
		if err := l.Resolve(lib); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ParseLessons returns every lesson, parsed but not resolved, in path order: enough
// to list their titles and introductions without running a scenario. Name is the
// path under scenarios/, e.g. "lessons/review-2012.txt".
func ParseLessons() ([]*Lesson, error) {
	// The folder's own listing, in name order, rather than io/fs's Glob,
	// whose code app.wasm need not carry (README, "Sorting and app.wasm's
	// size").
	ents, err := lessonFiles.ReadDir("lessons")
	if err != nil {
		return nil, err
	}
	var out []*Lesson
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		p := "lessons/" + e.Name()
		src, err := lessonFiles.ReadFile(p)
		if err != nil {
			return nil, err
		}
		l, err := ParseLesson(p, src)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}
