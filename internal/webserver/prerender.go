//go:build !wasm

package webserver

import (
	"bytes"
	"strings"
)

// go-app's HTML writer (htmlElement.html) differs from the DOM its program
// builds in two ways. It puts a line break before each child of an element
// that has more than one, and before its end tag, which the browser reads
// as text: a space between a glossary term and the punctuation after it
// ("PT_CONTINUE ;"), between two buttons, and a line break between the
// parts of a trace line, whose white space is kept. And it writes an
// attribute whose value is "true" without its value, so that the browser
// reads it as "": aria-hidden="" hides nothing, and [data-current="true"]
// marks no current step. The pre-rendered page looked different until the
// program took over (issue 12); tightenPage mends both.

// tightenPage returns page with the line breaks go-app's writer added
// between the elements of its body taken out, and the value "true" written
// back into its aria-* and data-* attributes that have none (the app sets
// none of those to ""). In a run of text between two tags, a leading line
// break is the writer's, and so is a trailing one then; a run that does not
// begin with one is an element's only child, written as it is. (A text that
// is its element's only child and begins with a line break would lose it:
// the app has none.) The content of textarea, script and style elements is
// copied as it is.
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
		out = appendTag(out, tag)
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

// appendTag appends tag with "true" written into its bare aria-* and data-*
// attributes.
func appendTag(out, tag []byte) []byte {
	quoted := false
	for k := 0; k < len(tag); k++ {
		c := tag[k]
		out = append(out, c)
		switch {
		case quoted && c == '\\':
			k++
			out = append(out, tag[k])
		case c == '"':
			quoted = !quoted
		case !quoted && c == ' ':
			n := k + 1
			for n < len(tag) && tag[n] != ' ' && tag[n] != '=' && tag[n] != '>' && tag[n] != '/' {
				n++
			}
			name := tag[k+1 : n]
			out = append(out, name...)
			k = n - 1
			if n < len(tag) && tag[n] != '=' && (bytes.HasPrefix(name, []byte("aria-")) || bytes.HasPrefix(name, []byte("data-"))) {
				out = append(out, `="true"`...)
			}
		}
	}
	return out
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
