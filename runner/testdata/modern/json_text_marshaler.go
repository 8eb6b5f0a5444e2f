// encoding/json looks for encoding.TextMarshaler, whose package this
// program does not import: the interpreter has no wrapper for it, and
// passes the value on as it is. MarshalText here returns what the default
// encoding gives, so the output is Go's either way.
package main

import (
	"encoding/json"
	"fmt"
)

type label string

func (l label) MarshalText() ([]byte, error) { return []byte(l), nil }

func main() {
	b, err := json.Marshal(label("urgent"))
	fmt.Println(string(b), err)
	b, err = json.Marshal(map[string]label{"tag": "later"})
	fmt.Println(string(b), err)
}
