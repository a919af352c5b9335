// The page: a paste box, the answer (updated as the text changes), an examples menu and the catalogue as a
// searchable error reference. After loading it makes no request. Pasted text is only ever set as text.
import { explain, catalogue, version } from './pkg/index.js';
// The renderer alone (render.js), not the element class and its styles (element.js), which the page does not use.
import { FAILED, RETRY, announce, catalogueHtml, h, links, load, renderExplanation, renderFailure, sizeText, statusBadge } from './pkg/render.js';
// Pastes above BIG are explained in the package's worker, so typing never freezes; above HUGE (and every opened
// or dropped file) they are explained from their text or bytes there and the box shows only their excerpt.
import { BIG, HUGE, explainOffThread, start as startWorker } from './pkg/offload.js';
import { openShared, shareButton } from './share.js';

/** Files larger than this are read from their end, where the error usually is. */
const MAX_FILE = 256 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const paste = $('paste');
const answer = $('answer');
const result = $('result');
const status = $('status');
const examples = $('examples');
const filter = $('filter');
const list = $('entries');
const readNote = $('read-note');

const byId = new Map();
const lookup = (id) => byId.get(id);
const href = (id) => `#${id}`;
let seq = 0;
let shown = 0;
let timer = 0;
let worker = 'none';
/** Bring the answer into view once it is there (set by a paste, a file or an example; typing does not move the page). */
let reveal = false;

if (!location.hash) paste.focus();

// ── Explaining ─────────────────────────────────────────────────────────────────────────────────────────

function schedule(delay) {
  clearTimeout(timer);
  answer.dataset.pending = 'yes';
  timer = setTimeout(update, delay);
}

/** Explains the box's text now: here, or in the worker when it is big. Stale answers are dropped. */
function update() {
  clearTimeout(timer);
  delete answer.dataset.pending;
  const text = paste.value;
  const id = ++seq;
  answer.dataset.want = String(id);
  if (examples.value && lookup(examples.value)?.example !== text) examples.value = '';
  if (!text.trim()) return show(null, id);
  if (text.length > BIG && worker === 'ready') {
    busy(text.length);
    explainOffThread(text).then(({ x }) => show(x, id), (err) => failed(err, id));
    return;
  }
  let x;
  try {
    x = explain(text);
  } catch (err) {
    // A bug inside the module (the package has restarted it, so the next paste works): a readable error state.
    return failed(err, id);
  }
  show(x, id);
}

function busy(size) {
  answer.setAttribute('aria-busy', 'true');
  answer.dataset.state = 'busy';
  status.textContent = `Explaining a large paste (${sizeText(size)})…`;
}

function show(x, id) {
  if (id < shown) return;
  shown = id;
  answer.removeAttribute('aria-busy');
  result.replaceChildren(x ? renderExplanation(x, { href, lookup, headingLevel: 3 }) : emptyState());
  if (x) result.querySelector('.report .row')?.append(shareButton(paste.value));
  status.textContent = announce(x);
  answer.dataset.state = !x ? 'empty' : x.matches.length ? 'matched' : 'nomatch';
  answer.dataset.seq = String(id);
  revealAnswer(x);
}

/** On a phone the answer is below the paste box, out of sight: scroll to it after a paste, a file or an example. */
function revealAnswer(x) {
  if (!reveal || !x) return;
  reveal = false;
  const top = answer.getBoundingClientRect().top;
  if (top < innerHeight * 0.6) return;
  answer.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

/** Explaining this paste threw: say so, and stay ready for the next one. */
function failed(err, id) {
  if (id < shown) return;
  shown = id;
  answer.removeAttribute('aria-busy');
  result.replaceChildren(renderFailure(err, { headingLevel: 3 }));
  status.textContent = FAILED;
  answer.dataset.state = 'failed';
  answer.dataset.seq = String(id);
}

/** Common errors for one-click examples in the empty state (those the catalogue has). */
const QUICK = ['429-quota-exceeded', '429-rate-limit', '401-incorrect-api-key', 'APIConnectionError', '400-context-length-exceeded'];

function emptyState() {
  const quick = QUICK.map(lookup).filter((e) => e?.example);
  return h('div', { class: 'empty' },
    h('p', {}, 'The explanation appears here as soon as you paste.'),
    quick.length && [
      h('h3', {}, 'New here? Try a common error'),
      h('ul', { class: 'quick' }, quick.map((e) => h('li', {},
        h('button', { type: 'button', 'data-example': e.id, click: () => tryExample(e.id) },
          e.status && e.kind === 'api' ? `${e.status} · ${e.title}` : e.title))))],
    h('h3', {}, 'What you can paste'),
    h('ul', {},
      h('li', {}, 'A Python or Node SDK traceback, down to its last line'),
      h('li', {}, 'An HTTP response: status line, headers and JSON body (', h('code', {}, 'curl -i'), ', browser devtools)'),
      h('li', {}, 'Log lines around the failure, or just the error message')),
    h('p', { class: 'hint' }, 'API keys in the paste are redacted from everything shown and copied.'));
}

// ── Input: typing, pasting, dropping, opening a file ───────────────────────────────────────────────────

paste.addEventListener('input', (ev) => {
  const whole = ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop';
  readNote.textContent = '';
  reveal ||= whole;
  schedule(whole ? 0 : 150);
});

paste.addEventListener('paste', (ev) => {
  // Megabytes of log are not put into the box: laying them out froze the tab for seconds, though explaining them
  // takes a tenth of a second. They are explained from the clipboard's text; the box gets the excerpt.
  const text = ev.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= HUGE) return;
  ev.preventDefault();
  readLarge(text, `Read the whole paste (${sizeText(text.length)})`);
});

/** A file, or a paste too large for the box: explained from its bytes or text off the main thread. */
function readLarge(input, what) {
  clearTimeout(timer);
  delete answer.dataset.pending;
  const id = ++seq;
  answer.dataset.want = String(id);
  examples.value = '';
  reveal = true;
  busy(input.size ?? input.length);
  explainOffThread(input, { withExcerpt: true }).then(({ x, excerpt }) => {
    if (id !== seq) return;
    const whole = excerpt.length === (input.size ?? input.length);
    paste.value = excerpt;
    readNote.textContent = whole ? '' : `${what}; the box shows the lines around its errors (${sizeText(excerpt.length)}).`;
    show(x, id);
  }, (err) => failed(err, id));
}

function readFile(file) {
  if (!file) return;
  const blob = file.size > MAX_FILE ? file.slice(file.size - MAX_FILE) : file;
  const what = blob === file ? `Read all of ${file.name} (${sizeText(file.size)})`
    : `Read the last ${sizeText(MAX_FILE)} of ${file.name} (${sizeText(file.size)})`;
  readLarge(blob, what);
}

function setText(text) {
  paste.value = text;
  readNote.textContent = '';
  reveal = true;
  update();
}

document.addEventListener('dragover', (ev) => {
  if (ev.dataTransfer?.types.includes('Files')) {
    ev.preventDefault();
    paste.classList.add('drop');
  }
});
document.addEventListener('dragleave', () => paste.classList.remove('drop'));
document.addEventListener('drop', (ev) => {
  paste.classList.remove('drop');
  const file = ev.dataTransfer?.files?.[0];
  if (file) {
    ev.preventDefault();
    readFile(file);
  }
});
$('open').addEventListener('click', () => $('file').click());
$('file').addEventListener('change', (ev) => readFile(ev.target.files[0]));
$('clear').addEventListener('click', () => {
  setText('');
  examples.value = '';
  paste.focus();
});
examples.addEventListener('change', () => {
  const e = lookup(examples.value);
  if (e) setText(e.example);
});

// ── The error reference ────────────────────────────────────────────────────────────────────────────────

const KINDS = { api: 'API errors', sdk: 'SDK errors', guide: 'Guides' };

function entryItem(e) {
  const details = h('details', {},
    h('summary', {}, e.kind === 'guide' ? 'Read the guide' : 'Fix, background and links'),
    e.solution && h('p', {}, h('strong', {}, 'Solution: '), e.solution),
    e.why_html && [h('h4', {}, 'Why this happens'), catalogueHtml(e.why_html)],
    e.steps_html && [h('h4', {}, 'What to do'), catalogueHtml(e.steps_html)],
    e.more_html && catalogueHtml(e.more_html),
    e.links?.length && [h('h4', {}, 'Official links'), links(e.links)],
    e.example && [
      h('h4', {}, 'Example'),
      h('pre', { tabindex: '0', 'aria-label': `Example paste for ${e.id}` }, e.example),
      h('button', { type: 'button', class: 'try', click: () => tryExample(e.id) }, 'Explain this example')]);
  const item = h('li', {},
    h('article', { id: e.id, class: 'entry', tabindex: '-1', 'aria-labelledby': `t-${e.id}` },
      h('h3', { id: `t-${e.id}` }, h('a', { href: href(e.id) }, e.title)),
      h('p', { class: 'meta' },
        statusBadge(e.status),
        h('code', {}, e.id),
        h('span', { class: 'kind' }, KINDS[e.kind]?.replace(/s$/, '') ?? e.kind),
        e.retry && h('span', { class: `badge r-${e.retry}` }, RETRY[e.retry])),
      e.cause && h('p', {}, e.cause),
      details));
  const s = e.signals ?? {};
  item.dataset.search = [e.id, e.title, e.status, e.kind, e.cause, e.solution, ...(s.codes ?? []), ...(s.types ?? []),
    ...(s.messages ?? []), ...(s.classes ?? [])].filter(Boolean).join('\n').toLowerCase();
  return item;
}

function tryExample(id) {
  examples.value = id;
  setText(lookup(id).example);
  paste.focus();
  paste.scrollIntoView({ block: 'nearest' });
}

function applyFilter() {
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shownCount = 0;
  for (const li of list.children) {
    li.hidden = !words.every((w) => li.dataset.search.includes(w));
    if (!li.hidden) shownCount++;
  }
  $('filter-count').textContent = words.length
    ? `${shownCount} of ${list.children.length} entries match.`
    : `${list.children.length} entries.`;
}

function openHash() {
  if (openShared(location.hash, setText)) return;
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    // A malformed fragment (`#%E0%A4%A`) names no entry: ignored, like any other unknown one.
    return;
  }
  const el = id && document.getElementById(id);
  if (!el || !el.classList.contains('entry')) return;
  if (el.parentElement.hidden) {
    filter.value = '';
    applyFilter();
  }
  el.querySelector('details').open = true;
  // The browser may already have moved focus to the entry (and the user on from there) before hashchange
  // fires: take focus only when it is elsewhere, never back from inside the entry.
  if (el.contains(document.activeElement)) return;
  el.scrollIntoView();
  el.focus({ preventScroll: true });
}

filter.addEventListener('input', applyFilter);
addEventListener('hashchange', openHash);

function buildReference(entries) {
  const groups = {};
  for (const e of entries) {
    byId.set(e.id, e);
    if (e.example) (groups[e.kind] ??= h('optgroup', { label: KINDS[e.kind] ?? e.kind })).append(
      h('option', { value: e.id }, e.status && e.kind === 'api' ? `${e.status} · ${e.title}` : e.title));
  }
  examples.append(...Object.values(groups));
  list.replaceChildren(...entries.map(entryItem));
  applyFilter();
}

// ── Start ──────────────────────────────────────────────────────────────────────────────────────────────

try {
  await load(); // the package's init(), shared with the element module so the wasm is fetched once
  buildReference(catalogue());
  $('version').textContent = `Version ${typeof version === 'function' ? version() : version}.`;
  update();
  root.dataset.ready = 'yes';
  performance.mark('explainer-ready');
  openHash();
  worker = await startWorker();
  root.dataset.worker = worker;
} catch (err) {
  answer.dataset.state = 'error';
  result.replaceChildren(h('p', { class: 'error' },
    `The explainer could not start (${err?.message ?? err}). It needs WebAssembly; `
    + 'a browser extension or a policy that blocks it stops this page from working.'));
  root.dataset.ready = 'error';
}
