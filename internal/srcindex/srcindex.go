// Package srcindex says where the kernel functions that sim's events name are
// defined: for each design, the source tree of its revision (trees.go) and, in
// lines.go, the line that starts each function's definition in that tree.
//
// lines.go is generated and committed; regenerate it with network access (or
// with local git directories, see gen/main.go):
//
//	go generate ./internal/srcindex
//
// Tests never run the generator: they read the committed table.
package srcindex

//go:generate go run ./gen -o lines.go

import (
	"bytes"
	"strings"
)

// Def is one row of the generated table: the function Func starts at Line of
// Path in Repo at Commit, and that line reads Text.
type Def struct {
	Func   string
	Repo   string // GitHub owner/name
	Commit string
	Path   string
	Line   int
	Text   string // the definition's first line, as the tree has it
}

// Lookup returns the row for fn in the tree repo@commit.
func Lookup(repo, commit, fn string) (Def, bool) {
	for _, d := range defs {
		if d.Repo == repo && d.Commit == commit && d.Func == fn {
			return d, true
		}
	}
	return Def{}, false
}

// Defs returns the rows of tree repo@commit.
func Defs(repo, commit string) []Def {
	var out []Def
	for _, d := range defs {
		if d.Repo == repo && d.Commit == commit {
			out = append(out, d)
		}
	}
	return out
}

// IsPath reports whether a source string names a file of a tree (sim's
// sources also hold a sentence for the "vm" pseudo-function, which is none).
func IsPath(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t") && (strings.HasSuffix(s, ".c") || strings.HasSuffix(s, ".h"))
}

// Find returns the 1-based line where C source src starts the definition of
// function fn, and that line's text. A definition's line holds fn's name
// followed by "(", preceded on that line only by its storage class and type
// (FreeBSD's style puts the name at the start of the line; Linux's often puts
// the type before it), and its parameter list is followed by "{" or, in K&R
// style, by parameter declarations; a prototype (the list followed by ";") or a
// call is not a definition. ok is false when src defines no fn (a macro, say).
func Find(src []byte, fn string) (line int, text string, ok bool) {
	lines := bytes.Split(src, []byte("\n"))
	for i, l := range lines {
		s := string(l)
		j := strings.Index(s, fn+"(")
		if j < 0 || !typePrefix(s[:j]) {
			continue
		}
		if definitionFollows(lines[i:], j+len(fn)) {
			return i + 1, strings.TrimRight(s, " \t\r"), true
		}
	}
	return 0, "", false
}

// typePrefix reports whether p, the text before a name on its line, is empty
// or only a declaration's storage class and type: identifiers, "*" and blanks,
// starting in the first column (a file-scope declaration does; comments and
// statements are indented) and ending in a blank or "*" (so "xfork1(" does not
// match "fork1(").
func typePrefix(p string) bool {
	if p == "" {
		return true
	}
	if first := p[0]; first != '_' && !('a' <= first && first <= 'z') && !('A' <= first && first <= 'Z') {
		return false
	}
	if last := p[len(p)-1]; last != ' ' && last != '\t' && last != '*' {
		return false
	}
	for _, r := range p {
		if r != '_' && r != '*' && r != ' ' && r != '\t' && !('a' <= r && r <= 'z') && !('A' <= r && r <= 'Z') && !('0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// definitionFollows reports whether the parameter list that opens at column
// open of ls[0] is followed by a function body: the first character after its
// closing parenthesis that is not blank is "{" (ANSI) or an identifier (K&R
// declarations, or a macro such as __unused), not ";", "," or an operator.
func definitionFollows(ls [][]byte, open int) bool {
	depth := 0
	col := open
	for _, l := range ls {
		for ; col < len(l); col++ {
			c := l[col]
			switch {
			case depth > 0 && c == ')':
				depth--
			case c == '(':
				depth++
			case depth > 0:
			case c == ' ' || c == '\t' || c == '\r':
			case c == '{':
				return true
			case c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
				return true
			default:
				return false
			}
		}
		col = 0
	}
	return false
}
