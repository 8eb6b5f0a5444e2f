package exercises

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// exerciseFS is a set of one exercise, adder, with the given metadata.
func exerciseFS(toml string) fstest.MapFS {
	return fstest.MapFS{
		"adder/exercise.toml": {Data: []byte(toml)},
		"adder/adder.go":      {Data: []byte("package adder\n\nfunc Add(a, b int) int { return 0 }\n")},
		"adder/adder_test.go": {Data: []byte("package adder_test\n\nimport (\n\t\"adder\"\n\t\"testing\"\n)\n\nfunc TestAdd(t *testing.T) {\n\tif adder.Add(1, 2) != 3 {\n\t\tt.Fatal(\"no\")\n\t}\n}\n\nfunc helper() {}\n\nfunc Testlower(t *testing.T) {}\n")},
		"adder/README.md":     {Data: []byte("# Adding\n\nAdd.\n\n## Hints\n\nUse +.\n\n## More\n\nx\n")},
		"adder/README.zh.md":  {Data: []byte("# 加法\n\n## 提示\n\n用 +。\n")},
	}
}

func TestLoad(t *testing.T) {
	set, err := Load(exerciseFS("topic = \"basics\"\norder = 2\npoints = 5\ncount = 3\ntimeout = \"2s\"\n[hints.TestAdd]\nen = \"plus\"\nzh = \"加\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := set.Lookup("adder")
	if !ok {
		t.Fatal("no adder")
	}
	if e.Topic != "basics" || e.Order != 2 || e.Points != 5 || e.Count != 3 || e.Timeout != 2*time.Second || !e.Race {
		t.Errorf("metadata = %+v", e)
	}
	if strings.Join(e.Files, ",") != "adder.go" || strings.Join(e.TestFiles, ",") != "adder_test.go" || strings.Join(e.Tests, ",") != "TestAdd" {
		t.Errorf("files %q, test files %q, tests %q", e.Files, e.TestFiles, e.Tests)
	}
	if e.Title("en") != "Adding" || e.Title("zh") != "加法" {
		t.Errorf("titles %q, %q", e.Title("en"), e.Title("zh"))
	}
	if e.HintText("en") != "Use +." || e.HintText("zh") != "用 +。" {
		t.Errorf("hints %q, %q", e.HintText("en"), e.HintText("zh"))
	}
	if e.Hint("TestAdd", "zh") != "加" || e.Hint("TestAdd", "fr") != "plus" || e.Hint("TestOther", "en") != "" {
		t.Errorf("test hints wrong")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, toml, want string
		edit             func(fstest.MapFS)
	}{
		{"unknown key", "topic = \"t\"\norder = 1\npoints = 1\ncolour = \"red\"\n", "adder/exercise.toml: unknown key colour", nil},
		{"no topic", "order = 1\npoints = 1\n", "topic is missing", nil},
		{"no order", "topic = \"t\"\npoints = 1\n", "order is missing", nil},
		{"bad timeout", "topic = \"t\"\norder = 1\ntimeout = \"soon\"\n", `timeout "soon" is not a duration`, nil},
		{"syntax", "topic = \n", "adder/exercise.toml:", nil},
		{"hint for no test", "topic = \"t\"\norder = 1\n[hints.TestSub]\nen = \"x\"\n", "a hint for TestSub, which is not a test of adder_test.go", nil},
		{"hint language", "topic = \"t\"\norder = 1\n[hints.TestAdd]\nfr = \"x\"\n", "hints.TestAdd.fr: the languages are en, zh", nil},
		{"no tests", "topic = \"t\"\norder = 1\n", "no hidden tests", func(m fstest.MapFS) { delete(m, "adder/adder_test.go") }},
		{"no starter", "topic = \"t\"\norder = 1\n", "no starter", func(m fstest.MapFS) { delete(m, "adder/adder.go") }},
		{"std name", "topic = \"t\"\norder = 1\n", `"sync" is the name of a standard package`, func(m fstest.MapFS) {
			for k, v := range m {
				delete(m, k)
				m[strings.Replace(k, "adder/", "sync/", 1)] = v
			}
		}},
		{"same order", "topic = \"t\"\norder = 1\n", "order 1 is adder's too", func(m fstest.MapFS) {
			for k, v := range m {
				if strings.HasPrefix(k, "adder/") {
					data := strings.ReplaceAll(string(v.Data), "adder", "bbb")
					m[strings.Replace(strings.Replace(k, "adder", "bbb", -1), "adder/", "bbb/", 1)] = &fstest.MapFile{Data: []byte(data)}
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := exerciseFS(tt.toml)
			if tt.edit != nil {
				tt.edit(fsys)
			}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load = %v; want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestWrongsHeader: a wrong solution says what is wrong and what fails.
func TestWrongsHeader(t *testing.T) {
	fsys := exerciseFS("topic = \"t\"\norder = 1\n")
	fsys["adder/wrong/a.go"] = &fstest.MapFile{Data: []byte("package adder\n")}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := set.Lookup("adder")
	if _, err := e.Wrongs(); err == nil || !strings.Contains(err.Error(), `adder/wrong/a.go: it starts with "// Wrong:`) {
		t.Errorf("Wrongs = %v; want the header asked for", err)
	}
	fsys["adder/wrong/a.go"] = &fstest.MapFile{Data: []byte("// Wrong: it subtracts.\n// Fails: TestAdd, TestNone\npackage adder\n")}
	if _, err := e.Wrongs(); err == nil || !strings.Contains(err.Error(), "Fails names TestNone, which is not a test of adder") {
		t.Errorf("Wrongs = %v; want TestNone refused", err)
	}
}
