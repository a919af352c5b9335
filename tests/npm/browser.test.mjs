// The package in a browser (headless Chromium through playwright-core): through a Vite production build of a tiny
// app (tests/vite-app), and as plain ES modules from static hosting in a <script type="module"> page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { explain } from 'openai-error-explainer';
import { CONSUMER, INSTALLED, launchChromium } from './helpers.mjs';
import { serve } from './serve.mjs';

const SAMPLES = [
  "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check " +
    "your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
  'HTTP/1.1 401 Unauthorized\n\n{"error": {"message": "Incorrect API key provided: sk-proj-abc*****xyz.", ' +
    '"type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}',
  'openai.APIConnectionError: Connection error.',
  'nothing to see here',
];

let browser;
const servers = [];
const temps = [];

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function openPage(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url);
  return { page, problems };
}

test('a Vite production build of an app that imports the package builds, and runs in Chromium', async () => {
  const { build } = await import('vite');
  const root = join(CONSUMER, 'vite-app');
  await build({ root, logLevel: 'warn', build: { outDir: join(root, 'dist'), emptyOutDir: true } });
  const assets = readdirSync(join(root, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the build ships the .wasm: ${assets.join(', ')}`);

  const server = await serve(join(root, 'dist'));
  servers.push(server);
  const { page, problems } = await openPage(server.url);
  await page.waitForSelector('#out:not([data-state="loading"])', { state: 'attached' });
  const state = await page.$eval('#out', (el) => ({ state: el.dataset.state, text: el.textContent }));
  assert.equal(state.state, 'ready', state.text);
  assert.equal(JSON.parse(state.text).first, '429-quota-exceeded');

  for (const text of SAMPLES) {
    const got = await page.evaluate((t) => window.explainer.explain(t), text);
    assert.deepStrictEqual(got, explain(text), 'the browser answer equals the Node answer');
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('plain ES modules from static hosting: init() in a <script type="module"> page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oee-static-'));
  temps.push(dir);
  cpSync(INSTALLED, join(dir, 'pkg'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain page</title></head><body>
<output id="out" data-state="loading"></output>
<script type="module">
  import init, * as explainer from './pkg/index.js';
  const out = document.getElementById('out');
  let early = null;
  try { explainer.explain('x'); } catch (e) { early = e.message; }
  await init();
  await init(); // a second call is harmless
  window.explainer = explainer;
  window.early = early;
  out.dataset.state = 'ready';
</script></body></html>`,
  );
  const server = await serve(dir);
  servers.push(server);
  const { page, problems } = await openPage(server.url);
  await page.waitForSelector('#out[data-state="ready"]', { state: 'attached' });

  const early = await page.evaluate(() => window.early);
  assert.match(early ?? '', /before the WebAssembly module was loaded: call `await init\(\)` first/);
  for (const text of SAMPLES) {
    const got = await page.evaluate((t) => window.explainer.explain(t), text);
    assert.deepStrictEqual(got, explain(text));
  }
  const version = await page.evaluate(() => window.explainer.version);
  assert.match(version, /^\d+\.\d+\.\d+/);
  const entries = await page.evaluate(() => window.explainer.catalogue().length);
  assert.ok(entries > 10);

  // A Rust panic in the browser: an Error with a message, then the module works again.
  const afterPanic = await page.evaluate(async () => {
    const core = await import('./pkg/core.js');
    let message = null;
    try {
      core.__panic();
    } catch (e) {
      message = `${e.name}: ${e.message} (cause: ${e.cause?.name})`;
    }
    return { message, first: window.explainer.explain('openai.APIConnectionError: Connection error.').matches[0]?.id };
  });
  assert.match(afterPanic.message, /^Error: .*__panic\(\) failed inside the WebAssembly module.*restarted.*cause: RuntimeError/s);
  assert.equal(afterPanic.first, explain('openai.APIConnectionError: Connection error.').matches[0]?.id);

  const typeError = await page.evaluate(() => {
    try {
      window.explainer.explain(42);
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  });
  assert.match(typeError, /^TypeError: .*needs a string or a Uint8Array, got number/);
  assert.deepEqual(problems, []);
  await page.close();
});
