package srcindex

import "testing"

func TestFind(t *testing.T) {
	src := []byte(`static int	fork_norfproc(struct thread *, int);
int
fork1(struct thread *td, int flags)
{
	return (xfork1(td));
}

static void
do_fork(struct thread *td,
    struct proc *p2)
{
}

int
oldstyle(td, uap)
	struct thread *td;
{
}
static int ptrace_attach(struct task_struct *task, long request,
			 unsigned long addr)
{
	return fork1(td, 0);
}
void	prototype_only(int);
/*
 * The comment names commented(), as in
 * commented() process it.
 */
`)
	for _, tc := range []struct {
		fn   string
		line int
		ok   bool
	}{
		{"fork1", 3, true},
		{"do_fork", 9, true},
		{"oldstyle", 15, true},
		{"ptrace_attach", 19, true},
		{"fork_norfproc", 0, false},
		{"prototype_only", 0, false},
		{"xfork1", 0, false},
		{"missing", 0, false},
		{"commented", 0, false},
	} {
		line, _, ok := Find(src, tc.fn)
		if line != tc.line || ok != tc.ok {
			t.Errorf("Find(%s) = %d, %v; want %d, %v", tc.fn, line, ok, tc.line, tc.ok)
		}
	}
}
