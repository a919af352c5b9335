// Types for element.js: the <openai-error-explainer> class, and the renderer the page shares (render.js, whose
// exports element.js passes on). define.d.ts re-exports the class from here.
import type { Explanation, Entry } from './index.js';

export declare const TAG: 'openai-error-explainer';

/** Loads the wasm once (calls the package's `init()`); every element awaits it. */
export declare function load(): Promise<unknown>;

export interface RenderOptions {
  /** The primary entry's summary only: no why/steps, evidence, alternatives or report. */
  compact?: boolean;
  /** Heading level of the entry title (default 3); subsections are one level below. */
  headingLevel?: number;
  /** A link to an entry in a reference page, e.g. `(id) => '#' + id`; none when omitted. */
  href?: ((id: string) => string) | null;
  /** Catalogue lookup by id; the package's `entry` by default. */
  lookup?: (id: string) => Entry | null | undefined;
}

/** The answer as DOM. Pasted text is only ever set as text; every match carries `data-entry-id`. */
export declare function renderExplanation(x: Explanation | null, options?: RenderOptions): DocumentFragment;

/** One sentence for a live region: what happened ("Matched 429 Rate limit reached, 1 other candidate."). */
export declare function announce(x: Explanation | null): string;

export interface ExplainedEvent extends CustomEvent<Explanation> {}

/**
 * `<openai-error-explainer value="…" compact>`.
 * Attributes: `value` (a paste to explain at once), `compact` (summary only), `heading-level` (of the entry
 * title, 1-5, default 3, so the element fits the host page's outline).
 * Event: `explained` (bubbles, composed), `detail` is the explanation.
 * Theming: `--oee-bg`, `--oee-fg`, `--oee-muted`, `--oee-border`, `--oee-accent`, `--oee-surface`, `--oee-radius`,
 * `--oee-font`, `--oee-mono`, `--oee-font-size`; parts `base`, `label`, `input`, `answer`.
 */
export declare class OpenAIErrorExplainerElement extends HTMLElement {
  static observedAttributes: string[];
  /** The paste being explained; setting it explains at once. */
  value: string;
  compact: boolean;
  /** The last explanation, or null. */
  readonly explanation: Explanation | null;
  addEventListener<K extends keyof OpenAIErrorExplainerEventMap>(
    type: K, listener: (this: OpenAIErrorExplainerElement, ev: OpenAIErrorExplainerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface OpenAIErrorExplainerEventMap extends HTMLElementEventMap {
  explained: ExplainedEvent;
}

declare global {
  interface HTMLElementTagNameMap {
    'openai-error-explainer': OpenAIErrorExplainerElement;
  }
  interface HTMLElementEventMap {
    explained: ExplainedEvent;
  }
}
