// The answer renderer that the page (www/app.js) and <openai-error-explainer> (element.js) share: DOM for an
// explanation, for a failure, and the small helpers the page's reference uses. Only exports; nothing touches the
// DOM at import. Pasted text is only ever set as text; the one innerHTML is the catalogue's own HTML
// (`catalogueHtml`), rendered from our Markdown at build time.

import init, { entry } from './index.js';

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

/**
 * What to show when explaining a paste threw (a bug inside the WebAssembly module: the package has restarted it,
 * so the next paste works). Says so in words, with the error's message folded away for a bug report; the message
 * never holds the paste.
 */
export function renderFailure(error, { headingLevel = 3 } = {}) {
  const hl = headingLevel;
  const frag = document.createDocumentFragment();
  frag.append(h('div', { class: 'failed' },
    h(`h${hl}`, {}, 'The explainer failed on this paste'),
    h('p', {}, 'Something went wrong inside the explainer while it read this paste: a bug in the explainer, not a '
      + 'problem with your paste. It has been restarted, so you can edit the paste or paste another one. If it keeps '
      + 'failing, reload the page.'),
    h('details', {},
      h('summary', {}, 'Technical details for a bug report'),
      h('pre', { tabindex: '0', 'aria-label': 'Technical details' }, String(error?.message ?? error)))));
  return frag;
}

/** One line for the live region when explaining failed. */
export const FAILED = 'The explainer failed on this paste; it has been restarted.';
