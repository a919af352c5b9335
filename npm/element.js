// <openai-error-explainer> and the answer renderer the page shares. Only exports: define.js registers the
// tag, and nothing touches the DOM at import. Pasted text is only ever set as text; the one innerHTML is the
// catalogue's own HTML (`catalogueHtml`), rendered from our Markdown at build time.

import init, { explain, entry } from './index.js';

export const TAG = 'openai-error-explainer';

let loading;
/** Loads the wasm once, however many elements (or the page) ask. */
export function load() {
  return (loading ??= Promise.resolve().then(() => init()));
}

/** `h('p', {class: 'x'}, 'text', child)`: an element; strings become text nodes, never markup. */
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat(9)) if (kid != null && kid !== false && kid !== '') el.append(kid);
  return el;
}

/** The catalogue's build-time HTML (ours, never a paste's). */
export function catalogueHtml(html, cls = 'prose') {
  const div = h('div', { class: cls });
  div.innerHTML = html;
  return div;
}

export const RETRY = { now: 'Retry now', wait: 'Wait, then retry', never: 'Do not retry' };

/** `12`, `1.5`, `90 s`, `6 min`, `24 h`. */
export function seconds(s) {
  if (s >= 3600) return `${Math.round(s / 360) / 10} h`;
  if (s >= 120) return `${Math.round(s / 6) / 10} min`;
  return `${Math.round(s * 10) / 10} s`;
}

/** One line for the live region: what happened, not the whole answer. */
export function announce(x) {
  if (!x) return '';
  const [first, ...rest] = x.matches;
  if (!first) return 'No catalogue entry matches this paste.';
  const more = rest.length ? `, ${rest.length} other candidate${rest.length > 1 ? 's' : ''}` : '';
  return `Matched ${first.status ? first.status + ' ' : ''}${first.title}${more}.`;
}

export function badge(cls, text) {
  return h('span', { class: `badge ${cls}` }, text);
}

export function statusBadge(status) {
  if (!status) return null;
  const n = parseInt(status, 10);
  return badge(n >= 500 ? 's5' : n >= 400 ? 's4' : 'sx', status);
}

function retryBadge(retry) {
  if (!retry) return null;
  const after = retry.verdict === 'wait' && retry.after_seconds != null ? ` (≥ ${seconds(retry.after_seconds)})` : '';
  return badge(`r-${retry.verdict}`, RETRY[retry.verdict] + after);
}

export function links(list) {
  if (!list?.length) return null;
  return h('ul', { class: 'links' },
    list.map((l) => h('li', {}, h('a', { href: l.url, rel: 'noopener noreferrer', target: '_blank' }, l.label))));
}

function code(v) {
  return h('code', {}, String(v));
}

/** `12 of 500 left, resets in 1m20s` from the rate-limit headers of one kind. */
function limitLine(limit, remaining, reset) {
  if (limit == null && remaining == null && reset == null) return null;
  const parts = [];
  if (remaining != null && limit != null) parts.push(`${remaining} of ${limit} left`);
  else if (limit != null) parts.push(`limit ${limit}`);
  else if (remaining != null) parts.push(`${remaining} left`);
  if (reset != null) parts.push(`resets in ${reset}`);
  return parts.join(', ');
}

/** Rows of the evidence table: [label, value (string or node)], only what the paste said. */
export function evidenceRows(ev) {
  if (!ev) return [];
  const r = ev.rate_limits ?? {};
  const rows = [
    ['Status', ev.status],
    ['Error code', ev.error_code && code(ev.error_code)],
    ['Error type', ev.error_type && code(ev.error_type)],
    ['Parameter', ev.error_param && code(ev.error_param)],
    ['Message', ev.error_message],
    ['Exception', ev.exception && code(ev.exception)],
    ['SDK', ev.sdk],
    ['Root cause', ev.root_cause && `${ev.root_cause.kind}: ${ev.root_cause.text}`],
    ['Request ID', ev.request_id && code(ev.request_id)],
    ['Organization', ev.organization && code(ev.organization)],
    ['Project', ev.project && code(ev.project)],
    ['Model', ev.model && code(ev.model)],
    ['Endpoint', ev.endpoint && code(ev.endpoint)],
    ['Requests limit', limitLine(r.limit_requests, r.remaining_requests, r.reset_requests)],
    ['Tokens limit', limitLine(r.limit_tokens, r.remaining_tokens, r.reset_tokens)],
    ['Limit hit', r.limit != null || r.requested != null
      ? [r.window && `${r.window}: `, [r.limit != null && `limit ${r.limit}`, r.used != null && `used ${r.used}`,
        r.requested != null && `requested ${r.requested}`].filter(Boolean).join(', ')].filter(Boolean).join('')
      : null],
    ['Retry-After', ev.retry_after_seconds != null ? seconds(ev.retry_after_seconds) : null],
    ['Timestamp', ev.timestamp],
    ['Retries seen', ev.retries_seen > 0 ? ev.retries_seen : null],
    ['Errors in paste', ev.errors_seen > 1
      ? `${ev.errors_seen}${ev.decisive_line != null ? `; the decisive one on line ${ev.decisive_line}` : ''}` : null],
    ['Azure OpenAI', ev.azure ? 'yes' : null],
  ];
  return rows.filter(([, v]) => v != null && v !== '');
}

function evidenceTable(ev, caption, hl) {
  const rows = evidenceRows(ev);
  if (!rows.length) return null;
  return h('section', { class: 'evidence' },
    h(`h${hl}`, {}, caption),
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', {}, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))))));
}

/** A copy button for `text`; says "Copied" for a moment (the label change is announced). */
export function copyButton(text, label = 'Copy report') {
  const btn = h('button', { type: 'button', class: 'copy' }, label);
  btn.addEventListener('click', async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard API (insecure context, or a frame without the permission): select the text instead.
      const pre = btn.closest('section')?.querySelector('pre');
      if (pre) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        const sel = pre.getRootNode().getSelection?.() ?? getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        ok = document.execCommand?.('copy') ?? false;
      }
    }
    btn.textContent = ok ? 'Copied' : 'Selected: press Ctrl+C';
    btn.dataset.copied = ok ? 'yes' : 'no';
    clearTimeout(btn._t);
    btn._t = setTimeout(() => { btn.textContent = label; delete btn.dataset.copied; }, 2500);
  });
  return btn;
}

function reportSection(report, hl) {
  if (!report) return null;
  return h('section', { class: 'report' },
    h('div', { class: 'row' }, h(`h${hl}`, {}, 'Support report'), copyButton(report)),
    h('p', { class: 'muted' }, 'What OpenAI support asks for, filled from your paste. API keys are already redacted.'),
    h('pre', { tabindex: '0', 'aria-label': 'Support report' }, report));
}

function noMatch(x, hl) {
  const rows = evidenceRows(x.evidence);
  return h('div', { class: 'nomatch' },
    h(`h${hl}`, {}, 'No catalogue entry matches this paste'),
    h('p', {}, rows.length
      ? 'Some of it was recognised (below), but not enough to name the error.'
      : 'Nothing in it looks like an OpenAI API error, SDK exception or HTTP response.'),
    evidenceTable(x.evidence, 'What was recognised', hl + 1),
    h(`h${hl + 1}`, {}, 'What to paste instead'),
    h('ul', {},
      h('li', {}, 'The whole traceback or stack trace, down to the last line (the exception and its message).'),
      h('li', {}, 'The HTTP response: status line, headers and JSON body (', code('curl -i'), ' shows them).'),
      h('li', {}, 'The log lines around the failure, including the ', code('error'), ' object the API returned.')));
}

/**
 * The answer for one explanation, as a DocumentFragment. Options: `compact` (the primary entry's summary
 * only), `headingLevel` (of the entry title; subsections are one below), `href(id)` (a link to an entry in
 * a reference, or null for none), `lookup(id)` (catalogue entry by id; the package's `entry` by default).
 * Every rendered match carries `data-entry-id`, the primary first in document order.
 */
export function renderExplanation(x, { compact = false, headingLevel = 3, href = null, lookup = entry } = {}) {
  const frag = document.createDocumentFragment();
  const hl = headingLevel;
  if (!x) return frag;
  const [first, ...others] = x.matches ?? [];
  if (!first) {
    frag.append(noMatch(x, hl));
    if (!compact) frag.append(reportSection(x.report, hl + 1) ?? '');
    return frag;
  }
  const e = lookup(first.id) ?? {};
  const card = h('article', { class: 'match primary', 'data-entry-id': first.id, 'aria-labelledby': 'primary-title' },
    h('p', { class: 'meta' }, statusBadge(first.status), retryBadge(x.retry), code(first.id)),
    h(`h${hl}`, { id: 'primary-title', class: 'title' }, first.title),
    h('dl', { class: 'cs' },
      e.cause && [h('dt', {}, 'Cause'), h('dd', {}, e.cause)],
      e.solution && [h('dt', {}, 'Solution'), h('dd', {}, e.solution)],
      x.retry && [h('dt', {}, 'Retry'), h('dd', {}, x.retry.why)]),
    x.notes?.length ? h('ul', { class: 'notes', 'aria-label': 'Notes from your paste' }, x.notes.map((n) => h('li', {}, n))) : null);
  if (!compact) {
    if (e.why_html) card.append(h(`h${hl + 1}`, {}, 'Why this happens'), catalogueHtml(e.why_html, 'prose'));
    if (e.steps_html) card.append(h(`h${hl + 1}`, {}, 'What to do'), catalogueHtml(e.steps_html, 'prose'));
    if (e.more_html) card.append(catalogueHtml(e.more_html, 'prose more'));
  }
  if (e.links?.length) card.append(h(`h${hl + 1}`, {}, 'Official links'), links(e.links));
  if (!compact && first.reasons?.length) {
    card.append(h('details', { class: 'reasons' },
      h('summary', {}, `Why this entry (score ${first.score})`),
      h('ul', {}, first.reasons.map((r) => h('li', {}, r)))));
  }
  if (href) card.append(h('p', { class: 'ref' }, h('a', { href: href(first.id) }, 'This entry in the error reference')));
  frag.append(card);
  if (compact) {
    if (others.length) {
      frag.append(h('p', { class: 'muted others-note' }, `Also possible: `,
        others.map((m, i) => [i ? ', ' : '', h('span', { 'data-entry-id': m.id }, m.title)])));
    }
    return frag;
  }
  frag.append(evidenceTable(x.evidence, 'What the paste says', hl) ?? '');
  if (others.length) {
    frag.append(h('section', { class: 'others' },
      h(`h${hl}`, {}, 'Other candidates'),
      h('ol', {}, others.map((m) => h('li', { 'data-entry-id': m.id },
        h('p', {},
          href ? h('a', { href: href(m.id) }, m.title) : h('strong', {}, m.title), ' ',
          statusBadge(m.status), ' ', badge('score', `score ${m.score}`)),
        m.reasons?.length ? h('ul', { class: 'muted' }, m.reasons.map((r) => h('li', {}, r))) : null)))));
  }
  frag.append(reportSection(x.report, hl) ?? '');
  return frag;
}

// The element's styles. Everything is in em (the host's root font size must not matter) and every colour
// reads a public custom property first (`--oee-*`), so a host can theme it; `light-dark()` follows the
// host's `color-scheme`, or the reader's system setting when the host declares none.
const CSS = `
:host{display:block}
:host([hidden]){display:none}
.ee{all:initial;display:block;position:relative;color-scheme:inherit;box-sizing:border-box;
--_bg:var(--oee-bg,light-dark(#fff,#15181d));--_fg:var(--oee-fg,light-dark(#1b1f24,#e6e8eb));
--_muted:var(--oee-muted,light-dark(#56606b,#a2acb8));--_line:var(--oee-border,light-dark(#d0d7de,#3a414a));
--_accent:var(--oee-accent,light-dark(#0b5bd3,#86b9ff));--_surface:var(--oee-surface,light-dark(#f4f6f8,#1e2228));
--_radius:var(--oee-radius,.5em);--_mono:var(--oee-mono,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);
font:var(--oee-font-size,medium)/1.5 var(--oee-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
color:var(--_fg);background:var(--_bg);border:1px solid var(--_line);border-radius:var(--_radius);padding:1em;
text-align:start;overflow-wrap:anywhere}
.ee.os{color-scheme:light dark}
*,*::before,*::after{box-sizing:inherit}
label{display:block;font-weight:600;margin-bottom:.3em}
textarea{display:block;width:100%;min-height:8em;resize:vertical;font:.875em/1.45 var(--_mono);color:inherit;
background:var(--_surface);border:1px solid var(--_line);border-radius:var(--_radius);padding:.6em}
:host([compact]) textarea{min-height:4.5em}
:focus-visible{outline:2px solid var(--_accent);outline-offset:2px}
.status{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.answer:empty{display:none}
.answer{margin-top:.8em}
h1,h2,h3,h4,h5,h6{margin:1em 0 .4em;line-height:1.25;font-size:1.05em}
.title{font-size:1.25em;margin-top:.2em}
p,ul,ol,dl{margin:.4em 0}ul,ol{padding-inline-start:1.4em}
a{color:var(--_accent)}
code,pre{font-family:var(--_mono);font-size:.875em}
code{background:var(--_surface);border-radius:.25em;padding:.05em .3em}
pre{background:var(--_surface);border:1px solid var(--_line);border-radius:var(--_radius);padding:.7em;
overflow:auto;max-height:22em;white-space:pre-wrap}
.meta{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;margin:0}
.badge{display:inline-block;border-radius:999px;padding:0 .6em;font-size:.8em;font-weight:600;
border:1px solid currentColor;line-height:1.6}
.s4,.r-wait{color:light-dark(#8a4b00,#ffc36b)}.s5,.r-never{color:light-dark(#b3261e,#ff9b93)}
.r-now{color:light-dark(#176a2c,#79d98f)}.sx,.score{color:var(--_muted)}
.cs{display:grid;grid-template-columns:auto 1fr;gap:.3em .8em}.cs dt{font-weight:600}.cs dd{margin:0}
.notes{border-inline-start:3px solid var(--_accent);padding:.3em .8em .3em 1.8em;background:var(--_surface)}
.muted{color:var(--_muted)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.925em}
th,td{text-align:start;vertical-align:top;padding:.3em .6em;border-bottom:1px solid var(--_line)}
th{white-space:nowrap;font-weight:600;color:var(--_muted)}
.others ol{padding-inline-start:1.4em}.others li{margin:.4em 0}.others ul{font-size:.875em;margin:.1em 0}
.row{display:flex;align-items:center;justify-content:space-between;gap:1em;flex-wrap:wrap}
button{font:inherit;font-size:.875em;color:var(--_bg);background:var(--_accent);border:0;border-radius:var(--_radius);
padding:.35em .9em;cursor:pointer}
details summary{cursor:pointer;color:var(--_muted)}
`;

let sheet;
function styles(root) {
  if (globalThis.CSSStyleSheet && 'adoptedStyleSheets' in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    // Older engines: a <style> element (needs style-src 'unsafe-inline' under a CSP).
    root.append(h('style', {}, CSS));
  }
}

const Base = globalThis.HTMLElement ?? class {};
let seq = 0;

/**
 * `<openai-error-explainer value="…" compact heading-level="3">`: explains the paste in `value` at once, and
 * whatever is typed or pasted into its box as it changes. `heading-level` is the level of the entry title
 * (3 by default) so the element fits the host page's outline. Fires `explained` (bubbles, composed) with the
 * explanation as `detail`.
 */
export class OpenAIErrorExplainerElement extends Base {
  static observedAttributes = ['value', 'compact', 'heading-level'];
  #input;
  #status;
  #out;
  #wrap;
  #timer = 0;
  #explanation = null;
  #observer = null;
  #pending = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    styles(root);
    const id = `oee-in-${++seq}`;
    this.#input = h('textarea', { id, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', part: 'input',
      placeholder: 'openai.RateLimitError: Error code: 429 - …' });
    this.#status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#out = h('div', { class: 'answer', part: 'answer' });
    this.#wrap = h('div', { class: 'ee os', part: 'base' },
      h('label', { for: id, part: 'label' }, 'Paste a failed OpenAI API call: error, traceback, HTTP response or log'),
      this.#input, this.#status, this.#out);
    root.append(this.#wrap);
    this.#input.addEventListener('input', (ev) => {
      clearTimeout(this.#timer);
      const pasted = ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop';
      this.#timer = setTimeout(() => this.#run(), pasted ? 0 : 200);
    });
  }

  connectedCallback() {
    this.#syncScheme();
    if (!this.#observer && globalThis.MutationObserver) {
      // Docs themes switch dark mode with an attribute or class on <html> or <body>.
      this.#observer = new MutationObserver(() => this.#syncScheme());
      for (const el of [document.documentElement, document.body]) if (el) this.#observer.observe(el, { attributes: true });
    }
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'value' && value != null) this.value = value;
    else if (this.#explanation) this.#render();
  }

  /** The paste being explained. Setting it explains at once. */
  get value() {
    return this.#input.value;
  }

  set value(text) {
    this.#input.value = text ?? '';
    if (this.isConnected) this.#schedule();
  }

  get compact() {
    return this.hasAttribute('compact');
  }

  set compact(on) {
    this.toggleAttribute('compact', Boolean(on));
  }

  /** The last explanation (the `explained` event's detail), or null. */
  get explanation() {
    return this.#explanation;
  }

  #syncScheme() {
    // The host's declared color-scheme wins; when it declares none, follow the reader's system setting.
    const declared = getComputedStyle(this).colorScheme;
    this.#wrap.classList.toggle('os', !declared || declared === 'normal');
  }

  /** One run once the wasm is there, however many attribute and connect callbacks asked for it. */
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    load().then(
      () => { this.#pending = false; this.#run(); },
      (err) => { this.#pending = false; this.#status.textContent = `The explainer could not load: ${err}`; });
  }

  #run() {
    clearTimeout(this.#timer);
    const text = this.#input.value;
    this.#explanation = text.trim() ? explain(text) : null;
    this.#render();
    if (this.#explanation) {
      this.dispatchEvent(new CustomEvent('explained', { detail: this.#explanation, bubbles: true, composed: true }));
    }
  }

  #render() {
    const x = this.#explanation;
    const level = Math.min(5, Math.max(1, parseInt(this.getAttribute('heading-level'), 10) || 3));
    this.#out.replaceChildren(renderExplanation(x, { compact: this.compact, headingLevel: level }));
    this.#status.textContent = announce(x);
  }
}
