package ui

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestLinkRoundTrip(t *testing.T) {
	l := linkState{Scenario: "freebsd/getppid", Step: 7, Designs: []string{"old", "new", "linux"}, Format: "kdump"}
	q := l.query("")
	if q != "scenario=freebsd/getppid&step=7&designs=old,new,linux&format=kdump" {
		t.Errorf("query = %s", q)
	}
	u, err := url.Parse("http://localhost/?" + q)
	if err != nil {
		t.Fatal(err)
	}
	got := parseLink(u)
	if got.Scenario != l.Scenario || got.Step != 7 || !got.HasStep || !slices.Equal(got.Designs, l.Designs) || got.Format != "kdump" {
		t.Errorf("parseLink(%s) = %+v", q, got)
	}
}

func TestPackSrc(t *testing.T) {
	src := "title: mine\n\nproc P\nP: fork as C   # with a comment & an ampersand\n"
	packed := packSrc(src)
	if strings.ContainsAny(packed, "+/=&?#") {
		t.Errorf("packSrc gives %q, which is not safe in a query", packed)
	}
	u, _ := url.Parse("http://localhost/?" + (linkState{Step: 1}).query(packed))
	l := parseLink(u)
	if l.Src != src || l.SrcErr != "" {
		t.Errorf("unpacked %q (%s), want %q", l.Src, l.SrcErr, src)
	}
	for _, bad := range []string{"!!!", "AAAA"} {
		if _, err := unpackSrc(bad); err == nil {
			t.Errorf("unpackSrc(%q) succeeds", bad)
		}
	}
}

func TestUnpackSrcLimit(t *testing.T) {
	huge := strings.Repeat("# a comment that compresses very well\n", maxSrcBytes/30)
	if _, err := unpackSrc(packSrc(huge)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("unpacking %d bytes: %v", len(huge), err)
	}
}

func TestTooLongMessage(t *testing.T) {
	got := tooLongMessage(7412)
	for _, want := range []string{"7,412 characters", "at most 6,000"} {
		if !strings.Contains(got, want) {
			t.Errorf("tooLongMessage(7412) = %q, lacks %q", got, want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestLinkNotices checks what the page says of a link's unknown designs and
// format: every unknown design by name, and a format that is not one.
func TestLinkNotices(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=detach&designs=old,bogus,nonesuch&format=ktrace")
	want := "There are no designs called “bogus” or “nonesuch”. There is no trace format called “ktrace”; showing plain (the formats are plain, kdump, truss, strace)."
	if x.a.notice != want {
		t.Errorf("notice %q, want %q", x.a.notice, want)
	}
	if x.a.format != "plain" || len(x.a.designs) != 1 {
		t.Errorf("format %q designs %v", x.a.format, x.a.designs)
	}
	x.nav("/?scenario=detach&designs=old,new&format=kdump")
	if x.a.notice != "" {
		t.Errorf("a good link has the notice %q", x.a.notice)
	}
}
