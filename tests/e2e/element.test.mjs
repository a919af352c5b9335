// <openai-error-explainer> on www/embed.html (a docs page whose styles would break a naive widget), in a
// sandboxed iframe through www/frame.html, and imported where there is no DOM.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { ROOT, axe, newPage, screenshot, suite } from './helpers.mjs';

const env = suite();

const AUTH = 'openai.AuthenticationError: Error code: 401 - {\'error\': {\'message\': \'Incorrect API key provided: sk-proj-********************abcd. You can find your API key at https://platform.openai.com/account/api-keys.\', \'type\': \'invalid_request_error\', \'param\': None, \'code\': \'invalid_api_key\'}}';

async function openEmbed(page) {
  await page.goto(`${env.base}/embed.html`);
  await page.waitForFunction(() => {
    const el = document.getElementById('fixed');
    return el?.shadowRoot?.querySelector('[data-entry-id]') && customElements.get('openai-error-explainer');
  }, null, { timeout: 20000 });
}

/** Types into the element's own paste box (inside its shadow root) and waits for the `explained` event. */
async function typeInto(page, selector, text) {
  const waiting = page.evaluate((sel) => new Promise((resolve) => {
    document.addEventListener('explained', (e) => resolve({
      target: e.target.id, composed: e.composed, bubbles: e.bubbles, id: e.detail.matches[0]?.id ?? null,
    }), { once: true });
  }), selector);
  await page.locator(`${selector} textarea`).fill(text);
  return waiting;
}

describe('the element', () => {
  test('on embed.html: value attribute, compact, typing, the explained event', async () => {
    const page = await newPage(env.browser);
    await openEmbed(page);
    const fixed = await page.$eval('#fixed', (el) => ({
      id: el.shadowRoot.querySelector('[data-entry-id]').dataset.entryId,
      detail: el.explanation?.matches[0]?.id,
      report: Boolean(el.shadowRoot.querySelector('.report')),
      why: el.shadowRoot.textContent.includes('Why this happens'),
      cause: el.shadowRoot.querySelector('.cs')?.textContent ?? '',
    }));
    assert.equal(fixed.id, '429-quota-exceeded');
    assert.equal(fixed.detail, '429-quota-exceeded');
    assert.equal(fixed.report, false, 'compact shows no report');
    assert.equal(fixed.why, false, 'compact shows no long text');
    assert.match(fixed.cause, /Cause/);
    const ev = await typeInto(page, '#live', AUTH);
    assert.deepEqual(ev, { target: 'live', composed: true, bubbles: true, id: ev.id });
    assert.equal(ev.id, await page.$eval('#live', (el) => el.shadowRoot.querySelector('[data-entry-id]').dataset.entryId));
    assert.match(ev.id, /^401-/);
    // The full form: evidence, report with copy.
    assert.equal(await page.$eval('#live', (el) => Boolean(el.shadowRoot.querySelector('.report button.copy'))), true);
    // Setting the attribute explains at once; toggling compact re-renders.
    await page.$eval('#live', (el) => el.setAttribute('value', "openai.APIConnectionError: Connection error."));
    await page.waitForFunction(() => document.getElementById('live').shadowRoot.querySelector('[data-entry-id]')?.dataset.entryId === 'APIConnectionError');
    await page.$eval('#live', (el) => { el.compact = true; });
    assert.equal(await page.$eval('#live', (el) => Boolean(el.shadowRoot.querySelector('.report'))), false);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('is isolated: the host page styles do not reach in, its own styles do not leak out', async () => {
    const page = await newPage(env.browser);
    await openEmbed(page);
    const inner = await page.$eval('#live', (el) => {
      const r = el.shadowRoot;
      const cs = (n) => getComputedStyle(n);
      const wrap = r.querySelector('.ee');
      const label = r.querySelector('label');
      return {
        transform: cs(label).textTransform, spacing: cs(label).letterSpacing, style: cs(label).fontStyle, align: cs(label).textAlign,
        family: cs(wrap).fontFamily, size: parseFloat(cs(wrap).fontSize), lh: parseFloat(cs(wrap).lineHeight) / parseFloat(cs(wrap).fontSize),
        textarea: { border: cs(r.querySelector('textarea')).borderTopStyle, width: r.querySelector('textarea').getBoundingClientRect().width },
        sheets: r.adoptedStyleSheets.length, styleTags: r.querySelectorAll('style').length,
        hiddenByHost: [...r.querySelectorAll('[data-entry-id]')].some((n) => cs(n).display === 'none'),
      };
    });
    assert.equal(inner.transform, 'none');
    assert.equal(inner.spacing, 'normal');
    assert.equal(inner.style, 'normal');
    assert.equal(inner.align, 'start');
    assert.match(inner.family, /^Georgia/, 'the text font is the host\'s (its other typography is not)');
    assert.equal(inner.size, 16, 'font size ignores the host\'s 10px root');
    assert.ok(inner.lh < 1.7, `line height ${inner.lh}`);
    assert.equal(inner.textarea.border, 'solid');
    assert.ok(inner.textarea.width > 300);
    assert.equal(inner.sheets, 1, 'styles come from a constructable stylesheet');
    assert.equal(inner.styleTags, 0);
    assert.equal(inner.hiddenByHost, false);
    const outer = await page.evaluate(() => ({
      decoy: getComputedStyle(document.querySelector('[data-decoy]')).backgroundColor,
      decoyFont: getComputedStyle(document.querySelector('[data-decoy]')).fontFamily,
      docSheets: document.adoptedStyleSheets.length,
      styles: document.querySelectorAll('style').length,
      sheets: [...document.styleSheets].map((s) => s.href?.split('/').pop()),
      h3: getComputedStyle(document.querySelector('h2')).textTransform,
    }));
    assert.equal(outer.decoy, 'rgb(255, 213, 79)', 'the page\'s own .badge/.match keep the page\'s style');
    assert.match(outer.decoyFont, /monospace/);
    assert.equal(outer.docSheets, 0);
    assert.equal(outer.styles, 0);
    assert.deepEqual(outer.sheets, ['embed.css']);
    assert.equal(outer.h3, 'uppercase');
    await screenshot(page, 'embed-light', { fullPage: true });
    await page.context().close();
  });

  test('follows the host colour scheme and its --oee-* custom properties', async () => {
    const page = await newPage(env.browser, { colorScheme: 'dark' });
    await openEmbed(page);
    const bg = () => page.$eval('#live', (el) => getComputedStyle(el.shadowRoot.querySelector('.ee')).backgroundColor);
    // The host declares color-scheme: light, so the element is light even on a dark system...
    assert.equal(await bg(), 'rgb(255, 255, 255)');
    // ...dark when the host switches its theme (an attribute, as docs themes do)...
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await page.waitForFunction(() => getComputedStyle(document.getElementById('live').shadowRoot.querySelector('.ee')).backgroundColor !== 'rgb(255, 255, 255)');
    assert.equal(await bg(), 'rgb(21, 24, 29)');
    const accent = await page.$eval('#fixed', (el) => getComputedStyle(el.shadowRoot.querySelector('a')).color);
    assert.equal(accent, 'rgb(206, 147, 216)', 'themed through --oee-accent');
    await typeInto(page, '#live', AUTH);
    await screenshot(page, 'embed-dark', { fullPage: true });
    assert.deepEqual(await axe(page), [], 'embed.html dark');
    // ...and follows the system when the host declares no colour scheme.
    await page.evaluate(() => { document.documentElement.style.colorScheme = 'normal'; document.documentElement.dataset.theme = 'light'; });
    await page.waitForFunction(() => getComputedStyle(document.getElementById('live').shadowRoot.querySelector('.ee')).backgroundColor === 'rgb(21, 24, 29)');
    await page.context().close();
  });

  test('axe-core: no violations on embed.html', async () => {
    const page = await newPage(env.browser);
    await openEmbed(page);
    await typeInto(page, '#live', AUTH);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });

  test('keyboard: Tab reaches the element\'s paste box, typing explains', async () => {
    const page = await newPage(env.browser);
    await openEmbed(page);
    let inside = false;
    for (let i = 0; i < 20 && !inside; i++) {
      await page.keyboard.press('Tab');
      inside = await page.evaluate(() => document.activeElement?.id === 'live' && document.activeElement.shadowRoot.activeElement?.tagName === 'TEXTAREA');
    }
    assert.ok(inside, 'Tab reaches the paste box inside the element');
    const ev = page.evaluate(() => new Promise((r) => document.addEventListener('explained', (e) => r(e.detail.matches[0]?.id), { once: true })));
    await page.keyboard.type('Error code: 429 - You exceeded your current quota');
    assert.equal(await ev, '429-quota-exceeded');
    await page.context().close();
  });

  test('hostile pastes stay text inside the element', async () => {
    const page = await newPage(env.browser);
    await openEmbed(page);
    for (const text of ['<img src=x onerror=window.__pwned=1>', '</textarea><script>window.__pwned=1</script>',
      "openai.BadRequestError: Error code: 400 - {'error': {'message': '<svg onload=window.__pwned=1>', 'type': 'invalid_request_error', 'param': '<img src=x onerror=window.__pwned=1>', 'code': null}}"]) {
      await page.$eval('#live', (el, t) => { el.value = t; }, text);
      await page.waitForTimeout(30);
      const bad = await page.$eval('#live', (el) => el.shadowRoot.querySelectorAll('img, svg, script, iframe, [onerror], [onload]').length);
      assert.equal(bad, 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    }
    await page.context().close();
  });

  test('frame.html works inside a sandboxed iframe on another origin', async () => {
    const page = await newPage(env.browser);
    // about:blank is another origin; sandbox="allow-scripts" gives the frame an opaque origin too.
    await page.setContent(`<iframe title="Error explainer" sandbox="allow-scripts" src="${env.base}/frame.html" width="800" height="700"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('openai-error-explainer textarea').fill(AUTH);
    await frame.locator('openai-error-explainer [data-entry-id]').first().waitFor({ timeout: 15000 });
    const id = await frame.locator('openai-error-explainer [data-entry-id]').first().getAttribute('data-entry-id');
    assert.match(id, /^401-/);
    const heights = await page.evaluate(() => new Promise((r) => {
      addEventListener('message', (e) => r(e.data), { once: true });
      setTimeout(() => r(null), 2000);
    }));
    assert.ok(heights === null || heights.type === 'openai-error-explainer:height');
    await screenshot(page, 'frame');
    await page.context().close();
  });

  test('importing element.js and define.js without a DOM neither throws nor defines', async (t) => {
    const pkg = join(process.env.OEE_WWW ?? join(ROOT, "site"), "pkg");
    if (!existsSync(join(pkg, 'define.js'))) return t.skip('site/pkg/define.js is not built');
    const element = await import(pathToFileURL(join(pkg, 'element.js')));
    const define = await import(pathToFileURL(join(pkg, 'define.js')));
    assert.equal(typeof element.OpenAIErrorExplainerElement, 'function');
    assert.equal(define.OpenAIErrorExplainerElement, element.OpenAIErrorExplainerElement);
    assert.equal(element.TAG, 'openai-error-explainer');
    assert.equal(globalThis.customElements, undefined);
  });
});
