package runner

// Exit codes of a run, as the CLI returns them. Where go run has a code,
// it is the same; each limit and a detected deadlock has its own, so that a
// script can tell them apart.
//
// A program may call os.Exit with one of these codes itself: its status is
// passed on as it is, and Result.Reason (exit.reason in the events) is
// Exited, never the verdict the code also stands for. Reserved says which
// codes are the runner's; workbook run says so on standard error when a
// program exits with one.
//
//	0    the program exited normally
//	1    the program does not compile (as go run: the build failed)
//	2    an unrecovered panic, or a fatal error of the Go runtime
//	66   the program finished but the race detector reported data races
//	     (as go run -race)
//	N    os.Exit(N)
//	70   the sandbox itself failed (EX_SOFTWARE)
//	80   deadlock: every goroutine was blocked
//	81   time limit (wall clock) exceeded
//	82   CPU time limit exceeded
//	83   memory limit exceeded
//	84   output limit exceeded
//	85   goroutine limit exceeded
//	86   thread limit exceeded
//	87   disk limit exceeded (the bytes of the program's files)
//	88   file limit exceeded (how many files it made)
//	130  interrupted
const (
	ExitCompile    = 1
	ExitPanic      = 2
	ExitRace       = 66
	ExitInternal   = 70
	ExitDeadlock   = 80
	ExitTime       = 81
	ExitCPU        = 82
	ExitMemory     = 83
	ExitOutput     = 84
	ExitGoroutines = 85
	ExitThreads    = 86
	ExitDisk       = 87
	ExitFiles      = 88
	ExitCanceled   = 130
)

// Reserved reports whether code is one the runner gives its own verdicts
// (66, 70, 80 to 88, 130), which a program that exits with it by itself
// makes ambiguous to a reader of the status alone.
func Reserved(code int) bool {
	switch code {
	case ExitRace, ExitInternal, ExitCanceled:
		return true
	}
	return code >= ExitDeadlock && code <= ExitFiles
}

var limitCodes = map[string]int{
	"time":       ExitTime,
	"cpu":        ExitCPU,
	"memory":     ExitMemory,
	"output":     ExitOutput,
	"goroutines": ExitGoroutines,
	"threads":    ExitThreads,
	"disk":       ExitDisk,
	"files":      ExitFiles,
}
