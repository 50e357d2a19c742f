package ui

// This file holds the lessons the page shows (docs/lessons.md): the library's,
// listed by the start page, and one's own, from the editor or a src= link. A
// lesson's stops are resolved against the page's own library entries, so
// that a stop's step is a step of the very file the page runs.

import (
	"strings"
	"sync"

	"forklab/scenarios"
)

// lesson is a lesson the page can show.
type lesson struct {
	Key   string // the library key ("review-2012"), "" for one's own
	L     *scenarios.Lesson
	Src   string // one's own lesson's text, for its link
	stops []*lessonStop
}

// lessonStop is one stop with the scenario it opens.
type lessonStop struct {
	S  *scenarios.Stop
	Sc *scenario // made when the stop is first shown, shared by the lesson's stops on one scenario
}

// stop returns stop i, with its scenario.
func (l *lesson) stop(i int) *lessonStop {
	if l.stops == nil {
		l.stops = make([]*lessonStop, len(l.L.Stops))
		made := map[string]*scenario{}
		for j, s := range l.L.Stops {
			sc, ok := made[s.Scenario]
			if !ok {
				sc = newScenario(s.Scenario, s.Entry.File, string(s.Entry.Src))
				made[s.Scenario] = sc
			}
			l.stops[j] = &lessonStop{S: s, Sc: sc}
		}
	}
	return l.stops[i]
}

// Own reports whether the lesson is one's own.
func (l *lesson) Own() bool { return l.Key == "" }

// lessonKey is a library lesson's key: its file name without .txt.
func lessonKey(l *scenarios.Lesson) string {
	return strings.TrimSuffix(strings.TrimPrefix(l.Name, "lessons/"), ".txt")
}

var lessonList struct {
	once sync.Once
	ls   []*scenarios.Lesson
	err  error
	mu   sync.Mutex
	open map[string]*lesson // resolved, by key
}

// libraryLessons returns the library's lessons, parsed once but not resolved
// (the start page lists them without running a scenario).
func libraryLessons() ([]*scenarios.Lesson, error) {
	lessonList.once.Do(func() { lessonList.ls, lessonList.err = scenarios.ParseLessons() })
	return lessonList.ls, lessonList.err
}

// openLibraryLesson returns the library lesson key, resolved, or nil when
// there is none. Each is resolved once, the first time it is opened.
func openLibraryLesson(key string) (*lesson, error) {
	ls, err := libraryLessons()
	if err != nil {
		return nil, err
	}
	lessonList.mu.Lock()
	defer lessonList.mu.Unlock()
	if l, ok := lessonList.open[key]; ok {
		return l, nil
	}
	for _, l := range ls {
		if lessonKey(l) == key {
			if err := l.Resolve(libraryEntries()); err != nil {
				return nil, err
			}
			out := &lesson{Key: key, L: l}
			if lessonList.open == nil {
				lessonList.open = map[string]*lesson{}
			}
			lessonList.open[key] = out
			return out, nil
		}
	}
	return nil, nil
}

// ownLesson parses and resolves one's own lesson src against the page's
// library.
func ownLesson(src string) (*lesson, error) {
	l, err := scenarios.ParseLesson("lesson.txt", []byte(src))
	if err != nil {
		return nil, err
	}
	if err := l.Resolve(libraryEntries()); err != nil {
		return nil, err
	}
	return &lesson{L: l, Src: src}, nil
}

// libraryEntries returns the page's library as scenarios.Entry values, for
// Resolve.
func libraryEntries() []scenarios.Entry {
	es, _ := library()
	out := make([]scenarios.Entry, len(es))
	for i, e := range es {
		out[i] = scenarios.Entry{Path: e.Path, Src: []byte(e.Src), File: e.File}
	}
	return out
}
