// Where people already work, in headless Chromium: the element keeps a docs page responsive with a 3 MB paste
// (worker, "working" state); the page reads a 20 MB file or paste from its bytes in the worker and shows the
// excerpt; a malformed fragment is ignored; the answer comes into view on a phone; the paste box does not wrap;
// an answer is shared by a link whose fragment holds the redacted paste, and opening it makes no request; the
// element's headings fit the host page's outline.
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { axe, newPage, open, paste, renderedIds, settled, suite } from './helpers.mjs';

const env = suite();

const QUOTA = "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}";
const KEY = 'sk-proj-Zq3xVb7NmK2pLw9RtY4uHc6JdF8gS1aE0oIi5TnMbQeWrXyKqT';
const AUTH = `openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}`;
const LINE = '2026-11-24 10:00:00 INFO worker: processed batch ok, 200 items, 0 retries, queue depth 12\n';

/** A log of about `mb` megabytes with the quota error near its end. */
function bigLog(mb) {
  return `${LINE.repeat(Math.ceil((mb * 1e6) / LINE.length))}${QUOTA}\n${LINE.repeat(20)}`;
}

/**
 * Starts watching the main thread in the page: the longest gap between animation frames and between 20 ms
 * timers, and the longest script in a long animation frame. `stopWatch` returns them in ms.
 */
function startWatch(page) {
  return page.evaluate(() => {
    const w = { frameGap: 0, timerGap: 0, script: 0, running: true };
    window.__watch = w;
    let lastFrame = performance.now();
    const frame = (t) => {
      w.frameGap = Math.max(w.frameGap, t - lastFrame);
      lastFrame = t;
      if (w.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    let lastTick = performance.now();
    w.timer = setInterval(() => {
      const now = performance.now();
      w.timerGap = Math.max(w.timerGap, now - lastTick);
      lastTick = now;
    }, 20);
    w.obs = new PerformanceObserver((list) => {
      for (const f of list.getEntries()) for (const s of f.scripts ?? []) w.script = Math.max(w.script, s.duration);
    });
    w.obs.observe({ type: 'long-animation-frame', buffered: false });
  });
}

function stopWatch(page) {
  return page.evaluate(() => {
    const w = window.__watch;
    w.running = false;
    clearInterval(w.timer);
    w.obs.disconnect();
    return { frameGap: Math.round(w.frameGap), timerGap: Math.round(w.timerGap), script: Math.round(w.script) };
  });
}

describe('the element with a large paste', () => {
  test('a 3 MB paste: explained in the worker, "working" shown, the host page keeps ticking', async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.base}/embed.html`);
    await page.waitForFunction(() => document.getElementById('fixed')?.shadowRoot?.querySelector('[data-entry-id]'), null, { timeout: 20000 });
    const big = bigLog(3);
    await page.evaluate(() => {
      window.__states = [];
      window.__working = [];
      const el = document.getElementById('live');
      new MutationObserver(() => {
        const base = el.shadowRoot.querySelector('[part="base"]');
        window.__states.push(base.dataset.state);
        const w = el.shadowRoot.querySelector('.working');
        if (w) window.__working.push(w.textContent);
      }).observe(el.shadowRoot, { attributes: true, subtree: true, childList: true });
    });
    for (const how of ['paste', 'value']) {
      await startWatch(page);
      const t0 = Date.now();
      const done = page.evaluate(() => new Promise((r) => document.getElementById('live').addEventListener('explained', (e) => r(e.detail.matches[0]?.id), { once: true })));
      if (how === 'paste') {
        // A paste as the browser delivers it: a ClipboardEvent with the text on its DataTransfer.
        await page.evaluate((text) => {
          const box = document.getElementById('live').shadowRoot.querySelector('textarea');
          const dt = new DataTransfer();
          dt.setData('text/plain', text);
          box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }));
        }, big);
      } else {
        await page.$eval('#live', (el, text) => { el.value = text; }, big);
      }
      assert.equal(await done, '429-quota-exceeded', how);
      const ms = Date.now() - t0;
      await page.waitForTimeout(200);
      const w = await stopWatch(page);
      const shown = await page.$eval('#live', (el) => ({
        box: el.shadowRoot.querySelector('textarea').value.length,
        read: el.shadowRoot.querySelector('.read').textContent,
        busy: el.shadowRoot.querySelector('[part="base"]').getAttribute('aria-busy'),
      }));
      console.log(`# element, 3 MB by ${how}: answered in ${ms} ms; longest frame gap ${w.frameGap} ms, timer gap ${w.timerGap} ms, longest script ${w.script} ms; box holds ${shown.box} characters`);
      assert.ok(w.script < 200, `${how}: a script held the host page's main thread ${w.script} ms`);
      assert.equal(shown.busy, null);
      assert.ok(shown.box < 64 * 1024, `${how}: the box got the excerpt, not ${shown.box} characters`);
      assert.match(shown.read, /Read all 3\.\d MB of the paste/);
      assert.ok(w.frameGap < 500, `${how}: the page stopped drawing for ${w.frameGap} ms`);
    }
    const states = await page.evaluate(() => window.__states);
    assert.ok(states.includes('working'), `the working state was shown (${[...new Set(states)].join(', ')})`);
    assert.match((await page.evaluate(() => window.__working))[0] ?? '', /^Working… reading 3\.\d MB\.$/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('where workers are refused (CSP worker-src none), it explains on the main thread', async () => {
    const page = await newPage(env.browser);
    await page.route('**/embed.html', async (route) => {
      const res = await route.fetch();
      const csp = `${res.headers()['content-security-policy']}; worker-src 'none'`;
      const body = (await res.text()).replace(/content="default-src[^"]*"/, `content="${csp}"`);
      await route.fulfill({ response: res, body, headers: { ...res.headers(), 'content-security-policy': csp } });
    });
    await page.goto(`${env.base}/embed.html`);
    await page.waitForFunction(() => document.getElementById('fixed')?.shadowRoot?.querySelector('[data-entry-id]'), null, { timeout: 20000 });
    const done = page.evaluate(() => new Promise((r) => document.getElementById('live').addEventListener('explained', (e) => r(e.detail.matches[0]?.id), { once: true })));
    await page.$eval('#live', (el, text) => { el.value = text; }, bigLog(0.5));
    assert.equal(await done, '429-quota-exceeded');
    assert.deepEqual(page.errors.filter((e) => !/worker-src|Content Security Policy|CSP violation/.test(e)), []);
    await page.context().close();
  });
});

describe('the page', () => {
  test('a malformed fragment is ignored: the page starts, with its worker', async () => {
    const page = await newPage(env.browser);
    await open(page, env.base, '/#%E0%A4%A');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.worker), 'ready');
    await paste(page, QUOTA);
    assert.equal((await renderedIds(page))[0], '429-quota-exceeded');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  for (const how of ['dropped file', 'paste']) {
    test(`a 20 MB ${how} is explained from its bytes in the worker; the box shows the excerpt`, async () => {
      const page = await newPage(env.browser);
      await open(page, env.base);
      await page.evaluate((mb) => {
        // Built in the page so that the test's own transfer of 20 MB is not what is measured.
        const line = '2026-11-24 10:00:00 INFO worker: processed batch ok, 200 items, 0 retries, queue depth 12\n';
        window.__big = `${line.repeat(Math.ceil((mb * 1e6) / line.length))}openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}\n`;
      }, 20);
      await startWatch(page);
      const t0 = Date.now();
      await page.evaluate((kind) => {
        const box = document.getElementById('paste');
        const dt = new DataTransfer();
        if (kind === 'paste') {
          dt.setData('text/plain', window.__big);
          box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        } else {
          dt.items.add(new File([window.__big], 'ci.log', { type: 'text/plain' }));
          box.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
          box.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }
      }, how === 'paste' ? 'paste' : 'file');
      await page.waitForFunction(() => document.getElementById('answer').dataset.state === 'matched', null, { timeout: 30000 });
      await settled(page);
      const ms = Date.now() - t0;
      await page.waitForTimeout(300);
      const w = await stopWatch(page);
      const shown = await page.evaluate(() => ({
        box: document.getElementById('paste').value,
        note: document.getElementById('read-note').textContent,
      }));
      console.log(`# page, 20 MB ${how}: answered in ${ms} ms; longest frame gap ${w.frameGap} ms, timer gap ${w.timerGap} ms, longest script ${w.script} ms; box holds ${shown.box.length} characters`);
      assert.equal((await renderedIds(page))[0], '429-quota-exceeded');
      assert.ok(shown.box.length < 64 * 1024, `the box holds ${shown.box.length} characters`);
      assert.match(shown.box, /insufficient_quota/);
      assert.match(shown.note, how === 'paste' ? /^Read the whole paste \(2\d\.\d MB\)/ : /^Read all of ci\.log \(2\d\.\d MB\)/);
      assert.ok(w.script < 200, `a script held the main thread ${w.script} ms`);
      assert.ok(w.frameGap < 1000, `the page stopped drawing for ${w.frameGap} ms`);
      // Editing the excerpt goes on as usual.
      await paste(page, `${shown.box}\n`);
      assert.equal((await renderedIds(page))[0], '429-quota-exceeded');
      assert.equal(await page.$eval('#read-note', (n) => n.textContent), '');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test('on a phone the answer is brought into view after a paste; typing does not scroll', async () => {
    const page = await newPage(env.browser, { viewport: { width: 390, height: 844 } });
    await open(page, env.base);
    const top = () => page.$eval('#answer', (a) => a.getBoundingClientRect().top);
    assert.ok(await top() > 844 * 0.7, `the answer's heading starts near the bottom of the screen (${await top()})`);
    await paste(page, QUOTA);
    await page.waitForFunction(() => document.getElementById('answer').getBoundingClientRect().top < 400);
    assert.ok(Math.abs(await top()) < 400, `answer top at ${await top()}`);
    await page.evaluate(() => scrollTo(0, 0));
    await page.fill('#paste', '');
    await page.type('#paste', 'Error code: 401 - Incorrect API key provided', { delay: 2 });
    await settled(page);
    assert.equal(await page.evaluate(() => scrollY), 0, 'typing never moves the page');
    await page.context().close();
  });

  test('the paste box does not wrap lines (page and element): ^^^^ markers stay aligned', async () => {
    const page = await newPage(env.browser);
    await open(page, env.base);
    const long = `    reply = client.chat.completions.create(model="gpt-4o-mini", messages=messages, temperature=0, max_tokens=10000)\n${' '.repeat(12)}${'^'.repeat(90)}`;
    await paste(page, long);
    const box = await page.$eval('#paste', (t) => ({ ws: getComputedStyle(t).whiteSpace, wrap: t.getAttribute('wrap'), scroll: t.scrollWidth > t.clientWidth }));
    assert.equal(box.wrap, 'off');
    assert.match(box.ws, /^pre$/);
    assert.ok(box.scroll, 'a long line scrolls sideways instead of wrapping');
    await page.goto(`${env.base}/embed.html`);
    await page.waitForFunction(() => document.getElementById('live')?.shadowRoot?.querySelector('textarea'));
    assert.equal(await page.$eval('#live', (el) => getComputedStyle(el.shadowRoot.querySelector('textarea')).whiteSpace), 'pre');
    await page.context().close();
  });

  test('an answer shared by link: the key is redacted in the link, and opening it explains with no request', async () => {
    const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await open(page, env.base);
    await paste(page, `$ python app.py\n${AUTH}`);
    await page.click('#answer button.share');
    await page.waitForFunction(() => document.querySelector('#answer button.share').textContent === 'Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, await page.evaluate(() => location.href), 'the address bar holds the link too');
    const url = new URL(link);
    assert.equal(url.origin + url.pathname, `${env.base}/`);
    const m = /^#x=([A-Za-z0-9_-]+)$/.exec(url.hash);
    assert.ok(m, `a #x= fragment: ${url.hash.slice(0, 40)}`);
    assert.ok(!link.includes(KEY.slice(8, 30)), 'the key is not in the link as such');
    const carried = inflateRawSync(Buffer.from(m[1], 'base64url')).toString('utf8');
    assert.ok(carried.includes('openai.AuthenticationError: Error code: 401'), carried.slice(0, 200));
    assert.ok(!carried.includes(KEY.slice(8, 40)), 'the paste in the link is redacted');
    assert.ok(carried.includes(`sk-proj-****${KEY.slice(-4)}`));
    await page.context().close();

    const reader = await newPage(env.browser);
    const logged = env.server.log.length;
    await open(reader, env.base, url.pathname + url.hash);
    await reader.waitForFunction(() => document.getElementById('answer').dataset.state === 'matched', null, { timeout: 15000 });
    await settled(reader);
    const loaded = reader.requests.length;
    assert.match((await renderedIds(reader))[0], /^401-/);
    assert.equal(await reader.inputValue('#paste'), carried);
    await reader.waitForTimeout(500);
    assert.deepEqual(reader.requests.slice(loaded), [], 'no request after load');
    assert.ok(env.server.log.slice(logged).every((p) => !p.includes('x=')), 'the fragment never reached the server');
    assert.deepEqual(reader.errors, []);
    await reader.context().close();
    // A damaged link is ignored, as any unknown fragment.
    const damaged = await newPage(env.browser);
    await open(damaged, env.base, '/#x=not-deflate-data');
    await damaged.waitForTimeout(300);
    assert.equal(await damaged.$eval('#answer', (a) => a.dataset.state), 'empty');
    assert.deepEqual(damaged.errors, []);
    await damaged.context().close();
  });
});

describe('headings', () => {
  test('by default the element\'s headings continue the host\'s outline (axe heading-order, frame.html and a plain page)', async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.base}/frame.html`);
    await page.locator('openai-error-explainer textarea').fill(QUOTA);
    await page.locator('openai-error-explainer [data-entry-id]').first().waitFor({ timeout: 15000 });
    assert.equal(await page.$eval('openai-error-explainer', (el) => el.shadowRoot.querySelector('.title').tagName), 'H2');
    assert.deepEqual((await axe(page)).filter((v) => v.startsWith('heading-order')), []);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
});
