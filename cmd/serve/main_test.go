//go:build !wasm

package main

import (
	"net"
	"testing"
)

func TestListenURL(t *testing.T) {
	for _, tc := range []struct{ addr, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080/"},
		{"0.0.0.0:8080", "http://localhost:8080/"},
		{"[::]:8080", "http://localhost:8080/"},
		{"[::1]:9000", "http://[::1]:9000/"},
	} {
		a, err := net.ResolveTCPAddr("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := listenURL(a); got != tc.want {
			t.Errorf("listenURL(%s) = %s, want %s", tc.addr, got, tc.want)
		}
	}
}
