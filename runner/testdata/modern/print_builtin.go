// The print and println builtins write to standard error as the runtime
// formats: floats in their shortest form, print with no spaces between
// its operands, a nil interface as its two words.
package main

func main() {
	var err error
	var x any
	n, f, c := -7, 2.5, complex(1, -2)
	println("ints:", n, uint8(200), int64(1)<<40)
	println("floats:", f, 1e21, float32(0.1), 1.0/3)
	println("complex:", c, "bool:", n < 0)
	println("nil error:", err, "nil any:", x)
	print("print", n, f, "\n")
	print("no newline")
	print("\n")
}
