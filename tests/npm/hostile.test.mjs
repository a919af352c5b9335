// The hostile-input table of tests/hostile.rs, through the installed wasm package: every input gets a clear
// answer (an object with a matches array), nothing traps, and no key from the secrets table survives into
// explain()'s JSON or report().

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { explain, report } from 'openai-error-explainer';

const RATE = "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o in " +
  "organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1.', 'type': 'requests', 'param': None, " +
  "'code': 'rate_limit_exceeded'}}\n";

function answered(text) {
  const answer = explain(text);
  assert.ok(Array.isArray(answer.matches), 'an answer with matches');
  assert.equal(typeof answer.report, 'string');
  return answer;
}

test('empty and blank pastes: no match, no error', () => {
  for (const text of ['', '   ', '\n\n\t\n', '\r\n']) assert.deepEqual(answered(text).matches, []);
});

test('100 MB on one line, then the error: found, with its line', () => {
  const answer = answered(`${'status=200 path=/x {\'k\': \'v\'} Error code '.repeat(2_500_000)}\n${RATE}`);
  assert.equal(answer.matches[0].id, '429-rate-limit');
  assert.equal(answer.evidence.decisive_line, 2);
});

test('a million short lines, then the error', () => {
  const answer = answered(`${'x\n'.repeat(1_000_000)}${RATE}`);
  assert.equal(answer.matches[0].id, '429-rate-limit');
  assert.equal(answer.evidence.decisive_line, 1_000_001);
});

test('200,000 levels of nesting in a dict, JSON and a Node object', () => {
  const dict = answered(`openai.BadRequestError: Error code: 400 - ${"{'a': ".repeat(200_000)}`);
  assert.equal(dict.matches[0].id, 'BadRequestError');
  answered(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
  answered(`RateLimitError: 429 x\n    at f (node_modules/openai/core.mjs:1:1) {\n${'{ a: '.repeat(200_000)}`);
});

test('lone surrogates, NUL, unterminated quotes and brackets', () => {
  for (const text of ['\uD800\uDFFF\uDC00 openai.APIConnectionError: Connection error.\u0000', "{'error': {'message': 'no end",
    '((((((([[[[[{{{{{"\'"\'', '\u0000'.repeat(4096)]) answered(text);
});

test('escapes, HTML and bidi overrides in a message come back as data', () => {
  const msg = '\u001b[2J\u001b]0;owned\u0007<script>alert(1)</script><img src=x onerror=alert(1)> \u202egnp.exe';
  const answer = answered(`openai.BadRequestError: Error code: 400 - {'error': {'message': "${msg}", 'type': 'invalid_request_error', 'param': None, 'code': None}}`);
  assert.match(answer.evidence.error_message, /<script>alert\(1\)<\/script>/);
});

test('the secrets table: no key survives into explain() or report()', () => {
  const secret = 'Zq3xVb7NmK2pLw9RtY4uHc6JdF8gS1aE0oIi5TnMbQeWrXyK';
  const keys = [
    `sk-${secret}`, `sk-proj-${secret}`, `sk-svcacct-${secret}`, `sk-admin-${secret}`,
  ];
  const paste = [
    ...keys.map((k) => `Incorrect API key provided: ${k}.`),
    `OPENAI_API_KEY=${secret}`,
    `api_key="${secret}"`,
    `Authorization: Bearer ${secret}`,
    `key: sk-proj-${secret.slice(0, 24)}\n${secret.slice(24)} end`,
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}",
  ].join('\n');
  const outputs = [JSON.stringify(explain(paste)), report(paste)];
  for (const out of outputs) {
    for (let i = 0; i + 12 <= secret.length; i += 6) {
      assert.ok(!out.includes(secret.slice(i, i + 12)), `a piece of the secret (${secret.slice(i, i + 12)}) survived`);
    }
  }
  // Masked, not dropped: the prefix and the last four stay, to tell keys apart.
  const shown = explain(`Incorrect API key provided: sk-proj-${secret}.`).evidence.error_message;
  assert.match(shown, new RegExp(`sk-proj-\\*{4}${secret.slice(-4)}`));
});
