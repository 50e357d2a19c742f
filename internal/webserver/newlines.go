//go:build !wasm

package webserver

import (
	"bytes"
	"strings"
)

// go-app's HTML writer (htmlElement.html) puts a line break before each
// child of an element that has more than one, and before its end tag. The
// browser reads those as text: a space between a glossary term and the
// punctuation after it ("PT_CONTINUE ;"), between two buttons, and a line
// break between the parts of a trace line, whose white space is kept. The
// program's own page has no such text, so the pre-rendered page looked
// different until it took over (issue 12). tightenPage takes them out.

// tightenPage returns page with the line breaks go-app's writer added
// between the elements of its body taken out. In a run of text between two
// tags, a leading line break is the writer's, and so is a trailing one
// then; a run that does not begin with one is an element's only child,
// written as it is. (A text that is its element's only child and begins
// with a line break would lose it: the app has none.) The content of
// textarea, script and style elements is copied as it is.
func tightenPage(page []byte) []byte {
	start := bytes.Index(page, []byte("<body"))
	end := bytes.LastIndex(page, []byte("</body>"))
	if start < 0 || end < start {
		return page
	}
	out := make([]byte, 0, len(page))
	out = append(out, page[:start]...)
	body := page[start:end]
	for i := 0; i < len(body); {
		if body[i] != '<' {
			j := bytes.IndexByte(body[i:], '<')
			if j < 0 {
				j = len(body) - i
			}
			out = append(out, writerless(body[i:i+j])...)
			i += j
			continue
		}
		j := tagEnd(body, i)
		tag := body[i:j]
		out = append(out, tag...)
		i = j
		if name := tagName(tag); name == "textarea" || name == "script" || name == "style" {
			k := bytes.Index(body[i:], []byte("</"+name))
			if k < 0 {
				k = len(body) - i
			}
			out = append(out, body[i:i+k]...)
			i += k
		}
	}
	return append(out, page[end:]...)
}

// writerless is a run of text without the line breaks go-app's writer put
// around it.
func writerless(run []byte) []byte {
	if len(run) == 0 || run[0] != '\n' {
		return run
	}
	run = run[1:]
	if n := len(run); n > 0 && run[n-1] == '\n' {
		run = run[:n-1]
	}
	return run
}

// tagEnd returns the index just past the tag that starts at body[i]. go-app
// quotes attribute values with strconv.Quote: a '>' inside one, or an
// escaped quote, does not end the tag.
func tagEnd(body []byte, i int) int {
	quoted := false
	for j := i + 1; j < len(body); j++ {
		switch c := body[j]; {
		case quoted && c == '\\':
			j++
		case c == '"':
			quoted = !quoted
		case c == '>' && !quoted:
			return j + 1
		}
	}
	return len(body)
}

// tagName is the lower-case name of a start tag, "" for an end tag.
func tagName(tag []byte) string {
	if len(tag) < 2 || tag[1] == '/' {
		return ""
	}
	n := 1
	for n < len(tag) && tag[n] != ' ' && tag[n] != '>' && tag[n] != '/' && tag[n] != '\n' {
		n++
	}
	return strings.ToLower(string(tag[1:n]))
}
