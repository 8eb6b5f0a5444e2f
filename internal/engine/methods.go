package engine

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/traefik/yaegi/interp"

	"workbook/proc"
)

// The interpreter builds the program's types with reflect, which cannot
// give them methods: a compiled function that looks for a method on its
// argument (fmt for String and Error, json for MarshalJSON) finds none.
// What yaegi offers instead is a wrapper: a value passed to such a
// function as an interface is wrapped in a compiled type whose methods
// call the interpreted ones, chosen from the interfaces the function is
// known to look for ("MapTypes"). methodLookups is that knowledge, for the
// packages of the allowlist; the first interface a value implements wins,
// so the order is the one the function itself checks in (fmt: Formatter,
// then error, then Stringer).
var methodLookups = []struct {
	key    string // the package's symbol key
	names  []string
	ifaces []reflect.Type
}{
	{"fmt/fmt", []string{
		"Append", "Appendf", "Appendln", "Errorf", "Fprint", "Fprintf", "Fprintln",
		"Print", "Printf", "Println", "Sprint", "Sprintf", "Sprintln",
	}, printed},
	{"log/log", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Print", "Printf", "Println"}, printed},
	{"fmt/fmt", []string{"Fscan", "Fscanf", "Fscanln", "Scan", "Scanf", "Scanln", "Sscan", "Sscanf", "Sscanln"}, []reflect.Type{
		reflect.TypeFor[fmt.Scanner](),
	}},
	{"encoding/json/json", []string{"Marshal", "MarshalIndent"}, marshaled},
	{"encoding/json/json", []string{"Unmarshal"}, []reflect.Type{
		reflect.TypeFor[json.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler](),
	}},
}

// methodLookupsOf are the same for methods of compiled types: testing's T
// and TB print their arguments as fmt does (t.Errorf), and proc encodes
// messages as JSON.
var methodLookupsOf = []struct {
	key    string // the package's symbol key
	recv   reflect.Type
	names  []string
	ifaces []reflect.Type
}{
	{"testing/testing", reflect.TypeFor[*T](), testingPrinters, printed},
	{"testing/testing", reflect.TypeFor[TB](), testingPrinters, printed},
	{"workbook/proc/proc", reflect.TypeFor[*proc.Queue](), []string{"Put"}, marshaled},
	{"workbook/proc/proc", reflect.TypeFor[*proc.Conn](), []string{"Send"}, marshaled},
}

var testingPrinters = []string{"Error", "Errorf", "Fatal", "Fatalf", "Log", "Logf", "Skip", "Skipf"}

// marshaled are the interfaces encoding/json looks for on what it encodes.
var marshaled = []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}

// printed are the interfaces fmt looks for on what it prints.
var printed = []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer]()}

// WithMethodLookups adds to exports the "MapTypes" entry yaegi reads: for
// each function of methodLookups that exports holds, the interfaces to
// wrap its arguments in; and "MethodMapTypes", the same for
// methodLookupsOf. It is applied to the overrides too, whose functions
// are other values, and, by internal/upstream, to the symbols yaegi's
// own test programs run with.
func WithMethodLookups(exports interp.Exports) {
	m := map[reflect.Value][]reflect.Type{}
	for _, l := range methodLookups {
		syms, ok := exports[l.key]
		if !ok {
			continue
		}
		for _, name := range l.names {
			if v, ok := syms[name]; ok {
				m[v] = l.ifaces
			}
		}
	}
	methods := map[string][]reflect.Type{}
	for _, l := range methodLookupsOf {
		if _, ok := exports[l.key]; !ok {
			continue
		}
		for _, name := range l.names {
			methods[l.recv.String()+"."+name] = l.ifaces
		}
	}
	if len(m)+len(methods) > 0 {
		exports["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(m), "MethodMapTypes": reflect.ValueOf(methods)}
	}
}
