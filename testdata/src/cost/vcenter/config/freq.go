// Package config holds a program's settings: it loads, checks and merges
// them at start-up or on a reload.
package config

// Changed lists the keys whose values differ between two settings.
func Changed(old, cur map[string]string) []string { // want `cold: configuration \(cost/vcenter/config\): at start-up or on a reload`
	var keys []string
	for k, v := range cur {
		if old[k] != v {
			keys = append(keys, k)
		}
	}
	return keys
}
