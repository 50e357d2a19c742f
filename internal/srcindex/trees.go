package srcindex

// Tree is the source tree a design's links point into: a GitHub repository at a
// fixed revision. ptrace-semantics.md §0 says which tree stands in for which
// design.
type Tree struct {
	Repo   string // GitHub owner/name
	Commit string // a commit, or a release tag the model names
	About  string // what the tree is, for the link's title
	// Only, when set, lists the files the tree holds (a partial copy of the
	// kernel): other files get no link.
	Only []string
	// NoLines says, for the link's title, why lines.go has no rows for this
	// tree; "" when it has them (the generator indexes exactly those trees).
	NoLines string
}

// libplebnet is the 9.0 stand-in (§0): FreeBSD head of mid/late 2011. It is a
// partial copy; of the files sim names it holds these (the search index's
// listing of its sys/kern at that commit).
var libplebnet = Tree{
	Repo:    "hardboydu/libplebnet",
	Commit:  "6abcc4cad062059c12d6bef45254451b9e3e26f5",
	Only:    []string{"sys/kern/kern_exit.c", "sys/kern/kern_fork.c", "sys/kern/kern_sig.c", "sys/kern/sys_process.c"},
	NoLines: notIndexed, // its snapshot, 587 MB, was over the 500 MB fetch limit when lines.go was made
}

// notIndexed is the reason a tree has no lines.
const notIndexed = "this tree was not indexed, so no line is on record"

// trees maps a design's short name to its tree.
var trees = map[string]Tree{
	"old": withAbout(libplebnet, "FreeBSD head of mid/late 2011 (hardboydu/libplebnet), the stand-in for 9.0"),
	"new": withAbout(libplebnet, "the 9.0 stand-in, FreeBSD head of mid/late 2011 (hardboydu/libplebnet), "+
		"since no source tree of the 2012 proposal exists (its patch text was never found)"),
	"merged": {
		Repo:   "pkelsey/libuinet",
		Commit: "4eef0e411c08a780df83935b42caaad1cee46164",
		About:  "FreeBSD release/9.1.0 (pkelsey/libuinet's unmodified copy of it)",
	},
	"current": {
		Repo:    "freebsd/freebsd-src",
		Commit:  "040ee8be6584e2759ecc20fc330173ebe1a5f8be",
		About:   "current FreeBSD (freebsd/freebsd-src at a fixed commit)",
		NoLines: notIndexed, // its snapshot, 3.7 GB, was over the 500 MB fetch limit when lines.go was made
	},
	"linux": {
		Repo:    "torvalds/linux",
		Commit:  "v6.18",
		About:   "Linux 6.18, the release the differential test ran on",
		NoLines: notIndexed, // its snapshot, 8.6 GB, was over the 500 MB fetch limit when lines.go was made
	},
}

func withAbout(t Tree, about string) Tree {
	t.About = about
	return t
}

// TreeOf returns the tree of the design whose short name is short.
func TreeOf(short string) (Tree, bool) {
	t, ok := trees[short]
	return t, ok
}

// Holds reports whether the tree has file path.
func (t Tree) Holds(path string) bool {
	if t.Only == nil {
		return true
	}
	for _, p := range t.Only {
		if p == path {
			return true
		}
	}
	return false
}
