// Hardening of the page (www/index.html) and the element (www/embed.html), in headless Chromium: the
// Content-Security-Policy is enforced (from the response header, and from the page's <meta> alone, as on a static
// host that sends no header); a panic inside the wasm shows a readable error and the next paste works; and no full
// API key from a paste reaches the DOM or the clipboard.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { describe, test } from 'node:test';
import { axe, newPage, open, paste, renderedIds, settled, suite } from './helpers.mjs';

const env = suite();

const QUOTA = "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}";
const CONNECTION = 'openai.APIConnectionError: Connection error.';

/** Makes the next call into the wasm panic, in the module instance the page itself imported. */
function panicOnNextCall(page) {
  return page.evaluate(async () => (await import('./pkg/core.js')).__panicOnNextCall());
}

describe('the Content-Security-Policy', () => {
  for (const source of ['header and meta', 'meta alone']) {
    test(`is enforced (${source}): an injected inline script, inline handler, remote script or string-as-code does not run`, async () => {
      const page = await newPage(env.browser);
      if (source === 'meta alone') {
        // A static host that sends no CSP header: the page's <meta http-equiv> must hold on its own.
        await page.route('**/*', async (route) => {
          const res = await route.fetch();
          const headers = { ...res.headers() };
          delete headers['content-security-policy'];
          await route.fulfill({ response: res, headers });
        });
      }
      const res = await page.goto(`${env.base}/`);
      assert.equal('content-security-policy' in res.headers(), source === 'header and meta');
      await open(page, env.base);
      const got = await page.evaluate(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        // An inline <script>, as an XSS would inject it.
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1;';
        document.body.append(script);
        // An inline event handler.
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__handler = 1;');
        img.alt = '';
        img.src = 'data:image/png;base64,AAAA';
        document.body.append(img);
        // A script from another origin.
        const remote = document.createElement('script');
        remote.src = 'https://example.invalid/x.js';
        document.body.append(remote);
        // A string evaluated as code. (eval() itself cannot be tested from here: code the test tool evaluates is
        // exempt from the page's CSP; a string timer runs later, as the page's own code.)
        setTimeout('window.__eval = 1;', 0);
        await new Promise((r) => setTimeout(r, 300));
        script.remove();
        img.remove();
        remote.remove();
        return { inline: window.__inline, handler: window.__handler, eval: window.__eval, violations };
      });
      assert.equal(got.inline, undefined, 'the injected inline script ran');
      assert.equal(got.handler, undefined, 'the inline onerror handler ran');
      assert.equal(got.eval, undefined, 'a string was evaluated as code');
      for (const v of ['script-src-elem inline', 'script-src-attr inline', 'script-src eval', 'script-src-elem https://example.invalid/x.js']) {
        assert.ok(got.violations.includes(v), `no violation ${v} among ${got.violations.join(', ')}`);
      }
      // Only what was provoked here: the page itself needs no exception to its policy.
      assert.deepEqual(page.errors.filter((e) => !/Content Security Policy|^console: CSP violation: /.test(e)), []);
      assert.equal(page.errors.filter((e) => e.startsWith('console: CSP violation: ')).length, got.violations.length);
      // And the page still works.
      await paste(page, QUOTA);
      assert.equal((await renderedIds(page))[0], '429-quota-exceeded');
      await page.context().close();
    });
  }
});

describe('a panic inside the WebAssembly module', () => {
  test('the page shows a readable error for that paste, and the next paste works', async () => {
    const page = await newPage(env.browser);
    await open(page, env.base);
    await paste(page, QUOTA);
    assert.equal((await renderedIds(page))[0], '429-quota-exceeded');
    for (let round = 0; round < 2; round++) {
      await panicOnNextCall(page);
      await paste(page, CONNECTION);
      const shown = await page.evaluate(() => ({
        state: document.getElementById('answer').dataset.state,
        text: document.getElementById('result').textContent,
        heading: document.querySelector('#result .failed h3')?.textContent,
        details: document.querySelector('#result .failed details pre')?.textContent ?? '',
        status: document.getElementById('status').textContent,
        ids: [...document.querySelectorAll('#answer [data-entry-id]')].length,
      }));
      assert.equal(shown.state, 'failed');
      assert.equal(shown.heading, 'The explainer failed on this paste');
      assert.match(shown.text, /not a problem with your paste/);
      assert.match(shown.text, /edit the paste or paste another one/);
      assert.match(shown.details, /explain\(\) failed inside the WebAssembly module .*RuntimeError.*restarted/);
      assert.equal(shown.status, 'The explainer failed on this paste; it has been restarted.');
      assert.equal(shown.ids, 0, 'no stale answer is left on screen');
      if (round === 0) assert.deepEqual(await axe(page), [], 'the failed state');
      // The next paste (and the same one again) is explained.
      await paste(page, QUOTA);
      assert.equal(await page.$eval('#answer', (a) => a.dataset.state), 'matched');
      assert.equal((await renderedIds(page))[0], '429-quota-exceeded');
      await paste(page, CONNECTION);
      assert.equal((await renderedIds(page))[0], 'APIConnectionError');
    }
    // Typing goes on working too.
    await page.fill('#paste', '');
    await page.type('#paste', 'Error code: 401 - Incorrect API key provided', { delay: 2 });
    await settled(page);
    assert.match((await renderedIds(page))[0] ?? '', /^401-/);
    assert.deepEqual(page.errors, [], 'the Error was caught, not left to the console');
    await page.context().close();
  });

  test('the element shows a readable error for that paste, and the next paste works', async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.base}/embed.html`);
    await page.waitForFunction(() => document.getElementById('fixed')?.shadowRoot?.querySelector('[data-entry-id]'), null, { timeout: 20000 });
    await page.evaluate(() => {
      window.__explained = 0;
      document.addEventListener('explained', () => window.__explained++);
    });
    await panicOnNextCall(page);
    await page.$eval('#live', (el, t) => { el.value = t; }, CONNECTION);
    await page.waitForFunction(() => document.getElementById('live').shadowRoot.querySelector('.failed'));
    const shown = await page.$eval('#live', (el) => ({
      heading: el.shadowRoot.querySelector('.failed h2')?.textContent,
      text: el.shadowRoot.querySelector('.answer').textContent,
      status: el.shadowRoot.querySelector('[role="status"]').textContent,
      explanation: el.explanation,
    }));
    assert.equal(shown.heading, 'The explainer failed on this paste', 'heading-level="2" is kept');
    assert.match(shown.text, /It has been restarted/);
    assert.match(shown.text, /failed inside the WebAssembly module/);
    assert.equal(shown.status, 'The explainer failed on this paste; it has been restarted.');
    assert.equal(shown.explanation, null);
    assert.equal(await page.evaluate(() => window.__explained), 0, 'no explained event for a failure');
    await page.$eval('#live', (el, t) => { el.value = t; }, QUOTA);
    await page.waitForFunction(() => document.getElementById('live').shadowRoot.querySelector('[data-entry-id]')?.dataset.entryId === '429-quota-exceeded');
    assert.equal(await page.$eval('#live', (el) => el.shadowRoot.querySelector('.failed')), null);
    assert.equal(await page.evaluate(() => window.__explained), 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('API keys', () => {
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const random = (n) => Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join('');
  const fakeKey = () => `sk-proj-${random(48)}`;

  /** Every 8-character window of the key's secret part (all but its prefix and last four). */
  function secretParts(key) {
    const secret = key.slice('sk-proj-'.length, -4);
    return Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
  }

  function leaks(haystack, keys) {
    const found = [];
    for (const key of keys) for (const part of secretParts(key)) if (haystack.includes(part)) found.push(`${key.slice(0, 12)}…: ${part}`);
    return found;
  }

  test('no full key from a paste reaches the page\'s DOM or the copied report (worker path included)', async () => {
    const inMessage = fakeKey();
    const inEnv = fakeKey();
    const inHeader = fakeKey();
    const wrapped = fakeKey();
    const keys = [inMessage, inEnv, inHeader, wrapped];
    const cut = 30;
    const text = `$ env | grep OPENAI
OPENAI_API_KEY=${inEnv}
$ curl -i https://api.openai.com/v1/chat/completions -H "Authorization: Bearer ${inHeader}" -d @body.json
HTTP/1.1 401 Unauthorized
content-type: application/json
x-request-id: req_1f2e3d4c5b6a79881f2e3d4c5b6a7988

{"error": {"message": "Incorrect API key provided: ${inMessage}. You can find your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}
2026-11-24 10:15:03 ERROR app: retry with the backup key ${wrapped.slice(0, cut)}
${wrapped.slice(cut)} failed too (401)
`;
    const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await open(page, env.base);
    const big = `${'2026-11-24 10:00:00 INFO worker: processed batch ok\n'.repeat(6000)}${text}`;
    for (const key of keys) assert.ok(leaks(text, [key]).length > 20, 'the check finds a key where there is one');
    for (const [name, paste_] of [['a paste', text], ['a big paste, explained in the worker', big]]) {
      await paste(page, paste_);
      assert.match((await renderedIds(page))[0] ?? '', /^401-/, name);
      await page.click('#answer .report button.copy');
      await page.waitForFunction(() => document.querySelector('#answer .report button.copy').dataset.copied === 'yes');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const dom = await page.evaluate(() => ({
        html: document.body.innerHTML,
        text: document.body.textContent,
        answer: document.getElementById('answer').textContent,
        title: document.title,
      }));
      for (const [where, haystack] of [['body.innerHTML', dom.html], ['body.textContent', dom.text], ['the copied report', copied], ['the title', dom.title]]) {
        assert.deepEqual(leaks(haystack, keys), [], `${name}: a key's secret part in ${where}`);
      }
      // The key in the error message is shown masked: its prefix, then its last four.
      const masked = `sk-proj-****${inMessage.slice(-4)}`;
      assert.ok(dom.answer.includes(masked), `${name}: ${masked} is shown`);
      assert.ok(copied.includes(masked), `${name}: ${masked} is in the report`);
      assert.ok(copied.includes('req_1f2e3d4c5b6a79881f2e3d4c5b6a7988'), `${name}: the report keeps the request id`);
      // The paste box itself still holds what was pasted (it is the user's own text, never sent anywhere).
      assert.equal(await page.inputValue('#paste'), paste_);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
