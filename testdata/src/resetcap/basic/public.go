package basic

// Spec is a configuration other packages build and read: its slices may be
// held by their code.
type Spec struct {
	Mounts []string
	local  []string
}

func (s *Spec) AddMount(m string) {
	s.Mounts = append(s.Mounts, m)
	s.local = append(s.local, m)
}

func (s *Spec) clearMounts() {
	s.Mounts = []string{} // want `clearMounts sets s.Mounts to an empty slice .*\(no automatic fix: s.Mounts is an exported field of an exported type: code in other packages may hold it, and reusing its memory would change what that code sees\)`
	s.local = []string{}  // want `clearMounts sets s.local to an empty slice without its capacity .*; keep it with clear\(s.local\) and s.local = s.local\[:0\] \[low`
}
