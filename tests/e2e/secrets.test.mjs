// The secrets table (tests/secrets/table.json) through the page in Chromium: for every row, no secret may come
// out of the answer's DOM text, the report copied with its button, or the share link's fragment (the redacted
// paste it carries). tests/npm/secrets.test.mjs checks the package's functions, tests/secrets.rs the CLI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import { ROOT, newPage, open, paste, suite } from './helpers.mjs';

const env = suite();
const rows = JSON.parse(readFileSync(join(ROOT, 'tests', 'secrets', 'table.json'), 'utf8'));

function leaked(out, secret) {
  const chars = [...secret];
  for (let i = 0; i + 10 <= chars.length; i++) {
    const w = chars.slice(i, i + 10).join('');
    if (out.includes(w)) return w;
  }
  return null;
}

test('no secret in the table reaches the answer, the copied report or the share link', async () => {
  assert.ok(rows.length >= 70, `only ${rows.length} rows`);
  const page = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page, env.base);
  const failures = [];
  for (const row of rows) {
    await paste(page, row.paste);
    const answer = await page.$eval('#answer', (a) => a.textContent);
    const outputs = { 'the answer': answer };
    if (await page.$('#answer .report button.copy')) {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.click('#answer .report button.copy');
      await page.waitForFunction(() => document.querySelector('#answer .report button.copy').dataset.copied === 'yes');
      outputs['the copied report'] = await page.evaluate(() => navigator.clipboard.readText());
      await page.click('#answer button.share');
      await page.waitForFunction(() => /^#xg?=/.test(location.hash));
      const hash = await page.evaluate(() => location.hash);
      outputs['the share link'] = hash;
      outputs['the shared paste'] = inflateRawSync(Buffer.from(hash.slice(3), 'base64url')).toString('utf8');
      await page.evaluate(() => history.replaceState(null, '', location.pathname));
    } else {
      failures.push(`${row.name}: no report to copy`);
    }
    for (const [what, out] of Object.entries(outputs)) {
      for (const secret of row.secrets) {
        const w = leaked(out, secret);
        if (w) failures.push(`${row.name}: ${what} shows ${JSON.stringify(w)}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
