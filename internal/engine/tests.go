package engine

import (
	"github.com/traefik/yaegi/interp"
)

// runTests runs the program's tests (package lower found their names).
func (c *child) runTests(i *interp.Interpreter) {
	c.exit(0)
}
