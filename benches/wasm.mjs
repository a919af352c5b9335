// The wasm build (the npm package in pkg/) on the same inputs as the native benchmarks.
//
//   node benches/wasm.mjs latency             per corpus case: median and p99 µs, by shape (like benches/latency.rs)
//   node benches/wasm.mjs file FILE [RUNS]    explain() of a whole file, given as a string and as a Buffer: best
//                                             time in ms of each over RUNS, peak RSS in MB, the first match (for
//                                             the throughput table in benches/run.sh)

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { explain } = await import(join(ROOT, 'pkg', 'node.js'));
// The module's own export (bytes in, JSON string out), for the comparison with native explain() + to_json().
const glue = await import(join(ROOT, 'pkg', 'explainer.js'));

function cases(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) cases(p, out);
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];

function timeOne(text, run = explain) {
  let t = performance.now();
  run(text);
  const once = Math.max(performance.now() - t, 0.0005);
  const batch = Math.min(10000, Math.max(1, Math.floor(2 / once)));
  const samples = [];
  for (let s = 0; s < 15; s++) {
    t = performance.now();
    for (let i = 0; i < batch; i++) run(text);
    samples.push((performance.now() - t) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[7] * 1000;
}

const [mode, file, runs = '3'] = process.argv.slice(2);
if (mode === 'latency') {
  const byShape = new Map();
  const moduleOnly = [];
  for (const f of cases(join(ROOT, 'tests/corpus/cases')).sort()) {
    const text = readFileSync(f, 'utf8');
    const shape = f.split('/').at(-2);
    if (!byShape.has(shape)) byShape.set(shape, []);
    byShape.get(shape).push([timeOne(text), text.length]);
    const bytes = readFileSync(f);
    moduleOnly.push(timeOne(bytes, glue.explain));
  }
  console.log('explain() latency per corpus case, wasm in Node (µs; each case\'s median of 15 batches)');
  const row = (...c) => console.log(c.map((x, i) => (i ? String(x).padStart(10) : String(x).padEnd(10))).join(' '));
  row('shape', 'cases', 'median', 'p99', 'max', 'avg bytes');
  const all = [];
  for (const [shape, rows] of byShape) {
    const t = rows.map((r) => r[0]).sort((a, b) => a - b);
    const bytes = Math.round(rows.reduce((s, r) => s + r[1], 0) / rows.length);
    row(shape, t.length, pct(t, 0.5).toFixed(1), pct(t, 0.99).toFixed(1), t.at(-1).toFixed(1), bytes);
    all.push(...t);
  }
  all.sort((a, b) => a - b);
  row('all', all.length, pct(all, 0.5).toFixed(1), pct(all, 0.99).toFixed(1), all.at(-1).toFixed(1), '');
  // The module alone: no string encoding, no JSON.parse (the work native explain() + to_json() does).
  moduleOnly.sort((a, b) => a - b);
  row('module', moduleOnly.length, pct(moduleOnly, 0.5).toFixed(1), pct(moduleOnly, 0.99).toFixed(1), moduleOnly.at(-1).toFixed(1), '');
} else if (mode === 'file') {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const best = (input) => {
    let ms = Infinity;
    let first = null;
    for (let r = 0; r < Number(runs); r++) {
      const t = performance.now();
      const answer = explain(input);
      ms = Math.min(ms, performance.now() - t);
      first = answer.matches[0]?.id ?? null;
    }
    return { ms, first };
  };
  const asText = best(text);
  const asBytes = best(bytes);
  if (asText.first !== asBytes.first) throw new Error(`string and bytes disagree: ${asText.first} / ${asBytes.first}`);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms: asText.ms, msBytes: asBytes.ms, peakRssMb: rss, first: asText.first }));
} else {
  console.error('usage: node benches/wasm.mjs latency | file FILE [RUNS]');
  process.exit(2);
}
