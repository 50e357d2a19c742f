//go:build linux

package scenarios

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// This file reads what the Linux differential test needs to know about a real
// process from /proc: whether it runs, sleeps in a call (and which), is stopped
// (for its tracer, 't', or by job control, 'T'), is a zombie or is gone, and who
// its parent and tracer are. The test never decides anything by waiting for a
// while: it reads these files until they say that every process has settled.

// sysnos are the system call numbers the test recognises in /proc/PID/syscall.
type sysnos struct {
	read, wait4, vfork, clone, poll, ppoll, execve int64
}

// linuxSyscalls returns the numbers for this machine, or false on an architecture
// the test does not know.
func linuxSyscalls() (sysnos, bool) {
	switch runtime.GOARCH {
	case "amd64":
		return sysnos{read: 0, wait4: 61, vfork: 58, clone: 56, poll: 7, ppoll: 271, execve: 59}, true
	case "arm64":
		// arm64 has no vfork or poll: glibc makes vfork a clone(CLONE_VFORK|CLONE_VM).
		return sysnos{read: 63, wait4: 260, vfork: -2, clone: 220, poll: -2, ppoll: 73, execve: 221}, true
	}
	return sysnos{}, false
}

// procStat is what /proc/PID/stat and /proc/PID/syscall say about a process.
type procStat struct {
	exists bool
	state  byte   // R S D T t Z X (I for idle kernel threads, never ours)
	ppid   int    // real_parent
	start  uint64 // starttime: tells a process from a later one with the same pid
	// From /proc/PID/syscall, read for a process that sleeps or is stopped. The
	// kernel answers it only once the process is off the CPU and off the run queue
	// (task_current_syscall() → wait_task_inactive()), so a stopped process that is
	// still on its way to sleep, and still has its tracer to wake, reads as not
	// inactive: that is what makes the read a barrier.
	inactive bool
	sysno    int64  // the system call it sleeps in, -1 if none
	arg0     int64  // its first argument
	arg5     uint64 // its sixth: the actor's MARK for a call a step names
}

// readStat reads /proc/PID/stat, and /proc/PID/syscall when the process sleeps or
// is stopped.
func readStat(pid int) (procStat, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ESRCH) {
			return procStat{}, nil
		}
		return procStat{}, err
	}
	st, err := parseStat(b)
	if err != nil {
		return st, err
	}
	st.sysno = -1
	switch st.state {
	case 'S', 'D', 't', 'T':
		st.sysno, st.arg0, st.arg5, st.inactive = readSyscall(pid)
	}
	return st, nil
}

// parseStat parses the fields after the command name, which may hold any byte.
func parseStat(b []byte) (procStat, error) {
	i := bytes.LastIndexByte(b, ')')
	if i < 0 || i+2 >= len(b) {
		return procStat{}, errors.New("short /proc stat")
	}
	f := strings.Fields(string(b[i+2:]))
	// f[0] is field 3 (state); field N is f[N-3].
	if len(f) < 20 {
		return procStat{}, errors.New("short /proc stat")
	}
	st := procStat{exists: true, state: f[0][0]}
	st.ppid, _ = strconv.Atoi(f[1])
	st.start, _ = strconv.ParseUint(f[19], 10, 64)
	return st, nil
}

// readSyscall returns the call an inactive process is in (-1: none), its first and
// sixth arguments; inactive is false when the process runs or changed state
// meanwhile.
func readSyscall(pid int) (nr, arg int64, arg5 uint64, inactive bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/syscall")
	if err != nil {
		return -1, 0, 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 || f[0] == "running" {
		return -1, 0, 0, false
	}
	nr, err = strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return -1, 0, 0, false
	}
	if nr >= 0 && len(f) > 1 {
		arg, _ = strconv.ParseInt(strings.TrimPrefix(f[1], "0x"), 16, 64)
	}
	if nr >= 0 && len(f) > 6 {
		arg5, _ = strconv.ParseUint(strings.TrimPrefix(f[6], "0x"), 16, 64)
	}
	return nr, arg, arg5, true
}

// procStatus is what the test reads from /proc/PID/status.
type procStatus struct {
	tracer  int    // TracerPid (0: not traced, or gone)
	pending uint64 // SigPnd | ShdPnd: signal n is bit n-1
	blocked uint64 // SigBlk
}

// readStatus reads /proc/PID/status.
func readStatus(pid int) procStatus {
	var st procStatus
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return st
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "TracerPid":
			st.tracer, _ = strconv.Atoi(v)
		case "SigPnd", "ShdPnd":
			n, _ := strconv.ParseUint(v, 16, 64)
			st.pending |= n
		case "SigBlk":
			st.blocked, _ = strconv.ParseUint(v, 16, 64)
		}
	}
	return st
}

// inSignalDelivery reports whether /proc/PID/stack (root only) shows the stopped
// process in get_signal(): stopped for a signal (or a group-stop), not at a
// syscall-stop. False when the stack cannot be read.
func inSignalDelivery(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stack")
	return err == nil && bytes.Contains(b, []byte(" get_signal+"))
}

// readTracer returns TracerPid from /proc/PID/status (0: not traced or gone).
func readTracer(pid int) int { return readStatus(pid).tracer }

// lastPid returns the last pid the kernel handed out in this pid namespace.
func lastPid() int {
	b, err := os.ReadFile("/proc/sys/kernel/ns_last_pid")
	if err != nil {
		return -1
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}

// pidMax returns /proc/sys/kernel/pid_max.
func pidMax() int {
	b, err := os.ReadFile("/proc/sys/kernel/pid_max")
	if err != nil {
		return 1 << 22
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}

// allPids lists the pids under /proc.
func allPids() []int {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var pids []int
	for _, e := range ents {
		if n, err := strconv.Atoi(e.Name()); err == nil {
			pids = append(pids, n)
		}
	}
	return pids
}
