package ui

// This file holds what a link keeps of the view, and how it is written:
//
//	?scenario=vfork-follow&step=7&designs=old,new&format=kdump
//	?src=<deflate+base64url>&step=3&designs=old,new&format=plain
//	?lesson=review-2012&stop=3&quiz=1
//
// A link that names no view (bare /) opens the start page.
//
// The app keeps the address current with ReplaceURL (no new history entries),
// and opening such a link restores exactly that view.

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"forklab/sim"
)

// maxLinkSrc is the most characters the compressed text of one's own scenario
// may take in a link. Browsers and chat tools handle links of a few thousand
// characters; past that, links get cut.
const maxLinkSrc = 6000

// maxSrcBytes bounds what a src= parameter may inflate to, so that a crafted
// link cannot make the page decompress without end. A scenario holds at most
// 10,000 lines.
const maxSrcBytes = 1 << 20

// linkState is the view a link restores.
type linkState struct {
	Scenario string   // a library key (path without .txt), or ""
	Src      string   // one's own scenario text, when src= is given
	SrcErr   string   // why src= could not be read
	Step     int      // the position on the timeline
	HasStep  bool     // step= was given
	Designs  []string // design names or aliases, as written
	Format   string   // trace format
	Print    bool     // print=1: the handout (handout.go)
	Lesson   string   // a library lesson's key, or ""
	Stop     int      // the lesson's stop, from 1 (0 when not given)
	Quiz     bool     // quiz=1: ask before every step is shown
	View     bool     // the link names a view (scenario, src, lesson, step, designs, embed)
	Explore  bool     // explore=1: the orders panel is open (orders.go)
}

// parseLink reads the view from a URL's query.
func parseLink(u *url.URL) linkState {
	var s linkState
	if u == nil {
		return s
	}
	q := u.Query()
	s.Scenario = strings.TrimSpace(q.Get("scenario"))
	if packed := q.Get("src"); packed != "" {
		src, err := unpackSrc(packed)
		if err != nil {
			s.SrcErr = err.Error()
		} else {
			s.Src = src
		}
	}
	if v := q.Get("step"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			s.Step, s.HasStep = n, true
		}
	}
	for _, d := range strings.Split(q.Get("designs"), ",") {
		if d = strings.TrimSpace(d); d != "" {
			s.Designs = append(s.Designs, d)
		}
	}
	s.Format = q.Get("format")
	s.Print = q.Get("print") == "1"
	s.Lesson = strings.TrimSpace(q.Get("lesson"))
	if n, err := strconv.Atoi(q.Get("stop")); err == nil && n >= 1 {
		s.Stop = n
	}
	s.Quiz = q.Get("quiz") == "1"
	s.Explore = q.Get("explore") == "1"
	for _, k := range []string{"scenario", "src", "lesson", "stop", "step", "designs", "embed"} {
		s.View = s.View || q.Has(k)
	}
	s.View = s.View || u.Path == embedPath // an embed never shows the start page
	return s
}

// query renders the state as a query string, keys in a fixed order and
// commas and slashes left readable.
func (s linkState) query(packedSrc string) string {
	var parts []string
	add := func(k, v string) {
		v = url.QueryEscape(v)
		v = strings.NewReplacer("%2C", ",", "%2F", "/").Replace(v)
		parts = append(parts, k+"="+v)
	}
	switch {
	case packedSrc != "":
		add("src", packedSrc)
	case s.Lesson != "":
		add("lesson", s.Lesson)
	case s.Scenario != "":
		add("scenario", s.Scenario)
	}
	if s.Stop > 0 {
		add("stop", strconv.Itoa(s.Stop))
	}
	if s.HasStep || s.Stop == 0 {
		add("step", strconv.Itoa(s.Step))
	}
	if len(s.Designs) > 0 {
		add("designs", strings.Join(s.Designs, ","))
	}
	if s.Format != "" {
		add("format", s.Format)
	}
	if s.Print {
		add("print", "1")
	}
	if s.Quiz {
		add("quiz", "1")
	}
	if s.Explore {
		add("explore", "1")
	}
	return strings.Join(parts, "&")
}

// packSrc compresses a scenario text for a link: raw DEFLATE (deflate, in
// permalink_flate.go natively and permalink_wasm.go in the browser), then
// unpadded base64url. The last text packed is kept: a lesson of one's own
// writes its link at every step.
func packSrc(src string) (string, error) {
	packMemo.Lock()
	defer packMemo.Unlock()
	if packMemo.ok && packMemo.src == src {
		return packMemo.packed, nil
	}
	raw, err := deflate([]byte(src))
	if err != nil {
		return "", fmt.Errorf("this browser cannot put the scenario in a link: %v", err)
	}
	packMemo.src, packMemo.packed, packMemo.ok = src, base64.RawURLEncoding.EncodeToString(raw), true
	return packMemo.packed, nil
}

var packMemo struct {
	sync.Mutex
	src, packed string
	ok          bool
}

// unpackSrc reverses packSrc.
func unpackSrc(packed string) (string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(packed, "="))
	if err != nil {
		return "", errors.New("the scenario in this link is damaged (not base64url)")
	}
	out, err := inflate(raw, maxSrcBytes+1)
	if err != nil {
		return "", errors.New("the scenario in this link is damaged (not DEFLATE data)")
	}
	if len(out) > maxSrcBytes {
		return "", fmt.Errorf("the scenario in this link is larger than %d bytes", maxSrcBytes)
	}
	return string(out), nil
}

// linkProblem says why a link cannot carry a text packSrc packed (with
// err) to packed, or is "" when it can.
func linkProblem(packed string, err error) string {
	switch {
	case err != nil:
		return err.Error() + "."
	case len(packed) > maxLinkSrc:
		return tooLongMessage(len(packed))
	}
	return ""
}

// tooLongMessage says why a scenario cannot be shared as a link.
func tooLongMessage(n int) string {
	return fmt.Sprintf("This scenario takes %s characters in a link; a link holds at most %s. "+
		"It runs here, but the address cannot carry it: shorten it (drop comments and say: lines) or share the file itself.",
		thousands(n), thousands(maxLinkSrc))
}

// thousands writes n with a comma every three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// unknownDesignsNotice names every design of a link that does not exist, or
// is "" when all do.
func unknownDesignsNotice(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return "There is no design called “" + names[0] + "”."
	}
	return "There are no designs called “" + strings.Join(names[:len(names)-1], "”, “") + "” or “" + names[len(names)-1] + "”."
}

// unknownFormatNotice says that a link's format= is not a trace format, or is
// "" when it is one (or is not given).
func unknownFormatNotice(format string) string {
	if format == "" || validFormat(format) {
		return ""
	}
	return "There is no trace format called “" + format + "”; showing plain (the formats are " + strings.Join(sim.Formats, ", ") + ")."
}

// joinNotices joins the notices that are not "" into one.
func joinNotices(notices ...string) string {
	var out []string
	for _, n := range notices {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " ")
}
