// Unexported struct fields keep their names: %+v prints them, encoding/json
// leaves them out in both directions, and the program reads, writes,
// locks and calls through them as it would any field.
package main

import (
	"encoding/json"
	"fmt"
	"sync"
)

type Order struct {
	ID    int
	Items []string `json:"items"`
	note  string
	count int `json:"count"`
}

type inner struct{ n int }

type Counter struct {
	mu sync.Mutex
	inner
	count int
	next  *Counter
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count++
	c.n += 2
}

type pair struct{ a, b int }

func (p pair) sum() int { return p.a + p.b }

func main() {
	o := Order{ID: 7, Items: []string{"tea"}, note: "fragile", count: 2}
	b, err := json.Marshal(o)
	fmt.Println(string(b), err)
	var got Order
	err = json.Unmarshal([]byte(`{"ID":1,"items":["rice"],"note":"n","Xnote":"x","count":5}`), &got)
	fmt.Printf("%+v %v\n", got, err)
	fmt.Printf("%+v\n", o)

	c := &Counter{}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(c.Inc)
	}
	wg.Wait()
	c.next = &Counter{count: 5}
	fmt.Println(c.count, c.n, c.next.count)

	ps := []pair{{1, 2}, {3, 4}}
	ps[1].a = 10
	p := &ps[0]
	p.b++
	m := map[string]pair{"k": {5, 6}}
	var i any = pair{7, 8}
	fmt.Printf("%+v %d %d %d %v\n", ps, ps[1].sum(), m["k"].sum(), i.(pair).b, pair{3, 4} == pair{3, 4})
	s := struct{ x, y string }{"x", "y"}
	s.y = s.x + "!"
	fmt.Printf("%+v\n", s)
}
