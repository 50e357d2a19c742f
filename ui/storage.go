package ui

// This file is the page's one door to the browser's localStorage. Drafts,
// quiz scores and preferences go through it, so that a page where storage
// is missing or forbidden — a frame sandboxed without allow-same-origin,
// where reading window.localStorage throws a SecurityError, a private window
// with storage off, a full quota — keeps working: it then remembers for the
// life of the page only, and says so through persistent().

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pageStore is the store every part of the page uses.
var pageStore = &store{mem: map[string]string{}}

// store keeps strings by key in localStorage when it can, and in memory
// when it cannot.
type store struct {
	mu      sync.Mutex
	mem     map[string]string // what could not be, or was not, kept in the browser
	probed  bool
	usable  bool      // localStorage answered a write and a read
	storage app.Value // window.localStorage, when usable
}

// persistent reports whether what is stored survives a reload.
func (s *store) persistent() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.probe()
	return s.usable
}

// get returns the value kept under key, and whether there is one.
func (s *store) get(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.probe()
	var v app.Value
	if s.usable && jsCall(func() { v = s.storage.Call("getItem", key) }) {
		if v.IsNull() || v.IsUndefined() {
			if m, ok := s.mem[key]; ok { // set when the quota was full
				return m, true
			}
			return "", false
		}
		return v.String(), true
	}
	m, ok := s.mem[key]
	return m, ok
}

// set keeps value under key. When the browser refuses (a full quota), the
// value is kept in memory instead.
func (s *store) set(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.probe()
	if s.usable && jsCall(func() { s.storage.Call("setItem", key, value) }) {
		delete(s.mem, key)
		return
	}
	s.mem[key] = value
}

// del forgets what is kept under key.
func (s *store) del(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.probe()
	delete(s.mem, key)
	if s.usable {
		jsCall(func() { s.storage.Call("removeItem", key) })
	}
}

// probe finds out once whether localStorage can be used: reading the
// property itself throws in an opaque-origin frame.
func (s *store) probe() {
	if s.probed {
		return
	}
	s.probed = true
	if !app.IsClient {
		return
	}
	const key = "forklab.probe"
	s.usable = jsCall(func() {
		st := app.Window().Get("localStorage")
		st.Call("setItem", key, "1")
		if st.Call("getItem", key).String() != "1" {
			panic("localStorage did not keep a value")
		}
		st.Call("removeItem", key)
		s.storage = st
	})
}

// jsCall runs f, which calls into JavaScript, and reports whether it
// returned normally: syscall/js turns a thrown exception into a panic.
func jsCall(f func()) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f()
	return true
}
