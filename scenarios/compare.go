package scenarios

import (
	"strconv"
	"strings"

	"forklab/sim"
)

// Difference is one way the designs' runs differ at the same point: What names the
// thing compared ("line 21: R: wait C nohang", "C"), Values says what each design
// has there, in the runs' order.
type Difference struct {
	What   string
	Values []string
}

// FrameAt returns run's frame n, or its last frame when the run has ended.
func (r *Run) FrameAt(n int) *Frame {
	return &r.Frames[min(n, len(r.Frames)-1)]
}

// Compare says how the runs (the same file under several designs, with snapshots)
// differ after their n-th step: a different step run, a different value returned, a
// process in a different state or with a different parent or tracer. Runs that have
// ended are compared in their final state.
func Compare(runs []*Run, n int) []Difference {
	if len(runs) < 2 {
		return nil
	}
	var out []Difference
	add := func(what string, value func(r *Run) string) {
		vals := make([]string, len(runs))
		differ := false
		for i, r := range runs {
			vals[i] = value(r)
			differ = differ || vals[i] != vals[0]
		}
		if differ {
			out = append(out, Difference{What: what, Values: vals})
		}
	}
	add("step run", func(r *Run) string {
		if n >= len(r.Frames) {
			return "ended"
		}
		if s := r.Frames[n].Step; s != nil {
			return "line " + strconv.Itoa(s.Pos.Line) + ": " + s.Source
		}
		return "start"
	})
	var lines []*Step
	seen := map[*Step]bool{}
	for _, r := range runs {
		for _, res := range r.FrameAt(n).Results {
			if !seen[res.Step] {
				seen[res.Step] = true
				lines = append(lines, res.Step)
			}
		}
	}
	for _, s := range lines {
		add("line "+strconv.Itoa(s.Pos.Line)+": "+s.Source, func(r *Run) string {
			for _, res := range r.FrameAt(n).Results {
				if res.Step == s {
					return res.Got
				}
			}
			return "no value yet"
		})
	}
	for _, name := range runs[0].File.Names {
		add(name, func(r *Run) string { return procSummary(&r.FrameAt(n).Snapshot, name) })
	}
	return out
}

// procSummary describes what an observer sees of a process: state, parent, tracer.
func procSummary(s *sim.Snapshot, name string) string {
	v, ok := s.Proc(name)
	if !ok {
		return "does not exist"
	}
	parts := []string{expectState(&v)}
	if v.State != sim.StateReaped {
		if p, ok := s.ByPid(v.Parent); ok {
			parts = append(parts, "parent "+p.Name)
		}
		if t, ok := s.ByPid(v.Tracer); ok && v.Tracer != 0 {
			parts = append(parts, "traced by "+t.Name)
		}
	}
	return strings.Join(parts, ", ")
}
