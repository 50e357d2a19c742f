package srcindex

// unknown says, for a function an indexed tree has no row for, why: keyed by
// "owner/name function". Each was read in the tree at generation time.
var unknown = map[string]string{
	"pkelsey/libuinet cv_wait":      "in 9.1.0 cv_wait is a macro in sys/sys/condvar.h over _cv_wait()",
	"pkelsey/libuinet cv_timedwait": "in 9.1.0 cv_timedwait is a macro in sys/sys/condvar.h over _cv_timedwait()",
	"pkelsey/libuinet cv_broadcast": "in 9.1.0 cv_broadcast is a macro in sys/sys/condvar.h over cv_broadcastpri()",
	"pkelsey/libuinet msleep":       "in 9.1.0 msleep is a macro in sys/sys/systm.h over _sleep()",
}

// NoLine says why the table has no line for fn in t: the tree's reason when it
// was not indexed, else the function's own; "" when there is no reason on
// record (then a missing row is a gap the tests report).
func (t Tree) NoLine(fn string) string {
	if t.NoLines != "" {
		return t.NoLines
	}
	return unknown[t.Repo+" "+fn]
}
