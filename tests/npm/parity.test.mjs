// The wasm package and the native CLI give the same answer: for every corpus case (tests/corpus/cases/**.txt, read
// when the test runs) and every catalogue example, explain() equals `openai-error-explainer --json FILE`, given the
// file as a string and as its bytes; and the package's catalogue is the CLI's `--list --json`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { catalogue, entry, explain } from 'openai-error-explainer';
import { CLI, corpusCases, readCase } from './helpers.mjs';

const run = promisify(execFile);

async function cliJson(path) {
  try {
    const { stdout } = await run(CLI, ['--json', path], { maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  } catch (e) {
    // Exit status 1 means "nothing matched": the JSON is still the answer.
    if (e.code === 1 && e.stdout) return JSON.parse(e.stdout);
    throw new Error(`${CLI} --json ${path} failed: ${e.stderr || e.message}`);
  }
}

// Runs `check` over `items`, a few CLI processes at a time; collects every difference instead of stopping at one.
async function compareAll(items) {
  const wrong = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const { name, path } = items[next++];
      const want = await cliJson(path);
      try {
        assert.deepStrictEqual(explain(readCase(path)), want);
        assert.deepStrictEqual(explain(readFileSync(path)), want, 'given the bytes');
      } catch (e) {
        wrong.push(`${name}:\n${e.message.split('\n').slice(0, 30).join('\n')}`);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return wrong;
}

test('the native CLI has been built', () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: cargo build --release`);
});

test('catalogue() equals the CLI --list --json, and entry(id) each of its entries', async () => {
  const { stdout } = await run(CLI, ['--list', '--json'], { maxBuffer: 64 << 20 });
  const want = JSON.parse(stdout);
  assert.ok(want.length > 10);
  assert.deepStrictEqual(catalogue(), want);
  for (const e of want) assert.deepStrictEqual(entry(e.id), e);
  for (const e of want) {
    for (const field of ['cause', 'solution', 'why_html', 'steps_html', 'more_html', 'example']) {
      assert.equal(typeof e[field], 'string', `${e.id}.${field}`);
    }
  }
});

test('every corpus case: wasm explain() equals the CLI --json', async (t) => {
  const cases = corpusCases();
  if (cases.length === 0) {
    t.skip('tests/corpus/cases holds no .txt case yet');
    return;
  }
  const wrong = await compareAll(cases);
  t.diagnostic(`${cases.length} corpus cases compared`);
  assert.equal(wrong.length, 0, `${wrong.length} of ${cases.length} differ:\n\n${wrong.join('\n\n')}`);
});

test('every catalogue example: wasm explain() equals the CLI --json', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'oee-examples-'));
  try {
    const items = catalogue()
      .filter((e) => e.example)
      .map((e) => {
        const path = join(dir, `${e.id}.txt`);
        writeFileSync(path, e.example);
        return { name: `example of ${e.id}`, path };
      });
    assert.ok(items.length > 10);
    const wrong = await compareAll(items);
    t.diagnostic(`${items.length} catalogue examples compared`);
    assert.equal(wrong.length, 0, `${wrong.length} of ${items.length} differ:\n\n${wrong.join('\n\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('awkward bytes: invalid UTF-8, a BOM, CRLF, NUL give the same answer in both', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oee-bytes-'));
  try {
    const body = Buffer.from(
      'HTTP/1.1 429 Too Many Requests\r\nx-request-id: req_123\r\nretry-after: 20\r\n\r\n' +
        '{"error": {"message": "Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): ' +
        'Limit 30000, Used 29000, Requested 2000.", "type": "tokens", "code": "rate_limit_exceeded"}}\r\n',
    );
    const variants = {
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]),
      'invalid-utf8.txt': Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), body, Buffer.from([0xe2, 0x82])]),
      'nul.txt': Buffer.concat([body, Buffer.from([0, 0, 0x41])]),
    };
    const items = Object.entries(variants).map(([name, bytes]) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return { name, path };
    });
    const wrong = await compareAll(items);
    assert.equal(wrong.length, 0, wrong.join('\n\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
