package srcindex

import (
	"regexp"
	"testing"
)

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

// TestTable checks the generated table's shape: each row's text is the first
// line of a definition of its function (the name, preceded only by a type, then
// "("), at a line of a file its tree holds; each indexed tree has rows and each
// tree with NoLines none; no function both has a row and a reason for having
// none.
func TestTable(t *testing.T) {
	for _, d := range defs {
		def := regexp.MustCompile(`^([A-Za-z_][\w \t*]*[ \t*])?` + regexp.QuoteMeta(d.Func) + `\(`)
		if d.Line < 1 || !def.MatchString(d.Text) || !IsPath(d.Path) {
			t.Errorf("row %+v is not a definition's first line", d)
		}
		if _, ok := unknown[d.Repo+" "+d.Func]; ok {
			t.Errorf("%s %s has a row and a reason for having none", d.Repo, d.Func)
		}
	}
	for name, tr := range trees {
		if n := len(Defs(tr.Repo, tr.Commit)); (n == 0) != (tr.NoLines != "") {
			t.Errorf("tree of %s (%s@%s): %d rows, NoLines %q", name, tr.Repo, tr.Commit, n, tr.NoLines)
		}
	}
}
