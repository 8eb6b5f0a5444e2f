// Unexported struct fields stay out of JSON, in both directions,
// whatever their tags say.
package main

import (
	"encoding/json"
	"fmt"
)

type Order struct {
	ID    int
	Items []string `json:"items"`
	note  string
	count int `json:"count"`
}

func main() {
	o := Order{ID: 7, Items: []string{"tea"}, note: "fragile", count: 2}
	b, err := json.Marshal(o)
	fmt.Println(string(b), err)

	var got Order
	err = json.Unmarshal([]byte(`{"ID":1,"items":["rice"],"note":"n","Xnote":"x","count":5}`), &got)
	fmt.Printf("%v %v\n", got, err)
	fmt.Println(o)
}
