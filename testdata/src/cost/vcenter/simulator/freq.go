// Package simulator stands in for a service in other packages' tests.
package simulator

// VolumeIDs lists the volumes of a simulated request.
func VolumeIDs(ids map[string]int) []string { // want `cold: a test double \(cost/vcenter/simulator\), run by tests in place of a real service`
	var out []string
	for id := range ids {
		out = append(out, id)
	}
	return out
}
