// Shared by the end-to-end tests: the loopback server, Debian's Chromium through playwright-core (no browser
// download, ever), a page that records every request and error, and small helpers to drive the page.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'];

/** Starts the server (`options` as server.mjs's serve takes them) and the browser; `stop()` ends both. */
export async function start(options = {}) {
  const server = await serve(undefined, 0, options);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return { server, browser, stop: async () => { await browser.close(); await server.close(); } };
}

/**
 * The server and browser for one test file: started before its tests, stopped after them. The returned object is
 * filled in by then: `browser`, `server`, and `base`, the server's URL.
 */
export function suite() {
  const env = {};
  before(async () => {
    Object.assign(env, await start());
    env.base = env.server.url;
  });
  after(() => env.stop?.());
  return env;
}

/**
 * A fresh context and page. `page.requests` lists every request's URL (workers included), `page.errors` every
 * page error, console error and CSP violation.
 */
export async function newPage(browser, { colorScheme = 'light', viewport = { width: 1280, height: 900 }, permissions = [],
  reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, permissions, reducedMotion });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  context.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console: ${m.text()}`); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

/** Opens the page at `path` and waits until it answers (and its worker is started). */
export async function open(page, base, path = '/') {
  await page.goto(base + path);
  try {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'yes' && document.documentElement.dataset.worker,
      null, { timeout: 20000 });
  } catch (err) {
    err.message += `\npage errors: ${page.errors.join('\n') || 'none'}`;
    throw err;
  }
}

/** Puts `text` in the paste box as a paste would, and waits for the answer to it. */
export async function paste(page, text) {
  await page.evaluate((t) => {
    const box = document.getElementById('paste');
    box.value = t;
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);
  await settled(page);
}

/** Waits until the answer shown is the one for the box's current text (no timer or worker pending). */
export async function settled(page, timeout = 15000) {
  await page.waitForFunction(() => {
    const a = document.getElementById('answer');
    return !a.dataset.pending && a.dataset.seq !== undefined && a.dataset.seq === a.dataset.want;
  }, null, { timeout });
}

/** The rendered matches' ids, in document order (the primary first). */
export function renderedIds(page) {
  return page.$$eval('#answer [data-entry-id]', (els) => els.map((e) => e.dataset.entryId));
}

/** axe-core's violations for the page (or `context`), injected from node_modules, CSP notwithstanding. */
export async function axe(page, context = undefined) {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // page.evaluate is not subject to the page's CSP (a <script> tag would be).
  await page.evaluate(source);
  const res = await page.evaluate((ctx) => window.axe.run(ctx ?? document, { resultTypes: ['violations'] }), context);
  return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page, name, options = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

/** The catalogue, read in the page (so it is the package's own). */
export function catalogueOf(page) {
  return page.evaluate(async () => (await import('./pkg/index.js')).catalogue());
}

/** tests/corpus: [{path, text, primary, all}] for every labelled case that exists (the corpus may still grow). */
export function corpus() {
  const dir = join(ROOT, 'tests/corpus');
  const labelsFile = join(dir, 'labels.json');
  if (!existsSync(labelsFile)) return [];
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8'));
  const cases = [];
  for (const [path, label] of Object.entries(labels)) {
    const file = [join(dir, 'cases', path), join(dir, path)].find(existsSync);
    if (file) cases.push({ path, text: readFileSync(file, 'utf8'), primary: label.primary ?? null, all: label.all ?? [] });
  }
  return cases;
}

/** Every tests/corpus/cases/**.txt, labelled or not (for the smoke pass). */
export function corpusFiles() {
  const dir = join(ROOT, 'tests/corpus/cases');
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.txt')) out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}
