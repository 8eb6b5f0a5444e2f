package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(get(), get(), calls)
	both := sync.OnceValues(func() (string, error) { return "x", errors.New("e") })
	v, err := both()
	fmt.Println(v, err)
}
