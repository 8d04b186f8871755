// Package viper stands for a library that reads configuration files.
package viper

type Viper struct{ settings map[string]any }

func (v *Viper) GetStringSlice(key string) []string {
	s, _ := v.settings[key].([]string)
	return s
}
