package sim

// This file holds the small generic helpers of the name and flag tables.

// lookup finds name, or the name an alias stands for, among names 1..n-1 of a
// table; 0 is "none".
func lookup(name string, aliases map[string]string, n int, nameOf func(int) string) (int, bool) {
	if a, ok := aliases[name]; ok {
		name = a
	}
	for i := 1; i < n; i++ {
		if nameOf(i) == name {
			return i, true
		}
	}
	return 0, false
}

// must returns v, or panics for a name the model's own code got wrong.
func must[T any](v T, ok bool, what, name string) T {
	if !ok {
		panic("sim: unknown " + what + " " + name)
	}
	return v
}

// flagName names one bit of a flag word.
type flagName[F ~uint32] struct {
	f    F
	name string
}

// flagNames returns the names of the bits of f set, in table order.
func flagNames[F ~uint32](f F, table []flagName[F]) []string {
	var s []string
	for _, n := range table {
		if f&n.f != 0 {
			s = append(s, n.name)
		}
	}
	return s
}

// setBits sets or clears bits in m.
func setBits[F ~uint32](m, bits F, on bool) F {
	if on {
		return m | bits
	}
	return m &^ bits
}
