package sim

// Signal is a signal, modelled by name. Numbers differ between FreeBSD's and
// Linux's signal.h, so a Signal carries both; 0 means "no signal".
type Signal uint8

// sigInfo describes one signal.h name.
type sigInfo struct {
	name    string
	freebsd int // number in FreeBSD's sys/sys/signal.h, 0 if FreeBSD has none
	linux   int // number in Linux's asm/signal.h, 0 if Linux has none
}

// signals lists every name of FreeBSD's and Linux's signal.h. Index 0 is "no
// signal". Aliases (SIGIOT, SIGPOLL, SIGCLD) are in sigAliases.
var signals = []sigInfo{
	{"", 0, 0},
	{"SIGHUP", 1, 1}, {"SIGINT", 2, 2}, {"SIGQUIT", 3, 3}, {"SIGILL", 4, 4},
	{"SIGTRAP", 5, 5}, {"SIGABRT", 6, 6}, {"SIGEMT", 7, 0}, {"SIGFPE", 8, 8},
	{"SIGKILL", 9, 9}, {"SIGBUS", 10, 7}, {"SIGSEGV", 11, 11}, {"SIGSYS", 12, 31},
	{"SIGPIPE", 13, 13}, {"SIGALRM", 14, 14}, {"SIGTERM", 15, 15}, {"SIGURG", 16, 23},
	{"SIGSTOP", 17, 19}, {"SIGTSTP", 18, 20}, {"SIGCONT", 19, 18}, {"SIGCHLD", 20, 17},
	{"SIGTTIN", 21, 21}, {"SIGTTOU", 22, 22}, {"SIGIO", 23, 29}, {"SIGXCPU", 24, 24},
	{"SIGXFSZ", 25, 25}, {"SIGVTALRM", 26, 26}, {"SIGPROF", 27, 27}, {"SIGWINCH", 28, 28},
	{"SIGINFO", 29, 0}, {"SIGUSR1", 30, 10}, {"SIGUSR2", 31, 12}, {"SIGTHR", 32, 0},
	{"SIGLIBRT", 33, 0}, {"SIGSTKFLT", 0, 16}, {"SIGPWR", 0, 30},
}

var sigAliases = map[string]string{"SIGIOT": "SIGABRT", "SIGPOLL": "SIGIO", "SIGCLD": "SIGCHLD"}

// Signals used by the kernel model itself.
var (
	SIGKILL = MustSignal("SIGKILL")
	SIGSTOP = MustSignal("SIGSTOP")
	SIGTRAP = MustSignal("SIGTRAP")
	SIGCHLD = MustSignal("SIGCHLD")
	SIGCONT = MustSignal("SIGCONT")
	SIGABRT = MustSignal("SIGABRT")
)

// ParseSignal returns the signal named name, as written in signal.h.
func ParseSignal(name string) (Signal, bool) {
	i, ok := lookup(name, sigAliases, len(signals), func(i int) string { return signals[i].name })
	return Signal(i), ok
}

// MustSignal is ParseSignal for names known to exist.
func MustSignal(name string) Signal {
	s, ok := ParseSignal(name)
	return must(s, ok, "signal", name)
}

// String returns the signal.h name, or "0" for no signal.
func (s Signal) String() string {
	if s == 0 || int(s) >= len(signals) {
		return "0"
	}
	return signals[s].name
}

// Number returns the signal's number on FreeBSD or, if linux, on Linux; 0 if that
// system has no such signal.
func (s Signal) Number(linux bool) int {
	if int(s) >= len(signals) {
		return 0
	}
	if linux {
		return signals[s].linux
	}
	return signals[s].freebsd
}

// sigAction is a signal's default action.
type sigAction uint8

const (
	actTerminate sigAction = iota // kill the process
	actIgnore                     // discard
	actStop                       // stop the process (job control)
	actContinue                   // continue a stopped process
)

// defaultAction returns what a signal does with no handler installed. The scenario
// language fixes the list (scenario-language.md "Signals"): ignore SIGCHLD, SIGURG,
// SIGWINCH, SIGINFO; stop SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU; continue SIGCONT;
// terminate all others.
func (s Signal) defaultAction() sigAction {
	switch s.String() {
	case "SIGCHLD", "SIGURG", "SIGWINCH", "SIGINFO":
		return actIgnore
	case "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU":
		return actStop
	case "SIGCONT":
		return actContinue
	}
	return actTerminate
}
