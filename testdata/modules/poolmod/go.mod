module example.com/poolmod

go 1.24
