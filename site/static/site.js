// The workbook's pages come to life here: every runnable snippet of a
// lesson becomes an editor with Run, Run with race detector, Stop and
// Reset; an exercise's page binds an editor to the learner's file and
// checks it against the hidden tests. The events come from /api/run and
// /api/check, one JSON object per line, in runner's event schema.

import { createEditor } from "./editor.js";

const T = JSON.parse(document.getElementById("ui-words").textContent);
const lang = document.body.dataset.lang;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const store = {
  get(k) { try { return localStorage.getItem(k); } catch { return null; } },
  set(k, v) { try { localStorage.setItem(k, v); } catch { /* full or denied: the editor still holds it */ } },
  del(k) { try { localStorage.removeItem(k); } catch { } },
};

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal && signal.addEventListener("abort", () => { clearTimeout(t); reject(new DOMException("aborted", "AbortError")); });
  });
}

// stream posts body to url and calls onEvent with each event of the answer
// as it comes. A busy server (429, 503) is asked again after its
// Retry-After; onWait says so meanwhile.
async function stream(url, body, { signal, onEvent, onWait }) {
  for (;;) {
    let resp;
    try {
      resp = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal });
    } catch (e) {
      if (signal && signal.aborted) throw e;
      throw new Error(T.networkError);
    }
    if (resp.status === 429 || resp.status === 503) {
      onWait && onWait();
      const after = Number(resp.headers.get("Retry-After")) || 2;
      await sleep(after * 1000, signal);
      continue;
    }
    if (!resp.ok) {
      let msg = resp.status + " " + resp.statusText;
      try { msg = (await resp.json()).error || msg; } catch { }
      throw new Error(msg);
    }
    const reader = resp.body.getReader();
    const dec = new TextDecoder();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.trim()) onEvent(JSON.parse(line));
      }
    }
    return;
  }
}

// lineMarks gathers the lines an event names in one file, as marks for the
// editor: frames are {file, line}; offset is how many hidden lines come
// before the editor's first.
function lineMarks(e, file, offset) {
  const marks = [];
  const add = (f, severity, message) => {
    if (f && f.file === file && f.line > offset) marks.push({ line: f.line - offset, severity, message });
  };
  switch (e.kind) {
    case "compile":
      for (const d of e.diagnostics || []) add(d, "error", d.message);
      break;
    case "race": {
      const what = e.race.variable ? `${T.dataRace}: ${e.race.variable}` : T.dataRace;
      for (const a of e.race.accesses || []) {
        for (const f of a.lines || []) add(f, "warning", `${what} (${a.write ? "write" : "read"}, goroutine ${a.goroutine})`);
      }
      break;
    }
    case "panic":
      for (const f of (e.panic.stack || []).slice(0, 1)) add(f, "error", `${T.panic}: ${e.panic.value}`);
      break;
    case "deadlock":
      for (const g of e.deadlock.goroutines || []) add(g.frame, "warning", `${T.deadlock}: goroutine ${g.id} [${g.state}]`);
      break;
  }
  return marks;
}

let panes = 0; // numbers the tab panels, for their ids

// A Report shows what a run said, as it says it, under two tabs. Output:
// stdout and stderr told apart, a box for each race, panic, deadlock or
// limit with buttons to the lines it names. Timeline: the run's goroutines
// over time (a Timeline). Under both, how it ended.
class Report {
  constructor(parent, { file, offset, editor }) {
    this.file = file;
    this.offset = offset;
    this.editor = editor;
    this.root = el("div", { class: "output" });
    parent.after(this.root);
    this.marks = [];
    this.tab = "output"; // the learner's choice, kept from run to run
  }
  start(status) {
    this.root.replaceChildren();
    this.boxes = el("div", { class: "reports" });
    this.pre = el("pre", { class: "stream" });
    this.end = el("span", { class: "end" }, status);
    this.timeline = new Timeline(this);
    const n = ++panes;
    this.panes = {
      output: el("div", { class: "pane output-pane", role: "tabpanel", id: `pane-${n}-output`, "aria-live": "polite" }, this.boxes, this.pre),
      timeline: this.timeline.root,
    };
    this.timeline.root.id = `pane-${n}-timeline`;
    this.tabs = {};
    const bar = el("div", { class: "tabs", role: "tablist" });
    for (const name of ["output", "timeline"]) {
      this.tabs[name] = el("button", {
        type: "button", role: "tab", class: "tab " + name, "aria-controls": `pane-${n}-${name}`,
        onclick: () => this.show(name),
        onkeydown: (e) => {
          if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
          const other = name === "output" ? "timeline" : "output";
          this.show(other);
          this.tabs[other].focus();
        },
      }, T[name]);
      this.panes[name].setAttribute("aria-labelledby", this.tabs[name].id = `tab-${n}-${name}`);
      bar.append(this.tabs[name]);
    }
    this.root.append(bar, this.panes.output, this.panes.timeline, this.end);
    this.show(this.tab);
    this.marks = [];
    this.races = new Map();
    this.editor && this.editor.mark([]);
    this.editor && this.editor.showLine(0);
    this.wrote = false;
  }
  // show shows the tab name, "output" or "timeline".
  show(name) {
    this.tab = name;
    for (const [n, tab] of Object.entries(this.tabs)) {
      const on = n === name;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      this.panes[n].hidden = !on;
    }
  }
  status(text) { this.end.textContent = text; }
  // stopped says the run ended without its exit event: the learner
  // stopped it (aborted), or the server could not be reached.
  stopped(text, aborted) {
    this.status(text);
    this.timeline.none(aborted ? T.noTimelineStopped : T.noTimeline);
  }
  write(kind, text) {
    this.wrote = true;
    const last = this.pre.lastChild;
    if (last && last.dataset.kind === kind) last.textContent += text;
    else this.pre.append(el("span", { class: kind, "data-kind": kind }, text));
    if (this.pre.scrollHeight - this.pre.scrollTop - this.pre.clientHeight < 80) this.pre.scrollTop = this.pre.scrollHeight;
  }
  box(kind, title, lines, body) {
    const b = el("div", { class: "report " + kind }, el("h4", {}, title));
    lines = [...new Map(lines.map((m) => [m.line, m])).values()];
    if (lines.length) {
      const row = el("div", { class: "lines" });
      for (const m of lines) {
        row.append(el("button", { type: "button", onclick: () => this.editor && this.editor.focusLine(m.line) }, `${T.mark} ${m.line}`));
      }
      b.append(row);
    }
    if (body) b.append(el("pre", {}, body));
    this.boxes.append(b);
    return b;
  }
  mark(marks) {
    const have = new Set(this.marks.map((m) => m.line + m.severity));
    marks = marks.filter((m) => !have.has(m.line + m.severity));
    if (!marks.length) return;
    this.marks.push(...marks);
    this.editor && this.editor.mark(this.marks);
  }
  event(e) {
    const marks = lineMarks(e, this.file, this.offset);
    this.mark(marks);
    switch (e.kind) {
      case "stdout": case "stderr":
        this.write(e.kind, e.data);
        break;
      case "compile":
        this.box("compile", T.compileError, marks, (e.diagnostics || []).map((d) => (d.line ? `${d.line - this.offset}: ` : "") + d.message).join("\n"));
        break;
      case "race": {
        // A race in a loop is reported again and again: one box for each
        // variable and lines, with a count.
        const key = [e.race.variable, ...marks.map((m) => m.line).sort()].join(" ");
        const title = e.race.variable ? `${T.dataRace}: ${e.race.variable}` : T.dataRace;
        const seen = this.races.get(key);
        if (seen) {
          seen.n++;
          seen.h.textContent = `${title} (×${seen.n})`;
          break;
        }
        const b = this.box("race", title, marks, e.race.kind || "");
        this.races.set(key, { n: 1, h: b.querySelector("h4") });
        break;
      }
      case "panic":
        this.box("panic", `${T.panic}: ${e.panic.value}`, marks, "");
        break;
      case "deadlock":
        this.box("deadlock", T.deadlock, marks,
          (e.deadlock.goroutines || []).map((g) => `goroutine ${g.id} [${g.state}]` + (g.frame && g.frame.line ? ` ${g.frame.func} :${g.frame.line - (g.frame.file === this.file ? this.offset : 0)}` : "")).join("\n"));
        break;
      case "limit":
        this.box("limit", T.limit, [], e.limit.message);
        break;
      case "timeline":
        this.timeline.draw(e);
        break;
      case "exit": {
        const x = e.exit;
        const why = { compile: T.noTimelineCompile, limit: T.noTimelineLimit, canceled: T.noTimelineStopped }[x.reason];
        this.timeline.none(why || T.noTimeline);
        if (!this.wrote && !this.boxes.childElementCount) this.write("note", T.noOutput);
        this.status(`${T.exitStatus} ${x.code}${x.message ? " · " + x.message : ""} · ${duration(e.ms)}`);
        this.end.classList.toggle("ok", x.code === 0);
        break;
      }
    }
  }
}

function duration(ms) { return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`; }

// A Timeline is a run's Timeline tab: the picture the server drew from the
// run's trace (a "timeline" event, right after the trace) with a word on
// what it leaves out, or a word on why there is none. The picture is the
// SVG document timeline.SVG writes; it lives in a shadow root, so that its
// style and ids stay its own, and its dark colours follow the page's
// theme, not only the system's (see followTheme). Clicking a span where a
// goroutine waited highlights its line in the editor.
class Timeline {
  constructor(report) {
    this.report = report;
    this.root = el("div", { class: "pane timeline-pane", role: "tabpanel" });
    this.note = el("p", { class: "timeline-note" }, T.timelineWait);
    this.root.append(this.note);
    this.drawn = false;
  }
  // draw shows the picture of a timeline event.
  draw(e) {
    this.drawn = true;
    const host = el("div", { class: "timeline-picture" });
    const shadow = host.attachShadow({ mode: "open" });
    shadow.innerHTML = e.svg;
    const picture = shadow.querySelector("svg");
    if (!picture) { this.none(T.noTimeline); return; }
    shadow.append(el("style", {}, pictureCSS));
    const scroll = el("div", { class: "scroll" });
    picture.before(scroll);
    scroll.append(picture);
    const legend = el("ul", { class: "legend" });
    for (const [key, words] of [["alive", T.legendAlive], ["ready", T.legendReady], ["blocked", T.legendBlocked], ["blocked stuck", T.legendStuck], ["handoff", T.legendHandOff]]) {
      const swatch = document.createElementNS(SVGNS, "svg");
      swatch.setAttribute("width", "22");
      swatch.setAttribute("height", "12");
      const shape = document.createElementNS(SVGNS, key === "handoff" ? "line" : "rect");
      const attrs = key === "handoff" ? { x1: 1, y1: 6, x2: 21, y2: 6 } : { x: 1, y: 1, width: 20, height: 10 };
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
      shape.setAttribute("class", key);
      swatch.append(shape);
      legend.append(el("li", {}, swatch, words));
    }
    scroll.after(legend);
    for (const span of shadow.querySelectorAll("g.span")) {
      span.setAttribute("tabindex", "0");
      span.setAttribute("role", "button");
    }
    const choose = (ev) => {
      const span = ev.target.closest && ev.target.closest("g.span");
      if (!span) return;
      if (ev.type === "keydown") {
        if (ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
      }
      shadow.querySelectorAll("g.span.chosen").forEach((g) => g.classList.remove("chosen"));
      span.classList.add("chosen");
      this.pointAt(span.dataset.file, Number(span.dataset.line));
    };
    shadow.addEventListener("click", choose);
    shadow.addEventListener("keydown", choose);
    this.note.textContent = T.timelineHint;
    const cut = [];
    if (e.lanes < e.goroutines) cut.push(T.timelineLanes.replace("{lanes}", e.lanes).replace("{n}", e.goroutines));
    if (e.until) cut.push(T.timelineUntil.replace("{until}", duration(e.until)).replace("{end}", duration(e.end)));
    if (e.dropped) cut.push(T.timelineDropped.replace("{n}", e.dropped));
    this.root.replaceChildren(host, this.note);
    if (cut.length) this.root.append(el("p", { class: "timeline-note cut" }, cut.join(" ")));
    host.themeRules = themeRules(shadow); // a style has its sheet once it is in the page
    followTheme(host);
  }
  // pointAt highlights a line of the program in the editor: the trace's
  // lines are the whole program's, the editor's start after the hidden head.
  pointAt(file, line) {
    const { editor, offset } = this.report;
    if (!editor || file !== this.report.file) return;
    const shown = editor.showLine(line - offset);
    this.note.textContent = shown ? T.timelineHint : T.hiddenLine;
  }
  // none says why there is no picture, when there is none.
  none(why) {
    if (this.drawn) return;
    this.note.textContent = why;
    this.note.classList.add("none");
  }
}

const SVGNS = "http://www.w3.org/2000/svg";

// pictureCSS is the page's addition to the picture's own style: it fits
// the pane's width (scrolling sideways when that would make it too small
// to read), and a span can be clicked.
const pictureCSS = `
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.timeline { display: block; width: 100%; height: auto; min-width: 40rem; }
.span { cursor: pointer; }
.span:focus { outline: none; }
.span:focus-visible rect, .span.chosen rect { stroke: var(--accent); stroke-width: 3; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; padding: 0; margin: .4rem 0 0; font-size: .85rem; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: .4rem; }
.legend .handoff { stroke-width: 2; }
`;

// themeRules finds the picture's dark (and light) rules: timeline.SVG
// puts its dark colours under @media (prefers-color-scheme: dark), which
// follows the system; the page has a theme of its own.
function themeRules(shadow) {
  const rules = [];
  for (const sheet of shadow.styleSheets) {
    for (const rule of sheet.cssRules) {
      const m = rule instanceof CSSMediaRule && rule.conditionText.match(/prefers-color-scheme:\s*(dark|light)/);
      if (m) rules.push({ rule, scheme: m[1] });
    }
  }
  return rules;
}

// followTheme turns a picture's dark or light rules on or off for the
// page's theme, now and whenever the theme switch changes it.
function followTheme(host) {
  const theme = document.documentElement.dataset.theme === "dark" ? "dark" : "light";
  for (const { rule, scheme } of host.themeRules) rule.media.mediaText = scheme === theme ? "all" : "not all";
}
new MutationObserver(() => document.querySelectorAll(".timeline-picture").forEach(followTheme))
  .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

// A lesson's runnable snippet.
function setupSnippet(root, slug) {
  const src = JSON.parse(root.querySelector(".snippet-source").textContent);
  src.shown = src.shown.replace(/\n$/, ""); // the editor has no empty last line; run adds it back
  const key = `workbook:snippet:${lang}/${slug}/${root.id}`;
  const offset = (src.head.match(/\n/g) || []).length;
  const holder = el("div", { class: "editor" });
  root.prepend(holder);
  let running = null;
  const editor = createEditor(holder, store.get(key) ?? src.shown, {
    label: root.id,
    onRun: () => run(root.dataset.race === "true"),
    onChange: () => {
      const text = editor.getText();
      if (text === src.shown) store.del(key); else store.set(key, text);
    },
  });
  root.classList.add("has-editor");
  const btn = (cls, label, onclick) => el("button", { type: "button", class: cls, onclick }, label);
  const runBtn = btn("run primary", T.run, () => run(false));
  const raceBtn = btn("run-race", T.runRace, () => run(true));
  const stopBtn = btn("stop", T.stop, () => running && running.abort());
  const resetBtn = btn("reset", T.reset, () => {
    if (editor.getText() !== src.shown && !confirm(T.resetConfirm)) return;
    editor.setText(src.shown);
    store.del(key);
  });
  stopBtn.disabled = true;
  const bar = el("div", { class: "bar" }, runBtn, raceBtn, stopBtn, resetBtn);
  holder.after(bar);
  const report = new Report(bar, { file: "main.go", offset, editor });

  async function run(race) {
    if (running) running.abort();
    const ctl = new AbortController();
    running = ctl;
    runBtn.disabled = raceBtn.disabled = true;
    stopBtn.disabled = false;
    report.start(T.running);
    root.dataset.state = "running";
    try {
      await stream("/api/run", { source: src.head + withNewline(editor.getText()) + src.tail, race, lang }, {
        signal: ctl.signal,
        onEvent: (e) => report.event(e),
        onWait: () => report.status(T.busy),
      });
    } catch (err) {
      const aborted = err.name === "AbortError";
      report.stopped(aborted ? T.stopped : err.message, aborted);
    } finally {
      if (running === ctl) {
        running = null;
        runBtn.disabled = raceBtn.disabled = false;
        stopBtn.disabled = true;
        root.dataset.state = "done";
      }
    }
  }
}

function withNewline(s) { return s.endsWith("\n") || s === "" ? s : s + "\n"; }

// An exercise's page: an editor per learner file, bound to the file in
// the workspace (or, without one, to a draft in the browser).
async function setupExercise(root) {
  const name = root.dataset.exercise;
  const bench = root.querySelector(".workbench");
  const hasWorkspace = bench.dataset.workspace !== "";
  const status = bench.querySelector(".status");
  const verdict = bench.querySelector(".verdict");
  const checkBtn = bench.querySelector("button.check");
  const saveBtn = bench.querySelector("button.save");
  const resp = await fetch(`/api/file?exercise=${encodeURIComponent(name)}`);
  const data = await resp.json();
  if (!resp.ok) { status.textContent = data.error; return; }

  const files = new Map(); // name → {editor, base, dirty, div}
  for (const f of data.files) {
    const div = bench.querySelector(`.file[data-file="${CSS.escape(f.name)}"]`);
    if (!div) continue;
    const draftKey = `workbook:exercise:${name}/${f.name}`;
    const draft = hasWorkspace ? null : store.get(draftKey);
    const file = { name: f.name, base: f.version, dirty: false, div, draftKey };
    file.editor = createEditor(div.querySelector(".file-editor"), draft ?? f.content, {
      label: f.name,
      onSave: () => save(),
      onRun: () => check(),
      onChange: () => {
        file.dirty = true;
        if (!hasWorkspace) store.set(draftKey, file.editor.getText());
        setStatus();
      },
    });
    files.set(f.name, file);
  }

  function setStatus(text) {
    const dirty = [...files.values()].some((f) => f.dirty);
    status.classList.toggle("unsaved", hasWorkspace && dirty);
    status.textContent = text ?? (hasWorkspace ? (dirty ? T.unsaved : T.saved) : "");
  }
  setStatus();

  // conflict shows that a file changed on disk while it was being edited,
  // and lets the learner choose; nothing is overwritten until they do.
  function conflict(file, disk) {
    file.div.querySelector(".conflict")?.remove();
    const box = el("div", { class: "notice conflict" }, T.changedOnDisk + " ",
      el("button", { type: "button", onclick: () => { file.editor.setText(disk.content); file.base = disk.version; file.dirty = false; box.remove(); setStatus(); } }, T.loadDisk),
      el("button", { type: "button", onclick: () => { file.base = disk.version; box.remove(); save(); } }, T.keepMine));
    file.div.prepend(box);
  }

  async function save() {
    if (!hasWorkspace) return true;
    let ok = true;
    for (const file of files.values()) {
      if (!file.dirty) continue;
      const content = file.editor.getText();
      const r = await fetch("/api/file", {
        method: "PUT", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ exercise: name, name: file.name, content, base: file.base }),
      });
      const answer = await r.json();
      if (r.status === 409 && answer.file) { conflict(file, answer.file); ok = false; continue; }
      if (!r.ok) { setStatus(answer.error); ok = false; continue; }
      file.base = answer.version;
      file.dirty = file.editor.getText() !== content;
    }
    setStatus();
    return ok;
  }
  saveBtn && saveBtn.addEventListener("click", save);

  // Start again: the starter, as workbook reset writes it, the learner's
  // file kept in a backup (in the workspace) or dropped with the draft.
  bench.querySelector("button.start-again").addEventListener("click", async () => {
    if (!confirm(T.startConfirm)) return;
    if (!hasWorkspace) {
      const r = await fetch(`/api/file?exercise=${encodeURIComponent(name)}`);
      for (const f of (await r.json()).files) {
        const file = files.get(f.name);
        if (file) { file.editor.setText(f.content); store.del(file.draftKey); }
      }
      return;
    }
    const r = await fetch("/api/reset", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ exercise: name }),
    });
    const answer = await r.json();
    if (!r.ok) { setStatus(answer.error); return; }
    for (const f of answer.files) {
      const file = files.get(f.name);
      if (!file) continue;
      file.editor.setText(f.content);
      file.base = f.version;
      file.dirty = false;
      file.div.querySelector(".conflict")?.remove();
    }
    verdict.replaceChildren();
    setStatus(answer.backup ? `${T.backedUp} ${answer.backup}` : T.saved);
  });
  window.addEventListener("beforeunload", (e) => {
    if (hasWorkspace && [...files.values()].some((f) => f.dirty)) e.preventDefault();
  });

  // A change made in another editor is noticed: quietly loaded when the
  // learner has not touched the file here, offered when they have.
  async function poll() {
    if (!hasWorkspace || document.hidden) return;
    let r;
    try { r = await fetch(`/api/file?exercise=${encodeURIComponent(name)}`); } catch { return; }
    if (!r.ok) return;
    for (const f of (await r.json()).files) {
      const file = files.get(f.name);
      if (!file || f.version === file.base) continue;
      if (!file.dirty) {
        file.editor.setText(f.content);
        file.base = f.version;
        file.dirty = false;
        setStatus(T.reloaded);
      } else if (!file.div.querySelector(".conflict")) {
        conflict(file, f);
      }
    }
  }
  setInterval(poll, 2000);
  window.addEventListener("focus", poll);

  let checking = null;
  async function check() {
    if (checking) return;
    if (!(await save())) return;
    checking = new AbortController();
    checkBtn.disabled = true;
    verdict.replaceChildren();
    setStatus(T.checking);
    const body = { exercise: name, lang };
    if (!hasWorkspace) {
      body.files = {};
      for (const f of files.values()) body.files[f.name] = f.editor.getText();
    }
    const marks = new Map(); // file → marks
    const out = [];
    try {
      await stream("/api/check", body, {
        signal: checking.signal,
        onWait: () => setStatus(T.busy),
        onEvent: (e) => {
          if (e.kind === "test-run") setStatus(`${T.checking} ${e.test.name}`);
          if (e.kind === "stdout" || e.kind === "stderr") out.push(e.data);
          for (const file of files.values()) {
            const m = lineMarks(e, file.name, 0);
            if (m.length) marks.set(file.name, [...(marks.get(file.name) || []), ...m]);
          }
          if (e.kind === "verdict") showVerdict(e.verdict, e.recorded);
        },
      });
      setStatus();
    } catch (err) {
      setStatus(err.message);
    } finally {
      checking = null;
      checkBtn.disabled = false;
    }
    for (const file of files.values()) {
      const m = [...(marks.get(file.name) || [])];
      // Messages name lines too: counter.go:12.
      for (const line of verdict.textContent.matchAll(new RegExp(`${file.name.replace(".", "\\.")}:(\\d+)`, "g"))) {
        m.push({ line: Number(line[1]), severity: "error", message: file.name + ":" + line[1] });
      }
      file.editor.mark(m);
    }
  }
  checkBtn.addEventListener("click", check);

  function showVerdict(v, recorded) {
    const pass = v.status === "pass";
    verdict.replaceChildren(el("p", { class: "summary " + (pass ? "pass" : "fail") },
      (pass ? T.allPass : T.notYet) + ` (${v.points}/${v.max_points} ${T.points})`));
    if (v.message) verdict.append(el("pre", { class: "message" }, v.message));
    if (v.unverified) verdict.append(el("p", { class: "notice" }, T.unverified));
    const list = el("ul", { class: "tests" });
    for (const t of v.tests || []) {
      const li = el("li", { class: t.status },
        el("span", { class: "state" }, T[t.status === "pass" ? "passed" : t.status === "fail" ? "failed" : "error"]),
        el("span", { class: "name" }, t.name));
      if (t.message) li.append(el("pre", {}, t.message));
      if (t.hint) li.append(el("div", { class: "hint" }, el("strong", {}, T.hint + ": "), t.hint));
      list.append(li);
    }
    verdict.append(list);
    if (pass && recorded) {
      document.querySelectorAll(`.sidebar a[href$="/exercises/${name}"]`).forEach((a) => a.classList.add("done"));
    }
  }
}

function setupChrome() {
  document.querySelector(".theme-toggle")?.addEventListener("click", () => {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    store.set("workbook-theme", next);
  });
  const menu = document.querySelector(".menu-toggle");
  const sidebar = document.getElementById("sidebar");
  menu?.addEventListener("click", () => {
    const open = sidebar.classList.toggle("open");
    menu.setAttribute("aria-expanded", String(open));
  });
}

setupChrome();
const lesson = document.querySelector("article.lesson");
if (lesson) for (const s of lesson.querySelectorAll(".snippet.runnable")) setupSnippet(s, lesson.dataset.lesson);
const exercise = document.querySelector("article.exercise");
if (exercise) setupExercise(exercise);
document.documentElement.dataset.ready = "true";
