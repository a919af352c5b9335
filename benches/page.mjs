// The page in headless Chromium (the end-to-end tests' server and browser): what it transfers at load, how
// long until the first answer over a slow connection, how long until it is ready and answers on loopback, and how
// long the wasm takes to compile.
//
//   node benches/page.mjs [RUNS]           measure and print (./build.sh bench; needs site/ built and
//                                          tests/e2e/node_modules)
//   node benches/page.mjs --check [RUNS]   the same, exit 1 when a budget is broken (./build.sh test): the bytes
//                                          exactly, the throttled first answer against a generous bound
//
// The slow connection is Chromium's network emulation (CDP Network.emulateNetworkConditions): 1.6 Mbps down,
// 750 kbps up, 150 ms round trip (Lighthouse's "slow 4G"), cold cache (a fresh browser context each load). The
// server sends the site as static hosts do, compressed; each encoding is timed on its own by forcing it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT, newPage, open, start } from '../tests/e2e/helpers.mjs';
import { WWW } from '../tests/e2e/server.mjs';

const CHECK = process.argv.includes('--check');
const RUNS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? (CHECK ? 3 : 5));
const BUDGET = {
  // Everything the page loads at start-up, each file compressed on its own (gzip -9), in bytes.
  // Issue #14's target is 128 KB; with #11's readers and #12's entries the page loads about 165 KB (the .wasm 103 KB,
  // the catalogue 45 KB), so a test run (--check) guards 172 KB against growth until the target is decided again.
  transferGzip: (process.argv.includes('--check') ? 172 : 128) * 1000,
  // Navigation start to the first answer over the slow connection, brotli, cold cache.
  firstAnswerMs: 1500,
  // A loaded test machine is slow; the test run only guards against a gross regression of the time.
  guard: 2,
};
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const sample = readFileSync(join(ROOT, 'tests/corpus/cases/py1/quota.txt'), 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const failures = [];

/**
 * One cold load over the slow connection: the paste is in the box before the page's script runs (as if pasted
 * while it loads), and the time is navigation start to its answer in the DOM. Also the bytes Chromium received.
 */
async function throttledLoad(browser, url) {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  let received = 0;
  cdp.on('Network.loadingFinished', (e) => { received += e.encodedDataLength; });
  await page.addInitScript((text) => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const box = document.getElementById('paste');
      const answer = document.getElementById('answer');
      box.value = text;
      new MutationObserver((_, seen) => {
        if (answer.querySelector('[data-entry-id]')) {
          window.__firstAnswer = performance.now();
          seen.disconnect();
        }
      }).observe(answer, { childList: true, subtree: true });
    });
  }, sample);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstAnswer !== undefined, null, { timeout: 30000, polling: 50 });
  const ms = await page.evaluate(() => window.__firstAnswer);
  await page.context().close();
  return { ms, received };
}

// ---- over the slow connection, per encoding
console.log(`The page over a slow connection (1.6 Mbps down, 150 ms RTT, cold cache; median of ${RUNS} loads)`);
const slow = {};
for (const encoding of ['br', 'gzip', 'identity']) {
  const { server, browser, stop } = await start({ encoding });
  try {
    // One load first, not counted: the server compresses each file on its first request (a host does it at deploy).
    await throttledLoad(browser, `${server.url}/`);
    const loads = [];
    for (let r = 0; r < RUNS; r++) loads.push(await throttledLoad(browser, `${server.url}/`));
    slow[encoding] = { ms: median(loads.map((l) => l.ms)), received: median(loads.map((l) => l.received)) };
  } finally {
    await stop();
  }
  const s = slow[encoding];
  console.log(`  ${encoding.padEnd(9)} first answer ${s.ms.toFixed(0).padStart(5)} ms after navigation; ${(s.received / 1000).toFixed(1)} KB received (headers included)`);
}
const limit = BUDGET.firstAnswerMs * (CHECK ? BUDGET.guard : 1);
if (slow.br.ms > limit) failures.push(`first answer over the slow connection (brotli): ${slow.br.ms.toFixed(0)} ms > ${limit} ms`);

// ---- on loopback, unthrottled
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
    // Compile the module again from bytes already in memory (bench only: the page makes no request after load).
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

console.log(`\nThe page on loopback (median of ${RUNS} fresh loads)`);
console.log(`  navigation start to ready (wasm loaded, reference built)   ${median(ready).toFixed(1)} ms`);
console.log(`  first answer after ready (a ${sample.length}-byte traceback)       ${median(answer).toFixed(1)} ms`);
console.log(`  compiling the .wasm (WebAssembly.compile from memory)       ${median(compile).toFixed(1)} ms`);

// ---- bytes: what the page loads at start-up, each file compressed on its own as the server sends it
console.log('\nBytes over the wire at load (site/, each file compressed on its own; source maps are never loaded)');
const total = { raw: 0, gzip: 0, br: 0 };
const row = (name, r, g, b) => console.log(`  ${name.padEnd(26)} ${String(r).padStart(8)} raw ${String(g).padStart(8)} gzip ${String(b).padStart(8)} br`);
for (const path of [...new Set(files)]) {
  const raw = readFileSync(join(WWW, path.endsWith('/') ? `${path}index.html` : path));
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length;
  total.raw += raw.length;
  total.gzip += gz;
  total.br += br;
  row(path, raw.length, gz, br);
}
row('total', total.raw, total.gzip, total.br);
const verdict = total.gzip <= BUDGET.transferGzip ? 'ok' : 'OVER';
console.log(`  gzip total ${total.gzip} bytes: ${verdict} (budget ${BUDGET.transferGzip / 1000} KB); first answer over the slow connection ${slow.br.ms.toFixed(0)} ms (budget ${BUDGET.firstAnswerMs} ms${CHECK ? `, x${BUDGET.guard} guard in a test run` : ''})`);
if (total.gzip > BUDGET.transferGzip) failures.push(`page transfer: ${total.gzip} bytes gzipped > ${BUDGET.transferGzip}`);
if (failures.length) {
  console.error(`\nPage budgets broken:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
