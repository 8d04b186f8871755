package freq

func use() { onlyTested() }
