// Explaining off the main thread, for the element and the page: one module worker (worker.js) shared by every
// element on the page, started on first use or by start(). Where there can be no worker (a Content-Security-Policy
// without this origin in worker-src, the package served from another origin than the page, an engine without
// module workers) or the worker cannot load the module, the work is done on the main thread instead: slower for a
// large paste, never a dead widget.
import { excerpt, explain } from './index.js';

/** Pastes longer than this (UTF-16 units or bytes) go to the worker; shorter ones are answered at once, here. */
export const BIG = 256 * 1024;
/**
 * Pastes longer than this are not put into a text box whole: laying out megabytes of text froze the page for
 * seconds (the explanation itself takes a tenth of that). They are explained from their text or bytes and the box
 * shows their excerpt.
 */
export const HUGE = 2 * 1024 * 1024;

let starting = null;
let seq = 0;
const jobs = new Map();

/** Starts the worker (once); resolves to 'ready', or to 'none' when explaining will happen on the main thread. */
export function start() {
  starting ??= new Promise((resolve) => {
    let w;
    try {
      w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    } catch {
      return resolve(null);
    }
    const fail = () => {
      w.terminate();
      starting = Promise.resolve(null);
      resolve(null);
      for (const [id, job] of jobs) {
        jobs.delete(id);
        job.here();
      }
    };
    w.addEventListener('error', fail);
    w.addEventListener('messageerror', fail);
    w.addEventListener('message', ({ data }) => {
      if (data.ready) return resolve(w);
      if (data.error) return fail();
      const job = jobs.get(data.id);
      if (!job) return;
      jobs.delete(data.id);
      if (data.failed) job.reject(new Error(data.failed));
      else job.resolve({ x: data.x, excerpt: data.excerpt });
    });
  });
  return starting.then((w) => (w ? 'ready' : 'none'));
}

async function onMainThread(input, withExcerpt) {
  const bytes = typeof Blob === 'function' && input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : input;
  const x = explain(bytes);
  return withExcerpt ? { x, excerpt: excerpt(bytes) } : { x };
}

/**
 * Explains `input` (a string, a Uint8Array, or a Blob such as a File) in the worker, or here when there is none.
 * Resolves to `{x}`, with `excerpt` (the redacted lines around the errors, to show in place of the input) when
 * `withExcerpt` is set; rejects with an Error when explaining failed inside the module (which has been restarted).
 */
export async function explainOffThread(input, { withExcerpt = false } = {}) {
  await start();
  const w = await starting;
  if (!w) return onMainThread(input, withExcerpt);
  return new Promise((resolve, reject) => {
    const id = ++seq;
    const here = () => onMainThread(input, withExcerpt).then(resolve, reject);
    jobs.set(id, { resolve, reject, here });
    w.postMessage({ id, input, excerpt: withExcerpt });
  });
}
