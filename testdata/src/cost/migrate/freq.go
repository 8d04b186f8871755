// Package migrate migrates a database's schema: it runs at start-up or
// deploy, cold.
package migrate

// CreateTable writes the DDL of one table.
func CreateTable(columns []string) string { // want `cold: schema migration, at start-up or deploy \(CreateTable\)`
	s := "CREATE TABLE t ("
	for _, c := range columns {
		s += c + ","
	}
	return s + ")"
}
