module workbook

go 1.26.0

require github.com/traefik/yaegi v0.16.1

require (
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

replace github.com/traefik/yaegi => ./third_party/yaegi
