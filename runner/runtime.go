package runner

import (
	"bufio"
	"os"
	"strings"
)

const raceSeparator = "=================="

// readRuntime reads what the child's Go runtime writes on its fd 2: race
// reports, which become race events, and fatal errors, kept for result.
func (r *run) readRuntime(f *os.File) {
	defer r.readers.Done()
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var block []string
	inRace := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !inRace && line == raceSeparator:
			inRace = true
			block = block[:0]
		case inRace && line == raceSeparator:
			inRace = false
			if race, ok := parseRace(block); ok {
				r.addRace(race)
			}
		case inRace:
			block = append(block, line)
		default:
			r.mu.Lock()
			if strings.HasPrefix(line, "goroutine ") && strings.HasSuffix(line, "locked to thread]:") {
				r.lockedThread = true
			}
			if r.runtime.Len() < 64<<10 {
				r.runtime.WriteString(line)
				r.runtime.WriteByte('\n')
			}
			r.mu.Unlock()
		}
	}
}

// raceDeath returns the line in which the race detector of a race-enabled
// child said it could not go on, from the child's descriptor 2 (a memory
// file the runner keeps), or "".
func raceDeath(log *os.File) string {
	if log == nil {
		return ""
	}
	defer log.Close()
	st, err := log.Stat()
	if err != nil || st.Size() == 0 {
		return ""
	}
	const tail = 64 << 10
	off := max(0, st.Size()-tail)
	buf := make([]byte, st.Size()-off)
	n, _ := log.ReadAt(buf, off)
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		if strings.Contains(line, "ThreadSanitizer") && !strings.Contains(line, "WARNING: ThreadSanitizer: data race") {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

func (r *run) addRace(race Race) {
	r.mu.Lock()
	r.races = append(r.races, race)
	r.mu.Unlock()
	r.emit(Event{Kind: KindRace, Race: &race})
	r.emit(Event{Kind: KindStderr, Data: race.Report})
}

// parseRace reads one report of the race detector, the lines between its
// separators.
func parseRace(lines []string) (Race, bool) {
	if len(lines) == 0 || lines[0] != "WARNING: DATA RACE" {
		return Race{}, false
	}
	race := Race{Report: raceSeparator + "\n" + strings.Join(lines, "\n") + "\n" + raceSeparator + "\n"}
	return race, true
}
