package scenarios

// This file turns a glossary entry's source into an address a reader can open:
// the glossary page links each entry's source where the source names one.

import (
	"regexp"
	"strings"
	"sync"
)

// The expressions compile on first use, not at start-up: the page's first
// view needs neither (issue 12).
var (
	sourceURLRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`https?://[^\s")]+`) })
	// sourceRepoRE matches "PATH (release/9.1.0" and "PATH (owner/repo @ commit".
	sourceRepoRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([A-Za-z0-9_./-]+\.[ch]) \((release/[0-9.]+|torvalds/linux @ [0-9a-f]{7,40}|freebsd/freebsd-src @ [0-9a-f]{7,40})[,)]`)
	})
)

// SourceURL returns the address of t's source, or "" when the source names no
// address and no file of a public repository at a fixed version. A FreeBSD
// release/N file is linked in freebsd/freebsd-src at that release's tag; a file
// at a commit of torvalds/linux or freebsd/freebsd-src at that commit; an entry
// whose source quotes an address, at the first address it quotes. Copies found
// by text search (repository not identified) have no link.
func (t Term) SourceURL() string {
	if m := sourceRepoRE().FindStringSubmatch(t.Source); m != nil {
		path, at := m[1], m[2]
		if rest, ok := strings.CutPrefix(at, "release/"); ok {
			return "https://github.com/freebsd/freebsd-src/blob/release/" + rest + "/" + path
		}
		repo, commit, _ := strings.Cut(at, " @ ")
		return "https://github.com/" + repo + "/blob/" + commit + "/" + path
	}
	return sourceURLRE().FindString(t.Source)
}
