module nogodirective

go 1.22

require dep v0.0.0

replace dep => ./dep
