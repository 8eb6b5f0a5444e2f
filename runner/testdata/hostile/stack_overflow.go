// Recurses without end.
//
// want reason=fatal code=2
// want message contains "stack overflow"
package main

func f(n int) int { return f(n+1) + 1 }

func main() { f(0) }
