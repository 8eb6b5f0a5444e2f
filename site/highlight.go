package site

import (
	"embed"
	"fmt"
	"go/scanner"
	"go/token"
	"html"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// Code is highlighted with chroma's HTML formatter, writing chroma's class
// names, which static/chroma.css colours for the light and dark themes.
// The tokens come from the site's own lexers: Go from the standard
// library's go/scanner, which lexes Go exactly as the compiler does, and
// Python and shell from chroma's XML lexers (lexers/), loaded on first
// use. Chroma's lexers and styles packages are not imported: they parse
// every lexer and style chroma has when the program starts, some 10 ms on
// a small machine, and the workbook binary starts for every sandboxed run.

//go:embed lexers/*.xml
var lexerFiles embed.FS

// formatter writes chroma's tokens as HTML with classes.
var formatter = chromahtml.New(chromahtml.WithClasses(true))

// plainStyle is the style the formatter is given: with classes, the
// colours come from the stylesheet, not from it.
var plainStyle = chroma.MustNewStyle("workbook", chroma.StyleEntries{chroma.Background: "bg:#ffffff"})

// xmlLexers are the lexers of lexers/, by the names a code block's info
// string gives, loaded once.
var xmlLexers = sync.OnceValue(func() map[string]chroma.Lexer {
	byName := map[string]chroma.Lexer{}
	for _, file := range []string{"lexers/python.xml", "lexers/bash.xml"} {
		l := chroma.MustNewXMLLexer(lexerFiles, file)
		cfg := l.Config()
		for _, name := range append([]string{strings.ToLower(cfg.Name)}, cfg.Aliases...) {
			byName[name] = chroma.Coalesce(l)
		}
	}
	return byName
})

// highlighted keeps the HTML of every piece of code highlighted so far:
// the code of lessons and READMEs is fixed, so each is highlighted once.
var highlighted sync.Map // lang + "\x00" + code → string

// highlight writes code in lang as a highlighted <pre>.
func highlight(w io.Writer, lang, code string) {
	key := lang + "\x00" + code
	if h, ok := highlighted.Load(key); ok {
		io.WriteString(w, h.(string))
		return
	}
	var b strings.Builder
	highlightTo(&b, lang, code)
	highlighted.Store(key, b.String())
	io.WriteString(w, b.String())
}

func highlightTo(w io.Writer, lang, code string) {
	var it chroma.Iterator
	if lang == "go" {
		it = chroma.Literator(goTokens(code)...)
	} else if l := xmlLexers()[lang]; l != nil {
		var err error
		if it, err = l.Tokenise(nil, code); err != nil {
			it = nil
		}
	}
	if it == nil || formatter.Format(w, plainStyle, it) != nil {
		fmt.Fprintf(w, `<pre class="chroma"><code>%s</code></pre>`, html.EscapeString(code))
	}
}

// goTokens lexes Go source into chroma's tokens: the scanner's tokens,
// with the text between them (spaces, newlines) as whitespace. Source that
// does not scan is still all there: the scanner goes on after an error.
func goTokens(code string) []chroma.Token {
	code = strings.ReplaceAll(code, "\r", "") // as the scanner drops them from literals
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	s.Init(file, []byte(code), func(token.Position, string) {}, scanner.ScanComments)
	var out []chroma.Token
	emit := func(t chroma.TokenType, text string) {
		if text != "" {
			out = append(out, chroma.Token{Type: t, Value: text})
		}
	}
	pos := 0
	for {
		p, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit != ";" {
			continue // inserted at a newline or the end: no text of its own
		}
		start := file.Offset(p)
		if start < pos {
			continue
		}
		emit(chroma.TextWhitespace, code[pos:start])
		end := start + len(tok.String())
		if tok.IsLiteral() || tok == token.COMMENT {
			end = start + len(lit)
		}
		end = min(end, len(code))
		emit(goTokenType(tok, lit, code[end:]), code[start:end])
		pos = end
	}
	emit(chroma.TextWhitespace, code[pos:])
	return out
}

// goTokenType is the chroma token type of a Go token; rest is the source
// after it, to tell a called function's name from other names.
func goTokenType(tok token.Token, lit, rest string) chroma.TokenType {
	switch {
	case tok == token.COMMENT:
		if strings.HasPrefix(lit, "/*") {
			return chroma.CommentMultiline
		}
		return chroma.CommentSingle
	case tok == token.STRING:
		return chroma.LiteralString
	case tok == token.CHAR:
		return chroma.LiteralStringChar
	case tok == token.INT:
		return chroma.LiteralNumberInteger
	case tok == token.FLOAT || tok == token.IMAG:
		return chroma.LiteralNumberFloat
	case tok == token.PACKAGE || tok == token.IMPORT:
		return chroma.KeywordNamespace
	case tok == token.FUNC || tok == token.VAR || tok == token.CONST || tok == token.TYPE:
		return chroma.KeywordDeclaration
	case tok.IsKeyword():
		return chroma.Keyword
	case tok == token.IDENT:
		switch lit {
		case "true", "false", "nil", "iota":
			return chroma.KeywordConstant
		case "bool", "byte", "complex64", "complex128", "error", "float32", "float64",
			"int", "int8", "int16", "int32", "int64", "rune", "string",
			"uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any", "comparable":
			return chroma.KeywordType
		case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag",
			"len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover":
			return chroma.NameBuiltin
		}
		if strings.HasPrefix(strings.TrimLeft(rest, " \t"), "(") {
			return chroma.NameFunction
		}
		return chroma.Name
	case tok == token.LPAREN || tok == token.RPAREN || tok == token.LBRACE || tok == token.RBRACE ||
		tok == token.LBRACK || tok == token.RBRACK || tok == token.COMMA || tok == token.SEMICOLON ||
		tok == token.PERIOD || tok == token.COLON:
		return chroma.Punctuation
	}
	return chroma.Operator
}
