package lessons

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestCheck gives Check a two-lesson book with one fault at a time, and
// requires the fault to be reported (or, for "clean", nothing).
func TestCheck(t *testing.T) {
	const snippet = "```go run\npackage main\n\nfunc main() {\n\tprintln(1)\n}\n```\n\n```output\n1\n```\n"
	const picture = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>`
	clean := map[string]string{
		"en/one.md": front + "## First steps\n\n**Bold.** See [two](two.md#the-end) and ![p](../img/p.svg).\n\n" + snippet,
		"zh/one.md": front + "## 第一步\n\n**粗体**。见[二](two.md#结尾)和 ![图](../img/p.svg)。\n\n" + strings.Replace(snippet, "println(1)", "println(1) // 一", 1),
		"en/two.md": "---\ntitle: Two\norder: 2\nsummary: S\n---\n## The end\n",
		"zh/two.md": "---\ntitle: 二\norder: 2\nsummary: S\n---\n## 结尾\n",
		"img/p.svg": picture,
	}
	tests := []struct {
		name    string
		file    string // the file changed
		old     string // replaced in it by new ("" with file: the file is added)
		new     string
		wantErr string // "" for no error
	}{
		{name: "clean"},
		{"code differs", "zh/one.md", "println(1)", "println(2)", "zh/one.md:10: the code differs from en/one.md:10"},
		{"info differs", "zh/one.md", "```go run\n", "```go run race\n", `the info string is "go run race", but "go run"`},
		{"output differs", "zh/one.md", "```output\n1\n", "```output\n2\n", "zh/one.md:10: the expected output differs"},
		{"snippet missing", "en/one.md", "## First steps\n", "## First steps\n\n```go\nx := 1\n```\n", "zh/one.md has 1 Go blocks, en/one.md has 2"},
		{"file missing", "en/one.md", "two.md#the-end", "three.md", "en/one.md:8: three.md leads nowhere: there is no en/three.md"},
		{"anchor missing", "zh/one.md", "two.md#结尾", "two.md#开头", "zh/two.md has no heading #开头 (its headings: 结尾)"},
		{"own anchor", "en/one.md", "two.md#the-end", "#first-steps", ""},
		{"own anchor missing", "en/one.md", "two.md#the-end", "#last-steps", "en/one.md has no heading #last-steps"},
		{"picture not shown", "img/q.svg", "", picture, "img/q.svg is shown by no lesson"},
		{"picture with a script", "img/p.svg", "<rect", "<script>alert(1)</script><rect", "img/p.svg: has a <script>"},
		{"picture fetches", "img/p.svg", "<rect", `<image href="https://example.com/x.png"/><rect`, "refers to https://example.com/x.png: a picture stands alone"},
		{"not gofmt", "en/one.md", "\tprintln(1)", "  println(1)", "en/one.md:10: the program is not formatted as gofmt formats it"},
		{"bold left as asterisks", "zh/one.md", "**粗体**。", "**粗体。**见", "zh/one.md:8: ** shows as asterisks, not bold"},
		{"bold in a code span", "zh/one.md", "**粗体**。", "`**粗体。**见`", ""},
		{"straight quotes in Chinese", "zh/one.md", "**粗体**。", "**粗体**，叫\"店\"。", `zh/one.md:8: "\"": Chinese prose quotes with “…”`},
		{"curly quotes in Chinese", "zh/one.md", "**粗体**。", "**粗体**，叫“店”。", ""},
		{"straight quotes in Chinese code", "zh/one.md", "**粗体**。", "**粗体**，`s := \"店\"`。", ""},
		{"the seed", "en/one.md", "**Bold.**", "**Bold.** As the seed says,", `en/one.md:8: "seed": call it "the original text"`},
		{"the seed in the summary", "en/one.md", "summary: S", "summary: The Seed's table", `en/one.md: the front matter has "seed"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range clean {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			if tt.file != "" {
				if tt.old == "" {
					fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.new)}
				} else {
					text := string(fsys[tt.file].Data)
					if !strings.Contains(text, tt.old) {
						t.Fatalf("%s has no %q", tt.file, tt.old)
					}
					fsys[tt.file].Data = []byte(strings.Replace(text, tt.old, tt.new, 1))
				}
			}
			b, err := Load(fsys)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			err = Check(fsys, b)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Check = %v; want no error", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Check = %v; want an error containing %q", err, tt.wantErr)
			}
		})
	}
}
