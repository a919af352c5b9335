// The element in real documentation-site builds, checked in the system Chromium: Docusaurus 3 (React 19),
// VitePress and Astro Starlight, and a page bundled by esbuild, each set up as docs/embedding.md says. Each site is built here from the package in pkg/ (copied to
// node_modules/openai-error-explainer), served on loopback, and visited: the element upgrades and answers, its
// boolean attribute survives client-side navigation (React 19 sets `el.compact = ""`), it takes the host's font,
// and its headings keep the page's outline (axe heading-order).
// Run by tests/frameworks/run.sh (from ./build.sh test), which installs the sites' tools once.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const CACHE = join(HERE, '.cache');
const e2e = createRequire(join(ROOT, 'tests', 'e2e', 'package.json'));
const { chromium } = e2e('playwright-core');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** A static server for a built site on 127.0.0.1 (`/x` serves `x.html` or `x/index.html`, as hosts do). */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // The sites declare no icon; the browser asks anyway.
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const base = normalize(join(root, path));
    if (!base.startsWith(root + sep) && base !== root) return res.writeHead(403).end();
    for (const file of [base, `${base}.html`, join(base, 'index.html')]) {
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      } catch {
        // The next candidate.
      }
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  })));
}

function linkPackage() {
  const link = join(HERE, 'node_modules', 'openai-error-explainer');
  try {
    if (lstatSync(link)) rmSync(link, { recursive: true, force: true });
  } catch {
    // Not there yet.
  }
  assert.ok(existsSync(join(ROOT, 'pkg', 'element.js')), 'pkg/ is built (./build.sh)');
  // A copy, as npm installs it: through a symlink the bundlers would see the package outside node_modules and
  // transpile it as the site's own code (Docusaurus turns its class into a function, which custom elements refuse).
  cpSync(join(ROOT, 'pkg'), link, { recursive: true });
}

function build(cmd, args, cwd) {
  execFileSync(join(HERE, 'node_modules', '.bin', cmd), args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
}

async function axeViolations(page) {
  await page.evaluate(readFileSync(e2e.resolve('axe-core/axe.min.js'), 'utf8'));
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The element's state on the page: each one's compact flag, answer id, whether a report is shown, its font. */
function elements(page) {
  return page.$$eval('openai-error-explainer', (els) => els.map((el) => ({
    upgraded: Boolean(el.shadowRoot),
    compactAttr: el.hasAttribute('compact'),
    compact: el.compact,
    id: el.shadowRoot?.querySelector('[data-entry-id]')?.dataset.entryId ?? null,
    report: Boolean(el.shadowRoot?.querySelector('.report')),
    title: el.shadowRoot?.querySelector('.title')?.tagName ?? null,
    font: el.shadowRoot ? getComputedStyle(el.shadowRoot.querySelector('.ee')).fontFamily : null,
    hostFont: getComputedStyle(el.parentElement).fontFamily,
  })));
}

function answered(page, n) {
  return page.waitForFunction((count) => {
    const els = [...document.querySelectorAll('openai-error-explainer')];
    return els.length === count && els.filter((e) => e.getAttribute('value')).every((e) => e.shadowRoot?.querySelector('[data-entry-id]'));
  }, n, { timeout: 20000 });
}

let browser;
before(async () => {
  linkPackage();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
});
after(() => browser?.close());

async function visit(base, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  // A failed load is recorded with its URL (the console's own message does not say which).
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) page.errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) page.errors.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  await page.goto(base + path);
  return page;
}

describe('Docusaurus 3 (React 19)', () => {
  const out = join(CACHE, 'docusaurus-build');
  let site;
  before(async () => {
    // From scratch: no webpack cache of an earlier package.
    for (const d of [out, join(HERE, 'docusaurus', 'node_modules'), join(HERE, 'docusaurus', '.docusaurus')]) {
      rmSync(d, { recursive: true, force: true });
    }
    build('docusaurus', ['build', '--out-dir', out], join(HERE, 'docusaurus'));
    site = await serve(out);
  });
  after(() => site?.close());

  test('the element answers in the built pages, and compact="" survives client-side navigation', async () => {
    const page = await visit(site.url, '/');
    await answered(page, 1);
    let [first] = await elements(page);
    assert.deepEqual([first.compactAttr, first.compact, first.id, first.report], [true, true, '429-quota-exceeded', false]);
    assert.equal(first.font, first.hostFont, 'the element takes the host\'s font');
    // A client-side navigation: React renders the next page's elements, setting their properties.
    await page.evaluate(() => { window.__samePage = true; });
    await page.click('a[href="/limits"]');
    await page.waitForURL('**/limits');
    await answered(page, 2);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no full page load');
    const [compact, full] = await elements(page);
    assert.deepEqual([compact.compactAttr, compact.compact, compact.id, compact.report], [true, true, 'APIConnectionError', false]);
    assert.deepEqual([full.compactAttr, full.compact], [false, false]);
    await page.$eval('openai-error-explainer:not([compact])', (el) => { el.value = 'openai.APIConnectionError: Connection error.'; });
    await page.waitForFunction(() => document.querySelector('openai-error-explainer:not([compact])').shadowRoot.querySelector('.report'));
    await page.click('article a[href="/"]');
    await page.waitForURL((u) => u.pathname === '/');
    await answered(page, 1);
    [first] = await elements(page);
    assert.deepEqual([first.compactAttr, first.compact, first.report], [true, true, false], 'back again, still compact');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('headings: the element continues the page outline (axe heading-order)', async () => {
    const page = await visit(site.url, '/limits');
    await answered(page, 2);
    await page.$eval('openai-error-explainer:not([compact])', (el) => { el.value = 'openai.APIConnectionError: Connection error.'; });
    await page.waitForFunction(() => document.querySelector('openai-error-explainer:not([compact])').shadowRoot.querySelector('.report'));
    const [compact, full] = await elements(page);
    assert.equal(compact.title, 'H2', 'after the page\'s h1');
    assert.equal(full.title, 'H3', 'after the page\'s "Full answers" h2');
    const violations = await axeViolations(page);
    assert.deepEqual(violations.filter((v) => v.startsWith('heading-order') || v.includes('openai-error-explainer')), []);
    await page.context().close();
  });
});

describe('VitePress', () => {
  const dir = join(HERE, 'vitepress');
  const out = join(dir, '.vitepress', 'dist');
  let site;
  before(async () => {
    for (const d of [out, join(dir, '.vitepress', 'cache')]) rmSync(d, { recursive: true, force: true });
    build('vitepress', ['build', '.'], dir);
    site = await serve(out);
  });
  after(() => site?.close());

  test('isCustomElement keeps the tag in the server-rendered HTML; without it the render drops it', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    assert.match(html, /<openai-error-explainer compact value="openai\.RateLimitError/);
    // The same site with a config that lacks the setting.
    const plain = join(CACHE, 'vitepress-without-setting');
    rmSync(plain, { recursive: true, force: true });
    cpSync(dir, plain, { recursive: true, filter: (src) => !/[\\/](dist|cache)$/.test(src) });
    writeFileSync(join(plain, '.vitepress', 'config.mjs'), "export default { title: 'No isCustomElement' };\n");
    build('vitepress', ['build', '.'], plain);
    const dropped = readFileSync(join(plain, '.vitepress', 'dist', 'index.html'), 'utf8');
    assert.doesNotMatch(dropped, /<openai-error-explainer/);
    assert.match(dropped, /Paste a failed call:<\/p><!---->/);
  });

  test('the element answers, and keeps compact across client-side navigation', async () => {
    const page = await visit(site.url, '/');
    await answered(page, 1);
    let [first] = await elements(page);
    assert.deepEqual([first.compact, first.id, first.report], [true, '429-quota-exceeded', false]);
    assert.equal(first.font, first.hostFont, 'the element takes the host\'s font');
    await page.evaluate(() => { window.__samePage = true; });
    await page.click('.vp-doc a[href*="second"]');
    await page.waitForURL('**/second*');
    await answered(page, 1);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no full page load');
    [first] = await elements(page);
    assert.deepEqual([first.compact, first.id], [true, 'APIConnectionError']);
    const violations = await axeViolations(page);
    assert.deepEqual(violations.filter((v) => v.startsWith('heading-order') || v.includes('openai-error-explainer')), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('Astro Starlight', () => {
  const dir = join(HERE, 'starlight');
  const out = join(CACHE, 'starlight-build');
  let site;
  before(async () => {
    for (const d of [out, join(dir, '.astro')]) rmSync(d, { recursive: true, force: true });
    build('astro', ['build', '--root', dir, '--outDir', out], dir);
    site = await serve(out);
  });
  after(() => site?.close());

  test('the element answers inside not-content, with the host font and the page outline', async () => {
    const page = await visit(site.url, '/');
    await answered(page, 2);
    const [compact, full] = await elements(page);
    assert.deepEqual([compact.compact, compact.id, compact.report], [true, '429-quota-exceeded', false]);
    assert.equal(full.compact, false);
    assert.equal(compact.font, compact.hostFont, 'the element takes the host\'s font');
    assert.equal(await page.$$eval('.sl-markdown-content openai-error-explainer', (els) => els.filter((e) => e.closest('.not-content')).length), 2);
    const violations = await axeViolations(page);
    assert.deepEqual(violations.filter((v) => v.startsWith('heading-order') || v.includes('openai-error-explainer')), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('esbuild', () => {
  const dir = join(HERE, 'esbuild');
  const out = join(CACHE, 'esbuild-build');
  const pkgDir = join(HERE, 'node_modules', 'openai-error-explainer');
  let site;
  before(async () => {
    rmSync(out, { recursive: true, force: true });
    const esbuild = createRequire(join(HERE, 'package.json'))('esbuild');
    esbuild.buildSync({ entryPoints: [join(dir, 'app.js')], bundle: true, format: 'esm', outdir: out, logLevel: 'error' });
    cpSync(join(dir, 'index.html'), join(out, 'index.html'));
    // The recipe: esbuild copies no assets, so the module goes next to the bundle...
    cpSync(join(pkgDir, 'explainer_bg.wasm'), join(out, 'explainer_bg.wasm'));
    site = await serve(out);
  });
  after(() => site?.close());

  test('with the .wasm copied beside the bundle, the element answers (large pastes on the main thread)', async () => {
    const page = await visit(site.url, '/');
    await answered(page, 2);
    const [compact] = await elements(page);
    assert.deepEqual([compact.compact, compact.id], [true, '429-quota-exceeded']);
    await page.$eval('openai-error-explainer:not([compact])', (el) => { el.value = `${'INFO ok\n'.repeat(40000)}openai.APIConnectionError: Connection error.\n`; });
    await page.waitForFunction(() => document.querySelector('openai-error-explainer:not([compact])').shadowRoot.querySelector('[data-entry-id]'));
    assert.deepEqual(page.errors.filter((e) => !/worker\.js/.test(e)), []);
    await page.context().close();
  });

  test('with worker.js and its imports copied too, large pastes go to the worker', async () => {
    for (const f of ['worker.js', 'index.js', 'core.js', 'caught.js', 'catalogue.js', 'explainer.js']) {
      cpSync(join(pkgDir, f), join(out, f));
    }
    const page = await visit(site.url, '/');
    const workers = [];
    page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    await answered(page, 2);
    await page.$eval('openai-error-explainer:not([compact])', (el) => { el.value = `${'INFO ok\n'.repeat(40000)}openai.APIConnectionError: Connection error.\n`; });
    await page.waitForFunction(() => document.querySelector('openai-error-explainer:not([compact])').shadowRoot.querySelector('[data-entry-id]'));
    assert.deepEqual(workers, ['/worker.js']);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
