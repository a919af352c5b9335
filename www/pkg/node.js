// The Node entry (the `node` export condition): reads the .wasm beside this file and instantiates it synchronously
// at import, so `import { explain } from 'openai-error-explainer'` is ready to use with no init call.
// (Node's fetch cannot read file: URLs, which is why the browser entry's init() would fail here.)

import { readFileSync } from 'node:fs';
import { initSync as initModule } from './explainer.js';
import { markLoaded } from './core.js';

export { explain, report, catalogue, entry, version } from './core.js';

const wasmUrl = new URL('./explainer_bg.wasm', import.meta.url);
let bytes;
try {
  bytes = readFileSync(wasmUrl);
} catch (cause) {
  throw new Error(`openai-error-explainer: cannot read ${wasmUrl.pathname}: ${cause.message}`, { cause });
}
initModule({ module: bytes });
markLoaded();

/** Already done at import in Node; kept so that code written for browsers runs unchanged. */
export default async function init() {}

/** Already done at import in Node; kept so that code written for browsers and workers runs unchanged. */
export function initSync() {}
