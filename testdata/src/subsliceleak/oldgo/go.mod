module oldgo

go 1.19
