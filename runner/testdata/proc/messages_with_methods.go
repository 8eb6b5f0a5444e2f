// Values of the program's types travel through queues and pipes as JSON
// whatever holds them: a struct with methods, the same struct in an any,
// and a type with its own MarshalJSON.
//
// want reason=exit code=0
// want stdout contains "{ID:7 Items:[tea]} 1"
// want stdout contains "map[ID:7 Items:[tea]]"
// want stdout contains "[7 1]"
package main

import (
	"fmt"

	"workbook/proc"
)

type Order struct {
	ID    int
	Items []string
}

func (o Order) Total() int { return len(o.Items) }

func (o Order) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", o.ID, o.Total())), nil
}

type Plain struct {
	ID    int
	Items []string
}

func (p Plain) Total() int { return len(p.Items) }

func main() {
	q := proc.NewQueue()
	p := Plain{ID: 7, Items: []string{"tea"}}
	q.Put(p)
	var got Plain
	q.Get(&got)
	fmt.Printf("%+v %d\n", got, got.Total())

	var a any = p
	here, there := proc.Pipe()
	here.Send(a)
	var m map[string]any
	there.Recv(&m)
	fmt.Println(m)

	q.Put(Order{ID: 7, Items: []string{"tea"}})
	var pair []int
	q.Get(&pair)
	fmt.Println(pair)
}
