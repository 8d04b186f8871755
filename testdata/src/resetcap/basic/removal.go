package basic

// A mount table grows by Add and shrinks by Remove, whose append only
// moves the elements it keeps: the growth is Add's.
type mountTable struct {
	mounts []string
}

func (t *mountTable) Add(m string) { t.mounts = append(t.mounts, m) }

func (t *mountTable) Remove(dest string) {
	for i, m := range t.mounts {
		if m == dest {
			t.mounts = append(t.mounts[:i], t.mounts[i+1:]...)
			return
		}
	}
}

func (t *mountTable) reset() {
	t.mounts = []string{} // want `reset sets t.mounts to an empty slice without its capacity \(grown at removal.go:9\)`
}
