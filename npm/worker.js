// The module worker behind offload.js: explains pastes off the page's main thread, so that a large one never
// freezes the page (or the docs page an element sits in). It loads the WebAssembly module at start and says
// {ready} (or {error} when it cannot); then for each {id, input, excerpt} it answers {id, x, excerpt?} or
// {id, failed}. `input` is a string, bytes, or a Blob (a dropped or opened file, read here, never on the page's
// thread); with `excerpt` set the answer carries the redacted excerpt to show in place of a large input.
import init, { excerpt, explain } from './index.js';

const ready = Promise.resolve().then(() => init());
ready.then(() => postMessage({ ready: true }), (err) => postMessage({ error: String(err?.message ?? err) }));

addEventListener('message', async ({ data }) => {
  try {
    await ready;
    const input = typeof Blob === 'function' && data.input instanceof Blob
      ? new Uint8Array(await data.input.arrayBuffer())
      : data.input;
    const answer = { id: data.id, x: explain(input) };
    if (data.excerpt) answer.excerpt = excerpt(input);
    postMessage(answer);
  } catch (err) {
    // The package restarted the module after a failure inside it; the caller shows the failure for this paste.
    postMessage({ id: data.id, failed: String(err?.message ?? err) });
  }
});
