// Reads the host's environment.
//
// want code=0
// want stdout not contains "WORKBOOK_TEST_SECRET"
// want stdout not contains "s3cr3t"
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Environ())
	fmt.Println(os.Getenv("WORKBOOK_TEST_SECRET"))
	h, _ := os.Hostname()
	fmt.Println(h)
}
