// Sizes and timings of the built npm package (pkg/), against the budgets:
//   the .wasm at most 64 KiB gzipped; instantiation in Node at most 10 ms; explain() of a typical paste (a 1.7 KB
//   traceback from the corpus, whose pastes average 2 KB) under 0.1 ms, and of a 5 KB traceback under 0.2 ms.
//
//   node tests/npm/bench.mjs           measure, print the tables, exit 1 when a budget is broken (./build.sh bench)
//   node tests/npm/bench.mjs --check   the test-run guard (./build.sh test): the size budget exactly, the timings
//                                      only against 10x their budget, since a loaded machine is slow

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const PKG = process.env.OEE_PKG ?? join(HERE, '..', '..', 'pkg');
const CHECK = process.argv.includes('--check');
const GUARD = CHECK ? 10 : 1;

// The size targets are issue #14's. The readers for other clients, wrappers and providers (#11) and the 2025-2026
// catalogue entries (#12) came after them and do not fit (103 KB gzipped at opt-level 2): until the targets are
// decided again, `--check` guards the size that landed (103 KB, guard 108 KiB) against growth, and `./build.sh bench` reports the
// target as broken.
const WASM_TARGET = 64 * 1024;
const WASM_GUARD = 108 * 1024;
const BUDGET = {
  wasmGzipBytes: CHECK ? WASM_GUARD : WASM_TARGET,
  instantiateMs: 10,
  typicalMs: 0.1,
  explainMs: 0.2,
};

const failures = [];
function budget(what, value, limit, unit, factor = GUARD) {
  const ok = value <= limit * factor;
  const shown = factor === 1 ? `${limit} ${unit}` : `${limit} ${unit} x${factor} guard`;
  if (!ok) failures.push(`${what}: ${fmt(value)} ${unit} > ${shown}`);
  return ok ? `ok (budget ${shown})` : `OVER BUDGET (${shown})`;
}

function fmt(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 1 ? 3 : 2);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// `align`: one letter a column, l(eft) or r(ight).
function table(align, rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (align[i] === 'l' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])));
  for (const [n, r] of rows.entries()) {
    console.log(`  ${line(r).join('   ')}`.trimEnd());
    if (n === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('   ')}`);
  }
}

// ---- sizes
function sizes(file) {
  const bytes = readFileSync(join(PKG, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const files = [
  ['explainer_bg.wasm', 'the WebAssembly module'],
  ['explainer.js', 'JS glue (wasm-bindgen)'],
  ['core.js', 'JS API (shared)'],
  ['catalogue.js', 'the catalogue with its prose (data)'],
  ['index.js', 'browser entry'],
  ['node.js', 'Node entry'],
];
const measured = files.map(([f, what]) => ({ f, what, ...sizes(f) }));
const browserJs = measured.filter((m) => ['explainer.js', 'core.js', 'catalogue.js', 'index.js'].includes(m.f));
const sum = (k) => browserJs.reduce((a, m) => a + m[k], 0);
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

console.log('\nSizes (gzip -9, brotli q11)');
table('lrrrl', [
  ['file', 'raw', 'gzip', 'brotli', ''],
  ...measured.map((m) => [m.f, kib(m.raw), kib(m.gzip), kib(m.brotli), m.what]),
  ['JS a browser loads', kib(sum('raw')), kib(sum('gzip')), kib(sum('brotli')), 'glue + API + catalogue + entry (each file compressed alone)'],
]);
const wasm = measured[0];
console.log(`  .wasm gzipped: ${wasm.gzip} bytes: ${budget('.wasm gzipped', wasm.gzip, BUDGET.wasmGzipBytes, 'bytes', 1)}`);

// ---- instantiation in Node: fresh processes, each timing its own import of the Node entry
const nodeEntry = pathToFileURL(join(PKG, 'node.js')).href;
const wasmFile = join(PKG, 'explainer_bg.wasm');
// Two kinds of fresh process, so that neither is helped by V8 caching what the other compiled.
const importProbe = `
  const t0 = performance.now();
  const api = await import(${JSON.stringify(nodeEntry)});
  const t1 = performance.now();
  api.explain('openai.RateLimitError: Error code: 429');
  const t2 = performance.now();
  console.log(JSON.stringify({ importReady: t1 - t0, firstExplain: t2 - t1 }));
`;
const glueUrl = pathToFileURL(join(PKG, 'explainer.js')).href;
const instantiateProbe = `
  const { readFileSync } = await import('node:fs');
  const glue = await import(${JSON.stringify(glueUrl)});
  const t0 = performance.now();
  const module = new WebAssembly.Module(readFileSync(${JSON.stringify(wasmFile)}));
  const t1 = performance.now();
  glue.initSync({ module });
  const t2 = performance.now();
  console.log(JSON.stringify({ compile: t1 - t0, instantiate: t2 - t0 }));
`;
const probe = (code) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));
const runs = [];
const RUNS = CHECK ? 5 : 15;
for (let i = 0; i < RUNS; i++) runs.push({ ...probe(importProbe), ...probe(instantiateProbe) });
// The guard in a test run takes the fastest run: load on the machine only ever adds time.
const pick = CHECK ? (xs) => Math.min(...xs) : median;
const importMs = pick(runs.map((r) => r.importReady));
const instantiateMs = pick(runs.map((r) => r.instantiate));
console.log(`\nNode ${process.version}: start-up (${CHECK ? 'fastest' : 'median'} of ${RUNS} fresh processes)`);
table('lr', [
  ['what', 'ms'],
  ['instantiation: read the .wasm, compile it, instantiate it', fmt(instantiateMs)],
  ['  of which reading and compiling (WebAssembly.Module)', fmt(pick(runs.map((r) => r.compile)))],
  ["import 'openai-error-explainer' until ready (the above + Node loading 4 ES modules)", fmt(importMs)],
  ['first explain() after import', fmt(pick(runs.map((r) => r.firstExplain)))],
]);
console.log(`  instantiation: ${fmt(instantiateMs)} ms: ${budget('instantiation in Node', instantiateMs, BUDGET.instantiateMs, 'ms')}`);

// ---- explain() of a typical 5 KB traceback, warm
const api = await import(nodeEntry);
const traceback = readFileSync(join(HERE, 'fixtures', 'traceback-5k.txt'), 'utf8');
const short = "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota', 'code': 'insufficient_quota'}}";
function perCall(text, ms) {
  for (let i = 0; i < 200; i++) api.explain(text);
  const samples = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const n = 100;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) api.explain(text);
    samples.push((performance.now() - t0) / n);
  }
  return pick(samples);
}
const typicalText = readFileSync(join(HERE, '..', 'corpus', 'cases', 'py1', 'quota.txt'), 'utf8');
const typical = perCall(typicalText, CHECK ? 300 : 2000);
const big = perCall(traceback, CHECK ? 300 : 2000);
const small = perCall(short, CHECK ? 300 : 1000);
function catalogueMs() {
  api.catalogue();
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) api.catalogue();
  return (performance.now() - t0) / 50;
}
const cat = catalogueMs();
console.log(`\nexplain() in wasm, warm (${CHECK ? 'fastest batch' : 'median'} per call)`);
table('lr', [
  ['input', 'µs per call'],
  [`${Buffer.byteLength(typicalText)}-byte traceback (tests/corpus/cases/py1/quota.txt)`, fmt(typical * 1000)],
  [`${Buffer.byteLength(traceback)}-byte traceback (tests/npm/fixtures/traceback-5k.txt)`, fmt(big * 1000)],
  [`${short.length}-byte one-line error`, fmt(small * 1000)],
  ['catalogue() (a structuredClone of every entry)', fmt(cat * 1000)],
]);
console.log(`  explain of a typical paste: ${fmt(typical * 1000)} µs: ${budget('explain() of a typical paste', typical, BUDGET.typicalMs, 'ms')}`);
console.log(`  explain of 5 KB: ${fmt(big * 1000)} µs: ${budget('explain() of a 5 KB traceback', big, BUDGET.explainMs, 'ms')}`);

if (failures.length) {
  console.error(`\n${CHECK ? 'Budget guard' : 'Budgets'} broken:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\n${CHECK ? 'Budget guard' : 'Budgets'}: all kept.`);
