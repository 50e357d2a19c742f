//go:build linux

package scenarios

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"forklab/sim"
)

// The Linux differential test holds the linux design to the real kernel of this
// machine: it runs scenarios for real, one real process per scenario process
// (testdata/linuxactor/actor.c, built with the machine's C compiler), records what
// the kernel answered and compares it with what the model predicts, step by step.
// How a run is driven is in linuxkernel_driver_test.go, how it is compared in
// linuxkernel_compare_test.go.
//
// It needs a C compiler (`cc`) and permission to trace: CAP_SYS_PTRACE (a tracer
// here attaches to processes that are not its descendants) and a Yama setting
// below 3; CAP_SETUID, to make a fork fail with EAGAIN through RLIMIT_NPROC. It
// skips, saying which is missing, unless FORKLAB_REQUIRE_LINUX=1.

var (
	linuxSeeds = flag.Int("linux.seeds", 300, "random scenarios in TestLinuxKernelRandom")
	linuxFirst = flag.Int("linux.first", 1, "the first seed of TestLinuxKernelRandom")
	linuxAll   = flag.Bool("linux.all", false, "TestLinuxKernelRandom: report every failing seed, not minimised, instead of stopping at the first")
	linuxFile  = flag.String("linux.file", "", "TestLinuxKernelFile: a scenario file (a path from scenarios/, or absolute) to run on the kernel and compare, with the report printed")
)

// linuxEnv builds the actor and checks that the test can run here.
func linuxEnv(t *testing.T) *kernelEnv {
	t.Helper()
	skip := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if os.Getenv("FORKLAB_REQUIRE_LINUX") == "1" {
			t.Fatalf("%s (FORKLAB_REQUIRE_LINUX=1)", msg)
		}
		t.Skip(msg)
	}
	nr, ok := linuxSyscalls()
	if !ok {
		skip("the Linux differential test knows no system call numbers for this architecture")
	}
	cc, err := exec.LookPath("cc")
	if err != nil {
		skip("no C compiler: cc is not in PATH (%v)", err)
	}
	for _, c := range []struct {
		bit  uint
		name string
	}{{19, "CAP_SYS_PTRACE"}, {7, "CAP_SETUID"}} {
		if !hasCap(c.bit) {
			skip("ptrace is not permitted as the test needs it: no %s in the effective capability set", c.name)
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/yama/ptrace_scope"); err == nil {
		if n, _ := strconv.Atoi(strings.TrimSpace(string(b))); n >= 3 {
			skip("ptrace is not permitted: kernel.yama.ptrace_scope is %d", n)
		}
	}
	dir := t.TempDir()
	actor := filepath.Join(dir, "forklab-actor")
	src := filepath.Join("testdata", "linuxactor", "actor.c")
	args := []string{"-O1", "-Wall", "-o", actor, src}
	if runtime.GOARCH == "amd64" {
		// The actor's own vfork (marked_vfork) keeps no shadow stack.
		args = append(args, "-fcf-protection=none")
	}
	if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		t.Fatalf("cc %s: %v\n%s", src, err, out)
	}
	out, err := exec.Command(actor, "probe").Output()
	if err != nil {
		t.Fatalf("%s probe: %v", actor, err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 || f[0] != "probe" {
		t.Fatalf("%s probe: unexpected answer %q", actor, out)
	}
	if n, _ := strconv.Atoi(f[1]); n != 0 {
		skip("ptrace is not permitted: PTRACE_ATTACH of a child fails with %s", errnoText(syscall.Errno(n)))
	}
	// The files a failing exec uses (kernelEnv.execFailPath).
	if err := os.WriteFile(filepath.Join(dir, "not-executable"), []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "not-a-program"), []byte{0, 1, 2, 3, 'j', 'u', 'n', 'k'}, 0o755); err != nil {
		t.Fatal(err)
	}
	return &kernelEnv{actor: actor, dir: dir, nr: nr, bogusPid: 1<<30 - 1}
}

// hasCap reports whether the effective capability set has bit.
func hasCap(bit uint) bool {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "CapEff:"); ok {
			n, err := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			return err == nil && n&(1<<bit) != 0
		}
	}
	return false
}

// kernelAttempts bounds the runs of one scenario when the kernel takes an order
// the model does not ("Orders the kernel leaves to the scheduler" in
// linuxkernel_compare_test.go): each attempt is compared up to that point,
// and the scenario is run again in the hope that the kernel takes the model's
// order and the rest can be compared too.
const kernelAttempts = 4

// unsupported says why the test cannot run f on the kernel, or "".
//
// PTRACE_SYSCALL stops a tracee at every system call, the actor's own too: its
// reads of commands, its writes of results, the loader's calls after an exec. The
// actor tells the calls a step names by a mark (MARK in actor.c, in the sixth
// argument register), which it can set only on amd64; its tracer resumes a stop
// at any other call at once, unseen ("Hidden syscall-stops" in
// linuxkernel_driver_test.go).
func unsupported(f *File) string {
	if runtime.GOARCH == "amd64" {
		return ""
	}
	for _, s := range f.Steps() {
		if s.Op.Call == sim.CallPtrace && s.Op.Req == sim.PTSyscall {
			return fmt.Sprintf("line %d: PTRACE_SYSCALL: the actor marks the calls a step names on amd64 only, not %s", s.Pos.Line, runtime.GOARCH)
		}
	}
	return ""
}

// differ runs f on the kernel and in the model and compares them. It returns the
// comparison of the last attempt, and a report of it.
func differ(env *kernelEnv, f *File) (*comparison, string, error) {
	if why := unsupported(f); why != "" {
		return nil, "", errors.New("cannot run on the kernel: " + why)
	}
	m := runModel(f)
	if m.err != nil {
		return nil, "", m.err
	}
	var c *comparison
	var rep string
	var earlier []string
	for attempt := 1; attempt <= kernelAttempts; attempt++ {
		r, err := runOnKernel(env, f)
		if err != nil {
			return nil, "", err
		}
		c = compare(f, m, r)
		rep = report(f, m, r, c)
		if c.failed() || c.open == nil {
			break
		}
		earlier = append(earlier, c.open.text)
	}
	if c.open == nil {
		c.retried = earlier
	} else {
		c.retried = earlier[:len(earlier)-1]
	}
	return c, rep, nil
}

// TestLinuxKernelLibrary runs every library scenario that lists linux on the real
// kernel and holds the linux design to it.
func TestLinuxKernelLibrary(t *testing.T) {
	env := linuxEnv(t)
	n := 0
	for _, e := range loadLibrary(t) {
		if !e.File.ForDesign(kernelDesign) {
			continue
		}
		n++
		t.Run(e.Path, func(t *testing.T) {
			if why := unsupported(e.File); why != "" {
				t.Skip(why)
			}
			c, rep, err := differ(env, e.File)
			if err != nil {
				t.Fatal(err)
			}
			if c.failed() {
				t.Fatalf("the linux design and the kernel differ:\n%s", rep)
			}
			logComparison(t, c)
		})
	}
	if n == 0 {
		t.Fatal("no library scenario lists linux")
	}
}

func logComparison(t *testing.T, c *comparison) {
	t.Helper()
	t.Logf("%d values and %d process states compared", c.compared, c.states)
	for _, o := range c.retried {
		t.Logf("ran again after the kernel took an order the model does not: %s", o)
	}
	if c.open != nil {
		t.Logf("accepted an order the scheduler decides in every run, and compared up to it: %s", c.open.text)
	}
	if c.cut != "" {
		t.Logf("compared up to a hidden syscall-stop the tracer could not hide: %s", c.cut)
	}
	for _, s := range c.skipped {
		t.Logf("not compared: %s", s)
	}
}

// TestLinuxKernelFile runs the scenario file -linux.file (a minimised failure, say)
// on the kernel and prints the comparison side by side, whatever its outcome.
func TestLinuxKernelFile(t *testing.T) {
	if *linuxFile == "" {
		t.Skip("no -linux.file")
	}
	env := linuxEnv(t)
	src, err := os.ReadFile(*linuxFile)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(filepath.Base(*linuxFile), src)
	if err != nil {
		t.Fatal(err)
	}
	c, rep, err := differ(env, f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep)
	logComparison(t, c)
	if c.failed() {
		t.Fail()
	}
}

// TestLinuxKernelRandom runs random scenarios that keep running under the linux
// design (GenerateLive) on the real kernel. A failure prints the seed and a
// minimised scenario that still shows a difference.
func TestLinuxKernelRandom(t *testing.T) {
	env := linuxEnv(t)
	start := time.Now()
	open, partial, values, states, cut, withSyscall, syscalls := 0, 0, 0, 0, 0, 0, 0
	failed := 0
	for seed := uint64(*linuxFirst); seed < uint64(*linuxFirst+*linuxSeeds); seed++ {
		gp := linuxGenParams(seed)
		src := GenerateLive(seed, gp, kernelDesign)
		f, err := Parse("random.txt", []byte(src))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		c, rep, err := differ(env, f)
		if err != nil {
			t.Fatalf("seed %d: %v\nscenario:\n%s", seed, err, src)
		}
		if c.failed() && *linuxAll {
			t.Errorf("seed %d: the linux design and the kernel differ:\n%s\nscenario:\n%s", seed, rep, src)
			if failed++; failed >= 20 {
				t.FailNow()
			}
			continue
		}
		if c.failed() {
			min := minimise(src, func(s string) bool {
				f, err := Parse("random.txt", []byte(s))
				if err != nil {
					return false
				}
				c, _, err := differ(env, f)
				return err == nil && c.failed()
			})
			mf, _ := Parse("random.txt", []byte(min))
			_, mrep, _ := differ(env, mf)
			t.Fatalf("seed %d: the linux design and the kernel differ:\n%s\nminimised scenario (seed %d):\n%s\n%s", seed, rep, seed, min, mrep)
		}
		values += c.compared
		states += c.states
		if c.syscalls > 0 {
			withSyscall++
			syscalls += c.syscalls
		}
		if c.cut != "" {
			cut++
			if testing.Verbose() {
				t.Logf("seed %d: compared up to a hidden syscall-stop the tracer could not hide: %s", seed, c.cut)
			}
		}
		if c.open != nil || len(c.retried) > 0 {
			open++
		}
		if c.open != nil {
			partial++
			t.Logf("seed %d: compared up to an order the scheduler decided in every run: %s", seed, c.open.text)
		}
	}
	t.Logf("%d seeds in %v: %d values and %d process states compared; %d scenarios met an order the scheduler decides, %d of them compared only up to it; %d PTRACE_SYSCALL resumes compared in %d scenarios; %d scenarios compared only up to a hidden syscall-stop the tracer could not hide",
		*linuxSeeds, time.Since(start).Round(time.Millisecond), values, states, open, partial, syscalls, withSyscall, cut)
}

// linuxGenParams shapes the random scenario of seed. Every other seed also draws
// PT_TO_SCE, PT_TO_SCX (EIO on linux) and PTRACE_SYSCALL, which GenParams.Linux
// leaves out with the calls only FreeBSD has (on other architectures than amd64
// the test cannot run PTRACE_SYSCALL: see unsupported).
func linuxGenParams(seed uint64) GenParams {
	gp := GenParams{Procs: 2 + int(seed%3), Steps: 10 + int(seed%30), Linux: true}
	if seed%2 == 0 && runtime.GOARCH == "amd64" {
		gp.Linux, gp.Mix = false, linuxSyscallMix
	}
	return gp
}

// linuxSyscallMix is DefaultMix without what only FreeBSD has (rfork, event
// masks), with the syscall kind weighed up.
var linuxSyscallMix = func() map[string]int {
	m := maps.Clone(DefaultMix)
	delete(m, "rfork")
	delete(m, "events")
	m["syscall"] = 24
	m["continue"] = 3
	m["attach"] = 8
	m["wait"] = 8
	return m
}()

// TestLinuxKernelOpenOrder checks the comparison's one allowance (openOrder) on a
// real run of the case the kernel leaves to the scheduler: a tracer sleeps in
// `wait any` while its tracee makes a followed fork, so the parent's
// PTRACE_EVENT_FORK stop and the new child's first SIGSTOP both wake it. The
// kernel's two answers are swapped, as they would be had the child stopped first:
// the comparison must accept that order. A result that no process made reportable
// in that step must still be a difference.
func TestLinuxKernelOpenOrder(t *testing.T) {
	env := linuxEnv(t)
	f, err := Parse("open-order.txt", []byte(`title: a tracer sleeps in wait while its tracee forks
proc D
proc P
D: ptrace attach P
D: wait P
D: ptrace follow-fork P on
D: ptrace continue P
D: wait any
P: fork as C
D: wait any
`))
	if err != nil {
		t.Fatal(err)
	}
	m := runModel(f)
	r, err := runOnKernel(env, f)
	if err != nil {
		t.Fatal(err)
	}
	c := compare(f, m, r)
	if c.failed() {
		t.Fatalf("the kernel's own run differs:\n%s", report(f, m, r, c))
	}
	first, second := &r.k[4], &r.k[6] // the two `wait any` steps
	if !first.got || !second.got {
		t.Fatalf("the waits did not return:\n%s", report(f, m, r, c))
	}
	first.ret, second.ret = second.ret, first.ret
	first.extra, second.extra = second.extra, first.extra
	swapped := compare(f, m, r)
	if swapped.failed() || (c.open == nil) == (swapped.open == nil) {
		t.Fatalf("the other order is not accepted (open order before the swap: %v):\n%s", c.open, report(f, m, r, swapped))
	}
	first.ret, first.extra = int64(r.byName["P"].pid), []int64{3 << 8} // P exited 3: never so
	if bogus := compare(f, m, r); !bogus.failed() {
		t.Fatalf("a wait result no process made reportable is accepted:\n%s", report(f, m, r, bogus))
	}
}
