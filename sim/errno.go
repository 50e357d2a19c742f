package sim

// Errno is an error number, modelled by name (errno.h); 0 is success.
type Errno uint8

// errnos lists the names of FreeBSD's and Linux's errno.h. Index 0 is success.
var errnos = []string{"",
	"EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF",
	"ECHILD", "EDEADLK", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST",
	"EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY",
	"ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE",
	"EAGAIN", "EINPROGRESS", "EALREADY", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE",
	"EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP",
	"EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN",
	"ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN",
	"ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "ELOOP",
	"ENAMETOOLONG", "EHOSTDOWN", "EHOSTUNREACH", "ENOTEMPTY", "EPROCLIM", "EUSERS",
	"EDQUOT", "ESTALE", "EREMOTE", "EBADRPC", "ERPCMISMATCH", "EPROGUNAVAIL",
	"EPROGMISMATCH", "EPROCUNAVAIL", "ENOLCK", "ENOSYS", "EFTYPE", "EAUTH", "ENEEDAUTH",
	"EIDRM", "ENOMSG", "EOVERFLOW", "ECANCELED", "EILSEQ", "ENOATTR", "EDOOFUS",
	"EBADMSG", "EMULTIHOP", "ENOLINK", "EPROTO", "ENOTCAPABLE", "ECAPMODE",
	"ENOTRECOVERABLE", "EOWNERDEAD", "EINTEGRITY", "ENOTSUP",
	"ECHRNG", "EL2NSYNC", "EL3HLT", "EL3RST", "ELNRNG", "EUNATCH", "ENOCSI", "EL2HLT",
	"EBADE", "EBADR", "EXFULL", "ENOANO", "EBADRQC", "EBADSLT", "EBFONT", "ENOSTR",
	"ENODATA", "ETIME", "ENOSR", "ENONET", "ENOPKG", "EADV", "ESRMNT", "ECOMM",
	"EDOTDOT", "ENOTUNIQ", "EBADFD", "EREMCHG", "ELIBACC", "ELIBBAD", "ELIBSCN",
	"ELIBMAX", "ELIBEXEC", "ERESTART", "ESTRPIPE", "EUCLEAN", "ENOTNAM", "ENAVAIL",
	"EISNAM", "EREMOTEIO", "ENOMEDIUM", "EMEDIUMTYPE", "ENOKEY", "EKEYEXPIRED",
	"EKEYREVOKED", "EKEYREJECTED", "ERFKILL", "EHWPOISON",
}

var errnoAliases = map[string]string{"EWOULDBLOCK": "EAGAIN", "EDEADLOCK": "EDEADLK"}

// Errors the kernel model returns.
var (
	ESRCH  = MustErrno("ESRCH")
	ECHILD = MustErrno("ECHILD")
	EBUSY  = MustErrno("EBUSY")
	EINVAL = MustErrno("EINVAL")
	EPERM  = MustErrno("EPERM")
	EIO    = MustErrno("EIO")
	ENOSYS = MustErrno("ENOSYS")
)

// ParseErrno returns the errno named name.
func ParseErrno(name string) (Errno, bool) {
	i, ok := lookup(name, errnoAliases, len(errnos), func(i int) string { return errnos[i] })
	return Errno(i), ok
}

// MustErrno is ParseErrno for names known to exist.
func MustErrno(name string) Errno {
	e, ok := ParseErrno(name)
	return must(e, ok, "errno", name)
}

// String returns the errno.h name, or "0" for success.
func (e Errno) String() string {
	if e == 0 || int(e) >= len(errnos) {
		return "0"
	}
	return errnos[e]
}
