// Command forklab checks and runs scenario files (scenario-language.md "Running
// scenarios from the command line"):
//
//	forklab check [-v] [-design NAME,...] FILE...
//	forklab run -design NAME [-format plain|kdump|truss|strace] FILE
//	forklab explore [-json] [-design NAME,...] [-max-runs N] [-timeout D] [-write DIR] [-naive] FILE
//	forklab designs [-v]
//
// Exit codes: 2 for a usage error, an unknown design or an unreadable or unparsable
// file; 1 when an expectation failed (check) or a run broke an invariant its design
// does not declare (explore); 3 when explore stopped at a bound; 0 otherwise.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  forklab check [-v] [-design NAME,...] FILE...
  forklab run -design NAME [-format plain|kdump|truss|strace] FILE
  forklab explore [-json] [-design NAME,...] [-max-runs N] [-timeout D] [-write DIR] [-naive] FILE
  forklab designs [-v]
`

// Main runs the command line args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return check(args[1:], stdout, stderr)
	case "run":
		return run(args[1:], stdout, stderr)
	case "explore":
		return explore(args[1:], stdout, stderr)
	case "designs":
		return designs(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "forklab: unknown command %q\n%s", args[0], usage)
	return 2
}
