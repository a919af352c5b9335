// explain(err) and report(err) on what programs really catch: errors thrown by the real `openai` and `ai`
// (Vercel AI SDK) packages and by axios, against a loopback server that answers as the API does (status, headers,
// error body); any Error with a cause chain; and hostile objects (throwing getters, Proxies, cycles, huge
// bodies), which must cost a field, never a crash, a hang or a run of their code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';

import { explain, report } from 'openai-error-explainer';
import { requireTool } from './helpers.mjs';

const KEY = 'sk-proj-Zq3xVb7NmK2pLw9RtY4uHc6JdF8gS1aE0oIi5TnMbQeWrXyKq';

/** What the loopback API answers, by the model asked for. */
const ANSWERS = {
  quota: [429, { 'x-request-id': 'req_quota0123456789abcdef' }, {
    error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' },
  }],
  rate: [429, {
    'x-request-id': 'req_rate0123456789abcdef', 'retry-after': '20', 'x-ratelimit-limit-requests': '500',
    'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s',
  }, {
    error: { message: 'Rate limit reached for gpt-4o-mini in organization org-test on requests per min (RPM): Limit 500, Used 500, Requested 1.', type: 'requests', param: null, code: 'rate_limit_exceeded' },
  }],
  key: [401, { 'x-request-id': 'req_key0123456789abcdef' }, {
    error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
  }],
  context: [400, { 'x-request-id': 'req_ctx0123456789abcdef' }, {
    error: { message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 130001 tokens. Please reduce the length of the messages.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' },
  }],
};

let server;
let base;
let closedPort;

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      let model = 'quota';
      try {
        model = JSON.parse(body).model;
      } catch {
        // Not JSON: the default answer.
      }
      const [status, headers, json] = ANSWERS[model] ?? ANSWERS.quota;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}/v1`;
  // A port nothing listens on: a connection error.
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  closedPort = probe.address().port;
  await new Promise((ok) => probe.close(ok));
});

after(() => new Promise((ok) => server.close(ok)));

async function caught(fn) {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected a throw');
}

function noKey(answer) {
  const all = JSON.stringify(answer);
  assert.ok(!all.includes(KEY.slice(8, 40)), `the key survived: ${all.slice(0, 400)}`);
}

async function openaiClient(baseURL = base) {
  const { default: OpenAI } = await import(requireTool.resolve('openai'));
  return new OpenAI({ apiKey: KEY, baseURL, maxRetries: 0, timeout: 5000 });
}

async function chat(model, baseURL) {
  const client = await openaiClient(baseURL);
  return caught(() => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }));
}

test('openai (Node SDK): a quota error as caught', async () => {
  const err = await chat('quota');
  assert.equal(err.status, 429, 'the SDK threw its APIError');
  const answer = explain(err);
  assert.equal(answer.matches[0].id, '429-quota-exceeded');
  assert.equal(answer.evidence.status, 429);
  assert.equal(answer.evidence.error_code, 'insufficient_quota');
  assert.equal(answer.evidence.request_id, 'req_quota0123456789abcdef');
  assert.equal(answer.retry.verdict, 'never');
  assert.match(report(err), /req_quota0123456789abcdef/);
});

test('openai (Node SDK): a rate limit with its headers, the wait read from them', async () => {
  const answer = explain(await chat('rate'));
  assert.equal(answer.matches[0].id, '429-rate-limit');
  assert.equal(answer.evidence.rate_limits.remaining_requests, '0');
  assert.equal(answer.evidence.retry_after_seconds, 20);
  assert.equal(answer.retry.verdict, 'wait');
});

test('openai (Node SDK): a wrong key is explained and never shown', async () => {
  const err = await chat('key');
  const answer = explain(err);
  assert.match(answer.matches[0].id, /^401-/);
  noKey(answer);
  assert.ok(!report(err).includes(KEY.slice(8, 40)));
});

test('openai (Node SDK): context length; and a connection error with its cause chain', async () => {
  assert.equal(explain(await chat('context')).matches[0].id, '400-context-length-exceeded');
  const err = await chat('quota', `http://127.0.0.1:${closedPort}/v1`);
  assert.equal(err.constructor.name, 'APIConnectionError');
  const answer = explain(err);
  assert.equal(answer.matches[0].id, 'APIConnectionError');
  assert.equal(answer.evidence.root_cause?.kind, 'refused', JSON.stringify(answer.evidence));
});

test('Vercel AI SDK: an APICallError from generateText', async () => {
  const { generateText } = await import(requireTool.resolve('ai'));
  const { createOpenAI } = await import(requireTool.resolve('@ai-sdk/openai'));
  const provider = createOpenAI({ apiKey: KEY, baseURL: base });
  const err = await caught(() => generateText({ model: provider.chat('quota'), prompt: 'hi', maxRetries: 0 }));
  assert.ok('statusCode' in err || 'lastError' in err, `an APICallError (got ${err?.name})`);
  const answer = explain(err);
  assert.equal(answer.matches[0].id, '429-quota-exceeded');
  assert.equal(answer.evidence.request_id, 'req_quota0123456789abcdef');
  const wrongKey = await caught(() => generateText({ model: provider.chat('key'), prompt: 'hi', maxRetries: 0 }));
  noKey(explain(wrongKey));
  // With its retries, the SDK throws a RetryError around the last APICallError.
  const retried = await caught(() => generateText({ model: provider.chat('quota'), prompt: 'hi', maxRetries: 1 }));
  assert.ok('lastError' in retried, `a RetryError (got ${retried?.name})`);
  assert.equal(explain(retried).matches[0].id, '429-quota-exceeded');
});

test('axios: error.response.status and .data', async () => {
  const { default: axios } = await import(requireTool.resolve('axios'));
  const err = await caught(() => axios.post(`${base}/chat/completions`, { model: 'context' },
    { headers: { Authorization: `Bearer ${KEY}` } }));
  assert.equal(err.response?.status, 400);
  const answer = explain(err);
  assert.equal(answer.matches[0].id, '400-context-length-exceeded');
  assert.equal(answer.evidence.request_id, 'req_ctx0123456789abcdef');
  noKey(answer);
});

test('any Error: name, message, stack and cause', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
  const fetchFailed = new TypeError('fetch failed', { cause: refused });
  class APIConnectionError extends Error {}
  const err = new APIConnectionError('Connection error.', { cause: fetchFailed });
  const answer = explain(err);
  assert.equal(answer.matches[0].id, 'APIConnectionError');
  assert.equal(answer.evidence.root_cause?.kind, 'refused');
  // A message alone, as `new Error(text)` wraps it.
  assert.equal(explain(new Error('Error code: 429 - You exceeded your current quota')).matches[0].id, '429-quota-exceeded');
});

test('hostile objects: getters are not called, Proxies and cycles are survived, size is bounded', () => {
  let ran = 0;
  const err = new Error('openai.RateLimitError: Error code: 429 - You exceeded your current quota');
  Object.defineProperty(err, 'status', { get() { ran++; throw new Error('boom'); }, enumerable: true });
  Object.defineProperty(err, 'response', { get() { ran++; return { status: 500 }; }, enumerable: true });
  err.cause = err;
  err.toString = () => { ran++; return 'x'; };
  err.toJSON = () => { ran++; return {}; };
  assert.equal(explain(err).matches[0].id, '429-quota-exceeded');
  const body = { message: 'You exceeded your current quota', code: 'insufficient_quota' };
  body.self = body;
  body.big = 'x'.repeat(5_000_000);
  body.deep = JSON.parse(`${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`);
  const e2 = Object.assign(new Error('429'), { status: 429, error: body });
  assert.equal(explain(e2).matches[0].id, '429-quota-exceeded');
  const trap = new Proxy(new Error('Connection error.'), {
    get() { ran++; throw new Error('trap'); },
    getOwnPropertyDescriptor() { throw new Error('trap'); },
    ownKeys() { throw new Error('trap'); },
  });
  assert.ok(Array.isArray(explain(trap).matches), 'a Proxy that throws everywhere still gets an answer');
  const { proxy, revoke } = Proxy.revocable(new Error('x'), {});
  revoke();
  assert.throws(() => explain(proxy), { name: 'TypeError' });
  assert.equal(ran, 0, 'no getter, toString or toJSON of the object ran');
  // Plain objects that are no error stay a TypeError, as before.
  for (const bad of [{}, { foo: 1 }, []]) assert.throws(() => explain(bad), { name: 'TypeError' });
});
