// Types for openai-error-explainer. Written by hand to match the JSON the Rust core writes (src/explain.rs);
// the package's tests check that every field the core returns is named here.

/** What a catalogue entry describes. */
export type Kind = 'api' | 'sdk' | 'guide';

/** Whether trying the same request again can succeed: right away, after a wait, or never. */
export type RetryVerdict = 'now' | 'wait' | 'never';

/** A catalogue entry that fits the paste, with why it fits. */
export interface Match {
  /** The entry's stable id, e.g. `429-quota-exceeded` or `RateLimitError`. */
  id: string;
  /** The entry's heading. */
  title: string;
  kind: Kind;
  /** The HTTP status (`"429"`) or range (`"500-599"`) of the entry, when it has one. */
  status: string | null;
  /** How strongly the paste points here; only the order between matches means anything. */
  score: number;
  /** What in the paste pointed here, for showing. */
  reasons: string[];
}

/** The rate-limit figures a paste showed (headers or the message). */
export interface RateLimits {
  /** `x-ratelimit-limit-requests`. */
  limit_requests: string | null;
  /** `x-ratelimit-remaining-requests`. */
  remaining_requests: string | null;
  /** `x-ratelimit-reset-requests`, e.g. `"1s"`. */
  reset_requests: string | null;
  /** `x-ratelimit-limit-tokens`. */
  limit_tokens: string | null;
  /** `x-ratelimit-remaining-tokens`. */
  remaining_tokens: string | null;
  /** `x-ratelimit-reset-tokens`, e.g. `"6m0s"`. */
  reset_tokens: string | null;
  /** The limit's window as the message names it, e.g. `"tokens per min (TPM)"`. */
  window: string | null;
  /** From the message: the limit. */
  limit: number | null;
  /** From the message: how much was already used. */
  used: number | null;
  /** From the message: how much this request asked for. */
  requested: number | null;
}

/** The first underlying failure in an exception chain (under a connection error, say). */
export interface RootCause {
  kind: 'tls' | 'proxy' | 'dns' | 'refused' | 'reset' | 'timeout';
  /** The line that showed it, keys redacted. */
  text: string;
}

/** What the paste said, read from the decisive error in it. API keys are already redacted. */
export interface Evidence {
  /** HTTP status. */
  status: number | null;
  /** `error.type` from the body. */
  error_type: string | null;
  /** `error.code` from the body. */
  error_code: string | null;
  /** `error.param` from the body. */
  error_param: string | null;
  /** `error.message` from the body, or the exception's message. */
  error_message: string | null;
  /** The exception class as written, e.g. `openai.RateLimitError`. */
  exception: string | null;
  /** Which SDK printed the paste, e.g. `"openai-python 1.0-3.37"` or `"openai-node v4"`. */
  sdk: string | null;
  root_cause: RootCause | null;
  /** `x-request-id` or the request id in the message: what support asks for. */
  request_id: string | null;
  /** `openai-organization`. */
  organization: string | null;
  /** `openai-project`. */
  project: string | null;
  /** The model the request used. */
  model: string | null;
  /** The endpoint the request went to, e.g. `/v1/chat/completions`. */
  endpoint: string | null;
  rate_limits: RateLimits;
  /** `retry-after` (or `retry-after-ms`), in seconds. */
  retry_after_seconds: number | null;
  /** When it happened, as written in the paste. */
  timestamp: string | null;
  /** How many retries the SDK logged before giving up. */
  retries_seen: number;
  /** How many errors the paste holds. */
  errors_seen: number;
  /** 1-based line of the error the explanation is about. */
  decisive_line: number | null;
  /** The paste comes from Azure OpenAI. */
  azure: boolean;
}

/** Whether to retry, and when. */
export interface Retry {
  verdict: RetryVerdict;
  /** Seconds to wait first, when the paste says (only with `verdict: "wait"`). */
  after_seconds: number | null;
  /** One sentence a user can act on. */
  why: string;
}

/** What the explainer says about one paste: the same object the CLI's `--json` prints. */
export interface Explanation {
  /** Best first; empty when nothing matched. */
  matches: Match[];
  evidence: Evidence;
  /** The verdict for the first match; `null` when nothing matched. */
  retry: Retry | null;
  /** What this paste adds to the entry's text: the real cause of a connection error, wasted retries, … */
  notes: string[];
  /** The support report, filled from the paste (the same text `report()` returns). */
  report: string;
}

/** An official page that helps with an entry. */
export interface Link {
  label: string;
  /** Always `https://`. */
  url: string;
}

/** What in a paste points at an entry. */
export interface Signals {
  /** `error.code` values. */
  codes: string[];
  /** `error.type` values. */
  types: string[];
  /** Message fragments, matched case-insensitively. */
  messages: string[];
  /** Exception classes: a bare name matches any OpenAI SDK's class of that name, a dotted one matches exactly. */
  classes: string[];
}

/** One catalogue entry. The `*_html` fields are rendered from the catalogue's Markdown when the package is built. */
export interface Entry {
  /** The stable id. */
  id: string;
  /** The heading shown to the user. */
  title: string;
  kind: Kind;
  /** The HTTP status (`"429"`) or range (`"500-599"`). */
  status: string | null;
  /** Whether retrying can help; `null` for guides. */
  retry: RetryVerdict | null;
  /** One line: why it happens. */
  cause: string;
  /** One line: what to do. */
  solution: string;
  links: Link[];
  signals: Signals;
  /** "Why this happens", as HTML. */
  why_html: string;
  /** "What to do", as HTML. */
  steps_html: string;
  /** Any further sections, as HTML with `<h3>` headings. */
  more_html: string;
  /** A realistic paste this entry is the first match for. */
  example: string;
}

/** What `init()` accepts: where the .wasm is, its bytes, or the compiled module. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/**
 * Loads the WebAssembly module; await it once before calling anything else. Later calls return the same promise.
 * With no argument it fetches `explainer_bg.wasm` next to the package's `index.js`. In Node the package loads itself
 * on import, and `init()` does nothing.
 */
export default function init(input?: InitInput | { module_or_path: InitInput }): Promise<void>;

/** Loads the module synchronously (workers, Node). Browsers limit this on the main thread: use `init()` there. */
export function initSync(module: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): void;

/**
 * Reads, classifies and explains a paste: a string, or its bytes (a Node `Buffer` from a log file, a dropped file's
 * contents), which are read as UTF-8 with invalid sequences repaired, as the CLI reads a file. Throws a `TypeError`
 * for anything else.
 */
export function explain(text: string | Uint8Array): Explanation;

/** The support report for a paste (a string or its UTF-8 bytes): the checklist support asks for, filled from it. */
export function report(text: string | Uint8Array): string;

/** Every catalogue entry: API errors first, then SDK errors, then guides. */
export function catalogue(): Entry[];

/** The entry with this id, or `undefined`. */
export function entry(id: string): Entry | undefined;

/** The package's version, which is also the Rust crate's. */
export const version: string;
