// Opens a network connection.
//
// want reason=compile
// want diagnostic "package net is not available in the workbook sandbox: the sandbox has no network"
package main

import "net"

func main() {
	net.Dial("tcp", "1.1.1.1:80")
}
