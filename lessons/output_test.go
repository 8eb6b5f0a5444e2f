package lessons

import "testing"

func TestOutputMatch(t *testing.T) {
	tests := []struct {
		out  Output
		got  string
		want bool
	}{
		{Output{Text: "hello\n"}, "hello\n", true},
		{Output{Text: "hello\n"}, "hello", true},
		{Output{Text: "hello\n"}, "hello\n\n", false},
		{Output{Text: "took …\n"}, "took 3ms\n", false},
		{Output{Text: "took …\n", Pattern: true}, "took 3ms\n", true},
		{Output{Text: "took …ms\n", Pattern: true}, "took 3s\n", false},
		{Output{Text: "a.b\n", Pattern: true}, "axb\n", false},
		{Output{Text: "start\n…\nend\n", Pattern: true}, "start\nend\n", true},
		{Output{Text: "start\n…\nend\n", Pattern: true}, "start\n1\n2\nend\n", true},
		{Output{Text: "start\n…\nend\n", Pattern: true}, "start\n1\n2\n", false},
		{Output{Text: "a\nb\nc\n", Unordered: true}, "c\na\nb\n", true},
		{Output{Text: "a\nb\nc\n", Unordered: true}, "c\na\na\n", false},
		{Output{Text: "a\nb\n", Unordered: true}, "a\nb\nb\n", false},
		{Output{Text: "worker … done\nworker … done\nall done\n", Pattern: true, Unordered: true}, "worker 2 done\nall done\nworker 1 done\n", true},
		{Output{Text: "", Pattern: true}, "", true},
		{Output{Text: "", Pattern: true}, "x\n", false},
	}
	for _, tt := range tests {
		if got := tt.out.Match(tt.got); got != tt.want {
			t.Errorf("%+v.Match(%q) = %v; want %v", tt.out, tt.got, got, tt.want)
		}
	}
}
