// Package lessons holds the workbook's lessons and reads them.
//
// A lesson is a Markdown file, <lang>/<slug>.md: en/processes.md is the
// English edition of the lesson processes, zh/processes.md its Chinese
// edition. Every edition has the same lessons, and every lesson the same
// snippets in the same order in every edition. Pictures live in img/.
//
// # Front matter
//
// A lesson starts with its metadata between two lines of three dashes, one
// "key: value" per line:
//
//	---
//	title: Processes
//	order: 1
//	summary: A process owns its memory. Start one, wait for it, read its exit code.
//	---
//
// All three keys are required, and no other is allowed. order sorts the
// lessons, and is the same in every edition. The title is shown above the
// lesson, so its own headings start at ##.
//
// # Code blocks
//
// This is the one place the fenced-code grammar is defined. The first word
// of a block's info string is its language. For Go, the words after it say
// what the block is:
//
//	```go                display only: highlighted, never run
//	```go run            runnable: a complete program, package main, that the
//	                     Run button runs and the tests run
//	```go run race       runnable, meant for the race detector: run with it
//	```go run want=R     runnable, and the run ends with reason R (one of the
//	                     reasons of package runner: exit, panic, fatal, race,
//	                     deadlock, limit); without want, it exits with status 0
//	                     (and with race, no race is reported)
//
// In a runnable block, a line that ends in "// OMIT" runs but is shown
// nowhere, the convention of golang.org/x/tools/present. Such lines may
// only open or close the block (package clauses, imports, helpers), so
// that a learner's edit of the lines shown still fits between them.
//
// A runnable block is followed by its expected output: what the program
// writes to standard output, then what it writes to standard error, in a
// block of its own:
//
//	```output            exactly this
//	```output pattern    "…" matches any text within a line, and a line
//	                     that is only "…" matches any number of lines
//	                     (timings, addresses, goroutine numbers)
//	```output unordered  these lines, in any order (goroutines that print
//	                     concurrently); "pattern" and "unordered" combine
//
// A block whose info string is "exercise" and a name points to a graded
// exercise (see package exercises) that practises the lesson; its text is
// what a reader of the Markdown file sees, the site shows the exercise:
//
//	```exercise counter
//	A counter many goroutines share: workbook check counter
//	```
//
// Every edition points to the same exercises in the same order, and the
// exercise's own metadata names the lesson back.
//
// Other blocks (a shell session, a Python program the lesson translates,
// a table in plain text) are shown as they are.
package lessons
