// Wrong: Value returns the total the lesson's program expects (10 goroutines times 10,000) instead of counting.
// Fails: TestZeroValueCounts, TestIncFromManyGoroutines, TestValueWhileIncrementing

// Package counter counts events that happen in many goroutines at once.
package counter

// A Counter counts calls to Inc.
type Counter struct{}

// Inc adds 1 to the count.
func (c *Counter) Inc() {}

// Value returns the count.
func (c *Counter) Value() int {
	return 10 * 10000
}
