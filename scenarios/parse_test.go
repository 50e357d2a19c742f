package scenarios

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"forklab/sim"
)

// firstExample is the first example of scenario-language.md, verbatim.
const firstExample = `title: The real parent sees its child's exit after the debugger
about: D attaches to C, a child of R. C exits. Who hears about it, and when?
cite: tests/sys/kern/ptrace_test.c ptrace__parent_sees_exit_after_child_debugger
designs: old new merged current

proc R
proc C parent R
proc D

D: ptrace attach C                      => ok
D: wait C                               => C stopped SIGSTOP
  say: Attaching re-parents C to D and stops it with SIGSTOP.
R: wait C nohang                        => 0
  say: C is no longer on R's list of children, yet R's wait must not fail.
  [old] say: 9.0 counts it in p_dbg_child and returns 0 instead of ECHILD.
D: ptrace continue C
C: exit 1
D: wait C                               => C exited 1
R: wait C                               => C exited 1
  say: R gets the same status once D has reaped C.
expect state C is reaped
`

// TestParseFirstExample checks the first example of the language document field by
// field.
func TestParseFirstExample(t *testing.T) {
	f, err := Parse("first.scn", []byte(firstExample))
	if err != nil {
		t.Fatalf("Parse(first example) = %v", err)
	}
	if f.Name != "first.scn" || f.Title != "The real parent sees its child's exit after the debugger" {
		t.Errorf("Name, Title = %q, %q", f.Name, f.Title)
	}
	if want := []string{"D attaches to C, a child of R. C exits. Who hears about it, and when?"}; !slices.Equal(f.About, want) {
		t.Errorf("About = %q, want %q", f.About, want)
	}
	if want := []string{"tests/sys/kern/ptrace_test.c ptrace__parent_sees_exit_after_child_debugger"}; !slices.Equal(f.Cites, want) {
		t.Errorf("Cites = %q, want %q", f.Cites, want)
	}
	if want := []string{"freebsd-9.0", "mikulin-2012", "freebsd-9.1", "freebsd-current"}; !slices.Equal(f.Designs, want) {
		t.Errorf("Designs = %q, want %q", f.Designs, want)
	}
	wantProcs := []Proc{
		{Pos: Pos{"first.scn", 6, 1}, Name: "R"},
		{Pos: Pos{"first.scn", 7, 1}, Name: "C", Parent: "R"},
		{Pos: Pos{"first.scn", 8, 1}, Name: "D"},
	}
	if !reflect.DeepEqual(f.Procs, wantProcs) {
		t.Errorf("Procs = %+v, want %+v", f.Procs, wantProcs)
	}
	if want := []string{"R", "C", "D"}; !slices.Equal(f.Names, want) {
		t.Errorf("Names = %q, want %q", f.Names, want)
	}
	if len(f.Items) != 8 {
		t.Fatalf("len(Items) = %d, want 8", len(f.Items))
	}
	wait := f.Items[2].(*Step)
	wantWait := &Step{
		Pos:    Pos{"first.scn", 13, 1},
		Op:     sim.Op{Actor: "R", Call: sim.CallWait, Target: "C", NoHang: true},
		Source: "R: wait C nohang                        => 0",
		Results: map[string]*Result{
			"": {Pos: Pos{"first.scn", 13, 44}, Text: "0", Kind: ResZero},
		},
		Says: []Say{
			{Pos: Pos{"first.scn", 14, 3}, Text: "C is no longer on R's list of children, yet R's wait must not fail."},
			{Pos: Pos{"first.scn", 15, 3}, Designs: []string{"freebsd-9.0"}, Text: "9.0 counts it in p_dbg_child and returns 0 instead of ECHILD."},
		},
	}
	if !reflect.DeepEqual(wait, wantWait) {
		t.Errorf("Items[2] = %s\nwant %s", dumpItem(wait), dumpItem(wantWait))
	}
	stopped := f.Items[1].(*Step).Results[""]
	wantStopped := &Result{Pos: Pos{"first.scn", 11, 44}, Text: "C stopped SIGSTOP", Kind: ResStopped, Name: "C", Signal: sim.SIGSTOP}
	if !reflect.DeepEqual(stopped, wantStopped) {
		t.Errorf("Items[1] result = %+v, want %+v", stopped, wantStopped)
	}
	exp := f.Items[7].(*Expect)
	wantExp := &Expect{Pos: Pos{"first.scn", 21, 1}, Source: "expect state C is reaped", Kind: ExpState, Proc: "C", State: "reaped"}
	if !reflect.DeepEqual(exp, wantExp) {
		t.Errorf("Items[7] = %+v, want %+v", exp, wantExp)
	}
}

// header is the start of most test files: lines 1 to 4.
const header = "title: t\nproc R\nproc C parent R\nproc D\n"

// TestParseGood parses good files and compares a dump of their items and names.
func TestParseGood(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // dumpFile of the result
	}{
		{
			name: "first example",
			src:  firstExample,
			want: `title The real parent sees its child's exit after the debugger
about ["D attaches to C, a child of R. C exits. Who hears about it, and when?"]
cites ["tests/sys/kern/ptrace_test.c ptrace__parent_sees_exit_after_child_debugger"]
designs [freebsd-9.0 mikulin-2012 freebsd-9.1 freebsd-current]
procs R C(R) D
names R C D
10 D: ptrace attach C                      => ok | Op{Actor:D Call:ptrace Target:C Req:attach} | "": ok
11 D: wait C                               => C stopped SIGSTOP | Op{Actor:D Call:wait4 Target:C} | "": stopped Name:C Signal:SIGSTOP | say: Attaching re-parents C to D and stops it with SIGSTOP.
13 R: wait C nohang                        => 0 | Op{Actor:R Call:wait4 Target:C NoHang:true} | "": zero | say: C is no longer on R's list of children, yet R's wait must not fail. | say[freebsd-9.0]: 9.0 counts it in p_dbg_child and returns 0 instead of ECHILD.
16 D: ptrace continue C | Op{Actor:D Call:ptrace Target:C Req:continue}
17 C: exit 1 | Op{Actor:C Call:exit Status:1}
18 D: wait C                               => C exited 1 | Op{Actor:D Call:wait4 Target:C} | "": exited Name:C Status:1
19 R: wait C                               => C exited 1 | Op{Actor:R Call:wait4 Target:C} | "": exited Name:C Status:1 | say: R gets the same status once D has reaped C.
21 expect state C is reaped | Expect{Kind:state Proc:C State:reaped}`,
		},
		{
			name: "child names",
			src: header + `R: wait R.3 nohang # a child named before the step that creates it
R: fork
R: fork fail EAGAIN
R: vfork as V
R: rfork RFMEM
R: rfork RFPROC|RFMEM
R.3: fork
V: fork
proc E
R: wait V`,
			want: `procs R C(R) D E
names R C D R.1 V R.3 R.3.1 V.1 E
5 R: wait R.3 nohang | Op{Actor:R Call:wait4 Target:R.3 NoHang:true}
6 R: fork | Op{Actor:R Call:fork Child:R.1}
7 R: fork fail EAGAIN | Op{Actor:R Call:fork Errno:EAGAIN}
8 R: vfork as V | Op{Actor:R Call:vfork Child:V}
9 R: rfork RFMEM | Op{Actor:R Call:rfork Rfork:0x20}
10 R: rfork RFPROC|RFMEM | Op{Actor:R Call:rfork Child:R.3 Rfork:0x30}
11 R.3: fork | Op{Actor:R.3 Call:fork Child:R.3.1}
12 V: fork | Op{Actor:V Call:fork Child:V.1}
14 R: wait V | Op{Actor:R Call:wait4 Target:V}`,
		},
		{
			name: "every call",
			src: header + `R: fork as K
R: rfork RFPROC|RFPPWAIT|RFFDG as Q
C: exec /bin/sh
C: exec /bin/nope fail ENOENT
C: exit 0
C: exit 255
R: kill C SIGKILL
R: raise SIGSTOP
R: wait
R: wait any
R: wait nohang
R: wait init
C: getppid
C: set x -12
C: read x
C: ptrace traceme
D: ptrace detach C
D: ptrace detach C SIGUSR1
D: ptrace to-sce C
D: ptrace to-scx C
D: ptrace syscall C
D: ptrace kill C
D: ptrace follow-fork C on
D: ptrace follow-exec C off
D: ptrace lwpinfo C`,
			want: `procs R C(R) D
names R C D K Q
5 R: fork as K | Op{Actor:R Call:fork Child:K}
6 R: rfork RFPROC|RFPPWAIT|RFFDG as Q | Op{Actor:R Call:rfork Child:Q Rfork:0x80000014}
7 C: exec /bin/sh | Op{Actor:C Call:execve Path:/bin/sh}
8 C: exec /bin/nope fail ENOENT | Op{Actor:C Call:execve Errno:ENOENT Path:/bin/nope}
9 C: exit 0 | Op{Actor:C Call:exit}
10 C: exit 255 | Op{Actor:C Call:exit Status:255}
11 R: kill C SIGKILL | Op{Actor:R Call:kill Target:C Signal:SIGKILL}
12 R: raise SIGSTOP | Op{Actor:R Call:kill Signal:SIGSTOP}
13 R: wait | Op{Actor:R Call:wait4}
14 R: wait any | Op{Actor:R Call:wait4}
15 R: wait nohang | Op{Actor:R Call:wait4 NoHang:true}
16 R: wait init | Op{Actor:R Call:wait4 Target:init}
17 C: getppid | Op{Actor:C Call:getppid}
18 C: set x -12 | Op{Actor:C Call:set Var:x Value:-12}
19 C: read x | Op{Actor:C Call:read Var:x}
20 C: ptrace traceme | Op{Actor:C Call:ptrace Req:traceme}
21 D: ptrace detach C | Op{Actor:D Call:ptrace Target:C Req:detach}
22 D: ptrace detach C SIGUSR1 | Op{Actor:D Call:ptrace Target:C Signal:SIGUSR1 Req:detach}
23 D: ptrace to-sce C | Op{Actor:D Call:ptrace Target:C Req:to-sce}
24 D: ptrace to-scx C | Op{Actor:D Call:ptrace Target:C Req:to-scx}
25 D: ptrace syscall C | Op{Actor:D Call:ptrace Target:C Req:syscall}
26 D: ptrace kill C | Op{Actor:D Call:ptrace Target:C Req:kill}
27 D: ptrace follow-fork C on | Op{Actor:D Call:ptrace Target:C Req:follow-fork On:true}
28 D: ptrace follow-exec C off | Op{Actor:D Call:ptrace Target:C Req:follow-exec}
29 D: ptrace lwpinfo C | Op{Actor:D Call:ptrace Target:C Req:lwpinfo}`,
		},
		{
			name: "ptrace events",
			src: header + `D: ptrace events C none
D: ptrace events C exec fork vfork
D: ptrace events C sce scx lwp
D: ptrace events C +fork -exec +vfork
D: ptrace events C -sce`,
			want: `procs R C(R) D
names R C D
5 D: ptrace events C none | Op{Actor:D Call:ptrace Target:C Req:events}
6 D: ptrace events C exec fork vfork | Op{Actor:D Call:ptrace Target:C Req:events Events:0x29}
7 D: ptrace events C sce scx lwp | Op{Actor:D Call:ptrace Target:C Req:events Events:0x16}
8 D: ptrace events C +fork -exec +vfork | Op{Actor:D Call:ptrace Target:C Req:events+- Events:0x28 Del:0x1}
9 D: ptrace events C -sce | Op{Actor:D Call:ptrace Target:C Req:events+- Del:0x2}`,
		},
		{
			name: "results",
			src: header + `R: fork => R.1
  [linux] => EAGAIN
C: getppid => init
D: ptrace attach C
  => ok
  [old, new merged] => EBUSY
  [current] => blocks
C: read v => -7
C: read w => 0
R: wait => C killed SIGKILL
R: wait any nohang => 0
R: kill C SIGTERM => ESRCH
C: exec /x fail E2BIG => E2BIG
R: wait init => init exited 0
R: getppid => EPERM # a process named EPERM: NAME wins over ERRNO
proc EPERM`,
			want: `procs R C(R) D EPERM
names R C D R.1 EPERM
5 R: fork => R.1 | Op{Actor:R Call:fork Child:R.1} | "": name Name:R.1 | linux: errno Errno:EAGAIN
7 C: getppid => init | Op{Actor:C Call:getppid} | "": name Name:init
8 D: ptrace attach C | Op{Actor:D Call:ptrace Target:C Req:attach} | "": ok | freebsd-9.0: errno Errno:EBUSY | freebsd-9.1: errno Errno:EBUSY | freebsd-current: blocks | mikulin-2012: errno Errno:EBUSY
12 C: read v => -7 | Op{Actor:C Call:read Var:v} | "": value Value:-7
13 C: read w => 0 | Op{Actor:C Call:read Var:w} | "": value
14 R: wait => C killed SIGKILL | Op{Actor:R Call:wait4} | "": killed Name:C Signal:SIGKILL
15 R: wait any nohang => 0 | Op{Actor:R Call:wait4 NoHang:true} | "": zero
16 R: kill C SIGTERM => ESRCH | Op{Actor:R Call:kill Target:C Signal:SIGTERM} | "": errno Errno:ESRCH
17 C: exec /x fail E2BIG => E2BIG | Op{Actor:C Call:execve Errno:E2BIG Path:/x} | "": errno Errno:E2BIG
18 R: wait init => init exited 0 | Op{Actor:R Call:wait4 Target:init} | "": exited Name:init
19 R: getppid => EPERM | Op{Actor:R Call:getppid} | "": name Name:EPERM`,
		},
		{
			name: "lwpinfo",
			src: header + `D: ptrace lwpinfo C => SIGTRAP +PL_FLAG_FORKED -PL_FLAG_CHILD child=C
  [linux] => SIGTRAP event=PTRACE_EVENT_FORK child=C
D: ptrace lwpinfo C
  [old new] => SIGSTOP flags=0 event=PL_EVENT_SIGNAL child=none
  [merged,current] => SIGTRAP flags=PL_FLAG_SCX|PL_FLAG_EXEC
  [linux] => SIGTRAP event=none
D: ptrace lwpinfo C => SIGSTOP`,
			want: `procs R C(R) D
names R C D
5 D: ptrace lwpinfo C => SIGTRAP +PL_FLAG_FORKED -PL_FLAG_CHILD child=C | Op{Actor:D Call:ptrace Target:C Req:lwpinfo} | "": lwpinfo Signal:SIGTRAP Set:PL_FLAG_FORKED Clear:PL_FLAG_CHILD HasChild:true Child:C | linux: lwpinfo Signal:SIGTRAP HasChild:true Child:C HasEvent:true Event:PTRACE_EVENT_FORK
7 D: ptrace lwpinfo C | Op{Actor:D Call:ptrace Target:C Req:lwpinfo} | freebsd-9.0: lwpinfo Signal:SIGSTOP Exact:true HasChild:true HasEvent:true PLEvent:PL_EVENT_SIGNAL EventIsPL:true | freebsd-9.1: lwpinfo Signal:SIGTRAP Exact:true Flags:PL_FLAG_SCX|PL_FLAG_EXEC | freebsd-current: lwpinfo Signal:SIGTRAP Exact:true Flags:PL_FLAG_SCX|PL_FLAG_EXEC | linux: lwpinfo Signal:SIGTRAP HasEvent:true | mikulin-2012: lwpinfo Signal:SIGSTOP Exact:true HasChild:true HasEvent:true PLEvent:PL_EVENT_SIGNAL EventIsPL:true
11 D: ptrace lwpinfo C => SIGSTOP | Op{Actor:D Call:ptrace Target:C Req:lwpinfo} | "": lwpinfo Signal:SIGSTOP`,
		},
		{
			name: "lwpinfo for the designs of the file",
			src:  "title: t\ndesigns: linux\nproc D\nproc C\nD: ptrace lwpinfo C => SIGTRAP event=PTRACE_EVENT_EXEC\n",
			want: `designs [linux]
procs D C
names D C
5 D: ptrace lwpinfo C => SIGTRAP event=PTRACE_EVENT_EXEC | Op{Actor:D Call:ptrace Target:C Req:lwpinfo} | "": lwpinfo Signal:SIGTRAP HasEvent:true Event:PTRACE_EVENT_EXEC`,
		},
		{
			name: "expect lines",
			src: header + `expect parent C is R
expect realparent C is init
expect state C is stopped SIGSTOP
expect state C is zombie # comment
[merged current] expect traced C by D
[linux] expect traced C by none
expect state init is running
expect deadlock
# only comments and blank lines may follow

`,
			want: `procs R C(R) D
names R C D
5 expect parent C is R | Expect{Kind:parent Proc:C Other:R}
6 expect realparent C is init | Expect{Kind:realparent Proc:C Other:init}
7 expect state C is stopped SIGSTOP | Expect{Kind:state Proc:C State:stopped Signal:SIGSTOP}
8 expect state C is zombie | Expect{Kind:state Proc:C State:zombie}
9 [merged current] expect traced C by D | Expect{Designs:[freebsd-9.1 freebsd-current] Kind:traced Proc:C Other:D}
10 [linux] expect traced C by none | Expect{Designs:[linux] Kind:traced Proc:C}
11 expect state init is running | Expect{Kind:state Proc:init State:running}
12 expect deadlock | Expect{Kind:deadlock}`,
		},
		{
			name: "comments and continuation lines",
			src: "title: a # b\n" +
				"about: one # two\n" +
				"about:\n" +
				"cite: man 2 ptrace # section\n" +
				"tags: fork  attach\n" +
				"designs: old,linux\n" +
				"# a comment\n" +
				"   # an indented comment\n" +
				"proc R # the parent\n" +
				"proc C parent R\t\n" +
				"R: kill C SIGCONT # why => not a result\n" +
				"\t=> ok # a comment\n" +
				"\n" +
				"  # between\n" +
				"expect state C is running\n" +
				"  say: a #hash stays\n" +
				"\t[ linux ]   say:   spaced  \n",
			want: `title a # b
about ["one # two" ""]
cites ["man 2 ptrace # section"]
tags [fork attach]
designs [freebsd-9.0 linux]
procs R C(R)
names R C
11 R: kill C SIGCONT | Op{Actor:R Call:kill Target:C Signal:SIGCONT} | "": ok | say: a #hash stays | say[linux]: spaced
15 expect state C is running | Expect{Kind:state Proc:C State:running}`,
		},
		{
			name: "CRLF",
			src:  "title: t\r\nproc R\r\nR: fork => R.1 # c\r\n  say: s\r\n",
			want: `procs R
names R R.1
3 R: fork => R.1 | Op{Actor:R Call:fork Child:R.1} | "": name Name:R.1 | say: s`,
		},
		{
			name: "no proc",
			src:  "title: nothing happens",
			want: `title nothing happens`,
		},
		{
			name: "names use dots and dashes",
			src:  "title: t\nproc _a-b.c\nproc x9 parent _a-b.c\nproc y parent init\n_a-b.c: fork\n",
			want: `procs _a-b.c x9(_a-b.c) y
names _a-b.c x9 y _a-b.c.1
5 _a-b.c: fork | Op{Actor:_a-b.c Call:fork Child:_a-b.c.1}`,
		},
		{
			name: "10000 lines",
			src:  header + strings.Repeat("\n", maxLines-5) + "R: fork\n",
			want: `procs R C(R) D
names R C D R.1
10000 R: fork | Op{Actor:R Call:fork Child:R.1}`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("t", []byte(tc.src))
			if err != nil {
				t.Fatalf("Parse = %v", err)
			}
			if got := dumpFile(f); got != tc.want {
				t.Errorf("Parse =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestParseBad checks the message and position of every kind of error.
func TestParseBad(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		// Lines and the header.
		{"", "t:1:1: the file has no title: line (the header before the first proc line needs one)"},
		{"about: x\nproc R\n", "t:1:1: the file has no title: line (the header before the first proc line needs one)"},
		{header + strings.Repeat("\n", maxLines-3), "t:10001:1: the file has 10001 lines; a scenario holds at most 10000"},
		{"title: t\nfoo: x\n", `t:2:1: unknown header key "foo:"; expected title:, about:, cite:, designs:, tags: or pair: (steps go after the proc lines)`},
		{"title: t\nR: fork\nproc R\n", `t:2:1: unknown header key "R:"; expected title:, about:, cite:, designs:, tags: or pair: (steps go after the proc lines)`},
		{"title: t\ntitle: u\n", "t:2:1: title: given twice (first at line 1)"},
		{"title:   \n", "t:1:10: title: needs a text"},
		{"title: t\ncite:\n", "t:2:6: cite: needs a text"},
		{"title: t\ndesigns: old bsd\n", `t:2:14: unknown design "bsd"; expected a design name or alias (old, new, merged, current, linux)`},
		{"title: t\ndesigns: old,freebsd-9.0\n", "t:2:14: design freebsd-9.0 named twice"},
		{"title: t\ndesigns:\n", "t:2:9: expected design names (old, new, merged, current, linux)"},
		{"title: t\nexpect deadlock\n", "t:2:1: expected a header line (title:, about:, cite:, designs:, tags:) or a proc line"},
		{"title: t\n  => ok\n", "t:2:1: continuation line with no step above it (statements start at column 1)"},
		{header + "title: again\n", "t:5:1: header line title: after the first proc line (header lines go before it)"},
		{header + "tags: fork\n", "t:5:1: unknown process tags (header lines go before the first proc line)"},
		{header + "=> ok\n", "t:5:1: expected a step (ACTOR: CALL), a proc line or an expect line"},
		{header + "R fork\n", "t:5:1: expected a step (ACTOR: CALL), a proc line or an expect line"},
		{header + "R\t: fork\n", "t:5:1: expected a step (ACTOR: CALL), a proc line or an expect line"},

		// proc lines and names.
		{"title: t\nproc\n", "t:2:5: expected a process name after proc"},
		{"title: t\nproc any\n", "t:2:6: any is a reserved word, not a name"},
		{"title: t\nproc init\n", "t:2:6: init is pid 1 and always exists: it is not declared"},
		{"title: t\nproc 9x\n", `t:2:6: "9x" is not a name (names match [A-Za-z_][A-Za-z0-9_.-]*)`},
		{"title: t\nproc C parent R\nproc R\n", "t:2:15: parent R must be declared with proc above this line"},
		{"title: t\nproc C parent C\n", "t:2:15: parent C must be declared with proc above this line"},
		{"title: t\nproc R\nproc R # again\n", "t:3:6: name R given twice (first at line 2)"},
		{"title: t\npair: old new merged current\nproc R\n", "t:2:22: pair: names the one to three designs to show first, not more"},
		{"title: t\ndesigns: old new\npair: old merged\nproc R\n", "t:3:11: pair: names freebsd-9.1, which is not in the designs: list"},
		{"title: t\npair: old\npair: new\nproc R\n", "t:3:1: pair: given twice (first at line 2)"},
		{"title: t\npair: olde\nproc R\n", `t:2:7: unknown design "olde"; expected a design name or alias (old, new, merged, current, linux)`},
		{"title: t\nproc R\nproc C parent none\n", "t:3:15: none is a reserved word, not a name"},
		{"title: t\nproc R\nproc C father R\n", `t:3:8: expected parent, found "father"`},
		{"title: t\nproc R\nproc C parent\n", "t:3:14: expected the parent's name"},
		{"title: t\nproc R\nproc C parent R D\n", `t:3:17: unexpected "D"`},
		{header + "R: fork as C\n", "t:5:12: name C given twice (first at line 3)"},
		{header + "proc R.1\nR: fork\n", "t:6:4: the default child name R.1 is already given at line 5; name the child with as"},
		{header + "R: fork as R.2\nR: fork\n", "t:6:4: the default child name R.2 is already given at line 5; name the child with as"},
		{header + "R: fork\nproc R.1\n", "t:6:6: name R.1 given twice (first at line 5)"},
		{header + "R: fork as\n", "t:5:11: expected the child's name after as"},
		{header + "R: fork as none\n", "t:5:12: none is a reserved word, not a name"},
		{header + "R: fork as init\n", "t:5:12: init is pid 1: no step creates it"},

		// Steps and calls.
		{header + "init: fork\n", "t:5:1: init is never an actor"},
		{header + "any: fork\n", "t:5:1: any is a reserved word, not a name"},
		{header + "9: fork\n", `t:5:1: "9" is not a name (names match [A-Za-z_][A-Za-z0-9_.-]*)`},
		{header + "X: fork\n", "t:5:1: unknown process X (declare it with proc, or name a child with as)"},
		{header + "R:\n", "t:5:3: expected a call after R:"},
		{header + "R: => ok\n", "t:5:4: expected a call after R:"},
		{header + "R: spawn\n", `t:5:4: unknown call "spawn"; expected fork, vfork, rfork, exec, exit, kill, raise, wait, getppid, set, read or ptrace`},
		{header + "R: fork fail\n", "t:5:13: expected an errno name (EAGAIN, ENOENT, ...)"},
		{header + "R: fork fail EWHAT\n", `t:5:14: unknown errno "EWHAT"`},
		{header + "R: fork fail EAGAIN as K\n", "t:5:21: as on fork fail: a failed fork creates no child"},
		{header + "R: fork K\n", `t:5:9: unexpected "K"`},
		{header + "R: rfork\n", "t:5:9: expected rfork flags (RFPROC, RFMEM, RFPPWAIT, RFFDG joined by |)"},
		{header + "R: rfork RFMEM as K\n", "t:5:16: as on an rfork without RFPROC, which creates no process"},
		{header + "R: rfork RFPROC|RFCFDG\n", `t:5:17: unknown rfork flag "RFCFDG"; expected RFPROC, RFMEM, RFPPWAIT or RFFDG`},
		{header + "R: rfork RFPROC||RFMEM\n", `t:5:17: unknown rfork flag ""; expected RFPROC, RFMEM, RFPPWAIT or RFFDG`},
		{header + "C: exec\n", "t:5:8: expected a path after exec"},
		{header + "C: exec /bin/sh fail\n", "t:5:21: expected an errno name (EAGAIN, ENOENT, ...)"},
		{header + "C: exec /bin/sh ENOENT\n", `t:5:17: unexpected "ENOENT"`},
		{header + "C: exit 256\n", "t:5:9: exit status 256 is not from 0 to 255"},
		{header + "C: exit -1\n", "t:5:9: exit status -1 is not from 0 to 255"},
		{header + "C: exit 0x1\n", `t:5:9: expected an exit status from 0 to 255, found "0x1"`},
		{header + "C: exit 99999999999999999999\n", `t:5:9: expected an exit status from 0 to 255, found "99999999999999999999"`},
		{header + "C: exit\n", "t:5:8: expected an exit status from 0 to 255"},
		{header + "R: kill init SIGKILL\n", "t:5:9: init is never a target of kill or ptrace"},
		{header + "D: ptrace attach init\n", "t:5:18: init is never a target of kill or ptrace"},
		{header + "R: kill C\n", "t:5:10: expected a signal name (SIGSTOP, SIGKILL, ...)"},
		{header + "R: kill C 9\n", "t:5:11: signals are written by name (SIGKILL), not by number"},
		{header + "R: raise SIGFOO\n", `t:5:10: unknown signal "SIGFOO"`},
		{header + "R: kill Z SIGKILL\n", "t:5:9: unknown process Z (declare it with proc, or name a child with as)"},
		{header + "R: wait C now\n", `t:5:11: unexpected "now"`},
		{header + "R: wait nohang C\n", `t:5:16: unexpected "C"`},
		{header + "R: wait fail\n", "t:5:9: fail is a reserved word, not a name"},
		{header + "C: set x\n", "t:5:9: expected an integer value"},
		{header + "C: set x 1.5\n", `t:5:10: expected an integer value, found "1.5"`},
		{header + "C: set\n", "t:5:7: expected a variable name"},
		{header + "C: set x -\n", `t:5:10: expected an integer value, found "-"`},
		{header + "C: set ok 1\n", "t:5:8: ok is a reserved word, not a name"},
		{header + "C: read init\n", "t:5:9: init is a reserved word, not a name"},
		{header + "C: getppid now\n", `t:5:12: unexpected "now"`},
		{header + "D: ptrace\n", "t:5:10: expected a ptrace request (traceme, attach, detach, continue, to-sce, to-scx, syscall, kill, follow-fork, follow-exec, events or lwpinfo)"},
		{header + "D: ptrace cont C\n", `t:5:11: unknown ptrace request "cont"; expected traceme, attach, detach, continue, to-sce, to-scx, syscall, kill, follow-fork, follow-exec, events or lwpinfo`},
		{header + "D: ptrace traceme C\n", `t:5:19: unexpected "C"`},
		{header + "D: ptrace attach\n", "t:5:17: expected a process name"},
		{header + "D: ptrace continue C none\n", `t:5:22: unknown signal "none"`},
		{header + "D: ptrace follow-fork C\n", "t:5:24: expected on or off"},
		{header + "D: ptrace follow-exec C yes\n", `t:5:25: expected on or off, found "yes"`},
		{header + "D: ptrace events C\n", "t:5:19: expected event names (exec, fork, vfork, sce, scx or lwp), none, or +NAME -NAME"},
		{header + "D: ptrace events C fork -exec\n", `t:5:25: "-exec": the two forms of ptrace events do not mix (NAME... sets the mask, +NAME -NAME... edits it)`},
		{header + "D: ptrace events C +fork exec\n", `t:5:26: "exec": the two forms of ptrace events do not mix (NAME... sets the mask, +NAME -NAME... edits it)`},
		{header + "D: ptrace events C fork clone\n", `t:5:25: unknown event "clone"; expected exec, fork, vfork, sce, scx or lwp (none stands alone)`},
		{header + "D: ptrace events C fork none\n", `t:5:25: unknown event "none"; expected exec, fork, vfork, sce, scx or lwp (none stands alone)`},
		{header + "D: ptrace events C none exec\n", `t:5:25: unexpected "exec"`},
		{header + "D: ptrace events C +fork -fork\n", "t:5:26: event fork both added and removed"},
		{header + "D: ptrace lwpinfo C C\n", `t:5:21: unexpected "C"`},
		{header + "R: fork\t# a tab is no comment\n", `t:5:9: unexpected "#"`},

		// Continuation lines.
		{header + "proc E\n  say: s\n", "t:6:1: continuation line with no step above it (statements start at column 1)"},
		{header + "R: fork\n  hello\n", "t:6:3: expected => RESULT or say: TEXT"},
		{header + "R: fork\n  [old] hello\n", "t:6:9: expected => RESULT or say: TEXT"},
		{header + "R: fork\n  say:\n", "t:6:3: say: needs a text"},
		{header + "R: fork\n  [old\n", "t:6:3: missing ] after the design names"},
		{header + "R: fork\n  [] => ok\n", "t:6:4: expected design names (old, new, merged, current, linux)"},
		{header + "R: fork\n  [old freebsd] => ok\n", `t:6:8: unknown design "freebsd"; expected a design name or alias (old, new, merged, current, linux)`},
		{header + "R: fork\n  [old old] => ok\n", "t:6:8: design freebsd-9.0 named twice"},
		{header + "R: fork => ok\n  => ok\n", "t:6:3: the step already has an inline => result; a plain => line cannot go with it (name designs in [ ])"},
		{header + "R: fork\n  => ok\n  => R.1\n", "t:7:3: the step already has a plain => result at line 6"},
		{header + "R: fork\n  [old new] => ok\n  [linux,new] => ok\n", "t:7:10: design mikulin-2012 already has a result for this step at line 6"},
		{header + "R: fork =>\n", "t:5:9: expected a result after =>"},
		{header + "R: fork\n  => # nothing\n", "t:6:3: expected a result after =>"},

		// Results.
		{header + "R: fork => ok fine\n", `t:5:15: unexpected "fine" after ok`},
		{header + "R: fork => blocks ok\n", `t:5:19: unexpected "ok" after blocks`},
		{header + "R: kill C SIGSTOP => C stopped SIGSTOP\n", "t:5:22: a NAME stopped ... result applies only to wait, not to kill"},
		{header + "R: wait C => C stoped SIGSTOP\n", "t:5:16: unknown word \"stoped\" in a wait report; did you mean \"stopped\" (NAME stopped ...)?"},
		{header + "R: wait C => C exitted 0\n", "t:5:16: unknown word \"exitted\" in a wait report; did you mean \"exited\" (NAME exited ...)?"},
		{header + "R: wait C => C stopped\n", "t:5:23: expected a signal name after stopped"},
		{header + "R: wait C => C exited\n", "t:5:22: expected an exit status after exited"},
		{header + "R: wait C => C exited 256\n", `t:5:23: expected an exit status from 0 to 255, found "256"`},
		{header + "R: wait C => C killed 9\n", "t:5:23: signals are written by name (SIGKILL), not by number"},
		{header + "R: wait C => C exited 0 now\n", `t:5:25: unexpected "now"`},
		{header + "R: wait C => D exited 0\n", "t:5:14: wait C reports only C, not D"},
		{header + "R: wait => Z exited 0\n", "t:5:12: unknown process Z (declare it with proc, or name a child with as)"},
		{header + "R: wait => any exited 0\n", "t:5:12: any is a reserved word, not a name"},
		{header + "R: getppid => 5\n", "t:5:15: a number result applies only to read (and 0 to wait), not to getppid"},
		{header + "R: wait => 1\n", "t:5:12: a number result applies only to read (and 0 to wait), not to wait"},
		{header + "C: read x => 99999999999999999999\n", "t:5:14: number 99999999999999999999 is out of range"},
		{header + "R: kill C SIGKILL => 0\n", "t:5:22: a number result applies only to read (and 0 to wait), not to kill"},
		{header + "R: kill C SIGKILL => C\n", "t:5:22: a NAME result applies only to fork, vfork, rfork or getppid, not to kill"},
		{header + "R: fork fail EAGAIN => C\n", "t:5:24: a NAME result applies only to fork, vfork, rfork or getppid, not to fork fail"},
		{header + "R: fork => C\n", "t:5:12: the child of this fork is R.1, not C"},
		{header + "R: rfork RFMEM => C\n", "t:5:19: a NAME result needs a child, and an rfork without RFPROC creates none"},
		{header + "R: fork => Q\n", `t:5:12: "Q" is neither a process of this file nor an errno`},
		{header + "R: fork => ?\n", `t:5:12: unexpected result "?"; expected ok, blocks, ERRNO, NAME, NAME exited N, a number or lwpinfo tokens`},
		{header + "R: fork => EAGAIN x\n", `t:5:19: unexpected "x" after EAGAIN`},
		{header + "D: ptrace attach C => SIGSTOP\n", "t:5:23: a SIGNAL TOKEN... result applies only to ptrace lwpinfo, not to ptrace attach"},
		{header + "D: ptrace lwpinfo C => SIGTRAP +PL_FLAG_SCX\n", "t:5:32: +PL_FLAG_SCX is for FreeBSD designs, but this expectation applies to linux (give [linux] and the FreeBSD designs separate [DESIGNS] => lines)"},
		{header + "D: ptrace lwpinfo C\n  [linux] => SIGTRAP flags=0\n", "t:6:22: flags=0 is for FreeBSD designs, but this expectation applies to linux"},
		{header + "D: ptrace lwpinfo C\n  [linux] => SIGTRAP event=PL_EVENT_NONE\n", "t:6:22: event=PL_EVENT_NONE is for FreeBSD designs, but this expectation applies to linux"},
		{header + "D: ptrace lwpinfo C\n  [linux current] => SIGTRAP event=PTRACE_EVENT_EXEC\n", "t:6:30: event=PTRACE_EVENT_EXEC is for linux, but this expectation applies to freebsd-current"},
		{header + "D: ptrace lwpinfo C => SIGTRAP event=none\n  [linux] => SIGTRAP\n", "t:5:32: event=none is for linux, but this expectation applies to freebsd-9.0 (give [linux] and the FreeBSD designs separate [DESIGNS] => lines)"},
		{"title: t\ndesigns: merged linux\nproc D\nproc C\nD: ptrace lwpinfo C => SIGTRAP -PL_FLAG_CHILD\n", "t:5:32: -PL_FLAG_CHILD is for FreeBSD designs, but this expectation applies to linux (give [linux] and the FreeBSD designs separate [DESIGNS] => lines)"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP +PL_FLAG_FOO\n", `t:6:20: unknown pl_flags name "PL_FLAG_FOO"`},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP flags=PL_FLAG_EXEC|PL_FLAG_FOO\n", `t:6:39: unknown pl_flags name "PL_FLAG_FOO" (flags= takes PL_FLAG_A|PL_FLAG_B or 0)`},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP +PL_FLAG_SCX -PL_FLAG_SCX\n", "t:6:33: PL_FLAG_SCX both set and cleared"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP +PL_FLAG_SCX flags=0\n", "t:6:33: flags= does not mix with +PL_FLAG_X and -PL_FLAG_X"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP flags=0 -PL_FLAG_SCX\n", "t:6:28: -PL_FLAG_SCX does not mix with flags="},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP flags=0 flags=0\n", "t:6:28: flags= given twice"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP child=none child=C\n", "t:6:31: child= given twice"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP event=PL_EVENT_NONE event=PL_EVENT_NONE\n", "t:6:40: event= given twice"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP child=Z\n", "t:6:26: unknown process Z (declare it with proc, or name a child with as)"},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP event=PL_EVENT_STOP\n", `t:6:26: unknown event "PL_EVENT_STOP"; expected PL_EVENT_NONE or PL_EVENT_SIGNAL (FreeBSD), PTRACE_EVENT_FORK, _VFORK, _CLONE, _EXEC, _VFORK_DONE, _EXIT or none (linux)`},
		{header + "D: ptrace lwpinfo C\n  [old] => SIGTRAP pl_flags\n", `t:6:20: unknown lwpinfo token "pl_flags"; expected +PL_FLAG_X, -PL_FLAG_X, flags=..., child=... or event=...`},

		// expect lines.
		{header + "expect deadlock\nR: fork\n", "t:5:8: expect deadlock must be the last statement of the file"},
		{header + "R: fork\nexpect deadlock\n  say: why\n", "t:6:8: expect deadlock must be the last statement of the file"},
		{header + "expect\n", "t:5:7: expected parent, realparent, state, traced or deadlock"},
		{header + "expect alive C\n", `t:5:8: unknown expect "alive"; expected parent, realparent, state, traced or deadlock`},
		{header + "expect state C is dead\n", `t:5:19: unknown state "dead"; expected running, stopped, blocked, zombie, reaped`},
		{header + "expect state C is zombie SIGSTOP\n", "t:5:26: a signal goes only with state stopped"},
		{header + "expect state C is stopped SIGNOPE\n", `t:5:27: unknown signal "SIGNOPE"`},
		{header + "expect state C\n", "t:5:15: expected is"},
		{header + "expect parent C of R\n", `t:5:17: expected is, found "of"`},
		{header + "expect parent C is\n", "t:5:19: expected a process name"},
		{header + "expect realparent none is R\n", "t:5:19: none is a reserved word, not a name"},
		{header + "expect parent C is R.1\n", "t:5:20: unknown process R.1 (declare it with proc, or name a child with as)"},
		{header + "expect traced C of D\n", `t:5:17: expected by, found "of"`},
		{header + "expect traced any by D\n", "t:5:15: any is a reserved word, not a name"},
		{header + "expect state as is running\n", "t:5:14: as is a reserved word, not a name"},
		{header + "expect state C is\n", "t:5:18: expected a state (running, stopped, blocked, zombie, reaped)"},
		{header + "expect traced C by\n", "t:5:19: expected a process name"},
		{header + "expect traced C by D E\n", `t:5:22: unexpected "E"`},
		{header + "expect state Z is running\n", "t:5:14: unknown process Z (declare it with proc, or name a child with as)"},
		{header + "expect deadlock now\n", `t:5:17: unexpected "now"`},
		{header + "[old] R: fork\n", "t:5:7: expected expect after [DESIGNS] (=> and say: lines are indented under their step)"},
		{header + "[old]\n", "t:5:6: expected expect after [DESIGNS] (=> and say: lines are indented under their step)"},
		{header + "[bsd] expect deadlock\n", `t:5:2: unknown design "bsd"; expected a design name or alias (old, new, merged, current, linux)`},

		// Positions count runes, not bytes.
		{"title: ünïcode\nproc R\nR: fork => ünknown\n", `t:3:12: unexpected result "ünknown"; expected ok, blocks, ERRNO, NAME, NAME exited N, a number or lwpinfo tokens`},
		{"title: t\nproc R\nR: exec /bïn/sh ENOENT\n", `t:3:17: unexpected "ENOENT"`},
	} {
		_, err := Parse("t", []byte(tc.src))
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want %s", short(tc.src), tc.want)
			continue
		}
		if _, ok := err.(*Error); !ok {
			t.Errorf("Parse(%q) error is a %T, want *Error", short(tc.src), err)
		}
		if got := err.Error(); got != tc.want {
			t.Errorf("Parse(%q):\n got %s\nwant %s", short(tc.src), got, tc.want)
		}
	}
}

// short returns src, or its start if it is long.
func short(src string) string {
	if len(src) > 200 {
		return src[:200] + "..."
	}
	return src
}

// dumpFile renders what a test compares of a File: the header fields that are set,
// the procs (with their parents), the names, and one line an item.
func dumpFile(f *File) string {
	var lines []string
	add := func(key string, v any, set bool) {
		if set {
			lines = append(lines, fmt.Sprintf("%s %v", key, v))
		}
	}
	add("title", f.Title, f.Title != "t")
	add("about", fmt.Sprintf("%q", f.About), f.About != nil)
	add("cites", fmt.Sprintf("%q", f.Cites), f.Cites != nil)
	add("tags", f.Tags, f.Tags != nil)
	add("designs", f.Designs, f.Designs != nil)
	var procs []string
	for _, p := range f.Procs {
		if p.Parent != "" {
			p.Name += "(" + p.Parent + ")"
		}
		procs = append(procs, p.Name)
	}
	add("procs", strings.Join(procs, " "), procs != nil)
	add("names", strings.Join(f.Names, " "), f.Names != nil)
	for _, it := range f.Items {
		lines = append(lines, dumpItem(it))
	}
	return strings.Join(lines, "\n")
}

// dumpItem renders a step or an expect line on one line.
func dumpItem(it Item) string {
	switch it := it.(type) {
	case *Step:
		parts := []string{fmt.Sprintf("%d %s", it.Pos.Line, it.Source), "Op{" + nonZero(it.Op) + "}"}
		var keys []string
		for k := range it.Results {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			r := it.Results[k]
			key := k
			if k == "" {
				key = `""`
			}
			parts = append(parts, strings.TrimSpace(fmt.Sprintf("%s: %s %s", key, kindNames[r.Kind], nonZero(*r, "Pos", "Text", "Kind"))))
		}
		for _, s := range it.Says {
			ds := ""
			if s.Designs != nil {
				ds = "[" + strings.Join(s.Designs, " ") + "]"
			}
			parts = append(parts, fmt.Sprintf("say%s: %s", ds, s.Text))
		}
		return strings.Join(parts, " | ")
	case *Expect:
		return fmt.Sprintf("%d %s | Expect{%s}", it.Pos.Line, it.Source, nonZero(*it, "Pos", "Source"))
	}
	return fmt.Sprintf("%T", it)
}

// kindNames names the result kinds in dumps.
var kindNames = map[ResultKind]string{
	ResOK: "ok", ResErrno: "errno", ResName: "name", ResStopped: "stopped", ResExited: "exited",
	ResKilled: "killed", ResZero: "zero", ResValue: "value", ResLwpinfo: "lwpinfo", ResBlocks: "blocks",
}

// expectNames names the expect kinds in dumps.
var expectNames = map[ExpectKind]string{
	ExpParent: "parent", ExpRealParent: "realparent", ExpState: "state", ExpTraced: "traced", ExpDeadlock: "deadlock",
}

// reqNames names the ptrace requests in dumps as the language writes them.
var reqNames = map[sim.Req]string{
	sim.PTTraceMe: "traceme", sim.PTAttach: "attach", sim.PTDetach: "detach", sim.PTContinue: "continue",
	sim.PTToSCE: "to-sce", sim.PTToSCX: "to-scx", sim.PTSyscall: "syscall", sim.PTKill: "kill",
	sim.PTFollowFork: "follow-fork", sim.PTFollowExec: "follow-exec", sim.PTSetEvents: "events",
	sim.PTEditEvents: "events+-", sim.PTLwpinfo: "lwpinfo",
}

// nonZero renders the fields of struct v that are not zero, but those named in skip,
// as Name:value.
func nonZero(v any, skip ...string) string {
	rv := reflect.ValueOf(v)
	var parts []string
	for i := 0; i < rv.NumField(); i++ {
		name, fv := rv.Type().Field(i).Name, rv.Field(i)
		if fv.IsZero() || slices.Contains(skip, name) {
			continue
		}
		var s string
		switch x := fv.Interface().(type) {
		case sim.Req:
			s = reqNames[x]
		case ExpectKind:
			s = expectNames[x]
		case sim.EventMask:
			s = fmt.Sprintf("%#x", uint32(x))
		case uint32:
			s = fmt.Sprintf("%#x", x)
		default:
			s = fmt.Sprint(x)
		}
		parts = append(parts, name+":"+s)
	}
	return strings.Join(parts, " ")
}

// TestParsePair: pair: names the designs to show first, in order, by name or alias.
func TestParsePair(t *testing.T) {
	f, err := Parse("t", []byte("title: t\ndesigns: old new merged\npair: merged, old\nproc R\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"freebsd-9.1", "freebsd-9.0"}; !slices.Equal(f.Pair, want) {
		t.Errorf("Pair = %q, want %q", f.Pair, want)
	}
}
