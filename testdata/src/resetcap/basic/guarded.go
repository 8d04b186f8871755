package basic

// A device list that other code tests against nil: nil means "not set".
type deviceSpec struct {
	devices []string
}

func (d *deviceSpec) add(dev string) { d.devices = append(d.devices, dev) }

func (d *deviceSpec) set() bool { return d.devices != nil }

// clearDevices returns first when the list is nil, so a truncated list is
// as non-nil as the empty one it sets: keeping the memory changes no test.
func (d *deviceSpec) clearDevices() {
	if d == nil || d.devices == nil {
		return
	}
	d.devices = []string{} // want `clearDevices sets d.devices to an empty slice without its capacity \(grown at guarded.go:8\), which its next use allocates again; keep it with clear\(d.devices\) and d.devices = d.devices\[:0\] \[low`
}

// resetDevices may find the list nil: truncating it would leave nil where
// the reset sets an empty list, which set() tells apart.
func (d *deviceSpec) resetDevices() {
	d.devices = []string{} // want `resetDevices sets d.devices .*\(no automatic fix: d.devices is compared with nil, and keeping the memory changes its nil-ness\)`
}
