/*
 * actor.c: one process of a scenario, run for real by forklab's Linux differential
 * test (scenarios/linuxkernel_test.go). The test builds this file with the machine's
 * C compiler and drives every process of a scenario through it.
 *
 * File descriptors, inherited by every actor and kept across exec:
 *   3      the result pipe: every actor writes one line per message to it
 *   4 + i  the command pipe of process name i (name 0 is init)
 *
 * Modes:
 *   actor init SELF             init's stand-in: a child subreaper that reaps its
 *                               zombie children at once, like init, and spawns the
 *                               declared processes that are children of init; all
 *                               actors share one process group, which `end` kills
 *   actor exec SELF IDX SEQ     the image an actor execs: it reports that step SEQ
 *                               (the exec) returned 0, then goes on as actor IDX
 *   actor probe                 prints `probe ERRNO`: whether PTRACE_ATTACH of a
 *                               child is permitted here (ERRNO 0)
 *
 * An actor reads one-line commands, `SEQ VERB ARGS...`, from its own command pipe,
 * makes the one system call the verb names, and writes `R IDX SEQ RET ERRNO EXTRA...`.
 * A new child writes `H IDX PID` once it has returned from fork or vfork, then reads
 * commands from the pipe of its own name. Init writes `Z PID STATUS` for every wait
 * status it collects.
 *
 * A vfork child runs on its parent's stack and in its memory until it execs or exits,
 * so the command loop keeps its state in its own stack frame, uses no stdio, no
 * malloc and no libc function that keeps state, only raw system calls, and never
 * returns: the child's loop is called from the frame that called vfork() and ends in
 * execve() or _exit(). Memory variables (`set`, `read`) live in a global table on
 * purpose: a vfork child shares them with its parent, as the scenario language says.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

enum { RESULT_FD = 3, CMD_FD0 = 4, LINE_MAX_ = 256, NVARS = 64 };

/*
 * The scenario's own system calls and the actor's. Under PTRACE_SYSCALL every system
 * call an actor makes stops at entry and exit, its own reads of commands and writes
 * of results too, which the scenario does not have. So every system call a step
 * names is made with MARK in its sixth argument register, which none of those calls
 * uses (scall), and every other call the actor makes passes 0 there (own): a
 * syscall-stop whose sixth argument is not MARK is the actor's own (hidden_stop),
 * and its tracer resumes it at once with PTRACE_SYSCALL, unseen by the scenario. A
 * successful execve is the one exception: the new image's registers are cleared,
 * and its exit stop is told by its number (the actor never execs on its own).
 */
#define MARK 0x666f726b6c616221L /* "forklab!" */
#define scall(nr, a, b, c, d, e) syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), MARK)
#define own(nr, a, b, c, d, e) syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0L)

/* self is the path of this binary, for `exec`; set once at start, read only after. */
static const char *self;

/* The address space of the scenario language: `set` and `read` variables. */
static struct {
	char name[32];
	long value;
	int used;
} vars[NVARS];

/* ---- formatting and parsing without libc state ---- */

struct buf {
	char b[LINE_MAX_];
	int n;
};

static void put_str(struct buf *o, const char *s)
{
	while (*s && o->n < LINE_MAX_ - 1)
		o->b[o->n++] = *s++;
}

static void put_long(struct buf *o, long v)
{
	char tmp[24];
	int i = 0;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	if (o->n < LINE_MAX_ - 1)
		o->b[o->n++] = ' ';
	if (v < 0 && o->n < LINE_MAX_ - 1)
		o->b[o->n++] = '-';
	do {
		tmp[i++] = '0' + u % 10;
		u /= 10;
	} while (u);
	while (i > 0 && o->n < LINE_MAX_ - 1)
		o->b[o->n++] = tmp[--i];
}

static void send_line(struct buf *o)
{
	o->b[o->n++] = '\n';
	/* One write of less than PIPE_BUF bytes: atomic on the shared pipe. */
	while (own(SYS_write, RESULT_FD, o->b, o->n, 0, 0) < 0 && errno == EINTR)
		;
}

static long parse_long(const char **p)
{
	long v = 0;
	int neg = 0;
	while (**p == ' ')
		(*p)++;
	if (**p == '-') {
		neg = 1;
		(*p)++;
	}
	while (**p >= '0' && **p <= '9')
		v = v * 10 + (*(*p)++ - '0');
	return neg ? -v : v;
}

static void parse_word(const char **p, char *out, int max)
{
	int n = 0;
	while (**p == ' ')
		(*p)++;
	while (**p && **p != ' ' && **p != '\n' && n < max - 1)
		out[n++] = *(*p)++;
	out[n] = 0;
}

/* read_line reads one command line from fd into line; it returns 0 at end of file. */
static int read_line(int fd, char *line)
{
	int n = 0;
	for (;;) {
		char c;
		long r = own(SYS_read, fd, &c, 1, 0, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		if (c == '\n' || n == LINE_MAX_ - 1) {
			line[n] = 0;
			return 1;
		}
		line[n++] = c;
	}
}

/* ---- the actor ---- */

static void reply(int idx, long seq, long ret, int err, const long *extra, int nextra)
{
	struct buf o = {.n = 0};
	put_str(&o, "R");
	put_long(&o, idx);
	put_long(&o, seq);
	put_long(&o, ret);
	put_long(&o, err);
	for (int i = 0; i < nextra; i++)
		put_long(&o, extra[i]);
	send_line(&o);
}

static void hello(int idx)
{
	struct buf o = {.n = 0};
	put_str(&o, "H");
	put_long(&o, idx);
	put_long(&o, own(SYS_getpid, 0, 0, 0, 0, 0));
	send_line(&o);
}

static long *var(const char *name)
{
	for (int i = 0; i < NVARS; i++)
		if (vars[i].used && strcmp(vars[i].name, name) == 0)
			return &vars[i].value;
	for (int i = 0; i < NVARS; i++)
		if (!vars[i].used) {
			vars[i].used = 1;
			strncpy(vars[i].name, name, sizeof vars[i].name - 1);
			vars[i].value = 0;
			return &vars[i].value;
		}
	return &vars[NVARS - 1].value;
}

/*
 * fork_fail makes one fork(2) fail with EAGAIN, as RLIMIT_NPROC does for an
 * unprivileged user: the real uid becomes 65534 for the moment (the effective uid
 * stays 0, so no capability is lost), CAP_SYS_ADMIN and CAP_SYS_RESOURCE leave the
 * effective set, and the soft RLIMIT_NPROC is 0. Then everything is put back.
 */
static long fork_fail(int *err)
{
	struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
	struct __user_cap_data_struct caps[2], drop[2];
	struct rlimit old, zero;
	long ret;

	if (own(SYS_capget, &hdr, caps, 0, 0, 0) < 0 || own(SYS_prlimit64, 0, RLIMIT_NPROC, 0, &old, 0) < 0) {
		*err = errno;
		return -1;
	}
	memcpy(drop, caps, sizeof drop);
	drop[0].effective &= ~((1u << CAP_SYS_ADMIN) | (1u << CAP_SYS_RESOURCE));
	zero = old;
	zero.rlim_cur = 0;
	if (own(SYS_setresuid, 65534, -1, -1, 0, 0) < 0 || own(SYS_capset, &hdr, drop, 0, 0, 0) < 0 ||
	    own(SYS_prlimit64, 0, RLIMIT_NPROC, &zero, 0, 0) < 0) {
		*err = errno;
		return -1;
	}
	ret = scall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	*err = errno;
	if (ret == 0)
		own(SYS_exit_group, 127, 0, 0, 0, 0); /* the limit did not hold: the test sees ret */
	own(SYS_prlimit64, 0, RLIMIT_NPROC, &old, 0, 0);
	own(SYS_capset, &hdr, caps, 0, 0, 0);
	own(SYS_setresuid, 0, -1, -1, 0, 0);
	return ret;
}

static void actor_loop(int idx) __attribute__((noreturn));

static void child_of_fork(int idx) __attribute__((noreturn));
static void child_of_fork(int idx)
{
	hello(idx);
	actor_loop(idx);
}

#if defined(__x86_64__)
/*
 * marked_vfork is vfork(2) with MARK in the sixth argument register, as glibc's
 * vfork() does it otherwise: the return address is kept in a register, since the
 * child returns first and reuses the stack. It returns -errno on failure.
 */
long marked_vfork(void);
__asm__(".text\n"
	".globl marked_vfork\n"
	".type marked_vfork,@function\n"
	"marked_vfork:\n"
	"\tpopq %rdi\n"
	"\tmovl $58, %eax\n"
	"\tmovabsq $0x666f726b6c616221, %r9\n"
	"\tsyscall\n"
	"\tpushq %rdi\n"
	"\tret\n"
	".size marked_vfork, .-marked_vfork\n");
#endif

/*
 * do_vfork is vfork(2). The child never returns from it: it runs its own command
 * loop in frames below this one, on its parent's stack, until it execs or exits,
 * and only then does the parent go on and return.
 */
static long __attribute__((noinline)) do_vfork(int child, int *err)
{
#if defined(__x86_64__)
	long ret = marked_vfork();
	if (ret < 0 && ret > -4096) {
		errno = (int)-ret;
		ret = -1;
	}
#else
	long ret = vfork();
#endif
	if (ret == 0)
		child_of_fork(child);
	*err = ret < 0 ? errno : 0;
	return ret;
}

/*
 * hidden_stop reports whether pid, a tracee of this actor, is in a syscall-stop
 * (si_code SIGTRAP, or SIGTRAP|0x80 with PTRACE_O_TRACESYSGOOD; an event stop has
 * the event in si_code, a signal its sender's code, a group-stop no siginfo) of
 * one of the actor's own calls: one without MARK, and not the exit of an execve.
 * Only x86_64 is known; elsewhere the test runs no PTRACE_SYSCALL.
 */
static int hidden_stop(long pid)
{
#if defined(__x86_64__)
	siginfo_t si;
	struct user_regs_struct regs;
	memset(&si, 0, sizeof si);
	if (own(SYS_ptrace, PTRACE_GETSIGINFO, pid, 0, &si, 0) < 0)
		return 0;
	if (si.si_signo != SIGTRAP || (si.si_code != SIGTRAP && si.si_code != (SIGTRAP | 0x80)))
		return 0;
	if (own(SYS_ptrace, PTRACE_GETREGS, pid, 0, &regs, 0) < 0)
		return 0;
	return regs.r9 != (unsigned long)MARK && regs.orig_rax != SYS_execve;
#else
	(void)pid;
	return 0;
#endif
}

/* skipped tells the test that this actor resumed pid from a hidden stop. */
static void skipped(int idx, long pid)
{
	struct buf o = {.n = 0};
	put_str(&o, "S");
	put_long(&o, idx);
	put_long(&o, pid);
	send_line(&o);
}

/*
 * actor_loop runs commands for process name idx for ever. It never returns: a
 * vfork child runs it in its parent's memory, below the frame that called vfork().
 */
static void actor_loop(int idx)
{
	char line[LINE_MAX_], verb[32], word[LINE_MAX_];
	const int cmdfd = CMD_FD0 + idx;

	for (;;) {
		const char *p = line;
		long seq, ret = 0, extra[6];
		int err = 0, nextra = 0;

		if (!read_line(cmdfd, line))
			own(SYS_exit_group, 125, 0, 0, 0, 0); /* the test has gone */
		seq = parse_long(&p);
		parse_word(&p, verb, sizeof verb);
		errno = 0;
		if (strcmp(verb, "fork") == 0) {
			int child = (int)parse_long(&p);
			/* A raw clone(SIGCHLD) is fork(2): the kernel reports PTRACE_EVENT_FORK. */
			ret = scall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
			if (ret == 0)
				child_of_fork(child);
			err = ret < 0 ? errno : 0;
		} else if (strcmp(verb, "vfork") == 0) {
			ret = do_vfork((int)parse_long(&p), &err);
		} else if (strcmp(verb, "forkfail") == 0) {
			ret = fork_fail(&err);
		} else if (strcmp(verb, "nosys") == 0) {
			/* A system call Linux does not have (rfork): a number past the table. */
			ret = scall(1023, 0, 0, 0, 0, 0);
			err = ret < 0 ? errno : 0;
		} else if (strcmp(verb, "exec") == 0) {
			char idxs[16], seqs[24];
			struct buf o = {.n = 0};
			char *argv[] = {"forklab-actor", "exec", (char *)self, idxs, seqs, 0};
			put_long(&o, idx);
			o.b[o.n] = 0;
			strcpy(idxs, o.b + 1);
			o.n = 0;
			put_long(&o, seq);
			o.b[o.n] = 0;
			strcpy(seqs, o.b + 1);
			ret = scall(SYS_execve, self, argv, environ, 0, 0);
			err = errno;
		} else if (strcmp(verb, "execfail") == 0) {
			char *argv[] = {"forklab-actor", 0};
			parse_word(&p, word, sizeof word);
			ret = scall(SYS_execve, word, argv, environ, 0, 0);
			err = ret < 0 ? errno : 0;
		} else if (strcmp(verb, "exit") == 0) {
			scall(SYS_exit_group, parse_long(&p), 0, 0, 0, 0);
		} else if (strcmp(verb, "kill") == 0) {
			long pid = parse_long(&p), sig = parse_long(&p);
			ret = scall(SYS_kill, pid, sig, 0, 0, 0);
			err = ret < 0 ? errno : 0;
		} else if (strcmp(verb, "raise") == 0) {
			long sig = parse_long(&p);
			ret = scall(SYS_kill, own(SYS_getpid, 0, 0, 0, 0, 0), sig, 0, 0, 0);
			err = ret < 0 ? errno : 0;
		} else if (strcmp(verb, "wait") == 0) {
			long pid = parse_long(&p), nohang = parse_long(&p);
			int status;
			for (;;) {
				status = 0;
				ret = scall(SYS_wait4, pid, &status, nohang ? WNOHANG : 0, 0, 0);
				err = ret < 0 ? errno : 0;
				/* A tracee's stop at its own call: resume it, wait again. */
				if (ret > 0 && WIFSTOPPED(status) && (WSTOPSIG(status) & 0x7f) == SIGTRAP &&
				    (status >> 16) == 0 && hidden_stop(ret)) {
					own(SYS_ptrace, PTRACE_SYSCALL, ret, 0, 0, 0);
					skipped(idx, ret);
					continue;
				}
				break;
			}
			extra[nextra++] = status;
		} else if (strcmp(verb, "getppid") == 0) {
			ret = scall(SYS_getppid, 0, 0, 0, 0, 0);
		} else if (strcmp(verb, "set") == 0) {
			parse_word(&p, word, sizeof word);
			*var(word) = parse_long(&p);
		} else if (strcmp(verb, "read") == 0) {
			parse_word(&p, word, sizeof word);
			ret = *var(word);
		} else if (strcmp(verb, "ptrace") == 0) {
			long req = parse_long(&p), pid = parse_long(&p), data = parse_long(&p);
			ret = scall(SYS_ptrace, req, pid, 0, data, 0);
			err = ret < 0 ? errno : 0;
		} else if (strcmp(verb, "skip") == 0) {
			/* The test's own command: resume pid if it is at a hidden stop (1). */
			long pid = parse_long(&p);
			ret = hidden_stop(pid);
			if (ret && own(SYS_ptrace, PTRACE_SYSCALL, pid, 0, 0, 0) < 0) {
				ret = -1;
				err = errno;
			}
		} else if (strcmp(verb, "lwpinfo") == 0) {
			/* PTRACE_GETEVENTMSG is the call; the others tell the stop. */
			long pid = parse_long(&p);
			unsigned long msg = 0;
			siginfo_t si;
			memset(&si, 0, sizeof si);
			ret = scall(SYS_ptrace, PTRACE_GETEVENTMSG, pid, 0, &msg, 0);
			err = ret < 0 ? errno : 0;
			extra[nextra++] = (long)msg;
			long r2 = own(SYS_ptrace, PTRACE_GETSIGINFO, pid, 0, &si, 0);
			extra[nextra++] = r2 < 0 ? errno : 0;
			extra[nextra++] = si.si_signo;
			extra[nextra++] = si.si_code;
			/* A group-stop has no siginfo: peek at its status, if unreported. */
			memset(&si, 0, sizeof si);
			if (r2 < 0 && ret == 0)
				own(SYS_waitid, P_PID, pid, &si, WSTOPPED | WNOWAIT | WNOHANG, 0);
			extra[nextra++] = si.si_pid ? si.si_status : 0;
		} else {
			ret = -1;
			err = ENOTSUP;
		}
		reply(idx, seq, ret, err, extra, nextra);
	}
}

/* reset_signals gives every signal its default action and unblocks all of them. */
static void reset_signals(void)
{
	sigset_t none;
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			signal(s, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, 0);
}

/*
 * init_main is init's stand-in. It is a child subreaper, so every orphan of the
 * scenario is re-parented to it, and it collects every wait status as soon as a
 * SIGCHLD says there is one, as init does. Its command pipe (name 0) asks it to
 * spawn the declared processes that are children of init.
 */
static int init_main(void)
{
	sigset_t chld;
	struct pollfd fds[2];
	char line[LINE_MAX_];
	long pgrp = 0; /* the process group of every actor */

	reset_signals();
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
		return 2;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, 0);
	fds[0].fd = CMD_FD0;
	fds[0].events = POLLIN;
	fds[1].fd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
	fds[1].events = POLLIN;
	if (fds[1].fd < 0)
		return 2;
	hello(0);
	for (;;) {
		if (poll(fds, 2, -1) < 0)
			continue;
		if (fds[1].revents & POLLIN) {
			struct signalfd_siginfo si;
			while (read(fds[1].fd, &si, sizeof si) > 0)
				;
		}
		/* Reap everything there is, whatever woke us. */
		for (;;) {
			int status;
			long pid = syscall(SYS_wait4, -1, &status, WNOHANG, 0);
			struct buf o = {.n = 0};
			if (pid <= 0)
				break;
			put_str(&o, "Z");
			put_long(&o, pid);
			put_long(&o, status);
			send_line(&o);
		}
		if (fds[0].revents & (POLLIN | POLLHUP)) {
			const char *p = line;
			long seq, ret;
			char verb[32];
			if (!read_line(CMD_FD0, line))
				return 0;
			seq = parse_long(&p);
			parse_word(&p, verb, sizeof verb);
			if (strcmp(verb, "end") == 0) {
				/* Kill every actor, reap them all, and go. */
				int status;
				if (pgrp > 0)
					kill(-pgrp, SIGKILL);
				while (syscall(SYS_wait4, -1, &status, 0, 0) > 0 || errno == EINTR)
					;
				reply(0, seq, 0, 0, 0, 0);
				return 0;
			}
			if (strcmp(verb, "fork") != 0) {
				reply(0, seq, -1, ENOTSUP, 0, 0);
				continue;
			}
			int child = (int)parse_long(&p);
			ret = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
			if (ret == 0) {
				setpgid(0, pgrp);
				close(fds[1].fd);
				reset_signals();
				child_of_fork(child);
			}
			if (ret > 0) {
				setpgid(ret, pgrp ? pgrp : ret);
				if (!pgrp)
					pgrp = ret;
			}
			reply(0, seq, ret, ret < 0 ? errno : 0, 0, 0);
		}
	}
}

/*
 * probe tells whether this process may trace: it forks a child that waits for
 * its command pipe to close, attaches to it, and prints the errno of PTRACE_ATTACH
 * (0 when it may).
 */
static int probe(void)
{
	int fds[2], status, err = 0;
	long pid;
	struct buf o = {.n = 0};
	if (pipe(fds) < 0)
		return 2;
	pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {
		char c;
		close(fds[1]);
		while (read(fds[0], &c, 1) < 0 && errno == EINTR)
			;
		syscall(SYS_exit_group, 0);
	}
	close(fds[0]);
	if (pid < 0)
		return 2;
	if (syscall(SYS_ptrace, PTRACE_ATTACH, pid, 0, 0) < 0)
		err = errno;
	kill(pid, SIGKILL);
	close(fds[1]);
	syscall(SYS_wait4, pid, &status, 0, 0);
	put_str(&o, "probe");
	put_long(&o, err);
	o.b[o.n++] = '\n';
	syscall(SYS_write, 1, o.b, o.n);
	return 0;
}

int main(int argc, char **argv)
{
	/*
	 * No core dumps: SIGTRAP, SIGQUIT and the like would otherwise write core files
	 * or run the system's core helper. Not dumpable, a process can only be traced
	 * with CAP_SYS_PTRACE, which the test needs anyway (and probe checks so).
	 * execve() makes a process dumpable again, hence here, in every image.
	 */
	prctl(PR_SET_DUMPABLE, 0);
	if (argc >= 2 && strcmp(argv[1], "probe") == 0)
		return probe();
	if (argc >= 3 && strcmp(argv[1], "init") == 0) {
		self = argv[2];
		return init_main();
	}
	if (argc >= 5 && strcmp(argv[1], "exec") == 0) {
		const char *p;
		long idx, seq;
		self = argv[2];
		p = argv[3];
		idx = parse_long(&p);
		p = argv[4];
		seq = parse_long(&p);
		reply((int)idx, seq, 0, 0, 0, 0);
		actor_loop((int)idx);
	}
	return 2;
}
