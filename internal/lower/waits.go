package lower

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A Wait is an operation of the program that may block the goroutine that
// runs it, or that lets another one go on: what a timeline labels a span
// of a goroutine with. The interpreter tells the engine where such an
// operation begins and ends (by position); Waits says what it is.
type Wait struct {
	// Op is what the operation does:
	//
	//	send, receive   on a channel
	//	range           the receive of a range over a channel
	//	select          a select statement
	//	lock, rlock     (*sync.Mutex).Lock, (*sync.RWMutex).Lock and RLock
	//	unlock, runlock their Unlock and RUnlock, which block nothing but
	//	                hand the lock over
	//	wait            (*sync.WaitGroup).Wait
	//	cond            (*sync.Cond).Wait
	//	sleep           time.Sleep
	//	proc            a function of workbook/proc that waits for another
	//	                process (Wait, Get, Put, Recv, Send, Join…)
	Op string
	// What is the channel, mutex or group as the program writes it ("ch",
	// "s.mu", "results"), or the call for sleep and proc ("time.Sleep(d)").
	What string
	// Made is the line that declared the variable What names, when it is
	// a variable of the program's files: the line that made the channel.
	Made int
	// Line is the operation's line.
	Line int
}

// A Pos is a place in a file the learner wrote.
type Pos struct {
	File      string
	Line, Col int
}

// waits finds the operations of the program that may block. Each is
// recorded at every position the interpreter may give for it (the
// statement's and the expression's), so that the engine finds it from
// whichever it is told.
func waits(fset *token.FileSet, files []*ast.File, srcs [][]byte, info *types.Info) map[Pos]Wait {
	out := map[Pos]Wait{}
	for i, f := range files {
		src := srcs[i]
		text := func(e ast.Node) string {
			from, to := fset.Position(e.Pos()).Offset, fset.Position(e.End()).Offset
			if from < 0 || to > len(src) || from > to {
				return ""
			}
			return string(src[from:to])
		}
		made := func(e ast.Expr) int {
			var id *ast.Ident
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				id = x
			case *ast.SelectorExpr:
				id = x.Sel
			}
			if id == nil {
				return 0
			}
			if obj, ok := info.Uses[id].(*types.Var); ok && obj.Pos().IsValid() {
				return fset.Position(obj.Pos()).Line
			}
			return 0
		}
		add := func(w Wait, at ...token.Pos) {
			for _, p := range at {
				if !p.IsValid() {
					continue
				}
				pos := fset.Position(p)
				if w.Line == 0 {
					w.Line = pos.Line
				}
				out[Pos{pos.Filename, pos.Line, pos.Column}] = w
			}
		}
		// The statement a receive is the value of (v := <-ch) may be
		// where the interpreter says the receive is.
		stmtOf := map[ast.Expr]ast.Stmt{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.AssignStmt:
				if len(s.Rhs) == 1 {
					stmtOf[ast.Unparen(s.Rhs[0])] = s
				}
			case *ast.ExprStmt:
				stmtOf[ast.Unparen(s.X)] = s
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SendStmt:
				add(Wait{Op: "send", What: text(x.Chan), Made: made(x.Chan)}, x.Pos(), x.Arrow)
			case *ast.UnaryExpr:
				if x.Op != token.ARROW {
					break
				}
				at := []token.Pos{x.Pos(), x.X.Pos()}
				if s, ok := stmtOf[x]; ok {
					at = append(at, s.Pos())
				}
				add(Wait{Op: "receive", What: text(x.X), Made: made(x.X)}, at...)
			case *ast.SelectStmt:
				add(Wait{Op: "select", What: "select"}, x.Pos())
			case *ast.RangeStmt:
				if _, ok := info.TypeOf(x.X).Underlying().(*types.Chan); ok {
					add(Wait{Op: "range", What: text(x.X), Made: made(x.X)}, x.Pos(), x.X.Pos(), x.Range)
				}
			case *ast.CallExpr:
				op, what := blockingCall(x, info, text)
				if op != "" {
					at := []token.Pos{x.Pos(), x.Lparen}
					if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
						at = append(at, sel.Sel.Pos())
					}
					w := Wait{Op: op, What: what}
					if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && op != "sleep" && op != "proc" {
						w.Made = made(sel.X)
					}
					add(w, at...)
				}
			}
			return true
		})
	}
	return out
}

// blockingCall says what a call does, when it is a call of the library
// that may block or hand a lock over.
func blockingCall(call *ast.CallExpr, info *types.Info, text func(ast.Node) string) (op, what string) {
	var fn *types.Func
	var recv ast.Expr
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[f]; ok {
			fn, _ = sel.Obj().(*types.Func)
			recv = f.X
		} else {
			fn, _ = info.Uses[f.Sel].(*types.Func)
		}
	case *ast.Ident:
		fn, _ = info.Uses[f].(*types.Func)
	}
	if fn == nil || fn.Pkg() == nil {
		return "", ""
	}
	name := fn.FullName()
	switch name {
	case "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock":
		op = "lock"
	case "(*sync.RWMutex).RLock":
		op = "rlock"
	case "(*sync.Mutex).Unlock", "(*sync.RWMutex).Unlock":
		op = "unlock"
	case "(*sync.RWMutex).RUnlock":
		op = "runlock"
	case "(*sync.WaitGroup).Wait":
		op = "wait"
	case "(*sync.Cond).Wait":
		op = "cond"
	case "time.Sleep":
		return "sleep", text(call)
	default:
		if fn.Pkg().Path() == "workbook/proc" && procWaits[fn.Name()] {
			return "proc", text(call)
		}
		return "", ""
	}
	if recv != nil {
		what = text(recv)
	}
	return op, what
}

// procWaits are the functions and methods of workbook/proc that wait for
// another process.
var procWaits = map[string]bool{
	"Wait": true, "Join": true, "Get": true, "Put": true, "Recv": true, "Send": true,
	"Map": true, "Lock": true, "Acquire": true,
}
