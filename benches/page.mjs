// The page in headless Chromium (the end-to-end tests' server and browser): what it transfers at load, how
// long until it is ready and until the first answer, and how long the wasm takes to compile and instantiate.
//
//   node benches/page.mjs [RUNS]     (./build.sh bench runs it; needs www/ built and tests/e2e/node_modules)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, newPage, open, start } from '../tests/e2e/helpers.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const BUDGET_KB = 60;
const sample = readFileSync(join(ROOT, 'tests/corpus/cases/py1/quota.txt'), 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, browser, stop } = await start();
const ready = [];
const answer = [];
const compile = [];
let files = [];
try {
  for (let r = 0; r < RUNS; r++) {
    const page = await newPage(browser);
    await open(page, server.url);
    files = page.requests.filter((u) => u.startsWith(server.url)).map((u) => new URL(u).pathname);
    ready.push(await page.evaluate(() => performance.getEntriesByName('explainer-ready')[0]?.startTime ?? NaN));
    // Timed inside the page: from the paste event to the answer being in the DOM.
    answer.push(await page.evaluate((text) => new Promise((resolve) => {
      const a = document.getElementById('answer');
      const box = document.getElementById('paste');
      const t0 = performance.now();
      const seen = new MutationObserver(() => {
        if (!a.dataset.pending && a.dataset.seq === a.dataset.want) {
          seen.disconnect();
          resolve(performance.now() - t0);
        }
      });
      seen.observe(a, { attributes: true, childList: true, subtree: true });
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
    }), sample));
    // Compile + instantiate the module again from bytes already in memory (bench only: the page itself
    // makes no request after load).
    compile.push(await page.evaluate(async () => {
      const bytes = await (await fetch('pkg/explainer_bg.wasm')).arrayBuffer();
      const t0 = performance.now();
      await WebAssembly.compile(bytes);
      return performance.now() - t0;
    }));
    await page.context().close();
  }
} finally {
  await stop();
}

console.log(`The page in headless Chromium (median of ${RUNS} fresh loads)`);
console.log(`  navigation start to ready (wasm loaded, reference built)   ${median(ready).toFixed(1)} ms`);
console.log(`  first answer after ready (a ${sample.length}-byte traceback)       ${median(answer).toFixed(1)} ms (budget 50 ms)`);
console.log(`  compiling the .wasm (WebAssembly.compile from memory)       ${median(compile).toFixed(1)} ms`);
console.log('\nBytes over the wire at load (each file gzip -9 on its own)');
let total = 0;
const unique = [...new Set(files)];
for (const path of unique) {
  const file = join(ROOT, 'www', path.endsWith('/') ? `${path}index.html` : path);
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`  ${path.padEnd(32)} ${String(raw.length).padStart(8)} raw ${String(gz).padStart(8)} gz`);
}
const verdict = total <= BUDGET_KB * 1000 ? 'ok' : 'OVER';
console.log(`  ${'total'.padEnd(32)} ${''.padStart(8)}     ${String(total).padStart(8)} gz  (budget ${BUDGET_KB} KB: ${verdict})`);
