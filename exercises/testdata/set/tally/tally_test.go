package tally_test

import (
	"sync"
	"tally"
	"testing"
)

func TestSequential(t *testing.T) {
	var c tally.Tally
	for range 3 {
		c.Add()
	}
	if got := c.Count(); got != 3 {
		t.Errorf("Count() = %d after 3 Add; want 3", got)
	}
}

func TestConcurrent(t *testing.T) {
	var c tally.Tally
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				c.Add()
			}
		})
	}
	wg.Wait()
	if got := c.Count(); got != 200 {
		t.Errorf("Count() = %d after 200 Add from 4 goroutines; want 200", got)
	}
}
