// The API both entry files share (index.js for browsers and bundlers, node.js for Node): argument checks,
// JSON.parse of the core's answers, and the defence of the boundary. The WebAssembly module itself returns
// JSON strings (src/wasm.rs); nothing here interprets an answer. The catalogue is not in the module: its prose
// would double the .wasm, so build.sh writes it as catalogue.js (the CLI's `--list --json`), plain data that
// needs no init and that bundlers drop when catalogue() and entry() are not used.

import * as glue from './explainer.js';
import entries from './catalogue.js';

/** The package's version, equal to the Rust crate's (build.sh writes it here from Cargo.toml). */
export const version = '0.1.0';

let loaded = false;
let broken = null;
let panicNext = false;
let byId;

/** Called by the entry file once the module is instantiated. */
export function markLoaded() {
  loaded = true;
}

function describe(value) {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function needString(fn, name, value) {
  if (typeof value !== 'string') {
    throw new TypeError(`openai-error-explainer: ${fn}(${name}) needs a string, got ${describe(value)}`);
  }
}

const utf8 = new TextEncoder();

// A paste as the UTF-8 bytes the module reads. A Uint8Array (a Node Buffer, a dropped file's bytes) goes in as it
// is and is decoded like the CLI decodes a file: invalid UTF-8 is repaired, not an error. Strings are encoded here
// because wasm-bindgen's own string copy walks the characters in JavaScript, which on a 100 MB log took longer
// than reading it.
function pasteBytes(fn, value) {
  if (typeof value === 'string') return utf8.encode(value);
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`openai-error-explainer: ${fn}(text) needs a string or a Uint8Array, got ${describe(value)}`);
}

function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// Runs one call into the module. Anything that escapes it (a trap from a Rust panic, an exhausted stack or memory)
// can leave the module's memory half-updated, so the instance is thrown away and a fresh one is made from the same
// compiled module, synchronously, before the error reaches the caller: the next call works. The module keeps no
// state between calls, so nothing is lost.
function call(fn, run) {
  if (broken) throw broken;
  if (!loaded) {
    throw new Error(
      `openai-error-explainer: ${fn}() was called before the WebAssembly module was loaded: ` +
        'call `await init()` first (in Node the package loads itself on import)',
    );
  }
  try {
    if (panicNext) {
      panicNext = false;
      glue.__panic();
    }
    return run();
  } catch (cause) {
    try {
      glue.__wbg_reset_state();
    } catch (e) {
      broken = new Error(`openai-error-explainer: the WebAssembly module failed and could not be restarted (${message(e)})`, {
        cause: e,
      });
    }
    throw new Error(
      `openai-error-explainer: ${fn}() failed inside the WebAssembly module (${cause?.name ?? "Error"}: ${message(cause)}); ` +
        (broken ? 'the module could not be restarted' : 'the module was restarted and later calls work') +
        '. Please report this with the input that caused it.',
      { cause },
    );
  }
}

export function explain(text) {
  const bytes = pasteBytes('explain', text);
  return JSON.parse(call('explain', () => glue.explain(bytes)));
}

export function report(text) {
  const bytes = pasteBytes('report', text);
  return call('report', () => glue.report(bytes));
}

// A fresh copy each time: callers may change what they get.
export function catalogue() {
  return structuredClone(entries);
}

export function entry(id) {
  needString('entry', 'id', id);
  byId ??= new Map(entries.map((e) => [e.id, e]));
  const e = byId.get(id);
  return e === undefined ? undefined : structuredClone(e);
}

/** The version the WebAssembly module reports (the tests check it equals `version`). Not part of the API. */
export function wasmVersion() {
  return call('wasmVersion', () => glue.version());
}

/** Makes the Rust side panic, for the tests of the recovery above. Not part of the API. */
export function __panic() {
  return call('__panic', () => glue.__panic());
}

/**
 * Makes the next call into the module (whichever: `explain()` from a page, say) panic inside it before it runs,
 * so that tests can check what a page or element does with the Error. Not part of the API.
 */
export function __panicOnNextCall() {
  panicNext = true;
}
