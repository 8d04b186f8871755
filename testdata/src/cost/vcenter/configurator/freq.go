// Package configurator is named like a configuration package but is not
// one: its path element is not config.
package configurator

// Keys lists the keys of an object it configures per request.
func Keys(m map[string]string) []string { // want `unknown: `
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}
