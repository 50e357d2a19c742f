package scenarios

// This file cuts a scenario file into lines and lines into words, following the
// Lexical rules of scenario-language.md: one statement a line, `#` comments, names,
// reserved words and decimal numbers.

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLines is the longest file the language allows (scenario-language.md, rule 6).
const maxLines = 10000

// srcLine is one line of a scenario file.
type srcLine struct {
	num  int    // line number, from 1
	text string // the line without its line break (nor a \r before it)
}

// splitLines cuts src into lines. A final line break does not start another line.
func splitLines(src []byte) []srcLine {
	if len(src) == 0 {
		return nil
	}
	parts := strings.Split(strings.TrimSuffix(string(src), "\n"), "\n")
	lines := make([]srcLine, len(parts))
	for i, t := range parts {
		lines[i] = srcLine{num: i + 1, text: strings.TrimSuffix(t, "\r")}
	}
	return lines
}

// word is a run of characters between separators, and where it starts.
type word struct {
	text string
	col  int // rune column in its line, from 1
}

// end returns the column just after w.
func (w word) end() int { return w.col + utf8.RuneCountInString(w.text) }

// isBlank reports whether c is a space or a tab, the only blanks of the language.
func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// isDesignSep reports whether c separates the design names of a list.
func isDesignSep(c byte) bool { return isBlank(c) || c == ',' }

// words splits s[from:] into words separated by blanks.
func words(s string, from int) []word { return fields(s, from, isBlank) }

// fields splits s[from:] into words separated by bytes for which sep is true. The
// columns count runes from the start of s.
func fields(s string, from int, sep func(byte) bool) []word {
	var ws []word
	col := colAt(s, from)
	start, startCol := -1, 0
	for i := from; i < len(s); {
		if sep(s[i]) {
			if start >= 0 {
				ws = append(ws, word{text: s[start:i], col: startCol})
				start = -1
			}
			i++
			col++
			continue
		}
		if start < 0 {
			start, startCol = i, col
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		col++
	}
	if start >= 0 {
		ws = append(ws, word{text: s[start:], col: startCol})
	}
	return ws
}

// colAt returns the rune column of byte offset off in s.
func colAt(s string, off int) int { return utf8.RuneCountInString(s[:off]) + 1 }

// skipBlanks returns the offset of the first non-blank byte of s at or after off.
func skipBlanks(s string, off int) int {
	for off < len(s) && isBlank(s[off]) {
		off++
	}
	return off
}

// isCommentOrBlank reports whether a line is empty, blank, or a comment line (its first
// non-blank character is `#`).
func isCommentOrBlank(s string) bool {
	i := skipBlanks(s, 0)
	return i == len(s) || s[i] == '#'
}

// stripComment returns s without a ` #` comment and without trailing blanks. It is
// for step, proc, expect and result lines; header and say text keep their `#`.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " \t")
}

// isNameByte reports whether c may appear in a name after its first character.
func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' ||
		'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

// leadingName returns the longest prefix of s made of name bytes.
func leadingName(s string) string {
	i := 0
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return s[:i]
}

// isName reports whether s matches [A-Za-z_][A-Za-z0-9_.-]*. Reserved words match too;
// see isReserved.
func isName(s string) bool {
	if s == "" || leadingName(s) != s {
		return false
	}
	c := s[0]
	return c == '_' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}

// reserved lists the words that are not names (scenario-language.md, Lexical rules).
var reserved = map[string]bool{
	"init": true, "any": true, "nohang": true, "fail": true, "as": true, "parent": true,
	"on": true, "off": true, "proc": true, "expect": true, "say": true, "ok": true,
	"blocks": true, "none": true,
}

// isReserved reports whether s is a reserved word.
func isReserved(s string) bool { return reserved[s] }

// isNumber reports whether s is written as a decimal integer: digits, optionally after
// a minus sign.
func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseNumber returns the value of a decimal integer; ok is false if s is not one or
// does not fit in an int.
func parseNumber(s string) (n int, ok bool) {
	if !isNumber(s) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
