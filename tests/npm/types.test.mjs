// The hand-written types, checked by the TypeScript compiler from a consumer's point of view: the package resolves
// through its exports' `types` condition (the element and define entries too), correct use compiles under --strict,
// and wrong use is rejected.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONSUMER, requireTool } from './helpers.mjs';

const CONSUMER_TS = `
import init, { catalogue, entry, explain, report, version } from 'openai-error-explainer';
import type { Entry, Evidence, Explanation, Match, Retry } from 'openai-error-explainer';
import { OpenAIErrorExplainerElement } from 'openai-error-explainer/define';
import { TAG, announce, renderExplanation } from 'openai-error-explainer/element';

await init();
const answer: Explanation = explain('openai.RateLimitError: Error code: 429');
const first: Match | undefined = answer.matches[0];
const id: string | undefined = first?.id;
const score: number | undefined = first?.score;
const ev: Evidence = answer.evidence;
const status: number | null = ev.status;
const tokens: string | null = ev.rate_limits.reset_tokens;
const cause: string | undefined = ev.root_cause?.text;
const retry: Retry | null = answer.retry;
const verdict: 'now' | 'wait' | 'never' | undefined = retry?.verdict;
const wait: number | null | undefined = retry?.after_seconds;
const text: string = report('x');
const all: Entry[] = catalogue();
const one: Entry | undefined = entry('429-quota-exceeded');
const html: string | undefined = one?.why_html;
const codes: string[] | undefined = one?.signals.codes;
const url: string | undefined = one?.links[0]?.url;
const v: string = version;
console.log(id, score, status, tokens, cause, verdict, wait, text, all.length, html, codes, url, v);

const el: OpenAIErrorExplainerElement = document.createElement(TAG);
el.addEventListener('explained', (e) => console.log(e.detail.matches[0]?.id, announce(e.detail)));
const frag: DocumentFragment = renderExplanation(el.explanation, { compact: true, headingLevel: 2 });
console.log(frag);
// @ts-expect-error define.js exports the class only
import('openai-error-explainer/define').then((m) => m.TAG);

// @ts-expect-error explain needs a string
explain(42);
// @ts-expect-error no such field
answer.matches[0].nope;
// @ts-expect-error the entry's status is a string ("429" or "500-599"), not a number
const wrongStatus: number = one!.status!;
// @ts-expect-error entry() may return undefined
const sure: Entry = entry('x');
// @ts-expect-error the verdict is one of three strings
const wrongVerdict: 'later' = answer.retry!.verdict;
console.log(wrongStatus, sure, wrongVerdict);
`;

test('the types compile for a strict TypeScript consumer, and reject wrong use', () => {
  const dir = join(CONSUMER, 'ts-consumer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['es2022', 'dom'],
        types: [],
        skipLibCheck: false,
      },
      files: ['consumer.ts'],
    }),
  );
  // The consumer project is "type": "module", so nodenext treats consumer.ts as ESM.
  const tsc = requireTool.resolve('typescript/bin/tsc');
  let output = '';
  try {
    output = execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
    assert.fail(`tsc found errors:\n${output}`);
  }
  assert.equal(output.trim(), '');
});

/** Compiles `files` ({name: source}) in a fresh project under the consumer with `options`; returns tsc's output. */
function tsc(name, files, options) {
  const dir = join(CONSUMER, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, source] of Object.entries(files)) writeFileSync(join(dir, file), source);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
      skipLibCheck: false, ...options },
    files: Object.keys(files),
  }));
  try {
    return execFileSync(process.execPath, [requireTool.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' }).trim();
  } catch (e) {
    return `${e.stdout}${e.stderr}`.trim();
  }
}

test('caught errors type-check: explain(err) and report(err) in a catch block; a number is still refused', () => {
  const out = tsc('ts-caught', {
    'caught.ts': `
import { explain, report } from 'openai-error-explainer';
import type { CaughtError, Explanation } from 'openai-error-explainer';
try {
  throw new Error('x');
} catch (err) {
  const a: Explanation = explain(err as Error);
  const r: string = report(err as CaughtError);
  console.log(a.matches[0]?.id, r);
}
explain({ status: 429, error: { code: 'insufficient_quota' } });
explain({ statusCode: 429, responseBody: '{}' });
explain({ response: { status: 429, data: {} } });
// @ts-expect-error a number is neither a paste nor an error
explain(42);
`,
  }, { lib: ['es2022', 'dom'], types: [] });
  assert.equal(out, '');
});

test('the types compile in a Node-only project (no dom lib)', () => {
  const out = tsc('ts-node-only', {
    'server.ts': `
import init, { explain, redact, catalogue } from 'openai-error-explainer';
import type { InitInput } from 'openai-error-explainer';
await init();
const input: InitInput = new Uint8Array(0);
export const used = [explain('x').matches.length, redact('x'), catalogue().length, input];
`,
  }, { lib: ['es2022'], types: [] });
  assert.equal(out, '');
});

test('React 19 JSX types for the tag (openai-error-explainer/react), and wrong props rejected', () => {
  const out = tsc('ts-react', {
    'page.tsx': `
import type {} from 'openai-error-explainer/react';
import type { ExplainedEvent } from 'openai-error-explainer/element';
export function Page() {
  return (
    <main>
      <openai-error-explainer compact="" value="Error code: 429" headingLevel={2}
        onexplained={(e: ExplainedEvent) => console.log(e.detail.matches[0]?.id)} />
      <openai-error-explainer compact />
      {/* @ts-expect-error compact is a flag, not a number */}
      <openai-error-explainer compact={3} />
    </main>
  );
}
`,
  }, { lib: ['es2022', 'dom'], jsx: 'react-jsx', types: [] });
  assert.equal(out, '');
});
