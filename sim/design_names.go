package sim

// DesignNames lists the designs in their canonical order with their aliases
// (scenario-language.md "Designs").
var DesignNames = []struct{ Name, Alias string }{
	{"freebsd-9.0", "old"},
	{"mikulin-2012", "new"},
	{"freebsd-9.1", "merged"},
	{"freebsd-current", "current"},
	{"linux", "linux"},
}

// CanonicalDesign returns the canonical name of the design called name or alias.
func CanonicalDesign(name string) (string, bool) {
	for _, d := range DesignNames {
		if d.Name == name || d.Alias == name {
			return d.Name, true
		}
	}
	return "", false
}
