// The secrets table (tests/secrets/table.json, written by gen_table.py beside it) through the installed package:
// no secret may come out of explain() (string, bytes, or wrapped in a caught Error), report(), redact() (what the
// page's share link carries) or excerpt() (what the page's box shows for a large paste); the ids support needs
// stay readable. tests/secrets.rs checks the CLI and the library, tests/e2e/secrets.test.mjs the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { excerpt, explain, redact, report } from 'openai-error-explainer';
import { ROOT } from './helpers.mjs';

const rows = JSON.parse(readFileSync(join(ROOT, 'tests', 'secrets', 'table.json'), 'utf8'));

/** The first ten consecutive characters of `secret` found in `out` (its prefix and last four are shown on purpose). */
function leaked(out, secret) {
  const chars = [...secret];
  for (let i = 0; i + 10 <= chars.length; i++) {
    const w = chars.slice(i, i + 10).join('');
    if (out.includes(w)) return w;
  }
  return null;
}

test('no secret in the table comes out of explain(), report(), redact() or excerpt()', () => {
  assert.ok(rows.length >= 70, `only ${rows.length} secret shapes`);
  const failures = [];
  // A large log around each paste makes excerpt() narrow it, as the page's box does for a big file.
  const padding = '2026-11-24 10:00:00 INFO worker: processed batch ok\n'.repeat(2000);
  for (const row of rows) {
    const answer = explain(row.paste);
    const outputs = {
      'explain()': JSON.stringify(answer),
      'explain(bytes)': JSON.stringify(explain(Buffer.from(row.paste))),
      'explain(new Error(paste))': JSON.stringify(explain(new Error(row.paste))),
      'report()': report(row.paste),
      'redact()': redact(row.paste),
      'excerpt() of a log': excerpt(`${padding}${row.paste}${padding}`),
    };
    for (const [what, out] of Object.entries(outputs)) {
      for (const secret of row.secrets) {
        const w = leaked(out, secret);
        if (w) failures.push(`${row.name}: ${what} shows ${JSON.stringify(w)}`);
      }
    }
    for (const keep of row.keep) {
      if (!outputs['explain()'].includes(keep)) failures.push(`${row.name}: ${keep} should stay readable`);
    }
  }
  assert.deepEqual(failures, []);
});
