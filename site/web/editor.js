// The workbook's code editor: CodeMirror 6 with Go highlighting, and a
// small API the site's pages (static/site.js) drive. Built into
// ../static/editor.js by `npm run build`; the built file is committed.

import { EditorState, Compartment } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
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
        go(), syntaxHighlighting(highlight), theme, lintGutter(),
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
    setEditable(on) {
      view.dispatch({ effects: editable.reconfigure(EditorView.editable.of(on)) });
    },
  };
}
