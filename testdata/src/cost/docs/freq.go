// Package docs describes the fields of components, for manuals and schemas.
package docs

// FieldSpec describes one field of a component.
type FieldSpec struct{ Name, Description string }

// Names lists the names of the fields described.
func Names(fields []FieldSpec) []string { // want `cold: documentation \(cost/docs\), for people`
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	return names
}
