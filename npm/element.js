// <openai-error-explainer>: the element class and its styles; the answer itself is drawn by render.js, which the
// page shares (and imports alone, without the class and its CSS). Only exports: define.js registers the tag, and
// nothing touches the DOM at import.

import { explain } from './index.js';
import { BIG, HUGE, explainOffThread } from './offload.js';
import { FAILED, announce, h, load, renderExplanation, renderFailure, sizeText } from './render.js';

// The renderer's exports stay available from here, as they were before render.js was split out.
export * from './render.js';

export const TAG = 'openai-error-explainer';

// The element's styles. Everything is in em (the host's root font size must not matter), the text font is the
// host's (an unset --oee-font leaves font-family to inherit), and every colour
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
font-size:var(--oee-font-size,medium);line-height:1.5;font-family:var(--oee-font);
color:var(--_fg);background:var(--_bg);border:1px solid var(--_line);border-radius:var(--_radius);padding:1em;
text-align:start;overflow-wrap:anywhere}
.ee.os{color-scheme:light dark}
*,*::before,*::after{box-sizing:inherit}
label{display:block;font-weight:600;margin-bottom:.3em}
textarea{display:block;width:100%;min-height:8em;resize:vertical;font:.875em/1.45 var(--_mono);color:inherit;
white-space:pre;overflow-wrap:normal;overflow-x:auto;
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
.failed{border-inline-start:3px solid light-dark(#b3261e,#ff9b93);padding-inline-start:.8em}
.working{color:var(--_muted)}.read{margin:.3em 0 0;font-size:.875em;color:var(--_muted)}.read:empty{display:none}
`;

// Engines without light-dark() (Safari before 17.5, Firefox before 120, Chrome before 123) get the light colours:
// the rules that use it again, with its first argument, behind @supports.
const LIGHT_ONLY = (CSS.match(/[^{}]+\{[^{}]*light-dark\([^{}]*\}/g) ?? [])
  .map((rule) => rule.replace(/light-dark\(([^,()]+),[^()]+\)/g, '$1')).join('');
const SHEET = `${CSS}@supports not (color:light-dark(#000,#fff)){${LIGHT_ONLY}}`;

let sheet;
function styles(root) {
  if (globalThis.CSSStyleSheet && 'adoptedStyleSheets' in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(SHEET);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    // Older engines: a <style> element (needs style-src 'unsafe-inline' under a CSP).
    root.append(h('style', {}, SHEET));
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
  #failure = null;
  #observer = null;
  #pending = false;
  #seq = 0;
  #read;
  #autoLevel = 2;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    styles(root);
    const id = `oee-in-${++seq}`;
    this.#input = h('textarea', { id, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', wrap: 'off', part: 'input',
      placeholder: 'openai.RateLimitError: Error code: 429 - …' });
    this.#status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#out = h('div', { class: 'answer', part: 'answer' });
    this.#read = h('p', { class: 'read', part: 'read' });
    this.#wrap = h('div', { class: 'ee os', part: 'base' },
      h('label', { for: id, part: 'label' }, 'Paste a failed OpenAI API call: error, traceback, HTTP response or log'),
      this.#input, this.#read, this.#status, this.#out);
    root.append(this.#wrap);
    this.#input.addEventListener('paste', (ev) => {
      // Megabytes of log are not put into the box (laying them out would freeze the page): they are explained
      // from the clipboard's text, and the box gets the lines around the errors.
      const text = ev.clipboardData?.getData('text/plain') ?? '';
      if (text.length <= HUGE) return;
      ev.preventDefault();
      this.#runLarge(text);
    });
    this.#input.addEventListener('input', (ev) => {
      clearTimeout(this.#timer);
      this.#read.textContent = '';
      const pasted = ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop';
      this.#timer = setTimeout(() => this.#run(), pasted ? 0 : 200);
    });
  }

  connectedCallback() {
    this.#fitOutline();
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
    else if (this.#explanation || this.#failure) this.#render();
  }

  /** The paste being explained (for one over 2 MB, the excerpt the box shows). Setting it explains at once. */
  get value() {
    return this.#input.value;
  }

  set value(text) {
    const t = String(text ?? '');
    this.#read.textContent = '';
    // Megabytes are not put into the box (laying them out freezes the page): it gets their excerpt.
    if (t.length > HUGE) {
      this.#input.value = '';
      load().then(() => this.#runLarge(t), () => {});
      return;
    }
    this.#input.value = t;
    if (this.isConnected) this.#schedule();
  }

  get compact() {
    return this.hasAttribute('compact');
  }

  // React 19 sets properties, not attributes, on custom elements: `<openai-error-explainer compact="">` arrives
  // as `el.compact = ""`, which must mean on, as the attribute does.
  set compact(on) {
    this.toggleAttribute('compact', on === '' || (on !== 'false' && Boolean(on)));
  }

  /** The level of the entry title, 1 to 5 (the `heading-level` attribute). */
  get headingLevel() {
    return this.#level();
  }

  set headingLevel(level) {
    if (level == null || level === '') this.removeAttribute('heading-level');
    else this.setAttribute('heading-level', String(level));
  }

  #level() {
    return Math.min(5, Math.max(1, parseInt(this.getAttribute('heading-level'), 10) || this.#autoLevel));
  }

  /** Without `heading-level`: one below the page's heading before the element, so the outline stays in order. */
  #fitOutline() {
    let level = 1;
    try {
      for (const hd of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
        if (!(hd.compareDocumentPosition(this) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
        level = Number(hd.tagName[1]);
      }
    } catch {
      // No document to look at: the default below.
    }
    this.#autoLevel = Math.min(5, level + 1);
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
    const id = ++this.#seq;
    this.#failure = null;
    if (text.length > BIG) {
      this.#working(text.length);
      explainOffThread(text).then(({ x }) => this.#answer(id, x, null), (err) => this.#answer(id, null, err));
      return;
    }
    let x = null;
    let failure = null;
    try {
      x = text.trim() ? explain(text) : null;
    } catch (err) {
      // A bug inside the module (the package has restarted it): say so here instead of leaving a dead widget.
      failure = err;
    }
    this.#answer(id, x, failure);
  }

  /** A paste too large for the box: explained off the page's thread, and the box shows its excerpt. */
  #runLarge(text) {
    clearTimeout(this.#timer);
    const id = ++this.#seq;
    this.#working(text.length);
    explainOffThread(text, { withExcerpt: true }).then(({ x, excerpt }) => {
      if (id !== this.#seq) return;
      this.#input.value = excerpt;
      this.#read.textContent = `Read all ${sizeText(text.length)} of the paste; the box shows the lines around its errors.`;
      this.#answer(id, x, null);
    }, (err) => this.#answer(id, null, err));
  }

  #working(size) {
    this.#wrap.setAttribute('aria-busy', 'true');
    this.#wrap.dataset.state = 'working';
    this.#out.replaceChildren(h('p', { class: 'working' }, `Working… reading ${sizeText(size)}.`));
    this.#status.textContent = 'Working on a large paste…';
  }

  /** Shows the answer to run `id`, unless a later run has started since. */
  #answer(id, x, failure) {
    if (id !== this.#seq) return;
    this.#wrap.removeAttribute('aria-busy');
    this.#explanation = failure ? null : x;
    this.#failure = failure;
    this.#wrap.dataset.state = failure ? 'failed' : x ? 'done' : 'empty';
    this.#render();
    if (this.#explanation) {
      this.dispatchEvent(new CustomEvent('explained', { detail: this.#explanation, bubbles: true, composed: true }));
    }
  }

  #render() {
    const x = this.#explanation;
    const level = this.#level();
    if (this.#failure) {
      this.#out.replaceChildren(renderFailure(this.#failure, { headingLevel: level }));
      this.#status.textContent = FAILED;
      return;
    }
    this.#out.replaceChildren(renderExplanation(x, { compact: this.compact, headingLevel: level }));
    this.#status.textContent = announce(x);
  }
}
