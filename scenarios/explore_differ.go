package scenarios

// Differing returns what sets an exploration's outcome classes apart: the steps
// (indexes into File.Steps) whose result is not the same in every class, and the
// process names (indexes into File.Names) whose final state is not. Both are
// empty when there is one class.
func (e *Exploration) Differing() (steps, names []int) {
	for i := range e.steps {
		if e.differs(func(o *Outcome) string { return o.Results[i] }) {
			steps = append(steps, i)
		}
	}
	for i := range e.File.Names {
		if e.differs(func(o *Outcome) string { return o.Final[i] }) {
			names = append(names, i)
		}
	}
	return steps, names
}

// differs reports whether the outcomes found so far do not all have the same value.
func (e *Exploration) differs(value func(*Outcome) string) bool {
	for _, o := range e.Outcomes {
		if value(o) != value(e.Outcomes[0]) {
			return true
		}
	}
	return false
}
