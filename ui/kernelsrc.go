package ui

import (
	"strings"

	"forklab/internal/srcindex"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// This file maps the kernel functions that sim names in its events
// (EventBase.Func) to the source files where they live, for the narration. The
// map is the design's operating-system personality's own (sim.OS.Source): one
// table per system, kept beside the code that names the functions. The links
// point into the design's tree at a fixed revision (srcindex.TreeOf), at the
// line of the function's definition where srcindex's generated table has it.

// sourceFile returns the file that holds the kernel function fn, in FreeBSD's
// tree or, if linux, in Linux's; "" when that system does not name it.
func sourceFile(fn string, linux bool) string {
	for _, d := range sim.Designs() {
		if d.Linux() == linux {
			return d.OS().Source(fn)
		}
	}
	return ""
}

// kernelLink is where the narration sends a reader for a kernel function.
type kernelLink struct {
	File  string // the file sim names (sim.OS.Source); "" when none
	URL   string // the file, at its line where known, in the design's tree; "" when no tree holds it
	Line  int    // the line the definition starts at; 0 when not known
	Title string // what the link points at, and why it has no line if it has none
}

// kernelSource returns the link for kernel function fn under design d.
func kernelSource(fn string, d *sim.Design) kernelLink {
	l := kernelLink{File: d.OS().Source(fn)}
	t, ok := srcindex.TreeOf(d.Short())
	switch {
	case !srcindex.IsPath(l.File):
		return l
	case !ok:
		l.Title = fn + " · " + l.File + ": " + d.Name + " has no source tree on record"
		return l
	case !t.Holds(l.File):
		l.Title = fn + " · " + l.File + ": no link, as the tree this design links into (" + t.Repo +
			") is a partial copy of the kernel without this file"
		return l
	}
	l.URL = "https://github.com/" + t.Repo + "/blob/" + t.Commit + "/" + l.File
	if def, ok := srcindex.Lookup(t.Repo, t.Commit, fn); ok && def.Path == l.File {
		l.Line = def.Line
		l.URL += "#L" + itoa(def.Line)
		l.Title = fn + " · " + l.File + " line " + itoa(def.Line) + " in " + t.About
		return l
	}
	l.Title = fn + " · " + l.File + " in " + t.About
	if why := t.NoLine(fn); why != "" {
		l.Title += "; no line: " + strings.TrimSuffix(why, ".")
	}
	return l
}

// renderKernelFunc is an event's kernel function and its file, the file a link
// to the definition's line (or to the file) at the design's revision.
func renderKernelFunc(fn string, src kernelLink) app.UI {
	where := fn
	if src.File != "" {
		where += " · " + src.File
	}
	title := src.Title
	if title == "" {
		title = where
	}
	if src.URL == "" {
		return el("span").Class("fn mono").Title(title).Body(markCode(where, true)...)
	}
	file := src.File
	if src.Line > 0 {
		file += ":" + itoa(src.Line)
	}
	return el("span").Class("fn mono").Title(title).Body(append(markCode(fn, true),
		app.Text(" · "),
		el("a").Class("srcline").Attr("href", src.URL).Attr("target", "_blank").
			Attr("rel", "noopener noreferrer").Attr("data-line", src.Line).Text(file),
	)...)
}
