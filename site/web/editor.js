// The workbook's code editor: CodeMirror 6 with Go highlighting, and a
// small API the site's pages (static/site.js) drive. Built into
// ../static/editor.js by `npm run build`; the built file is committed.

import { EditorState, Compartment, StateEffect, StateField } from "@codemirror/state";
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit, bracketMatching, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { go } from "@codemirror/lang-go";
import { tags as t } from "@lezer/highlight";

// The colours come from the page's CSS variables, so that the editor
// follows the light and dark themes without being rebuilt.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: "var(--code-keyword)" },
  { tag: [t.string, t.special(t.string), t.character], color: "var(--code-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--code-number)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--code-comment)", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: "var(--code-func)" },
  { tag: [t.typeName, t.standard(t.typeName)], color: "var(--code-type)" },
  { tag: [t.operator, t.punctuation], color: "var(--code-punct)" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "var(--code-size)", backgroundColor: "var(--code-bg)", color: "var(--code-fg)" },
  ".cm-content": { fontFamily: "var(--mono)", caretColor: "var(--fg)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", border: "none" },
  ".cm-activeLine": { backgroundColor: "var(--code-active)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--code-active)" },
  "&.cm-focused": { outline: "2px solid var(--accent)" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground": { backgroundColor: "var(--code-selection) !important" },
  ".cm-shownLine": { backgroundColor: "var(--code-shown)", boxShadow: "inset 3px 0 var(--accent)" },
});

// The line the page points at from outside the editor (a span of a run's
// timeline): one line at a time, until the next edit or another line.
const showLineEffect = StateEffect.define();
const shownLineMark = Decoration.line({ class: "cm-shownLine" });
const shownLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (e.is(showLineEffect)) return e.value == null ? Decoration.none : Decoration.set([shownLineMark.range(e.value)]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// createEditor puts an editor holding doc into parent. onRun is called
// with Ctrl-Enter (Cmd-Enter on a Mac), onSave with Ctrl-S; onChange
// after every edit.
export function createEditor(parent, doc, { onRun, onSave, onChange, label } = {}) {
  const editable = new Compartment();
  const keys = [
    { key: "Mod-Enter", run: () => { onRun && onRun(); return true; } },
    { key: "Mod-s", run: () => { onSave && onSave(); return true; }, preventDefault: true },
  ];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        drawSelection(), bracketMatching(), highlightActiveLine(), highlightSelectionMatches(),
        indentUnit.of("\t"), EditorState.tabSize.of(4),
        keymap.of([...keys, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        go(), syntaxHighlighting(highlight), theme, lintGutter(), shownLine,
        editable.of(EditorView.editable.of(true)),
        EditorView.contentAttributes.of({ "aria-label": label || "Go code" }),
        EditorView.updateListener.of((u) => { if (u.docChanged && onChange) onChange(); }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      view.dispatch(setDiagnostics(view.state, []));
    },
    // mark shows marks on lines: [{line, severity: "error"|"warning", message}],
    // lines counted from 1; marks on lines the editor does not hold are dropped.
    mark(marks) {
      const doc = view.state.doc;
      const diags = [];
      for (const m of marks) {
        if (m.line < 1 || m.line > doc.lines) continue;
        const line = doc.line(m.line);
        diags.push({ from: line.from, to: Math.max(line.to, line.from), severity: m.severity, message: m.message });
      }
      view.dispatch(setDiagnostics(view.state, diags));
    },
    // focusLine scrolls to a line and puts the cursor on it.
    focusLine(n) {
      const doc = view.state.doc;
      if (n < 1 || n > doc.lines) return;
      const line = doc.line(n);
      view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
      view.focus();
    },
    // showLine highlights line n and scrolls it into view (clear of the
    // page's sticky header), leaving the focus where it is; 0, or a line
    // the editor does not hold, takes the highlight away. It reports
    // whether a line is highlighted.
    showLine(n) {
      const doc = view.state.doc;
      if (!(n >= 1 && n <= doc.lines)) {
        view.dispatch({ effects: showLineEffect.of(null) });
        return false;
      }
      const from = doc.line(n).from;
      view.dispatch({ effects: [showLineEffect.of(from), EditorView.scrollIntoView(from, { y: "nearest", yMargin: 64 })] });
      return true;
    },
    setEditable(on) {
      view.dispatch({ effects: editable.reconfigure(EditorView.editable.of(on)) });
    },
  };
}
