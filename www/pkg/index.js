// The browser and bundler entry: ESM that loads the WebAssembly module when `init()` is called (or awaited at the top
// level). With no argument, init() fetches `explainer_bg.wasm` next to this file; bundlers such as Vite and
// webpack 5 see that `new URL(..., import.meta.url)` in explainer.js and ship the file with the build.

import initModule, { initSync as initModuleSync } from './explainer.js';
import { markLoaded } from './core.js';

export { explain, report, catalogue, entry, version } from './core.js';

let loading;

function options(input, key) {
  // wasm-bindgen takes an options object; passing the value bare is deprecated there, so wrap it here.
  if (input === undefined) return undefined;
  if (input !== null && Object.getPrototypeOf(input) === Object.prototype) return input;
  return { [key]: input };
}

/**
 * Loads the WebAssembly module. Call it once and await it before the other functions; later calls return the same
 * promise. `input` may be a URL or path of the .wasm, a Response or its promise, the bytes, or a compiled
 * WebAssembly.Module.
 */
export default function init(input) {
  loading ??= initModule(options(input, 'module_or_path')).then(
    () => markLoaded(),
    (cause) => {
      loading = undefined;
      throw new Error(`openai-error-explainer: could not load the WebAssembly module: ${cause?.message ?? cause}`, {
        cause,
      });
    },
  );
  return loading;
}

/**
 * Loads the module synchronously from its bytes or a compiled WebAssembly.Module. For workers and Node: browsers
 * limit synchronous compilation on the main thread, so use `init()` there.
 */
export function initSync(module) {
  initModuleSync(options(module, 'module'));
  markLoaded();
}
