// Package exercises holds the workbook's exercises, reads an exercise set,
// and grades a learner's work against an exercise's hidden tests.
//
// # An exercise
//
// An exercise is an ordinary Go package in a directory of its own, named
// for the exercise and for the package: counter/ holds package counter.
// The same directory runs under the built-in engine and under go test
// -race with the real toolchain, so instructors write tests the way they
// already do.
//
//	counter/
//	  exercise.toml       the metadata (below)
//	  README.md           the task, in English
//	  README.zh.md        the task, in Chinese
//	  counter.go          the starter: the file the learner edits
//	  counter_test.go     the hidden tests
//	  solution/counter.go the reference solution
//	  wrong/*.go          wrong solutions the hidden tests must catch
//
// The learner's files are the .go files at the top of the directory that
// are not tests; `workbook init` copies them, and the READMEs, into the
// learner's workspace, as counter/counter.go and counter/README.md. Every
// starter compiles and fails at least one hidden test; for the exercises
// on races the starter is the racy program itself, for others it holds
// the contract's declarations with bodies still to write.
//
// The hidden tests are the _test.go files. They are an external test
// package (package counter_test) that imports the package under test by
// the exercise's name, import "counter", and so uses only what the
// contract exports. The learner never sees them: the grader shows a
// failing test's name, message and hint, and every position in a hidden
// file as "hidden test".
//
// solution/ holds a reference solution for each learner file, under the
// same name; it passes every hidden test. wrong/ holds solutions that are
// wrong in a way a careful instructor would think of, one file each, each
// standing in for the exercise's one learner file. Each starts with two
// comment lines that `workbook check --dev` holds it to:
//
//	// Wrong: Value reads n without the lock.
//	// Fails: TestValueWhileIncrementing
//
// # exercise.toml
//
// The metadata, in TOML:
//
//	topic = "races"     # races, ipc, event-loops or deadlocks; a set of
//	                    # one's own may name other topics
//	order = 1           # the exercise's place in the set: init, list and
//	                    # watch go through the set in this order
//	points = 10         # what passing every test earns
//	lesson = "races"    # the slug of the lesson the exercise practises
//	timeout = "10s"     # the wall-clock limit of one graded run (default 10s)
//	race = true         # run the tests with the race detector (default true)
//	count = 3           # how many times each test runs in one check, as
//	                    # go test -count does (default 1)
//
//	[hints.TestValueWhileIncrementing]   # shown under the test's failure
//	en = "Value reads n while Inc writes it: …"
//	zh = "Inc 写 n 的同时，Value 在读它：……"
//
// Every key but the hints is required except where a default is given,
// and no other key is allowed. A hint names a test of the hidden tests.
//
// A check that rests on a run without the race detector can be fooled: a
// data race can tear a value in interpreted code as in compiled Go, and a
// program that does it on purpose can forge its own results. race = false
// is for an instructor's exercise whose tests are not about concurrency,
// and its verdict is marked as such.
//
// # README
//
// README.md and README.zh.md start with the exercise's title as a level-one
// heading, say what to build (for the exercises with a fixed contract, the
// contract itself, declarations included), link back to the lesson, and
// end with a "## Hints" section ("## 提示" in Chinese), which `workbook
// hint` prints.
package exercises
