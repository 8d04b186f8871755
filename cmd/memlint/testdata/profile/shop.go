// Package shop has two patterns its benchmark runs hot (Names, Receipt),
// two it never runs (Tags, Summary), and a configuration loader that the
// static cost model calls cold but the benchmark runs hot (LoadConfig).
package shop

// An Item is one line of an order.
type Item struct {
	Name, Tag string
}

// An Entry is one setting.
type Entry struct {
	Key, Value string
}

// Names returns the items' names.
func Names(items []Item) []string {
	var names []string
	for _, it := range items {
		names = append(names, it.Name)
	}
	return names
}

// Receipt lists the items, one per line.
func Receipt(items []Item) string {
	s := ""
	for _, it := range items {
		s += it.Name + "\n"
	}
	return s
}

// Tags returns the items' tags.
func Tags(items []Item) []string {
	var tags []string
	for _, it := range items {
		tags = append(tags, it.Tag)
	}
	return tags
}

// Summary joins the items' tags.
func Summary(items []Item) string {
	s := ""
	for _, it := range items {
		s += it.Tag + ","
	}
	return s
}

// LoadConfig indexes the entries by key.
func LoadConfig(entries []Entry) map[string]string {
	m := make(map[string]string)
	for _, e := range entries {
		m[e.Key] = e.Value
	}
	return m
}
