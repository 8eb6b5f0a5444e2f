package engine

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"workbook/internal/lower"
	"workbook/internal/wire"
)

// The race detector reports what it sees: the interpreter's loads and
// stores, in the interpreter's functions. The engine tells those reports
// again in the program's terms: which variable (from the racing address
// and the program's variables), which lines read and write it (from the
// front end), and where the goroutines involved were started.
//
// The race detector writes its reports on descriptor 2, a pipe to the
// runner, which counts them and passes all it reads back on FDRaceEcho
// (see package runner). The engine reads them there. To know that every
// report written so far has come back (at the end of each test, so that
// a race is told with the test it happened in, and before the child
// exits), it writes a sync marker on descriptor 2 and waits for it.

// raceReader is the engine's reader of the race reports that come back.
type raceReader struct {
	c       *child
	echo    *os.File
	sent    atomic.Int64 // the last sync marker written
	seen    atomic.Int64 // the last sync marker come back
	ended   atomic.Bool  // the runner closed the echo
	partial []byte
	block   []string
	in      bool
	at      int64 // when the report being read began, in a traced run
	// find names the program's memory at an address: the variables as
	// they are when the report comes back (child.findVariable).
	find func(addr uintptr) *region
}

// readRaces starts reading the reports that come back, when the race
// detector is built in.
func (c *child) readRaces() {
	if !raceEnabled {
		return
	}
	if _, err := unix.FcntlInt(uintptr(wire.FDRaceEcho), unix.F_GETFD, 0); err != nil {
		return
	}
	unix.CloseOnExec(wire.FDRaceEcho)
	// Non-blocking, so that its reader waits in the network poller, not in
	// a system call, where the monitor would count it as running.
	unix.SetNonblock(wire.FDRaceEcho, true)
	c.races = &raceReader{c: c, echo: os.NewFile(uintptr(wire.FDRaceEcho), "race-echo"), find: c.findVariable}
	go c.races.read()
}

// read handles what comes back. Its synchronisation stays visible to the
// race detector: it must see what the compiler built before the program
// started (c.compiled), and it shares nothing with the program that could
// carry a happens-before edge from one goroutine to another (the markers
// are atomics, waited for by polling).
func (rr *raceReader) read() {
	defer rr.ended.Store(true)
	<-rr.c.compiled
	buf := make([]byte, 64<<10)
	for {
		n, err := rr.echo.Read(buf)
		if n > 0 {
			var last int64
			rr.partial, last = wire.StripMarkers(append(rr.partial, buf[:n]...))
			for {
				i := bytes.IndexByte(rr.partial, '\n')
				if i < 0 {
					break
				}
				rr.line(string(rr.partial[:i]))
				rr.partial = rr.partial[i+1:]
			}
			if last > 0 {
				rr.seen.Store(last)
			}
		}
		if err != nil {
			return
		}
	}
}

// flush waits until every race report written so far has been told.
func (rr *raceReader) flush() {
	if rr == nil || rr.ended.Load() {
		return
	}
	raceDisable()
	defer raceEnable()
	n := rr.sent.Add(1)
	if _, err := runtimeStderr.Write(wire.SyncMarker(n)); err != nil {
		return
	}
	deadline := time.Now().Add(2 * time.Second)
	for i := 0; rr.seen.Load() < n && !rr.ended.Load(); i++ {
		if time.Now().After(deadline) {
			return
		}
		if i < 100 {
			runtime.Gosched()
		} else {
			time.Sleep(200 * time.Microsecond)
		}
	}
}

// line handles one line the runtime wrote: a race report is the lines
// between two lines of "=", the first "WARNING: DATA RACE"; the runtime's
// other warnings and whatever is outside are not the engine's to tell.
func (rr *raceReader) line(line string) {
	switch {
	case !rr.in && line == "==================":
		rr.in, rr.block = true, rr.block[:0]
		if rr.c.trace != nil {
			rr.at = rr.c.trace.sinceStart()
		}
	case rr.in && line == "==================":
		rr.in = false
		if len(rr.block) > 0 && rr.block[0] == "WARNING: DATA RACE" {
			race := rr.c.explainRace(rr.block, rr.find)
			rr.c.trace.race(rr.at, race)
			rr.c.report.Send(wire.Report{Kind: wire.KindRace, Race: race})
		}
	case rr.in:
		rr.block = append(rr.block, line)
	}
}

// findVariable finds the program's variable at addr, from what the
// interpreter holds now.
func (c *child) findVariable(addr uintptr) *region { return c.regions().find(addr) }

var raceAccessLine = regexp.MustCompile(`^(Read|Write|Previous read|Previous write|Atomic read|Atomic write|Previous atomic read|Previous atomic write) at 0x([0-9a-f]+) by (?:goroutine (\d+)|main goroutine):$`)

// A raceAccess is one side of a race, from its line in the report:
// "Previous write at 0x00c0000a4010 by goroutine 7:".
type raceAccess struct {
	head  string // the line itself, which the report keeps
	addr  uintptr
	write bool // a write, atomic or not
	id    int  // the race detector's goroutine number; 0 for main
}

// parseRaceAccess reads the line of a report that says which goroutine
// accessed which address how; ok is false for any other line.
func parseRaceAccess(line string) (a raceAccess, ok bool) {
	m := raceAccessLine.FindStringSubmatch(line)
	if m == nil {
		return raceAccess{}, false
	}
	addr, _ := strconv.ParseUint(m[2], 16, 64)
	id, _ := strconv.Atoi(m[3])
	return raceAccess{head: line, addr: uintptr(addr), write: strings.Contains(strings.ToLower(m[1]), "write"), id: id}, true
}

// explainRace tells one race report in the program's terms, the
// variable found by find at the first access's address. The goroutines
// get the numbers panics, deadlocks and the timeline give them (main is
// 1), read from the chain each goroutine's stack ends in (spell.go), not
// the race detector's own.
func (c *child) explainRace(block []string, find func(addr uintptr) *region) *wire.Race {
	race := &wire.Race{}
	var reg *region
	var accs []raceAccess
	var stacks [][]string // the functions of each access's stack
	in := false           // in an access's stack, not a goroutine's creation
	for _, line := range block {
		a, ok := parseRaceAccess(line)
		switch {
		case ok:
			if len(accs) == 0 {
				reg = find(a.addr)
			}
			accs = append(accs, a)
			stacks = append(stacks, nil)
			in = true
		case strings.HasPrefix(line, "Goroutine "):
			in = false
		case in && strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   "):
			stacks[len(stacks)-1] = append(stacks[len(stacks)-1], strings.TrimSpace(line))
		}
	}
	name, kind := "a variable the workbook could not name", ""
	if reg != nil {
		name, kind = reg.name, reg.kind
		race.Variable, race.Kind = reg.name, reg.kind
	}
	var text strings.Builder
	text.WriteString("==================\nWARNING: DATA RACE\n")
	for i, a := range accs {
		acc := wire.RaceAccess{Write: a.write, Goroutine: c.raceGoroutine(a.id, stacks[i])}
		if reg != nil {
			acc.Lines = c.accessLines(reg.key, a.write && !reg.contents, len(accs) == 2 && accs[1-i].write != a.write, reg.contents)
		}
		race.Accesses = append(race.Accesses, acc)
		if i > 0 {
			text.WriteString("\n")
		}
		fmt.Fprintf(&text, "%s\n", accessHead(a.head, acc.Goroutine))
		label := name
		if kind != "" {
			label += " (" + kind + ")"
		}
		fmt.Fprintf(&text, "  %s\n", label)
		for _, l := range acc.Lines {
			fmt.Fprintf(&text, "      %s\n", l.Location())
		}
	}
	text.WriteString("==================\n")
	race.Report = text.String()
	race.Test = c.tests.running()
	if debugging {
		// What testdata/race records of a real run.
		race.Report += strings.Join(block, "\n") + "\n"
		if reg != nil {
			race.Report += fmt.Sprintf("region %#x %d %q %q %q %v main %d\n", reg.addr, reg.size, reg.name, reg.kind, reg.key, reg.contents, c.mainID())
		}
	}
	return race
}

// raceGoroutine is the program's number of the goroutine the race
// detector calls id, whose access had stack (its functions, innermost
// first): what the stack spells, or, for a stack the race detector could
// not restore, what an earlier stack of that goroutine spelled; 0 when
// neither says.
func (c *child) raceGoroutine(id int, stack []string) int {
	n, ok := readNumber(stack)
	if ok {
		if c.raceIDs == nil {
			c.raceIDs = map[int]int{}
		}
		c.raceIDs[id] = n
	} else if n, ok = c.raceIDs[id]; !ok {
		return 0
	}
	if n == c.mainID() {
		return 1
	}
	return n
}

// mainID is the runtime's number of the program's main goroutine, or 0.
func (c *child) mainID() int {
	if c.monitor == nil {
		return 0
	}
	return c.monitor.mainID()
}

// accessHead is the first line of an access in the program's numbers:
// "Read at 0x00c0000a4010 by goroutine 7:".
func accessHead(head string, g int) string {
	i := strings.LastIndex(head, " by ")
	if i < 0 {
		return head
	}
	switch g {
	case 0:
		return head[:i] + " by a goroutine the race detector lost track of:"
	case 1:
		return head[:i] + " by main goroutine:"
	}
	return fmt.Sprintf("%s by goroutine %d:", head[:i], g)
}

// accessLines lists the program's lines that access what key names the
// way asked (read or write). When the other side of the race is the other
// kind of access, the lines that do both (counter++) go first: that is
// where two goroutines running the same code collide.
//
// For the contents of a map, every line that uses the variable counts:
// m[k] = v writes the map but only reads the variable m.
func (c *child) accessLines(key string, write, mixed, contents bool) []wire.Frame {
	a := c.prog.Accesses[key]
	if a == nil {
		return nil
	}
	lines, other := a.Reads, a.Writes
	if write {
		lines, other = a.Writes, a.Reads
	}
	if contents {
		lines, mixed = append(append([]lower.Line{}, a.Reads...), a.Writes...), false
		slices.SortFunc(lines, func(x, y lower.Line) int {
			return cmp.Or(strings.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line))
		})
		lines = slices.Compact(lines)
	}
	if mixed {
		var both []lower.Line
		for _, l := range lines {
			for _, o := range other {
				if l == o {
					both = append(both, l)
				}
			}
		}
		if len(both) > 0 {
			lines = both
		}
	}
	var out []wire.Frame
	for _, l := range lines {
		file, line := c.place(l.File, l.Line)
		if len(out) > 0 && out[len(out)-1].File == file && out[len(out)-1].Line == line {
			continue // lines of a hidden file, told once
		}
		out = append(out, wire.Frame{File: file, Line: line})
	}
	return out
}

// A region is the memory of one variable, field or element, or the
// contents of a map, which the runtime reports at the map's own address.
type region struct {
	addr, size uintptr
	name, kind string
	key        string // into lower.Program.Accesses
	contents   bool   // the contents of the map the variable holds
}

type regions struct {
	list []region
	// structType names the program's struct type with these fields, if
	// one has exactly them (lower.Program.StructType).
	structType func(fields []string) string
}

// find returns the smallest region holding addr.
// A field that starts where its struct does, and is as large, is the
// better name: the race is on the field.
func (rs regions) find(addr uintptr) *region {
	var best *region
	for i := range rs.list {
		r := &rs.list[i]
		if addr >= r.addr && addr < r.addr+max(r.size, 1) &&
			(best == nil || r.size < best.size || r.size == best.size && len(r.name) > len(best.name)) {
			best = r
		}
	}
	return best
}

// regions maps the program's variables to their memory: each variable,
// the fields of structs, what pointers point at, the elements of arrays
// and slices, two levels deep.
func (c *child) regions() regions {
	rs := regions{structType: c.prog.StructType}
	for _, v := range c.interp.Variables() {
		kind, key := "package-level variable", "var:"+v.Name
		if v.Func != "" {
			fn := c.funcName(v.Func)
			if i := strings.Index(fn, ".func"); i >= 0 {
				fn = fn[:i]
			}
			kind, key = "local variable of "+fn, "local:"+fn+"."+v.Name
		}
		rs.add(v.Value, v.Name, kind, key, 2)
	}
	sort.Slice(rs.list, func(i, j int) bool { return rs.list[i].addr < rs.list[j].addr })
	return rs
}

func (rs *regions) add(v reflect.Value, name, kind, key string, depth int) {
	if !v.IsValid() || !v.CanAddr() {
		return
	}
	addr := v.Addr().UnsafePointer()
	rs.list = append(rs.list, region{addr: uintptr(addr), size: v.Type().Size(), name: name, kind: kind, key: key})
	if depth == 0 {
		return
	}
	// Pointers and slice headers are read without the race detector
	// seeing it: the program may be writing them, and that is its race,
	// not the engine's.
	switch t := v.Type(); v.Kind() {
	case reflect.Struct:
		names := make([]string, v.NumField())
		for i := range names {
			names[i] = fieldName(t.Field(i))
		}
		owner := ""
		if rs.structType != nil {
			owner = rs.structType(names)
		}
		for i, f := range names {
			key := "field:" + f
			if owner != "" {
				key = "field:" + owner + "." + f
			}
			rs.add(v.Field(i), name+"."+f, "struct field", key, depth-1)
		}
	case reflect.Pointer:
		if p := peekPointer(addr); p != nil {
			rs.add(reflect.NewAt(t.Elem(), p).Elem(), name, kind, key, depth-1)
		}
	case reflect.Map:
		// The runtime tells the race detector of a map's reads and
		// writes at the address of the map itself.
		if p := peekPointer(addr); p != nil {
			rs.list = append(rs.list, region{addr: uintptr(p), size: 1, name: name, kind: "contents of a map", key: key, contents: true})
		}
	case reflect.Array:
		for i := 0; i < min(v.Len(), 64); i++ {
			rs.add(v.Index(i), fmt.Sprintf("%s[%d]", name, i), "element of "+name, key, depth-1)
		}
	case reflect.Slice:
		data, n := peekSlice(addr)
		if data == nil {
			return
		}
		arr := reflect.NewAt(reflect.ArrayOf(min(n, 64), t.Elem()), data).Elem()
		for i := 0; i < arr.Len(); i++ {
			rs.add(arr.Index(i), fmt.Sprintf("%s[%d]", name, i), "element of "+name, key, depth-1)
		}
	}
}

//go:norace
func peekPointer(addr unsafe.Pointer) unsafe.Pointer { return *(*unsafe.Pointer)(addr) }

//go:norace
func peekSlice(addr unsafe.Pointer) (unsafe.Pointer, int) {
	h := (*struct {
		data     unsafe.Pointer
		len, cap int
	})(addr)
	return h.data, h.len
}

// fieldName undoes the interpreter's renaming of an embedded field of an
// unexported type, which reflect requires to be exported.
func fieldName(f reflect.StructField) string {
	n := f.Name
	if f.Anonymous && strings.HasPrefix(n, "X") && len(n) > 1 && n[1] >= 'a' && n[1] <= 'z' {
		return n[1:]
	}
	return n
}
