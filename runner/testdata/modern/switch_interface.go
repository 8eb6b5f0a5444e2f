// An expression switch on an interface value compares each case by
// dynamic type and value, as == does, whatever the earlier cases' types.
package main

import "fmt"

func describe(v any) string {
	switch v {
	case 42:
		return "the int 42"
	case "hello":
		return "a greeting"
	case 2.5:
		return "the float 2.5"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("something else (%T)", v)
}

func main() {
	for _, v := range []any{42, "hello", 2.5, nil, int64(42), float32(2.5), true} {
		fmt.Println(describe(v))
	}
}
