// cxlint review page: talks only to the server that served it (127.0.0.1), with this run's token.
"use strict";

const TOKEN_HEADER = "X-CXLint-Token";
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
const $ = (id) => document.getElementById(id);

const state = {
  token: null,
  meta: null,
  mode: "paste",          // "paste" or "folder"
  request: null,          // the last check request: what export and channel changes re-run
  sequence: 0,            // answers to older requests are dropped
  dropped: [],            // files dropped or chosen: {name, data}
  folderFiles: [],
  current: null,          // name of the file shown from the folder or the dropped list
  findings: [],
};

function takeToken() {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get("token");
  if (fromUrl) {
    sessionStorage.setItem("cxlint-token", fromUrl);
    history.replaceState(null, "", "/");  // keep the key out of the address bar and history
  }
  return fromUrl || sessionStorage.getItem("cxlint-token");
}

// body[data-busy] says whether an answer is awaited (or typing is about to ask for one).
let pending = 0;
let typingTimer = null;

function markBusy() {
  document.body.dataset.busy = String(pending > 0 || typingTimer !== null);
}

// Work the page is waiting on (a request and the rendering of its answer) keeps it busy.
async function whileBusy(work) {
  pending++;
  markBusy();
  try {
    return await work();
  } finally {
    pending--;
    markBusy();
  }
}

async function api(path, body) {
  const options = { method: body ? "POST" : "GET", headers: { [TOKEN_HEADER]: state.token || "" } };
  if (body) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = (await response.json()).error.message; } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function notice(message) {
  const box = $("notice");
  box.textContent = message || "";
  box.hidden = !message;
}

function status(message) { $("status").textContent = message || ""; }

// ---- requests -------------------------------------------------------------

function channel() { return $("channel").value || null; }

function pasteRequest() {
  return { text: $("copy").value, filename: "pasted" + $("file-type").value, channel: channel() };
}

function run(request, name) {
  state.request = request;
  const mine = ++state.sequence;
  status("Checking…");
  return whileBusy(async () => {
    try {
      const answer = await (await api("/api/check", request)).json();
      if (mine !== state.sequence) return;
      notice("");
      show(answer, name, request.channel);
      status("");
    } catch (error) {
      if (mine !== state.sequence) return;
      status("");
      clearView();  // findings of other copy must not stand beside copy that was refused
      notice(error.message);
    }
  });
}

function rerun() {
  if (!state.request) return;
  const request = { ...state.request, channel: channel() };
  if ("text" in request) request.filename = "pasted" + $("file-type").value;
  run(request, state.current);
}

function exportReport(format) {
  if (!state.request) return;
  whileBusy(() => download(format));
}

async function download(format) {
  try {
    const response = await api("/api/export", { ...state.request, format });
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = match ? match[1] : `cxlint-report.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) {
    notice(error.message);
  }
}

// ---- showing a run ----------------------------------------------------------

function clearView() {
  state.request = null;
  state.findings = [];
  hidePopover();
  $("doc-title").hidden = true;
  $("document").textContent = "";
  $("findings").textContent = "";
  $("errors").textContent = "";
  $("count").textContent = "";
  $("no-findings").hidden = true;
  for (const button of document.querySelectorAll(".export button")) button.disabled = true;
}

function show(answer, name, checkedAs) {
  const report = answer.report;
  state.findings = report.findings.map((finding, index) => ({ ...finding, index, range: answer.ranges[index] }));
  const title = $("doc-title");
  const shownChannel = checkedAs ? `checked as ${checkedAs}` : "channel from the file";
  title.textContent = "";
  title.append(document.createTextNode(name || answer.name), " ");
  const note = document.createElement("span");
  note.className = "channel";
  note.textContent = `(${shownChannel})`;
  title.append(note);
  title.hidden = false;
  renderDocument(answer);
  renderFindings(report);
  for (const button of document.querySelectorAll(".export button")) button.disabled = false;
}

function renderDocument(answer) {
  const box = $("document");
  box.textContent = "";
  hidePopover();
  if (answer.source === null) return;
  const texts = [[null, answer.source], ...Object.entries(answer.parts || {})];
  for (const [part, text] of texts) {
    if (part !== null) {
      const heading = document.createElement("h3");
      heading.textContent = `Part: ${part}`;
      box.append(heading);
    }
    const holder = document.createElement("div");
    holder.className = "text";
    const ranges = state.findings.filter((f) => f.range && f.range.part === part && f.range.end > f.range.start);
    holder.append(highlighted(text, ranges));
    box.append(holder);
  }
}

// The text cut at every finding's start and end; each piece that findings cover is one <mark>
// naming them all, so overlapping findings stay exact.
function highlighted(text, findings) {
  const fragment = document.createDocumentFragment();
  const cuts = new Set([0, text.length]);
  for (const f of findings) { cuts.add(Math.min(f.range.start, text.length)); cuts.add(Math.min(f.range.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = findings.filter((f) => f.range.start <= from && f.range.end >= to);
    if (!covering.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement("mark");
    const worst = covering.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    mark.className = `sev-${worst.severity}`;
    mark.dataset.findings = covering.map((f) => f.index).join(" ");
    mark.title = covering.map((f) => `${f.rule} [${f.severity}] ${f.message}`).join("\n");
    mark.textContent = piece;
    fragment.append(mark);
  }
  return fragment;
}

function renderFindings(report) {
  const list = $("findings");
  list.textContent = "";
  const errors = $("errors");
  errors.textContent = "";
  for (const problem of report.errors || []) {
    const item = document.createElement("li");
    item.textContent = `${problem.code} ${problem.path}${problem.line ? ":" + problem.line : ""}: ${problem.message}`;
    errors.append(item);
  }
  for (const finding of state.findings) list.append(findingItem(finding));
  $("count").textContent = String(state.findings.length);
  $("no-findings").hidden = state.findings.length > 0 || (report.errors || []).length > 0;
}

function findingItem(finding) {
  const item = document.createElement("li");
  item.className = `finding sev-${finding.severity}`;
  item.dataset.index = String(finding.index);
  item.tabIndex = 0;
  const head = document.createElement("div");
  head.className = "head";
  head.append(badge(finding.severity), code(finding.rule), document.createTextNode(finding.name));
  const where = document.createElement("span");
  where.className = "where";
  where.textContent = `${finding.line}:${finding.column}`;
  head.append(where);
  item.append(head, paragraph("message", finding.message));
  const quote = document.createElement("q");
  quote.textContent = finding.text;
  item.append(quote, paragraph("suggestion", `Suggestion: ${finding.suggestion}`));
  const more = [finding.category];
  if (finding.signals && finding.signals.length && !finding.message.includes("Signals:")) more.push(`signals: ${finding.signals.join(", ")} (score ${finding.score})`);
  if (finding.modifiers && finding.modifiers.length) more.push(`context: ${finding.modifiers.join(", ")}`);
  if (finding.channel) more.push(`channel: ${finding.channel}`);
  if (finding.part) more.push(`in ${finding.part}`);
  item.append(paragraph("more", more.join(" · ")));
  item.addEventListener("click", () => activate(finding.index, "list"));
  item.addEventListener("keydown", (event) => { if (event.key === "Enter") activate(finding.index, "list"); });
  return item;
}

function badge(severity) {
  const span = document.createElement("span");
  span.className = `badge sev-${severity}`;
  span.textContent = severity;
  return span;
}

function code(text) {
  const element = document.createElement("code");
  element.textContent = text;
  return element;
}

function paragraph(className, text) {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

function marksOf(index) {
  return [...document.querySelectorAll("#document mark")].filter((m) => m.dataset.findings.split(" ").includes(String(index)));
}

function activate(index, from, mark) {
  for (const element of document.querySelectorAll(".active")) element.classList.remove("active");
  const marks = marksOf(index);
  for (const m of marks) m.classList.add("active");
  const item = document.querySelector(`.finding[data-index="${index}"]`);
  if (item) {
    item.classList.add("active");
    if (from !== "list") scrollWithin($("findings-pane"), item);
  }
  if (from === "list" && marks.length) marks[0].scrollIntoView({ block: "center" });
  if (mark || marks.length) showPopover(state.findings[index], mark || marks[0]);
  else hidePopover();
}

// Bring an item of a scrolling pane into view without scrolling the page itself.
function scrollWithin(pane, item) {
  const [outer, inner] = [pane.getBoundingClientRect(), item.getBoundingClientRect()];
  if (inner.top < outer.top) pane.scrollTop -= outer.top - inner.top + 8;
  else if (inner.bottom > outer.bottom) pane.scrollTop += inner.bottom - outer.bottom + 8;
}

function showPopover(finding, anchor) {
  const box = $("popover");
  box.textContent = "";
  const head = document.createElement("div");
  head.append(badge(finding.severity), document.createTextNode(" "), code(finding.rule), document.createTextNode(` ${finding.name}`));
  box.append(head, paragraph("message", finding.message), paragraph("suggestion", `Suggestion: ${finding.suggestion}`));
  const rect = anchor.getBoundingClientRect();
  box.style.left = `${Math.max(8, window.scrollX + rect.left)}px`;
  box.style.top = `${window.scrollY + rect.bottom + 6}px`;
  box.hidden = false;
}

function hidePopover() { $("popover").hidden = true; }

// ---- files: the folder's, and those dropped or chosen -------------------------

function loadFolder() {
  return whileBusy(async () => {
    try {
      const answer = await (await api("/api/files")).json();
      state.folderFiles = answer.files;
      renderFileList();
      if (answer.errors.length) notice(answer.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
    } catch (error) {
      notice(error.message);
    }
  });
}

function renderFileList() {
  const list = $("files");
  list.textContent = "";
  const folder = state.mode === "folder";
  const names = folder ? state.folderFiles : state.dropped.map((d) => d.name);
  const filter = $("file-filter").value.toLowerCase();
  $("files-title").textContent = folder ? `Files in ${state.meta ? state.meta.folder : "the folder"}` : "Dropped files";
  for (const [position, name] of names.entries()) {
    if (filter && !name.toLowerCase().includes(filter)) continue;
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = name;
    button.setAttribute("aria-current", String(name === state.current));
    button.addEventListener("click", () => (folder ? openFile(name) : openDropped(position)));
    item.append(button);
    list.append(item);
  }
  $("files-empty").hidden = names.length > 0;
  const visible = folder || state.dropped.length > 0;
  $("files-pane").hidden = !visible;
  document.querySelector(".layout").classList.toggle("with-files", visible);
}

function openFile(name) {
  state.current = name;
  renderFileList();
  run({ file: name, channel: channel() }, name);
}

function openDropped(position) {
  const file = state.dropped[position];
  state.current = file.name;
  renderFileList();
  return run({ data: file.data, filename: file.name, channel: channel() }, file.name);
}

function addFiles(fileList) {
  return whileBusy(() => readFiles(fileList));
}

async function readFiles(fileList) {
  const limit = state.meta ? state.meta.max_copy_bytes : Infinity;
  const added = [];
  for (const file of fileList) {
    if (file.size > limit) {
      notice(`${file.name}: too large for the page (${file.size.toLocaleString()} bytes; up to ${limit.toLocaleString()})`);
      continue;
    }
    added.push({ name: file.name, data: toBase64(await file.arrayBuffer()) });
  }
  if (!added.length) return;
  if (state.mode !== "paste") setMode("paste");
  state.dropped.push(...added);
  await openDropped(state.dropped.length - added.length);
}

function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// ---- modes and controls ---------------------------------------------------------

function setMode(mode) {
  state.mode = mode;
  $("tab-paste").setAttribute("aria-selected", String(mode === "paste"));
  $("tab-folder").setAttribute("aria-selected", String(mode === "folder"));
  $("paste-area").hidden = mode !== "paste";
  $("type-label").hidden = mode !== "paste";
  state.current = null;
  state.sequence++;  // an answer still on its way belongs to the other tab
  clearView();
  if (mode === "folder") loadFolder();
  else if ($("copy").value) checkPasted();
  renderFileList();
}

function fillSelects(meta) {
  const channels = $("channel");
  for (const name of meta.channels) channels.append(new Option(name, name));
  const types = $("file-type");
  for (const type of meta.file_types) types.append(new Option(`${type.label} (${type.suffix})`, type.suffix));
  types.value = ".txt";
  $("folder-name").textContent = meta.folder;
}

function stopTyping() {
  clearTimeout(typingTimer);
  typingTimer = null;
  markBusy();
}

function checkPasted() {
  stopTyping();
  state.current = null;
  renderFileList();
  run(pasteRequest(), null);
}

function wire() {
  $("tab-paste").addEventListener("click", () => setMode("paste"));
  $("tab-folder").addEventListener("click", () => setMode("folder"));
  $("check").addEventListener("click", checkPasted);
  $("copy").addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(checkPasted, 600);
    markBusy();
  });
  $("channel").addEventListener("change", rerun);
  $("file-type").addEventListener("change", () => { if (state.request && "text" in state.request) rerun(); });
  $("file-filter").addEventListener("input", renderFileList);
  $("file-input").addEventListener("change", (event) => { addFiles(event.target.files); event.target.value = ""; });
  for (const button of document.querySelectorAll(".export button")) {
    button.addEventListener("click", () => exportReport(button.dataset.format));
  }
  $("document").addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (!mark) return hidePopover();
    const indexes = mark.dataset.findings.split(" ");
    const shown = document.querySelector(".finding.active");
    const next = shown && indexes.includes(shown.dataset.index) ? indexes[(indexes.indexOf(shown.dataset.index) + 1) % indexes.length] : indexes[0];
    activate(Number(next), "text", mark);
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hidePopover(); });
  let depth = 0;
  document.addEventListener("dragenter", (event) => { event.preventDefault(); depth++; $("drop-overlay").hidden = false; });
  document.addEventListener("dragleave", () => { if (--depth <= 0) { depth = 0; $("drop-overlay").hidden = true; } });
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    depth = 0;
    $("drop-overlay").hidden = true;
    if (event.dataTransfer && event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  });
}

async function start() {
  state.token = takeToken();
  wire();
  if (!state.token) {
    notice("Open the address that `cxlint serve` printed in the terminal: it carries this run's key.");
    return;
  }
  await whileBusy(async () => {
    try {
      state.meta = await (await api("/api/meta")).json();
      fillSelects(state.meta);
      document.body.dataset.ready = "true";
    } catch (error) {
      notice(error.message);
    }
  });
}

document.addEventListener("DOMContentLoaded", start);
