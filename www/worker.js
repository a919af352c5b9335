// Explains large pastes off the main thread, so typing in the page never freezes. Started once at load
// (so it makes its requests then, not later); answers {id, x} for each {id, text}, or {id, failed} when it threw.
import init, { explain } from './pkg/index.js';

const ready = Promise.resolve().then(() => init());
ready.then(() => postMessage({ ready: true }), (err) => postMessage({ error: String(err?.message ?? err) }));

addEventListener('message', async ({ data }) => {
  await ready;
  try {
    postMessage({ id: data.id, x: explain(data.text) });
  } catch (err) {
    // The package restarted the module; the page shows the failure for this paste and goes on.
    postMessage({ id: data.id, failed: String(err?.message ?? err) });
  }
});
