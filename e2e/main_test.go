//go:build !wasm

package e2e

import (
	"os"
	"testing"

	"forklab/ui"
)

func TestMain(m *testing.M) {
	ui.Register()
	code := m.Run()
	Cleanup()
	os.Exit(code)
}
