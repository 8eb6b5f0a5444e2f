package timeline

import (
	"fmt"

	"workbook/runner"
)

// words are the picture's words in one language.
type words struct {
	title, time, goroutine, created, by       string
	summary, deadlock, races, race, dropped   string
	unknownVariable, aliveHint, stuck, waited string
	handOff                                   string
	legendAlive, legendBlocked, legendStuck   string
	legendReady, readyFor                     string
	readySpawned, readyWoken                  string
	legendHandOff, legendRace, raceMark       string
	raceTip, raceAgain, fromLine, process     string
	raceBetween                               string
	// ops are the words of the operations that are not code: "receive
	// from %s" (the others are as the program writes them, codeOps).
	ops map[string]string
}

// codeOps are the operations said as the program writes them, in every
// language: "mu.Lock()"; the call itself for sleep and proc.
var codeOps = map[string]string{
	"select":  "select",
	"lock":    "%s.Lock()",
	"rlock":   "%s.RLock()",
	"unlock":  "%s.Unlock()",
	"runlock": "%s.RUnlock()",
	"wait":    "%s.Wait()",
	"cond":    "%s.Wait()",
	"sleep":   "%s",
	"proc":    "%s",
}

var english = words{
	title:           "Timeline",
	time:            "time since main began",
	goroutine:       "goroutine",
	created:         "started at %s",
	by:              " by goroutine %d",
	summary:         "%d goroutines over %s; %d waits that blocked, %d hand-offs.",
	deadlock:        "The program ended in a deadlock: every goroutine still there waits where its lane ends in red.",
	races:           "Data races",
	race:            "a data race on %s (%s)",
	dropped:         "The trace keeps 5,000 operations: %d more were left out.",
	unknownVariable: "a variable the workbook could not name",
	aliveHint:       "running (or set aside for a moment by the scheduler to run another: only the runtime knows when)",
	stuck:           "still waiting when the program ended",
	waited:          "waited %s",
	handOff:         "goroutine %d (%s) let goroutine %d go on",
	legendAlive:     "running",
	legendReady:     "ready to run, waiting for a thread",
	readyFor:        "ready to run, waiting for a thread: %s",
	readySpawned:    "started by its go statement, not yet running",
	readyWoken:      "goroutine %d let it go on; it had not run again yet",
	legendBlocked:   "blocked: waiting for another goroutine, a timer or a process",
	legendStuck:     "still waiting when the program ended",
	legendHandOff:   "a hand-off: one goroutine lets a waiting one go on",
	legendRace:      "a data race, when the race detector reported it, joining the two goroutines",
	raceMark:        "race",
	raceAgain:       "reported %d more times after this",
	fromLine:        "line %d",
	process:         "process %d · %s",
	raceTip:         "a data race on %s: the race detector reported it at %s, just after the second access (see the race report for the lines)",
	raceBetween:     "a data race on %s between goroutine %d and goroutine %d: the race detector reported it at %s, just after the second access (see the race report for the lines)",
	ops: map[string]string{
		"send":    "send on %s",
		"receive": "receive from %s",
		"range":   "range over %s",
	},
}

var chinese = words{
	title:           "时间线",
	time:            "自 main 开始的时间",
	goroutine:       "goroutine",
	created:         "创建于 %s",
	by:              "，由 goroutine %d 创建",
	summary:         "共 %d 个 goroutine，历时 %s；%d 次阻塞等待，%d 次交接。",
	deadlock:        "程序以死锁结束：仍在的 goroutine 都停在红色结尾的地方等待。",
	races:           "数据竞争",
	race:            "%s 上的数据竞争（%s）",
	dropped:         "时间线最多保留 5,000 次操作，另有 %d 次未记录。",
	unknownVariable: "练习册无法指名的变量",
	aliveHint:       "正在运行（调度器为了运行别的 goroutine 让它暂停片刻时，也画成运行：只有运行时知道何时）",
	stuck:           "程序结束时仍在等待",
	waited:          "等待了 %s",
	handOff:         "goroutine %d（%s）让 goroutine %d 继续",
	legendAlive:     "正在运行",
	legendReady:     "可以运行，正等待线程",
	readyFor:        "可以运行，正等待线程：%s",
	readySpawned:    "go 语句已启动它，但还没轮到它运行",
	readyWoken:      "goroutine %d 已让它继续，但它还没再次运行",
	legendBlocked:   "阻塞：等待别的 goroutine、定时器或进程",
	legendStuck:     "程序结束时仍在等待",
	legendHandOff:   "交接：一个 goroutine 让正在等待的另一个继续",
	legendRace:      "数据竞争：竞态检测器报告它的时刻，连着竞争的两个 goroutine",
	raceMark:        "竞争",
	raceAgain:       "此后又报告了 %d 次",
	fromLine:        "第 %d 行启动",
	process:         "进程 %d · %s",
	raceTip:         "%s 上的数据竞争：竞态检测器在 %s 报告，紧接在第二次访问之后（哪几行，见竞争报告）",
	raceBetween:     "goroutine %[2]d 与 goroutine %[3]d 在 %[1]s 上的数据竞争：竞态检测器在 %[4]s 报告，紧接在第二次访问之后（哪几行，见竞争报告）",
	ops: map[string]string{
		"send":    "向 %s 发送",
		"receive": "从 %s 接收",
		"range":   "遍历 %s",
	},
}

func wordsFor(lang string) words {
	if lang == "zh" {
		return chinese
	}
	return english
}

// what says what a span waited for: "receive from results".
func (w words) what(s runner.TraceSpan) string {
	format, ok := w.ops[s.Op]
	if !ok {
		if format, ok = codeOps[s.Op]; !ok {
			return s.Op
		}
	}
	if s.Op == "select" {
		return format
	}
	return fmt.Sprintf(format, s.What)
}
