package ui

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestNumAsFormatFloat holds num to the formatting it stands for.
func TestNumAsFormatFloat(t *testing.T) {
	want := func(f float64) string { return strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64) }
	xs := []float64{0, 0.04, 0.05, 0.06, -0.04, -0.05, -0.06, -0.5, -0.55, -1.26, 1, 12.34, 12.35, 99.95, 1e6 + 0.15, -1e6 - 0.15, 1234.5678}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		xs = append(xs, (r.Float64()-0.3)*5000)
	}
	for _, f := range xs {
		if got, w := num(f), want(f); got != w {
			t.Fatalf("num(%v) = %q, want %q", f, got, w)
		}
	}
}
