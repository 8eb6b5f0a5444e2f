// Package proc runs functions of a Go program in new OS processes, and
// connects them: Python's multiprocessing, for Go. It is how the
// workbook's lessons show processes (each with its own memory) and the ways
// processes talk, with programs that read like the Python they translate.
//
//	Python multiprocessing               proc
//	p = Process(target=f, args=(q, 3))   p := proc.New(f, q, 3)
//	p.start()                            err := p.Start()
//	p.join()                             p.Join()
//	p.pid, p.exitcode, p.is_alive()      p.Pid(), p.ExitCode(), p.Alive()
//	p.terminate(), p.kill()              p.Terminate(), p.Kill()
//	q = Queue(); q.put(x); q.get()       q := proc.NewQueue(); q.Put(x); q.Get(&x)
//	a, b = Pipe(); a.send(x); b.recv()   a, b := proc.Pipe(); a.Send(x); b.Recv(&x)
//	Value('i', 0); v.value += 1          v := proc.NewValue(0); v.Add(1)
//	Array('i', 10); a[3] = 7             a := proc.NewArray(10); a.Store(3, 7)
//	v.get_lock(), Lock()                 v.Lock() and v.Unlock(), proc.NewLock()
//
// A new process runs the same program from its start, then calls the
// target function with copies of the arguments: it shares no memory with
// the process that started it, except through the handles (Queue, Conn,
// Value, Array, Lock) passed to it as arguments. So the target is a
// function declared at the top level of the program, called by name; a
// function literal cannot be one.
//
// Messages on queues and pipes, and the arguments of a process, are
// copied as JSON: values that encoding/json carries (exported fields of
// structs, not channels or functions), received into a variable of the
// type that was sent.
//
// A process started by proc never outlives the one that started it. As
// goroutines end when main returns, so do processes: Join them first.
//
// In the workbook's sandbox, where a program may not start processes
// itself, proc asks the runner, which starts another sandboxed child
// running the same program, under the same limits, counted against the
// same run. Outside the sandbox, proc runs the program's executable again,
// and the new process takes over while proc itself is initialized, before
// the packages that import it.
//
// In both, the target is called before the program is initialized (unlike
// Python's spawn, which runs the module's top level first): no init
// function has run, and a package-level variable holds only what the
// compiler lays out in the binary:
//
//   - constants and nil, also in an interface: var n = 100,
//     var d = 2 * time.Second, var v any = 5;
//   - functions and function literals: var f = strings.ToUpper;
//   - the address of a package-level variable, of a field of one, or of an
//     element of an array one: var p = &n;
//   - []byte and []rune conversions of a constant string;
//   - array, slice and struct literals of all these, pointers to such
//     literals, and conversions that change only their type:
//     var s = []int{1, 2, 3}, var p = &point{1, 2};
//   - calls the compiler inlines into one of these: of a function of the
//     program that only returns a constant (func three() int { return 3 }),
//     and of errors.New with a constant message.
//
// Anything else is computed by code, which has not run, and is zero: a map
// (var m = map[string]int{"a": 1} is nil), a channel, any other call
// (var n = f(21) is 0), an operation on another variable or a copy of
// it. Of a literal, only the parts code computes are zero
// (point{1, f(2)} is {1 0}); an interface given a computed value holds
// the zero value of that value's type (var w io.Writer = os.Stdout holds a
// nil *os.File, and is not nil). The compiler may lay out more where it
// inlines other calls (context.Background()) or copies another variable;
// the sandbox does not, so do not count on it. A target that sets up what
// it needs, or is given it as an argument, behaves the same in both.
package proc
