// <openai-error-explainer>: the element class and its styles; the answer itself is drawn by render.js, which the
// page shares (and imports alone, without the class and its CSS). Only exports: define.js registers the tag, and
// nothing touches the DOM at import.

import { explain } from './index.js';
import { FAILED, announce, h, load, renderExplanation, renderFailure } from './render.js';

// The renderer's exports stay available from here, as they were before render.js was split out.
export * from './render.js';

export const TAG = 'openai-error-explainer';

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
.failed{border-inline-start:3px solid light-dark(#b3261e,#ff9b93);padding-inline-start:.8em}
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
  #failure = null;
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
    else if (this.#explanation || this.#failure) this.#render();
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
    this.#failure = null;
    try {
      this.#explanation = text.trim() ? explain(text) : null;
    } catch (err) {
      // A bug inside the module (the package has restarted it): say so here instead of leaving a dead widget.
      this.#explanation = null;
      this.#failure = err;
    }
    this.#render();
    if (this.#explanation) {
      this.dispatchEvent(new CustomEvent('explained', { detail: this.#explanation, bubbles: true, composed: true }));
    }
  }

  #render() {
    const x = this.#explanation;
    const level = Math.min(5, Math.max(1, parseInt(this.getAttribute('heading-level'), 10) || 3));
    if (this.#failure) {
      this.#out.replaceChildren(renderFailure(this.#failure, { headingLevel: level }));
      this.#status.textContent = FAILED;
      return;
    }
    this.#out.replaceChildren(renderExplanation(x, { compact: this.compact, headingLevel: level }));
    this.#status.textContent = announce(x);
  }
}
