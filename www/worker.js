// Explains large pastes off the main thread, so typing in the page never freezes. Started once at load
// (so it makes its requests then, not later); answers {id, x} for each {id, text}.
import init, { explain } from './pkg/index.js';

const ready = Promise.resolve().then(() => init());
ready.then(() => postMessage({ ready: true }), (err) => postMessage({ error: String(err?.message ?? err) }));

addEventListener('message', async ({ data }) => {
  await ready;
  postMessage({ id: data.id, x: explain(data.text) });
});
