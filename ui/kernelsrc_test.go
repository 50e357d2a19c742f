package ui

import (
	"testing"

	"forklab/scenarios"
	"forklab/sim"
)

// TestSourceFiles checks that the narration can name a source file for every
// kernel function that sim reports, in every library scenario under every
// design.
// Reference: ptrace-semantics.md §5 "Where the functions live".
func TestSourceFiles(t *testing.T) {
	lib, err := scenarios.Library()
	if err != nil {
		t.Fatal(err)
	}
	missing := map[string]bool{}
	for _, e := range lib {
		for _, d := range sim.Designs() {
			r := scenarios.Execute(e.File, d, scenarios.Options{})
			for _, fr := range r.Frames {
				for _, ev := range fr.Events {
					fn := ev.Common().Func
					if sourceFile(fn, d.Linux()) == "" && !missing[d.Short()+" "+fn] {
						missing[d.Short()+" "+fn] = true
						t.Errorf("%s under %s: no source file for %s", e.Path, d.Short(), fn)
					}
				}
			}
		}
	}
}

func TestSourceFileExamples(t *testing.T) {
	for _, tc := range []struct {
		fn    string
		linux bool
		want  string
	}{
		{"fork1", false, "sys/kern/kern_fork.c"},
		{"do_fork", false, "sys/kern/kern_fork.c"},
		{"fork_return", false, "sys/kern/kern_fork.c"},
		{"syscallret", false, "sys/kern/subr_syscall.c"},
		{"kern_execve", false, "sys/kern/kern_exec.c"},
		{"proc_reap", false, "sys/kern/kern_exit.c"},
		{"proc_reparent", false, "sys/kern/kern_exit.c"},
		{"kern_ptrace", false, "sys/kern/sys_process.c"},
		{"kernel_clone", true, "kernel/fork.c"},
		{"do_wait", true, "kernel/exit.c"},
		{"kern_wait", true, ""},
		{"syscall_exit_to_user_mode", true, "include/linux/entry-common.h"},
		{"ptrace_attach", true, "kernel/ptrace.c"},
		{"ptrace_event", true, "include/linux/ptrace.h"},
		{"ptrace_stop", true, "kernel/signal.c"},
		{"no_such_function", false, ""},
	} {
		if got := sourceFile(tc.fn, tc.linux); got != tc.want {
			t.Errorf("sourceFile(%s, linux=%v) = %q, want %q", tc.fn, tc.linux, got, tc.want)
		}
	}
}
