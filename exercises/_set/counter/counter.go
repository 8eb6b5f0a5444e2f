// Package counter counts events that happen in many goroutines at once.
package counter

// A Counter counts calls to Inc. Its zero value is ready to use: a counter
// at 0, no constructor needed.
//
// Many goroutines may call Inc and Value at the same time. As written, the
// Counter is not safe for that: run `workbook check counter` and read what
// the race detector says.
type Counter struct {
	n int // the count
}

// Inc adds 1 to the count.
func (c *Counter) Inc() {
	c.n++ // read n, add 1, write n back
}

// Value returns the count.
func (c *Counter) Value() int {
	return c.n
}
