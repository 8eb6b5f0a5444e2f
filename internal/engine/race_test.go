package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"workbook/internal/lower"
	"workbook/internal/wire"
)

func TestParseRaceAccess(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		want raceAccess // head is the line
	}{
		{"Read at 0x00c0002c01c8 by goroutine 16:", true, raceAccess{addr: 0xc0002c01c8, id: 16}},
		{"Write at 0x00c0001ec8ef by goroutine 13:", true, raceAccess{addr: 0xc0001ec8ef, write: true, id: 13}},
		{"Previous read at 0x00c0001ec8ef by goroutine 12:", true, raceAccess{addr: 0xc0001ec8ef, id: 12}},
		{"Previous write at 0x00c0002c01c8 by goroutine 15:", true, raceAccess{addr: 0xc0002c01c8, write: true, id: 15}},
		{"Atomic read at 0x00c000012345 by goroutine 7:", true, raceAccess{addr: 0xc000012345, id: 7}},
		{"Atomic write at 0x00c000012345 by goroutine 7:", true, raceAccess{addr: 0xc000012345, write: true, id: 7}},
		{"Previous atomic read at 0x00c000012345 by goroutine 8:", true, raceAccess{addr: 0xc000012345, id: 8}},
		{"Previous atomic write at 0x00c000012345 by goroutine 8:", true, raceAccess{addr: 0xc000012345, write: true, id: 8}},
		{"Write at 0x00c000012345 by main goroutine:", true, raceAccess{addr: 0xc000012345, write: true}},
		// The other lines of a report.
		{"WARNING: DATA RACE", false, raceAccess{}},
		{"  counter (package-level variable)", false, raceAccess{}},
		{"Goroutine 16 (running) created at:", false, raceAccess{}},
		{"  reflect.Value.SetInt()", false, raceAccess{}},
		{"Read at 0x00c0002c01c8 by goroutine 16", false, raceAccess{}}, // no colon
		{"  Read at 0x00c0002c01c8 by goroutine 16:", false, raceAccess{}},
		{"Read at 0xZZ by goroutine 16:", false, raceAccess{}},
	}
	for _, tt := range tests {
		want := tt.want
		if tt.ok {
			want.head = tt.line
		}
		got, ok := parseRaceAccess(tt.line)
		if ok != tt.ok || got != want {
			t.Errorf("parseRaceAccess(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, want, tt.ok)
		}
	}
}

func TestRegionsFind(t *testing.T) {
	rs := regions{list: []region{
		{addr: 100, size: 16, name: "s"},
		{addr: 100, size: 8, name: "s.a"},
		{addr: 108, size: 8, name: "s.b"},
		{addr: 200, size: 8, name: "p"},
		{addr: 200, size: 8, name: "p.only"}, // a struct of one field
		{addr: 300, size: 24, name: "o"},
		{addr: 300, size: 16, name: "o.in"}, // a struct inside a struct
		{addr: 300, size: 8, name: "o.in.x"},
		{addr: 308, size: 8, name: "o.in.y"},
		{addr: 316, size: 8, name: "o.z"},
		{addr: 400, size: 0, name: "e"}, // of size zero: its address still names it
		{addr: 500, size: 1, name: "m", kind: "contents of a map"},
	}}
	tests := []struct {
		addr uintptr
		want string // "" for none
	}{
		{100, "s.a"},
		{104, "s.a"}, // inside a field
		{108, "s.b"},
		{115, "s.b"},
		{116, ""}, // just past the struct
		{99, ""},
		{200, "p.only"},
		{300, "o.in.x"},
		{308, "o.in.y"},
		{316, "o.z"},
		{323, "o.z"},
		{400, "e"},
		{401, ""},
		{500, "m"},
	}
	for _, tt := range tests {
		r := rs.find(tt.addr)
		got := ""
		if r != nil {
			got = r.name
		}
		if got != tt.want {
			t.Errorf("find(%d) = %q; want %q", tt.addr, got, tt.want)
		}
	}
}

type pair struct{ a, b int64 }

// TestRegionsAdd maps real memory: what regions.add records of a value is
// found again at the addresses of its parts.
func TestRegionsAdd(t *testing.T) {
	var v struct {
		p   pair
		q   *pair
		m   map[string]int
		arr [3]int32
		s   []int16
		n   int
	}
	v.q = &pair{}
	v.m = map[string]int{"k": 1}
	v.s = make([]int16, 4)
	rs := regions{structType: func(fields []string) string {
		if slices.Equal(fields, []string{"a", "b"}) {
			return "pair"
		}
		return ""
	}}
	rs.add(reflect.ValueOf(&v).Elem(), "v", "package-level variable", "var:v", 2)
	mapData := *(*unsafe.Pointer)(unsafe.Pointer(&v.m))

	tests := []struct {
		addr     unsafe.Pointer
		name     string
		kind     string
		key      string
		contents bool
	}{
		{unsafe.Pointer(&v.p.a), "v.p.a", "struct field", "field:pair.a", false},
		{unsafe.Pointer(&v.p.b), "v.p.b", "struct field", "field:pair.b", false},
		{unsafe.Pointer(&v.q), "v.q", "struct field", "field:q", false},
		// What a pointer points at, two levels down: named by the pointer.
		{unsafe.Pointer(&v.q.b), "v.q", "struct field", "field:q", false},
		{mapData, "v.m", "contents of a map", "field:m", true},
		{unsafe.Pointer(&v.arr[1]), "v.arr[1]", "element of v.arr", "field:arr", false},
		{unsafe.Pointer(&v.s[2]), "v.s[2]", "element of v.s", "field:s", false},
		{unsafe.Pointer(&v.n), "v.n", "struct field", "field:n", false},
	}
	for _, tt := range tests {
		r := rs.find(uintptr(tt.addr))
		if r == nil {
			t.Errorf("find(&%s) = nil", tt.name)
			continue
		}
		if r.name != tt.name || r.kind != tt.kind || r.key != tt.key || r.contents != tt.contents {
			t.Errorf("find(&%s) = %q (%s) key %q contents %v; want %q (%s) key %q contents %v",
				tt.name, r.name, r.kind, r.key, r.contents, tt.name, tt.kind, tt.key, tt.contents)
		}
	}
	if r := rs.find(uintptr(unsafe.Pointer(&v)) + unsafe.Sizeof(v)); r != nil {
		t.Errorf("find(just past v) = %q; want none", r.name)
	}
}

func TestFieldName(t *testing.T) {
	tests := []struct {
		f    reflect.StructField
		want string
	}{
		{reflect.StructField{Name: "hits"}, "hits"},
		{reflect.StructField{Name: "Xcounter"}, "Xcounter"}, // not embedded: its own name
		{reflect.StructField{Name: "Xcounter", Anonymous: true}, "counter"},
		{reflect.StructField{Name: "XML", Anonymous: true}, "XML"},
		{reflect.StructField{Name: "X", Anonymous: true}, "X"},
		{reflect.StructField{Name: "Mutex", Anonymous: true}, "Mutex"},
	}
	for _, tt := range tests {
		if got := fieldName(tt.f); got != tt.want {
			t.Errorf("fieldName(%+v) = %q; want %q", tt.f, got, tt.want)
		}
	}
}

// TestAccessLines: which of the program's lines a side of a race lists,
// and in which order.
func TestAccessLines(t *testing.T) {
	l := func(file string, line int) lower.Line { return lower.Line{File: file, Line: line} }
	c := &child{
		prog: &lower.Program{Accesses: map[string]*lower.Access{
			// n++ at 12 and 30; n read at 20, written at 25.
			"var:n": {Reads: []lower.Line{l("main.go", 12), l("main.go", 20), l("main.go", 30)}, Writes: []lower.Line{l("main.go", 12), l("main.go", 25), l("main.go", 30)}},
			"var:m": {Reads: []lower.Line{l("main.go", 9), l("b.go", 4)}, Writes: []lower.Line{l("main.go", 7), l("main.go", 9)}},
			"var:h": {Reads: []lower.Line{l("main.go", 5), l("hidden.go", 3), l("hidden.go", 8)}, Writes: []lower.Line{l("main.go", 5)}},
		}},
		req: wire.Request{Files: []wire.File{{Name: "main.go"}, {Name: "b.go"}, {Name: "hidden.go", Hidden: true}}},
	}
	tests := []struct {
		name                   string
		key                    string
		write, mixed, contents bool
		want                   string
	}{
		{"reads", "var:n", false, false, false, "main.go:12 main.go:20 main.go:30"},
		{"writes", "var:n", true, false, false, "main.go:12 main.go:25 main.go:30"},
		{"a read against a write: the lines that do both", "var:n", false, true, false, "main.go:12 main.go:30"},
		{"a write against a read: the lines that do both", "var:n", true, true, false, "main.go:12 main.go:30"},
		{"no line does both: all", "var:h", true, true, false, "main.go:5"},
		{"contents of a map: every line, sorted, once", "var:m", true, true, true, "b.go:4 main.go:7 main.go:9"},
		{"hidden lines told once", "var:h", false, false, false, "main.go:5 hidden test"},
		{"unknown variable", "var:x", false, false, false, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range c.accessLines(tt.key, tt.write, tt.mixed, tt.contents) {
			got = append(got, f.Location())
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%s: accessLines(%q, write %v, mixed %v, contents %v) = %q; want %q", tt.name, tt.key, tt.write, tt.mixed, tt.contents, s, tt.want)
		}
	}
}

// raceCase is a case of testdata/race: a program, lowered for where it
// reads and writes its variables, the memory its variables held, and a
// race detector's report on it.
type raceCase struct {
	child *child
	find  func(uintptr) *region
	block []string
}

func loadRaceCase(t *testing.T, path string) raceCase {
	t.Helper()
	var ar = archives(t, "race")[path]
	hidden := map[string]bool{}
	for _, name := range strings.Fields(string(section(ar, "hidden"))) {
		hidden[name] = true
	}
	var files []lower.File
	var req wire.Request
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".go") {
			files = append(files, lower.File{Name: f.Name, Src: f.Data})
			req.Files = append(req.Files, wire.File{Name: f.Name, Src: string(f.Data), Hidden: hidden[f.Name]})
		}
	}
	prog, err := lower.Lower(files, lower.Run)
	if err != nil {
		t.Fatalf("lowering the program of %s: %v", path, err)
	}
	var list []struct {
		Addr     string
		Size     uintptr
		Name     string
		Kind     string
		Key      string
		Contents bool
	}
	if err := json.Unmarshal(section(ar, "regions.json"), &list); err != nil {
		t.Fatalf("%s: regions.json: %v", path, err)
	}
	rs := regions{}
	for _, r := range list {
		addr, err := strconv.ParseUint(strings.TrimPrefix(r.Addr, "0x"), 16, 64)
		if err != nil {
			t.Fatalf("%s: regions.json: %v", path, err)
		}
		rs.list = append(rs.list, region{addr: uintptr(addr), size: r.Size, name: r.Name, kind: r.Kind, key: r.Key, contents: r.Contents})
	}
	block := strings.Split(strings.TrimSuffix(string(section(ar, "block")), "\n"), "\n")
	c := &child{prog: prog, req: req}
	// The runtime's number of main in the recorded run, which reports
	// call main goroutine.
	if main, err := strconv.Atoi(strings.TrimSpace(string(section(ar, "main")))); err == nil {
		c.monitor = &monitor{mainG: &gstate{id: main}}
	}
	return raceCase{child: c, find: rs.find, block: block}
}

// TestExplainRace tells the race detector's reports of testdata/race in
// the program's terms: the report a learner sees (section report) and
// what the runner gets besides (race.json).
func TestExplainRace(t *testing.T) {
	defer func(d bool) { debugging = d }(debugging)
	debugging = false // WORKBOOK_DEBUG=1 appends the block to the report
	for path, ar := range archives(t, "race") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			rc := loadRaceCase(t, path)
			race := rc.child.explainRace(rc.block, rc.find)
			golden(t, path, ar, "report", []byte(race.Report))
			race.Report = ""
			js, err := json.MarshalIndent(race, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, path, ar, "race.json", append(js, '\n'))
		})
	}
}

// TestRaceReader feeds the reader what the runner passes back: race
// reports among other lines, cut anywhere, with sync markers between.
func TestRaceReader(t *testing.T) {
	defer func(d bool) { debugging = d }(debugging)
	debugging = false
	rc := loadRaceCase(t, filepath.Join("testdata", "race", "counter.txtar"))
	var reports bytes.Buffer
	c := rc.child
	c.report = wire.NewWriter(&reports)
	c.compiled = make(chan struct{})
	close(c.compiled)

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	rr := &raceReader{c: c, echo: r, find: rc.find}
	race := "==================\n" + strings.Join(rc.block, "\n") + "\n==================\n"
	stream := "the program's own line\n" +
		race[:100] + string(wire.SyncMarker(1)) + race[100:] +
		"==================\nWARNING: DATA RACE\n==================\n" + // no access lines: told, unnamed
		"==================\nWARNING: some other warning\n==================\n" +
		string(wire.SyncMarker(2)) + "trailing text without a newline"
	go func() {
		for s := stream; s != ""; {
			n := min(len(s), 37) // writes that cut lines and markers
			w.Write([]byte(s[:n]))
			s = s[n:]
		}
		w.Close()
	}()
	rr.read() // until the pipe is closed
	r.Close()

	if !rr.ended.Load() || rr.seen.Load() != 2 {
		t.Errorf("after the stream: ended %v, seen marker %d; want true, 2", rr.ended.Load(), rr.seen.Load())
	}
	var got []string
	dec := json.NewDecoder(&reports)
	for dec.More() {
		var rep wire.Report
		if err := dec.Decode(&rep); err != nil {
			t.Fatal(err)
		}
		if rep.Kind != wire.KindRace || rep.Race == nil {
			t.Errorf("report %+v; want only races", rep)
			continue
		}
		got = append(got, fmt.Sprintf("%s %d", rep.Race.Variable, len(rep.Race.Accesses)))
	}
	if want := []string{"counter 2", " 0"}; !slices.Equal(got, want) {
		t.Errorf("races told (variable, accesses) = %q; want %q", got, want)
	}
}
