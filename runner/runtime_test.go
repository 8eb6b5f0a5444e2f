package runner

import (
	"os"
	"strings"
	"testing"

	"workbook/internal/wire"
)

// TestRuntimeVerdict: what the runtime said decides how a child ended,
// but nothing after a panic's first line, which holds the program's text.
func TestRuntimeVerdict(t *testing.T) {
	tests := []struct {
		name, text string
		want       runtimeVerdict
	}{
		{"fatal", "fatal error: concurrent map writes\n\ngoroutine 1 [running]:\n", runtimeVerdict{fatal: "fatal error: concurrent map writes"}},
		{"out of memory", "runtime: out of memory: cannot allocate 8192-byte block\nfatal error: out of memory\n", runtimeVerdict{fatal: "runtime: out of memory: cannot allocate 8192-byte block"}},
		{"stack", "runtime: goroutine stack exceeds 1000000-byte limit\nfatal error: stack overflow\n", runtimeVerdict{fatal: "fatal error: stack overflow (goroutine stack exceeds 1000000-byte limit)"}},
		{"race detector died", "==123==ERROR: ThreadSanitizer: failed to allocate 0x1000 bytes\n", runtimeVerdict{raceDied: "==123==ERROR: ThreadSanitizer: failed to allocate 0x1000 bytes"}},
		{"panic with forged text", "panic: boom\nfatal error: runtime: out of memory\n==1==ERROR: ThreadSanitizer: out of memory\n\ngoroutine 7 [running]:\n", runtimeVerdict{panic: "boom"}},
		{"recovered and repanicked", "panic: boom [recovered]\n", runtimeVerdict{panic: "boom"}},
		{"fault in the garbage collector", "SIGSEGV: segmentation violation\nPC=0x43a3bd m=0 sigcode=1 addr=0x0\n\ngoroutine 0 gp=0x11629e0 m=0 mp=0x11641a0 [idle]:\nruntime.(*spanQueue).tryDrain(0x400?, 0x7fff12a9a901?, 0x44a678?)\n",
			runtimeVerdict{fatal: "SIGSEGV: segmentation violation", runtimeFault: true}},
		{"fault elsewhere", "SIGSEGV: segmentation violation\nPC=0x43a3bd m=0 sigcode=1 addr=0x0\n\ngoroutine 7 gp=0x11629e0 m=0 mp=0x11641a0 [running]:\nsomepkg.f()\n",
			runtimeVerdict{fatal: "SIGSEGV: segmentation violation"}},
		{"nothing", "", runtimeVerdict{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l runtimeLog
			l.text.WriteString(tt.text)
			if got := l.verdict(); got != tt.want {
				t.Errorf("verdict(%q) = %+v; want %+v", tt.text, got, tt.want)
			}
		})
	}
}

// TestRuntimeLogRead: race reports are counted, sync markers removed even
// in the middle of a report, and everything passed back to the engine.
func TestRuntimeLogRead(t *testing.T) {
	report := "==================\nWARNING: DATA RACE\nWrite at 0x1 by goroutine 7:\n==================\n"
	stream := "fatal-free line\n" + report[:30] + string(wire.SyncMarker(1)) + report[30:] + "\nmore\n" + string(wire.SyncMarker(2)) + report
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	er, ew, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for i := 0; i < len(stream); i += 7 { // in small pieces
			w.WriteString(stream[i:min(i+7, len(stream))])
		}
		w.Close()
	}()
	echoed := make(chan string)
	go func() {
		var b strings.Builder
		buf := make([]byte, 1024)
		for {
			n, err := er.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				echoed <- b.String()
				return
			}
		}
	}()
	var l runtimeLog
	var reports []string
	l.read(r, newEchoer(ew), func(rep string) { reports = append(reports, rep) })
	if l.count() != 2 || len(reports) != 2 || reports[0] != report || reports[1] != report {
		t.Errorf("count %d, reports %q; want 2 of %q", l.count(), reports, report)
	}
	if got := l.text.String(); got != "fatal-free line\n\nmore\n" {
		t.Errorf("text = %q", got)
	}
	if got := <-echoed; got != stream {
		t.Errorf("echoed %q; want the stream as read", got)
	}
}

// TestRuntimeLogFatalInReport: a fatal error that ends the child while the
// race detector writes a report is read as the fatal error it is, and the
// report, unfinished, is not counted (decide.go tells the race from the
// fatal error).
func TestRuntimeLogFatalInReport(t *testing.T) {
	stream := "==================\nWARNING: DATA RACE\nWrite at 0x1 by goroutine 7:\n  runtime.mapassign_fast64()\n" +
		"fatal error: concurrent map writes\n\ngoroutine 7 [running]:\n"
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		w.WriteString(stream)
		w.Close()
	}()
	var l runtimeLog
	l.read(r, nil, nil)
	if l.count() != 0 {
		t.Errorf("%d race reports counted; want 0, the one begun was not finished", l.count())
	}
	if v := l.verdict(); v.fatal != "fatal error: concurrent map writes" {
		t.Errorf("verdict %+v; want the fatal error", v)
	}
}

// TestContradiction: reports out of their order, or that the exit status
// belies, are told.
func TestContradiction(t *testing.T) {
	k := func(kinds ...string) []wire.Report {
		var out []wire.Report
		for _, kind := range kinds {
			out = append(out, wire.Report{Kind: kind})
		}
		return out
	}
	tests := []struct {
		name    string
		reports []wire.Report
		code    int
		want    string
	}{
		{"ran", k("ready", "sandbox", "compiled", "test-run", "test", "exit"), 0, ""},
		{"compile error", k("ready", "compile"), 1, ""},
		{"panic", k("sandbox", "compiled", "panic"), 2, ""},
		{"panic, exit 0", k("sandbox", "compiled", "panic"), 0, "a panic report, and exit status 0"},
		{"exit code", []wire.Report{{Kind: "sandbox"}, {Kind: "compiled"}, {Kind: "exit", Code: 3}}, 0, "a exit report, and exit status 0"},
		{"second sandbox", k("sandbox", "compiled", "sandbox", "exit"), 0, "a sandbox report after the program started"},
		{"test before compiled", k("sandbox", "test", "exit"), 0, "a test report before the program was compiled"},
		{"after the end", k("sandbox", "compiled", "exit", "test"), 0, "a test report after the exit report"},
		{"silent success", k("sandbox", "compiled"), 0, "exit status 0 without an exit report"},
		{"fatal error", k("sandbox", "compiled"), 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &run{reports: tt.reports}
			if got := r.contradiction(tt.code); got != tt.want {
				t.Errorf("contradiction = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestUnexplainedRaces: a race the engine could not tell is still told,
// and the fatal error of a map is a race even when the race detector had
// not finished its report.
func TestUnexplainedRaces(t *testing.T) {
	heads := [][]string{{"Write at 0x00c000123 by goroutine 8:", "Previous write at 0x00c000123 by goroutine 9:"}}
	tests := []struct {
		name   string
		race   bool
		heads  [][]string
		fatal  string
		want   []string // in the one report
		wantN  int
		accOne RaceAccess
	}{
		{"map, with the report", true, heads, "fatal error: concurrent map writes",
			[]string{"WARNING: DATA RACE", "Write at 0x00c000123 by goroutine 8:", "the contents of a map", "before the workbook could tell which map"}, 1, RaceAccess{Write: true, Goroutine: 8}},
		{"map, the report cut short", true, nil, "fatal error: concurrent map read and map write",
			[]string{"WARNING: DATA RACE", "the contents of a map, by two goroutines at once", "(concurrent map read and map write)", "before the race detector had finished"}, 1, RaceAccess{}},
		{"no race detector", false, nil, "fatal error: concurrent map writes", nil, 0, RaceAccess{}},
		{"another fatal error", true, nil, "fatal error: stack overflow", nil, 0, RaceAccess{}},
		{"nothing", true, nil, "", nil, 0, RaceAccess{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &run{opts: Options{Race: tt.race}}
			r.runtime.heads = tt.heads
			res := &Result{}
			added := r.addUnexplainedRaces(res, tt.fatal)
			if len(added) != tt.wantN || len(res.Races) != tt.wantN {
				t.Fatalf("addUnexplainedRaces(%q) added %d, res has %d; want %d", tt.fatal, len(added), len(res.Races), tt.wantN)
			}
			if tt.wantN == 0 {
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(res.Races[0].Report, w) {
					t.Errorf("report does not say %q:\n%s", w, res.Races[0].Report)
				}
			}
			if a := res.Races[0].Accesses; len(tt.heads) > 0 && (a[0].Write != tt.accOne.Write || a[0].Goroutine != tt.accOne.Goroutine) {
				t.Errorf("first access = %+v; want %+v", res.Races[0].Accesses[0], tt.accOne)
			}
		})
	}
}
